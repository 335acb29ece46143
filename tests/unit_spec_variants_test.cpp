// Layout variants of seed 002 (corpus/layouts/unit-spec-F36J04-variant-*.txt,
// each edit listed in its .facts.yaml): every variant yields the seed's
// units, elements, criteria and knowledge, and says what it repaired.
#include <algorithm>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "qspec/profile.hpp"

using namespace qspec;
using qspec::test::count_code;
using qspec::test::pos;

namespace {

const parse_result& seed() {
  static const parse_result r = qspec::test::parse_corpus("unit-spec-F36J04-LMC-B2.txt");
  return r;
}

parse_result variant(const std::string& name) {
  return qspec::test::parse_corpus("layouts/unit-spec-F36J04-variant-" + name + ".txt");
}

void sub_items(std::vector<std::string>& out, const std::vector<sub_item>& items) {
  for (const auto& s : items) out.push_back(s.id + " (" + std::string(s.label) + ") " + std::string(s.text));
}

/// The facts a variant must share with the seed: ids, codes, numbers and texts
/// of the unit, its elements, criteria, knowledge groups, points and sub-items.
std::vector<std::string> facts(const parse_result& r) {
  std::vector<std::string> out;
  for (const auto& u : r.doc.units) {
    out.push_back(u.id + " " + std::string(u.code) + " | " + std::string(u.local_code) + " | " + std::string(u.title));
    for (const auto& e : u.elements) {
      out.push_back(e.id + " " + std::string(e.code) + " | " + std::string(e.title));
      for (const auto& c : e.criteria) {
        out.push_back(c.id + " " + std::to_string(c.number) + ". " + std::string(c.text));
        sub_items(out, c.sub_items);
      }
    }
    if (u.knowledge)
      for (const auto& g : u.knowledge->groups) {
        out.push_back(g.id + " " + std::string(g.title));
        for (const auto& p : g.points) {
          out.push_back(p.id + " " + std::to_string(p.number) + ". " + std::string(p.text));
          sub_items(out, p.sub_items);
        }
      }
  }
  return out;
}

std::size_t criteria_count(const parse_result& r) {
  std::size_t n = 0;
  for (const auto& u : r.doc.units)
    for (const auto& e : u.elements) n += e.criteria.size();
  return n;
}

std::vector<const diagnostic*> with_code(const parse_result& r, std::string_view code) {
  std::vector<const diagnostic*> out;
  for (const auto& d : r.diagnostics)
    if (d.code == code) out.push_back(&d);
  return out;
}

/// The variant yields the seed's facts, with the seed's 3 elements and 22 criteria.
void same_facts_as_seed(const parse_result& r) {
  REQUIRE(r.doc.type == document_kind::unit_specification);
  REQUIRE(r.doc.units.size() == 1);
  CHECK(r.doc.units.front().elements.size() == 3);
  CHECK(criteria_count(r) == 22);
  const auto want = facts(seed());
  const auto got = facts(r);
  CHECK(got.size() == want.size());
  for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
    INFO("fact " << i);
    CHECK(got[i] == want[i]);
  }
  CHECK_FALSE(r.has_errors());
}

}  // namespace

TEST_CASE("unit spec variants - the seed's own facts, as the variants must give them") {
  CHECK(criteria_count(seed()) == 22);
  REQUIRE(seed().doc.units.size() == 1);
  REQUIRE(seed().doc.units.front().knowledge);
  CHECK(seed().doc.units.front().knowledge->groups.size() == 3);
  CHECK(count_code(seed(), diag::items_on_one_line) == 0);
  CHECK(count_code(seed(), diag::labels_detached) == 0);
}

TEST_CASE("unit spec variants - a knowledge point's sub-items printed as a bulleted list") {
  // a Word file's list in the knowledge table's cell, printed with its bullets ("- (b) …"): the bullets
  // are the list's, the labels the sub-items' own, and the facts are the seed's
  std::string text;
  REQUIRE(qspec::read_input(qspec::test::corpus_path("unit-spec-F36J04-LMC-B2.txt"), text).empty());
  const std::string row = "<ul style=\"list-style-type: none\"> <li>(b) your own roles, responsibilities and "
                          "accountability</li> <li>(c) the roles, responsibilities and accountability of others in "
                          "relation to leading and managing provision that promotes the well being of people</li> </ul>\t";
  const auto at = text.find(row);
  REQUIRE(at != std::string::npos);
  text.replace(at, row.size(),
               "- (b) your own roles, responsibilities and accountability\n- (c) the roles, responsibilities and "
               "accountability of others in relation to leading and managing provision that promotes the well being "
               "of people");
  const auto bulleted = qspec::test::parse_text(text);
  CHECK(facts(bulleted) == facts(seed()));
}

