#pragma once
// Pages laid out with a narrow column of headings beside the content, as a
// conversion that keeps positions prints them (pdftotext -layout of the UK
// standards site's PDFs):
//
//     Performance               You must be able to:
//     criteria
//                               P1      maintain your responsibilities …
//
// The content starts at one column (the gutter) on most lines; the heading
// column holds a few words before it. Read in order, the heading comes first
// ("Performance criteria", its pieces joined), then the content beside it.
#include <cstdint>
#include <vector>

#include "recognise/context.hpp"

namespace qspec {

/// Where a line's pieces lie in the source: the heading column's [lb, le)
/// (empty when lb == le) and the content's [rb, re).
struct line_pieces {
  std::uint32_t lb = 0, le = 0, rb = 0, re = 0;
  [[nodiscard]] bool has_left() const { return lb < le; }
  [[nodiscard]] bool has_right() const { return rb < re; }
};

/// The column (in bytes from the line start) where the content starts on a
/// page laid out with a heading column beside it, or 0 when the document is
/// not laid out so.
[[nodiscard]] std::uint32_t find_gutter(const parse_context& ctx);

/// Line l cut at the gutter: the heading column's text and the content's.
/// A line with text across the gutter, or whose heading-column text is an
/// item label ("1.   text"), is all content.
[[nodiscard]] line_pieces split_at_gutter(const parse_context& ctx, std::uint32_t l, std::uint32_t gutter);

/// The pieces of every line in reading order: a run of lines with text in
/// the heading column gives one heading (its pieces, to be joined), then the
/// content of those lines. Each entry is a line number and a byte range.
struct column_piece {
  std::uint32_t line;
  std::uint32_t begin, end;
  bool heading;       ///< from the heading column
  bool joins_before;  ///< a heading piece that goes on the heading piece before it
};
[[nodiscard]] std::vector<column_piece> read_in_column_order(const parse_context& ctx, std::uint32_t gutter);

}  // namespace qspec
