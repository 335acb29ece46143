// Running page headers: a PDF conversion repeats the page header as a line of
// its own wherever a page broke (seed 002: "**F36J 04 (LMC B2) … well being
// of people**", sometimes wrapped over two lines). A header is a line standing
// alone between blank lines whose text recurs at least three times, and which
// names something: it holds a digit (a code, a page number) or repeats the
// document's first line, and is not a long sentence. Repeated labels such as "Knowledge requirements" or
// "Guidance notes:" (seed 004) are structure, not furniture, and stay content.
// The document's first line itself keeps its place as the title.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "grammar/lines.hpp"
#include "recognise/context.hpp"
#include "recognise/line_text.hpp"
#include "recognise/vocabulary.hpp"

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
  // (a number set between two of the same marks is a page's number, no item: "– 12 –", "· 3 ·")
  if (const auto n = grammar::list_bullet_length(line); n > 0) {
    const auto mark = line.substr(0, line.substr(0, n).find_last_not_of(" \t") + 1);
    auto rest = line.substr(n);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
    if (rest.ends_with(mark)) {
      auto number = rest.substr(0, rest.size() - mark.size());
      while (!number.empty() && (number.back() == ' ' || number.back() == '\t')) number.remove_suffix(1);
      if (!number.empty() && number.find_first_not_of("0123456789") == std::string_view::npos) return false;
    }
    return true;
  }
  if (line.size() >= 4 && line[0] == '(' && line[2] == ')' && line[3] == ' ') return true;
  std::size_t d = 0;
  while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
  return d > 0 && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ';
}

/// `fold_digits`: a run of digits hashes as one `#` (a page's number, a date).
key_hash header_key(std::string_view line, key_hash h = {}, bool fold_digits = false) {
  if (h.length == 0) h.item = opens_like_item(line);
  bool gap = h.length > 0;  // continuing: the two lines are joined by a space
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (fold_digits && c >= '0' && c <= '9') {
      while (i + 1 < line.size() && line[i + 1] >= '0' && line[i + 1] <= '9') ++i;
      if (gap && h.length > 0) h.add(' ');
      gap = false;
      h.add('#');
      h.digit = true;
      continue;
    }
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

/// A label of one to four words, a colon, then text: "Credit value: 3" (not a time, "8:30").
bool looks_like_field(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos) return false;
  line.remove_prefix(first);
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40 || colon + 2 >= line.size() || line[colon + 1] != ' ')
    return false;
  const auto label = line.substr(0, colon);
  if (label.back() >= '0' && label.back() <= '9') return false;  // "8:30", "Page 3: …"
  return std::count(label.begin(), label.end(), ' ') <= 3;
}

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\xC2' && c != '\xA0') return false;
  return true;
}

