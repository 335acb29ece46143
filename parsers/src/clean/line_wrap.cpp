#include "clean/line_wrap.hpp"

#include <algorithm>
#include <functional>
#include <vector>

#include "clean/rich_text.hpp"
#include "recognise/context.hpp"
#include "recognise/vocabulary.hpp"

namespace qspec {
namespace {

/// Where line `text`'s characters end, in bytes from its start (spaces after them not counted).
std::size_t end_of(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  return line.size();
}

std::size_t indent_of(std::string_view line) { return std::min(line.find_first_not_of(" \t"), line.size()); }

/// The characters in a line's first `bytes` bytes: a wrap is measured in characters, and "•", "’" or
/// "–" is one however many bytes UTF-8 gives it.
std::size_t chars(std::string_view line, std::size_t bytes) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < bytes && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++n;
  return n;
}

/// A sentence's end: unlike vocab::ends_sentence, not ";" (a list "…; …;" wraps like any text).
bool ends_sentence(std::string_view t) {
  while (!t.empty() && (t.back() == ' ' || t.back() == '*' || t.back() == '\r')) t.remove_suffix(1);
  if (t.empty()) return false;
  const char c = t.back();
  return c == '.' || c == '!' || c == '?' || c == ':';
}

using vocab::starts_lower;

}  // namespace

std::size_t characters(std::string_view text) { return chars(text, text.size()); }

line_wrap line_wrap::measure(const parse_context& ctx) {
  line_wrap w;
  std::vector<std::size_t> widths, ends;
  // where the last row of columns set with spaces has its second column: a line set in that far
  // under it, or under such a line, is a cell's text going on, as narrow as its column
  std::size_t column = 0;
  for (std::uint32_t l = 0; l < ctx.lines.count(); ++l) {
    if (ctx.use[l] == line_use::blank || ctx.use[l] == line_use::furniture) continue;
    const auto line = ctx.lines.line(l);
    // (a table's row is no wrapped text: its cells run as long as they are)
    if (line.find('\t') != std::string_view::npos || line.find('|') != std::string_view::npos) continue;
    const auto e = end_of(line);
    const auto indent = indent_of(line);
    // (nor is a row of columns set with spaces: a gap of three or more after two words or more,
    // not after a bullet or a label alone, "•   text", "P1      text")
    if (const auto gap = line.substr(0, e).find("   ", indent);
        gap < e && line.substr(indent, gap - indent).find(' ') != std::string_view::npos) {
      column = chars(line, line.find_first_not_of(' ', gap));
      continue;
    }
    if (column > 0 && indent >= column) continue;
    column = 0;
    ends.push_back(chars(line, e));
    widths.push_back(chars(line, e) - chars(line, std::min(indent, e)));
  }
  if (widths.empty()) return w;
  auto at = widths.begin() + static_cast<std::ptrdiff_t>(widths.size() * 9 / 10);
  std::nth_element(widths.begin(), at, widths.end());
  w.width = *at;
  std::sort(ends.begin(), ends.end(), std::greater<>());
  const std::size_t several = std::max<std::size_t>(3, ends.size() / 20);
  for (std::size_t i = 0; i < ends.size(); ++i) {
    const auto reach = std::upper_bound(ends.begin(), ends.end(), ends[i] >= 3 ? ends[i] - 3 : 0, std::greater<>());
    if (static_cast<std::size_t>(reach - ends.begin()) >= several) {
      w.edge = ends[i];
      break;
    }
  }
  return w;
}

bool line_wrap::full(const parse_context& ctx, std::uint32_t l, std::string_view next, std::size_t text_width) const {
  if (text_width == 0) text_width = width;
  if (l >= ctx.lines.count() || text_width == 0) return false;
  const auto above = ctx.lines.line(l);
  if (above.find('\t') != std::string_view::npos || above.find('|') != std::string_view::npos) return false;
  const std::size_t word = chars(next, std::min(next.find(' '), next.size()));
  const auto e = chars(above, end_of(above));
  const auto indent = chars(above, std::min(indent_of(above), end_of(above)));
  return (edge > 0 && e + 1 + word > edge) || e - indent + 1 + word > text_width;
}

