#pragma once
/// A catalogue of several documents merged into one: qualifications from
/// their structure lists, datasheets and programme overviews, units joined
/// with their specifications, and every disagreement between documents kept.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/diagnostic.hpp"
#include "qspec/model/document.hpp"

namespace qspec {

/// One input of a catalogue: its name, kind and line coverage.
struct source_document {
  static constexpr std::string_view kind = "source_document";
  std::string id;
  source_span span;
  std::string name;
  document_kind type = document_kind::unknown;
  std::string kind_name;  ///< as the document reports it (a profile's kind for standards)
  coverage lines;
};

struct catalogue {
  static constexpr std::string_view kind = "merged_catalogue";
  std::string id = "catalogue";
  source_span span;
  std::vector<source_document> documents;
  std::vector<framework> frameworks;    ///< criteria frameworks, as parsed
  std::vector<qualification> qualifications;
  std::vector<unit> units;             ///< specifications of units no structure lists
  std::vector<standard> standards;     ///< standards read from profiles, as parsed
  std::vector<section> sections;       ///< documents of no supported kind, kept as sections
  std::vector<diagnostic> diagnostics; ///< each with its document
  /// The documents' text stores: every string_view above points into one.
  std::vector<std::shared_ptr<const text_store>> storage;
};

}  // namespace qspec
