#pragma once
#include <boost/spirit/home/x3.hpp>

#include "grammar/ast_adapted.hpp"
#include "grammar/codes.hpp"
#include "grammar/common_def.hpp"

namespace qspec::grammar {
namespace codes_rules {
using x3::ascii::digit;
using x3::ascii::upper;
using x3::lexeme;
using x3::lit;
using x3::repeat;

// SQA-style unit code: four letters or digits, a space, two digits ("F36J 04").
const auto sqa_code = x3::rule<struct sqa_code_class, std::string>{"sqa code"} =
    repeat(4)[upper | digit] >> x3::string(" ") >> repeat(2)[digit];
// Local code: a scheme prefix and a unit ("LMC B2").
const auto local_code = x3::rule<struct local_code_class, std::string>{"local code"} =
    +upper >> x3::string(" ") >> +upper >> +digit;
// Decoration a conversion leaves before a heading: "**" (or "__"), "## ", "- ".
const auto decoration = x3::omit[*(lit('*') | '_' | '#' | '-' | gap_char)];

// "F36J 04 (LMC B2)", also "F36J 04(LMC B2)" as some conversions print it.
const unit_header_type unit_header_rule = "unit header";
const auto unit_header_rule_def =
    decoration >> sqa_code >> x3::omit[*gap_char] >> '(' >> x3::omit[*gap_char] >> local_code >> x3::omit[*gap_char] >> ')';

// What some conversions print between an element code and its title:
// "LMC B2.1 / Title", "LMC B2.1 – Title" (en or em dash, hyphen, colon). It
// belongs to neither, so the match takes it in and the title starts after it.
const auto code_title_separator =
    x3::omit[-(+gap_char >> (lit('/') | lit("\xE2\x80\x93") | lit("\xE2\x80\x94") | lit('-') | lit(':')) >> &gap_char)];

const element_code_type element_code_rule = "element code";
const auto element_code_rule_def = decoration >> local_code >> '.' >> +digit >> !digit >> code_title_separator;

}  // namespace codes_rules
using namespace codes_rules;
BOOST_SPIRIT_DEFINE(unit_header_rule, element_code_rule)

}  // namespace qspec::grammar
