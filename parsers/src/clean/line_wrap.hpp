#pragma once
// Hard-wrapped text: a PDF's text (pdftotext), a plain-text export or an
// e-mail breaks each paragraph into lines at a width, so that one paragraph
// is several lines with no blank line between them. The width is measured
// once per document; a recogniser reading paragraphs line by line asks
// whether a line was cut by the wrap, its text going on on the next line.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace qspec {

struct parse_context;

struct line_wrap {
  /// The width most lines' texts reach (the 90th percentile of their lengths, so that one long
  /// line left unwrapped does not stand for it), in characters; 0 for a text of no lines.
  std::size_t width = 0;
  /// The furthest end, indents counted, that several lines reach (three at least, or one in
  /// twenty, ending there or at most three characters before it): text set with spaces (pdftotext
  /// -layout) wraps at a column's edge however far in a line begins. 0 for a text of fewer lines.
  std::size_t edge = 0;

  /// Measures the lines that are not blank and not furniture.
  static line_wrap measure(const parse_context& ctx);

  /// Whether line `l` (of `ctx`) is too full for the first word of `next`: its text was cut by
  /// the wrap there. A line holding a tab or a table's pipe is no wrapped text. `text_width`, where
  /// given, stands for `width` (a recogniser's own measure of the texts it reads).
  [[nodiscard]] bool full(const parse_context& ctx, std::uint32_t l, std::string_view next,
                          std::size_t text_width = 0) const;

  /// Whether the text of line `l` goes on at `next`, the text of line l + 1 (no blank line and no
  /// page break between them): `l` ends no sentence (or `next` begins in lower case) and is too
  /// full for `next`'s first word, or reaches half the width and `next` begins in lower case; or
  /// `l` ends a sentence (not a lead-in's colon) where the wrap cut a paragraph: too full for the
  /// word, `next` of half the width or more, the paragraph wrapped into `l` from the line above or
  /// on from `next` into a line after it that begins in lower case.
  /// Too full: against the document's width, or against the widest line of the lines next to it
  /// (no blank line between) where that is a paragraph's width, `min_block_width` characters or more.
  /// What `next` opens (an item's label, a bullet, a heading) is the caller's to rule out.
  [[nodiscard]] bool goes_on(const parse_context& ctx, std::uint32_t l, std::string_view next) const;

  static constexpr std::size_t min_block_width = 50;

 private:
  /// The furthest end, indents counted, of the lines next to line `l` with no blank line between.
  static std::size_t block_width(const parse_context& ctx, std::uint32_t l);
};

/// The characters of a UTF-8 text (not its bytes), as wrap widths count them.
[[nodiscard]] std::size_t characters(std::string_view text);

}  // namespace qspec
