// Qualification documents: the structure list (seed 000), the datasheet
// (seed 001) and the programme overview (seed 003), each checked against
// what the documents print.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "helpers.hpp"

using namespace qspec;
using qspec::test::count_code;
using qspec::test::pos;

namespace {

const char* structure_list = "structure-list-nvq4-leadership-management-care.txt";
const char* datasheet = "datasheet-ocr-04639-nvq4-leadership-management-care.txt";
const char* programme = "programme-overview-level5-diploma-hsc.txt";

const unit* find_unit(const qualification& q, std::string_view id) {
  for (const auto& g : q.groups)
    for (const auto& u : g.units)
      if (u.id == id) return &u;
  return nullptr;
}

const unit_group* find_group(const qualification& q, group_type t) {
  for (const auto& g : q.groups)
    if (g.type == t) return &g;
  return nullptr;
}

std::vector<std::string> codes(const unit_group& g) {
  std::vector<std::string> out;
  for (const auto& u : g.units) out.emplace_back(u.local_code);
  return out;
}

}  // namespace

TEST_CASE("000 structure list - 31 units in two groups with the rule of combination") {
  auto r = qspec::test::parse_corpus(structure_list);
  CHECK(r.doc.type == document_kind::qualification_structure);
  REQUIRE(r.doc.qualifications.size() == 1);
  const auto& q = r.doc.qualifications[0];
  CHECK(q.title.value == "Level 4 NVQ Leadership and Management in Care Services");
  CHECK(pos(q.title.span) == "1:38-1:91");
  CHECK(q.level.value == 4);
  CHECK(q.type.value == "NVQ");
  REQUIRE(q.groups.size() == 2);
  const auto* mandatory = find_group(q, group_type::mandatory);
  const auto* optional = find_group(q, group_type::optional);
  REQUIRE(mandatory);
  REQUIRE(optional);
  CHECK(codes(*mandatory) == std::vector<std::string>{"LMC A1", "LMC B1", "LMC C1", "LMC E1"});
  CHECK(optional->units.size() == 27);
  CHECK(optional->name == "Optional units");  // trailing no-break spaces are not part of the name
  // "Learners must complete all 4 Mandatory units plus 4 Optional units"
  CHECK(mandatory->min_units == 4u);
  CHECK(mandatory->max_units == 4u);
  CHECK(optional->min_units == 4u);
  CHECK(optional->max_units == 4u);
  REQUIRE(q.rules.size() == 2);
  CHECK(q.rules[0].text == "all 4 Mandatory units");
  CHECK(pos(q.rules[0].span) == "5:24-5:44");
  CHECK(q.rules[0].group == mandatory->id);
  CHECK(q.rules[1].text == "4 Optional units");
  CHECK(q.rules[1].group == optional->id);
}

TEST_CASE("000 structure list - units spread over lines, imported codes and references") {
  auto r = qspec::test::parse_corpus(structure_list);
  const auto& q = r.doc.qualifications.at(0);
  const std::vector<std::pair<std::string, std::string>> imported = {
      {"LMC-A4", "HSC446"}, {"LMC-A5", "MSC D6"}, {"LMC-C2", "HSC450"},
      {"LMC-E8", "MSC E2"}, {"LMC-E11", "MSC F1"}, {"LMC-E12", "MSC F2"}};
  std::size_t with_import = 0, with_reference = 0;
  for (const auto& g : q.groups)
    for (const auto& u : g.units) {
      with_import += !u.imported_code.empty();
      with_reference += !u.reference.empty();
    }
  CHECK(with_import == 6);
  for (const auto& [id, code] : imported) {
    const auto* u = find_unit(q, id);
    REQUIRE_MESSAGE(u, id);
    CHECK(u->imported_code == code);
  }
  CHECK(with_reference == 30);
  const auto* a4 = find_unit(q, "LMC-A4");
  CHECK(a4->title == "Manage a dispersed workforce to meet the needs and preferences of individuals at home");
  CHECK(a4->reference == "F/102/8861");
  CHECK(pos(a4->span) == "16:1-18:98");
  CHECK(pos(a4->reference_span) == "18:88-18:97");
  const auto* c2 = find_unit(q, "LMC-C2");
  CHECK(c2->title == "Develop risk management plans to support individual\u2019s independence and daily living within their home");
  const auto* b2 = find_unit(q, "LMC-B2");
  CHECK(b2->reference == "M/104/0313");
  CHECK(b2->imported_code.empty());
  // the barred-combination remark sits between the title and the reference
  const auto* e5 = find_unit(q, "LMC-E5");
  CHECK(e5->title == "Plan operations and manage resources to meet current and future demands on the provision of care services");
  CHECK(e5->reference == "T/104/0828");
  const auto* a2 = find_unit(q, "LMC-A2");  // two spaces after the code in the source
  CHECK(a2->title == "Facilitate and manage change within care services through reflective, motivating and flexible leadership");
}

