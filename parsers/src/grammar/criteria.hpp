#pragma once
// Criteria framework lines: topic and sub-topic codes, outcome and criterion
// markers, bullets, hour ranges. Declarations only.
#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"

namespace qspec::grammar {
namespace x3 = boost::spirit::x3;

struct topic_code_class;
struct subtopic_code_class;
struct outcome_marker_class;
struct criterion_marker_class;
struct hours_range_class;
using topic_code_type = x3::rule<topic_code_class, std::string>;
using subtopic_code_type = x3::rule<subtopic_code_class, ast::subtopic_code>;
using outcome_marker_type = x3::rule<outcome_marker_class, char>;
using criterion_marker_type = x3::rule<criterion_marker_class, unsigned>;
using hours_range_type = x3::rule<hours_range_class, ast::hours_range>;
BOOST_SPIRIT_DECLARE(topic_code_type, subtopic_code_type, outcome_marker_type, criterion_marker_type,
                     hours_range_type)

const topic_code_type& topic_code();
const subtopic_code_type& subtopic_code();
const outcome_marker_type& outcome_marker();
const criterion_marker_type& criterion_marker();
const hours_range_type& hours_range();

}  // namespace qspec::grammar
