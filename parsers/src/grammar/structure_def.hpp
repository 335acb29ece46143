#pragma once
#include <boost/spirit/home/x3.hpp>

#include "grammar/ast_adapted.hpp"
#include "grammar/common_def.hpp"
#include "grammar/structure.hpp"

namespace qspec::grammar {
namespace structure_rules {
using x3::eoi;
using x3::lit;
using x3::repeat;
using x3::ascii::alnum;
using x3::ascii::digit;
using x3::ascii::upper;

const auto gaps = x3::omit[+gap_char];

// "Unit LMC A4 …" (series and code) or "Unit 70, …" (a bare number).
const structure_unit_type structure_unit_rule = "structure unit";
const auto series = x3::rule<struct series_class, std::string>{"series"} = repeat(2, 5)[upper];
const auto unit_letter_code = x3::rule<struct unit_letter_code_class, std::string>{"unit code"} =
    upper >> +digit >> !alnum;
const auto bare_number = x3::rule<struct bare_number_class, std::string>{"unit number"} = +digit >> !alnum;
const auto structure_unit_rule_def =
    x3::omit[*gap_char] >> lit("Unit") >> gaps >>
    ((series >> gaps >> unit_letter_code) | (x3::attr(std::string()) >> bare_number)) >>
    x3::omit[-lit(',') >> (gap_char | eoi)];

// A unit reference number: a letter, three digits, four digits ("K/104/0809").
const unit_reference_type unit_reference_rule = "unit reference number";
const auto unit_reference_rule_def = upper >> '/' >> repeat(3)[digit] >> '/' >> repeat(4)[digit] >> eoi;

// "(HSC446)", "(MSC D6)" alone on a line: the source of an imported unit.
const imported_code_type imported_code_rule = "imported unit code";
const auto imported_code_rule_def = x3::omit[*gap_char] >> '(' >>
                                    x3::raw[repeat(2, 5)[upper] >> x3::omit[*gap_char] >> +alnum] >> ')' >>
                                    x3::omit[*gap_char] >> eoi;

// "A1", "E5*": a unit code cell of a datasheet table.
const table_code_type table_code_rule = "table unit code";
const auto table_code_rule_def = x3::omit[*gap_char] >> x3::raw[upper >> +digit] >> x3::raw[*lit('*')] >>
                                 x3::omit[*gap_char] >> eoi;

// "Level 4 (04639)": a level and, in brackets, the qualification number.
const level_number_type level_number_rule = "level and number";
const auto level_number_rule_def = x3::omit[*gap_char] >> lit("Level") >> gaps >> x3::uint_ >> gaps >> '(' >>
                                   x3::raw[+digit] >> ')' >> x3::omit[*gap_char] >> eoi;

}  // namespace structure_rules
using namespace structure_rules;
BOOST_SPIRIT_DEFINE(structure_unit_rule, unit_reference_rule, imported_code_rule, table_code_rule, level_number_rule)

}  // namespace qspec::grammar
