#include "grammar/config.hpp"
#include "grammar/criteria_def.hpp"

namespace qspec::grammar {
BOOST_SPIRIT_INSTANTIATE(topic_code_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(subtopic_code_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(outcome_marker_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(criterion_marker_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(hours_range_type, iterator_type, context_type)
const topic_code_type& topic_code() { return topic_code_rule; }
const subtopic_code_type& subtopic_code() { return subtopic_code_rule; }
const outcome_marker_type& outcome_marker() { return outcome_marker_rule; }
const criterion_marker_type& criterion_marker() { return criterion_marker_rule; }
const hours_range_type& hours_range() { return hours_range_rule; }
}  // namespace qspec::grammar
