#pragma once
/// Narrative building blocks shared by every document kind: paragraphs,
/// lists, references to glossary terms, and untyped sections.
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/source.hpp"

namespace qspec {

/// A term emphasised in the source (bold or italic) inside a criterion or
/// knowledge point, kept as a reference to the glossary entry it names.
struct term_reference {
  static constexpr std::string_view kind = "term_reference";
  std::string id;
  source_span span;
  std::string_view text;    ///< the term as written in the sentence
  std::string target;       ///< id of the glossary_term it resolves to; empty when unresolved
};

struct paragraph {
  static constexpr std::string_view kind = "paragraph";
  std::string id;
  source_span span;
  std::string_view text;
};

struct list_item {
  static constexpr std::string_view kind = "list_item";
  std::string id;
  source_span span;
  std::string_view text;
};

struct list {
  static constexpr std::string_view kind = "list";
  std::string id;
  source_span span;
  std::vector<list_item> items;
};

/// A paragraph or a list, in document order.
struct block {
  enum class type { paragraph, list } which = type::paragraph;
  paragraph para;  ///< when which == paragraph
  list items;      ///< when which == list
  [[nodiscard]] const source_span& span() const { return which == type::paragraph ? para.span : items.span; }
};

/// Narrative text that belongs to no typed node.
struct section {
  static constexpr std::string_view kind = "section";
  std::string id;
  source_span span;
  std::string_view heading;
  /// What the section is about, when qspec recognised it: "audience",
  /// "purpose", "assessment", "delivery_roles", "contact", "progression"…
  std::string_view role;
  std::vector<block> blocks;
};

}  // namespace qspec
