// Running page headers: a PDF conversion repeats the page header as a line of
// its own wherever a page broke (seed 002: "**F36J 04 (LMC B2) … well being
// of people**", sometimes wrapped over two lines). A header is a short line
// standing alone between blank lines whose text recurs at least three times;
// the document's first line keeps its place as the title.
#include <string>
#include <unordered_map>

#include "recognise/context.hpp"

namespace qspec {
namespace {

constexpr std::size_t max_header_bytes = 300;
constexpr std::uint32_t min_repeats = 3;
// Shorter repeated lines are form fields ("Date: .....") or labels, not headers.
constexpr std::size_t min_header_key = 20;

/// The text of a line with decoration and spacing folded away.
std::string header_key(std::string_view line) {
  std::string key;
  key.reserve(line.size());
  bool gap = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    bool space = c == ' ' || c == '\t';
    if (c == '\xC2' && i + 1 < line.size() && line[i + 1] == '\xA0') {
      space = true;
      ++i;
    }
    if (space) {
      gap = true;
      continue;
    }
    if (c == '*' || c == '#' || c == '_') continue;
    if (gap && !key.empty()) key.push_back(' ');
    gap = false;
    key.push_back(c);
  }
  return key;
}

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\xC2' && c != '\xA0') return false;
  return true;
}

}  // namespace

void mark_page_furniture(parse_context& ctx) {
  const std::uint32_t n = ctx.lines.count();
  std::vector<std::string> keys(n);
  std::unordered_map<std::string_view, std::uint32_t> counts;
  std::uint32_t first_content = n;
  for (std::uint32_t l = 0; l < n; ++l) {
    auto line = ctx.lines.line(l);
    if (is_blank(line)) {
      ctx.use[l] = line_use::blank;
      continue;
    }
    if (first_content == n) first_content = l;
  }
  // Only a line next to a blank line can be (half of) a header standing alone.
  for (std::uint32_t l = 0; l < n; ++l) {
    if (ctx.use[l] == line_use::blank) continue;
    const bool blank_before = l == 0 || ctx.use[l - 1] == line_use::blank;
    const bool blank_after = l + 1 >= n || ctx.use[l + 1] == line_use::blank;
    if (!blank_before && !blank_after) continue;
    auto line = ctx.lines.line(l);
    if (line.size() <= max_header_bytes && line.find('\t') == std::string_view::npos) {
      keys[l] = header_key(line);
      if (keys[l].size() < min_header_key / 2) keys[l].clear();  // too short even as half a wrapped header
    }
  }
  auto blank_or_edge = [&](std::int64_t l) { return l < 0 || l >= n || ctx.use[static_cast<std::uint32_t>(l)] == line_use::blank; };
  for (std::uint32_t l = 0; l < n; ++l)
    if (!keys[l].empty() && blank_or_edge(std::int64_t(l) - 1) && blank_or_edge(std::int64_t(l) + 1)) ++counts[keys[l]];

  auto record = [&](std::uint32_t first, std::uint32_t last) {
    for (auto l = first; l <= last; ++l) ctx.use[l] = line_use::furniture;
    furniture f;
    f.id = "furniture/page-header-" + std::to_string(first + 1);
    auto b = ctx.lines.content(first).first;
    auto e = ctx.lines.content(last).second;
    f.span = ctx.span(b, e);
    f.role = "page_header";
    f.text = ctx.lines.line(first);
    ctx.furniture_items.push_back(std::move(f));
  };
  for (std::uint32_t l = 0; l < n; ++l) {
    if (keys[l].empty() || l == first_content) continue;
    if (!blank_or_edge(std::int64_t(l) - 1)) continue;
    auto it = counts.find(keys[l]);
    if (keys[l].size() >= min_header_key && it != counts.end() && it->second >= min_repeats &&
        blank_or_edge(std::int64_t(l) + 1)) {
      record(l, l);
      continue;
    }
    // a header wrapped onto a second line
    if (l + 1 < n && !keys[l + 1].empty() && blank_or_edge(std::int64_t(l) + 2)) {
      std::string joined = keys[l] + " " + keys[l + 1];
      auto jt = counts.find(joined);
      if (jt != counts.end() && jt->second >= min_repeats) {
        record(l, l + 1);
        ++l;
      }
    }
  }
}

}  // namespace qspec
