// The XML reader: block stream and origins of small hand-written documents,
// and the inputs it refuses.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "qspec/formats.hpp"
#include "qspec/parse.hpp"

namespace {

qspec::loaded_text read(std::string_view xml, const qspec::read_limits& limits = {}) {
  return qspec::load_document(xml, qspec::input_format::xml, limits);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::string::size_type start = 0;
  while (start < text.size()) {
    auto nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

/// "line:column" of each line's origin, "-" for none.
std::vector<std::string> origins_of(const qspec::loaded_text& t) {
  std::vector<std::string> out;
  for (const auto& o : t.origins)
    out.push_back(o.empty() ? "-" : std::to_string(o.line) + ":" + std::to_string(o.column));
  return out;
}

using lines = std::vector<std::string>;

}  // namespace

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "{";
    for (const auto& x : v) s += "\"" + x + "\", ";
    return (s + "}").c_str();
  }
};
}  // namespace doctest

TEST_CASE("xml reader - fields, paragraphs, sections and lists by structure") {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"                                              // 1
      "<unit>\n"                                                               // 2
      "  <meta>\n"                                                             // 3
      "    <unit_title>Working with data </unit_title>\n"                      // 4
      "    <guided_learning_hours>60</guided_learning_hours>\n"                // 5
      "    <creditValue>6</creditValue>\n"                                     // 6
      "  </meta>\n"                                                            // 7
      "  <introduction>\n"                                                     // 8
      "    <paragraph>Data is <b>kept</b> and\n      checked.</paragraph>\n"  // 9-10
      "  </introduction>\n"                                                    // 11
      "  <topic>\n"                                                            // 12
      "    <topic_name>Storage</topic_name>\n"                                 // 13
      "    <describedlist>\n"                                                  // 14
      "      <list_description>Know:</list_description>\n"                     // 15
      "      <unorderedlist>\n"                                                // 16
      "        <item><paragraph>files</paragraph></item>\n"                    // 17
      "        <item><paragraph>tables</paragraph>\n"                          // 18
      "          <orderedlist><item>rows</item><item>columns</item></orderedlist>\n"  // 19
      "        </item>\n"                                                      // 20
      "      </unorderedlist>\n"                                               // 21
      "    </describedlist>\n"                                                 // 22
      "  </topic>\n"                                                           // 23
      "</unit>\n";
  auto t = read(xml);
  REQUIRE(t.error.empty());
  CHECK(t.format == "xml");
  CHECK(lines_of(t.text) == lines{"Unit title: Working with data",
                                  "Guided learning hours: 60",
                                  "Credit value: 6",
                                  "",
                                  "# Introduction",
                                  "",
                                  "Data is **kept** and checked.",
                                  "",
                                  "# Storage",
                                  "",
                                  "Know:",
                                  "",
                                  "- files",
                                  "- tables",
                                  "  1. rows",
                                  "  2. columns"});
  CHECK(origins_of(t) == lines{"4:5", "5:5", "6:5", "-", "8:3", "-", "9:5", "-", "13:5", "-", "15:7", "-",
                               "17:15", "18:15", "19:24", "19:41"});
}

TEST_CASE("xml reader - a label attribute heads its section, a code labels the text after it") {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<unit><aims>\n"
      "<aim aim_id=\"B\">\n"
      "  <aim_title>Plan the work</aim_title>\n"
      "  <criteria>\n"
      "    <criterion_entry><criterion_id>2B.P3</criterion_id>\n"
      "      <criterion><paragraph>Produce a plan.</paragraph></criterion>\n"
      "      <english>No</english>\n"
      "    </criterion_entry>\n"
      "    <criterion_entry><criterion_id>2B.M2</criterion_id>\n"
      "      <criterion><describedlist><list_description>Produce a plan including:</list_description>\n"
      "        <unorderedlist><item><paragraph>a list</paragraph></item></unorderedlist>\n"
      "      </describedlist></criterion>\n"
      "    </criterion_entry>\n"
      "  </criteria>\n"
      "</aim>\n"
      "</aims></unit>\n";
  auto t = read(xml);
  REQUIRE(t.error.empty());
  CHECK(lines_of(t.text) == lines{"# Aims",
                                  "",
                                  "## B Plan the work",
                                  "",
                                  "2B.P3 Produce a plan.",
                                  "English: No",
                                  "",
                                  "2B.M2 Produce a plan including:",
                                  "  - a list"});
  // the aim's origin is the element carrying its label, a criterion's its code
  CHECK(origins_of(t) == lines{"2:7", "-", "3:1", "-", "6:22", "8:7", "-", "10:22", "12:30"});
}

