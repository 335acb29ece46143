// The HTML reader: the block stream it writes for small pages, each line's
// origin in the page, what it leaves out as furniture, and its bounds.
#include <string>
#include <vector>

#include "helpers.hpp"
#include "qspec/formats.hpp"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string out = "\n";
    for (const auto& l : lines) out += "  \"" + l + "\"\n";
    return out.c_str();
  }
};
}  // namespace doctest

using namespace qspec;

namespace {

loaded_text read(const std::string& html, const read_limits& limits = {}) {
  auto loaded = load_document(html, input_format::html, limits);
  REQUIRE_MESSAGE(loaded, loaded.error);
  CHECK(loaded.format == "html");
  return loaded;
}

/// The lines that are not blank, each as "line:column text" (its origin in the page).
std::vector<std::string> lines_of(const loaded_text& r) {
  std::vector<std::string> out;
  std::size_t from = 0, k = 0;
  std::size_t count = 0;
  while (from < r.text.size()) {
    auto nl = r.text.find('\n', from);
    if (nl == std::string::npos) nl = r.text.size();
    std::string line = r.text.substr(from, nl - from);
    ++count;
    if (!line.empty()) {
      const auto& o = r.origins.at(k);
      out.push_back(std::to_string(o.line) + ":" + std::to_string(o.column) + " " + line);
    }
    ++k;
    from = nl + 1;
  }
  CHECK(count == r.origins.size());  // one origin per line, blank ones included
  return out;
}

std::string note_of(const loaded_text& r) {
  for (const auto& d : r.diagnostics)
    if (d.code == diag::furniture_left_out) return d.message;
  return {};
}

}  // namespace

TEST_CASE("html reader - ordered lists print their labels: start, type, value, nested 1.1, roman") {
  auto r = read(
      "<ol start=\"3\" type=\"a\">\n"
      "  <li>First &amp; best</li>\n"
      "  <li>Second</li>\n"
      "</ol>\n"
      "<ol>\n"
      "  <li>Understand\n"
      "    <ol><li>Explain one</li><li>Explain two</li></ol>\n"
      "  </li>\n"
      "  <li value=\"7\">Seven</li>\n"
      "</ol>\n"
      "<ol type=\"I\"><li>One</li><li>Two</li><li>Three</li><li>Four</li></ol>\n"
      "<ul><li>Bullet<ul><li>Nested</li></ul></li></ul>\n");
  CHECK(lines_of(r) == std::vector<std::string>{
                           "2:7 c. First & best",
                           "3:7 d. Second",
                           "6:7 1. Understand",
                           "7:13   1.1 Explain one",
                           "7:33   1.2 Explain two",
                           "9:17 7. Seven",
                           "11:18 I. One",
                           "11:30 II. Two",
                           "11:42 III. Three",
                           "11:56 IV. Four",
                           "12:9 - Bullet",
                           "12:23   - Nested",
                       });
  CHECK(r.text.substr(0, 21) == "c. First & best\n\nd. S");  // a blank line between blocks
}

TEST_CASE("html reader - headings by level, paragraphs, <br>, emphasis and entities") {
  auto r = read(
      "<!DOCTYPE html><html><body>\n"
      "<h1>Unit 12</h1><h3>Learning &lt;outcomes&gt;</h3>\n"
      "<p>Line one<br>Line <b>two</b> and <em> three </em>&nbsp;&eacute;t&eacute;</p>\n"
      "<p><strong>&nbsp;</strong></p>\n"
      "<p><b>K1</b>: The <i>whole</i> text</p>\n"
      "</body></html>\n");
  CHECK(lines_of(r) == std::vector<std::string>{
                           "2:5 # Unit 12",
                           "2:21 ### Learning <outcomes>",
                           "3:4 Line one",
                           "3:16 Line **two** and *three* \xC3\xA9t\xC3\xA9",
                           "5:7 **K1**: The *whole* text",
                       });
}

TEST_CASE("html reader - tables: a header rule, rowspan and colspan kept in their columns, paragraphs in a cell") {
  auto r = read(
      "<html><body>\n"
      "<table>\n"
      "<tr><th>Unit</th><th>Title</th><th>Credit</th></tr>\n"
      "<tr><td rowspan=\"2\">A1</td><td>Alpha</td><td>3</td></tr>\n"
      "<tr><td colspan=\"2\">Beta | gamma</td></tr>\n"
      "<tr><td>B2</td><td><p>Para one</p><p>Para two</p><ul><li>item</li></ul></td><td>5</td></tr>\n"
      "</table>\n"
      "</body></html>\n");
  CHECK(lines_of(r) == std::vector<std::string>{
                           "3:9 | Unit | Title | Credit |",
                           "3:9 | --- | --- | --- |",
                           "4:21 | A1 | Alpha | 3 |",
                           "5:21 | | Beta \\| gamma | |",
                           "6:9 | B2 | Para one<br>Para two<br>- item | 5 |",
                       });
}

TEST_CASE("html reader - a table of one column only lays out the page: its cells are blocks") {
  auto r = read("<table><tr><td><h2>Scope</h2><p>Text</p></td></tr><tr><td>More</td></tr></table>");
  CHECK(lines_of(r) == std::vector<std::string>{"1:20 ## Scope", "1:33 Text", "1:59 More"});
}