TEST_CASE("000 structure list - E6 has no reference, and a diagnostic says so") {
  auto r = qspec::test::parse_corpus(structure_list);
  const auto* e6 = find_unit(r.doc.qualifications.at(0), "LMC-E6");
  REQUIRE(e6);
  CHECK(e6->reference.empty());
  REQUIRE(count_code(r, diag::reference_missing) == 1);
  for (const auto& d : r.diagnostics)
    if (d.code == diag::reference_missing) {
      CHECK(d.span.begin.line == 40);
      CHECK(d.message.find("LMC E6") != std::string::npos);
    }
  CHECK(count_code(r, diag::reference_malformed) == 0);
}

TEST_CASE("000 structure list - barred combination, recommendations, coverage") {
  auto r = qspec::test::parse_corpus(structure_list);
  const auto& q = r.doc.qualifications.at(0);
  REQUIRE(q.barred.size() == 1);
  CHECK(q.barred[0].units == std::vector<std::string>{"LMC-E5", "LMC-E7"});
  // stated three times: after E5's title, after E7's, and in note 1
  REQUIRE(q.barred[0].statements.size() == 3);
  CHECK(q.barred[0].statements[0].text == "THIS IS AN EXCLUDED COMBINATION WITH E7");
  CHECK(q.barred[0].statements[1].text == "THIS IS AN EXCLUDED COMBINATION WITH E5");
  CHECK(pos(q.barred[0].statements[2].span) == "59:6-59:72");
  REQUIRE(q.recommendations.size() == 2);
  CHECK(q.recommendations[0].audience == "Residential Child Care in England");
  CHECK(q.recommendations[0].units == std::vector<std::string>{"LMC-B6", "LMC-B7"});
  CHECK(q.recommendations[1].audience == "Children\u2019s Care Services in England");
  CHECK(q.recommendations[1].units == std::vector<std::string>{"LMC-B6"});
  CHECK(q.notes.empty());
  CHECK(r.doc.lines.unclassified == 0);
  CHECK(count_code(r, diag::unit_unresolved) == 0);
  // "[back to LMCS overview]" is web navigation
  REQUIRE(r.doc.furniture_items.size() == 1);
  CHECK(r.doc.furniture_items[0].role == "navigation");
}

TEST_CASE("001 datasheet - qualification facts from the prose") {
  auto r = qspec::test::parse_corpus(datasheet);
  CHECK(r.doc.type == document_kind::qualification_datasheet);
  REQUIRE(r.doc.qualifications.size() == 1);
  const auto& q = r.doc.qualifications[0];
  CHECK(q.id == "qualification/04639");
  CHECK(q.number.value == "04639");
  CHECK(q.level.value == 4);
  CHECK(q.type.value == "NVQ");
  CHECK(q.title.value == "Level 4 NVQ in Leadership and Management for Care Services");
  CHECK(q.award_title.value == "Leadership and Management for Care Services Award");
  CHECK(q.awarding_body.abbreviation == "OCR");
  CHECK(q.awarding_body.name == "Oxford Cambridge and RSA Examinations");
  CHECK(pos(q.awarding_body.span) == "11:35-11:77");
  CHECK(q.regulator.abbreviation == "QCDA");
  CHECK(q.regulator.name == "Qualifications and Curriculum Development Authority");
  CHECK(q.standards.name == "National Occupational Standards");
  CHECK(q.standards.abbreviation == "NOS");
  CHECK(q.standards_developer.name == "Skills for Care and Development");
  CHECK(q.standards_developer.abbreviation == "SFC&D");
}