TEST_CASE("xml reader - tables: XHTML rows and cells, and repeated rows of named leaves") {
  auto t = read(
      "<?xml version=\"1.0\"?>\n"
      "<doc><table><caption>Units</caption>\n"
      "<tr><th>Code</th><th>Title</th></tr>\n"
      "<tbody><tr><td>U1</td><td>Safety | health</td></tr>\n"
      "<tr><td>U2</td><td><p>Plan</p><ul><li>one</li><li>two</li></ul></td></tr></tbody>\n"
      "</table></doc>\n");
  REQUIRE(t.error.empty());
  CHECK(lines_of(t.text) == lines{"# Units", "", "| Code | Title |", "| U1 | Safety \\| health |",
                                  "| U2 | Plan<br>- one<br>- two |"});
  CHECK(origins_of(t) == lines{"2:13", "-", "3:1", "4:8", "5:1"});

  auto g = read(
      "<?xml version=\"1.0\"?>\n"
      "<structure>\n"
      "  <unit><code>A/1</code><unit_title>Safety</unit_title><credit>3</credit></unit>\n"
      "  <unit><code>B/2</code><unit_title>Planning</unit_title><credit>4</credit></unit>\n"
      "</structure>\n");
  REQUIRE(g.error.empty());
  CHECK(lines_of(g.text) == lines{"| Code | Unit title | Credit |", "| A/1 | Safety | 3 |", "| B/2 | Planning | 4 |"});
  CHECK(origins_of(g) == lines{"3:3", "3:3", "4:3"});
}

TEST_CASE("xml reader - repeated siblings holding one paragraph are list items") {
  auto t = read(
      "<?xml version=\"1.0\"?>\n"
      "<evidence><covered><ref>2A.P1</ref><ref>(1A.1)</ref></covered>\n"
      "<method><text>Report.</text></method><method><text>Web page.</text></method>\n"
      "<!-- reviewed --><?page 3?></evidence>\n");
  REQUIRE(t.error.empty());
  // a part of the document with no title of its own is named by its element
  CHECK(lines_of(t.text) == lines{"# Covered", "", "- 2A.P1", "- (1A.1)", "", "- Report.", "- Web page."});
  CHECK(origins_of(t) == lines{"2:11", "-", "2:20", "2:36", "-", "3:9", "3:46"});
  // the comment and the processing instruction are furniture, counted
  REQUIRE(t.diagnostics.size() == 1);
  CHECK(t.diagnostics[0].level == qspec::severity::note);
  CHECK(t.diagnostics[0].message == "XML read as blocks; left out as furniture: 1 comment, 1 processing instruction");
}

TEST_CASE("xml reader - malformed XML is refused with its line and column") {
  auto t = read("<?xml version=\"1.0\"?>\n<unit>\n  <title>x</titel>\n</unit>\n");
  CHECK(t.text.empty());
  CHECK(t.error == "the XML is not well-formed at line 3, column 13: Start-end tags mismatch");
  CHECK(read("").error == "the XML is not well-formed at line 1, column 1: No document element found");
}