TEST_CASE("unit spec variants - a knowledge group's heading wrapped in its narrow cell") {
  // "Leadership and Management / Theory and Practice", a print's wrap of the heading's cell: the line
  // right under a group's heading, before any point of it, is the rest of that heading, and a note says so
  std::string text;
  REQUIRE(qspec::read_input(qspec::test::corpus_path("layouts/unit-spec-F36J04-variant-plain-no-markup.txt"), text)
              .empty());
  const std::string heading = "Leadership and Management Theory and Practice\t";
  const auto at = text.find(heading);
  REQUIRE(at != std::string::npos);
  text.replace(at, heading.size(), "Leadership and Management\nTheory and Practice\t");
  const auto wrapped = qspec::test::parse_text(text);
  CHECK(facts(wrapped) == facts(variant("plain-no-markup")));
  const auto note = std::find_if(wrapped.diagnostics.begin(), wrapped.diagnostics.end(), [](const auto& d) {
    return d.code == diag::continued_row && d.repaired == "Leadership and Management Theory and Practice";
  });
  REQUIRE(note != wrapped.diagnostics.end());
  CHECK(note->original == "Leadership and Management\nTheory and Practice");
  CHECK(note->span.begin.line == 165);
}

TEST_CASE("unit spec variants - no markup at all: headings, scope terms and knowledge groups by layout") {
  auto r = variant("plain-no-markup");
  same_facts_as_seed(r);
  const auto& u = r.doc.units.front();
  const auto& s = seed().doc.units.front();
  // plain headings still open their parts
  REQUIRE(u.scope_part);
  REQUIRE(u.glossary_part);
  REQUIRE(u.evidence);
  REQUIRE(u.guidance);
  REQUIRE(u.knowledge);
  CHECK(u.knowledge->heading == "KNOWLEDGE SPECIFICATION FOR THIS UNIT");
  // "Advocates could include: …" without bold: the same scope items as the seed's
  REQUIRE(u.scope_part->items.size() == s.scope_part->items.size());
  for (std::size_t i = 0; i < u.scope_part->items.size(); ++i) {
    CHECK(u.scope_part->items[i].term == s.scope_part->items[i].term);
    CHECK(u.scope_part->items[i].relation == s.scope_part->items[i].relation);
  }
  CHECK(u.scope_part->items.front().term == "Advocates");
  CHECK(u.scope_part->items.front().relation == "could include");
  // glossary terms from the tab rows, not from emphasis
  REQUIRE(u.glossary_part->terms.size() == s.glossary_part->terms.size());
  for (std::size_t i = 0; i < u.glossary_part->terms.size(); ++i) {
    CHECK(u.glossary_part->terms[i].term == s.glossary_part->terms[i].term);
    CHECK(u.glossary_part->terms[i].emphasis == "none");
  }
  // evidence sub-headings and type labels without emphasis
  REQUIRE(u.evidence->types.size() == s.evidence->types.size());
  for (std::size_t i = 0; i < u.evidence->types.size(); ++i) CHECK(u.evidence->types[i].name == s.evidence->types[i].name);
  CHECK(count_code(r, diag::unclassified_line) == 0);
  CHECK(count_code(r, diag::items_on_one_line) == 0);
  CHECK(count_code(r, diag::labels_detached) == 0);
}

TEST_CASE("unit spec variants - \" / \" between element code and title") {
  auto r = variant("element-code-slash-title");
  same_facts_as_seed(r);
  const auto& e = r.doc.units.front().elements;
  CHECK(e[0].title == "Lead and manage provision that involves people in decisions about the outcomes they wish to achieve");
  CHECK(e[2].title == "Lead and manage provision that promotes people\u2019s health");
  // the listed titles and the headings agree once the " / " is read as neither's
  CHECK(count_code(r, diag::title_mismatch) == 0);
  CHECK(count_code(r, diag::unclassified_line) == 0);
}

TEST_CASE("unit spec variants - header written \"F36J 04(LMC B2)\"") {
  auto r = variant("header-no-space");
  same_facts_as_seed(r);
  const auto& u = r.doc.units.front();
  CHECK(u.code == "F36J 04");
  CHECK(u.local_code == "LMC B2");
  CHECK(pos(u.span).rfind("3:1-", 0) == 0);
  // the running headers are still furniture, as many as the seed's
  auto headers = [](const parse_result& p) {
    return std::count_if(p.doc.furniture_items.begin(), p.doc.furniture_items.end(),
                         [](const furniture& f) { return f.role == "page_header"; });
  };
  CHECK(headers(r) == headers(seed()));
  CHECK(count_code(r, diag::unclassified_line) == 0);
}

