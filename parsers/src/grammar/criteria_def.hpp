#pragma once
#include <boost/spirit/home/x3.hpp>

#include "grammar/ast_adapted.hpp"
#include "grammar/common_def.hpp"
#include "grammar/criteria.hpp"

namespace qspec::grammar {
namespace criteria_rules {
using x3::eoi;
using x3::lit;
using x3::repeat;
using x3::ascii::alnum;
using x3::ascii::digit;
using x3::ascii::upper;

const auto gaps = x3::omit[+gap_char];
const auto lead = x3::omit[*gap_char];
const auto dash = lit('-') | lit("\xE2\x80\x93");  // hyphen or en dash

// "LMAC5A": letters, digits, one letter.
const auto topic_code_text = repeat(2, 6)[upper] >> +digit >> upper;
const topic_code_type topic_code_rule = "topic code";
const auto topic_code_rule_def = lead >> x3::raw[topic_code_text] >> !(alnum | '/');

// "LMAC5A/LM" (also cut short: "LMAC5C/S").
const subtopic_code_type subtopic_code_rule = "sub-topic code";
const auto subtopic_code_rule_def = lead >> x3::raw[topic_code_text] >> '/' >> x3::raw[+upper] >> !alnum;

// "A. ", "B) ": a lettered outcome (match_outcome reads it after a line's bullet, "- A. ").
const outcome_marker_type outcome_marker_rule = "outcome marker";
const auto outcome_marker_rule_def = lead >> upper >> (lit('.') | ')') >> gaps;

// "1. ", "4) ": a numbered criterion (match_criterion reads it after a line's bullet, " - 1. ").
const criterion_marker_type criterion_marker_rule = "criterion marker";
const auto criterion_marker_rule_def = lead >> x3::uint_ >> (lit('.') | ')') >> (gaps | eoi);

// "900-950 hours"
const hours_range_type hours_range_rule = "hour range";
const auto hours_range_rule_def = x3::uint_ >> x3::omit[*gap_char] >> dash >> x3::omit[*gap_char] >> x3::uint_ >>
                                  gaps >> lit("hours");

}  // namespace criteria_rules
using namespace criteria_rules;
BOOST_SPIRIT_DEFINE(topic_code_rule, subtopic_code_rule, outcome_marker_rule, criterion_marker_rule, hours_range_rule)

}  // namespace qspec::grammar
