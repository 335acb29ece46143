#pragma once
// Small text helpers the recognisers share: trimming (spaces, tabs, no-break
// spaces), ASCII case-insensitive search, and spans of sub-strings.
#include <cstdint>
#include <string_view>
#include <utility>

#include "recognise/context.hpp"

namespace qspec {

inline bool is_gap(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/// Without leading and trailing spaces, tabs and no-break spaces.
inline std::string_view trim(std::string_view s) {
  while (true) {
    if (!s.empty() && is_gap(s.front())) s.remove_prefix(1);
    else if (s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
    else if (!s.empty() && is_gap(s.back())) s.remove_suffix(1);
    else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
    else return s;
  }
}

/// Trimmed [begin, end) of line l in the source.
inline std::pair<std::uint32_t, std::uint32_t> trimmed(const parse_context& ctx, std::uint32_t l) {
  auto [b, e] = ctx.lines.content(l);
  auto t = trim(ctx.src.substr(b, e - b));
  auto tb = static_cast<std::uint32_t>(t.data() - ctx.src.data());
  return {tb, tb + static_cast<std::uint32_t>(t.size())};
}

inline std::size_t find_ci(std::string_view hay, std::string_view needle, std::size_t from = 0) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size()) {
      char a = hay[i + k], b = needle[k];
      if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
      if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
      if (a != b) break;
      ++k;
    }
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

inline bool has_ci(std::string_view hay, std::string_view needle) { return find_ci(hay, needle) != std::string_view::npos; }

/// Span of text[off, off+len) when `text` is a view into the source; the
/// fallback otherwise (text rebuilt from markup).
inline source_span sub_span(const parse_context& ctx, std::string_view text, std::size_t off, std::size_t len,
                            const source_span& fallback) {
  const char* base = ctx.src.data();
  if (text.data() < base || text.data() + text.size() > base + ctx.src.size() || len == 0) return fallback;
  auto b = static_cast<std::uint32_t>(text.data() - base + off);
  return ctx.span(b, b + static_cast<std::uint32_t>(len));
}

}  // namespace qspec