TEST_CASE("xml reader - a qspec catalogue is not a document") {
  auto t = read("<?xml version=\"1.0\"?>\n<catalogue xmlns=\"urn:qspec:catalogue:1\" version=\"1\"/>\n");
  CHECK(t.text.empty());
  CHECK(t.error.find("the input is a qspec catalogue, not a document") == 0);
}

TEST_CASE("xml reader - entities declared in a DTD are not expanded") {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    xml += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) xml += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
    xml += "\">\n";
  }
  xml += "]>\n<lolz><p>&lol9; &amp; &#233;</p></lolz>\n";
  auto t = read(xml);
  REQUIRE(t.error.empty());
  // the reference stays as written: a billion laughs stay one
  CHECK(t.text == "&lol9; & \xC3\xA9\n");
}

TEST_CASE("xml reader - nesting deeper than the limit is refused, iteratively") {
  std::string xml = "<?xml version=\"1.0\"?>\n";
  for (int i = 0; i < 100000; ++i) xml += "<d>";
  xml += "x";
  for (int i = 0; i < 100000; ++i) xml += "</d>";
  auto t = read(xml);
  CHECK(t.text.empty());
  CHECK(t.error == "the XML nests elements more than 2000 deep (at line 2, column 6001); qspec follows markup that deep at most");
  qspec::read_limits tight;
  tight.max_depth = 3;
  CHECK(read("<?xml version=\"1.0\"?><a><b><c>x</c></b></a>", tight).error.empty());
  CHECK_FALSE(read("<?xml version=\"1.0\"?><a><b><c><d>x</d></c></b></a>", tight).error.empty());
}

TEST_CASE("xml reader - UTF-16 and Latin-1 files: lines and columns of the UTF-8 text") {
  std::u16string doc = u"\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<u>\n  <title>Caf\u00e9</title>\n  <p>Text.</p>\n</u>\n";
  std::string bytes;
  for (char16_t c : doc) {
    bytes.push_back(static_cast<char>(c & 0xFF));
    bytes.push_back(static_cast<char>(c >> 8));
  }
  // sniffed as XML through its UTF-16 BOM, without --from
  CHECK(qspec::sniff_format(bytes) == qspec::input_format::xml);
  CHECK(qspec::sniff_format(std::string("\xFF\xFEO\0k\0", 6)) == qspec::input_format::text);
  auto t = qspec::load_document(bytes);
  REQUIRE(t.error.empty());
  CHECK(t.format == "xml");
  CHECK(lines_of(t.text) == lines{"# Caf\xC3\xA9", "", "Text."});
  CHECK(origins_of(t) == lines{"3:3", "-", "4:3"});

  auto l = read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<u><title>Caf\xE9</title><p>\xE9t\xE9.</p></u>\n");
  REQUIRE(l.error.empty());
  CHECK(lines_of(l.text) == lines{"# Caf\xC3\xA9", "", "\xC3\xA9t\xC3\xA9."});
  CHECK(origins_of(l) == lines{"2:4", "-", "2:24"});
}

TEST_CASE("xml reader - sniffed from the content") {
  CHECK(qspec::sniff_format("<?xml version=\"1.0\"?>\n<unit/>") == qspec::input_format::xml);
  auto t = qspec::load_document("<?xml version=\"1.0\"?>\n<unit><p>Hello.</p></unit>\n");
  CHECK(t.format == "xml");
  CHECK(t.text == "Hello.\n");
}

namespace {

/// The source line of the first block-stream line that starts with `start`, 0 if none.
std::uint32_t source_line_of(const qspec::loaded_text& t, std::string_view start) {
  auto ls = lines_of(t.text);
  for (std::size_t i = 0; i < ls.size(); ++i)
    if (std::string_view(ls[i]).substr(0, start.size()) == start) return t.origins[i].line;
  return 0;
}

qspec::loaded_text read_corpus(const std::string& name) {
  auto t = qspec::load_document_file(std::string(QSPEC_CORPUS_DIR) + "/" + name);
  REQUIRE_MESSAGE(t, t.error);
  REQUIRE(t.format == "xml");
  return t;
}

}  // namespace

