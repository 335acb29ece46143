#pragma once
// Cells and headings of qualification structure grids: rules of combination
// ("Candidates must select 1 unit", "a total of 8 units"), the overall credit
// ("min - 75; max - 76"), SQA codes printed without their space, dates and
// unit numbers. Declarations only. The rules read text whose runs of spaces
// and line breaks are already one space.
#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"

namespace qspec::grammar {
namespace x3 = boost::spirit::x3;

struct group_count_class;
struct unit_total_class;
struct credit_range_class;
struct joined_code_class;
struct cell_date_class;
struct unit_number_class;
struct whole_number_class;
struct number_range_class;
using group_count_type = x3::rule<group_count_class, ast::count_range>;
using unit_total_type = x3::rule<unit_total_class, ast::count_range>;
using credit_range_type = x3::rule<credit_range_class, ast::count_range>;
using joined_code_type = x3::rule<joined_code_class, ast::joined_code>;
using cell_date_type = x3::rule<cell_date_class, ast::cell_date>;
using unit_number_type = x3::rule<unit_number_class, ast::unit_number>;
using whole_number_type = x3::rule<whole_number_class, unsigned>;
using number_range_type = x3::rule<number_range_class, ast::count_range>;
BOOST_SPIRIT_DECLARE(group_count_type, unit_total_type, credit_range_type, joined_code_type, cell_date_type,
                     unit_number_type, whole_number_type, number_range_type)

/// "select 1 unit", "3 Units must", "take three from", "the following mandatory unit" (one):
/// a group's count, matched where it starts (callers try each word).
const group_count_type& group_count();
/// "a total of 5 or 6 units", "4 units in total": a pathway's total, matched where it starts.
const unit_total_type& unit_total();
/// A whole overall-credit cell stating a range: "Minimum credit 72 Maximum credit 307".
const credit_range_type& credit_range();
/// A whole code cell "F3H004": four letters or digits run into a two-digit suffix.
const joined_code_type& joined_code();
/// A whole date cell "d/m/yyyy".
const cell_date_type& cell_date();
/// A whole line "Unit 12" or "12".
const unit_number_type& unit_number();
/// A whole cell holding one number.
const whole_number_type& whole_number();
/// A number or a range where it starts: "4", "4–6", "4-6", "10 to 12" (max 0 for one number).
const number_range_type& number_range();

}  // namespace qspec::grammar