TEST_CASE("html reader - furniture is left out and counted: scripts, styles, nav, site header and footer, "
          "comments, server code, templates, noscript, hidden") {
  auto r = read(
      "<html><head><title>T</title><style>p{}</style><script>var x;</script></head>\n"
      "<body>\n"
      "<header><a href=\"/\">Home</a><h1>Page title</h1></header>\n"
      "<nav><ul><li>Menu</li></ul></nav>\n"
      "<!-- a comment -->\n"
      "<?php echo \"x\"; ?>\n"
      "<main>\n"
      "<p>Content here</p>\n"
      "<template><p>Hidden template</p></template>\n"
      "<noscript>Enable JS</noscript>\n"
      "<div style=\"display: none\">Secret</div><dialog><p>Closed</p></dialog>\n"
      "<p>Text <button onclick=\"print()\">Print</button></p>\n"
      "<footer>An article's footer is content</footer>\n"
      "</main>\n"
      "<footer>Site footer</footer>\n"
      "</body></html>\n");
  CHECK(lines_of(r) == std::vector<std::string>{"3:33 # Page title", "8:4 Content here", "12:4 Text",
                                                "13:9 An article's footer is content"});
  CHECK(note_of(r) ==
        "left out of the page as furniture: 1 script, 1 style sheet, 1 navigation block, 1 site header, "
        "1 site footer, 1 comment, 1 template, 1 noscript fallback, 1 block of server code, 2 hidden elements, "
        "1 button or form control, 2 texts of the site's header and footer or outside the page's <main>");
}

TEST_CASE("html reader - a link that ends many blocks is furniture, a link inside the text is not") {
  auto r = read(
      "<p>K1: One. <a href=\"#top\">Back to top</a></p>\n"
      "<p>K2: Two. <a href=\"#top\">Back to top</a></p>\n"
      "<p>K3: See <a href=\"/k3\">the guide</a> here. <a href=\"#top\">Back to top</a></p>\n"
      "<p>K4: Read <a href=\"/g\">the guide</a></p>\n");
  CHECK(lines_of(r) == std::vector<std::string>{"1:4 K1: One.", "2:4 K2: Two.", "3:4 K3: See the guide here.",
                                                "4:4 K4: Read the guide"});
  CHECK(note_of(r) == "left out of the page as furniture: 3 repeated links at the end of blocks");
}

TEST_CASE("html reader - a fragment, unclosed everything") {
  auto r = read("<ul><li>One<li>Two<p>Para<li>Three");
  CHECK(lines_of(r) == std::vector<std::string>{"1:9 - One", "1:16 - Two", "1:22   Para", "1:30 - Three"});
}

TEST_CASE("html reader - a numbered item with no text still shows its number; a bullet with none shows nothing") {
  auto r = read("<ol>\n<li></li>\n<li></li>\n</ol>\n<ul><li></li></ul>\n<p>You create an environment</p>\n");
  CHECK(lines_of(r) == std::vector<std::string>{"2:1 1.", "3:1 2.", "6:4 You create an environment"});
}

TEST_CASE("html reader - a page that stops inside its text is an excerpt: no final line break, a warning") {
  auto r = read("<html><body><ul>\n<li>K1 how to plan the work</li>\n<li>K2 how to record and report defects using your organisa");
  CHECK(lines_of(r) == std::vector<std::string>{"2:5 - K1 how to plan the work",
                                                "3:5 - K2 how to record and report defects using your organisa"});
  CHECK(r.text.back() == 'a');  // as a text file cut short: no final line break
  bool warned = false;
  for (const auto& d : r.diagnostics)
    if (d.code == diag::page_cut) {
      warned = true;
      CHECK(d.level == severity::warning);
      CHECK(d.span.begin.line == 3);
      CHECK(d.original == "K2 how to record and report defects using your organisa");
    }
  CHECK(warned);
  // closed by a tag, or by a line break after its last words: whole
  for (const char* whole : {"<ul><li>K1 one</li><li>K2 two</li></ul>", "<p>K1 one\n"}) {
    auto w = read(whole);
    CHECK(w.text.back() == '\n');
    for (const auto& d : w.diagnostics) CHECK(d.code != diag::page_cut);
  }
}

TEST_CASE("html reader - a Windows-1252 page is decoded before it is parsed") {
  auto r = read("<p>Caf\xE9 \x93quoted\x94</p>");
  CHECK(lines_of(r) == std::vector<std::string>{"1:4 Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"});
  CHECK(r.encoding == "windows-1252");
}

TEST_CASE("html reader - nesting past read_limits::max_depth: a warning, the page read up to there") {
  std::string deep = "<p>Before</p>\n";
  for (int i = 0; i < 100; ++i) deep += "<div>";
  deep += "<p>Inside</p>";
  read_limits limits;
  limits.max_depth = 50;
  auto r = read(deep, limits);
  CHECK(lines_of(r) == std::vector<std::string>{"1:4 Before"});
  bool warned = false;
  for (const auto& d : r.diagnostics)
    if (d.code == diag::reader_too_deep) {
      warned = true;
      CHECK(d.level == severity::warning);
      CHECK(d.message == "the page's elements nest deeper than 50 levels at line 2 of the file: the page is read up to there");
    }
  CHECK(warned);
  auto shallow = read(deep);  // within the default limit: all of it
  CHECK(lines_of(shallow) == std::vector<std::string>{"1:4 Before", "2:504 Inside"});
}

TEST_CASE("html reader - a page is sniffed as HTML and parsed as a document") {
  std::string page =
      "<!doctype html><html><body><h2>Knowledge</h2><p><strong>K1</strong>: Know one.</p>"
      "<p><strong>K2</strong>: Know two.</p></body></html>";
  CHECK(sniff_format(page) == input_format::html);
  auto loaded = load_document(page);
  REQUIRE(loaded);
  CHECK(loaded.format == "html");
  auto result = parse(loaded, {.source_name = "page.html"});
  CHECK(result.doc.source_format == "html");
  REQUIRE(result.doc.origins);
  CHECK(result.doc.origins->size() == 5);
}
