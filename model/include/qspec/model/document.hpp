#pragma once
/// The root of every parse: the document, its typed content, the page
/// furniture recognised on the way, and the line coverage.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/diagnostic.hpp"
#include "qspec/model/framework.hpp"
#include "qspec/model/qualification.hpp"
#include "qspec/model/source.hpp"
#include "qspec/model/standard.hpp"
#include "qspec/model/text.hpp"
#include "qspec/model/text_store.hpp"
#include "qspec/model/unit.hpp"

namespace qspec {

enum class document_kind {
  unknown,
  unit_specification,       ///< NVQ / NOS unit: elements, criteria, knowledge (seed 002)
  qualification_structure,  ///< list of mandatory and optional units (seed 000)
  qualification_datasheet,  ///< prose and a unit table (seed 001)
  programme_overview,       ///< credits, pathways, job roles (seed 003)
  criteria_framework,       ///< topics, sub-topics, outcomes, criteria, guidance (seed 004)
  standard,                 ///< a family described by a profile: document::kind_name names it
};

[[nodiscard]] std::string_view to_string(document_kind k);
/// The kind named `name` (as to_string spells it), if any.
[[nodiscard]] std::optional<document_kind> document_kind_from_string(std::string_view name);

struct form_field {
  static constexpr std::string_view kind = "form_field";
  std::string id;
  source_span span;
  std::string_view label;  ///< "Candidate's name"
};

/// Text that is not content: running page headers, table headers repeated
/// after a page break, column headers, sign-off forms.
struct furniture {
  static constexpr std::string_view kind = "furniture";
  std::string id;
  source_span span;
  std::string_view role;   ///< "page_header", "repeated_table_header", "sign_off_form"
  std::string_view text;   ///< the first line as written
  std::vector<form_field> fields;
};

/// How every non-blank line was accounted for.
struct coverage {
  std::uint32_t lines = 0;          ///< all lines
  std::uint32_t blank = 0;
  std::uint32_t content = 0;        ///< in a node's text
  std::uint32_t furniture = 0;      ///< furniture or boilerplate (headings, legends, forms)
  std::uint32_t unclassified = 0;   ///< each has an unclassified diagnostic
};

struct document {
  static constexpr std::string_view kind = "document";
  std::string id;
  source_span span;
  std::string source_name;
  document_kind type = document_kind::unknown;
  /// The kind as reported: to_string(type), or the profile's document kind
  /// ("national_occupational_standard") when type is document_kind::standard.
  std::string kind_name;
  std::vector<qualification> qualifications;
  std::vector<framework> frameworks;
  std::vector<unit> units;
  std::vector<standard> standards;   ///< read by the outline engine from a profile
  std::vector<section> sections;   ///< narrative outside any typed node
  std::vector<furniture> furniture_items;
  coverage lines;
  /// The format the file was read from ("text", "html", "docx", "pdf", …).
  std::string source_format = "text";
  /// For a file that was not text, or a double-spaced text read without its
  /// blank lines: origins[i] is where line i+1 of the text read came from in
  /// the file; empty for a text read as it is.
  std::shared_ptr<const std::vector<source_origin>> origins;
  /// Owns the text every string_view above points into.
  std::shared_ptr<const text_store> storage;
};

}  // namespace qspec
