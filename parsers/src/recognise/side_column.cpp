// See side_column.hpp.
#include "recognise/side_column.hpp"

#include <algorithm>
#include <array>

#include "grammar/lines.hpp"
#include "recognise/line_text.hpp"

namespace qspec {

namespace {
/// An item's label printed before a gap ("1.      text", "P1   text", "Duty 4   text"), not a
/// heading: a bare number or letter, a short prefix, or a word before a number. A code glued
/// together ("SKAHDB12") is a heading column's text.
bool is_item_label(std::string_view text) {
  auto m = grammar::match_item_label(text);
  if (!m || m->rest < text.size()) return false;
  return m->value.prefix.size() <= 3 || text.find(' ') != std::string_view::npos;
}

constexpr std::uint32_t min_gutter = 10;    // a heading column is at least a word wide
constexpr std::uint32_t max_gutter = 60;    // and narrower than the page
constexpr std::uint32_t min_gap = 2;        // spaces between the columns
constexpr std::uint32_t min_headings = 2;   // lines with text in the heading column
}  // namespace

std::uint32_t find_gutter(const parse_context& ctx) {
  const std::uint32_t n = std::min<std::uint32_t>(ctx.lines.count(), 5000);
  // the page's left margin: the indent every line of text begins at or beyond (pdftotext -layout
  // keeps the page's margin as spaces; a running header left of it is furniture by now); an
  // indent to the margin is no gap between columns
  std::uint32_t margin = max_gutter;
  for (std::uint32_t l = 0; l < n && margin > 0; ++l) {
    if (ctx.use[l] == line_use::furniture) continue;
    auto [b, e] = ctx.lines.content(l);
    std::string_view line = ctx.src.substr(b, e - b);
    const auto first = line.find_first_not_of(' ');
    if (first != std::string_view::npos) margin = std::min(margin, static_cast<std::uint32_t>(first));
  }
  if (margin == max_gutter) margin = 0;
  // how many lines have text starting at each column after a run of spaces
  std::array<std::uint32_t, max_gutter + 1> starts{};
  std::uint32_t nonblank = 0;
  for (std::uint32_t l = 0; l < n; ++l) {
    auto [b, e] = ctx.lines.content(l);
    std::string_view line = ctx.src.substr(b, e - b);
    if (trim(line).empty()) continue;
    if (line.find('\t') != std::string_view::npos) return 0;  // tab cells are read as cells
    ++nonblank;
    std::uint32_t spaces = 0;
    for (std::uint32_t i = 0; i < line.size() && i <= max_gutter; ++i) {
      if (line[i] == ' ') {
        ++spaces;
        continue;
      }
      if (i >= margin + min_gutter && (spaces >= min_gap + 1 || spaces == i)) {
        ++starts[i];
        break;  // the first wide gap only
      }
      spaces = 0;
    }
  }
  auto best = std::max_element(starts.begin(), starts.end());
  const auto gutter = static_cast<std::uint32_t>(best - starts.begin());
  if (*best < 4 || *best * 4 < nonblank) return 0;
  // the heading column must hold text on a few lines, else it is only an indent
  std::uint32_t headings = 0;
  for (std::uint32_t l = 0; l < n && headings < min_headings; ++l)
    if (split_at_gutter(ctx, l, gutter).has_left()) ++headings;
  return headings >= min_headings ? gutter : 0;
}

line_pieces split_at_gutter(const parse_context& ctx, std::uint32_t l, std::uint32_t gutter) {
  auto [b, e] = ctx.lines.content(l);
  std::string_view line = ctx.src.substr(b, e - b);
  auto [tb, te] = trimmed(ctx, l);
  line_pieces p{tb, tb, tb, te};
  if (gutter == 0 || tb == te) return p;
  if (line.size() <= gutter) {
    // a short line before the gutter: a heading's piece ("criteria" under "Performance"), unless it
    // is two columns of its own ("Level:      3")
    if (trim(line).find("   ") != std::string_view::npos) return p;
    if (is_item_label(trim(line))) return p;
    p.lb = tb, p.le = te, p.rb = p.re = te;
    return p;
  }
  // the heading column's text must end before the gutter with a gap after it
  if (gutter <= min_gap) return p;
  for (std::uint32_t i = gutter - min_gap; i < gutter; ++i)
    if (line[i] != ' ') return p;
  if (line[gutter] == ' ') {
    // the content starts further right (an item's wrapped text): the whole line unless text sits left
    if (trim(line.substr(0, gutter)).empty()) return p;
  }
  std::string_view left = trim(line.substr(0, gutter));
  if (left.empty()) return p;
  if (is_item_label(left)) return p;  // "1.      text"
  p.lb = static_cast<std::uint32_t>(left.data() - ctx.src.data());
  p.le = p.lb + static_cast<std::uint32_t>(left.size());
  std::string_view right = trim(line.substr(gutter));
  p.rb = right.empty() ? p.le : static_cast<std::uint32_t>(right.data() - ctx.src.data());
  p.re = p.rb + static_cast<std::uint32_t>(right.size());
  return p;
}

std::vector<column_piece> read_in_column_order(const parse_context& ctx, std::uint32_t gutter) {
  std::vector<column_piece> out;
  const std::uint32_t n = ctx.lines.count();
  for (std::uint32_t l = 0; l < n;) {
    auto p = split_at_gutter(ctx, l, gutter);
    if (!p.has_left()) {
      if (p.has_right()) out.push_back({l, p.rb, p.re, false, false});
      ++l;
      continue;
    }
    // a run of lines with heading-column text: the heading first, then the content beside it
    std::vector<line_pieces> run{p};
    std::uint32_t end = l + 1;
    while (end < n) {
      auto q = split_at_gutter(ctx, end, gutter);
      if (!q.has_left()) break;
      run.push_back(q);
      ++end;
    }
    for (std::uint32_t i = 0; i < run.size(); ++i)
      out.push_back({l + i, run[i].lb, run[i].le, true, i > 0});
    for (std::uint32_t i = 0; i < run.size(); ++i)
      if (run[i].has_right()) out.push_back({l + i, run[i].rb, run[i].re, false, false});
    l = end;
  }
  return out;
}

}  // namespace qspec
