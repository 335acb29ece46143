// Qualification structures given as CSV grids (corpus/external/svq-*.csv):
// groups, pathways with their option groups, rules as numbers, units with
// their codes, levels and credits, and the diagnostics of each grid's
// oddities, all as the facts files beside the grids state them.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "load/csv_grid.hpp"
#include "qspec/profile.hpp"

using namespace qspec;
using qspec::test::count_code;
using qspec::test::pos;

namespace {

struct unit_fact {
  const char* code = nullptr;            // nullptr: the grid prints none
  const char* developer_code = nullptr;
  const char* number = nullptr;          // the unit number, "Unit 4"
  const char* title = nullptr;
  int level = -1;                        // -1: the cell is empty
  int credit = -1;
};

/// One group in document order; depth 1 for a pathway's own groups.
struct group_fact {
  group_type type;
  int depth;
  int min_units, max_units;  // -1: the text states none
  std::size_t units, subgroups;
  unit_fact first, last;
};

// svq-GJ1924-site-management-structure.csv: as its facts file states
const std::vector<group_fact> site_management_groups = {
    {group_type::mandatory, 0, -1, -1, 19, 0,
     {"F3H004", "COSVR210", nullptr, "Develop and maintain good working relationships", 6, 8},
     {"F3H804", "COSVR739", nullptr, "Evaluate feedback information and recommend improvements", 9, 7}},
    {group_type::additional, 0, -1, -1, 7, 0,
     {"F3HG04", "COSVR716", nullptr, "Plan highways maintenance or repair activities", 9, 12},
     {"H6B004", "COSVR743", nullptr, "Plan tunnelling activities", -1, -1}},
};

// svq-GL3P23-marine-engineering-structure.csv: as its facts file states
const std::vector<group_fact> marine_engineering_groups = {
    {group_type::mandatory, 0, 3, -1, 3, 0,
     {nullptr, "SEMMAN123-01", "1", "Complying with Statutory Regulations and Organisational Safety Requirements", 5, 5},
     {nullptr, "SEMMAN3-03", "3", "Working Efficiently and Effectively in Engineering", 5, 5}},
    {group_type::pathway, 0, 6, -1, 0, 2,
     {},
     {}},
    {group_type::mandatory, 1, 1, -1, 1, 0,
     {nullptr, "SEMME3004", "4", "Installing Cable Runs and Circuits in Marine Structures", 6, 55},
     {nullptr, "SEMME3004", "4", "Installing Cable Runs and Circuits in Marine Structures", 6, 55}},
    {group_type::optional, 1, 2, -1, 11, 0,
     {nullptr, "SEMME3005", "5", "Installing Marine Power Generation and Distribution Equipment and Systems", 6, 54},
     {nullptr, "SEMME3020", "20", "Setting to Work, Testing and Trialling Marine Lighting, Alarm, Detection and Monitoring Equipment and Systems", 7, 66}},
    {group_type::pathway, 0, 8, -1, 0, 2,
     {},
     {}},
    {group_type::mandatory, 1, 2, -1, 2, 0,
     {nullptr, "SEMME3033", "33", "Maintaining Marine Lighting, Alarm, Detection and Monitoring Equipment and Systems", 6, 60},
     {nullptr, "SEMME338", "38", "Overhauling Marine Electrical Rotating Machines and Domestic Equipment", 6, 62}},
    {group_type::optional, 1, 3, -1, 4, 0,
     {nullptr, "SEMME3021", "21", "Diagnosing Faults on Marine Electrical Equipment and Circuits", 7, 62},
     {nullptr, "SEMME3023", "23", "Testing Marine Electrical and Electronic Equipment and Circuits", 6, 50}},
    {group_type::pathway, 0, 9, -1, 0, 2,
     {},
     {}},
    {group_type::mandatory, 1, 4, -1, 4, 0,
     {nullptr, "SEMME3039", "39", "Bending and Forming Marine Pipe using Hand Methods", 6, 48},
     {nullptr, "SEMME3042", "42", "Assembling Non-Ferrous Marine Pipework", 6, 51}},
    {group_type::optional, 1, 2, -1, 4, 0,
     {nullptr, "SEMME3044", "44", "Installing Marine Pipework and Components", 6, 49},
     {nullptr, "SEMME3047", "47", "Joining Marine Pipework by Manual Torch Brazing and Soldering", 6, 50}},
    {group_type::pathway, 0, 9, -1, 0, 2,
     {},
     {}},
    {group_type::mandatory, 1, 2, -1, 2, 0,
     {nullptr, "SEMME3049", "49", "Marking Off Marine Structural Steelwork Components", 6, 47},
     {nullptr, "SEMME3050", "50", "Assembling Fabricated Components to Produce Marine Sub-Assemblies", 6, 49}},
    {group_type::optional, 1, 4, -1, 9, 0,
     {nullptr, "SEMME3051", "51", "Cutting and Shaping Materials using Portable Thermal Cutting Equipment", 6, 48},
     {nullptr, "SEMME3065", "65", "Checking Marine Fabrications for Quality and Dimensional Accuracy", 6, 46}},
    {group_type::pathway, 0, 5, -1, 0, 1,
     {},
     {}},
    {group_type::optional, 1, 2, -1, 6, 0,
     {nullptr, "SEMME3067", "67", "Installing Marine Propulsion Systems and Equipment", 6, 54},
     {nullptr, "SEMME3079", "79", "Installing Marine Fire Main Systems and Equipment", 6, 55}},
    {group_type::pathway, 0, 8, -1, 0, 2,
     {},
     {}},
    {group_type::optional, 1, 3, -1, 6, 0,
     {nullptr, "SEMME3097", "97", "Diagnosing Faults on Marine Mechanical Equipment", 7, 60},
     {nullptr, "SEMME3025", "25", "Slinging, Lifting and Moving Materials, Machinery and Components in a Marine Environment", 6, 45}},
    {group_type::optional, 1, 2, -1, 8, 0,
     {nullptr, "SEMME3103", "103", "Maintaining Marine Propulsion Systems", 6, 59},
     {nullptr, "SEMME3120", "120", "Overhauling Marine Fuel Systems and Equipment", 7, 60}},
    {group_type::pathway, 0, 7, -1, 0, 2,
     {},
     {}},
    {group_type::optional, 1, 1, -1, 2, 0,
     {nullptr, "SEMME3133", "133", "Marking Out for the Manufacture and Assembly of Marine Wooden Components", 6, 48},
     {nullptr, "SEMME3134", "134", "Marking Out for the Installation of Marine Wooden Assemblies", 6, 48}},
    {group_type::optional, 1, 3, -1, 5, 0,
     {nullptr, "SEMME3135", "135", "Producing Marine Wooden Components using Hand Tools", 6, 49},
     {nullptr, "SEMME3150", "150", "Repairing Marine Composite Components and Assemblies", 6, 48}},
    {group_type::pathway, 0, 10, -1, 0, 1,
     {},
     {}},
    {group_type::mandatory, 1, 7, -1, 7, 0,
     {nullptr, "SEMME3152", "152", "Marking Out for Fabrication and Assembly of Marine Sheet Metalwork", 6, 47},
     {nullptr, "SEMME3158", "158", "Producing Fillet Welded Joints Using a Manual/Semi Automatic Welding Process", 6, 46}},
    {group_type::pathway, 0, 5, 6, 0, 2,
     {},
     {}},
    {group_type::optional, 1, -1, -1, 2, 0,
     {nullptr, "SEMME3162", "162", "Welding Marine Materials and Structures using the Manual Metal Arc Process", 6, 50},
     {nullptr, "SEMME3163", "163", "Welding marine materials and structures using semi-automatic MIG/MAG and flux cored arc processes", 6, 50}},
    {group_type::optional, 1, -1, -1, 2, 0,
     {nullptr, "SEMME3169", "169", "Preparing Mechanised Arc Welding Equipment for Production", 6, 47},
     {nullptr, "SEMME3170", "170", "Welding Materials with Mechanised Arc Welding Equipment", 6, 45}},
    {group_type::pathway, 0, 7, -1, 0, 1,
     {},
     {}},
    {group_type::mandatory, 1, 4, -1, 4, 0,
     {nullptr, "SEMME3181", "181", "Preparing Marine Material Surfaces using Hand and Mechanical Tools", 6, 46},
     {nullptr, "SEMME3184", "184", "Applying Marine Coatings using Spray Methods", 6, 43}},
    {group_type::pathway, 0, 8, -1, 0, 2,
     {},
     {}},
    {group_type::mandatory, 1, 2, -1, 2, 0,
     {nullptr, "SEMME3192", "192", "Preparing Loads for Moving", 6, 45},
     {nullptr, "SEMME3025", "25", "Slinging, Lifting and Moving Materials, Machinery and Components in a Marine Environment", 6, 45}},
    {group_type::optional, 1, 3, -1, 4, 0,
     {nullptr, "SEMME3193", "193", "Preparing for Rigging Activities", 6, 45},
     {nullptr, "SEMME3201", "201", "Installing Rigging and Lifting Equipment", 6, 54}},
};

// svq-GL6F23-fabrication-welding-grid.csv: as its facts file states
const std::vector<group_fact> fabrication_welding_groups = {
    {group_type::mandatory, 0, 3, -1, 3, 0,
     {"HE9D 04", "SEMMAN123-01", nullptr, "Complying with Statutory Regulations and Organisational Safety Requirements", 5, 5},
     {"FR0T 04", "SEMMAN3-03", nullptr, "Working Efficiently and Effectively in Engineering", 5, 5}},
    {group_type::pathway, 0, 8, -1, 0, 4,
     {},
     {}},
    {group_type::optional, 1, 1, -1, 2, 0,
     {"H1VW 04", "SEMFWE322", nullptr, "Marking Out Components for Metalwork", 6, 47},
     {"H1VX 04", "SEMFWE327", nullptr, "Developing and Marking Out Templates for Metalwork", 6, 49}},
    {group_type::optional, 1, 1, -1, 2, 0,
     {"HF2X 04", "SEMFWE333", nullptr, "Cutting and Shaping Materials using Portable Thermal Cutting Equipment", 6, 35},
     {"HF2Y 04", "SEMFWE334", nullptr, "Cutting Materials using Saws and Abrasive Discs", 6, 32}},
    {group_type::optional, 1, 2, -1, 3, 0,
     {"H1W1 04", "SEMFWE344", nullptr, "Forming Pipework by Machine Bending", 6, 40},
     {"H1W3 04", "SEMFWE337", nullptr, "Producing and Finishing Holes using Drilling Machines", 6, 36}},
    {group_type::optional, 1, 1, -1, 4, 0,
     {"HF31 04", "SEMFWE328", nullptr, "Joining Fabricated Components using Mechanical Fasteners", 6, 36},
     {"HF33 04", "SEMFWE339", nullptr, "Slinging, Lifting and Moving Materials and Components", 6, 29}},
    {group_type::pathway, 0, 4, -1, 6, 0,
     {"H1VN 04", "SEMFWE304", nullptr, "Welding Materials by the Manual Metal Arc Process", 6, 57},
     {"HF36 04", "SEMFWE309", nullptr, "Welding Plate using Multiple Manual Arc Welding Processes", 6, 64}},
    {group_type::pathway, 0, 5, -1, 0, 2,
     {},
     {}},
    {group_type::optional, 1, 1, -1, 2, 0,
     {"HF37 04", "SEMFWE310", nullptr, "Preparing Mechanised Arc Welding Equipment for Production", 6, 48},
     {"HF38 04", "SEMFWE311", nullptr, "Preparing Resistance Spot, Seam and Projection Welding Machines for Production", 6, 48}},
    {group_type::optional, 1, 1, -1, 2, 0,
     {"H1WF 04", "SEMFWE316", nullptr, "Welding Materials with Mechanised Arc Welding Equipment", 6, 40},
     {"HF39 04", "SEMFWE317", nullptr, "Welding Materials using Resistance Spot, Seam and Projection Welding Machines", 6, 40}},
    {group_type::pathway, 0, 9, -1, 0, 4,
     {},
     {}},
    {group_type::optional, 1, 1, -1, 2, 0,
     {"H1VW 04", "SEMFWE322", nullptr, "Marking Out Components for Metalwork", 6, 47},
     {"H1VX 04", "SEMFWE327", nullptr, "Developing and Marking Out Templates for Metalwork", 6, 49}},
    {group_type::optional, 1, 1, -1, 4, 0,
     {"H1W7 04", "SEMFWE332", nullptr, "Cutting Plate and Sections using Shearing Machines", 6, 30},
     {"HE8Y 04", "SEMFWE366", nullptr, "Operating CNC Fabrication Equipment", 6, 44}},
    {group_type::optional, 1, 2, -1, 4, 0,
     {"HF3A 04", "SEMFWE335", nullptr, "Bending and Forming Plate using Press Brakes or Bending Machines", 6, 36},
     {"HF3C 04", "SEMFWE338", nullptr, "Producing Platework Assemblies", 6, 40}},
    {group_type::optional, 1, 2, -1, 3, 0,
     {"HF31 04", "SEMFWE328", nullptr, "Joining Fabricated Components using Mechanical Fasteners", 6, 36},
     {"HF33 04", "SEMFWE339", nullptr, "Slinging, Lifting and Moving Materials and Components", 6, 29}},
    {group_type::pathway, 0, 9, -1, 0, 3,
     {},
     {}},
    {group_type::mandatory, 1, 3, -1, 3, 0,
     {"H1VW 04", "SEMFWE322", nullptr, "Marking Out Components for Metalwork", 6, 47},
     {"HE91 04", "SEMFWE324", nullptr, "Forming Sheetmetal using Hand and Machine Tools", 6, 50}},
    {group_type::optional, 1, 2, -1, 3, 0,
     {"HE92 04", "SEMFWE325", nullptr, "Producing Sheetmetal Assemblies", 6, 47},
     {"H1VX 04", "SEMFWE327", nullptr, "Developing and Marking Out Templates for Metalwork", 6, 49}},
    {group_type::optional, 1, 1, -1, 6, 0,
     {"HF31 04", "SEMFWE328", nullptr, "Joining Fabricated Components using Mechanical Fasteners", 6, 36},
     {"HE8Y 04", "SEMFWE366", nullptr, "Operating CNC Fabrication Equipment", 6, 44}},
    {group_type::pathway, 0, -1, -1, 0, 4,
     {},
     {}},
    {group_type::optional, 1, 1, -1, 2, 0,
     {"H1VW 04", "SEMFWE322", nullptr, "Marking Out Components for Metalwork", 6, 47},
     {"H1VX 04", "SEMFWE327", nullptr, "Developing and Marking Out Templates for Metalwork", 6, 49}},
    {group_type::optional, 1, 1, -1, 4, 0,
     {"H1W7 04", "SEMFWE332", nullptr, "Cutting Plate and Sections using Shearing Machines", 6, 30},
     {"HE8Y 04", "SEMFWE366", nullptr, "Operating CNC Fabrication Equipment", 6, 44}},
    {group_type::optional, 1, 2, -1, 4, 0,
     {"HE94 04", "SEMFWE340", nullptr, "Forming Structural Sections using Machines", 6, 38},
     {"H1W3 04", "SEMFWE337", nullptr, "Producing and Finishing Holes using Drilling Machines", 6, 36}},
    {group_type::optional, 1, 2, -1, 4, 0,
     {"HF31 04", "SEMFWE328", nullptr, "Joining Fabricated Components using Mechanical Fasteners", 6, 36},
     {"HE9A 04", "SEMFWE343", nullptr, "Erecting Structural Steelwork", 6, 42}},
};

// svq-R09404-wind-turbine-structure.csv: as its facts file states
const std::vector<group_fact> wind_turbine_groups = {
    {group_type::mandatory, 0, -1, -1, 3, 0,
     {nullptr, "301", nullptr, "Complying with statutory regulations and organisational safety requirements", 5, 5},
     {nullptr, nullptr, nullptr, "Protect the environment during wind turbine maintenance activities", 6, 12}},
    {group_type::optional, 0, 3, -1, 5, 0,
     {nullptr, nullptr, nullptr, "Fault location and diagnosing faults on Pitch Systems and Components", 6, 10},
     {nullptr, nullptr, nullptr, "Fault location and diagnosing faults on Low Voltage Systems and components", -1, 10}},
    {group_type::optional, 0, 3, -1, 4, 0,
     {nullptr, nullptr, nullptr, "Configure Pitch Systems", 6, 8},
     {nullptr, nullptr, nullptr, "Configure Convertor Systems", 6, 7}},
};

// the same, as the layout numbering its units 1-12 in a column of their own prints them
const std::vector<group_fact> wind_turbine_numbered_groups = {
    {group_type::mandatory, 0, -1, -1, 3, 0,
     {nullptr, "301", "1", "Complying with statutory regulations and organisational safety requirements", 5, 5},
     {nullptr, nullptr, "3", "Protect the environment during wind turbine maintenance activities", 6, 12}},
    {group_type::optional, 0, 3, -1, 5, 0,
     {nullptr, nullptr, "4", "Fault location and diagnosing faults on Pitch Systems and Components", 6, 10},
     {nullptr, nullptr, "8", "Fault location and diagnosing faults on Low Voltage Systems and components", -1, 10}},
    {group_type::optional, 0, 3, -1, 4, 0,
     {nullptr, nullptr, "9", "Configure Pitch Systems", 6, 8},
     {nullptr, nullptr, "12", "Configure Convertor Systems", 6, 7}},
};

parse_result parse_grid(const std::string& name) { return qspec::test::parse_corpus("external/" + name); }

void check_unit(const unit& u, const unit_fact& f) {
  INFO("unit " << f.title);
  CHECK(u.code == (f.code ? f.code : ""));
  CHECK(u.developer_code == (f.developer_code ? f.developer_code : ""));
  CHECK(u.local_code == (f.number ? f.number : ""));
  CHECK(u.title == f.title);
  CHECK(u.level == (f.level < 0 ? std::nullopt : std::optional<std::uint32_t>(f.level)));
  CHECK(u.credit == (f.credit < 0 ? std::nullopt : std::optional<std::uint32_t>(f.credit)));
}

std::optional<std::uint32_t> rule(int n) { return n < 0 ? std::nullopt : std::optional<std::uint32_t>(n); }

/// The groups in document order, a pathway's own groups after it.
void flatten(const std::vector<unit_group>& groups, int depth, std::vector<std::pair<const unit_group*, int>>& out) {
  for (const auto& g : groups) {
    out.emplace_back(&g, depth);
    flatten(g.groups, depth + 1, out);
  }
}

void check_groups(const qualification& q, const std::vector<group_fact>& facts) {
  std::vector<std::pair<const unit_group*, int>> groups;
  flatten(q.groups, 0, groups);
  REQUIRE(groups.size() == facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const auto& g = *groups[i].first;
    const auto& f = facts[i];
    INFO("group " << i + 1 << ": " << g.name);
    CHECK(groups[i].second == f.depth);
    CHECK(g.type == f.type);
    CHECK(g.min_units == rule(f.min_units));
    CHECK(g.max_units == rule(f.max_units));
    CHECK(g.groups.size() == f.subgroups);
    REQUIRE(g.units.size() == f.units);
    if (f.units == 0) continue;
    check_unit(g.units.front(), f.first);
    check_unit(g.units.back(), f.last);
  }
}

/// What R09404 states in any layout: its title, type, level, credit range, groups and units, and
/// group B's rule on the row under its heading; every line placed.
void check_wind_turbine(const parse_result& r, const std::vector<group_fact>& groups) {
  const auto& q = r.doc.qualifications[0];
  CHECK(q.title.value == "Diploma in Electrical Power Engineering - Wind Turbine Operations and Maintenance at SCQF level 6");
  CHECK(q.type.value == "Other");
  CHECK(q.level.value == 6);
  CHECK(q.min_credits.value == 75);
  CHECK(q.max_credits.value == 76);
  check_groups(q, groups);
  CHECK(r.doc.lines.unclassified == 0);
  REQUIRE(q.groups.size() >= 2);
  CHECK(q.groups[1].name == "Group B");
  CHECK(q.groups[1].statement == "Candidates must complete three units from the following");
}

const diagnostic* find_diag(const parse_result& r, std::string_view code, std::uint32_t line) {
  for (const auto& d : r.diagnostics)
    if (d.code == code && d.span.begin.line == line) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("csv grid - delimiter detected from consistent cell counts, quoted cells keep their source bytes") {
  CHECK(csv::sniff_delimiter("a;b;c\n1;2;3\n") == ';');
  CHECK(csv::sniff_delimiter("a\tb\n1\t2\n") == '\t');
  // a quoted cell may hold the delimiter and line breaks
  CHECK(csv::sniff_delimiter("a,\"b,\nc\",d\n1,2,3\n") == ',');
  // prose: a line without the delimiter
  CHECK_FALSE(csv::sniff_delimiter("One, two and three.\nNo comma here\n"));
  // a sheet whose rows end at their last filled cell: facts above a wider table
  CHECK(csv::sniff_delimiter("Code,GM8W 23\nNo.,Title,Level\n1,Work safely,6\n") == ',');
  // a heading's row of one cell among them
  CHECK(csv::sniff_delimiter("No.,Title,Level\nGroup A\n1,Work safely,6\n2,Lead,7\n") == ',');
  CHECK_FALSE(csv::sniff_delimiter("No.,Title\nGroup A\nGroup B\n1,Work safely\n"));
  // a ragged semicolon sheet whose cells hold commas: the semicolon's counts are the steadier
  CHECK(csv::sniff_delimiter("No.;Title;Level\n1;Plan, do, review;6\n2;Lead\n3;Work safely, well;7\n") == ';');
  // a rectangular grid wins over a ragged one
  CHECK(csv::sniff_delimiter("a;b,c\n1;2,3,4\n") == ';');
  std::string src = "x,\"say \"\"hi\"\"\nthere\"\r\n1,2\n";
  auto g = csv::read(src, ',');
  REQUIRE(g.records.size() == 2);
  const auto& c = g.records[0].cells[1];
  CHECK(c.value == "say \"hi\"\nthere");
  // "hi" sits at bytes 9-10 of the source, after a doubled quote
  auto [b, e] = c.source(5, 7);
  CHECK(src.substr(b, e - b) == "hi");
  CHECK(g.records[1].cells[0].begin == src.find("1,2"));
}

TEST_CASE("table structure - detected from the grid's header, not the file name") {
  auto r = qspec::test::parse_text("Accred Code;Unit Title;SCQF Level;SCQF Credit\nAB12 04;Do the work;5;6\n");
  CHECK(r.doc.type == document_kind::qualification_structure);
  REQUIRE(r.doc.qualifications.size() == 1);
  REQUIRE(r.doc.qualifications[0].groups.size() == 1);
  CHECK(r.doc.qualifications[0].groups[0].units[0].title == "Do the work");
  // a grid whose header names no unit columns is not a structure
  auto other = qspec::test::parse_text("Name,Colour,Size\nApple,red,3\nPear,green,4\n");
  CHECK(other.doc.type != document_kind::qualification_structure);
}

TEST_CASE("table structure - GJ1924 site management: ungrouped mandatory units, additional units, footer facts") {
  auto r = parse_grid("svq-GJ1924-site-management-structure.csv");
  REQUIRE(r.doc.qualifications.size() == 1);
  const auto& q = r.doc.qualifications[0];
  CHECK(q.title.value == "SVQ in Construction Site Management (Construction): Building and Civil Engineering at SCQF level 9");
  CHECK(q.number.value == "GJ1924");
  CHECK(q.awarding_body.abbreviation == "SQA/CIOB/ICE");
  CHECK(q.level.value == 9);
  CHECK(q.total_credits.value == 188);
  CHECK(pos(q.number.span) == "33:20-33:25");
  check_groups(q, site_management_groups);
  CHECK(r.doc.lines.unclassified == 0);
  // every Accred Code and the group award code run together
  CHECK(count_code(r, diag::code_run_together) == 27);
  auto* run = find_diag(r, diag::code_run_together, 3);
  REQUIRE(run);
  CHECK(run->original == "F3H004");
  CHECK(run->repaired == "F3H0 04");
  CHECK(pos(run->span) == "3:1-3:6");
  auto* date = find_diag(r, diag::impossible_date, 11);
  REQUIRE(date);
  CHECK(date->original == "17/04/1013");
  CHECK(date->level == severity::warning);
  CHECK(count_code(r, diag::impossible_date) == 1);
  CHECK(find_diag(r, diag::empty_cells, 29));
  CHECK(count_code(r, diag::empty_cells) == 1);
  CHECK(find_diag(r, diag::group_heading_missing, 3));
  CHECK(find_diag(r, diag::header_cell_wrapped, 1));
  CHECK(find_diag(r, diag::footer_metadata, 31));
}

TEST_CASE("table structure - GL3P23 marine engineering: eleven pathways, developer code and unit number in one cell") {
  auto r = parse_grid("svq-GL3P23-marine-engineering-structure.csv");
  REQUIRE(r.doc.qualifications.size() == 1);
  const auto& q = r.doc.qualifications[0];
  CHECK(q.title.value == "SVQ 3 Marine Engineering at SCQF Level 6");
  CHECK(q.number.value == "GL3P 23");
  CHECK(q.awarding_body.abbreviation == "EAL");
  CHECK(q.level.value == 6);
  CHECK(q.min_credits.value == 115);
  CHECK(q.max_credits.value == 350);
  check_groups(q, marine_engineering_groups);
  CHECK(r.doc.lines.unclassified == 0);
  const auto& p1 = q.groups[1];
  CHECK(p1.name == "Pathway 1 - Electrical/Electronic Installation and Testing");
  CHECK(p1.statement.substr(0, 45) == "Candidates must complete the 3 mandatory unit");
  CHECK(pos(p1.statement_span).substr(0, 5) == "12:1-");
  // every unit row holds its developer code and unit number in one cell
  CHECK(count_code(r, diag::cell_holds_two_values) == 88);
  auto* missing = find_diag(r, diag::unit_word_missing, 20);
  REQUIRE(missing);
  CHECK(missing->original == "6");
  CHECK(missing->repaired == "Unit 6");
  CHECK(count_code(r, diag::heading_split_cell) == 11);
  CHECK(count_code(r, diag::code_run_together) == 0);
}

TEST_CASE("table structure - GL6F23 fabrication and welding: option groups inside pathways, units straight under one") {
  auto r = parse_grid("svq-GL6F23-fabrication-welding-grid.csv");
  REQUIRE(r.doc.qualifications.size() == 1);
  const auto& q = r.doc.qualifications[0];
  CHECK(q.title.value == "SVQ 3 Fabrication and Welding Engineering at SCQF level 6");
  CHECK(q.number.value == "GL6F 23");
  CHECK(q.awarding_body.abbreviation == "SQA");
  CHECK(q.min_credits.value == 72);
  CHECK(q.max_credits.value == 307);
  check_groups(q, fabrication_welding_groups);
  CHECK(r.doc.lines.unclassified == 0);
  CHECK(q.groups[2].name == "Pathway 2 - Manual Welding");
  CHECK(count_code(r, diag::heading_split_cell) == 6);
  CHECK(count_code(r, diag::code_run_together) == 0);
  CHECK(count_code(r, diag::cell_holds_two_values) == 0);
}

TEST_CASE("table structure - R09404 wind turbine: stray column, rules on the row below their headings, empty cells") {
  auto r = parse_grid("svq-R09404-wind-turbine-structure.csv");
  REQUIRE(r.doc.qualifications.size() == 1);
  const auto& q = r.doc.qualifications[0];
  CHECK_FALSE(q.number);
  check_wind_turbine(r, wind_turbine_groups);
  CHECK(count_code(r, diag::heading_rule_next_row) == 2);
  // the ninth column: 5 (header), 6, 7, 8, SVQ, Regulatory, Other, 1, 2, 3, 4
  CHECK(count_code(r, diag::stray_cell) == 11);
  auto* stray = find_diag(r, diag::stray_cell, 4);
  REQUIRE(stray);
  CHECK(stray->original == "6");
  CHECK(find_diag(r, diag::empty_cells, 12));
  CHECK(find_diag(r, diag::empty_cells, 13));
  CHECK(count_code(r, diag::empty_cells) == 2);
}

TEST_CASE("table structure - facts above the table, a column of unit numbers, rows ending at their last filled cell") {
  // R09404 laid out otherwise (corpus/layouts): its facts as label and value cells over the table,
  // headings and rules in the unit-number column, each row written up to its last filled cell
  auto r = qspec::test::parse_corpus("layouts/svq-R09404-wind-turbine-facts-above-unit-numbers.csv");
  REQUIRE(r.doc.qualifications.size() == 1);
  const auto& q = r.doc.qualifications[0];
  CHECK(q.title.span.begin.line == 3);
  CHECK(q.standards_developer.name == "Energy and Utility Skills");
  check_wind_turbine(r, wind_turbine_numbered_groups);
  CHECK(count_code(r, diag::stray_cell) == 0);
  // unit 7's row stops after its title: its level, credit and date are empty, as in the original
  auto* empty = find_diag(r, diag::empty_cells, 19);
  REQUIRE(empty);
  CHECK(empty->message.find("SCQF Level, SCQF Credit and Date of SCQF Approval") != std::string::npos);
  CHECK(count_code(r, diag::empty_cells) == 2);
  // the sheet's title row is furniture, the facts' title names the qualification
  const auto title_row = std::find_if(r.doc.furniture_items.begin(), r.doc.furniture_items.end(),
                                      [](const auto& f) { return f.role == "table_title"; });
  REQUIRE(title_row != r.doc.furniture_items.end());
  CHECK(title_row->text == "Qualification Structure and Credit Rating");
}

TEST_CASE("table structure - a heading and its rule in two cells of one row") {
  // GL6F 23 laid out otherwise (corpus/layouts): each pathway's name and rule, and each option
  // group's name and rule, in two cells of one row rather than one cell
  auto r = qspec::test::parse_corpus("layouts/svq-GL6F23-heading-and-rule-in-two-cells.csv");
  REQUIRE(r.doc.qualifications.size() == 1);
  const auto& q = r.doc.qualifications[0];
  check_groups(q, fabrication_welding_groups);
  CHECK(r.doc.lines.unclassified == 0);
  REQUIRE(q.groups.size() >= 2);
  const auto& pathway = q.groups[1];
  CHECK(pathway.name == "Pathway 1 - Pipe and Tube Fabrication");
  CHECK(pathway.statement.starts_with("Candidates must complete the 3 mandatory units above plus 5"));
  CHECK(pathway.statement_span.begin.line == 8);
  CHECK(pathway.min_units == 8u);
  REQUIRE(!pathway.groups.empty());
  CHECK(pathway.groups[0].name == "Option Group A");
  CHECK(pathway.groups[0].statement == "Candidates must select 1 unit");
  CHECK(pathway.groups[0].min_units == 1u);
  // nothing to split: no cell holds a name and a rule
  CHECK(count_code(r, diag::heading_split_cell) == 0);
  CHECK(count_code(r, diag::stray_cell) == 0);
}

TEST_CASE("table structure - a sheet whose table begins in its second column reads as the same table") {
  // R09404 as a sheet saved with its table one column in (a blank first column on every record):
  // the same groups and units, and the stray column still named as the sheet numbers it
  std::ifstream in(qspec::test::corpus_path("external/svq-R09404-wind-turbine-structure.csv"), std::ios::binary);
  const std::string src((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto grid = qspec::csv::read(src, ',');
  std::string shifted;
  std::size_t at = 0;
  for (const auto& rec : grid.records) {
    shifted += src.substr(at, rec.begin - at) + ",";
    at = rec.begin;
  }
  shifted += src.substr(at);
  auto r = qspec::test::parse_text(shifted);
  REQUIRE(r.doc.qualifications.size() == 1);
  check_groups(r.doc.qualifications[0], wind_turbine_groups);
  CHECK(r.doc.lines.unclassified == 0);
  CHECK(count_code(r, diag::stray_cell) == 11);
  auto* stray = find_diag(r, diag::stray_cell, 4);
  REQUIRE(stray);
  CHECK(stray->message.find("column 10,") != std::string::npos);
}

TEST_CASE("table structure - profile columns and group types are read, misspelt keys refused") {
  std::string error;
  auto p = read_profile("profile: grid\ndocument_kind: qualification_structure\n"
                        "columns: {title: [\"Unit Title\"], credit: [\"Credit\", \"Credits\"]}\n"
                        "group_types: {mandatory: [\"M\"]}\n",
                        "grid.yaml", error);
  REQUIRE_MESSAGE(p, error);
  REQUIRE(p->columns.size() == 2);
  CHECK(p->columns[1].name == "credit");
  CHECK(p->columns[1].labels == std::vector<std::string>{"Credit", "Credits"});
  CHECK(p->group_types[0].name == "mandatory");
  // a profile with columns describes a grid: it joins the tables, not the text layouts
  auto set = builtin_profiles().with(*p);
  CHECK(set.tables.size() == builtin_profiles().tables.size() + 1);
  CHECK(set.profiles.size() == builtin_profiles().profiles.size());
  CHECK_FALSE(read_profile("profile: grid\ncolums: {title: [\"Unit Title\"]}\n", "grid.yaml", error));
  CHECK(error.find("unknown key 'colums'") != std::string::npos);
  CHECK_FALSE(read_profile("profile: grid\ncolumns: {title: []}\n", "grid.yaml", error));
  CHECK(error == "grid.yaml:2:18: 'title' in columns needs at least one text");
}

TEST_CASE("table structure - another export's header words, and a sheet's title rows above the header") {
  auto loaded = load_file(test::corpus_path("external/svq-GL6F23-fabrication-welding-grid.csv"));
  REQUIRE(loaded);
  const std::string& grid = loaded.text;
  const auto header_end = grid.find("\nMandatory Units");
  REQUIRE(header_end != std::string::npos);
  const std::string units = grid.substr(header_end + 1);

  // the header in other words (each column named by the words it holds), the units as printed
  auto reworded = test::parse_text(
      "SQA Unit Code,SSC Unit Code,Mandatory or Optional,Unit Name,SCQF level,SCQF Credit Points,Date Approved by "
      "SCQF,Imported from\n" +
      units);
  REQUIRE(reworded.doc.qualifications.size() == 1);
  check_groups(reworded.doc.qualifications[0], fabrication_welding_groups);
  CHECK(reworded.doc.lines.unclassified == 0);

  // a title, an empty row and a note above the header, padded to the grid's width as a spreadsheet exports them
  auto titled = test::parse_text("Fabrication and welding structure,,,,,,,\n,,,,,,,\nNotes: M marks a mandatory unit,,,,,,,\n" +
                                 grid);
  REQUIRE(titled.doc.qualifications.size() == 1);
  check_groups(titled.doc.qualifications[0], fabrication_welding_groups);
  CHECK(titled.doc.lines.unclassified == 0);
  // the label among the facts below the units names it; without them the title row would
  CHECK(titled.doc.qualifications[0].title.value == "SVQ 3 Fabrication and Welding Engineering at SCQF level 6");
  const auto footer = units.find("\nQualification Title");
  REQUIRE(footer != std::string::npos);
  auto untitled = test::parse_text("Fabrication and welding structure,,,,,,,\n" + grid.substr(0, header_end + 1) +
                                   units.substr(0, footer + 1));
  REQUIRE(untitled.doc.qualifications.size() == 1);
  CHECK(untitled.doc.qualifications[0].title.value == "Fabrication and welding structure");
}
