#pragma once
// One entry point per format; write() picks among them.
#include <ostream>

#include "qspec/emit.hpp"
#include "tree_writer.hpp"

namespace qspec::emitters {
void write_json(const walker& walk_into, std::ostream& out);
void write_yaml(const walker& walk_into, std::ostream& out);
void write_xml(const walker& walk_into, std::ostream& out);
/// The exports of the standard items work on the whole tree at once.
void write_case(const tree::node& root, std::ostream& out);
void write_csv(const tree::node& root, std::ostream& out);
/// The generic tree a walk builds (tree_builder.cpp).
tree::node build_tree(const walker& walk_into);

inline void write(format f, const walker& walk_into, std::ostream& out) {
  switch (f) {
    case format::json: write_json(walk_into, out); break;
    case format::yaml: write_yaml(walk_into, out); break;
    case format::xml: write_xml(walk_into, out); break;
    case format::case_package: write_case(build_tree(walk_into), out); break;
    case format::csv: write_csv(build_tree(walk_into), out); break;
  }
}
}  // namespace qspec::emitters