// The lines the facts files give (btec-first-unit14-hardware.facts.yaml): each
// learning aim where its learn_obj_id is, each criterion where its id is.
TEST_CASE("xml reader - BTEC unit 14: aims and criteria at the source lines the facts give") {
  auto t = read_corpus("external/btec-first-unit14-hardware.xml");
  CHECK(lines_of(t.text).front() == "Number: 14");
  CHECK(source_line_of(t, "Unit title: Installing and Maintaining Computer Hardware") == 8);
  CHECK(source_line_of(t, "Guided learning hours: 60") == 14);
  CHECK(source_line_of(t, "## A Understand the benefits and implications of installing and maintaining hardware in "
                          "technology systems") == 28);
  CHECK(source_line_of(t, "## B plan installation and maintenance of hardware in a technology system") == 259);
  CHECK(source_line_of(t, "## C install, maintain and test hardware in a technology system") == 572);
  CHECK(source_line_of(t, "## D review the modified technology system.") == 881);
  const std::pair<const char*, std::uint32_t> criteria[] = {
      {"1A.1 ", 161}, {"2A.P1 ", 171}, {"2A.M1 ", 185}, {"2A.D1 ", 200}, {"1B.2 ", 406}, {"1B.3 ", 414},
      {"2B.P2 ", 434}, {"2B.P3 ", 447}, {"2B.M2 ", 496}, {"2B.D2 ", 511}, {"1C.4 ", 702}, {"1C.5 ", 722},
      {"2C.P4 ", 732}, {"2C.P5 ", 762}, {"2C.M3 ", 781}, {"2C.M4 ", 794}, {"2C.D3 ", 810}, {"1D.6 ", 909},
      {"2D.P6 ", 919}, {"2D.M5 ", 933}, {"2D.D4 ", 949}};
  for (const auto& [code, line] : criteria) CHECK_MESSAGE(source_line_of(t, code) == line, code);
  // 1B.3's two sub-items follow it, indented
  auto ls = lines_of(t.text);
  auto at = std::find(ls.begin(), ls.end(),
                      "1B.3 Produce a plan for installing and maintaining hardware in a technology system, with "
                      "guidance, including:");
  REQUIRE(at != ls.end());
  CHECK(*(at + 1) == "  - a list of installation and maintenance activities");
  CHECK(*(at + 2) == "  - a list of hardware components and devices and software resources required for an upgrade.");
  // one processing instruction (the stylesheet) left out, counted
  REQUIRE(t.diagnostics.size() == 1);
  CHECK(t.diagnostics[0].message == "XML read as blocks; left out as furniture: 1 processing instruction");
}

// btec-first-ict-qualification-structure.facts.yaml: each structure's title
// where its <title> is (lines 32, 55, 83), the pathway notes at 79 and 104.
TEST_CASE("xml reader - BTEC qualification structure: headings and notes at the facts' lines") {
  auto t = read_corpus("external/btec-first-ict-qualification-structure.xml");
  CHECK(lines_of(t.text).front() == "# Qualification structure");
  CHECK(source_line_of(t, "## Qualification structure of the Pearson BTEC Level 1/Level 2 First Diploma in "
                          "Information and Creative Technology") == 32);
  CHECK(source_line_of(t, "## Qualification structure of the Pearson BTEC Level 1/Level 2 First Diploma in "
                          "Information and Creative Technology (Computer Science)") == 55);
  CHECK(source_line_of(t, "## Qualification structure of the Pearson BTEC Level 1/Level 2 First Diploma in "
                          "Information and Creative Technology (Systems Development and Support)") == 83);
  CHECK(source_line_of(t, "Please note that Unit 22: Computer Security in Practice is NOT available") == 79);
  CHECK(source_line_of(t, "Please note that Unit 24: Software Systems Development is NOT available") == 104);
  CHECK(source_line_of(t, "- 4–6 optional specialist units (totalling 240 GLH), of which at least two must be "
                          "chosen from Group A.") == 46);
  CHECK(source_line_of(t, "Generated table reference: Edexcel BTEC level 1/level 2 first certificate table") == 52);
  auto ls = lines_of(t.text);
  CHECK(std::count_if(ls.begin(), ls.end(), [](const std::string& l) { return l.rfind("- ", 0) == 0; }) == 12);
}

