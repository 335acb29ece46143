#pragma once
#include <boost/spirit/home/x3.hpp>

#include "grammar/ast_adapted.hpp"
#include "grammar/common_def.hpp"
#include "grammar/markers.hpp"

namespace qspec::grammar {
namespace marker_rules {
using x3::eoi;
using x3::lit;
using x3::ascii::digit;
using x3::ascii::lower;
using x3::ascii::upper;

const auto gaps = x3::omit[+gap_char];

// "12. " (or "12) ") — a number, a full stop or a closing bracket, then a gap or the end of the text.
const number_marker_type number_marker_rule = "number marker";
const auto number_marker_rule_def = x3::uint_ >> (lit('.') | ')') >> &(gap_char | eoi);

// "(a) " — a single lower-case letter in brackets.
const sub_item_marker_type sub_item_marker_rule = "sub-item marker";
const auto sub_item_marker_rule_def = x3::char_('(') >> lower >> ')' >> &(gap_char | eoi);

// Evidence-method legend: "DO = Direct Observation RA = Reflective Account …".
// An expansion runs until the next "CODE =".
const auto method_code = x3::rule<struct method_code_class, std::string>{"method code"} = +(upper | x3::char_('/'));
const auto word = +(x3::char_ - gap_char);
const auto next_entry = method_code >> x3::omit[*gap_char] >> '=';
const auto expansion = x3::rule<struct expansion_class, std::string>{"expansion"} =
    x3::raw[word >> *(gaps >> !next_entry >> word)];
const auto legend_entry = x3::rule<struct legend_entry_class, ast::legend_entry>{"legend entry"} =
    method_code >> x3::omit[*gap_char] >> '=' >> x3::omit[*gap_char] >> expansion;
// the line's last entry with its expansion on the next line ("… PD =" / "Professional Discussion"):
// an empty expansion, for the reader to fill
const auto last_entry_cut = x3::rule<struct last_entry_cut_class, ast::legend_entry>{"legend entry cut"} =
    method_code >> x3::omit[*gap_char] >> '=' >> x3::attr(std::string());
const legend_type legend_rule = "legend";
// (a legend set in italics over several lines keeps its opening "*" on the first line)
const auto legend_rule_def = x3::omit[*gap_char >> -lit('*')] >> (legend_entry % gaps) >>
                             -(x3::omit[+gap_char] >> last_entry_cut) >> x3::omit[*gap_char] >> eoi;

// "Performance criteria<TAB>DO<TAB>RA…", or the same row as a markdown table's
// "| Performance criteria | DO | RA | … |": the header row of a criteria table.
// (or the cells run into one line by a conversion that kept no cells: "Performance criteria DO RA …")
const auto cell_separator = +lit('\t') | (*lit(' ') >> lit('|') >> *lit(' ')) | +lit(' ');
const criteria_header_type criteria_header_rule = "criteria table header";
const auto criteria_header_rule_def = x3::omit[*gap_char >> -(lit('|') >> *gap_char)] >>
                                      x3::no_case[lit("performance criteria")] >>
                                      +(x3::omit[cell_separator] >> method_code) >>
                                      x3::omit[*gap_char >> -lit('|') >> *gap_char] >> eoi;

}  // namespace marker_rules
using namespace marker_rules;
BOOST_SPIRIT_DEFINE(number_marker_rule, sub_item_marker_rule, legend_rule, criteria_header_rule)

}  // namespace qspec::grammar
