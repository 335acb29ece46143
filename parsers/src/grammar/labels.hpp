#pragma once
// Item labels and document codes: declarations only (definitions in
// labels_def.hpp, instantiated once in labels.cpp).
#include <boost/spirit/home/x3.hpp>

#include "grammar/labels_ast.hpp"

namespace qspec::grammar {
namespace x3 = boost::spirit::x3;

struct item_label_class;
struct glued_label_class;
struct document_code_class;
using item_label_type = x3::rule<item_label_class, ast::item_label>;
using glued_label_type = x3::rule<glued_label_class, ast::item_label>;
using document_code_type = x3::rule<document_code_class, std::string>;
BOOST_SPIRIT_DECLARE(item_label_type, glued_label_type, document_code_type)

const item_label_type& item_label();
const glued_label_type& glued_label();
const document_code_type& document_code();

}  // namespace qspec::grammar
