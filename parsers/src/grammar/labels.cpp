#include "grammar/config.hpp"
#include "grammar/labels_def.hpp"

namespace qspec::grammar {
BOOST_SPIRIT_INSTANTIATE(item_label_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(glued_label_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(document_code_type, iterator_type, context_type)
const item_label_type& item_label() { return item_label_rule; }
const glued_label_type& glued_label() { return glued_label_rule; }
const document_code_type& document_code() { return document_code_rule; }
}  // namespace qspec::grammar
