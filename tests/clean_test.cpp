// Clean stage: HTML and markdown in cells become structure; spans map back.
#include "clean/rich_text.hpp"
#include "helpers.hpp"

using namespace qspec::clean;

namespace {
std::vector<block> blocks(std::string_view s) {
  markup_report report;
  return read_blocks(s, 0, static_cast<std::uint32_t>(s.size()), report);
}
}  // namespace

TEST_CASE("clean - HTML paragraphs and lists become blocks") {
  auto b = blocks("<p>They include:</p> <ul style=\"list-style-type: none\"> <li>\xE2\x80\xA2 being healthy</li> "
                  "<li>\xE2\x80\xA2 staying safe</li> </ul> <p>After.</p>");
  REQUIRE(b.size() == 4);
  CHECK(b[0].type == block_type::paragraph);
  CHECK(b[0].content.text() == "They include:");
  CHECK(b[1].type == block_type::list_item);
  CHECK(b[1].content.text() == "being healthy");
  CHECK(b[2].content.text() == "staying safe");
  CHECK(b[1].list == b[2].list);
  CHECK(b[3].content.text() == "After.");
}

TEST_CASE("clean - emphasis from HTML and markdown, with text offsets") {
  auto b = blocks("You act as a <b>role model</b> and **lead** and <i>serve</i>.");
  REQUIRE(b.size() == 1);
  const auto& t = b[0].content;
  CHECK(t.text() == "You act as a role model and lead and serve.");
  REQUIRE(t.emphasis_runs().size() == 3);
  CHECK(t.text().substr(t.emphasis_runs()[0].begin, t.emphasis_runs()[0].end - t.emphasis_runs()[0].begin) ==
        "role model");
  CHECK(t.emphasis_runs()[0].style == emphasis::bold);
  CHECK(t.emphasis_runs()[2].style == emphasis::italic);
  // source offsets survive the removed tags: "role" starts at byte 16 of the source
  CHECK(t.source_of(t.emphasis_runs()[0].begin) == 16);
}

TEST_CASE("clean - markdown's \"__strong__\" flanks its text as CommonMark has it") {
  // a closing "__" after punctuation ("__Unit title:__ …"), an opening one before it ("__(a)__"); one
  // inside a word, or in a name ("file__name", "ID__2"), is text
  auto b = blocks("__Unit title:__ Prepare dishes, __(a)__ first, indu__strial and file__name");
  REQUIRE(b.size() == 1);
  const auto& t = b[0].content;
  CHECK(t.text() == "Unit title: Prepare dishes, (a) first, indu__strial and file__name");
  REQUIRE(t.emphasis_runs().size() == 2);
  CHECK(t.text().substr(t.emphasis_runs()[0].begin, t.emphasis_runs()[0].end - t.emphasis_runs()[0].begin) ==
        "Unit title:");
  CHECK(t.text().substr(t.emphasis_runs()[1].begin, t.emphasis_runs()[1].end - t.emphasis_runs()[1].begin) == "(a)");
}

TEST_CASE("clean - entities decoded, literal < and * kept") {
  auto b = blocks("A &amp; B &#8217;s &lt;tag&gt; &bogus; < 5 days qualification*.");
  REQUIRE(b.size() == 1);
  CHECK(b[0].content.text() == "A & B \xE2\x80\x99s <tag> &bogus; < 5 days qualification*.");
}

TEST_CASE("clean - whitespace collapsed; verbatim text detected") {
  auto b = blocks("plain text here");
  REQUIRE(b.size() == 1);
  CHECK(b[0].content.verbatim());
  auto c = blocks("two\xC2\xA0 spaces\there");
  REQUIRE(c.size() == 1);
  CHECK(c[0].content.text() == "two spaces here");
  CHECK_FALSE(c[0].content.verbatim());
  CHECK(c[0].content.source_of(4) == 6);  // "spaces" begins after the no-break space and a space
}

TEST_CASE("clean - join and slice keep the source map") {
  markup_report report;
  std::string src = "first part of\nthis evidence.";
  auto a = read_text(src, 0, 13, report);
  auto b = read_text(src, 14, static_cast<std::uint32_t>(src.size()), report);
  a.join(b);
  CHECK(a.text() == "first part of this evidence.");
  CHECK(a.source_of(14) == 14);  // "this" on the second line
  auto s = a.slice(14, 18);
  CHECK(s.text() == "this");
  CHECK(s.source_begin() == 14);
  CHECK(s.source_end() == 18);
}

TEST_CASE("clean - a bold run wrapped over two lines is one run when the lines are joined") {
  markup_report report;
  std::string src = "applies to **all**\n**aspects** of service provision";
  const auto nl = static_cast<std::uint32_t>(src.find('\n'));
  auto a = read_text(src, 0, nl, report);
  auto b = read_text(src, nl + 1, static_cast<std::uint32_t>(src.size()), report);
  a.join(b);
  CHECK(a.text() == "applies to all aspects of service provision");
  REQUIRE(a.emphasis_runs().size() == 1);
  const auto& run = a.emphasis_runs()[0];
  CHECK(a.text().substr(run.begin, run.end - run.begin) == "all aspects");
  // a run that ends before the line's last word stays apart from the next line's
  auto c = read_text("**all** services", 0, 16, report);
  auto d = read_text("**aspects**", 0, 11, report);
  c.join(d);
  CHECK(c.emphasis_runs().size() == 2);
}
