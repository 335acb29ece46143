#pragma once
#include <boost/spirit/home/x3.hpp>

#include "grammar/ast_adapted.hpp"
#include "grammar/table_rules.hpp"

namespace qspec::grammar {
namespace table_rules {
using x3::eoi;
using x3::lit;
using x3::no_case;
using x3::repeat;
using x3::uint_;
using x3::ascii::alnum;
using x3::ascii::digit;
using x3::ascii::upper;

// Numbers as the rules of combination write them: digits or a word.
struct number_words_ : x3::symbols<unsigned> {
  number_words_() {
    add("one", 1)("two", 2)("three", 3)("four", 4)("five", 5)("six", 6)("seven", 7)("eight", 8)("nine", 9)(
        "ten", 10);
  }
};
const number_words_ number_words;

const auto number = x3::rule<struct number_class, unsigned>{"number"} =
    (uint_ | no_case[number_words]) >> !alnum;
const auto unit_word = no_case[lit("units") | lit("unit")] >> !alnum;
// words that may stand between a count and "units": "2 further optional units"
const auto qualifier = no_case[lit("further") | lit("more") | lit("optional") | lit("mandatory") | lit("additional")] >>
                       lit(' ');
const auto choosing = no_case[lit("select") | lit("take") | lit("complete") | lit("choose")];

const auto counted_units = x3::rule<struct counted_units_class, ast::count_range>{"count of units"} =
    number >> lit(' ') >> *qualifier >> unit_word >> x3::attr(0u);
const auto chosen_from = x3::rule<struct chosen_from_class, ast::count_range>{"count chosen"} =
    choosing >> lit(' ') >> number >> lit(' ') >> no_case[lit("from") | lit("of the following")] >> x3::attr(0u);
// "the following mandatory unit": one unit, named by the singular
const auto the_one_following = x3::rule<struct one_following_class, ast::count_range>{"the following unit"} =
    no_case[lit("the following")] >> lit(' ') >> *qualifier >> no_case[lit("unit")] >> !alnum >> x3::attr(1u) >>
    x3::attr(0u);

const group_count_type group_count_rule = "group count";
const auto group_count_rule_def = counted_units | chosen_from | the_one_following;

// "5 or 6": the upper bound, or 0 when there is no choice. The two numbers
// are written out in each alternative so that each gives two attributes.
const auto or_number = (no_case[lit(" or ")] >> number) | x3::attr(0u);
const unit_total_type unit_total_rule = "total of units";
const auto unit_total_rule_def =
    (no_case[lit("total")] >> -no_case[lit(" of")] >> lit(' ') >> number >> or_number >> lit(' ') >> unit_word) |
    (number >> or_number >> lit(' ') >> unit_word >> no_case[lit(" in total")]);

const auto min_word = no_case[lit("minimum") | lit("min")] >> !alnum;
const auto max_word = no_case[lit("maximum") | lit("max")] >> !alnum;
const auto credit_word = no_case[lit("credits") | lit("credit")] >> !alnum;
const auto sep = *(lit(' ') | lit('-') | lit(':') | lit(';') | lit(','));
// "min - 75", "Minimum credit 72" or "115 Credits (Min)"
const auto min_bound = x3::rule<struct min_bound_class, unsigned>{"least credit"} =
    (min_word >> sep >> -(credit_word >> sep) >> uint_) |
    (uint_ >> lit(' ') >> -(credit_word >> lit(' ')) >> lit('(') >> min_word >> lit(')'));
const auto max_bound = x3::rule<struct max_bound_class, unsigned>{"most credit"} =
    (max_word >> sep >> -(credit_word >> sep) >> uint_) |
    (uint_ >> lit(' ') >> -(credit_word >> lit(' ')) >> lit('(') >> max_word >> lit(')'));
const credit_range_type credit_range_rule = "credit range";
// the maximum may be missing ("min 52"): 0 then
const auto credit_range_rule_def = min_bound >> ((sep >> max_bound) | x3::attr(0u)) >> *lit(' ') >> eoi;

const joined_code_type joined_code_rule = "code without its space";
const auto joined_code_rule_def =
    x3::raw[upper >> repeat(3)[upper | digit]] >> x3::raw[repeat(2)[digit]] >> eoi;

const cell_date_type cell_date_rule = "date";
const auto cell_date_rule_def = uint_ >> lit('/') >> uint_ >> lit('/') >> uint_ >> eoi;

const unit_number_type unit_number_rule = "unit number";
const auto unit_number_rule_def =
    *lit(' ') >> x3::matches[no_case[lit("unit")] >> +lit(' ')] >> uint_ >> *lit(' ') >> eoi;

const whole_number_type whole_number_rule = "number";
const auto whole_number_rule_def = *lit(' ') >> uint_ >> *lit(' ') >> eoi;

// "4–6" (an en dash), "4-6", "10 to 12": a range; the second number 0 when one is printed
const auto range_dash = lit("\xE2\x80\x93") | lit('-') | no_case[lit(" to ")];
const number_range_type number_range_rule = "number or range";
const auto number_range_rule_def = uint_ >> ((range_dash >> uint_) | x3::attr(0u)) >> !alnum;

}  // namespace table_rules
using namespace table_rules;
BOOST_SPIRIT_DEFINE(group_count_rule, unit_total_rule, credit_range_rule, joined_code_rule, cell_date_rule,
                    unit_number_rule, whole_number_rule, number_range_rule)

}  // namespace qspec::grammar
