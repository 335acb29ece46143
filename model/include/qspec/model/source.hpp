#pragma once
/// Source positions and spans. A column counts Unicode code points of the
/// decoded, NFC-normalised line, starting at 1; an end position is inclusive:
/// it names the last character of the span (as cmark's --sourcepos does).
#include <cstdint>
#include <string>

namespace qspec {

struct source_position {
  std::uint32_t line = 0;    ///< 1-based; 0 means "no position"
  std::uint32_t column = 0;  ///< 1-based, in code points

  friend bool operator==(const source_position&, const source_position&) = default;
  friend auto operator<=>(const source_position&, const source_position&) = default;
};

struct source_span {
  source_position begin;
  source_position end;  ///< inclusive: the last character of the span

  [[nodiscard]] bool empty() const { return begin.line == 0; }
  friend bool operator==(const source_span&, const source_span&) = default;
};

/// The smallest span covering both; an empty span on either side is ignored.
inline source_span merge(const source_span& a, const source_span& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return {a.begin < b.begin ? a.begin : b.begin, a.end < b.end ? b.end : a.end};
}

/// Where one line of converted text came from in a file that is not text
/// (HTML, XML, DOCX, PDF, XLSX), or in a double-spaced text read without its
/// blank lines (its line alone). The fields that apply to the file's format
/// are set; the others stay 0. Spans count lines of the converted text
/// (what `qspec text FILE` prints); a document's origins map each of those
/// lines back into the file.
struct source_origin {
  std::uint32_t page = 0;       ///< PDF page, 1-based
  std::uint32_t sheet = 0;      ///< XLSX sheet, 1-based
  std::uint32_t paragraph = 0;  ///< DOCX paragraph of the body (those in tables counted), 1-based
  std::uint32_t row = 0;        ///< table row (DOCX table, XLSX sheet), 1-based
  std::uint32_t cell = 0;       ///< cell in that row, 1-based
  std::uint32_t line = 0;       ///< HTML/XML source line; PDF line of the page's text
  std::uint32_t column = 0;     ///< HTML/XML source column (bytes), 1-based

  [[nodiscard]] bool empty() const { return !page && !sheet && !paragraph && !row && !cell && !line && !column; }
  friend bool operator==(const source_origin&, const source_origin&) = default;
};

/// "page 3, line 14", "paragraph 12", "sheet 1, row 4, cell 2",
/// "line 120, column 5": the fields that are set, in that order.
[[nodiscard]] std::string describe(const source_origin& o);

}  // namespace qspec
