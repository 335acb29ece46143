// The nesting count the HTML reader takes before parsing (nesting_guard.hpp).
#include "html/nesting_guard.hpp"

#include <algorithm>
#include <array>
#include <optional>
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
// elements whose content is text up to their own end tag
constexpr std::array<std::string_view, 9> raw_text{"script", "style", "textarea", "title", "xmp",
                                                   "iframe", "noembed", "noframes", "plaintext"};
// elements whose start closes an open <p>
constexpr std::array<std::string_view, 37> closes_p{
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol",
    "p", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6",
    "pre", "listing", "form", "li", "dd", "dt", "table"};

// a new item closes the open one only up to the nearest "special" element (HTML's parsing
// algorithm, "in body", start tag li / dd / dt): other than address, div and p
constexpr std::array<std::string_view, 74> special{
      "li", "dd", "dt",
      "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
      "button", "caption", "center", "col", "colgroup", "details", "dir", "dl", "embed", "fieldset",
      "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
      "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input",
      "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object",
      "ol", "param", "plaintext", "pre", "section", "select", "source", "style", "summary", "table",
      "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "ul", "xmp"};
// formatting elements: an end tag that finds a "special" element opened after its element does
// not close that one (the adoption agency moves it under a copy): the nesting stays
constexpr std::array<std::string_view, 3> blocks_not_special{"address", "div", "p"};
constexpr std::array<std::string_view, 14> formatting{"a", "b", "big", "code", "em", "font", "i",
                                                     "nobr", "s", "small", "strike", "strong", "tt", "u"};

constexpr std::array<std::string_view, 9> table_parts{"tr", "td", "th", "tbody", "thead", "tfoot",
                                                      "caption", "colgroup", "col"};

/// Where the end tag `</name` starts at or after `from`, or the end.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
  for (;;) {
    auto lt = s.find("</", from);
    if (lt == std::string_view::npos) return s.size();
    if (same_name(s.substr(lt + 2, name.size()), name)) return lt;
    from = lt + 2;
  }
}

/// The open elements, as gumbo keeps them, roughly: an element whose end
/// tag may be left out closes when the next of its kind starts (or a block
/// starts, for <p>), and takes what was left open inside it along.
class open_elements {
 public:
  std::size_t size() const { return names_.size(); }

  void push(std::string_view name) {
    names_.push_back(name);
    if (auto k = tracked(name)) ++open_[*k];
  }

  /// Closes the nearest open element named one of `names`, unless one of
  /// `boundaries` comes first.
  template <std::size_t N, std::size_t M, std::size_t K = 0>
  void close_nearest(const std::array<std::string_view, N>& names, const std::array<std::string_view, M>& boundaries,
                     const std::array<std::string_view, K>& not_boundaries = {}) {
    bool any = false;
    for (auto n : names)
      if (auto k = tracked(n); k && open_[*k] > 0) any = true;
    if (!any) return;  // nothing to look for: no walk down the stack
    for (std::size_t k = names_.size(); k-- > 0;) {
      if (one_of(names_[k], names)) {
        truncate(k);
        return;
      }
      if (one_of(names_[k], boundaries) && !one_of(names_[k], not_boundaries)) return;
    }
  }

  bool is_open(std::string_view name) const {
    auto k = tracked(name);
    return k && open_[*k] > 0;
  }

  /// An end tag: closes back to its element, if it is open.
  void close(std::string_view name) {
    if (auto k = tracked(name); k && open_[*k] == 0) return;
    const bool formatting_element = one_of(name, formatting);
    for (std::size_t k = names_.size(); k-- > 0;) {
      if (same_name(names_[k], name)) {
        truncate(k);
        return;
      }
      if (formatting_element && (one_of(names_[k], special) || one_of(names_[k], blocks_not_special))) return;
    }
  }

 private:
  static constexpr std::array<std::string_view, 14> tracked_names{
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "table", "button"};
  static std::optional<std::size_t> tracked(std::string_view name) {
    for (std::size_t k = 0; k < tracked_names.size(); ++k)
      if (same_name(name, tracked_names[k])) return k;
    return std::nullopt;
  }
  void truncate(std::size_t k) {
    for (std::size_t i = k; i < names_.size(); ++i)
      if (auto t = tracked(names_[i])) --open_[*t];
    names_.resize(k);
  }
  std::vector<std::string_view> names_;
  std::array<std::size_t, tracked_names.size()> open_{};
};

void close_implied(open_elements& open, std::string_view name) {
  static constexpr std::array<std::string_view, 1> li{"li"};
  static constexpr std::array<std::string_view, 2> dt_dd{"dt", "dd"};
  static constexpr std::array<std::string_view, 1> tr{"tr"};
  static constexpr std::array<std::string_view, 2> cell{"td", "th"};
  static constexpr std::array<std::string_view, 2> option{"option", "optgroup"};
  static constexpr std::array<std::string_view, 3> section{"tbody", "thead", "tfoot"};
  static constexpr std::array<std::string_view, 1> p{"p"};
  static constexpr std::array<std::string_view, 1> button{"button"};
  const auto& list_bounds = special;
  const auto& dl_bounds = special;
  static constexpr std::array<std::string_view, 1> table{"table"};
  static constexpr std::array<std::string_view, 3> row_parts{"tr", "td", "th"};
  static constexpr std::array<std::string_view, 1> select{"select"};
  static constexpr std::array<std::string_view, 8> p_bounds{"button", "table", "td", "th", "caption",
                                                            "object", "marquee", "html"};
  if (same_name(name, "li")) open.close_nearest(li, list_bounds);
  else if (same_name(name, "dt") || same_name(name, "dd")) open.close_nearest(dt_dd, dl_bounds);
  else if (same_name(name, "tr")) open.close_nearest(tr, special, row_parts);
  else if (same_name(name, "td") || same_name(name, "th")) open.close_nearest(cell, special, cell);
  else if (same_name(name, "option") || same_name(name, "optgroup")) open.close_nearest(option, select);
  else if (same_name(name, "tbody") || same_name(name, "thead") || same_name(name, "tfoot"))
    open.close_nearest(section, table);
  else if (same_name(name, "button")) open.close_nearest(button, p_bounds, button);
  if (one_of(name, closes_p)) open.close_nearest(p, p_bounds);
}

}  // namespace

nesting_cut find_nesting_cut(std::string_view s, std::uint32_t max_depth) {
  open_elements open;
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
      open.close(name);
      continue;
    }
    // the parts of a table, outside any table, are dropped by the parser
    if (one_of(name, table_parts) && !open.is_open("table")) continue;
    close_implied(open, name);
    if (one_of(name, raw_text)) {
      i = find_end_tag(s, i, name);
      continue;
    }
    if (self_closing || one_of(name, void_elements)) continue;
    open.push(name);
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
