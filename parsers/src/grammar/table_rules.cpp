#include "grammar/config.hpp"
#include "grammar/table_rules_def.hpp"

namespace qspec::grammar {
BOOST_SPIRIT_INSTANTIATE(group_count_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(unit_total_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(credit_range_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(joined_code_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(cell_date_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(unit_number_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(whole_number_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(number_range_type, iterator_type, context_type)
const group_count_type& group_count() { return group_count_rule; }
const unit_total_type& unit_total() { return unit_total_rule; }
const credit_range_type& credit_range() { return credit_range_rule; }
const joined_code_type& joined_code() { return joined_code_rule; }
const cell_date_type& cell_date() { return cell_date_rule; }
const unit_number_type& unit_number() { return unit_number_rule; }
const whole_number_type& whole_number() { return whole_number_rule; }
const number_range_type& number_range() { return number_range_rule; }
}  // namespace qspec::grammar
