#include "grammar/codes_def.hpp"
#include "grammar/config.hpp"

namespace qspec::grammar {
BOOST_SPIRIT_INSTANTIATE(unit_header_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(element_code_type, iterator_type, context_type)
const unit_header_type& unit_header() { return unit_header_rule; }
const element_code_type& element_code() { return element_code_rule; }
}  // namespace qspec::grammar