TEST_CASE("001 datasheet - its unit table printed over two pages reads as one table") {
  // the datasheet as a PDF's text: a page breaks inside the unit table (before E11), a footer
  // numbering each page; the rows after the break are no new table's header
  std::ifstream in(qspec::test::corpus_path(datasheet), std::ios::binary);
  const std::string seed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto cut = seed.find("\nE11\t");
  REQUIRE(cut != std::string::npos);
  const std::string footer = "\n\nWorkforce Standards Board            Page ";
  auto r = qspec::test::parse_text(seed.substr(0, cut) + footer + "1\n\f" + seed.substr(cut + 1) + footer + "2\n");
  REQUIRE(r.doc.qualifications.size() == 1);
  const auto& q = r.doc.qualifications[0];
  CHECK(q.title.value == "Level 4 NVQ in Leadership and Management for Care Services");
  std::size_t units = 0;
  for (const auto& g : q.groups) units += g.units.size();
  CHECK(units == 31);
  CHECK(find_unit(q, "LMC-E11"));
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("001 datasheet - the table: totals, groups, imported sources, barred marker") {
  auto r = qspec::test::parse_corpus(datasheet);
  const auto& q = r.doc.qualifications.at(0);
  CHECK(q.total_units.value == 8);
  const auto* mandatory = find_group(q, group_type::mandatory);
  const auto* optional = find_group(q, group_type::optional);
  REQUIRE(mandatory);
  REQUIRE(optional);
  CHECK(codes(*mandatory) == std::vector<std::string>{"LMC A1", "LMC B1", "LMC C1", "LMC E1"});
  CHECK(optional->units.size() == 27);
  CHECK(optional->name == "Option");
  CHECK(mandatory->min_units == 4u);
  CHECK(optional->min_units == 4u);
  REQUIRE(q.rules.size() == 3);
  CHECK(q.rules[2].text == "Total Units for full NVQ 8");
  CHECK(q.rules[2].applies_to == "qualification");
  // the same 31 units as the structure list
  auto sl = qspec::test::parse_corpus(structure_list);
  std::set<std::string> here, there;
  for (const auto& g : q.groups)
    for (const auto& u : g.units) here.insert(u.id);
  for (const auto& g : sl.doc.qualifications.at(0).groups)
    for (const auto& u : g.units) there.insert(u.id);
  CHECK(here.size() == 31);
  CHECK(here == there);
  CHECK(find_unit(q, "LMC-A4")->imported_code == "HSC 446");
  CHECK(find_unit(q, "LMC-E8")->title == "Manage finance for your area of responsibility");
  CHECK(find_unit(q, "LMC-E5")->marker == "*");
  CHECK(find_unit(q, "LMC-E7")->marker == "*");
  CHECK(find_unit(q, "LMC-E6")->marker.empty());
  REQUIRE(q.barred.size() == 1);
  CHECK(q.barred[0].units == std::vector<std::string>{"LMC-E5", "LMC-E7"});
  CHECK(q.barred[0].statements.at(0).span.begin.line == 177);
  // the table has no reference column: no reference diagnostics
  CHECK(count_code(r, diag::reference_missing) == 0);
  // the series "LMC" comes from the footnote, and a note says so, naming codes the table gives
  REQUIRE(count_code(r, diag::prefix_inferred) == 1);
  const auto& note = *std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                   [](const diagnostic& d) { return d.code == diag::prefix_inferred; });
  CHECK(note.message ==
        "the table gives unit codes without their series; the footnote names them as LMC units, so 31 codes are read "
        "as LMC A1, LMC B1 \u2026");
}

