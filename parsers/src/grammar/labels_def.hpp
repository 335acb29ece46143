#pragma once
// Item labels as standards print them, and the codes that name documents.
//
// Labels: "P1", "PC3", "K12", "LO1", "WD1" (capitals then a number), "Duty 4",
// "Learning Outcome 1", "AC 1.2" (words then a space), bare numbers "1",
// "1.1", "1.1.2", letters "(a)", "a)", "A.", romans "(iv)", "iv.". A label
// ends at a gap, at the end of the text, at a delimiter (".", ")", ":") or —
// for a number, as conversions glue them ("1.1Outline") — at a capital.
// Letters and romans need a delimiter: "a text" is a word, not a label.
//
// Document codes: NOS URNs ("SCDHSC0033", "PPL2FBS13", "CFAM&LDA1"), Ofqual
// unit references ("K/104/0809") and qualification numbers ("610/0103/6"),
// apprenticeship references ("ST0116"), SQA unit codes ("F36J 04", "HE9D 04").
#include <boost/spirit/home/x3.hpp>

#include "grammar/common_def.hpp"
#include "grammar/labels.hpp"

namespace qspec::grammar {
namespace label_rules {
using x3::_attr;
using x3::_val;
using x3::eoi;
using x3::lit;
using x3::ascii::alnum;
using x3::ascii::alpha;
using x3::ascii::digit;
using x3::ascii::lower;
using x3::ascii::upper;

const auto set_prefix = [](auto& ctx) {
  auto& r = _attr(ctx);
  _val(ctx).prefix.assign(r.begin(), r.end());
};
const auto push_number = [](auto& ctx) { _val(ctx).path.push_back(_attr(ctx)); };
const auto set_letter = [](auto& ctx) { _val(ctx).letter = _attr(ctx); };
const auto set_roman = [](auto& ctx) {
  auto& r = _attr(ctx);
  _val(ctx).roman.assign(r.begin(), r.end());
};
const auto set_open = [](auto& ctx) { _val(ctx).open = '('; };
const auto set_close = [](auto& ctx) { _val(ctx).close = _attr(ctx); };

const auto number = x3::uint_parser<unsigned, 10, 1, 4>{};
// "1", "1.1", "1.1.2": a trailing "." is the delimiter, not another level
const auto path = number[push_number] >> *(lit('.') >> number[push_number]);
// "P", "PC", "Duty", "Learning outcome": a capital, letters, at most three words
// (the words after the first in either case: "Learning outcome 1", "Learning Outcome 1")
const auto word = upper >> *alpha;
const auto prefix = x3::raw[word >> x3::repeat(0, 2)[lit(' ') >> +alpha >> &lit(' ')]];
const auto numbered = -(prefix[set_prefix] >> -lit(' ')) >> path;
const auto roman = x3::raw[x3::repeat(1, 5)[x3::char_("ivxl")]][set_roman];
const auto letter = x3::ascii::alpha[set_letter];

const auto delimiter = x3::char_(".):");
const auto after_label = &(gap_char | eoi);
const auto after_number = &(gap_char | eoi | upper | lit('-') | lit("\xE2\x80\x93"));

const item_label_type item_label_rule = "item label";
const auto item_label_rule_def =
    lit('(')[set_open] >> (numbered | roman | letter) >> x3::char_(')')[set_close] >> after_label  //
    | numbered >> -delimiter[set_close] >> after_number                                           //
    | roman >> delimiter[set_close] >> after_label                                                //
    | letter >> delimiter[set_close] >> after_label;

// A label run into its text with no space ("P1confirm which …", as a conversion
// that lost the gap prints it): a prefix of capitals and a number, then a word
// of three lower-case letters or more (not "P1a", a sub-item's code). The
// match ends after the number; whether the sequence proves it is the caller's.
const glued_label_type glued_label_rule = "label run into its text";
const auto glued_label_rule_def = x3::raw[x3::repeat(1, 3)[upper]][set_prefix] >> number[push_number] >>
                                  &(x3::repeat(3)[lower]);

// Codes: capitals and digits (and "&"), parts joined by "/", an SQA code's
// two-digit suffix after one space ("F36J 04"). Whether it holds a digit and
// a capital is checked by the caller.
const auto code_part = +(upper | digit | x3::char_('&'));
const auto code_end = &(gap_char | eoi | x3::char_(",;:.)("));
const document_code_type document_code_rule = "document code";
const auto document_code_rule_def =
    x3::raw[code_part >> *(x3::char_('/') >> code_part) >> -(lit(' ') >> x3::repeat(2)[digit] >> code_end)] >>
    code_end;

}  // namespace label_rules
using namespace label_rules;
BOOST_SPIRIT_DEFINE(item_label_rule, glued_label_rule, document_code_rule)

}  // namespace qspec::grammar
