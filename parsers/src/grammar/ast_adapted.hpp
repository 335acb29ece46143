#pragma once
#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::unit_header, code, local_code)
BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::element_code, local_code, number)
BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::legend_entry, code, expansion)
BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::sub_item_marker, open, label)
BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::structure_unit, series, code)
BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::table_code, code, marker)
BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::level_number, level, number)
BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::subtopic_code, topic, sub)
BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::hours_range, min, max)
BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::count_range, min, max)
BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::joined_code, stem, suffix)
BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::cell_date, day, month, year)
BOOST_FUSION_ADAPT_STRUCT(qspec::grammar::ast::unit_number, has_word, number)
