// Facts of seed 002: unit F36J 04 (LMC B2), "Lead and manage provision of
// care services that promotes the well being of people".
#include <algorithm>
#include <functional>

#include "helpers.hpp"

using namespace qspec;
using qspec::test::count_code;
using qspec::test::pos;

namespace {

const parse_result& doc002() {
  static const parse_result r = qspec::test::parse_corpus("unit-spec-F36J04-LMC-B2.txt");
  return r;
}

const unit& lmc_b2() {
  REQUIRE(doc002().doc.units.size() == 1);
  return doc002().doc.units.front();
}

const element& element_n(std::size_t i) {
  REQUIRE(lmc_b2().elements.size() == 3);
  return lmc_b2().elements.at(i);
}

std::vector<std::string> labels(const std::vector<sub_item>& items) {
  std::vector<std::string> out;
  for (const auto& s : items) out.emplace_back(s.label);
  return out;
}

const knowledge_point& point(unsigned n) {
  for (const auto& g : lmc_b2().knowledge->groups)
    for (const auto& p : g.points)
      if (p.number == n) return p;
  FAIL("no knowledge point " << n);
  throw;
}

const glossary_term& term(std::string_view t) {
  for (const auto& g : lmc_b2().glossary_part->terms)
    if (g.term == t) return g;
  FAIL("no glossary term " << t);
  throw;
}

/// Every text of every node, for checks that hold across the whole tree;
/// returns how many texts it visited.
std::size_t each_text(const std::function<void(std::string_view, std::string_view)>& visit) {
  std::size_t visited = 0;
  auto f = [&](std::string_view id, std::string_view text) {
    ++visited;
    visit(id, text);
  };
  auto blocks = [&f](const std::vector<block>& bs) {
    for (const auto& b : bs) {
      if (b.which == block::type::paragraph) f(b.para.id, b.para.text);
      for (const auto& i : b.items.items) f(i.id, i.text);
    }
  };
  const auto& u = lmc_b2();
  REQUIRE(u.scope_part);
  REQUIRE(u.values);
  REQUIRE(u.glossary_part);
  REQUIRE(u.evidence);
  REQUIRE(u.guidance);
  REQUIRE(u.knowledge);
  f(u.id, u.title);
  for (const auto& s : u.sections) blocks(s.blocks);
  for (const auto& p : u.scope_part->paragraphs) f(p.id, p.text);
  for (const auto& i : u.scope_part->items) f(i.id, i.text);
  for (const auto& p : u.values->paragraphs) f(p.id, p.text);
  for (const auto& t : u.glossary_part->terms) blocks(t.definition);
  for (const auto& r : u.evidence->requirements) f(r.id, r.text);
  for (const auto& t : u.evidence->types) f(t.id, t.description);
  for (const auto& i : u.guidance->items) f(i.id, i.text);
  for (const auto& g : u.knowledge->groups)
    for (const auto& p : g.points) {
      f(p.id, p.text);
      for (const auto& s : p.sub_items) f(s.id, s.text);
    }
  for (const auto& e : u.elements) {
    f(e.id, e.title);
    for (const auto& c : e.criteria) {
      f(c.id, c.text);
      for (const auto& s : c.sub_items) f(s.id, s.text);
    }
  }
  return visited;
}

}  // namespace

TEST_CASE("unit spec - header: codes and title") {
  const auto& u = lmc_b2();
  CHECK(doc002().doc.type == document_kind::unit_specification);
  CHECK(u.code == "F36J 04");
  CHECK(u.local_code == "LMC B2");
  CHECK(u.id == "LMC-B2");
  CHECK(u.title == "Lead and manage provision of care services that promotes the well being of people");
  CHECK(pos(u.span) == "3:1-232:33");  // from the header to the end of the last element: every part inside
}

TEST_CASE("unit spec - knowledge points numbered from 1 in each group keep distinct ids") {
  auto r = qspec::test::parse_corpus("regressions/knowledge-numbered-per-group.txt");
  REQUIRE(r.doc.units.size() == 1);
  REQUIRE(r.doc.units[0].knowledge);
  std::vector<std::string> ids;
  for (const auto& g : r.doc.units[0].knowledge->groups)
    for (const auto& p : g.points) ids.push_back(p.id);
  CHECK(ids == std::vector<std::string>{"LMC-B2/knowledge/values/kp-1", "LMC-B2/knowledge/values/kp-2",
                                        "LMC-B2/knowledge/legislation-and-policy/kp-1",
                                        "LMC-B2/knowledge/legislation-and-policy/kp-2"});
  CHECK(qspec::test::count_code(r, diag::numbering) == 0);  // a restart with the group is no numbering fault
}

