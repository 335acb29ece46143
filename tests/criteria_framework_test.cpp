// Qualification criteria framework (seed 004): Skills for Care's Level 5
// Diploma criteria, with the conversion damage repaired and reported.
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "helpers.hpp"

using namespace qspec;
using qspec::test::count_code;
using qspec::test::pos;

namespace {

const char* criteria_doc = "criteria-skills-for-care-level5-lmac-2021.txt";

const framework& the_framework(const parse_result& r) {
  REQUIRE(r.doc.frameworks.size() == 1);
  return r.doc.frameworks[0];
}

const subtopic* find_subtopic(const framework& f, std::string_view code) {
  for (const auto& t : f.topics)
    for (const auto& s : t.subtopics)
      if (s.code == code) return &s;
  return nullptr;
}

/// Per sub-topic, as two independent readings of the document agree
/// (requirement type, criteria per outcome, sub-items, guidance terms).
struct expected_subtopic {
  const char* code;
  const char* type;
  std::vector<std::size_t> criteria;
  std::size_t sub_items;
  std::size_t terms;
};

const std::vector<expected_subtopic> expected = {
    {"LMAC5A/LM", "knowledge", {5, 4}, 2, 3},
    {"LMAC5A/GR", "knowledge", {3, 2, 3, 6, 5}, 3, 3},
    {"LMAC5A/DM", "knowledge_and_skill", {5, 6}, 0, 2},
    {"LMAC5A/BR", "knowledge", {7, 10, 4, 4}, 3, 9},
    {"LMAC5B/TL", "skill", {5, 6}, 0, 2},
    {"LMAC5B/LD", "knowledge_and_skill", {7, 4}, 0, 5},
    {"LMAC5B/SO", "knowledge_and_skill", {10, 8}, 7, 10},
    {"LMAC5C/SG", "knowledge", {9, 7}, 2, 3},
    {"LMAC5C/MC", "knowledge", {6, 7}, 0, 9},
    {"LMAC5C/PS", "knowledge_and_skill", {7, 2, 5, 5}, 0, 11},
    {"LMAC5C/CC", "knowledge_and_skill", {4, 4}, 0, 0},
    {"LMAC5D/LV", "knowledge_and_skill", {3, 4}, 0, 1},
    {"LMAC5D/CI", "knowledge_and_skill", {4, 8, 3, 4}, 0, 4},
    {"LMAC5E/EC", "knowledge_and_skill", {3, 3, 4, 3}, 3, 4},
    {"LMAC5E/HI", "knowledge_and_skill", {3, 3}, 0, 2},
    {"LMAC5F/PC", "knowledge_and_skill", {2, 3, 6, 3, 3, 4, 3}, 8, 13},
    {"LMAC5F/HW", "knowledge_and_skill", {1, 4, 3}, 7, 5},
    {"LMAC5F/ED", "knowledge_and_skill", {5, 5}, 0, 4},
    {"LMAC5G/HS", "knowledge_and_skill", {2, 5, 3, 3}, 0, 4},
    {"LMAC5H/CD", "skill", {5, 3, 5}, 3, 4},
    {"LMAC5H/PW", "knowledge", {3, 2, 3, 6}, 0, 7},
};

std::vector<const diagnostic*> with_code(const parse_result& r, std::string_view code) {
  std::vector<const diagnostic*> out;
  for (const auto& d : r.diagnostics)
    if (d.code == code) out.push_back(&d);
  return out;
}

}  // namespace

TEST_CASE("004 - the framework's front matter and hours rules") {
  auto r = qspec::test::parse_corpus(criteria_doc);
  CHECK(r.doc.type == document_kind::criteria_framework);
  const auto& f = the_framework(r);
  CHECK(f.title == "Level 5 Diploma in Leading and Managing an Adult Care Service");
  CHECK(f.level == 5u);
  CHECK(f.label == "Qualification Criteria");
  CHECK(f.publisher == "Skills for Care");
  CHECK(f.date == "May 2021");
  CHECK(f.audience == "for awarding organisations developing new qualifications");
  REQUIRE(f.hours_rules.size() == 3);
  CHECK(f.hours_rules[0].measure == "total_qualification_time");
  CHECK(f.hours_rules[0].min == 900);
  CHECK(f.hours_rules[0].max == 950);
  CHECK(f.hours_rules[0].unit == "hours");
  CHECK(f.hours_rules[0].text == "have a TQT of 900-950 hours");
  CHECK(pos(f.hours_rules[0].span) == "112:3-112:29");
  CHECK(f.hours_rules[1].measure == "minimum_content");
  CHECK(f.hours_rules[1].min == 750);
  CHECK(f.hours_rules[1].max == 800);
  CHECK(f.hours_rules[2].measure == "optional_content");
  CHECK(f.hours_rules[2].min == 100);
  CHECK(f.hours_rules[2].max == 200);
}

