#pragma once
// Qualification structure lines: unit openers, reference numbers, imported
// codes, datasheet code cells, "Level 4 (04639)". Declarations only.
#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"

namespace qspec::grammar {
namespace x3 = boost::spirit::x3;

struct structure_unit_class;
struct unit_reference_class;
struct imported_code_class;
struct table_code_class;
struct level_number_class;
using structure_unit_type = x3::rule<structure_unit_class, ast::structure_unit>;
using unit_reference_type = x3::rule<unit_reference_class, x3::unused_type>;
using imported_code_type = x3::rule<imported_code_class, std::string>;
using table_code_type = x3::rule<table_code_class, ast::table_code>;
using level_number_type = x3::rule<level_number_class, ast::level_number>;
BOOST_SPIRIT_DECLARE(structure_unit_type, unit_reference_type, imported_code_type, table_code_type,
                     level_number_type)

const structure_unit_type& structure_unit();
const unit_reference_type& unit_reference();
const imported_code_type& imported_code();
const table_code_type& table_code();
const level_number_type& level_number();

}  // namespace qspec::grammar