TEST_CASE("unit spec variants - three elements run together on one line") {
  auto r = variant("elements-on-one-line");
  same_facts_as_seed(r);
  const auto splits = with_code(r, diag::items_on_one_line);
  REQUIRE(splits.size() == 2);
  CHECK(splits[0]->message == "several elements on one line; LMC B2.2 split from LMC B2.1");
  CHECK(splits[1]->message == "several elements on one line; LMC B2.3 split from LMC B2.2");
  CHECK(splits[0]->span.begin.line == 7);
  CHECK(splits[0]->span.begin.column == 1);
  CHECK(splits[0]->original.rfind("- LMC B2.1", 0) == 0);
  // the first element as far as the second's code, the "**" between them left out
  const std::string_view first = splits[0]->repaired;
  CHECK(first.rfind("- LMC B2.1", 0) == 0);
  CHECK(first.ends_with("about the outcomes they wish to achieve"));
  CHECK(splits[1]->original.rfind("LMC B2.2", 0) == 0);
  CHECK(splits[1]->repaired.rfind("LMC B2.2", 0) == 0);
  CHECK(splits[1]->span.begin.line == 7);
  // the listed titles agree with the headings: nothing of the next element is left in them
  CHECK(count_code(r, diag::title_mismatch) == 0);
  CHECK(count_code(r, diag::unclassified_line) == 0);
}

TEST_CASE("unit spec variants - a column of criterion numbers printed apart from its texts") {
  auto r = variant("criteria-numbers-column");
  same_facts_as_seed(r);
  const auto detached = with_code(r, diag::labels_detached);
  REQUIRE(detached.size() == 1);
  const auto& d = *detached.front();
  CHECK(d.level == severity::warning);
  CHECK(d.message == "performance criteria numbers 1…6 of LMC B2.1 printed apart from their texts; paired by count and "
                     "sentence shape");
  CHECK(d.span.begin.line == 184);
  CHECK(d.span.begin.column == 1);
  CHECK(d.span.end.line == 195);
  CHECK(d.original.rfind("1.\n2.\n3.\n4.\n5.\n6.\nYou create an environment", 0) == 0);
  CHECK(d.repaired.rfind("1. You create an environment which empowers people and their advocates to:", 0) == 0);
  CHECK(d.repaired.find("\n6. You ensure that records and reports") != std::string::npos);
  // each criterion's span is its text's line
  const auto& b21 = r.doc.units.front().elements.front();
  REQUIRE(b21.criteria.size() == 6);
  CHECK(b21.criteria[0].span.begin.line == 190);
  CHECK(b21.criteria[5].span.begin.line == 195);
  CHECK(count_code(r, diag::numbering) == count_code(seed(), diag::numbering));
  CHECK(count_code(r, diag::unclassified_line) == 0);
}

TEST_CASE("unit spec variants - the headings come from the recogniser's vocabulary profile") {
  const auto* builtin = builtin_profiles().vocabulary("unit_specification");
  REQUIRE(builtin);
  CHECK(builtin->document_kind.empty());
  // a vocabulary is not a family: detection never scores it
  CHECK(builtin_profiles().find("unit_specification") == nullptr);

  const std::string text =
      "XY12 34 (ABC D1)  Do a small test task\n\nParts of this unit\n\n- ABC D1.1  Prepare the task\n"
      "- ABC D1.2  Finish the task\n\nWhat this unit is about\n\nA small task, prepared and finished.\n\n"
      "ABC D1.1  Prepare the task\n\nPerformance criteria\tDO\n"
      "1. You prepare the task.\t\n2. You check the task.\t\n";
  // with the built-in vocabulary neither heading is one: both lines are unclassified
  auto plain = qspec::test::parse_text(text);
  CHECK(count_code(plain, diag::unclassified_line) == 3);

  std::string error;
  auto mine = read_profile(
      "profile: my_units\nrecogniser: unit_specification\nparts:\n  - role: elements_list\n"
      "    headings: [\"Parts of this unit\"]\n  - role: about\n    headings: [\"What this unit is about\"]\n",
      "mine.yaml", error);
  REQUIRE_MESSAGE(mine, error);
  const auto set = builtin_profiles().with(*mine);
  REQUIRE(set.vocabulary("unit_specification"));
  CHECK(set.vocabulary("unit_specification")->name == "my_units");
  auto loaded = load_bytes(text);
  parse_options options;
  options.profiles = &set;
  auto r = parse(loaded, options);
  CHECK(count_code(r, diag::unclassified_line) == 0);
  REQUIRE(r.doc.units.size() == 1);
  REQUIRE(r.doc.units.front().elements.size() == 2);
  CHECK(r.doc.units.front().elements[1].title == "Finish the task");
  CHECK(r.doc.units.front().elements[0].criteria.size() == 2);

  // a vocabulary is not also a family
  CHECK_FALSE(read_profile("profile: x\nrecogniser: unit_specification\ndocument_kind: y\n", "x.yaml", error));
  CHECK(error == "x.yaml:2:13: a profile holds either a recogniser's vocabulary or a document_kind, not both");
}

