#include "grammar/config.hpp"
#include "grammar/structure_def.hpp"

namespace qspec::grammar {
BOOST_SPIRIT_INSTANTIATE(structure_unit_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(unit_reference_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(imported_code_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(table_code_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(level_number_type, iterator_type, context_type)
const structure_unit_type& structure_unit() { return structure_unit_rule; }
const unit_reference_type& unit_reference() { return unit_reference_rule; }
const imported_code_type& imported_code() { return imported_code_rule; }
const table_code_type& table_code() { return table_code_rule; }
const level_number_type& level_number() { return level_number_rule; }
}  // namespace qspec::grammar
