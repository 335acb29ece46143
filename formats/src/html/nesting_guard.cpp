// The nesting count the HTML reader takes before parsing (nesting_guard.hpp).
#include "html/nesting_guard.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace qspec::formats::html {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return same_name(name, n); });
}

// elements that never hold children
constexpr std::array<std::string_view, 19> void_elements{
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
    "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"};
// elements whose end tag may be left out: the next sibling closes them
constexpr std::array<std::string_view, 19> optional_end{
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html"};
// elements whose content is text up to their own end tag
constexpr std::array<std::string_view, 9> raw_text{"script", "style", "textarea", "title", "xmp",
                                                   "iframe", "noembed", "noframes", "plaintext"};

/// Where the end tag `</name` starts at or after `from`, or the end.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
  for (;;) {
    auto lt = s.find("</", from);
    if (lt == std::string_view::npos) return s.size();
    if (same_name(s.substr(lt + 2, name.size()), name)) return lt;
    from = lt + 2;
  }
}

}  // namespace

nesting_cut find_nesting_cut(std::string_view s, std::uint32_t max_depth) {
  std::vector<std::string_view> open;
  std::size_t i = 0;
  while (i < s.size()) {
    auto lt = s.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= s.size()) break;
    i = lt + 1;
    char c = s[i];
    if (c == '!' || c == '?') {  // comment, doctype, CDATA, processing instruction
      if (s.substr(i, 3) == "!--") {
        auto end = s.find("-->", i + 3);
        i = end == std::string_view::npos ? s.size() : end + 3;
      } else {
        auto end = s.find('>', i);
        i = end == std::string_view::npos ? s.size() : end + 1;
      }
      continue;
    }
    const bool closing = c == '/';
    std::size_t n = closing ? i + 1 : i;
    if (n >= s.size() || !is_letter(s[n])) continue;  // a '<' in text
    std::size_t e = n;
    while (e < s.size() && !is_space(s[e]) && s[e] != '>' && s[e] != '/') ++e;
    std::string_view name = s.substr(n, e - n);
    // past the attributes (a quoted value may hold '>')
    char quote = 0;
    bool self_closing = false;
    while (e < s.size()) {
      char d = s[e];
      if (quote) {
        if (d == quote) quote = 0;
      } else if (d == '"' || d == '\'') {
        quote = d;
      } else if (d == '>') {
        self_closing = e > 0 && s[e - 1] == '/';
        break;
      }
      ++e;
    }
    i = e < s.size() ? e + 1 : s.size();
    if (closing) {
      for (std::size_t k = open.size(); k-- > 0;)
        if (same_name(open[k], name)) {
          open.resize(k);
          break;
        }
      continue;
    }
    if (one_of(name, raw_text)) {
      auto end = find_end_tag(s, i, name);
      i = end;
      continue;
    }
    if (self_closing || one_of(name, void_elements) || one_of(name, optional_end)) continue;
    open.push_back(name);
    if (open.size() > max_depth) {
      nesting_cut cut;
      cut.offset = lt;
      cut.line = 1 + static_cast<std::uint32_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(lt), '\n'));
      return cut;
    }
  }
  return {};
}

}  // namespace qspec::formats::html
