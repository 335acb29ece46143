#pragma once
/// Source positions and spans. A column counts Unicode code points of the
/// decoded, NFC-normalised line, starting at 1; an end position is inclusive:
/// it names the last character of the span (as cmark's --sourcepos does).
#include <cstdint>

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

}  // namespace qspec
