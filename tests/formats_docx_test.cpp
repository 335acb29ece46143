// DOCX and XLSX readers: packages built here, part by part, with libzip;
// the block stream and the origins they give, checked exactly.
#include <zip.h>

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "qspec/formats.hpp"

using namespace qspec;

namespace {

/// A ZIP in memory holding `parts` (name -> content), stored deflated.
std::string make_zip(const std::map<std::string, std::string>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  REQUIRE(src);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  REQUIRE(za);
  zip_source_keep(src);
  for (const auto& [name, content] : parts) {
    zip_source_t* data = zip_source_buffer(za, content.data(), content.size(), 0);
    REQUIRE(data);
    REQUIRE(zip_file_add(za, name.c_str(), data, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(za) == 0);
  REQUIRE(zip_source_open(src) == 0);
  zip_source_seek(src, 0, SEEK_END);
  const auto size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  zip_source_read(src, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&error);
  return bytes;
}

constexpr const char* w_ns = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
                             R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

std::string document(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + w_ns + "><w:body>" + body +
         "</w:body></w:document>";
}

/// A paragraph of list `num` at level `ilvl`.
std::string item(int num, int ilvl, const std::string& text) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
         std::to_string(num) + "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

std::string para(const std::string& runs, const std::string& style = "") {
  std::string ppr = style.empty() ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
  return "<w:p>" + ppr + runs + "</w:p>";
}

std::string run(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }

std::string level(int ilvl, const std::string& fmt, const std::string& text, int start = 1,
                  const std::string& extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" + std::to_string(start) +
         "\"/><w:numFmt w:val=\"" + fmt + "\"/><w:lvlText w:val=\"" + text + "\"/>" + extra + "</w:lvl>";
}

/// Numbering by hand: a legal outline (1. / 1.1 / (a) / i)), a list that
/// starts at 5, a letter list whose second level never restarts.
const std::string numbering_xml = std::string("<w:numbering ") + w_ns + ">" +
    "<w:abstractNum w:abstractNumId=\"10\">" + level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2") +
    level(2, "lowerLetter", "(%3)") + level(3, "lowerRoman", "%4)") + "</w:abstractNum>" +
    "<w:abstractNum w:abstractNumId=\"20\">" + level(0, "decimal", "%1.", 5) + "</w:abstractNum>" +
    "<w:abstractNum w:abstractNumId=\"30\">" + level(0, "upperLetter", "%1.") +
    level(1, "upperRoman", "%2.", 1, "<w:lvlRestart w:val=\"0\"/>") + level(2, "bullet", "\xEF\x82\xB7") +
    "</w:abstractNum>" +
    "<w:abstractNum w:abstractNumId=\"40\">" + level(0, "lowerLetter", "%1.", 26) + "</w:abstractNum>" +
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>" +
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"10\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"
    "</w:lvlOverride></w:num>" +
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"20\"/></w:num>" +
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"30\"/></w:num>" +
    "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"40\"/></w:num>" + "</w:numbering>";

const std::string styles_xml = std::string("<w:styles ") + w_ns + ">" +
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>)"
    R"(<w:rPr><w:b/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="UnitTitle"><w:name w:val="Unit title"/><w:basedOn w:val="Heading2"/></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Part"><w:name w:val="Part"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Lettered"><w:name w:val="Lettered"/><w:pPr><w:numPr><w:numId w:val="4"/>)"
    R"(</w:numPr></w:pPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Term"><w:name w:val="Term"/><w:rPr><w:b/></w:rPr></w:style>)"
    R"(<w:style w:type="character" w:styleId="Emph"><w:name w:val="Emph"/><w:rPr><w:i/></w:rPr></w:style>)"
    "</w:styles>";

const std::string document_rels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>)"
    R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>)"
    R"(<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>)"
    "</Relationships>";

std::string docx(const std::string& body, std::map<std::string, std::string> extra = {}) {
  extra.emplace("word/document.xml", document(body));
  extra.emplace("word/numbering.xml", numbering_xml);
  extra.emplace("word/styles.xml", styles_xml);
  extra.emplace("word/_rels/document.xml.rels", document_rels);
  return make_zip(extra);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto nl = text.find('\n', at);
    out.push_back(text.substr(at, nl - at));
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return out;
}

