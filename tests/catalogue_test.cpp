// qspec catalogue: documents merged into one, conflicts kept with both sources.
#include <algorithm>

#include "helpers.hpp"
#include "qspec/catalogue.hpp"

using namespace qspec;

namespace {

catalogue merge_corpus(const std::vector<std::string>& names) {
  std::vector<document> docs;
  std::vector<std::vector<diagnostic>> diags;
  for (const auto& n : names) {
    auto r = qspec::test::parse_corpus(n);
    docs.push_back(std::move(r.doc));
    diags.push_back(std::move(r.diagnostics));
  }
  return merge(std::move(docs), std::move(diags));
}

const unit* find_unit(const catalogue& c, std::string_view id) {
  for (const auto& q : c.qualifications)
    for (const auto& g : q.groups)
      for (const auto& u : g.units)
        if (u.id == id) return &u;
  return nullptr;
}

std::vector<const diagnostic*> conflicts(const catalogue& c) {
  std::vector<const diagnostic*> out;
  for (const auto& d : c.diagnostics)
    if (d.code == diag::documents_disagree) out.push_back(&d);
  return out;
}

const std::string sl = "structure-list-nvq4-leadership-management-care.txt";
const std::string ds = "datasheet-ocr-04639-nvq4-leadership-management-care.txt";
const std::string spec = "unit-spec-F36J04-LMC-B2.txt";

}  // namespace

TEST_CASE("catalogue 000+001 - one qualification, exactly two conflicts") {
  auto c = merge_corpus({sl, ds});
  REQUIRE(c.qualifications.size() == 1);
  const auto& q = c.qualifications[0];
  CHECK(q.id == "qualification/04639");
  CHECK(q.number.value == "04639");
  CHECK(q.awarding_body.abbreviation == "OCR");
  REQUIRE(q.appearances.size() == 2);
  CHECK(q.appearances[0].role == "structure");
  CHECK(q.appearances[1].role == "datasheet");
  auto found = conflicts(c);
  REQUIRE(found.size() == 2);
  // the qualification's name
  REQUIRE(q.conflicts.size() == 1);
  CHECK(q.conflicts[0].field == "title");
  REQUIRE(q.conflicts[0].values.size() == 2);
  CHECK(q.conflicts[0].values[0].value == "Level 4 NVQ Leadership and Management in Care Services");
  CHECK(q.conflicts[0].values[0].document == sl);
  CHECK(qspec::test::pos(q.conflicts[0].values[0].span) == "1:38-1:91");
  CHECK(q.conflicts[0].values[1].value == "Level 4 NVQ in Leadership and Management for Care Services");
  CHECK(q.conflicts[0].values[1].document == ds);
  CHECK(q.conflicts[0].values[1].span.begin.line == 141);
  // unit E8's title
  const auto* e8 = find_unit(c, "LMC-E8");
  REQUIRE(e8);
  REQUIRE(e8->conflicts.size() == 1);
  CHECK(e8->conflicts[0].values[0].value == "Manage the finances in your area of responsibility");
  CHECK(e8->conflicts[0].values[1].value == "Manage finance for your area of responsibility");
  // the diagnostic names both documents and positions
  const auto* d = found[1];
  CHECK(d->message.find(sl + ":43:1") != std::string::npos);
  CHECK(d->message.find(ds + ":170:1") != std::string::npos);
  CHECK(d->document == ds);
  // straight against curly apostrophe, HSC446 against HSC 446: the same
  CHECK(find_unit(c, "LMC-C2")->conflicts.empty());
  CHECK(find_unit(c, "LMC-A4")->conflicts.empty());
  CHECK(find_unit(c, "LMC-A4")->appearances.size() == 2);
  // no unit is missing from either document; one barred combination
  CHECK(std::count_if(c.diagnostics.begin(), c.diagnostics.end(),
                      [](const diagnostic& x) { return x.code == diag::unit_not_listed; }) == 0);
  CHECK(q.barred.size() == 1);
  CHECK(q.recommendations.size() == 2);
  std::size_t units = 0;
  for (const auto& g : q.groups) units += g.units.size();
  CHECK(units == 31);
}

TEST_CASE("catalogue 000+001+002 - LMC B2 joined with its specification") {
  auto c = merge_corpus({sl, ds, spec});
  CHECK(c.units.empty());  // the specification found its unit
  const auto* b2 = find_unit(c, "LMC-B2");
  REQUIRE(b2);
  CHECK(b2->reference == "M/104/0313");
  CHECK(b2->imported_code.empty());
  CHECK(b2->code == "F36J 04");
  REQUIRE(b2->elements.size() == 3);
  std::size_t criteria = 0;
  for (const auto& e : b2->elements) criteria += e.criteria.size();
  CHECK(criteria == 22);
  REQUIRE(b2->appearances.size() == 3);
  CHECK(b2->appearances[2].role == "specification");
  CHECK(b2->appearances[2].document == spec);
  CHECK(b2->conflicts.empty());
  CHECK(conflicts(c).size() == 2);
}

TEST_CASE("catalogue - order of files does not matter, unrelated qualifications stay apart") {
  auto c = merge_corpus({spec, "programme-overview-level5-diploma-hsc.txt", ds, sl});
  REQUIRE(c.qualifications.size() == 2);
  CHECK(find_unit(c, "LMC-B2")->elements.size() == 3);
  CHECK(c.qualifications[0].level.value == 5);
  CHECK(c.qualifications[1].id == "qualification/04639");
  CHECK(conflicts(c).size() == 2);
}

TEST_CASE("catalogue - comparison normal forms") {
  CHECK(same_text("individual's independence", "individual\u2019s independence"));
  CHECK(same_text("Optional  units ", "optional units"));
  CHECK(same_text("A \u2013 B.", "a - b"));
  CHECK_FALSE(same_text("Manage the finances", "Manage finance"));
  CHECK(same_code("HSC446", "HSC 446"));
  CHECK(same_code("msc d6", "MSC D6"));
  CHECK_FALSE(same_code("HSC446", "HSC 450"));
}