TEST_CASE("unit spec - elements with titles and criteria counts") {
  CHECK(element_n(0).code == "LMC B2.1");
  CHECK(element_n(0).id == "LMC-B2/B2.1");
  CHECK(element_n(0).title ==
        "Lead and manage provision that involves people in decisions about the outcomes they wish to achieve");
  CHECK(element_n(1).code == "LMC B2.2");
  CHECK(element_n(1).title ==
        "Lead and manage provision that promotes people\u2019s social, emotional, cultural, spiritual and "
        "intellectual well being");
  CHECK(element_n(2).code == "LMC B2.3");
  CHECK(element_n(2).title == "Lead and manage provision that promotes people\u2019s health");
  CHECK(element_n(0).criteria.size() == 6);
  CHECK(element_n(1).criteria.size() == 8);
  CHECK(element_n(2).criteria.size() == 8);
  for (const auto& e : lmc_b2().elements)
    for (std::size_t i = 0; i < e.criteria.size(); ++i) CHECK(e.criteria[i].number == i + 1);
  // the list of elements and the element headings agree: no title diagnostic
  CHECK(count_code(doc002(), diag::title_mismatch) == 0);
}

TEST_CASE("unit spec - evidence method columns with their legend expansions") {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"DO", "Direct Observation"}, {"RA", "Reflective Account"}, {"EW", "Expert Witness"},
      {"Q", "Questions"},           {"WP", "Work Product"},       {"WT", "Witness Testimony"},
      {"PD", "Professional Discussion"}, {"CS", "Case Study"},    {"P/A/A", "Projects/Assignment/APL"}};
  for (const auto& e : lmc_b2().elements) {
    REQUIRE(e.evidence_methods.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CHECK(e.evidence_methods[i].code == expected[i].first);
      CHECK(e.evidence_methods[i].name == expected[i].second);
    }
  }
  CHECK(element_n(0).evidence_methods[8].id == "LMC-B2/B2.1/method/P-A-A");
  CHECK(pos(element_n(0).evidence_methods[0].span) == "183:22-183:23");
  CHECK(pos(element_n(0).evidence_methods[0].legend_span) == "191:1-191:23");  // "DO = Direct Observation"
  CHECK(count_code(doc002(), diag::missing_expansion) == 0);
}

TEST_CASE("unit spec - a legend hard-wrapped: an entry cut at the line's end, an expansion wrapped") {
  // the legend as a text export wraps it at 60 columns: "Q =" / "Questions PD = …" and "WT = Witness" /
  // "Testimony CS = …": the words before the next line's first entry are the expansion, or its rest
  std::string text;
  REQUIRE(qspec::read_input(qspec::test::corpus_path("unit-spec-F36J04-LMC-B2.txt"), text).empty());
  const std::string legend = "DO = Direct Observation RA = Reflective Account Q = Questions PD = Professional "
                             "Discussion  \nEW = Expert Witness WP = Work Product WT = Witness Testimony CS = Case "
                             "Study  \n";
  const auto at = text.find(legend);
  REQUIRE(at != std::string::npos);
  text.replace(at, legend.size(),
               "DO = Direct Observation RA = Reflective Account Q =\nQuestions PD = Professional Discussion\n"
               "EW = Expert Witness WP = Work Product WT = Witness\nTestimony CS = Case Study\n");
  const auto wrapped = qspec::test::parse_text(text);
  REQUIRE(!wrapped.doc.units.empty());
  const auto& methods = wrapped.doc.units.front().elements.at(0).evidence_methods;
  REQUIRE(methods.size() == 9);
  for (std::size_t i = 0; i < methods.size(); ++i) CHECK(methods[i].name == element_n(0).evidence_methods[i].name);
  CHECK(methods[3].code == "Q");
  CHECK(pos(methods[3].legend_span) == "191:49-192:9");  // "Q =" … "Questions"
}