/// What a browser or a viewer prints around each page of what it prints ("12/2/26, 11:16 AM" and
/// the page's title at the top, "file:///…/unit.html" and "1/3" at the foot): lines of the
/// profiles' page-edge patterns among a page's first four or last four lines of text, where a
/// page has them at both its edges, on a page of its own too. A page's top line that is such a
/// stamp may have the page's title beside it, a line alone between blank lines next under it: the header's title, furniture too (on a page of
/// its own, or where pages are several, where the same line stands alone on half the stamped pages
/// or more, two at least).
template <class Record>
void mark_print_stamps(parse_context& ctx, const std::vector<std::uint32_t>& page_begin,
                       const std::vector<std::string>& patterns, Record&& record) {
  if (patterns.empty()) return;
  const std::uint32_t n = ctx.lines.count();
  auto text_of = [&](std::uint32_t l) {
    const auto [b, e] = trimmed(ctx, l);
    return ctx.src.substr(b, e - b);
  };
  auto stamp = [&](std::uint32_t l) {
    const auto t = text_of(l);
    return !t.empty() && std::any_of(patterns.begin(), patterns.end(),
                                     [&](const std::string& p) { return vocab::furniture_match(t, p); });
  };
  auto blank = [&](std::uint32_t l) { return l >= n || ctx.use[l] == line_use::blank; };
  auto alone = [&](std::uint32_t l) { return (l == 0 || blank(l - 1)) && blank(l + 1); };
  std::vector<std::size_t> stamped;    // pages whose top line is a stamp
  std::vector<std::uint32_t> titles;   // the line alone under such a stamp
  constexpr std::uint32_t reach = 4;  // (pdftotext may set a stamp a few lines in: above the last cell of a table)
  for (std::size_t k = 0; k < page_begin.size(); ++k) {
    const std::uint32_t b = page_begin[k], e = k + 1 < page_begin.size() ? page_begin[k + 1] : n;
    std::vector<std::uint32_t> top, foot;
    for (std::uint32_t l = b; l < e && top.size() < reach; ++l)
      if (!blank(l)) top.push_back(l);
    for (std::uint32_t l = e; l > b && foot.size() < reach; --l)
      if (!blank(l - 1)) foot.push_back(l - 1);
    // (a page printed so has them at both edges: an address alone at a page's foot, or a fraction,
    // is no stamp of a print)
    std::vector<std::uint32_t> at_top, at_foot;
    for (auto l : top)
      if (ctx.use[l] != line_use::furniture && stamp(l)) at_top.push_back(l);
    for (auto l : foot)
      if (ctx.use[l] != line_use::furniture && stamp(l) && std::find(at_top.begin(), at_top.end(), l) == at_top.end())
        at_foot.push_back(l);
    if (at_top.empty() || at_foot.empty()) continue;
    for (auto l : at_top) record(l, l, "page_header");
    for (auto l : at_foot) record(l, l, "page_footer");
    const bool top_stamp = at_top.front() == top.front();
    if (top_stamp) stamped.push_back(k);
    // the page's title the stamp is printed beside: the line alone under it (a title set on the
    // stamp's line, a wide gap apart, is part of the stamp)
    if (top_stamp && top.size() >= 2 && ctx.use[top[1]] != line_use::furniture &&
        text_of(top[0]).find("   ") == std::string_view::npos && alone(top[1]) && top[1] + 1 < e)
      titles.push_back(top[1]);
  }
  // on a page of its own, that line is the title; where pages are several, a text that is such a
  // line and stands alone on another page with a stamp too (pdftotext sets the title where it
  // fits among the page's blocks, not always under the date) is the title wherever it so stands
  if (titles.empty()) return;
  if (page_begin.size() == 1) {
    record(titles.front(), titles.front(), "page_header");
    return;
  }
  // the lines alone on stamped pages, by text, with the pages they are on
  std::unordered_map<std::string_view, std::vector<std::pair<std::size_t, std::uint32_t>>> alone_lines;
  for (auto k : stamped) {
    const std::uint32_t b = page_begin[k], e = k + 1 < page_begin.size() ? page_begin[k + 1] : n;
    for (std::uint32_t l = b; l < e; ++l)
      if (ctx.use[l] != line_use::furniture && !blank(l) && alone(l))
        alone_lines[text_of(l)].emplace_back(k, l);
  }
  for (auto t : titles) {
    if (ctx.use[t] == line_use::furniture) continue;  // its text recorded already
    const auto& found = alone_lines[text_of(t)];
    std::size_t pages = 0;
    for (std::size_t i = 0; i < found.size(); ++i) pages += i == 0 || found[i].first != found[i - 1].first;
    // (on half the stamped pages at least: a heading under the stamp on one page is the page's text)
    if (pages >= 2 && 2 * pages >= stamped.size())
      for (const auto& [page, l] : found) record(l, l, "page_header");
  }
}

/// Lines every profile treats as a hosting site's or a viewer's furniture wherever they stand
/// ("Page # of #", "Download", "Back to top": profiles/common.yaml), whole lines, for every
/// recogniser alike.
void mark_site_lines(parse_context& ctx, const std::vector<std::string>& patterns) {
  if (patterns.empty()) return;
  for (std::uint32_t l = 0; l < ctx.lines.count(); ++l) {
    if (ctx.use[l] != line_use::unknown) continue;
    const auto [b, e] = trimmed(ctx, l);
    const auto t = ctx.src.substr(b, e - b);
    if (t.empty() || t.size() > 120) continue;
    for (const auto& p : patterns) {
      // (a pattern that opens with a letter must open the line with it: most lines fail there)
      if (!p.empty() && p[0] != '*' && p[0] != '#' && vocab::lower(t[0]) != vocab::lower(p[0])) continue;
      if (vocab::furniture_match(t, p)) {
        mark_furniture(ctx, l, "site");
        break;
      }
    }
  }
}

