#pragma once
/// Provenance of merged nodes: which documents state them, and where two
/// documents disagree. Filled by a catalogue merge; empty after a plain parse.
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/source.hpp"

namespace qspec {

/// Where a merged node was read from: one per document that states it.
struct appearance {
  static constexpr std::string_view kind = "appearance";
  std::string id;
  source_span span;
  std::string document;          ///< source name of the document
  std::string_view role;         ///< "structure", "datasheet", "programme", "specification"
};

/// Two documents disagree on a field: both values are kept, with sources.
struct conflict_value {
  static constexpr std::string_view kind = "conflict_value";
  std::string id;
  source_span span;
  std::string document;
  std::string_view value;
};

struct conflict {
  static constexpr std::string_view kind = "conflict";
  std::string id;
  source_span span;
  std::string_view field;
  std::vector<conflict_value> values;
};

}  // namespace qspec