namespace {
/// `text` broken into lines of `width` bytes at most, at spaces: a paragraph as a PDF's text sets it.
std::string hard_wrap(std::string_view text, std::size_t width) {
  std::string out, line;
  std::size_t b = 0;
  while (b < text.size()) {
    auto e = std::min(text.find(' ', b), text.size());
    auto word = text.substr(b, e - b);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out.append(line).push_back('\n');
      line.clear();
    }
    if (!line.empty()) line.push_back(' ');
    line.append(word);
    b = e + 1;
  }
  return out + line;
}
}  // namespace

TEST_CASE("unit spec variants - paragraphs hard-wrapped over lines (a PDF's text) read as the seed's paragraphs") {
  auto loaded = load_file(test::corpus_path("unit-spec-F36J04-LMC-B2.txt"));
  REQUIRE(loaded);
  std::string text = loaded.text;
  // the "About this Unit" and values paragraphs wrapped at 70 bytes
  for (std::string_view opening : {"This unit is about leading", "The values underpinning this unit"}) {
    const auto b = text.find(opening);
    REQUIRE(b != std::string::npos);
    const auto e = text.find('\n', b);
    const auto wrapped = hard_wrap(std::string_view(text).substr(b, e - b), 70);
    CHECK(std::count(wrapped.begin(), wrapped.end(), '\n') >= 4);
    text.replace(b, e - b, wrapped);
  }
  const auto r = test::parse_text(text);
  const auto& s = seed();
  REQUIRE(r.doc.units.size() == 1);
  CHECK(facts(r) == facts(s));
  const auto& u = r.doc.units[0];
  const auto& su = s.doc.units[0];
  REQUIRE(u.values);
  REQUIRE(u.values->paragraphs.size() == su.values->paragraphs.size());
  CHECK(u.values->paragraphs[0].text == su.values->paragraphs[0].text);
  REQUIRE(u.sections.size() == su.sections.size());
  REQUIRE(!u.sections.empty());
  REQUIRE(u.sections[0].blocks.size() == su.sections[0].blocks.size());
  CHECK(u.sections[0].blocks[0].para.text == su.sections[0].blocks[0].para.text);
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("unit spec variants - the unit's header printed over lines: the code alone, the title wrapped under it, "
          "and repeated so at a page's top with no blank line around it") {
  auto loaded = load_file(test::corpus_path("unit-spec-F36J04-LMC-B2.txt"));
  REQUIRE(loaded);
  std::string text = loaded.text;
  const std::string pieces =
      "F36J 04 (LMC B2)\nLead and manage provision of care\nservices that promotes the well being of people";
  // the first header, and the running header before the values heading
  const auto first = text.find("**F36J 04 (LMC B2)");
  REQUIRE(first != std::string::npos);
  text.replace(first, text.find('\n', first) - first, pieces);
  const auto values = text.find("**Values underpinning");
  REQUIRE(values != std::string::npos);
  const auto header = text.rfind("**F36J 04 (LMC B2)", values);
  REQUIRE(header != std::string::npos);
  REQUIRE(header > first);
  text.replace(header, values - header, "The end of a page's text\n" + pieces + "\n");
  const auto r = test::parse_text(text);
  REQUIRE(r.doc.units.size() == 1);
  CHECK(r.doc.units[0].title == "Lead and manage provision of care services that promotes the well being of people");
  CHECK(facts(r) == facts(seed()));
  std::size_t pieces_as_header = 0;
  for (const auto& f : r.doc.furniture_items)
    for (std::string_view p : {"F36J 04 (LMC B2)", "Lead and manage provision of care",
                               "services that promotes the well being of people"})
      pieces_as_header += f.role == "page_header" && f.text == p ? 1 : 0;
  CHECK(pieces_as_header == 3);
  CHECK(r.doc.lines.unclassified == 0);
}
