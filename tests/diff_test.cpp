// qspec diff on the revision set (corpus/revisions/, made by
// scripts/make_revisions.py): exactly the documented edits, nothing else.
#include <set>
#include <sstream>
#include <tuple>

#include "helpers.hpp"
#include "qspec/diff.hpp"
#include "qspec/emit.hpp"
#include "qspec/read.hpp"

using namespace qspec;

namespace {

tree::node tree_of(const std::string& name) {
  auto r = qspec::test::parse_corpus(name);
  return to_tree(r.doc, r.diagnostics);
}

using row = std::tuple<std::string, std::string, std::string, std::string>;  // op, kind, old id, new id

std::set<row> rows(const diff::result& d) {
  std::set<row> out;
  for (const auto& c : d.changes)
    out.insert({std::string(diff::to_string(c.what)), c.kind, c.before ? c.before->id : "", c.after ? c.after->id : ""});
  return out;
}

const diff::change* find(const diff::result& d, std::string_view id) {
  for (const auto& c : d.changes)
    if ((c.after && c.after->id == id) || (c.before && c.before->id == id)) return &c;
  return nullptr;
}

std::pair<std::string, std::string> changed_words(const diff::field_change& f) {
  std::string removed, added;
  for (const auto& w : f.words) {
    if (w.what == diff::word_run::type::removed) removed += w.text;
    if (w.what == diff::word_run::type::added) added += w.text;
  }
  return {removed, added};
}

}  // namespace

TEST_CASE("diff 000 - E8 retitled, E6 given a reference, B8 made mandatory") {
  auto d = diff::compare(tree_of("structure-list-nvq4-leadership-management-care.txt"),
                         tree_of("revisions/structure-list-nvq4-leadership-management-care-rev2.txt"));
  CHECK(rows(d) == std::set<row>{{"modified", "unit", "LMC-E8", "LMC-E8"},
                                 {"modified", "unit", "LMC-E6", "LMC-E6"},
                                 {"moved", "unit", "LMC-B8", "LMC-B8"}});
  const auto* e8 = find(d, "LMC-E8");
  REQUIRE(e8);
  REQUIRE(e8->fields.size() == 1);
  CHECK(e8->fields[0].field == "title");
  CHECK(changed_words(e8->fields[0]) == std::pair<std::string, std::string>{"the finances in", "finance for"});
  const auto* e6 = find(d, "LMC-E6");
  REQUIRE(e6->fields.size() == 1);
  CHECK(e6->fields[0].field == "reference");
  CHECK(e6->fields[0].before.empty());
  CHECK(e6->fields[0].after == "A/104/0829");
  const auto* b8 = find(d, "LMC-B8");
  CHECK(b8->detail == "group optional -> mandatory");
  CHECK(b8->before->span.begin.line == 28);
  CHECK(b8->after->span.begin.line == 12);
}

TEST_CASE("diff 002 - reworded, inserted and renumbered, moved, deleted, added") {
  auto d = diff::compare(tree_of("unit-spec-F36J04-LMC-B2.txt"), tree_of("revisions/unit-spec-F36J04-LMC-B2-rev2.txt"));
  CHECK(rows(d) == std::set<row>{
                       {"modified", "performance_criterion", "LMC-B2/B2.3/pc-2", "LMC-B2/B2.3/pc-2"},
                       {"added", "performance_criterion", "", "LMC-B2/B2.1/pc-3"},
                       {"renumbered", "performance_criterion", "LMC-B2/B2.1/pc-3", "LMC-B2/B2.1/pc-4"},
                       {"renumbered", "performance_criterion", "LMC-B2/B2.1/pc-4", "LMC-B2/B2.1/pc-5"},
                       {"renumbered", "performance_criterion", "LMC-B2/B2.1/pc-5", "LMC-B2/B2.1/pc-6"},
                       {"renumbered", "performance_criterion", "LMC-B2/B2.1/pc-6", "LMC-B2/B2.1/pc-7"},
                       {"moved", "knowledge_point", "LMC-B2/knowledge/values/kp-5",
                        "LMC-B2/knowledge/legislation-and-policy/kp-5"},
                       {"removed", "glossary_term", "LMC-B2/glossary/governance", ""},
                       {"added", "element", "", "LMC-B2/B2.4"},
                   });
  const auto* pc4 = find(d, "LMC-B2/B2.1/pc-4");
  REQUIRE(pc4);
  CHECK(pc4->before->number == "3");
  CHECK(pc4->after->number == "4");
  CHECK(pc4->fields.empty());  // renumbered, not modified
  const auto* reworded = find(d, "LMC-B2/B2.3/pc-2");
  REQUIRE(reworded->fields.size() == 1);
  CHECK(changed_words(reworded->fields[0]) == std::pair<std::string, std::string>{"to", "thatphysical and mental "});
  const auto* kp = find(d, "LMC-B2/knowledge/values/kp-5");
  REQUIRE(kp);
  CHECK(kp->detail == "from LMC-B2/knowledge/values to LMC-B2/knowledge/legislation-and-policy");
  CHECK(kp->before->number == "5");
  CHECK(kp->after->number == "5");
}