/// The line's "=" or "-" when it is one of them alone, three or more; 0 for another.
char underline_of(const parse_context& ctx, std::uint32_t l) {
  const auto [b, e] = trimmed(ctx, l);
  const auto t = ctx.src.substr(b, e - b);
  if (t.size() < 3 || (t[0] != '=' && t[0] != '-') || t.find_first_not_of(t[0]) != std::string_view::npos) return 0;
  return t[0];
}

/// A heading underlined (a setext heading of markdown, as older converters write levels one and
/// two; a plain text's "Title" / "====="): a line of "=" or "-" alone, three or more, right under a
/// line of text that is no list's item, no table's row (tabs, pipes, columns set two spaces apart)
/// and no numbered item. The underline is the heading's markup, recorded as such; the heading is
/// a line standing alone, for the recognisers to read as one (underlined_heading).
void mark_heading_underlines(parse_context& ctx) {
  for (std::uint32_t l = 1; l < ctx.lines.count(); ++l) {
    if (ctx.use[l] != line_use::unknown || ctx.use[l - 1] != line_use::unknown) continue;
    const char u = underline_of(ctx, l);
    if (!u) continue;
    const auto [hb, he] = trimmed(ctx, l - 1);
    const auto above = ctx.src.substr(hb, he - hb);
    if (above.empty() || above.find('\t') != std::string_view::npos || above.find('|') != std::string_view::npos ||
        above.find("  ") != std::string_view::npos || grammar::list_bullet_length(above) > 0 ||
        grammar::match_item_label(above))
      continue;
    mark_furniture(ctx, l, "heading_underline");
    ctx.heading_underlines.emplace_back(l, u);
  }
}