TEST_CASE("001 datasheet - the note on completed codes names the codes of the document at hand") {
  // the same datasheet with its first two units' codes changed: the note follows them
  auto loaded = load_file(qspec::test::corpus_path(datasheet));
  REQUIRE(loaded);
  std::string text = loaded.text;
  for (auto [from, to] : {std::pair<std::string, std::string>{"\nA1\t", "\nA7\t"}, {"\nB1\t", "\nB9\t"}}) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  auto r = parse(text);
  std::vector<std::string> notes;
  for (const auto& d : r.diagnostics)
    if (d.code == diag::prefix_inferred) notes.push_back(d.message);
  CHECK(notes == std::vector<std::string>{"the table gives unit codes without their series; the footnote names them "
                                          "as LMC units, so 31 codes are read as LMC A7, LMC B9 \u2026"});
}

TEST_CASE("001 datasheet - prose sections classified, page breaks rejoined, nothing lost") {
  auto r = qspec::test::parse_corpus(datasheet);
  const auto& q = r.doc.qualifications.at(0);
  std::map<std::string, std::string> role_of;
  for (const auto& s : q.description) role_of[std::string(s.heading)] = std::string(s.role);
  CHECK(role_of["Who is this NVQ for?"] == "audience");
  CHECK(role_of["Assessor"] == "delivery_roles");
  CHECK(role_of["Internal Verifiers"] == "delivery_roles");
  CHECK(role_of["How is this NVQ assessed?"] == "assessment");
  CHECK(q.description.back().role == "contact");
  CHECK(q.description.back().blocks.size() == 18);
  // two list items cut by page breaks are joined to their ends
  CHECK(count_code(r, diag::rejoined_page_break) == 2);
  std::vector<std::string> joined;
  for (const auto& s : q.description)
    for (const auto& b : s.blocks)
      if (b.which == block::type::list)
        for (const auto& i : b.items.items)
          if (i.text.find("area and demonstrate updating through regular and recent CPD activities") !=
              std::string_view::npos)
            joined.push_back(pos(i.span));
  CHECK(joined == std::vector<std::string>{"105:3-107:62"});
  // markdown emphasis closed before punctuation leaves no asterisks behind
  std::size_t paragraphs = 0;
  for (const auto& s : q.description)
    for (const auto& b : s.blocks)
      if (b.which == block::type::paragraph) {
        ++paragraphs;
        CHECK(b.para.text.find("**") == std::string_view::npos);
      }
  CHECK(paragraphs == 55);
  // the lone word "datasheet" is a label the conversion left
  CHECK(count_code(r, diag::stray_label) == 1);
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("003 programme overview - credits, the named mandatory unit, pathways, job roles") {
  auto r = qspec::test::parse_corpus(programme);
  CHECK(r.doc.type == document_kind::programme_overview);
  REQUIRE(r.doc.qualifications.size() == 1);
  const auto& q = r.doc.qualifications[0];
  CHECK(q.level.value == 5);
  CHECK(q.type.value == "Diploma");
  CHECK(q.total_credits.value == 90);
  REQUIRE(q.rules.size() == 3);
  CHECK(q.rules[0].count == 90);
  CHECK(q.rules[0].applies_to == "qualification");
  CHECK(q.rules[1].count == 30);
  CHECK(q.rules[1].applies_to == "group");
  CHECK(q.rules[2].count == 60);
  CHECK(q.rules[2].applies_to == "pathway");
  const auto* mandatory = find_group(q, group_type::mandatory);
  REQUIRE(mandatory);
  CHECK(mandatory->min_credits == 30u);
  CHECK(mandatory->statement == "NB. The minimum of 90 credits must include the below listed unit.");
  REQUIRE(mandatory->units.size() == 1);
  const auto& u70 = mandatory->units[0];
  CHECK(u70.local_code == "70");
  CHECK(u70.title ==
        "Understand Professional Management and Leadership in Health and Social Care or Children and Young "
        "People\u2019s Settings");
  CHECK(u70.reference == "F/504/2218");
  CHECK(pos(u70.span) == "30:1-31:13");
  REQUIRE(q.pathways.size() == 5);
  CHECK(q.pathways[0].name == "Children and Young People\u2019s Management");
  CHECK(q.pathways[4].name == "Adults\u2019 Advanced Practice");
  CHECK(q.pathways[4].min_credits == 60u);
  REQUIRE(q.job_roles.size() == 4);
  CHECK(q.job_roles[1].text == "Senior support workers in supported living projects");
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("003 programme overview - what the conversion damaged is reported, not hidden") {
  auto r = qspec::test::parse_corpus(programme);
  const auto& q = r.doc.qualifications.at(0);
  // "Who is the qualification for?" was run into the profile paragraph
  REQUIRE(count_code(r, diag::split_heading) == 1);
  const auto& split = *std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                    [](const diagnostic& d) { return d.code == diag::split_heading; });
  CHECK(split.repaired == "Who is the qualification for?");
  CHECK(split.original.find("Who is the qualification for?") != std::string::npos);
  CHECK(split.original != split.repaired);  // the line it was run into, then the heading split off
  auto it = std::find_if(q.description.begin(), q.description.end(),
                         [](const section& s) { return s.heading == "Who is the qualification for?"; });
  REQUIRE(it != q.description.end());
  CHECK(it->role == "audience");
  CHECK(it->span.begin.line == 3);
  // the first job role begins with the end of another item
  REQUIRE(count_code(r, diag::lost_beginning) == 1);
  CHECK(q.job_roles[0].text.substr(0, 36) == "domiciliary and day service settings");
  std::set<std::string> roles;
  for (const auto& s : q.description) roles.insert(std::string(s.role));
  CHECK(roles == std::set<std::string>{"profile", "audience", "pathways", "delivery", "progression"});
}

TEST_CASE("qualification kinds can be forced, and a structure without references is diagnosed per unit") {
  parse_options o;
  o.kind = document_kind::qualification_structure;
  auto r = parse(std::string("Units for the Level 2 Certificate in Testing\n\nMandatory units\n"
                             "Unit ABC A1 First unit (K/10/0809)\nUnit ABC A2 Second unit\n"),
                 o);
  REQUIRE(r.doc.qualifications.size() == 1);
  const auto& q = r.doc.qualifications[0];
  CHECK(q.level.value == 2);
  CHECK(q.type.value == "Certificate");
  CHECK(count_code(r, diag::reference_malformed) == 1);
  CHECK(count_code(r, diag::reference_missing) == 1);
  CHECK(find_unit(q, "ABC-A1")->reference == "K/10/0809");  // kept as written
  // no well-formed reference in the list to show: the message names none from elsewhere
  std::vector<std::string> messages;
  for (const auto& d : r.diagnostics)
    if (d.code == diag::reference_malformed) messages.push_back(d.message);
  CHECK(messages ==
        std::vector<std::string>{"unit reference number of ABC A1 is not a letter, three digits and four digits"});
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("qualification - a malformed reference is shown beside a well-formed one of the same list") {
  parse_options o;
  o.kind = document_kind::qualification_structure;
  auto r = parse(std::string("Units for the Level 2 Certificate in Testing\n\nMandatory units\n"
                             "Unit ABC A1 First unit (K/10/0809)\nUnit ABC A2 Second unit (T/601/2345)\n"),
                 o);
  std::vector<std::string> messages;
  for (const auto& d : r.diagnostics)
    if (d.code == diag::reference_malformed) messages.push_back(d.message);
  CHECK(messages == std::vector<std::string>{
                        "unit reference number of ABC A1 is not a letter, three digits and four digits (as in T/601/2345)"});
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("structure list - a unit listed in two groups keeps one id per listing") {
  parse_options o;
  o.kind = document_kind::qualification_structure;
  auto r = parse(std::string("Units for the Level 2 Certificate in Testing\n\nMandatory units\n"
                             "Unit ABC A1 First unit (K/104/0809)\n\nOptional units\n"
                             "Unit ABC A1 First unit (K/104/0809)\nUnit ABC A2 Second unit (K/104/0810)\n"),
                 o);
  REQUIRE(r.doc.qualifications.size() == 1);
  std::vector<std::string> ids;
  for (const auto& g : r.doc.qualifications[0].groups)
    for (const auto& u : g.units) ids.push_back(u.id);
  CHECK(ids == std::vector<std::string>{"ABC-A1", "ABC-A1-2", "ABC-A2"});
}
