#pragma once
// The standard items of a catalogue tree: the nodes a competency framework
// holds as statements (units, elements, criteria, outcomes, knowledge points,
// skills, behaviours, duties, sub-items, the outline engine's items of any
// profile kind), each with the nearest item that encloses it. The CASE and
// CSV exports both list exactly these.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/tree.hpp"

namespace qspec::emitters {

struct standard_item {
  const tree::node* node = nullptr;
  std::ptrdiff_t parent = -1;     ///< index of the enclosing item in the list, -1 at the top
  std::size_t position = 0;       ///< 1-based among the items of the same parent
  std::string document;           ///< the source document it was read from
  std::string level;              ///< its own level, or the nearest enclosing one; "" when none is stated
};

/// Every standard item below `root`, in document order.
[[nodiscard]] std::vector<standard_item> standard_items(const tree::node& root);

}  // namespace qspec::emitters
