#pragma once
// Numbering markers, legends and table headers: declarations only.
#include <boost/spirit/home/x3.hpp>
#include <vector>

#include "grammar/ast.hpp"

namespace qspec::grammar {
namespace x3 = boost::spirit::x3;

struct number_marker_class;
struct sub_item_marker_class;
struct legend_class;
struct criteria_header_class;
using number_marker_type = x3::rule<number_marker_class, unsigned>;
using sub_item_marker_type = x3::rule<sub_item_marker_class, ast::sub_item_marker>;
using legend_type = x3::rule<legend_class, std::vector<ast::legend_entry>>;
using criteria_header_type = x3::rule<criteria_header_class, std::vector<std::string>>;
BOOST_SPIRIT_DECLARE(number_marker_type, sub_item_marker_type, legend_type, criteria_header_type)

const number_marker_type& number_marker();
const sub_item_marker_type& sub_item_marker();
const legend_type& legend();
const criteria_header_type& criteria_header();

}  // namespace qspec::grammar
