#pragma once
// Attribute of the item-label grammar (labels.hpp). Plain struct, no Fusion:
// the grammar fills it through semantic actions, since its alternatives have
// different shapes.
#include <string>
#include <vector>

namespace qspec::grammar::ast {

/// A printed item label: "P1", "K12", "Duty 4", "AC 1.2", "1.1.2", "(a)",
/// "iv.", "LO1". Exactly one of path, letter or roman is set.
struct item_label {
  char open = 0;                ///< '(' when the label is bracketed
  std::string prefix;           ///< "P", "Duty", "Learning Outcome"; empty for a bare number
  std::vector<unsigned> path;   ///< 1 / 1.1 / 1.1.2
  char letter = 0;              ///< 'a' or 'A'
  std::string roman;            ///< "iv"
  char close = 0;               ///< the delimiter after it: ')', '.', ':'; 0 for none
  /// A code printed as the label ("2A.P1"), told by a profile's code shape
  /// rather than this grammar; set alone.
  std::string code;
};

}  // namespace qspec::grammar::ast