std::size_t line_wrap::block_width(const parse_context& ctx, std::uint32_t l) {
  // the lines next to l with no blank line between, each way up to a bound
  constexpr std::uint32_t reach = 40;
  auto text_line = [&](std::uint32_t k) {
    return k < ctx.lines.count() && ctx.use[k] != line_use::blank && ctx.use[k] != line_use::furniture;
  };
  std::size_t widest = 0;
  for (std::uint32_t k = l, n = 0; text_line(k) && n < reach; ++n) {
    widest = std::max(widest, chars(ctx.lines.line(k), end_of(ctx.lines.line(k))));
    if (k == 0) break;
    --k;
  }
  for (std::uint32_t k = l + 1, n = 0; text_line(k) && n < reach; ++k, ++n)
    widest = std::max(widest, chars(ctx.lines.line(k), end_of(ctx.lines.line(k))));
  return widest;
}

bool line_wrap::goes_on(const parse_context& ctx, std::uint32_t l, std::string_view next) const {
  if (next.empty() || l + 1 >= ctx.lines.count() || width == 0) return false;
  // (a page break between: the text going on over it is a repair, said where it is made)
  const auto& pages = ctx.lines.page_starts();
  if (std::binary_search(pages.begin(), pages.end(), l + 1)) return false;
  const auto above = ctx.lines.line(l);
  if (above.find('\t') != std::string_view::npos || above.find('|') != std::string_view::npos) return false;
  const auto e = end_of(above);
  const auto text = above.substr(0, e);
  if (clean::ends_html_block(text)) return false;
  const bool lower = starts_lower(next);
  if (ends_sentence(text) && !lower) {
    // a sentence that ends at the wrap, inside a paragraph wrapped over lines: the line too full
    // for the next one's first word, and the paragraph wrapped into it from the line above, or
    // on from the next line into the one after, which begins in lower case ("… the Sector Skills
    // Council." / "It will provide …"; "… facilitation skills." / "And, more importantly, … people" /
    // "accessing care services …")
    // (not a lead-in's colon, nor over a short line: a heading under a paragraph's full last line)
    if (text.back() == ':' || 2 * chars(next, end_of(next)) < width || !full(ctx, l, next)) return false;
    auto text_at = [&](std::uint32_t k) {
      return k < ctx.lines.count() && ctx.use[k] != line_use::blank && ctx.use[k] != line_use::furniture &&
             !std::binary_search(pages.begin(), pages.end(), k);
    };
    auto trimmed_line = [&](std::uint32_t k) {
      const auto t = ctx.lines.line(k).substr(0, end_of(ctx.lines.line(k)));
      return t.substr(std::min(t.find_first_not_of(" \t"), t.size()));
    };
    const bool from_above = l > 0 && text_at(l - 1) && text_at(l) && !ends_sentence(trimmed_line(l - 1)) &&
                            full(ctx, l - 1, trimmed_line(l));
    const bool on_below = text_at(l + 1) && text_at(l + 2) && starts_lower(trimmed_line(l + 2)) &&
                          !ends_sentence(trimmed_line(l + 1)) && full(ctx, l + 1, trimmed_line(l + 2));
    return from_above || on_below;
  }
  // a label and its value of a word or two ("Number of credits that must be achieved: 90") ends
  // with the value: a line under it that begins with a capital is a line of its own
  if (const auto colon = text.rfind(": "); colon != std::string_view::npos && !lower &&
      std::count(text.begin() + static_cast<std::ptrdiff_t>(colon) + 2, text.end(), ' ') <= 1)
    return false;
  const auto e_chars = chars(above, e);
  if (lower ? 2 * (e_chars - chars(above, std::min(indent_of(above), e))) >= width : full(ctx, l, next)) return true;
  // a paragraph wrapped among longer lines (one paragraph of a PDF's text pasted among lines that
  // are paragraphs each): too full for the word against the widest line of its own block, give or
  // take an eighth (a proportional font's lines differ in characters), where that is a paragraph's
  // width and not a list's of short lines
  const auto widest = block_width(ctx, l);
  const std::size_t word = chars(next, std::min(next.find(' '), next.size()));
  return widest >= min_block_width && (lower ? 2 * e_chars >= widest : e_chars + 1 + word + widest / 8 > widest);
}

}  // namespace qspec
