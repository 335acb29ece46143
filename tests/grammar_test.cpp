// Line grammars, through the facade the recognisers use.
#include "grammar/lines.hpp"
#include "helpers.hpp"

using namespace qspec::grammar;

TEST_CASE("grammar - unit header") {
  auto m = match_unit_header("**F36J 04 (LMC B2) \xC2\xA0 \xC2\xA0  Lead and manage provision**");
  REQUIRE(m);
  CHECK(m->value.code == "F36J 04");
  CHECK(m->value.local_code == "LMC B2");
  CHECK(m->rest == 26);  // after the no-break spaces
  CHECK_FALSE(match_unit_header("F36J04 (LMC B2) title"));
  CHECK_FALSE(match_unit_header("Unit LMC A1 Manage and develop yourself"));
}

TEST_CASE("grammar - element codes") {
  auto m = match_element_code("## LMC B2.1");
  REQUIRE(m);
  CHECK(m->value.local_code == "LMC B2");
  CHECK(m->value.number == "1");
  auto n = match_element_code("- LMC B2.3 \xC2\xA0 Lead and manage provision**");
  REQUIRE(n);
  CHECK(n->value.number == "3");
  CHECK(n->rest == 14);
  CHECK_FALSE(match_element_code("LMC B2 Lead"));
}

TEST_CASE("grammar - number and sub-item markers") {
  auto n = match_number("12. Methods of managing");
  REQUIRE(n);
  CHECK(n->value == 12);
  CHECK(n->rest == 4);
  CHECK(match_number("7.")->value == 7);
  CHECK_FALSE(match_number("1.5 hours"));
  CHECK_FALSE(match_number("Level 5"));
  // a number closed by a bracket, as some documents number their points and criteria
  auto b = match_number("3) Theories of management");
  REQUIRE(b);
  CHECK(b->value == 3);
  CHECK(b->rest == 3);
  const auto c4 = match_criterion("- 4) lead the team");
  REQUIRE(c4);
  CHECK(c4->value == 4);
  // a dash set between an item's label and its text is neither's
  auto k = match_item_label("K1 \xE2\x80\x93 The organisation's brand guidelines");
  REQUIRE(k);
  CHECK(k->rest == 7);  // at "The"
  const auto p3 = match_item_label("P3 - check the work");
  REQUIRE(p3);
  CHECK(p3->rest == 5);
  const auto hyphen = match_item_label("P3 -check the work");  // no gap after it: a word's hyphen
  REQUIRE(hyphen);
  CHECK(hyphen->rest == 3);
  auto s = match_sub_item("(b) your own roles");
  REQUIRE(s);
  CHECK(s->value == 'b');
  CHECK(s->rest == 4);
  CHECK_FALSE(match_sub_item("(within any restrictions"));
  CHECK_FALSE(match_sub_item("(B) upper"));
}

TEST_CASE("grammar - evidence method legend") {
  auto l = match_legend("DO = Direct Observation RA = Reflective Account Q = Questions PD = Professional Discussion  ");
  REQUIRE(l);
  REQUIRE(l->size() == 4);
  CHECK((*l)[0].code == "DO");
  CHECK((*l)[0].expansion == "Direct Observation");
  CHECK((*l)[2].code == "Q");
  CHECK((*l)[2].expansion == "Questions");
  CHECK((*l)[3].expansion == "Professional Discussion");
  auto p = match_legend("P/A/A = Projects/Assignment/APL");
  REQUIRE(p);
  CHECK((*p)[0].code == "P/A/A");
  CHECK((*p)[0].expansion == "Projects/Assignment/APL");
  CHECK_FALSE(match_legend("The rule = something else"));
}

TEST_CASE("grammar - criteria table header") {
  auto h = match_criteria_header("Performance criteria\tDO\tRA\tEW\tQ\tWP\tWT\tPD\tCS\tP/A/A");
  REQUIRE(h);
  CHECK(h->size() == 9);
  CHECK(h->back() == "P/A/A");
  CHECK_FALSE(match_criteria_header("Performance criteria are listed below"));
}

TEST_CASE("grammar - a list item's bullet") {
  CHECK(list_bullet_length("- item") == 2);
  CHECK(list_bullet_length("\xE2\x80\xA2  item") == 5);     // "•", two spaces
  CHECK(list_bullet_length("\xEF\x82\xA7 codes") == 4);     // Wingdings' square, U+F0A7
  CHECK(list_bullet_length("\xEF\x82\xB7\tcodes") == 4);    // Symbol's bullet, U+F0B7, a tab after it
  CHECK(list_bullet_length("o second level") == 2);         // a word processor's second level
  CHECK(list_bullet_length("\xE2\x9E\xA2 arrow") == 4);     // "➢"
  CHECK(list_bullet_length("\xE2\x80\xA2") == 0);            // alone: no item
  CHECK(list_bullet_length("\xE2\x80\xA2Text") == 3);        // a glyph right before its text
  CHECK(list_bullet_length("\xE2\x9C\x93Text") == 0);        // a tick needs its space
  CHECK(list_bullet_length("-based") == 0);
  CHECK(bullet_glyph("\xE2\x80\xA2"));
  CHECK(bullet_glyph("\xEF\x82\xB7"));
  CHECK_FALSE(bullet_glyph("\xE2\x9C\x93"));                 // a tick alone is a table cell's value
  CHECK_FALSE(bullet_glyph("-"));
  CHECK_FALSE(bullet_glyph("\xE2\x80\xA2 x"));
  CHECK(list_bullet_length("oak") == 0);
  CHECK(list_bullet_length("\xEF\x80\x81 x") == 0);         // U+F001: below the symbol fonts' printable range
  CHECK(list_bullet_length("\xEF\xA0\x80 x") == 0);         // U+F800: past it
  CHECK(list_bullet_length("1. numbered") == 0);
  // a line's bullet after its indent, any of those a list prints ("- ", "* ", "• "), and an outcome's or a
  // criterion's marker after one
  CHECK(match_bullet("  - have a TQT") == std::optional<std::size_t>(4));
  CHECK(match_bullet("* have a TQT") == std::optional<std::size_t>(2));
  CHECK(match_bullet("\xC2\xA0\xE2\x80\xA2 have") == std::optional<std::size_t>(6));
  CHECK_FALSE(match_bullet("**Bold** text"));
  CHECK_FALSE(match_bullet("1. numbered"));
  const auto c = match_criterion("* 3. Lead the service");  // (after a bullet)
  REQUIRE(c);
  CHECK(c->value == 3);
  CHECK(c->rest == 5);
  const auto o = match_outcome("\xE2\x80\xA2 B. Understand");
  REQUIRE(o);
  CHECK(o->value == 'B');
  CHECK(o->rest == 7);
}