TEST_CASE("xml reader - the element roles are data (profiles/xml_markup.yaml)") {
  const auto* vocabulary = qspec::builtin_profiles().vocabulary("xml");
  REQUIRE(vocabulary != nullptr);
  auto title = std::find_if(vocabulary->elements.begin(), vocabulary->elements.end(),
                            [](const qspec::field_rule& r) { return r.name == "title"; });
  REQUIRE(title != vocabulary->elements.end());
  CHECK(std::find(title->labels.begin(), title->labels.end(), "*_title") != title->labels.end());
  // element roles belong to a reader's vocabulary, not to a family of documents
  std::string error;
  auto family = qspec::read_profile("profile: mine\ndocument_kind: mine\nelements:\n  title: [name]\n", "mine.yaml", error);
  CHECK_FALSE(family);
  CHECK(error.find("elements name a reader's markup vocabulary") != std::string::npos);
}

TEST_CASE("xml reader - a document element's attributes are its fields, a leaf's number attribute its label") {
  // RQF unit M/650/2307 (corpus/external, its assessment plan) as an authoring schema might hold it
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<unit xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" code=\"M/650/2307\" level=\"3\" credits=\"2\" "
      "glh=\"20\">\n"
      "  <title>Equality, diversity and inclusion in health, social care or children's and young people's "
      "settings</title>\n"
      "  <learningOutcomes>\n"
      "    <learningOutcome number=\"1\">\n"
      "      <text>Understand the importance of diversity, equality and inclusion</text>\n"
      "      <criteria>\n"
      "        <criterion number=\"1.1\">Explain what is meant by diversity, equality and inclusion</criterion>\n"
      "        <criterion number=\"1.2\">Describe the potential effects of discrimination</criterion>\n"
      "      </criteria>\n"
      "    </learningOutcome>\n"
      "    <learningOutcome number=\"2\">\n"
      "      <text>Know how to work in an inclusive way</text>\n"
      "      <criteria>\n"
      "        <criterion number=\"2.1\">Describe how own attitudes, beliefs and values might impact on work</criterion>\n"
      "      </criteria>\n"
      "    </learningOutcome>\n"
      "  </learningOutcomes>\n"
      "</unit>\n";
  auto r = read(xml);
  REQUIRE(r);
  const auto lines = lines_of(r.text);
  CHECK(std::find(lines.begin(), lines.end(), "Code: M/650/2307") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "Glh: 20") != lines.end());
  CHECK(std::none_of(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("Xsi"); }));
  // a run of numbered leaves, and a numbered leaf alone (no `Criterion: …` field)
  CHECK(std::find(lines.begin(), lines.end(), "1.2 Describe the potential effects of discrimination") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(),
                  "2.1 Describe how own attitudes, beliefs and values might impact on work") != lines.end());

  const auto parsed = qspec::parse(r);
  REQUIRE(parsed.doc.standards.size() == 1);
  const auto& st = parsed.doc.standards[0];
  CHECK(parsed.doc.kind_name == "regulated_unit");
  CHECK(st.code == "M/650/2307");
  REQUIRE(st.parts.size() == 1);
  REQUIRE(st.parts[0].items.size() == 2);
  CHECK(st.parts[0].items[0].children.size() == 2);
  REQUIRE(st.parts[0].items[1].children.size() == 1);
  CHECK(st.parts[0].items[1].children[0].code == "2.1");
}
