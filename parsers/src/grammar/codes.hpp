#pragma once
// Unit and element codes: declarations only (definitions in codes_def.hpp,
// instantiated once in codes.cpp).
#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"

namespace qspec::grammar {
namespace x3 = boost::spirit::x3;

struct unit_header_class;
struct element_code_class;
using unit_header_type = x3::rule<unit_header_class, ast::unit_header>;
using element_code_type = x3::rule<element_code_class, ast::element_code>;
BOOST_SPIRIT_DECLARE(unit_header_type, element_code_type)

const unit_header_type& unit_header();
const element_code_type& element_code();

}  // namespace qspec::grammar