TEST_CASE("004 - an hours rule wrapped onto the next line is one rule") {
  std::ifstream in(test::corpus_path(criteria_doc), std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string line = "outlined under the 8 topic areas in Section B.";
  const auto at = text.find(line);
  REQUIRE(at != std::string::npos);
  text.replace(at, line.size(), "outlined under the 8\ntopic areas in Section B.");
  auto r = qspec::test::parse_text(text);
  const auto& f = the_framework(r);
  REQUIRE(f.hours_rules.size() == 3);
  CHECK(f.hours_rules[1].text == "have 750-800 hours allocated to the minimum content outlined under the 8 topic areas in "
                                 "Section B.");
  CHECK(pos(f.hours_rules[1].span) == "113:3-114:25");
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("004 - 8 topics, 21 sub-topics, 64 outcomes, 287 criteria, 38 sub-items, 105 guidance terms") {
  auto r = qspec::test::parse_corpus(criteria_doc);
  const auto& f = the_framework(r);
  REQUIRE(f.topics.size() == 8);
  std::vector<std::size_t> per_topic;
  std::size_t subtopics = 0, outcomes = 0, criteria = 0, sub_items = 0, terms = 0;
  for (const auto& t : f.topics) {
    per_topic.push_back(t.subtopics.size());
    for (const auto& s : t.subtopics) {
      ++subtopics;
      terms += s.guidance.size();
      for (const auto& o : s.outcomes) {
        ++outcomes;
        criteria += o.criteria.size();
        for (const auto& c : o.criteria) sub_items += c.sub_items.size();
      }
    }
  }
  CHECK(per_topic == std::vector<std::size_t>{4, 3, 4, 2, 2, 3, 1, 2});
  CHECK(subtopics == 21);
  CHECK(outcomes == 64);
  CHECK(criteria == 287);
  CHECK(sub_items == 38);
  CHECK(terms == 105);
  CHECK(f.topics[0].code == "LMAC5A");
  CHECK(f.topics[0].title == "Leading and Managing in Adult Social Care");
}

TEST_CASE("004 - every sub-topic as printed: requirement type, criteria per outcome, sub-items, terms") {
  auto r = qspec::test::parse_corpus(criteria_doc);
  const auto& f = the_framework(r);
  for (const auto& e : expected) {
    INFO(e.code);
    const auto* s = find_subtopic(f, e.code);
    REQUIRE(s);
    CHECK(s->id == e.code);
    CHECK(s->requirement_type == e.type);
    std::vector<std::size_t> per_outcome;
    std::size_t subs = 0;
    for (std::size_t i = 0; i < s->outcomes.size(); ++i) {
      const auto& o = s->outcomes[i];
      CHECK(o.letter == std::string(1, static_cast<char>('A' + i)));
      per_outcome.push_back(o.criteria.size());
      for (std::size_t k = 0; k < o.criteria.size(); ++k) {
        CHECK(o.criteria[k].number == k + 1);
        subs += o.criteria[k].sub_items.size();
      }
    }
    CHECK(per_outcome == e.criteria);
    CHECK(subs == e.sub_items);
    CHECK(s->guidance.size() == e.terms);
  }
  CHECK(find_subtopic(f, "LMAC5B/TL")->requirement_label == "Skill requirements");
  CHECK(find_subtopic(f, "LMAC5H/CD")->requirement_label == "Skill requirements");
  CHECK(find_subtopic(f, "LMAC5C/SG")->requirement_label == "Knowledge requirements");
  // "No guided notes included." means no terms, and says so
  CHECK(find_subtopic(f, "LMAC5C/CC")->guidance_statement == "No guided notes included.");
}

TEST_CASE("004 - exact texts and spans") {
  auto r = qspec::test::parse_corpus(criteria_doc);
  const auto& f = the_framework(r);
  const auto* lm = find_subtopic(f, "LMAC5A/LM");
  REQUIRE(lm);
  CHECK(lm->title == "Leadership and Management");
  const auto& b = lm->outcomes.at(1);
  CHECK(b.statement == "Understand leadership and management in adult care including:");
  const auto& b3 = b.criteria.at(2);
  CHECK(b3.text == "how to adapt own leadership and management style for:");
  REQUIRE(b3.sub_items.size() == 2);
  CHECK(b3.sub_items[0].text == "different situations");
  CHECK(pos(b3.sub_items[1].span) == "158:2-158:18");
  // criterion 4 printed without a bullet after the sub-items
  CHECK(b.criteria.at(3).text ==
        "the interaction between the values and culture of an adult social care organisation and own leadership "
        "behaviours.");
  CHECK(pos(b.criteria.at(3).span) == "160:1-160:117");
  // bold in the source: "the impact of **internal and external** drivers …" resolves to the guidance term
  const auto& b1 = b.criteria.at(0);
  CHECK(b1.text == "the impact of internal and external drivers on leadership and management in adult care services");
  REQUIRE(b1.terms.size() == 1);
  CHECK(b1.terms[0].text == "internal and external");
  CHECK(b1.terms[0].target == "LMAC5A/LM/guidance/internal-and-external");
  REQUIRE(lm->guidance.size() == 3);
  CHECK(lm->guidance[1].term == "Different situations");
  CHECK(lm->guidance[1].definition.at(0).para.text ==
        "may include the formality of situations, working under different pressures, own role within a particular "
        "situation");
  // a definition wrapped over a blank line is one term
  const auto* so = find_subtopic(f, "LMAC5B/SO");
  REQUIRE(so);
  const guidance_term* factors = nullptr;
  for (const auto& g : so->guidance)
    if (g.term == "External and internal factors") factors = &g;
  REQUIRE(factors);
  REQUIRE(factors->definition.size() == 1);
  CHECK(factors->definition[0].para.text.find("societal movements and campaigns. Internal factors") !=
        std::string_view::npos);
  CHECK(pos(factors->span) == "458:1-460:213");
  // lists in definitions stay lists; a bullet the conversion dropped is put back in its list
  const auto* sg = find_subtopic(f, "LMAC5C/SG");
  REQUIRE(sg);
  const auto& others = sg->guidance.at(1);
  CHECK(others.term == "Others");
  REQUIRE(others.definition.size() == 2);
  REQUIRE(others.definition[1].which == block::type::list);
  CHECK(others.definition[1].items.items.size() == 5);
  CHECK(others.definition[1].items.items[0].text == "individuals accessing care and support services");
  // "And might include reviewing:" continues "Review", it is not a term
  const auto& review = sg->guidance.at(2);
  CHECK(review.term == "Review");
  CHECK(review.definition.size() == 4);
}

TEST_CASE("004 - headings garbled, missing, or with a wrong or cut code are repaired and reported") {
  auto r = qspec::test::parse_corpus(criteria_doc);
  const auto& f = the_framework(r);
  // garbled: "L IVI А C5 G ľV ľĠ" before "Mental capacity"
  std::map<std::string, const diagnostic*> garbled;
  for (const auto* d : with_code(r, diag::garbled_heading))
    if (d->repaired.find('/') != std::string::npos) garbled[d->repaired.substr(0, 9)] = d;
  CHECK(garbled.size() == 8);
  for (const char* code : {"LMAC5B/SO", "LMAC5C/MC", "LMAC5C/PS", "LMAC5C/CC", "LMAC5D/CI", "LMAC5E/HI",
                           "LMAC5F/HW", "LMAC5H/PW"})
    CHECK_MESSAGE(garbled.count(code) == 1, code);
  const auto* mc = garbled["LMAC5C/MC"];
  REQUIRE(mc);
  CHECK(pos(mc->span) == "541:2-544:15");
  CHECK(mc->original.find("L\tIVI\t\xD0\x90\tC") != std::string::npos);
  CHECK(mc->repaired == "LMAC5C/MC Mental capacity");
  CHECK(mc->message.find("overview") != std::string::npos);
  // missing altogether: inferred from the overview's order
  auto missing = with_code(r, diag::missing_heading);
  REQUIRE(missing.size() == 2);
  CHECK(missing[0]->repaired == "LMAC5A/BR Business and resource management");
  CHECK(missing[0]->span.begin.line == 249);
  CHECK(missing[1]->repaired == "LMAC5D/LV Leading the vision");
  CHECK(missing[1]->span.begin.line == 711);
  // wrong or cut codes corrected from the topic
  auto repaired = with_code(r, diag::code_repaired);
  std::set<std::pair<std::string, std::string>> fixes;
  for (const auto* d : repaired) fixes.insert({d->original, d->repaired});
  CHECK(fixes == std::set<std::pair<std::string, std::string>>{
                     {"LMAC5C/S", "LMAC5C/SG"}, {"LMAC5C/CI", "LMAC5D/CI"}, {"LMAC5C/HS", "LMAC5G/HS"}});
  const auto* hs = find_subtopic(f, "LMAC5G/HS");
  REQUIRE(hs);
  CHECK(hs->outcomes.size() == 4);
  CHECK(hs->title == "Health and safety");
  CHECK(f.topics[6].code == "LMAC5G");
  CHECK(f.topics[3].overview.at(1).code == "LMAC5D/CI");
}

TEST_CASE("004 - criteria that lost their number, and what is not a criterion") {
  auto r = qspec::test::parse_corpus(criteria_doc);
  const auto& f = the_framework(r);
  auto inferred = with_code(r, diag::number_inferred);
  CHECK(inferred.size() == 28);
  std::size_t flagged = 0;
  for (const auto& t : f.topics)
    for (const auto& s : t.subtopics)
      for (const auto& o : s.outcomes)
        for (const auto& c : o.criteria) flagged += c.number_inferred;
  CHECK(flagged == 28);
  const auto& tl_a1 = find_subtopic(f, "LMAC5B/TL")->outcomes.at(0).criteria.at(0);
  CHECK(tl_a1.id == "LMAC5B/TL/A/1");
  CHECK(tl_a1.number_inferred);
  CHECK(tl_a1.text.substr(0, 24) == "adapt leadership styles ");
  // the lone "1" after "LMAC5B/TL Team leadership"
  auto stray = with_code(r, diag::stray_number);
  REQUIRE(stray.size() == 1);
  CHECK(stray[0]->span.begin.line == 353);
  // bullets pushed left by a page break stay with their criterion
  const auto& so_b1 = find_subtopic(f, "LMAC5B/SO")->outcomes.at(1).criteria.at(0);
  REQUIRE(so_b1.sub_items.size() == 4);
  CHECK(so_b1.sub_items[2].text == "sources of data and evidence that can be used to inform supervision");
}

TEST_CASE("004 - no criterion holds a heading, a page artefact or another criterion") {
  auto r = qspec::test::parse_corpus(criteria_doc);
  const auto& f = the_framework(r);
  auto clean = [](std::string_view t) {
    for (std::string_view bad : {"LMAC5", "requirements\t", "Guidance notes", "\\sim", "\\math", "$", "\t", " - 1. ",
                                 " - 2. ", "**", "<u>", "Knowledge and skill requirements"})
      if (t.find(bad) != std::string_view::npos) return false;
    return !t.empty();
  };
  std::size_t outcomes = 0, criteria = 0;
  for (const auto& t : f.topics)
    for (const auto& s : t.subtopics)
      for (const auto& o : s.outcomes) {
        ++outcomes;
        CHECK_MESSAGE(clean(o.statement), o.id);
        for (const auto& c : o.criteria) {
          ++criteria;
          CHECK_MESSAGE(clean(c.text), c.id);
          // a criterion is one printed line; its span reaches over its sub-items only
          auto last = c.sub_items.empty() ? c.span.begin.line : c.sub_items.back().span.end.line;
          CHECK(c.span.end.line == last);
          for (const auto& si : c.sub_items) CHECK_MESSAGE(clean(si.text), si.id);
        }
      }
  // every outcome and criterion was looked at
  CHECK(outcomes == 64);
  CHECK(criteria == 287);
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("004 - Section C and the appendices keep their lists") {
  auto r = qspec::test::parse_corpus(criteria_doc);
  const auto& f = the_framework(r);
  std::vector<std::string> headings;
  for (const auto& s : f.additional_requirements) headings.emplace_back(s.heading);
  CHECK(headings == std::vector<std::string>{"Additional requirements", "1. Optional units/content", "2. Digital skills"});
  const auto& digital = f.additional_requirements[2];
  REQUIRE(digital.blocks.back().which == block::type::list);
  CHECK(digital.blocks.back().items.items.size() == 6);
  REQUIRE(f.appendices.size() == 2);
  const section* app2 = nullptr;
  for (const auto& s : f.appendices)
    if (s.heading == "Appendix 2: Recommendations for optional content") app2 = &s;
  REQUIRE(app2);
  // three recommendation lists, each one list across the page break, the last item's bullet restored
  std::vector<std::size_t> sizes;
  for (const auto& b : app2->blocks)
    if (b.which == block::type::list) sizes.push_back(b.items.items.size());
  CHECK(sizes == std::vector<std::size_t>{9, 14, 19});
}

TEST_CASE("criteria framework - when the evidence is not enough, the source is kept and the diagnostic says so") {
  parse_options o;
  o.kind = document_kind::criteria_framework;
  auto r = parse(std::string("Level 3 Certificate in Testing\n\nSection B\n\n"
                             "TSTC3A\tTesting\n\nOverview:\n\nThis section includes:\n\n"
                             "TSTC3A/AB Alpha beta\n\n"
                             "TSTC3A/AB\tAlpha beta\n\nKnowledge requirements\n\n"
                             "- A. Understand testing:\n - 1. one\n - 3. three\n\n"
                             "Something unlisted\n\nSkill requirements\n\n- A. Test:\n - 1. run\n"),
                 o);
  const auto& f = the_framework(r);
  REQUIRE(f.topics.size() == 1);
  const auto& subs = f.topics[0].subtopics;
  REQUIRE(subs.size() == 2);
  CHECK(subs[0].code == "TSTC3A/AB");
  // criterion 3 after 1 is a numbering gap, reported and kept as printed
  CHECK(subs[0].outcomes.at(0).criteria.at(1).number == 3);
  CHECK(count_code(r, diag::numbering) == 1);
  // a heading the overview does not list: kept as printed, reported as unresolved
  CHECK(subs[1].title == "Something unlisted");
  auto garbled = with_code(r, diag::garbled_heading);
  REQUIRE(garbled.size() == 1);
  CHECK(garbled[0]->message == "sub-topic heading could not be matched to TSTC3A's overview; its code is kept as printed");
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("criteria framework - a criterion number printed twice gets an id of its own") {
  parse_options o;
  o.kind = document_kind::criteria_framework;
  auto r = parse(std::string("Level 3 Certificate in Testing\n\nSection B\n\n"
                             "TSTC3A\tTesting\n\nOverview:\n\nThis section includes:\n\n"
                             "TSTC3A/AB Alpha beta\n\n"
                             "TSTC3A/AB\tAlpha beta\n\nKnowledge requirements\n\n"
                             "- A. Understand testing:\n - 1. one\n - 1. again\n"),
                 o);
  const auto& f = the_framework(r);
  REQUIRE(f.topics.size() == 1);
  REQUIRE(f.topics[0].subtopics.size() == 1);
  const auto& criteria = f.topics[0].subtopics[0].outcomes.at(0).criteria;
  REQUIRE(criteria.size() == 2);
  CHECK(criteria[0].id == "TSTC3A/AB/A/1");
  CHECK(criteria[1].id == "TSTC3A/AB/A/1-2");
  CHECK(count_code(r, diag::numbering) == 1);  // and the repeat is reported
}

TEST_CASE("regressions - a criteria framework whose last line is a number alone after a plain line") {
  // found by fuzz_parse_detect: a line with no marker looked two lines ahead for a requirement's
  // label, past the document's end when a lone number was its last line (read out of bounds; the
  // sanitized run of the tests catches it)
  std::ifstream in(test::corpus_path("regressions/criteria-framework-lone-number-last-line.input"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() == 33729);
  auto loaded = load_bytes(bytes);
  REQUIRE(loaded);
  const auto r = parse(loaded);
  // every line accounted for: in a node, furniture, blank or reported unclassified
  CHECK(r.doc.lines.lines == r.doc.lines.blank + r.doc.lines.content + r.doc.lines.furniture + r.doc.lines.unclassified);
  CHECK(r.doc.lines.lines > 500);
}