/// A page's header or footer that a conversion set in the run of a text with no form feed (a PDF's
/// text copied out of a viewer), no blank line around it: a line that recurs the same but for the
/// number at its start or its end (a page's: four digits at most), which grows by one to three from
/// one to the next, where it reads as a page's edge -- it stands inside a sentence (the line above
/// unfinished, the line under it going on in lower case, no item's label), or it bears marks of a
/// page's edge (its number a wide gap apart, a date -- a year, "©" --, the document's name -- its
/// first line), two of them, or one where it recurs three times or more. A heading repeated with a
/// growing number ("Knowledge for element 1", "… element 2") opens its part's text; a contents
/// page's or a table's column of numbers grows by more, and a table's rows differ in more than one
/// number ("Version 1 … 2017" / "Version 2 … 2018"). Recorded as a page's footer: with no page
/// break in the text, which edge it was is unknown.
template <class Record>
void mark_running_lines_in_text(parse_context& ctx, std::uint32_t first_content, Record&& record) {
  const std::uint32_t n = ctx.lines.count();
  constexpr std::size_t max_page_digits = 4;
  constexpr std::uint64_t max_page_step = 3;
  struct occurrence {
    std::uint32_t line;
    std::uint64_t number;
    bool at_start;
    int edge_marks;  // of a wide gap before (after) its number; a year or "©" in it; the document's name
  };
  auto dated = [](std::string_view t) {
    return t.find("\xC2\xA9") != std::string_view::npos || vocab::holds_year(t);  // ©, a year
  };
  auto text_of = [&](std::uint32_t l) {
    const auto [b, e] = trimmed(ctx, l);
    return ctx.src.substr(b, e - b);
  };
  const std::uint64_t title = first_content < n ? header_key(text_of(first_content)).value : 0;
  // the lines by their text with digits folded, in the order of their first line
  std::unordered_map<std::uint64_t, std::size_t> slot;
  std::vector<std::vector<occurrence>> groups;
  for (std::uint32_t l = 0; l < n; ++l) {
    if (ctx.use[l] != line_use::unknown) continue;
    const auto t = text_of(l);
    if (t.size() < min_header_key || t.size() > max_header_bytes || t.back() == ':') continue;
    // the number at its end (after a gap) or at its start (before one)
    std::size_t d = t.size();
    while (d > 0 && vocab::is_digit(t[d - 1])) --d;
    bool at_start = false;
    std::string_view number;
    if (d < t.size() && d > 0 && (t[d - 1] == ' ' || t[d - 1] == '\t')) {
      number = t.substr(d);
    } else {
      std::size_t k = 0;
      while (k < t.size() && vocab::is_digit(t[k])) ++k;
      if (k == 0 || k >= t.size() || (t[k] != ' ' && t[k] != '\t')) continue;
      number = t.substr(0, k);
      at_start = true;
    }
    if (number.size() > max_page_digits) continue;
    const key_hash k = header_key(t, {}, true);
    if (k.item || k.length < min_header_key) continue;
    std::uint64_t v = 0;
    for (char c : number) v = v * 10 + static_cast<std::uint64_t>(c - '0');
    const auto rest = at_start ? t.substr(number.size()) : t.substr(0, t.size() - number.size());
    const bool gap = at_start ? rest.starts_with("   ") || rest.starts_with('\t')
                              : rest.ends_with("   ") || rest.ends_with('\t');
    // the lines are grouped by their text but the number, and where the number stands
    const auto rest_key = header_key(rest).value;
    const bool names_document = first_content < l && rest_key == title;
    auto [it, added] = slot.try_emplace(rest_key ^ (at_start ? 0x9E3779B97F4A7C15ull : 0), groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back({l, v, at_start, int(gap) + int(dated(rest)) + int(names_document)});
  }
  auto neighbour = [&](std::uint32_t l, int step) -> std::string_view {
    for (std::int64_t j = std::int64_t(l) + step; j >= 0 && j < std::int64_t(n); j += step) {
      const auto u = ctx.use[static_cast<std::uint32_t>(j)];
      if (u == line_use::blank) return {};
      if (u == line_use::furniture) continue;
      return text_of(static_cast<std::uint32_t>(j));
    }
    return {};
  };
  // every group decided on the text as it was, then recorded (a group marked first would change
  // what stands next to another's lines)
  std::vector<const std::vector<occurrence>*> running;
  for (const auto& list : groups) {
    if (list.size() < 2) continue;
    bool growing = true, inside = false;
    int edge_marks = 3;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i > 0)
        growing = growing && list[i].number > list[i - 1].number &&
                  list[i].number - list[i - 1].number <= max_page_step;
      edge_marks = std::min(edge_marks, list[i].edge_marks);
      const auto above = neighbour(list[i].line, -1), below = neighbour(list[i].line, 1);
      inside = inside || (!above.empty() && !below.empty() && !vocab::ends_sentence(above) &&
                          vocab::is_lower(below[0]) && !grammar::match_item_label(below));
    }
    // (two marks of a page's edge on each of its lines, or one on each of three lines or more)
    // (pages numbered from below a thousand: "Reviewed   2017" / "Reviewed   2018" are a table's rows)
    growing = growing && list[0].number < 1000;
    if (growing && (inside || edge_marks >= 2 || (edge_marks == 1 && list.size() >= min_repeats)))
      running.push_back(&list);
  }
  for (const auto* list : running)
    for (const auto& o : *list) record(o.line, o.line, "page_footer");
}

}  // namespace

int underlined_heading(const parse_context& ctx, std::uint32_t l) {
  const auto& u = ctx.heading_underlines;
  const auto at = std::lower_bound(u.begin(), u.end(), std::pair<std::uint32_t, char>{l + 1, '\0'});
  if (at == u.end() || at->first != l + 1) return 0;
  return at->second == '=' ? 1 : 2;
}

