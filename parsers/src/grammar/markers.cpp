#include "grammar/config.hpp"
#include "grammar/markers_def.hpp"

namespace qspec::grammar {
BOOST_SPIRIT_INSTANTIATE(number_marker_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(sub_item_marker_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(legend_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(criteria_header_type, iterator_type, context_type)
const number_marker_type& number_marker() { return number_marker_rule; }
const sub_item_marker_type& sub_item_marker() { return sub_item_marker_rule; }
const legend_type& legend() { return legend_rule; }
const criteria_header_type& criteria_header() { return criteria_header_rule; }
}  // namespace qspec::grammar
