#pragma once
// One entry point per format; write() picks among them.
#include <ostream>

#include "qspec/emit.hpp"
#include "tree_writer.hpp"

namespace qspec::emitters {
void write_json(const walker& walk_into, std::ostream& out);
void write_yaml(const walker& walk_into, std::ostream& out);
void write_xml(const walker& walk_into, std::ostream& out);

inline void write(format f, const walker& walk_into, std::ostream& out) {
  switch (f) {
    case format::json: write_json(walk_into, out); break;
    case format::yaml: write_yaml(walk_into, out); break;
    case format::xml: write_xml(walk_into, out); break;
  }
}
}  // namespace qspec::emitters
