#pragma once
/// Revision diff on the structure of a standard: which units, elements,
/// criteria, topics, outcomes… were added, removed, modified, moved or
/// renumbered between two catalogues (see qspec/model/tree.hpp), with
/// word-level differences inside changed texts.
///
///     auto d = qspec::diff::compare(old_tree, new_tree, {});
///     qspec::diff::write_text(d, std::cout, false);
///
/// Matching, in order: (1) nodes of the same kind with the same content,
/// preferring the same id, then (2) nodes with the same id whose texts are
/// similar, then (3) the rest by text similarity, found through an index of
/// words (no comparison of every pair). Similarity is the Dice coefficient
/// of the two texts' word sets after normalisation (NFKC case folding;
/// curly quotes, dashes, whitespace and line-wrap hyphenation made plain;
/// words by ICU word segmentation). Pairs below `threshold` are not matched.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "qspec/model/tree.hpp"

namespace qspec::diff {

struct options {
  double threshold = 0.5;  ///< minimum similarity (0–1) for nodes matched by text alone
};

enum class op { added, removed, modified, moved, renumbered };
[[nodiscard]] std::string_view to_string(op o);

/// A run of words kept, removed or added.
struct word_run {
  enum class type { equal, removed, added } what = type::equal;
  std::string text;
};

struct field_change {
  std::string field;
  std::string before, after;     ///< texts (numbers and lists written out)
  std::vector<word_run> words;   ///< word-level differences of before and after
};

/// One side of a change: the node as it is in one catalogue.
struct side {
  std::string id;
  source_span span;
  std::string number;   ///< its number or letter, when it has one
  std::string label;    ///< a short text naming it (title, text…)
};

struct change {
  op what = op::modified;
  std::string kind;
  std::optional<side> before, after;
  std::vector<field_change> fields;
  std::string detail;                ///< e.g. "group optional -> mandatory"
  std::vector<std::string> context;  ///< ids of the enclosing nodes, outermost first
};

struct result {
  std::string old_name, new_name;
  std::vector<change> changes;
  std::size_t old_nodes = 0, new_nodes = 0;
};

[[nodiscard]] result compare(const tree::node& old_root, const tree::node& new_root, const options& o = {});

/// Normalised words of a text, as matching sees them.
[[nodiscard]] std::vector<std::string> words_of(std::string_view text);
/// Word-level differences between two texts (words and the spaces between them kept).
[[nodiscard]] std::vector<word_run> word_diff(std::string_view before, std::string_view after);

/// Text report: a summary, then each change; ANSI colour when `colour`.
void write_text(const result& r, std::ostream& out, bool colour);
/// The changes as a tree (kind "diff", children "change"), for JSON and YAML.
[[nodiscard]] tree::node to_tree(const result& r);
/// One self-contained HTML page: summary, then old and new side by side.
void write_html(const result& r, std::ostream& out);

}  // namespace qspec::diff
