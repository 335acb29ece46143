// Running page headers: a PDF conversion repeats the page header as a line of
// its own wherever a page broke (seed 002: "**F36J 04 (LMC B2) … well being
// of people**", sometimes wrapped over two lines). A header is a line standing
// alone between blank lines whose text recurs at least three times, and which
// names something: it holds a digit (a code, a page number) or repeats the
// document's first line, and is not a long sentence. Repeated labels such as "Knowledge requirements" or
// "Guidance notes:" (seed 004) are structure, not furniture, and stay content.
// The document's first line itself keeps its place as the title.
#include <string>
#include <unordered_map>

#include "recognise/context.hpp"

namespace qspec {
namespace {

constexpr std::size_t max_header_bytes = 300;
constexpr std::uint32_t min_repeats = 3;
// A repeated line ending with "." and longer than this is a sentence of the text, not a header.
constexpr std::size_t max_header_sentence = 120;
// Shorter repeated lines are form fields ("Date: .....") or labels, not headers.
constexpr std::size_t min_header_key = 20;

/// A hash of the text of a line with decoration and spacing folded away
/// (FNV-1a, 64 bits), continuing from `seed` so that two lines of a wrapped
/// header hash as one. Lines are compared by this hash alone: with 64 bits a
/// false match between two different lines is not a practical concern.
struct key_hash {
  std::uint64_t value = 14695981039346656037ull;
  std::size_t length = 0;
  bool digit = false;      // the text holds a digit
  bool item = false;       // it opens like a list item or a numbered point ("4. ", "- ", "(a) ")
  char last = 0;           // its last character
  void add(char c) {
    value = (value ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    ++length;
    digit = digit || (c >= '0' && c <= '9');
    last = c;
  }
};

/// "4. text", "12) text", "- text", "• text", "(a) text": a numbered point or
/// a list item, never a running header however often it repeats.
bool opens_like_item(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  line.remove_prefix(i);
  if (line.substr(0, 2) == "- " || line.substr(0, 4) == "\xE2\x80\xA2 ") return true;
  if (line.size() >= 4 && line[0] == '(' && line[2] == ')' && line[3] == ' ') return true;
  std::size_t d = 0;
  while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
  return d > 0 && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ';
}

key_hash header_key(std::string_view line, key_hash h = {}) {
  if (h.length == 0) h.item = opens_like_item(line);
  bool gap = h.length > 0;  // continuing: the two lines are joined by a space
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
    if (gap && h.length > 0) h.add(' ');
    gap = false;
    h.add(c);
  }
  return h;
}

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\xC2' && c != '\xA0') return false;
  return true;
}

}  // namespace

void mark_page_furniture(parse_context& ctx) {
  const std::uint32_t n = ctx.lines.count();
  std::vector<key_hash> keys(n);
  std::unordered_map<std::uint64_t, std::uint32_t> counts;
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
      if (keys[l].length < min_header_key / 2) keys[l] = {};  // too short even as half a wrapped header
    }
  }
  auto blank_or_edge = [&](std::int64_t l) { return l < 0 || l >= n || ctx.use[static_cast<std::uint32_t>(l)] == line_use::blank; };
  for (std::uint32_t l = 0; l < n; ++l)
    if (keys[l].length && blank_or_edge(std::int64_t(l) - 1) && blank_or_edge(std::int64_t(l) + 1))
      ++counts[keys[l].value];

  const std::uint64_t title = first_content < n ? keys[first_content].value : 0;
  // whether a recurring text looks like a running header rather than a label
  auto names_something = [&](const key_hash& k) {
    // a long sentence ("Learners will take a total of 10–12 units … (GLH).", repeated under each
    // structure) is content, however often it recurs; a header is short ("© Body 2020, Issue 3.")
    const bool sentence = k.last == '.' && k.length > max_header_sentence;
    return k.last != ':' && !sentence && !k.item &&
           (k.digit || (first_content < n && k.value == title && keys[first_content].length));
  };
  auto record = [&](std::uint32_t first, std::uint32_t last) {
    for (auto l = first; l <= last; ++l) ctx.use[l] = line_use::furniture;
    furniture f;
    f.id = ctx.ids.claim("furniture/page-header-" + std::to_string(first + 1));
    auto b = ctx.lines.content(first).first;
    auto e = ctx.lines.content(last).second;
    f.span = ctx.span(b, e);
    f.role = "page_header";
    f.text = ctx.lines.line(first);
    ctx.furniture_items.push_back(std::move(f));
  };
  for (std::uint32_t l = 0; l < n; ++l) {
    if (!keys[l].length || l == first_content) continue;
    if (!blank_or_edge(std::int64_t(l) - 1)) continue;
    auto it = counts.find(keys[l].value);
    if (keys[l].length >= min_header_key && it != counts.end() && it->second >= min_repeats &&
        blank_or_edge(std::int64_t(l) + 1) && names_something(keys[l])) {
      record(l, l);
      continue;
    }
    // a header wrapped onto a second line
    if (l + 1 < n && keys[l + 1].length && blank_or_edge(std::int64_t(l) + 2)) {
      auto joined = header_key(ctx.lines.line(l + 1), keys[l]);
      auto jt = counts.find(joined.value);
      if (jt != counts.end() && jt->second >= min_repeats && names_something(joined)) {
        record(l, l + 1);
        ++l;
      }
    }
  }
}

}  // namespace qspec