void mark_page_furniture(parse_context& ctx, const std::vector<std::string>& edge_patterns,
                         const std::vector<std::string>& site_patterns) {
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
  auto record = [&](std::uint32_t first, std::uint32_t last, std::string_view role = "page_header") {
    for (auto l = first; l <= last; ++l) ctx.use[l] = line_use::furniture;
    furniture f;
    f.id = ctx.ids.claim("furniture/" + std::string(role == "page_header" ? "page-header-" : "page-footer-") +
                         std::to_string(first + 1));
    auto b = ctx.lines.content(first).first;
    auto e = ctx.lines.content(last).second;
    f.span = ctx.span(b, e);
    f.role = role;
    f.text = ctx.lines.line(first);
    ctx.furniture_items.push_back(std::move(f));
  };

  // Pages parted by form feeds (pdftotext's output): a line among the first three or the last
  // three of a page (blank lines aside; pdftotext may set a footer above the page's last text)
  // that reads the same there, digits aside, on at least half the pages and two at least, and
  // names something (a digit: a page's number, a code, a date; or the document's first line), is a
  // running header or footer -- a page's number alone too; a line of ten characters or more that
  // names nothing, where it is on every page. Where the lines differ, digits aside, one of their
  // numbers must run with the pages (a page's number). The document's first line keeps its place
  // as the title where it reads as one.
  std::vector<std::uint32_t> page_begin;  // the whole text is one page where no form feed parts it
  {
    const auto& breaks = ctx.lines.page_starts();
    if (breaks.empty() || breaks.front() != 0) page_begin.push_back(0);
    page_begin.insert(page_begin.end(), breaks.begin(), breaks.end());
    // (pdftotext ends its last page with a form feed too: a page with no text after it is none)
    std::uint32_t last_text = 0;
    for (std::uint32_t l = n; l > 0; --l)
      if (ctx.use[l - 1] != line_use::blank) {
        last_text = l - 1;
        break;
      }
    while (page_begin.size() >= 2 && page_begin.back() > last_text) page_begin.pop_back();
  }
  mark_print_stamps(ctx, page_begin, edge_patterns, record);
  if (page_begin.size() >= 2) {
    const std::size_t pages = page_begin.size();
    struct edge_line {
      std::uint32_t line;
      std::uint64_t key;
      bool top;
      bool names;  // it holds a digit, or is the document's first line
      std::size_t page;
      std::uint64_t exact;
      std::size_t rank;  // its place among the page's lines at that edge, from the edge
    };
    std::vector<edge_line> edges;
    std::unordered_map<std::uint64_t, std::uint32_t> on_pages;  // key (and edge) -> pages it is on
    for (std::size_t k = 0; k < pages && pages >= 2; ++k) {
      const std::uint32_t b = page_begin[k], e = k + 1 < pages ? page_begin[k + 1] : n;
      constexpr std::uint32_t reach = 3;
      std::vector<std::uint32_t> at_edge;
      for (std::uint32_t l = b, taken = 0; l < e && taken < reach; ++l)
        if (ctx.use[l] != line_use::blank) at_edge.push_back(l), ++taken;
      const std::size_t top = at_edge.size();
      // (on a short page a line may be at both edges: a footer among a page's first three lines)
      for (std::uint32_t l = e, taken = 0; l > b && taken < reach; --l)
        if (ctx.use[l - 1] != line_use::blank) at_edge.push_back(l - 1), ++taken;
      std::unordered_map<std::uint64_t, bool> seen_here;
      for (std::size_t i = 0; i < at_edge.size(); ++i) {
        const auto line = ctx.lines.line(at_edge[i]);
        if (line.size() > max_header_bytes) continue;
        // a line shaped as a field ("Level: 2", "Credit value: 3") may be a running header only at
        // the page's very edge: a few lines in, it is more likely a unit's own field on its page
        const bool outermost = i == 0 || i == top;
        if (!outermost && looks_like_field(line)) continue;
        const key_hash folded = header_key(line, {}, true);
        const key_hash exact = header_key(line);
        const bool names = folded.digit || (first_content < n && exact.value == title && keys[first_content].length);
        if (folded.last == ':' || folded.item || (!names && folded.length < min_header_key / 2)) continue;
        const std::uint64_t key = folded.value ^ (i < top ? 0x9E3779B97F4A7C15ull : 0);
        edges.push_back({at_edge[i], key, i < top, names, k, exact.value, i < top ? i : i - top});
        if (!seen_here[key]) ++on_pages[key], seen_here[key] = true;
      }
    }
    // (the first line is the title unless it reads as no title: two words of three letters or
    // more, not two parts set apart by a wide gap, as a running header's left and right are)
    auto title_like = [&](std::string_view line) {
      const auto first = line.find_first_not_of(" \t"), last = line.find_last_not_of(" \t");
      if (first == std::string_view::npos ||
          line.substr(first, last - first + 1).find("   ") != std::string_view::npos)
        return false;
      std::size_t words = 0, run = 0;
      for (char c : line) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) {
          ++run;
          continue;
        }
        words += run >= 3 ? 1 : 0;
        run = 0;
      }
      return words + (run >= 3 ? 1 : 0) >= 2;
    };
    // where the lines of a key differ (digits aside), one of their numbers runs with the pages, as
    // a page's number does ("Page 3", "3/10", "… (4222-21)   45"); a field's value that differs from
    // page to page ("Level 3" / "Level 2", each unit's page of a handbook) is no running header
    // (a dotted number is a criterion's or a section's, never a page's: "1.1" at the top of page 2
    // and "2.4" at the top of page 3 do not run with the pages)
    auto numbers_of = [&](std::uint32_t l) {
      std::vector<std::uint64_t> out;
      const auto line = ctx.lines.line(l);
      auto digit = [&](std::size_t i) { return i < line.size() && line[i] >= '0' && line[i] <= '9'; };
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (!digit(i)) continue;
        const bool dotted_before = i >= 2 && line[i - 1] == '.' && digit(i - 2);
        std::uint64_t v = 0;
        std::size_t digits = 0;
        for (; digit(i); ++i, ++digits)
          if (digits < 12) v = v * 10 + static_cast<std::uint64_t>(line[i] - '0');
        const bool dotted_after = i + 1 < line.size() && line[i] == '.' && digit(i + 1);
        if (!dotted_before && !dotted_after) out.push_back(v);
      }
      return out;
    };
    std::unordered_map<std::uint64_t, std::vector<const edge_line*>> by_key;
    for (const auto& x : edges) by_key[x.key].push_back(&x);
    std::unordered_map<std::uint64_t, bool> runs_with_pages;
    for (const auto& [key, list] : by_key) {
      bool same = true;
      for (const auto* x : list) same = same && x->exact == list.front()->exact;
      if (same) {
        runs_with_pages[key] = true;
        continue;
      }
      std::vector<std::vector<std::uint64_t>> numbers;
      for (const auto* x : list) numbers.push_back(numbers_of(x->line));
      bool found = false;
      for (std::size_t p = 0; !found && p < numbers.front().size(); ++p) {
        bool constant = true;
        for (std::size_t i = 0; i < list.size() && constant; ++i)
          constant = p < numbers[i].size() &&
                     numbers[i][p] + list.front()->page == numbers.front()[p] + list[i]->page;
        found = constant;
      }
      runs_with_pages[key] = found;
    }
    // (a text of pages of a few lines each, every line at an edge: a "header" that is a quarter of
    // the document's lines of text or more is its content)
    std::size_t text_lines = 0;
    for (std::uint32_t l = 0; l < n; ++l) text_lines += ctx.use[l] != line_use::blank;
    // a line that reads the same wherever it is, missing from two pages or more, is a running header
    // only where it stands at the same place on each page it is on: an element's title in the list at
    // a page's head and again as the heading atop the element's own page is the text's (a line whose
    // number runs with the pages is a page's edge wherever pdftotext sets it)
    std::unordered_map<std::uint64_t, bool> one_place;
    for (const auto& [key, list] : by_key) {
      bool same_place = true, same_text = true;
      for (const auto* x : list) {
        same_place = same_place && x->rank == list.front()->rank;
        same_text = same_text && x->exact == list.front()->exact;
      }
      one_place[key] = same_place || !same_text;
    }
    for (const auto& x : edges) {
      const auto count = on_pages[x.key];
      if (ctx.use[x.line] == line_use::furniture || !runs_with_pages[x.key]) continue;
      if (count + 1 < pages && !one_place[x.key]) continue;
      if (4 * by_key[x.key].size() >= text_lines) continue;
      if (x.line == first_content && title_like(ctx.lines.line(x.line))) continue;
      // (a line naming nothing, no digit in it, only where it is on every page)
      if (count >= 2 && 2 * count >= pages && (x.names || count == pages))
        record(x.line, x.line, x.top ? "page_header" : "page_footer");
    }
  }
  for (std::uint32_t l = 0; l < n; ++l) {
    if (!keys[l].length || l == first_content || ctx.use[l] == line_use::furniture) continue;
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
  if (page_begin.size() < 2) mark_running_lines_in_text(ctx, first_content, record);
  // (after the running headers and footers, which name a page's number better than as a site's line)
  mark_site_lines(ctx, site_patterns);
  mark_heading_underlines(ctx);
}

}  // namespace qspec