TEST_CASE("diff 004 - a criterion moved to another outcome, the hours rule changed") {
  auto d = diff::compare(tree_of("criteria-skills-for-care-level5-lmac-2021.txt"),
                         tree_of("revisions/criteria-skills-for-care-level5-lmac-2021-rev2.txt"));
  const std::string hours = "framework/level-5-diploma-in-leading-and-managing-an-adult-care-service/hours/1";
  CHECK(rows(d) == std::set<row>{{"moved", "criterion", "LMAC5A/LM/A/5", "LMAC5A/LM/B/5"},
                                 {"modified", "hours_rule", hours, hours}});
  const auto* moved = find(d, "LMAC5A/LM/B/5");
  REQUIRE(moved);
  CHECK(moved->before->number == "5");
  CHECK(moved->after->number == "5");
  const auto* rule = find(d, hours);
  REQUIRE(rule->fields.size() == 2);
  CHECK(rule->fields[0].field == "max");
  CHECK(rule->fields[0].before == "950");
  CHECK(rule->fields[0].after == "1000");
}

TEST_CASE("diff - a document against itself and against its own catalogue: no differences") {
  for (const char* name : {"structure-list-nvq4-leadership-management-care.txt",
                           "datasheet-ocr-04639-nvq4-leadership-management-care.txt",
                           "programme-overview-level5-diploma-hsc.txt", "unit-spec-F36J04-LMC-B2.txt",
                           "criteria-skills-for-care-level5-lmac-2021.txt"}) {
    INFO(name);
    auto r = qspec::test::parse_corpus(name);
    auto t = to_tree(r.doc, r.diagnostics);
    CHECK(diff::compare(t, t).changes.empty());
    for (auto f : {format::json, format::yaml, format::xml}) {
      std::ostringstream out;
      emit(r.doc, r.diagnostics, f, out);
      auto back = read_catalogue(out.str());
      REQUIRE(back);
      CHECK(diff::compare(t, back.root).changes.empty());
    }
  }
}

TEST_CASE("diff - the similarity threshold decides what text alone can match") {
  auto a = tree_of("unit-spec-F36J04-LMC-B2.txt");
  auto b = tree_of("revisions/unit-spec-F36J04-LMC-B2-rev2.txt");
  // a move changes no text: found at any threshold
  diff::options strict;
  strict.threshold = 1.0;
  auto d = diff::compare(a, b, strict);
  REQUIRE(find(d, "LMC-B2/knowledge/values/kp-5"));
  CHECK(find(d, "LMC-B2/knowledge/values/kp-5")->what == diff::op::moved);
  // same id, reworded: matched when similar enough, else reported as removed and added
  const auto* pc2 = find(d, "LMC-B2/B2.3/pc-2");
  REQUIRE(pc2);
  CHECK(pc2->what == diff::op::modified);  // half the threshold suffices for the same id: 0.5 <= dice
  diff::options loose;
  loose.threshold = 0.0;
  CHECK(diff::compare(a, b, loose).changes.size() == 9);
}

TEST_CASE("diff - word-level differences") {
  auto w = diff::word_diff("Manage the finances in your area of responsibility",
                           "Manage finance for your area of responsibility");
  std::string shown;
  for (const auto& r : w)
    shown += r.what == diff::word_run::type::equal ? r.text
             : r.what == diff::word_run::type::removed ? "[-" + r.text + "-]"
                                                        : "{+" + r.text + "+}";
  CHECK(shown == "Manage [-the finances in-]{+finance for+} your area of responsibility");
  CHECK(diff::word_diff("", "new").size() == 1);
  CHECK(diff::words_of("Person\u2019s well-being, 2021.") == std::vector<std::string>{"Person\u2019s", "well", "being", "2021"});
}