TEST_CASE("unit spec - performance criteria sub-items") {
  CHECK(labels(element_n(0).criteria[0].sub_items) == std::vector<std::string>{"a", "b", "c"});
  CHECK(labels(element_n(0).criteria[2].sub_items) == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(labels(element_n(0).criteria[4].sub_items) == std::vector<std::string>{"a", "b", "c"});
  CHECK(labels(element_n(1).criteria[4].sub_items) == std::vector<std::string>{"a", "b"});
  CHECK(labels(element_n(1).criteria[7].sub_items) == std::vector<std::string>{"a", "b", "c"});
  CHECK(labels(element_n(2).criteria[2].sub_items) == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(labels(element_n(2).criteria[3].sub_items) == std::vector<std::string>{"a", "b", "c"});
  std::size_t with_sub_items = 0;
  for (const auto& e : lmc_b2().elements)
    for (const auto& c : e.criteria) with_sub_items += !c.sub_items.empty();
  CHECK(with_sub_items == 7);

  const auto& pc1 = element_n(0).criteria[0];
  CHECK(pc1.text == "You create an environment which empowers people and their advocates to:");
  CHECK(pc1.sub_items[0].text == "make decisions about the outcomes they wish to achieve");
  CHECK(pc1.sub_items[0].id == "LMC-B2/B2.1/pc-1/a");
  CHECK(pos(pc1.sub_items[0].span) == "184:90-184:147");
  // the shifted first row of B2.3 ("<TAB>1. You review …") is criterion 1
  CHECK(pos(element_n(2).criteria[0].span) == "218:2-218:131");
}

TEST_CASE("unit spec - criterion 8 of LMC B2.3 rejoined across the page break") {
  const auto& pc8 = element_n(2).criteria[7];
  CHECK(pc8.id == "LMC-B2/B2.3/pc-8");
  CHECK(pc8.text ==
        "You take appropriate action and deal with any conflicts that may arise when a person\u2019s health related "
        "issues are outside the competence of the provision and its workers.");
  CHECK(pos(pc8.span) == "225:1-228:9");
  std::vector<const diagnostic*> at228;
  for (const auto& d : doc002().diagnostics)
    if (d.code == diag::rejoined_page_break && d.span.begin.line == 228) at228.push_back(&d);
  REQUIRE(at228.size() == 1);
  CHECK(at228[0]->level == severity::warning);
  CHECK(at228[0]->original == "\tworkers.\t\t\t\t\t\t\t\t");
  // the repaired value is the joined criterion, not the continuation again
  CHECK(at228[0]->repaired == pc8.text);
  // the repeated "Performance criteria" header row is furniture
  auto& furn = doc002().doc.furniture_items;
  CHECK(std::count_if(furn.begin(), furn.end(), [](auto& f) { return f.role == "repeated_table_header"; }) == 1);
}

TEST_CASE("unit spec - emphasised terms in criteria refer to glossary entries") {
  const auto& pc1 = element_n(1).criteria[0];
  REQUIRE(pc1.terms.size() == 3);
  CHECK(pc1.terms[0].text == "management");
  CHECK(pc1.terms[0].target == "LMC-B2/glossary/management");
  CHECK(pos(pc1.terms[0].span) == "200:23-200:32");
  CHECK(pc1.terms[1].target.empty());  // a compound phrase the glossary does not define
  CHECK(pc1.terms[2].target == "LMC-B2/glossary/organisational-requirements");
  // "role model" is italic in the glossary, bold in the criterion: still resolved
  CHECK(element_n(1).criteria[3].terms.at(0).target == "LMC-B2/glossary/role-model");
  // "citizen" in knowledge point 21 resolves to "Citizenship"
  CHECK(point(21).terms.at(0).target == "LMC-B2/glossary/citizenship");
}

/// The knowledge specification of seed 002: 32 points in 3 groups, under its lead-in.
static void knowledge_of_002(const knowledge_specification& k) {
  REQUIRE(k.groups.size() == 3);
  CHECK(k.groups[0].title == "Values");
  CHECK(k.groups[1].title == "Legislation and Policy");
  CHECK(k.groups[2].title == "Leadership and Management Theory and Practice");
  CHECK(k.groups[0].points.front().number == 1);
  CHECK(k.groups[0].points.back().number == 5);
  CHECK(k.groups[1].points.front().number == 6);
  CHECK(k.groups[1].points.back().number == 9);
  CHECK(k.groups[2].points.front().number == 10);
  CHECK(k.groups[2].points.back().number == 32);
  std::size_t total = 0;
  for (const auto& g : k.groups) total += g.points.size();
  CHECK(total == 32);
  CHECK(k.lead_in == "You need to show that you know, understand and can apply in your management practice:");
  CHECK(k.evidence_column == "Enter Evidence Numbers");
  CHECK(k.introduction.size() == 3);
}

TEST_CASE("unit spec - knowledge specification: 32 points in 3 groups") { knowledge_of_002(*lmc_b2().knowledge); }

TEST_CASE("unit spec - knowledge points continue across page breaks") {
  CHECK(labels(point(6).sub_items) == std::vector<std::string>{"a", "b", "c"});
  CHECK(point(6).sub_items[1].text == "your own roles, responsibilities and accountability");
  CHECK(pos(point(6).sub_items[1].span) == "143:40-143:94");
  CHECK(labels(point(10).sub_items) == std::vector<std::string>{"a", "b", "c", "d", "e", "f"});
  CHECK(point(10).sub_items[2].text ==
        "government reports, inquiries and research relevant to leadership and management that promotes the well "
        "being of people");
  CHECK(labels(point(7).sub_items) == std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "h", "i"});
  CHECK(labels(point(8).sub_items) == std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g"});
  CHECK(labels(point(12).sub_items) == std::vector<std::string>{"a", "b", "c", "d", "e"});
  CHECK(labels(point(2).sub_items) == std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g"});
  // "(within any restrictions placed upon them)" is not a sub-item marker
  CHECK(point(2).sub_items[6].text.find("(within any restrictions placed upon them)") != std::string_view::npos);
  CHECK(point(6).id == "LMC-B2/knowledge/legislation-and-policy/kp-6");
  CHECK(point(6).sub_items[1].id == "LMC-B2/knowledge/legislation-and-policy/kp-6/b");
}

TEST_CASE("unit spec - glossary: 27 terms, lists kept, continuation joined") {
  const auto& g = *lmc_b2().glossary_part;
  REQUIRE(g.terms.size() == 27);
  CHECK(g.terms.front().term == "Abuse");
  CHECK(g.terms.back().term == "Workers");
  CHECK(term("Role model").emphasis == "italic");
  CHECK(term("Service").emphasis == "italic");
  CHECK(term("Abuse").emphasis == "bold");

  const auto& people = term("People");
  REQUIRE(people.definition.size() == 1);
  CHECK(people.definition[0].para.text.ends_with(
      "their parents/carers, their families, teachers, college lecturers, significant others, groups and communities."));
  CHECK(pos(people.span) == "59:1-61:73");
  REQUIRE(count_code(doc002(), diag::continued_row) == 1);
  const auto& row = *std::find_if(doc002().diagnostics.begin(), doc002().diagnostics.end(),
                                  [](const diagnostic& d) { return d.code == diag::continued_row; });
  CHECK(row.span.begin.line == 61);
  CHECK(row.repaired == people.definition[0].para.text);  // the joined definition

  const auto& outcomes = term("Positive outcomes");
  REQUIRE(outcomes.definition.size() == 4);
  CHECK(outcomes.definition[0].which == block::type::paragraph);
  CHECK(outcomes.definition[1].which == block::type::list);
  CHECK(outcomes.definition[1].items.items.size() == 5);
  CHECK(outcomes.definition[1].items.items[0].text == "improved health, emotional well being and quality of life");
  CHECK(outcomes.definition[3].items.items.size() == 5);
  CHECK(outcomes.definition[3].items.items[4].text == "achieving economic well being");

  const auto& rights = term("Rights");
  REQUIRE(rights.definition.size() == 3);
  CHECK(rights.definition[0].para.text == "The rights of:");
  CHECK(rights.definition[1].items.items.size() == 2);
  CHECK(rights.definition[1].items.items[0].text ==
        "adults are those embodied in the United Nations Universal Declaration of Human Rights");
  CHECK(g.introduction.size() == 1);
}

TEST_CASE("unit spec - scope items and values") {
  const auto& s = *lmc_b2().scope_part;
  REQUIRE(s.items.size() == 6);
  CHECK(s.items.front().term == "Advocates");
  CHECK(s.items.front().relation == "could include");
  CHECK(s.items.front().text.starts_with("parents, carers, advocacy professionals"));
  CHECK(s.items[2].term == "People");
  CHECK(s.items[2].relation == "include");
  CHECK(s.items[3].relation == "including");
  CHECK(s.items.back().term == "Workers");
  CHECK(s.paragraphs.size() == 2);  // the guidance before and the knowledge summary after
  REQUIRE(lmc_b2().values);
  REQUIRE(lmc_b2().values->paragraphs.size() == 1);
  CHECK(lmc_b2().values->paragraphs[0].text.starts_with("The values underpinning this unit"));
}

TEST_CASE("unit spec - evidence requirements") {
  const auto& ev = *lmc_b2().evidence;
  const evidence_requirement* simulation = nullptr;
  std::vector<std::string_view> mandatory;
  for (const auto& r : ev.requirements) {
    if (r.category == "simulation") simulation = &r;
    if (r.category == "mandatory") mandatory.push_back(r.label);
  }
  REQUIRE(simulation);
  CHECK(simulation->permitted == std::optional<bool>(false));
  CHECK(simulation->text == "Simulation is NOT permitted for any part of this unit.");
  CHECK(mandatory == std::vector<std::string_view>{"Direct observation", "Reflective account"});
  REQUIRE(ev.types.size() == 8);
  CHECK(ev.types.front().name == "Work Products");
  CHECK(ev.types.back().name == "Expert Witness");
  CHECK(ev.types.back().description.ends_with(
      "to make the final decision on the appropriateness of this evidence."));
  CHECK(pos(ev.types.back().span) == "108:5-113:14");
  // "this evidence." after the page header: the repaired value is the whole joined description
  std::vector<const diagnostic*> at113;
  for (const auto& d : doc002().diagnostics)
    if (d.code == diag::rejoined_page_break && d.span.begin.line == 113) at113.push_back(&d);
  REQUIRE(at113.size() == 1);
  CHECK(at113[0]->original == "this evidence.");
  CHECK(at113[0]->repaired == ev.types.back().description);
  REQUIRE(lmc_b2().guidance);
  CHECK(lmc_b2().guidance->items.size() == 3);
  CHECK(lmc_b2().guidance->items[2].text == "All evidence must relate to your own work practice.");
}

TEST_CASE("unit spec - page headers are furniture, never content") {
  std::size_t headers = 0;
  for (const auto& f : doc002().doc.furniture_items) headers += f.role == "page_header";
  CHECK(headers == 10);  // 10 repeats after the title line, two of them wrapped
  auto visited = each_text([](std::string_view id, std::string_view text) {
    INFO(id);
    CHECK(text.find("F36J 04") == std::string_view::npos);
    CHECK(text.find("**") == std::string_view::npos);
    CHECK(text.find('<') == std::string_view::npos);
    CHECK(text.find('\t') == std::string_view::npos);
  });
  CHECK(visited == 193);  // every text of the unit was looked at
}

TEST_CASE("unit spec - sign-off form recognised as a form") {
  const furniture* form = nullptr;
  for (const auto& f : doc002().doc.furniture_items)
    if (f.role == "sign_off_form") form = &f;
  REQUIRE(form);
  CHECK(form->span.begin.line == 234);
  CHECK(form->span.end.line == 266);
  REQUIRE(form->fields.size() == 9);
  CHECK(form->fields[0].label == "Candidate's name");
  CHECK(form->fields[2].label == "Date");
  CHECK(form->fields[8].label == "Date");
}

TEST_CASE("unit spec - every line accounted for") {
  const auto& c = doc002().doc.lines;
  CHECK(c.unclassified == 0);
  CHECK(c.content + c.furniture + c.blank == c.lines);
  CHECK(count_code(doc002(), diag::unclassified_line) == 0);
  CHECK(count_code(doc002(), diag::rejoined_page_break) == 4);
  // (the two legends set in italics open with a "*" that no marker on their line closes: decoration
  // the legend grammar skips, not converted emphasis)
  for (const auto& d : doc002().diagnostics)
    if (d.code == diag::markup_converted)
      CHECK(d.message == "HTML tags, entities or markdown emphasis on 103 lines turned into paragraphs, lists and "
                         "emphasised terms");
  CHECK_FALSE(doc002().has_errors());
}

TEST_CASE("unit spec - a criterion number or a glossary term printed twice gets an id of its own") {
  auto r = qspec::test::parse_text(
      "**F36J 04 (LMC B2) Lead and manage provision**\n\n"
      "**Key Words and Concepts**\n\n<b>Abuse</b>\tharm done to a person\n<b>Abuse</b>\tthe same word again\n\n"
      "## LMC B2.1 Element title\n\nPerformance criteria\tDO\n1. You plan the work.\t\n1. You review the work.\t\n\n"
      "DO = Direct Observation\n");
  REQUIRE(r.doc.units.size() == 1);
  const auto& u = r.doc.units[0];
  REQUIRE(u.elements.size() == 1);
  REQUIRE(u.elements[0].criteria.size() == 2);
  CHECK(u.elements[0].criteria[0].id == "LMC-B2/B2.1/pc-1");
  CHECK(u.elements[0].criteria[1].id == "LMC-B2/B2.1/pc-1-2");
  REQUIRE(u.glossary_part);
  REQUIRE(u.glossary_part->terms.size() == 2);
  CHECK(u.glossary_part->terms[0].id == "LMC-B2/glossary/abuse");
  CHECK(u.glossary_part->terms[1].id == "LMC-B2/glossary/abuse-2");
}

namespace {

/// Seed 002's text with its tables as a conversion that keeps no table writes them: each
/// tab-separated cell on a line of its own (empty cells leave none), or a row's cells run into one
/// line a space apart.
std::string without_cells(bool run_together) {
  std::ifstream in(qspec::test::corpus_path("unit-spec-F36J04-LMC-B2.txt"), std::ios::binary);
  std::string out, line;
  while (std::getline(in, line)) {
    if (line.find('\t') == std::string::npos) {
      out += line + "\n";
      continue;
    }
    std::string row;
    std::size_t from = 0;
    for (;;) {
      const auto tab = line.find('\t', from);
      std::string cell = line.substr(from, tab == std::string::npos ? std::string::npos : tab - from);
      while (!cell.empty() && cell.back() == ' ') cell.pop_back();
      while (!cell.empty() && cell.front() == ' ') cell.erase(0, 1);
      if (!cell.empty()) row += (row.empty() ? "" : run_together ? " " : "\n") + cell;
      if (tab == std::string::npos) break;
      from = tab + 1;
    }
    out += row + "\n";
  }
  return out;
}

void same_unit_without_cells(const parse_result& r) {
  REQUIRE(r.doc.units.size() == 1);
  const unit& u = r.doc.units.front();
  knowledge_of_002(*u.knowledge);
  const auto& g = *u.glossary_part;
  REQUIRE(g.terms.size() == 27);
  CHECK(g.terms.front().term == "Abuse");
  CHECK(g.terms.front().emphasis == "bold");
  CHECK(g.terms.back().term == "Workers");
  CHECK(g.introduction.size() == 1);
  for (const auto& t : g.terms)
    if (t.term == "People") {
      REQUIRE(t.definition.size() == 1);
      CHECK(t.definition[0].para.text.ends_with("teachers, college lecturers, significant others, groups and communities."));
    } else if (t.term == "Positive outcomes") {
      REQUIRE(t.definition.size() == 4);
      CHECK(t.definition[1].items.items.size() == 5);
    }
  REQUIRE(u.elements.size() == 3);
  for (const auto& e : u.elements) {
    REQUIRE(e.evidence_methods.size() == 9);
    CHECK(e.evidence_methods.front().code == "DO");
    CHECK(e.evidence_methods.back().code == "P/A/A");
    CHECK(e.evidence_methods.back().name == "Projects/Assignment/APL");
  }
  CHECK(count_code(r, diag::missing_expansion) == 0);
  CHECK(count_code(r, diag::unclassified_line) == 0);
}

}  // namespace

TEST_CASE("unit spec - its tables written a cell a line read as the tables were") {
  const auto r = qspec::test::parse_text(without_cells(false));
  same_unit_without_cells(r);
  // "teachers, college lecturers, …" after a blank line: the definition of "People" going on,
  // joined and said where
  REQUIRE(count_code(r, diag::continued_row) == 1);
  const auto& d = *std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                [](const diagnostic& x) { return x.code == diag::continued_row; });
  CHECK(d.message == "definition of 'People' goes on on a line of its own; joined to it");
  CHECK(d.original == "teachers, college lecturers, significant others, groups and communities.");
  // the criteria header's codes a line each, under "Performance criteria": the first table's
  // columns, its repeats furniture
  const auto& b21 = r.doc.units.front().elements.front();
  CHECK(b21.evidence_methods[1].span.begin.line == b21.evidence_methods[0].span.begin.line + 1);
}

TEST_CASE("unit spec - its tables' cells run into one line read as the tables were") {
  const auto r = qspec::test::parse_text(without_cells(true));
  same_unit_without_cells(r);
  const auto& b21 = r.doc.units.front().elements.front();
  // "Performance criteria DO RA EW …": each code's span where it stands on the line
  CHECK(b21.evidence_methods[0].span.begin.column == 22);
  CHECK(b21.evidence_methods[1].span.begin.column == 25);
}
