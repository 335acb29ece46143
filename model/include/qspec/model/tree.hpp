#pragma once
/// The catalogue as a tree of generic nodes: what every emitter writes and
/// every reader reads back, whatever the document kind. Each node has its
/// kind, id, span, its fields in order, and its children in order. The diff
/// works on this tree, so a catalogue read from JSON, YAML or XML and a
/// document parsed from text compare alike.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "qspec/model/source.hpp"

namespace qspec::tree {

/// A field's value: text, a whole number, a flag, a span, or a list of texts.
using value = std::variant<std::string, std::int64_t, bool, source_span, std::vector<std::string>>;

struct field {
  std::string name;
  tree::value value;
  friend bool operator==(const field&, const field&) = default;
};

struct node {
  std::string kind;
  std::string id;
  source_span span;
  std::vector<field> fields;
  std::vector<node> children;

  /// The field called `name`, or nullptr.
  [[nodiscard]] const field* find(std::string_view name) const {
    for (const auto& f : fields)
      if (f.name == name) return &f;
    return nullptr;
  }
  /// A text field's value, or "" when absent or not text.
  [[nodiscard]] std::string_view text(std::string_view name) const {
    const field* f = find(name);
    if (!f) return {};
    if (const auto* s = std::get_if<std::string>(&f->value)) return *s;
    return {};
  }
  friend bool operator==(const node&, const node&) = default;
};

/// A field as text: text as it is, a whole number in decimal, "" for any
/// other value or when absent. A criterion numbered 3 gives "3" for "number".
[[nodiscard]] std::string field_text(const node& n, std::string_view name);

/// The first non-empty text field among `names`, in that order ("" when none):
/// `first_text(n, {"code", "local_code"})`.
[[nodiscard]] std::string_view first_text(const node& n, std::initializer_list<std::string_view> names);

/// The printed code of a node: its "code", else its "local_code" ("" when none).
[[nodiscard]] std::string_view code_of(const node& n);

/// The printed label of a node: its "label", else its "number", else its
/// "letter", as text ("" when none). Criterion 3 gives "3", outcome b "b".
/// The review page, the SQLite store and the CSV and CASE exports all show
/// this one label.
[[nodiscard]] std::string label_of(const node& n);

/// What a node states: the first of its text, title, heading, term, name,
/// statement and award title that it has ("" when none). A glossary term
/// gives its definition (text) before the term itself.
[[nodiscard]] std::string_view text_of(const node& n);

}  // namespace qspec::tree
