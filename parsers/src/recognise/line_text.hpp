#pragma once
// Small text helpers the recognisers share: trimming (spaces, tabs, no-break
// spaces), ASCII case-insensitive search, and spans of sub-strings.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

/// What separates the cells of a table row: '|' for a markdown row
/// `| a | b |` (how the readers write a table's row), '\t' for cells a tab
/// apart (a table copied as text); 0 when the line is no row.
inline char row_separator(std::string_view line) {
  auto t = trim(line);
  if (t.size() >= 2 && t.front() == '|' && t.back() == '|') return '|';
  return line.find('\t') != std::string_view::npos ? '\t' : 0;
}

/// The cells of a table row, each trimmed (a markdown row without its outer
/// bars); a line that is no row is one cell.
inline std::vector<std::string_view> split_row(std::string_view line) {
  std::vector<std::string_view> cells;
  const char sep = row_separator(line);
  if (sep == '|') {
    line = trim(line);
    line = line.substr(1, line.size() - 2);
  }
  std::size_t from = 0;
  while (true) {
    auto at = sep ? line.find(sep, from) : std::string_view::npos;
    cells.push_back(trim(line.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from)));
    if (at == std::string_view::npos) break;
    from = at + 1;
  }
  return cells;
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

/// Whether `s` opens with `w`, ASCII case ignored (no copy made).
inline bool starts_with_ci(std::string_view s, std::string_view w) {
  return s.size() >= w.size() && find_ci(s.substr(0, w.size()), w) == 0;
}
/// Whether `a` and `b` are equal, ASCII case ignored (no copy made).
inline bool equals_ci(std::string_view a, std::string_view b) { return a.size() == b.size() && starts_with_ci(a, b); }

/// The words of a profile's field `name` (its labels: a recogniser's vocabulary read from its
/// profile), none where the profile has no such field.
inline const std::vector<std::string>& field_words(const profile& p, std::string_view name) {
  static const std::vector<std::string> none;
  for (const auto& f : p.fields)
    if (f.name == name) return f.labels;
  return none;
}

/// The length of the first of a profile field's words that opens `text`, case ignored (with
/// `whole_word`, followed by a space or the text's end: "March 2021", not "Marcher"); 0 for none.
inline std::size_t opening_word(const profile& p, std::string_view name, std::string_view text, bool whole_word = false) {
  for (const auto& w : field_words(p, name))
    if (starts_with_ci(text, w) && (!whole_word || text.size() == w.size() || text[w.size()] == ' ')) return w.size();
  return 0;
}

/// Whether `text` holds any of a profile field's words, case ignored.
inline bool holds_word(const profile& p, std::string_view name, std::string_view text) {
  const auto& words = field_words(p, name);
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return has_ci(text, w); });
}

/// Span of text[off, off+len) when `text` is a view into the source; the
/// fallback otherwise (text rebuilt from markup).
inline source_span sub_span(const parse_context& ctx, std::string_view text, std::size_t off, std::size_t len,
                            const source_span& fallback) {
  const char* base = ctx.src.data();
  if (text.data() < base || text.data() + text.size() > base + ctx.src.size() || len == 0) return fallback;
  auto b = static_cast<std::uint32_t>(text.data() - base + off);
  return ctx.span(b, b + static_cast<std::uint32_t>(len));
}

/// A unit's id from its code: "LMC B2" -> "LMC-B2" (gaps become one hyphen).
inline std::string unit_id(std::string_view code) {
  std::string id;
  for (char c : code) {
    if (is_gap(c)) {
      if (!id.empty() && id.back() != '-') id.push_back('-');
    } else {
      id.push_back(c);
    }
  }
  return id;
}

/// The end of a text joined from parts, as a repair shows it: the whole text up to `limit` bytes,
/// else its last `limit` bytes or so, from a word's start ("… the two parts are joined" said at each
/// page break of a paragraph of many pages does not repeat the whole paragraph each time).
inline std::string_view joined_tail(std::string_view joined, std::size_t limit = 2000) {
  if (joined.size() <= limit) return joined;
  const auto start = joined.size() - limit;
  auto from = joined.find(' ', start);  // (a word's start: a space is never inside a character)
  if (from != std::string_view::npos && from + 1 < joined.size()) return joined.substr(from + 1);
  from = start;  // (no space: a character's start, not one of its continuation bytes)
  while (from < joined.size() && (static_cast<unsigned char>(joined[from]) & 0xC0) == 0x80) ++from;
  return joined.substr(from);
}

/// Records line l as furniture of a role ("navigation", "table_header"…):
/// marked as such, with its trimmed text and an id from the stem (the role
/// by default, "_" as "-") and the line number.
inline void mark_furniture(parse_context& ctx, std::uint32_t l, std::string_view role, std::string_view stem = {}) {
  ctx.use[l] = line_use::furniture;
  auto [b, e] = trimmed(ctx, l);
  furniture f;
  f.id = "furniture/" + std::string(stem.empty() ? role : stem) + "-" + std::to_string(l + 1);
  for (auto& c : f.id)
    if (c == '_') c = '-';
  f.id = ctx.ids.claim(std::move(f.id));
  f.span = ctx.span(b, e);
  f.role = role;
  f.text = ctx.src.substr(b, e - b);
  ctx.furniture_items.push_back(std::move(f));
}

}  // namespace qspec