/// The non-blank lines of a reading.
std::vector<std::string> blocks(const loaded_text& r) {
  std::vector<std::string> out;
  for (auto& l : lines(r.text))
    if (!l.empty()) out.push_back(l);
  return out;
}

bool has_diagnostic(const loaded_text& r, std::string_view code, std::string_view words) {
  for (const auto& d : r.diagnostics)
    if (d.code == code && d.message.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("docx - list labels resolved from numbering.xml as Word prints them") {
  const std::string body = item(1, 0, "Outcome") + item(1, 1, "first") + item(1, 1, "second") +
                           item(1, 2, "sub") + item(1, 2, "sub two") + item(1, 3, "deep") + item(1, 3, "deeper") +
                           item(1, 0, "Outcome two") + item(1, 1, "restarted") + item(3, 0, "five") +
                           item(3, 0, "six") + item(2, 0, "another instance") + item(1, 0, "continued") +
                           para(run("Letters"), "Lettered") + item(4, 1, "roman") + item(4, 0, "B") +
                           item(4, 1, "never restarts") + item(4, 2, "bullet") + item(5, 0, "past z") +
                           item(5, 0, "again") + item(0, 0, "numId 0 is no list");
  auto r = load_document(docx(body));
  REQUIRE(r);
  CHECK(r.format == "docx");
  CHECK(blocks(r) == std::vector<std::string>{"1. Outcome", "  1.1 first", "  1.2 second", "    (a) sub",
                                              "    (b) sub two", "      i) deep", "      ii) deeper", "2. Outcome two",
                                              "  2.1 restarted", "5. five", "6. six", "1. another instance",
                                              "3. continued", "A. Letters", "  I. roman", "B. B",
                                              "  II. never restarts", "    - bullet", "z. past z", "aa. again",
                                              "numId 0 is no list"});
}

TEST_CASE("docx - headings by style, basedOn chains and outline level; emphasis from runs and styles") {
  const std::string body = para(run("Lead and manage"), "UnitTitle") + para(run("Knowledge"), "Part") +
                           para(run("Abuse"), "Term") +
                           para("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Bold </w:t></w:r>" +
                                std::string("<w:r><w:rPr><w:rStyle w:val=\"Emph\"/></w:rPr><w:t>styled</w:t></w:r>") +
                                "<w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t xml:space=\"preserve\"> plain</w:t></w:r>") +
                           "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>" + run("Direct outline") + "</w:p>";
  auto r = load_document(docx(body));
  REQUIRE(r);
  CHECK(blocks(r) == std::vector<std::string>{"## Lead and manage", "### Knowledge", "**Abuse**",
                                              "**Bold** *styled* plain", "# Direct outline"});
}

TEST_CASE("docx - merged cells once, origins by paragraph, row and cell") {
  auto tc = [](const std::string& props, const std::string& text) {
    return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + para(run(text)) + "</w:tc>";
  };
  const std::string table = "<w:tbl><w:tr>" + tc("<w:gridSpan w:val=\"2\"/>", "A") + tc("", "C") + "</w:tr><w:tr>" +
                            tc("<w:vMerge w:val=\"restart\"/>", "X") + tc("", "Y") + tc("", "Z") + "</w:tr><w:tr>" +
                            tc("<w:vMerge/>", "") + tc("", "Q") + "<w:tc>" + para(run("R1")) + para(run("R2")) +
                            "</w:tc></w:tr></w:tbl>";
  auto r = load_document(docx(para(run("Before")) + table + para(run("After"))));
  REQUIRE(r);
  auto l = lines(r.text);
  REQUIRE(l.size() == 7);
  CHECK(l == std::vector<std::string>{"Before", "", "| A |  | C |", "| X | Y | Z |", "|  | Q | R1<br>R2 |", "",
                                      "After"});
  REQUIRE(r.origins.size() == l.size());
  CHECK(r.origins[0].paragraph == 1);
  CHECK(r.origins[2].paragraph == 2);
  CHECK(r.origins[2].row == 1);
  CHECK(r.origins[2].cell == 1);
  CHECK(r.origins[3].paragraph == 4);  // rows 1 took paragraphs 2 and 3
  CHECK(r.origins[4].paragraph == 7);
  CHECK(r.origins[4].row == 3);
  CHECK(r.origins[6].paragraph == 11);
  CHECK(describe(r.origins[4]) == "paragraph 7, row 3, cell 1");
}

TEST_CASE("docx - tracked changes read as accepted, fields by their result, breaks and tabs") {
  const std::string body =
      para(run("Keep ") + "<w:ins w:id=\"1\" w:author=\"a\">" + run("inserted") + "</w:ins>" + "<w:del w:id=\"2\">" +
           "<w:r><w:delText>deleted</w:delText></w:r></w:del>" + "<w:moveFrom w:id=\"3\">" + run(" moved away") +
           "</w:moveFrom>" + run(" text")) +
      para(run("Page ") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>" +
           "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("7") +
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + "<w:fldSimple w:instr=\"NUMPAGES\">" + run(" of 9") +
           "</w:fldSimple>") +
      para("<w:r><w:t>P1</w:t><w:tab/><w:t>first line</w:t><w:br/><w:t>second line</w:t></w:r>");
  auto r = load_document(docx(body));
  REQUIRE(r);
  CHECK(lines(r.text) == std::vector<std::string>{"Keep inserted text", "", "Page 7 of 9", "", "P1\tfirst line",
                                                  "second line"});
  CHECK(r.origins[5].paragraph == 3);
  CHECK(has_diagnostic(r, "Q-N131", "1 insertion kept, 2 deletions dropped"));
}

TEST_CASE("docx - page headers and footers left out and counted, footnotes as a last section") {
  const std::string header = std::string("<w:hdr ") + w_ns + ">" + para(run("Running header text")) + "</w:hdr>";
  const std::string footer = std::string("<w:ftr ") + w_ns + ">" + para(run("Page footer")) + para("") + "</w:ftr>";
  const std::string notes = std::string("<w:footnotes ") + w_ns + ">" +
                            "<w:footnote w:type=\"separator\" w:id=\"-1\">" + para(run("---")) + "</w:footnote>" +
                            "<w:footnote w:id=\"2\">" + para(run("The note.")) + "</w:footnote></w:footnotes>";
  auto r = load_document(docx(para(run("Body") + "<w:r><w:footnoteReference w:id=\"2\"/></w:r>"),
                              {{"word/header1.xml", header}, {"word/footer1.xml", footer}, {"word/footnotes.xml", notes}}));
  REQUIRE(r);
  CHECK(r.text.find("Running header") == std::string::npos);
  CHECK(r.text.find("Page footer") == std::string::npos);
  CHECK(blocks(r) == std::vector<std::string>{"Body[1]", "# Footnotes", "[1] The note."});
  CHECK(has_diagnostic(r, "Q-N130", "1 page header (1 paragraph of text) and 1 page footer (1 paragraph of text)"));
}

TEST_CASE("docx - refused inputs say why") {
  auto not_zip = load_document("PK\x03\x04 this is no archive", input_format::docx);
  CHECK_FALSE(not_zip);
  CHECK(not_zip.error.find("not a readable ZIP archive") != std::string::npos);

  auto no_document = load_document(make_zip({{"word/other.xml", "<x/>"}}), input_format::docx);
  CHECK_FALSE(no_document);
  CHECK(no_document.error == "the ZIP archive holds no word/document.xml: it is not a Word document");

  auto corrupt = load_document(make_zip({{"word/document.xml", "<w:document><w:body><w:p>"}}));
  CHECK_FALSE(corrupt);
  CHECK(corrupt.error.find("word/document.xml is not well-formed XML") != std::string::npos);

  read_limits small;
  small.max_unpacked = 1 << 20;
  auto bomb = load_document(docx(para(run(std::string(2 << 20, 'a')))), std::nullopt, small);
  CHECK_FALSE(bomb);
  CHECK(bomb.error.find("zip bomb") != std::string::npos);
  CHECK(bomb.text.empty());
}

TEST_CASE("xlsx - one sheet as RFC 4180 CSV: shared and inline strings, numbers as stored") {
  const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                         R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
  const std::string workbook = std::string("<workbook ") + ns + "><sheets><sheet name=\"Structure\" sheetId=\"1\" r:id=\"rId1\"/>" +
                               "</sheets></workbook>";
  const std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
      R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
      "</Relationships>";
  const std::string strings = std::string("<sst ") + ns + "><si><t>Unit Title</t></si><si><t xml:space=\"preserve\">SCQF\n Level</t></si>" +
                              "<si><r><t>Establish, </t></r><r><t>implement</t></r></si></sst>";
  const std::string sheet = std::string("<worksheet ") + ns + "><sheetData>" +
                            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>" +
                            "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"C3\"><v>9</v></c></row>" +
                            "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>say \"no\"</t></is></c><c r=\"B4\"><v>0.5</v></c></row>" +
                            "</sheetData></worksheet>";
  auto r = load_document(make_zip({{"xl/workbook.xml", workbook}, {"xl/_rels/workbook.xml.rels", rels},
                                   {"xl/sharedStrings.xml", strings}, {"xl/worksheets/sheet1.xml", sheet}}));
  REQUIRE(r);
  CHECK(r.format == "xlsx");
  CHECK(r.text == "Unit Title,\"SCQF\n Level\",\n\"Establish, implement\",,9\n\"say \"\"no\"\"\",0.5,\n");
  REQUIRE(r.origins.size() == 4);
  CHECK(describe(r.origins[0]) == "sheet 1, row 1, cell 1");
  CHECK(describe(r.origins[1]) == "sheet 1, row 1, cell 2");
  CHECK(describe(r.origins[2]) == "sheet 1, row 3, cell 1");
  CHECK(describe(r.origins[3]) == "sheet 1, row 4, cell 1");
}

TEST_CASE("xlsx - several sheets: each a heading and its rows as a table; a sheet too wide is refused") {
  const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                         R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
  const std::string workbook = std::string("<workbook ") + ns + "><sheets>" +
                               "<sheet name=\"Cover\" sheetId=\"1\" r:id=\"rId1\"/>" +
                               "<sheet name=\"Empty\" sheetId=\"2\" r:id=\"rId2\"/>" +
                               "<sheet name=\"Units\" sheetId=\"3\" r:id=\"rId3\"/></sheets></workbook>";
  const std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
      R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>)"
      R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet3.xml"/>)"
      "</Relationships>";
  auto sheet = [&](const std::string& rows) { return std::string("<worksheet ") + ns + "><sheetData>" + rows + "</sheetData></worksheet>"; };
  const std::string cover = sheet("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>SVQ in Site Management</t></is></c></row>");
  const std::string units = sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Code</t></is></c>"
                                  "<c r=\"B1\" t=\"inlineStr\"><is><t>Unit_x000D_\nTitle</t></is></c></row>"
                                  "<row r=\"2\"><c r=\"A2\" t=\"b\"><v>1</v></c><c r=\"B2\"><v>7.5</v></c></row>");
  auto r = load_document(make_zip({{"xl/workbook.xml", workbook}, {"xl/_rels/workbook.xml.rels", rels},
                                   {"xl/worksheets/sheet1.xml", cover}, {"xl/worksheets/sheet2.xml", sheet("")},
                                   {"xl/worksheets/sheet3.xml", units}}));
  REQUIRE(r);
  CHECK(lines(r.text) == std::vector<std::string>{"# Cover", "", "|  | SVQ in Site Management |", "", "# Units", "",
                                                  "| Code | Unit<br>Title |", "| TRUE | 7.5 |"});
  REQUIRE(r.origins.size() == 8);
  CHECK(describe(r.origins[2]) == "sheet 1, row 2, cell 1");
  CHECK(describe(r.origins[4]) == "sheet 3");
  CHECK(describe(r.origins[7]) == "sheet 3, row 2, cell 1");

  // one cell in the last column and many rows: written out it would pass the limit, so it is refused first
  std::string rows;
  for (int i = 1; i <= 200; ++i) rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"A" + std::to_string(i) + "\"><v>1</v></c></row>";
  rows += "<row r=\"201\"><c r=\"XFD201\"><v>2</v></c></row>";
  read_limits small;
  small.max_unpacked = 1 << 20;
  auto wide = load_document(make_zip({{"xl/workbook.xml", workbook}, {"xl/_rels/workbook.xml.rels", rels},
                                      {"xl/worksheets/sheet1.xml", sheet(rows)}}),
                            std::nullopt, small);
  CHECK_FALSE(wide);
  CHECK(wide.error.find("would exceed the 1048576 bytes") != std::string::npos);
}
