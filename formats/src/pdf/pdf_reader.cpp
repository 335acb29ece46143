// The PDF reader: poppler gives the words of each page with their boxes and
// font sizes; the layout pass here rebuilds what a reader of the printed page
// sees: lines in reading order, columns one after the other, a column of
// labels joined to the texts beside it, running headers and footers left out,
// headings by their larger type, and a blank line where paragraphs part.
//
// Poppler is GPL: this reader is its own library (qspec_format_pdf), so the
// terms that follow from linking it are confined to builds that include it
// (see LICENSE).
#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

// poppler's own classes (the library's core, as its command-line tools use
// it): TextWord gives each word's font, which the C++ wrapper's text_list
// reaches only through a font look-up that fails on text set in a font that
// did not load. The word list is part of the library as Debian builds it
// (poppler-config.h says so); without it the classes read differently.
#include <poppler/poppler-config.h>
#ifndef TEXTOUT_WORD_LIST
#error "poppler is built without TEXTOUT_WORD_LIST: its TextWord has no fonts or boxes to read"
#endif
#include <poppler/Error.h>
#include <poppler/ErrorCodes.h>
#include <poppler/GfxState.h>
#include <poppler/GlobalParams.h>
#include <poppler/Annot.h>
#include <poppler/Link.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/Stream.h>
#include <poppler/TextOutputDev.h>
#include <poppler/UTF.h>
#include <poppler/UnicodeMap.h>
#include <poppler/goo/gmem.h>
#include <poppler/goo/GooString.h>

#include "common/nfc.hpp"
#include "readers.hpp"

namespace qspec::formats {

namespace {

/// One word as poppler places it: top-left origin, y grows downwards, points.
struct word {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;  ///< font size when known; 0: the box's height stands for it
  bool space_after = false;
  bool bold = false;  ///< most of its characters in a bold font
  int plain_lead = 0, plain_trail = 0;  ///< marks of punctuation before and after its bold letters not bold
  /// it begins a cell of a table though the gap before it is narrower than
  /// two em: the lines around it prove a column begins there
  bool cell_first = false;
  bool link = false;  ///< set inside one of the page's links (a web page's print keeps them)
  [[nodiscard]] double yc() const { return (y0 + y1) / 2; }
  [[nodiscard]] double height() const { return y1 - y0; }
};

/// A line of one page: words at one height, left to right.
struct line {
  std::vector<word> words;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;          ///< the font size most of its characters have
  std::uint32_t number = 0; ///< 1-based, in the page's reading order (a running header counted)
  bool furniture = false;
  int flow = 0;             ///< which column of the page it was read in
  [[nodiscard]] double yc() const { return (y0 + y1) / 2; }
};

struct page_text {
  std::uint32_t number = 0;
  double height = 0;
  double width = 0;
  std::vector<line> lines;  ///< top to bottom, before columns are ordered
};

double size_of(const word& w) { return w.size > 0 ? w.size : std::max(1.0, w.height()); }

/// An em where two words meet: the larger of their sizes.
double em_between(const word& a, const word& b) { return std::max(size_of(a), size_of(b)); }

/// Characters that would break the one-line-per-block stream, or the decoding
/// after it, are written as spaces.
std::string clean_word(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      out += ' ';
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) {
      out += ' ';  // NEL
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out += ' ';  // line and paragraph separators
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  // poppler gives UTF-8; anything else in it is not text
  return nfc(std::move(out));
}

/// Whether a font's name says it is bold ("ABCDEF+LiberationSerif-Bold",
/// "Arial,Bold", "Arial-BoldMT", "…-Black", "…-Semibold"), or its
/// descriptor does.
bool bold_font(const TextFontInfo* info, const GooString* name) {
  if (info && info->isBold()) return true;
  if (!name) return false;
  // the style after the family's name ("Academic-Regular" is no "demi")
  std::string n = name->toStr();
  const auto cut = n.find_last_of("-,");
  if (cut == std::string::npos) return false;
  n.erase(0, cut + 1);
  for (auto& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view w : {"bold", "black", "heavy", "semibold", "demi"})
    if (n.find(w) != std::string::npos) return true;
  return false;
}

/// A line drawn on a page, in the words' space: a vertical one at x from y0
/// to y1, or a horizontal one at y (held in x) from x0 to x1 (held in y0, y1).
struct rule {
  double x = 0, y0 = 0, y1 = 0;
};

/// A small shape drawn on a page, and the bullet glyph it stands for.
struct drawn_mark {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  const char* glyph = "";
};

/// The text of a page, and the rules drawn on it: a stroked line, the sides
/// of a stroked rectangle, or a filled bar thinner than 2.5 points and longer
/// than 4 (how browsers and word processors draw a table's borders).
class ruled_text : public TextOutputDev {
 public:
  ruled_text() : TextOutputDev(nullptr, false, 0, false, false) {}
  std::vector<rule> verticals, horizontals;
  std::vector<drawn_mark> marks;
  void stroke(GfxState* state) override {
    take(state, true);
    take_mark(state, true);
    TextOutputDev::stroke(state);
  }
  void fill(GfxState* state) override {
    take(state, false);
    take_mark(state, false);
    TextOutputDev::fill(state);
  }
  void eoFill(GfxState* state) override {
    take(state, false);
    take_mark(state, false);
    TextOutputDev::eoFill(state);
  }

 private:
  static constexpr std::size_t max_rules = 20000;  // of each kind: a page of drawings is no table
  static constexpr std::size_t max_marks = 2000;   // a page's list has fewer bullets than that
  /// A small shape as wide as it is high, a bullet's size: a disc, a ring
  /// (stroked, or filled with a hole), a square.
  void take_mark(GfxState* state, bool stroked) {
    const GfxPath* path = state->getPath();
    if (!path || marks.size() >= max_marks || path->getNumSubpaths() > 2) return;
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    bool curved = false;
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath* sub = path->getSubpath(i);
      if (sub->getNumPoints() > 64) return;
      for (int j = 0; j < sub->getNumPoints(); ++j) {
        double x = 0, y = 0;
        state->transform(sub->getX(j), sub->getY(j), &x, &y);
        if (!std::isfinite(x) || !std::isfinite(y)) return;
        curved = curved || sub->getCurve(j);
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      }
    }
    const double w = x1 - x0, h = y1 - y0;
    if (w < 1.5 || h < 1.5 || w > 9 || h > 9 || w > 1.4 * h || h > 1.4 * w) return;
    // (a shape filled and stroked is drawn twice: one mark, the fill's)
    if (!marks.empty() && std::abs(marks.back().x0 - x0) < 0.5 && std::abs(marks.back().y0 - y0) < 0.5 &&
        std::abs(marks.back().x1 - x1) < 1.5 && std::abs(marks.back().y1 - y1) < 1.5)
      return;
    const bool ring = stroked || path->getNumSubpaths() == 2;
    marks.push_back({x0, y0, x1, y1, curved ? (ring ? "\u25E6" : "\u2022") : (ring ? "\u25AB" : "\u25AA")});
  }
  void add(std::vector<rule>& to, rule r) {
    if (to.size() < max_rules) to.push_back(r);
  }
  void take(GfxState* state, bool stroked) {
    const GfxPath* path = state->getPath();
    if (!path) return;
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      if (verticals.size() >= max_rules && horizontals.size() >= max_rules) return;
      const GfxSubpath* sub = path->getSubpath(i);
      const int n = sub->getNumPoints();
      if (n < 2 || n > 5) continue;
      double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
      bool square = true;  // every side level or upright: a line, a bar or a rectangle
      double px = 0, py = 0;
      for (int j = 0; j < n; ++j) {
        double x = 0, y = 0;
        state->transform(sub->getX(j), sub->getY(j), &x, &y);
        if (!std::isfinite(x) || !std::isfinite(y)) return;
        if (j > 0 && std::abs(x - px) > 0.5 && std::abs(y - py) > 0.5) square = false;
        px = x, py = y;
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      }
      if (!square) continue;
      const double w = x1 - x0, h = y1 - y0;
      if (w <= 2.5 && h >= 4) {
        add(verticals, {(x0 + x1) / 2, y0, y1});  // a thin upright bar, or a line
      } else if (h <= 2.5 && w >= 4) {
        add(horizontals, {(y0 + y1) / 2, x0, x1});
      } else if (stroked && n >= 4 && w >= 4 && h >= 4) {
        // a rectangle's outline: its four sides
        add(verticals, {x0, y0, y1});
        add(verticals, {x1, y0, y1});
        add(horizontals, {y0, x0, x1});
        add(horizontals, {y1, x0, x1});
      }
    }
  }
};

/// The vertical rules that border a table's cells: those a horizontal rule
/// meets at their x, within their height (a grid's), merged where they run
/// on one another at one x (a bordered table's rows give one rule a column
/// border). A line drawn between two columns of text, meeting none, is no
/// table's.
std::vector<rule> table_borders(std::vector<rule> verticals, std::vector<rule> horizontals) {
  std::sort(horizontals.begin(), horizontals.end(), [](const rule& a, const rule& b) { return a.x < b.x; });
  auto met = [&](const rule& v) {
    auto at = std::lower_bound(horizontals.begin(), horizontals.end(), v.y0 - 2,
                               [](const rule& h, double y) { return h.x < y; });
    for (int seen = 0; at != horizontals.end() && at->x <= v.y1 + 2 && seen < 64; ++at, ++seen)
      if (at->y0 <= v.x + 2 && at->y1 >= v.x - 2) return true;
    return false;
  };
  std::vector<rule> out;
  for (const auto& v : verticals)
    if (met(v)) out.push_back(v);
  std::sort(out.begin(), out.end(), [](const rule& a, const rule& b) { return a.x != b.x ? a.x < b.x : a.y0 < b.y0; });
  std::vector<rule> merged;
  for (const auto& v : out)
    if (!merged.empty() && std::abs(merged.back().x - v.x) < 1 && v.y0 <= merged.back().y1 + 1)
      merged.back().y1 = std::max(merged.back().y1, v.y1);
    else
      merged.push_back(v);
  return merged;
}

/// Bullets drawn as shapes (a browser's print draws a list's discs, circles
/// and squares; a word processor's print sets them as glyphs) become the
/// glyphs they look like, words of their own: a mark stands for a bullet where
/// a word begins after it, at its height, within three of that word's heights,
/// and no word is printed over it (a drawing's small shapes have no text
/// beside them, or text on them).
void add_drawn_bullets(std::vector<word>& words, const std::vector<drawn_mark>& marks) {
  if (marks.empty() || words.empty()) return;
  // the words by their top: the words a mark's middle may fall in are those whose top lies within
  // a usual word's height above it (three times the median height); the few taller ones (a drop
  // capital, a title) are looked at for every mark
  std::vector<std::size_t> by_top, tall;
  std::vector<double> heights;
  for (const auto& w : words) heights.push_back(w.height());
  std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2), heights.end());
  const double usual = 3 * heights[heights.size() / 2];
  for (std::size_t i = 0; i < words.size(); ++i) (words[i].height() > usual ? tall : by_top).push_back(i);
  std::sort(by_top.begin(), by_top.end(), [&](std::size_t a, std::size_t b) { return words[a].y0 < words[b].y0; });
  std::vector<word> bullets;
  for (const auto& m : marks) {
    const double yc = (m.y0 + m.y1) / 2;
    const word* next = nullptr;
    bool covered = false;
    auto look = [&](const word& w) {
      if (yc < w.y0 || yc > w.y1) return;
      if (w.x0 < m.x1 && w.x1 > m.x0) covered = true;
      else if (w.x0 >= m.x1 && w.x0 - m.x1 <= 3 * w.height() && (!next || w.x0 < next->x0)) next = &w;
    };
    auto at = std::lower_bound(by_top.begin(), by_top.end(), yc - usual,
                               [&](std::size_t i, double y) { return words[i].y0 < y; });
    for (; at != by_top.end() && words[*at].y0 <= yc && !covered; ++at) look(words[*at]);
    for (std::size_t i = 0; i < tall.size() && i < 64 && !covered; ++i) look(words[tall[i]]);
    if (covered || !next) continue;
    word b;
    b.text = m.glyph;
    b.x0 = m.x0, b.x1 = m.x1, b.y0 = next->y0, b.y1 = next->y1;
    b.space_after = true;
    bullets.push_back(std::move(b));
  }
  for (auto& b : bullets) words.push_back(std::move(b));
}

/// poppler draws a page's annotations too: a link's border is no table's.
bool draw_annotation(Annot* annot, void*) { return annot && annot->getType() != Annot::typeLink; }

/// Words of one page, horizontal ones only (a vertical margin note is counted
/// and left out: its letters would scatter over every line it passes), and
/// the vertical rules that border a table's cells on it.
std::vector<word> words_of(PDFDoc& doc, int page, std::size_t& vertical, std::vector<rule>& rules) {
  std::vector<word> out;
  ruled_text dev;
  if (!dev.isOk()) return out;
  // the page at 72 dpi (points), unrotated by the reader, its crop box
  doc.displayPageSlice(&dev, page, 72, 72, 0, false, false, false, -1, -1, -1, -1, nullptr, nullptr, draw_annotation,
                       nullptr);
  rules = table_borders(std::move(dev.verticals), std::move(dev.horizontals));
  const auto list = dev.makeWordList();
  if (!list) return out;
  out.reserve(static_cast<std::size_t>(list->getLength()));
  // the page's links, in the words' space (top-left origin, the crop box's)
  std::vector<std::array<double, 4>> links;
  if (Page* p = doc.getPage(page); p && p->getRotate() == 0) {
    const PDFRectangle* crop = p->getCropBox();
    if (const auto all = p->getLinks())
      for (const AnnotLink* a : all->getLinks()) {
        double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
        a->getRect(&x1, &y1, &x2, &y2);
        links.push_back({std::min(x1, x2) - crop->x1, crop->y2 - std::max(y1, y2), std::max(x1, x2) - crop->x1,
                         crop->y2 - std::min(y1, y2)});
      }
  }
  // a page's words share a few fonts: each one's name read once
  std::unordered_map<const TextFontInfo*, bool> bold_fonts;
  auto bold_at = [&](const TextWord* t, int j) {
    const TextFontInfo* info = t->getFontInfo(j);
    auto [at, fresh] = bold_fonts.try_emplace(info, false);
    if (fresh) at->second = bold_font(info, t->getFontName(j));
    return at->second;
  };
  for (int i = 0; i < list->getLength(); ++i) {
    const TextWord* t = list->get(i);
    if (t->getRotation() != 0) {
      ++vertical;
      continue;
    }
    const std::unique_ptr<GooString> bytes(t->getText());
    if (!bytes) continue;
    word w;
    w.text = clean_word(std::string_view(bytes->c_str(), static_cast<std::size_t>(bytes->getLength())));
    // trim the spaces a control character became
    auto first = w.text.find_first_not_of(' ');
    if (first == std::string::npos) continue;
    w.text = w.text.substr(first, w.text.find_last_not_of(' ') - first + 1);
    t->getBBox(&w.x0, &w.y0, &w.x1, &w.y1);
    if (!(std::isfinite(w.x0) && std::isfinite(w.y0) && std::isfinite(w.x1) && std::isfinite(w.y1))) continue;
    if (w.x1 < w.x0) std::swap(w.x0, w.x1);
    if (w.y1 < w.y0) std::swap(w.y0, w.y1);
    w.space_after = t->hasSpaceAfter();
    const double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
    w.link = std::any_of(links.begin(), links.end(),
                         [&](const auto& r) { return cx >= r[0] && cx <= r[2] && cy >= r[1] && cy <= r[3]; });
    // bold when most of its characters are set in a bold font; marks of
    // punctuation in a font not bold before or after them stay outside the
    // run ("**citizen**.")
    const int n = t->getLength();
    int bold = 0;
    for (int j = 0; j < n; ++j) bold += bold_at(t, j) ? 1 : 0;
    w.bold = 2 * bold > n;
    auto plain_mark = [&](int j) {
      const Unicode c = *t->getChar(j);
      return c < 0x80 && std::ispunct(static_cast<int>(c)) && !bold_at(t, j);
    };
    while (w.bold && w.plain_lead + 1 < n && plain_mark(w.plain_lead)) ++w.plain_lead;
    while (w.bold && w.plain_trail + w.plain_lead + 1 < n && plain_mark(n - 1 - w.plain_trail)) ++w.plain_trail;
    // (counted in characters; kept only where the text's first and last
    // bytes are those marks still, a letter between them)
    auto ascii_marks = [&](std::size_t from, std::size_t count) {
      return std::all_of(w.text.begin() + static_cast<std::ptrdiff_t>(from),
                         w.text.begin() + static_cast<std::ptrdiff_t>(from + count),
                         [](char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; });
    };
    const auto lead = static_cast<std::size_t>(w.plain_lead), trail = static_cast<std::size_t>(w.plain_trail);
    if (lead + trail >= w.text.size() || !ascii_marks(0, lead) || !ascii_marks(w.text.size() - trail, trail))
      w.plain_lead = w.plain_trail = 0;
    out.push_back(std::move(w));
  }
  add_drawn_bullets(out, dev.marks);
  return out;
}

/// The size most characters are printed in, among the words added.
class size_tally {
 public:
  void add(const word& w) { chars_[std::lround(size_of(w) * 2)] += w.text.size(); }
  [[nodiscard]] double most() const {
    double size = 0;
    std::size_t best = 0;
    for (auto [s, n] : chars_)
      if (n > best) best = n, size = static_cast<double>(s) / 2;
    return size;
  }

 private:
  std::map<long, std::size_t> chars_;  // half points -> characters
};

void close_line(line& l) {
  std::sort(l.words.begin(), l.words.end(), [](const word& a, const word& b) { return a.x0 < b.x0; });
  l.x0 = l.y0 = 1e300;
  l.x1 = l.y1 = -1e300;
  size_tally sizes;
  for (const auto& w : l.words) {
    l.x0 = std::min(l.x0, w.x0);
    l.y0 = std::min(l.y0, w.y0);
    l.x1 = std::max(l.x1, w.x1);
    l.y1 = std::max(l.y1, w.y1);
    sizes.add(w);
  }
  l.size = sizes.most();
}

/// A word with a table's vertical border between it and the word before it,
/// beside its middle, begins a cell, however near the two words stand. (The
/// borders sorted by x, merged a column's border one rule; each pair of
/// neighbouring words looks at the few between them, 64 at most.)
void mark_ruled_cells(std::vector<line>& lines, const std::vector<rule>& rules) {
  if (rules.empty()) return;
  for (auto& l : lines)
    for (std::size_t i = 1; i < l.words.size(); ++i) {
      const word& before = l.words[i - 1];
      word& w = l.words[i];
      auto at = std::lower_bound(rules.begin(), rules.end(), before.x1 - 1,
                                 [](const rule& r, double x) { return r.x < x; });
      for (int seen = 0; at != rules.end() && at->x <= w.x0 + 1 && seen < 64; ++at, ++seen)
        if (at->y0 <= w.yc() && at->y1 >= w.yc()) {
          w.cell_first = true;
          break;
        }
    }
}

/// Words at one height make a line: sorted by their vertical middle, a word
/// joins the line while its middle is within 40% of the taller one's height
/// of the line's first word's middle.
std::vector<line> lines_of(std::vector<word> words) {
  std::sort(words.begin(), words.end(), [](const word& a, const word& b) {
    return a.yc() != b.yc() ? a.yc() < b.yc() : a.x0 < b.x0;
  });
  std::vector<line> out;
  double anchor = 0, anchor_h = 0;
  for (auto& w : words) {
    if (out.empty() || std::abs(w.yc() - anchor) > 0.4 * std::max(anchor_h, w.height())) {
      out.emplace_back();
      anchor = w.yc();
      anchor_h = w.height();
    }
    out.back().words.push_back(std::move(w));
  }
  for (auto& l : out) close_line(l);
  return out;
}

bool bullet(std::string_view t);

/// Words that read as an item's label: `P1`, `K12`, `1.2`, `AC 1.2`, `a)`,
/// `(iv)`, `3.`, or a single letter, digit or bullet glyph: at most eight
/// characters in all, holding a digit or ending in `)` or `.`; letters
/// without a digit are one or two, or a roman number (an abbreviation,
/// "(ICT)", or a word ending a sentence, "citizen.", is no label), and a
/// mark of punctuation alone, unless a bullet, is none.
bool label_like(const std::vector<word>& words, std::size_t n) {
  std::size_t points = n - 1;  // the spaces between them
  bool digit = false;
  for (std::size_t i = 0; i < n; ++i)
    for (unsigned char c : words[i].text) {
      if ((c & 0xC0) != 0x80) ++points;
      if (c >= '0' && c <= '9') digit = true;
    }
  if (points == 0 || points > 8) return false;
  const std::string& last = words[n - 1].text;
  if (points == 1) return bullet(last) || std::isalnum(static_cast<unsigned char>(last[0]));
  if (digit) return true;
  if (last.back() != ')' && last.back() != '.') return false;
  // letters only: one or two ("a.", "(b)", "AB)"), or a roman number ("(iv)", "xii.")
  std::string_view letters(last);
  if (letters.front() == '(') letters.remove_prefix(1);
  letters.remove_suffix(1);
  return !letters.empty() && (letters.size() <= 2 || (letters.size() <= 6 && (letters.find_first_not_of("ivx") ==
                                                                                  std::string_view::npos ||
                                                                              letters.find_first_not_of("IVX") ==
                                                                                  std::string_view::npos)));
}

/// Whether the word `w` would have fitted after the end of `l` (a space
/// between them as wide as the line's narrowest, a quarter em at least)
/// before `edge`: a line that had room for the next line's first word ended
/// there, it was not wrapped.
bool room_for(const line& l, const word& w, double edge) {
  // a space as wide as the line's own spaces between words (the narrowest
  // of them; a quarter em where it has none narrower than half an em)
  double space = 0.25 * std::max(1.0, size_of(w));
  double narrowest = 0.5 * std::max(1.0, l.size);
  bool measured = false;
  for (std::size_t i = 1; i < l.words.size(); ++i) {
    const double gap = l.words[i].x0 - l.words[i - 1].x1;
    if (gap > 0.05 * std::max(1.0, l.size) && gap < narrowest) narrowest = gap, measured = true;
  }
  if (measured) space = std::max(space, narrowest);
  return l.x1 + space + (w.x1 - w.x0) <= edge;
}

/// The space between two lines of a column, in em of the lower one's size.
double space_between(const line& above, const line& below) {
  return (below.y0 - above.y1) / std::max(1.0, below.size);
}

/// Whether `below` is printed under `above`, the next line down: its top
/// below the middle of `above` (a line set tighter than its font's height
/// overlaps the line above's box, and is still under it).
bool under(const line& above, const line& below) { return below.y0 > 0.5 * (above.y0 + above.y1); }

/// Space between lines, beyond the document's usual space within a
/// paragraph, in em: a blank line between paragraphs; space enough to part
/// a table's rows (a cell's padding); and the lesser space that shows a
/// cell's text set lower than its row's first line.
constexpr double paragraph_space = 0.4;
constexpr double row_space = 0.2;
constexpr double set_lower_space = 0.15;

/// The narrowest gap, in em, that may part a table's cells where the lines
/// around prove a column there, and how far around (in lines) they are looked for.
constexpr double near_cell_gap = 0.6;
constexpr std::size_t column_reach = 30;

/// A line that begins with a single letter followed by the next word a
/// space apart (not a label's gap), the letter in lower case or the word
/// after it: the letter is a word ("a brief overview", "A named assessor"),
/// not a label ("A Understand …" is one).
bool letter_word_first(const std::vector<word>& words) {
  if (words.size() < 2 || words[0].text.size() != 1) return false;
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const char c = words[0].text[0];
  if (!lower(c) && !(c >= 'A' && c <= 'Z' && lower(words[1].text.front()))) return false;
  return words[1].x0 - words[0].x1 <= em_between(words[0], words[1]);
}

/// A line that begins with a run of bold words ending in a colon, "Work
/// Products: These can be…": a lead-in that begins an item or paragraph.
bool bold_lead_in(const line& l) {
  for (std::size_t i = 0; i < l.words.size() && i < 8 && l.words[i].bold; ++i)
    if (l.words[i].text.back() == ':' || (i + 1 < l.words.size() && l.words[i + 1].text == ":")) return true;
  return false;
}

/// A line that begins with a field's name or a list's lead-in, in any type:
/// a capital, then a colon after one word or two ("Unit reference:
/// T/650/4417", "Level: 3"), or at the end of five words at most ("The
/// learner can:"); not a sentence's words that end at a colon ("Centre by
/// phone: …").
bool field_lead_in(const line& l) {
  if (l.words.empty() || !(l.words.front().text[0] >= 'A' && l.words.front().text[0] <= 'Z')) return false;
  if (l.words.size() <= 5 && l.words.back().text.back() == ':') return true;
  for (std::size_t i = 0; i < l.words.size() && i < 2; ++i)
    if (l.words[i].text.back() == ':') return true;
  return false;
}

/// A label that is the second of its sequence: `2.`, `2)`, `(b)`, `B.`, `ii)`.
bool second_label(std::string_view t) {
  if (!t.empty() && t.front() == '(') t.remove_prefix(1);
  if (!t.empty() && (t.back() == ')' || t.back() == '.')) t.remove_suffix(1);
  return t == "2" || t == "b" || t == "B" || t == "ii" || t == "II";
}

/// Words that begin with a label before text (`2.3 Check…`; not "a brief
/// overview").
bool begins_with_label(const std::vector<word>& words) {
  return words.size() > 1 && !letter_word_first(words) && label_like(words, 1);
}

/// Whether a line ends a sentence or a clause (. ! ? : ;), a closing quote or
/// bracket after it aside.
bool ends_clause(const line& l) {
  std::string_view t = l.words.back().text;
  while (t.size() > 1 && std::string_view(")]\"'").find(t.back()) != std::string_view::npos) t.remove_suffix(1);
  return std::string_view(".!?:;").find(t.back()) != std::string_view::npos;
}

/// A line of at most twelve words every character of which is bold.
bool all_bold(const line& l) {
  return l.words.size() <= 12 && std::all_of(l.words.begin(), l.words.end(), [](const word& w) {
           return w.bold && w.plain_lead == 0 && w.plain_trail == 0;
         });
}

/// Bullet glyphs a list item may be printed with: the block stream writes `-`.
bool bullet(std::string_view t) {
  for (std::string_view b : {"\u2022", "\u25E6", "\u25AA", "\u25AB", "\u25CF", "\u25A0", "\u2023", "\u2043", "\u2219", "\u00B7"})
    if (t == b) return true;
  return false;
}

/// Whether the gap before word `i` of a line is wider than two em.
bool wide_gap(const line& l, std::size_t i) {
  return l.words[i].x0 - l.words[i - 1].x1 > 2 * em_between(l.words[i - 1], l.words[i]);
}

/// Whether the gap before word `i` of a line parts two cells: wider than two
/// em (a table's or a form's columns), or proved a column's start by the
/// lines around it (a word processor's table, its cells closer than that).
bool cell_gap(const line& l, std::size_t i) {
  return l.words[i].cell_first || wide_gap(l, i);
}

/// The text of a line: a space where poppler saw one or the words stand
/// apart, nothing where a word was only split by a change of font, and a tab
/// for a gap wider than two em (a table's or a form's columns), except after
/// a label standing alone before its text, which is joined by a space. With
/// `emphasis`, a run of bold words is written between `**` (ended at a
/// cell's edge; a plain mark of punctuation at its edge left outside).
std::string text_of(const line& l, bool emphasis = false) {
  std::string out;
  bool first_gap = true;
  bool bold = false;  // a run of bold words open (`emphasis`: written between `**`)
  for (std::size_t i = 0; i < l.words.size(); ++i) {
    const word& w = l.words[i];
    const bool marker = i == 0 && bullet(w.text);
    if (i > 0) {
      const word& prev = l.words[i - 1];
      const double em = em_between(prev, w);
      const double gap = w.x0 - prev.x1;
      std::string_view space;
      if (cell_gap(l, i)) {
        space = (first_gap && label_like(l.words, i)) ? " " : "\t";
        first_gap = false;
      } else if (prev.space_after || gap > 0.15 * em) {
        space = " ";
      }
      // a run ends before a word not bold and at a cell's edge
      if (bold && (!w.bold || space == "\t")) {
        out.insert(out.size() - static_cast<std::size_t>(prev.plain_trail), "**");
        bold = false;
      }
      out += space;
    }
    if (emphasis && w.bold && !bold && !marker) {
      out.append(w.text, 0, static_cast<std::size_t>(w.plain_lead));
      out += "**";
      out.append(w.text, static_cast<std::size_t>(w.plain_lead));
      bold = true;
      continue;
    }
    out += marker ? std::string("-") : w.text;
  }
  if (bold) out.insert(out.size() - static_cast<std::size_t>(l.words.back().plain_trail), "**");
  return out;
}

/// `more` after `text` (a space between them, unless `space` is false): a
/// bold run that ends one and begins the other is one run.
void append_joined(std::string& text, std::string_view more, bool space = true) {
  if (text.size() >= 3 && text.ends_with("**") && text[text.size() - 3] != ' ' && more.size() >= 3 &&
      more.starts_with("**") && more[2] != ' ') {
    text.resize(text.size() - 2);
    more.remove_prefix(2);
  }
  if (space) text += ' ';
  text += more;
}

/// Whether `l` begins with marks of punctuation alone (". , ; : ! ? ) ]")
/// that a column too narrow for the word above and its mark put on a line of
/// their own: the word is its line's only one (a line breaks at a space,
/// unless a word does not fit its column at all). They run on with no space.
bool mark_broken_off(const line& above, const line& l) {
  return above.words.size() == 1 && !l.words.empty() &&
         l.words.front().text.find_first_not_of(".,;:!?)]") == std::string::npos;
}

/// Where the second cell of a line begins: the first word after a gap wider
/// than two em; negative when the line has no such gap.
double cell_start(const line& l) {
  for (std::size_t i = 1; i < l.words.size(); ++i)
    if (cell_gap(l, i)) return l.words[i].x0;
  return -1;
}

/// Whether a line ends in a word broken after its own hyphen, to run on into
/// the next line with no space: not where the line's other hyphens stand
/// before a space (a run-together list, "arrays- stacks- queues- linked lists-").
bool broken_after_hyphen(const line& l) {
  if (l.words.empty()) return false;
  const word& last = l.words.back();
  // (a dash standing alone, "Lifecycle - / Implementation", is no broken word)
  if (last.space_after || last.text.size() < 2 || last.text.back() != '-') return false;
  for (std::size_t w = 0; w + 1 < l.words.size(); ++w) {
    const std::string& t = l.words[w].text;
    if (t.size() > 1 && t.back() == '-' && l.words[w].space_after) return false;
  }
  return true;
}

/// A run of a line's words between gaps wider than two em: a cell's part of
/// the line. The gap after a label standing alone before its text parts no
/// cells (as text_of reads it), unless `label_gap` is false (in a table, a
/// column of labels is a column).
struct cell_run {
  std::size_t begin = 0, end = 0;
  double x0 = 0, x1 = 0;
};

std::vector<cell_run> cells_of(const line& l, bool label_gap = true) {
  std::vector<cell_run> out;
  bool first_gap = label_gap;
  std::size_t b = 0;
  for (std::size_t i = 1; i <= l.words.size(); ++i) {
    if (i < l.words.size()) {
      if (!cell_gap(l, i)) continue;
      const bool label = first_gap && label_like(l.words, i);
      first_gap = false;
      if (label) continue;
    }
    out.push_back({b, i, l.words[b].x0, l.words[i - 1].x1});
    b = i;
  }
  return out;
}

/// Running headers and footers are compared digits aside: "Page 3 of 12"
/// and "Page 4 of 12" are the same furniture.
std::string furniture_key(const line& l) {
  std::string key;
  bool in_digits = false, space = false;
  for (const auto& w : l.words) {
    if (!key.empty()) space = true;
    for (char c : w.text) {
      if (c >= '0' && c <= '9') {
        if (!in_digits) {
          if (space) key += ' ';
          key += '#';
        }
        in_digits = true;
        space = false;
        continue;
      }
      in_digits = false;
      if (space) key += ' ';
      space = false;
      key += c;
    }
  }
  return key;
}

// --- columns -----------------------------------------------------------------------

struct split {
  std::size_t begin = 0, end = 0;  ///< the run of lines [begin, end) the gutter crosses
  double x = 0;
};

bool crosses(const line& l, double x) {
  for (std::size_t i = 0; i < l.words.size(); ++i) {
    const word& w = l.words[i];
    if (w.x0 < x - 0.5 && w.x1 > x + 0.5) return true;
    // (a space between two words of running text, too narrow to part a
    // table's cells, that falls where the gutter would run is no gutter:
    // the line runs across)
    if (i > 0 && l.words[i - 1].x1 <= x && w.x0 >= x &&
        w.x0 - l.words[i - 1].x1 < near_cell_gap * em_between(w, l.words[i - 1]))
      return true;
  }
  return false;
}

/// Whether the run [b, e) of lines, cut at x, is two columns of text: each
/// side holds at least two lines, at least five lines in all, each side is
/// at least a quarter of the run's width, and the lines on each side carry
/// three words or more (a column of labels, or of a form's field names, has
/// one or two: those stay on their lines), and it is neither a gutter
/// between a table's columns nor one beside a sparse column of labels.
bool columns_at(const std::vector<line>& lines, std::size_t b, std::size_t e, double x) {
  std::size_t left_lines = 0, right_lines = 0;
  std::vector<std::size_t> left_words, right_words;
  double lo = 1e300, hi = -1e300;
  for (std::size_t i = b; i < e; ++i) {
    std::size_t l = 0, r = 0;
    for (const auto& w : lines[i].words) (w.x1 <= x ? l : r)++;
    if (l) ++left_lines, left_words.push_back(l);
    if (r) ++right_lines, right_words.push_back(r);
    lo = std::min(lo, lines[i].x0);
    hi = std::max(hi, lines[i].x1);
  }
  if (left_lines < 2 || right_lines < 2 || left_lines + right_lines < 5) return false;
  const double width = hi - lo;
  if (x - lo < 0.25 * width || hi - x < 0.25 * width) return false;
  auto median = [](std::vector<std::size_t>& v) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
  };
  if (median(left_words) < 3 || median(right_words) < 3) return false;
  // nor is a gutter along a drawn rule: where the words right of it begin a
  // cell after a rule on half the lines with words on both sides, two at
  // least, it runs between a bordered table's columns
  std::size_t both = 0, ruled = 0;
  for (std::size_t i = b; i < e; ++i) {
    const auto& ws = lines[i].words;
    for (std::size_t w = 1; w < ws.size(); ++w)
      if (ws[w - 1].x1 <= x && ws[w].x0 >= x) {
        ++both;
        ruled += ws[w].cell_first;
        break;
      }
  }
  if (ruled >= 2 && 2 * ruled >= both) return false;
  // a table's columns are not columns of text: where each side's lines are
  // themselves cells (a third of them with a gap of two em within) and most
  // lines run across the gutter (a row's cells side by side), the gutter is
  // between two of a table's columns
  std::size_t left_cells = 0, right_cells = 0, across = 0;
  bool left_adjacent = false;  // two lines one under another with text on the left
  std::vector<line> left(e - b), right(e - b);  // each line's part on either side
  for (std::size_t i = b; i < e; ++i) {
    line& l = left[i - b];
    line& r = right[i - b];
    for (const auto& w : lines[i].words) (w.x1 <= x ? l : r).words.push_back(w);
    if (!l.words.empty()) close_line(l);
    if (!r.words.empty()) close_line(r);
    left_cells += !l.words.empty() && cells_of(l).size() > 1;
    right_cells += !r.words.empty() && cells_of(r).size() > 1;
    across += !l.words.empty() && !r.words.empty();
    left_adjacent = left_adjacent || (i > b && !left[i - b - 1].words.empty() && !l.words.empty());
  }
  if (3 * left_cells >= left_lines && 3 * right_cells >= right_lines && 3 * across >= 2 * (e - b)) return false;
  // nor are a table's rows: where a cell begins on the left (its line above
  // had room for its first word, or was empty), a cell begins on the right
  // on the same line, four times in five or more and three times at least,
  // and the right side wraps more than the left (a column of names or
  // short cells beside wrapped text), the lines are rows, read across
  auto side_edge = [](const std::vector<line>& side) {
    double edge = -1e300;
    for (const auto& l : side)
      if (!l.words.empty()) edge = std::max(edge, l.x1);
    return edge;
  };
  const double left_edge = side_edge(left), right_edge = side_edge(right);
  auto begins = [](const std::vector<line>& side, std::size_t i, double edge) {
    return !side[i].words.empty() &&
           (i == 0 || side[i - 1].words.empty() || room_for(side[i - 1], side[i].words.front(), edge));
  };
  std::size_t left_begins = 0, aligned = 0, left_pairs = 0, left_full = 0, right_pairs = 0, right_full = 0;
  for (std::size_t i = 0; i < left.size(); ++i) {
    if (begins(left, i, left_edge)) {
      ++left_begins;
      aligned += begins(right, i, right_edge);
    }
    if (i > 0 && !left[i - 1].words.empty() && !left[i].words.empty())
      ++left_pairs, left_full += !begins(left, i, left_edge);
    if (i > 0 && !right[i - 1].words.empty() && !right[i].words.empty())
      ++right_pairs, right_full += !begins(right, i, right_edge);
  }
  if (left_begins >= 3 && 5 * aligned >= 4 * left_begins && right_pairs > 0 &&
      right_full * std::max<std::size_t>(left_pairs, 1) > left_full * right_pairs)
    return false;
  // (and where a third of the left side's lines are cells, its cells wrap
  // (a fifth of its lines or more go on from the line above, so that a cell
  // beginning beside another is no chance) and a cell begins on the left
  // beside four in five of the right side's, three at least: the right side
  // is a table's next column, its rows' cells set at their tops; the left
  // side's own begins may be more, a table's other columns among them)
  std::size_t right_begins = 0;
  for (std::size_t i = 0; i < right.size(); ++i) right_begins += begins(right, i, right_edge);
  if (right_begins >= 3 && 5 * aligned >= 4 * right_begins && 3 * left_cells >= left_lines &&
      5 * left_begins <= 4 * left_lines)
    return false;
  // (so are two or more such rows whose left cells, a line or two each, are
  // a sparse column beside the right's wrapped text, every one of them
  // beside a cell's beginning: a glossary's terms, some wrapped)
  if (left_begins >= 2 && aligned == left_begins && 2 * left_lines < right_lines && left_lines <= 2 * left_begins)
    return false;
  // nor is a column of labels: where the left side has text on fewer than
  // half the lines the right side has, each beside a line of the right side
  // and no two one under another (a glossary's terms, a form's names,
  // headings set in a margin; not a column of text that ends early), the
  // labels are read with the lines beside them
  return !(2 * left_lines < right_lines && across == left_lines && !left_adjacent);
}

/// The longest run of lines a vertical gutter runs through, found among the
/// gaps of at least one em between words: each gap's middle is tried as the
/// gutter, and kept when the lines it does not cross are two columns.
bool find_gutter(const std::vector<line>& lines, split& best) {
  std::map<long, std::size_t> candidates;  // points -> how many lines have a gap, or begin, there
  for (const auto& l : lines) {
    // columns whose lines are not at one height (paragraph spacing differs)
    // share no line: the start of a line is a candidate too
    ++candidates[std::lround(l.x0 - 1)];
    for (std::size_t i = 1; i < l.words.size(); ++i) {
      const double gap = l.words[i].x0 - l.words[i - 1].x1;
      if (gap >= em_between(l.words[i], l.words[i - 1]))
        ++candidates[std::lround(l.words[i - 1].x1 + gap / 2)];
    }
  }
  if (candidates.empty()) return false;
  std::vector<std::pair<std::size_t, long>> ranked;
  for (auto [x, n] : candidates) ranked.emplace_back(n, x);
  std::sort(ranked.rbegin(), ranked.rend());
  if (ranked.size() > 64) ranked.resize(64);  // bounded work on pages of scattered words
  bool found = false;
  for (auto [n, xi] : ranked) {
    if (n < 2) continue;
    const auto x = static_cast<double>(xi);
    std::size_t b = 0;
    for (std::size_t i = 0; i <= lines.size(); ++i) {
      if (i < lines.size() && !crosses(lines[i], x)) continue;
      if (i > b && i - b > (found ? best.end - best.begin : 0) && columns_at(lines, b, i, x)) {
        best = {b, i, x};
        found = true;
      }
      b = i + 1;
    }
  }
  return found;
}

/// The lines of a page in reading order: where a gutter splits a run of
/// lines, the left column is read before the right one; what is above and
/// below the run, and each column, are ordered the same way in turn.
void order_lines(std::vector<line> lines, int depth, int& flow, std::vector<line>& out) {
  split s;
  if (depth >= 4 || lines.size() < 5 || !find_gutter(lines, s)) {
    for (auto& l : lines) {
      l.flow = flow;
      out.push_back(std::move(l));
    }
    return;
  }
  std::vector<line> before(std::make_move_iterator(lines.begin()),
                           std::make_move_iterator(lines.begin() + static_cast<std::ptrdiff_t>(s.begin)));
  std::vector<line> after(std::make_move_iterator(lines.begin() + static_cast<std::ptrdiff_t>(s.end)),
                          std::make_move_iterator(lines.end()));
  std::vector<line> left, right;
  for (std::size_t i = s.begin; i < s.end; ++i) {
    line l, r;
    l.number = r.number = lines[i].number;
    for (auto& w : lines[i].words) (w.x1 <= s.x ? l : r).words.push_back(std::move(w));
    if (!l.words.empty()) close_line(l), left.push_back(std::move(l));
    if (!r.words.empty()) close_line(r), right.push_back(std::move(r));
  }
  order_lines(std::move(before), depth + 1, flow, out);
  ++flow;
  order_lines(std::move(left), depth + 1, flow, out);
  ++flow;
  order_lines(std::move(right), depth + 1, flow, out);
  ++flow;
  order_lines(std::move(after), depth + 1, flow, out);
}

// --- tables ------------------------------------------------------------------------

/// A line of a table: its words column by column (a column with none on the
/// line has an empty one).
struct table_line {
  std::size_t at = 0;  ///< index in the page-by-page order of lines
  std::vector<line> cells;
};

/// The line's words in the columns that begin at `starts`: each word begins
/// in one column and stays left of the next; a word begins the next
/// column's cell where it begins at or past that column's start, at least
/// three fifths of an em after the word before (a cell's text may come closer to
/// the next column than a form's gap of two em). False when a word lies
/// left of the first column, runs across a column's start, or a run of
/// words set a space apart does.
bool fit_columns(const line& l, const std::vector<double>& starts, std::vector<line>& cells) {
  cells.assign(starts.size(), line{});
  std::size_t at = 0;  // the column of the word before
  for (std::size_t i = 0; i < l.words.size(); ++i) {
    const word& w = l.words[i];
    std::size_t c = starts.size();
    for (std::size_t j = starts.size(); j-- > 0;)
      if (w.x0 >= starts[j] - 3) {
        c = j;
        break;
      }
    if (c == starts.size() || (c + 1 < starts.size() && w.x1 > starts[c + 1] - 1)) return false;
    if (i > 0 && c != at) {
      const word& before = l.words[i - 1];
      if (c < at || w.x0 - before.x1 < 0.6 * em_between(w, before)) return false;
    }
    cells[c].words.push_back(w);
    at = c;
  }
  for (auto& c : cells)
    if (!c.words.empty()) close_line(c);
  return true;
}

/// How a line of a cell goes on from the cell's text above it.
enum class cell_break {
  wrap,       ///< the same paragraph, wrapped
  paragraph,  ///< a paragraph of its own (space above it)
  item        ///< an item of a list (a bullet begins it)
};

/// The words a document prints, in lower case: what proves a word that a
/// column too narrow for it broke with no hyphen ("communicatio / n", as a
/// word processor breaks a word longer than a table's cell is wide) one word.
class vocabulary {
 public:
  /// `inner`: a space before it as well (a line's first word may be the
  /// rest of a word broken above it, "communicatio / n skills").
  void add(std::string_view w, bool inner) {
    auto k = key(w, true);
    if (!k) return;
    if (inner) inner_.insert(*k);
    words_.insert(std::move(*k));
  }
  /// Ready for `broken` once every word is added.
  void finish() {
    sorted_.assign(words_.begin(), words_.end());
    std::sort(sorted_.begin(), sorted_.end());
  }
  /// Whether `l`'s first word is the rest of `head`, the word the text
  /// above ends with, `whole` set to the two parts joined. The part below
  /// begins in lower case, and the document proves the join:
  /// - `head` is no word it prints, and the two joined are one, or the start
  ///   of one where the part below is its line's only word (more of the word
  ///   to come: "envi / ron / men / t");
  /// - the part below is no word it prints ("decision / s"), the two joined
  ///   are one -- or the start of one, "the / msel / ves", where the line
  ///   above `fills` its column (one word, no room left after it for one
  ///   more letter);
  /// - both parts are words it prints, the two joined are one, and the line
  ///   above fills its column ("with / in");
  /// - neither part is a word it prints and the line above fills its column
  ///   `unproven` (see runs_on_unspaced): "crea / te", "communicatio / n". A
  ///   word processor breaks a word with no hyphen only where the word is
  ///   wider than its column.
  bool broken(std::string_view head, const line& l, bool fills, bool unproven, std::string& whole) const {
    if (l.words.empty() || !(l.words.front().text[0] >= 'a' && l.words.front().text[0] <= 'z')) return false;
    const auto h = key(head, false);
    const auto tail = key(l.words.front().text, true);
    if (!h || !tail) return false;
    const std::string joined = *h + *tail;
    const bool head_printed = words_.count(*h) > 0, tail_printed = inner_.count(*tail) > 0;
    const bool exact = words_.count(joined) > 0;
    const bool prefix = l.words.size() == 1 && joined.size() >= 3 && begins(joined);
    const bool found = !head_printed  ? exact || prefix || (unproven && !tail_printed)
                       : !tail_printed ? exact || (fills && prefix)
                                       : fills && exact;
    if (!found) return false;
    whole = std::string(head) + std::string(trimmed(l.words.front().text));
    return true;
  }

  /// Whether `head` is no word the document prints but the start of a
  /// longer one.
  [[nodiscard]] bool begins_longer(std::string_view head) const {
    const auto h = key(head, false);
    return h && !words_.count(*h) && begins(*h);
  }

 private:
  /// Whether a printed word is longer than `k` and begins with it.
  [[nodiscard]] bool begins(const std::string& k) const {
    const auto at = std::lower_bound(sorted_.begin(), sorted_.end(), k);
    return at != sorted_.end() && at->size() > k.size() && at->compare(0, k.size(), k) == 0;
  }
  /// A word without the marks of punctuation after it.
  static std::string_view trimmed(std::string_view w) {
    while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ':' || w.back() == ';')) w.remove_suffix(1);
    return w;
  }
  /// A word's letters in lower case (ASCII letters only, trailing marks of
  /// punctuation and a possessive's "'s" dropped where `trail` is true);
  /// none for another word.
  static std::optional<std::string> key(std::string_view w, bool trail) {
    if (trail) {
      w = trimmed(w);
      // a possessive's "'s" is no part of the word ("peo / ple's")
      for (std::string_view s : {std::string_view("'s"), std::string_view("\u2019s")})
        if (w.size() > s.size() && w.ends_with(s)) w.remove_suffix(s.size());
    }
    if (w.empty() || w.size() > 64) return std::nullopt;
    for (char c : w)
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return std::nullopt;
    std::string k(w);
    for (char& c : k)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return k;
  }
  std::unordered_set<std::string> words_, inner_;
  std::vector<std::string> sorted_;
};

/// A word a narrow column broke, joined: the two parts as printed, the word
/// written, and the line of the block stream it went to (once written).
struct word_repair {
  std::string printed, whole;
  std::size_t at = 0;
};

/// The last word of a text written so far (after a space, a tab or a
/// `<br>`), its bold marks aside.
/// (A word longer than 64 bytes is none: the look-up stays short on a text
/// that runs on with no space, line after line.)
std::string_view last_word(std::string_view text) {
  while (text.ends_with("**")) text.remove_suffix(2);
  const std::size_t from = text.size() > 66 ? text.size() - 66 : 0;
  const auto at = text.substr(from).find_last_of(" \t>");
  if (at == std::string_view::npos && from > 0) return {};
  if (at != std::string_view::npos) text.remove_prefix(from + at + 1);
  while (text.starts_with("**")) text.remove_prefix(2);
  return text;
}

/// Whether the paragraph written so far sets a word's hyphen before a space
/// ("arrays- stacks- queues-", a list run together): a hyphen ending a line
/// in it is that list's, not a word broken there.
bool hyphens_before_spaces(std::string_view written) {
  // (the paragraph being written, its last 600 bytes: after the stream's last
  // line break, or a cell's; two such hyphens at least, one may be a
  // suspended hyphen, "full- or part-time")
  if (written.size() > 600) written.remove_prefix(written.size() - 600);
  if (const auto nl = written.rfind('\n'); nl != std::string_view::npos) written.remove_prefix(nl + 1);
  if (const auto br = written.rfind("<br>"); br != std::string_view::npos) written.remove_prefix(br + 4);
  int hits = 0;
  for (auto at = written.find("- "); at != std::string_view::npos && hits < 2; at = written.find("- ", at + 2))
    if (at > 0 && std::isalpha(static_cast<unsigned char>(written[at - 1]))) ++hits;
  return hits >= 2;
}

/// How the edge of a table's column breaks a cell's line from the one above
/// it (see tables_of).
struct column_edge {
  bool fills = false;        ///< the line above is one word, with no room left after it for one more letter
  bool breaks_below = false;  ///< the line is itself one word the column breaks, going on below it
};

/// Whether `l` runs on from `above` (`written`: the text so far, ending
/// with it) with no space between them: a word broken after its own
/// hyphen, a mark of punctuation broken off, or a word the column's edge
/// broke (then `repair` says which) -- where the column is `narrow` (a
/// table's cell, a narrow run of lines) or the line above is one word, as
/// a word processor breaks a word too long for its column.
bool runs_on_unspaced(const line& above, const line& l, std::string_view written, const vocabulary& words, bool narrow,
                      column_edge edge, std::optional<word_repair>& repair) {
  std::string whole;
  const auto head = last_word(written);
  // (where the word written so far is one a join made, not the line above's
  // own, a part neither word proves goes on with it only if the part does
  // not go on below in turn: "rece / ives / indi / vidu / al" is two words,
  // "cons / ulte / d / abo / ut" two as well -- or if the word so far is the
  // start of a longer word the document prints, "emp / owe / rs")
  const bool fills = edge.fills && above.words.size() == 1;
  const bool unproven =
      fills && (head == above.words.front().text || words.begins_longer(head) || !edge.breaks_below);
  if ((narrow || above.words.size() == 1) && !head.empty() && words.broken(head, l, fills, unproven, whole)) {
    repair = word_repair{std::string(head) + ' ' + l.words.front().text, std::move(whole)};
    return true;
  }
  return (broken_after_hyphen(above) && !hyphens_before_spaces(written)) || mark_broken_off(above, l);
}

/// A cell's lines as one text, in the readers' cell form: a wrapped line
/// joined by a space (with none where runs_on_unspaced says so), a
/// paragraph after `<br>`, a list item after `<br>- ` without its bullet.
void append_cell_line(std::string& cell, const line& above, const line& l, cell_break how, const vocabulary& words,
                      column_edge edge, std::optional<word_repair>& repair) {
  std::string t = text_of(l, true);  // a wide gap inside one cell is a space there, not another cell
  std::replace(t.begin(), t.end(), '\t', ' ');
  if (how == cell_break::item && !cell.empty()) {
    if (t.starts_with("- ")) t.erase(0, 2);  // the bullet, as text_of writes it
    cell += "<br>- ";
  } else if (!cell.empty()) {
    if (how == cell_break::paragraph) {
      cell += "<br>";
    } else {
      return append_joined(cell, t, !runs_on_unspaced(above, l, cell, words, true, edge, repair));
    }
  }
  cell += t;
}

/// One printed row of a table as the block stream writes it: its cells'
/// texts a tab apart (every cell kept, an empty one as an empty text), at
/// the row's first line.
struct table_row {
  std::string text;
  std::size_t at = 0;  ///< index in the page-by-page order of its first line
  std::vector<word_repair> repairs;  ///< words in it a narrow cell broke, joined
};

struct table {
  std::size_t first = 0, last = 0;  ///< its lines, [first, last], in the page-by-page order
  std::vector<table_row> rows;
};

/// Tables among the lines of the document, given page by page (`flat`, each
/// line with its page's index): a run of lines from a line of two cells or
/// more whose cells all stay in that line's columns, in one column of text
/// or over a page break, with no heading and no gap wider than a blank line in it. A
/// run of one line is no table. Its rows: a line with space above it begins
/// one, unless it is a paragraph or a list's item in a cell of the row (its
/// first column empty); a line with none begins one unless every cell it has
/// continues the cell above it (the cell's text wrapped there), or the
/// table parts its rows by space; a cell's text set lower stays in its row.
template <class IsHeading>
std::vector<table> tables_of(const std::vector<std::pair<std::size_t, const line*>>& flat, double usual_gap,
                             IsHeading is_heading, const vocabulary& words) {
  std::vector<table> out;
  // the gap from the line before, in em; 0 over a page break; negative
  // where the two are in different columns of one page
  auto gap_before = [&](std::size_t i) {
    const auto& [pk, p] = flat[i - 1];
    const auto& [mk, m] = flat[i];
    if (pk != mk) return 0.0;
    if (p->flow != m->flow) return -1.0;
    return std::max(0.0, space_between(*p, *m));
  };
  std::vector<table_line> lines;
  std::vector<line> cells;
  for (std::size_t i = 0; i < flat.size();) {
    const line& first = *flat[i].second;
    // a line whose only wide gap follows a label ("LMAC5A   Leading and
    // Managing…", "1.   check that…") may begin a table, if a row of it proves
    // its columns cells (below)
    const bool label_start = cells_of(first).size() < 2;
    std::vector<double> starts;
    for (const auto& r : cells_of(first, false)) starts.push_back(r.x0);
    if (starts.size() < 2 || is_heading(first)) {
      ++i;
      continue;
    }
    lines.clear();
    fit_columns(first, starts, cells);
    lines.push_back({i, cells});
    std::size_t j = i + 1;
    for (; j < flat.size(); ++j) {
      const double gap = gap_before(j);
      if (gap < 0 || gap > usual_gap + 1.0 || is_heading(*flat[j].second) ||
          !fit_columns(*flat[j].second, starts, cells))
        break;
      lines.push_back({j, cells});
    }
    // begun by a label and its text, the run is a table only where a line
    // has two cells and no label first ("LMAC5A/LM   Leadership…"): a list
    // of items whose labels stand apart from their texts has none
    const bool cells_proved =
        !label_start || std::any_of(lines.begin(), lines.end(), [](const table_line& t) {
          const auto filled = std::count_if(t.cells.begin(), t.cells.end(), [](const line& c) { return !c.words.empty(); });
          const auto& c0 = t.cells.front().words;
          return filled >= 2 && !c0.empty() && !label_like(c0, c0.size());
        });
    if (lines.size() < 2 || !cells_proved) {
      ++i;
      continue;
    }
    // a cell set in the middle of its row's height (a web page's table
    // cell, unless styled) sits between two lines of a taller cell beside
    // it: its line and theirs are printed half a line apart, and the two
    // lines it sits between are as close as a paragraph's; it is read with
    // the line above it
    for (std::size_t r = 1; r + 1 < lines.size();) {
      const line& a = *flat[lines[r - 1].at].second;
      const line& m = *flat[lines[r].at].second;
      const line& b = *flat[lines[r + 1].at].second;
      bool apart = flat[lines[r - 1].at].first == flat[lines[r + 1].at].first &&
                   space_between(a, b) <= usual_gap + paragraph_space && m.yc() > a.yc() && m.yc() < b.yc();
      for (std::size_t c = 0; c < starts.size() && apart; ++c)
        if (!lines[r].cells[c].words.empty() &&
            (!lines[r - 1].cells[c].words.empty() || !lines[r + 1].cells[c].words.empty()))
          apart = false;
      if (!apart) {
        ++r;
        continue;
      }
      for (std::size_t c = 0; c < starts.size(); ++c)
        if (!lines[r].cells[c].words.empty()) lines[r - 1].cells[c] = std::move(lines[r].cells[c]);
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(r));  // the line now at r is tried in turn
    }
    // where each column's text ends on the right: its widest line, where
    // it has three lines at least (in two, neither line proves the other
    // full)
    std::vector<double> edge(starts.size(), -1e300);
    std::vector<std::size_t> column_lines(starts.size());
    for (const auto& t : lines)
      for (std::size_t c = 0; c < starts.size(); ++c)
        if (!t.cells[c].words.empty()) {
          edge[c] = std::max(edge[c], t.cells[c].x1);
          ++column_lines[c];
        }
    for (std::size_t c = 0; c < starts.size(); ++c)
      if (column_lines[c] < 3) edge[c] = 1e300;
    // whether a cell's line continues the cell's line above: `strong` when
    // it must (the line above was too full for this line's first word, which
    // is in lower case); `weak` when a capital begins it (a capital begins a
    // row, as a paragraph, unless another cell of the line continues
    // strongly, the line has nothing in its first column -- a name that runs
    // on in a value's cell, "Restaurant / Supervisors" -- or it is the line's
    // only cell under a label alone, "Duty 2 / Diagnose faults ..."); `no`
    // when the line above had room for its first word, is empty, or the line
    // begins with a label before text or with a bullet (a number alone is a
    // value's last word, "Level / 2", unless it is a label with its "." over
    // a capital, "1. / You")
    enum class verdict { no, weak, strong };
    auto continues = [&](const line& above, const line& l, std::size_t c, bool only_cell, bool over_break,
                         const line* below = nullptr) {
      if (above.words.empty()) return verdict::no;
      // a rule of dashes or underscores is a row of its own
      auto rule = [](const line& x) {
        return std::all_of(x.words.begin(), x.words.end(), [](const word& w) {
          return w.text.find_first_not_of("-_=") == std::string::npos;
        });
      };
      if (rule(l) || rule(above)) return verdict::no;
      const word& w = l.words.front();
      // (a column of two lines proves no edge: over a page break nothing
      // tells, on one page a word in lower case still goes on)
      const bool edge_known = edge[c] < 1e299;
      if ((edge_known && room_for(above, w, edge[c])) || (!edge_known && over_break)) return verdict::no;
      // (a number alone with its "." or ")" begins an item whose text a
      // narrow column put under it, beginning with a capital: "ria / 1. /
      // You", "lives / 4. / You"; a number that ends a sentence is no label,
      // "at Level / 3. / of", letters and a full stop may be a word's end,
      // "achievemen / ts.", and a lettered label a sub-item's in the row's
      // own cell, "to: / (a)")
      const bool label_alone =
          l.words.size() == 1 && w.text.size() <= 4 && label_like(l.words, 1) &&
          (w.text.back() == ')' || w.text.back() == '.') &&
          w.text.find_first_not_of("0123456789.)") == std::string::npos &&
          w.text.find_first_of("0123456789") != std::string::npos && below && !below->words.empty() &&
          std::isupper(static_cast<unsigned char>(below->words.front().text.front()));
      if (begins_with_label(l.words) || bullet(w.text) || label_alone)
        return verdict::no;
      const auto c0 = static_cast<unsigned char>(w.text.front());
      if (!(c0 >= 'A' && c0 <= 'Z')) return verdict::strong;
      const std::string& a = above.words.front().text;
      const bool number = above.words.size() == 1 && a.find_first_not_of("0123456789") == std::string::npos;
      return only_cell && above.words.size() <= 2 && !number && label_like(above.words, above.words.size())
                 ? verdict::strong
                 : verdict::weak;
    };
    // whether a cell's line above is one word as wide as its column: no
    // room left after it for the first letter of the line below (a letter
    // as wide as that line's first word's on average, and half as wide
    // again: an "m" is wider than most)
    // -- in a column the document proves breaks words so: a word broken
    // there whose two parts joined it prints elsewhere (one is enough: a
    // word wider than its column is broken, whatever its letters)
    auto fills_line = [&](const line& above, const line& l, std::size_t c) {
      if (above.words.size() != 1 || l.words.empty() || edge[c] > 1e299) return false;
      const word& w = l.words.front();
      const double letter = (w.x1 - w.x0) / static_cast<double>(std::max<std::size_t>(1, w.text.size()));
      return above.x1 + 1.5 * letter >= edge[c];
    };
    std::vector<char> breaks_words(starts.size(), 0);
    for (std::size_t r = 1; r < lines.size(); ++r)
      for (std::size_t c = 0; c < starts.size(); ++c) {
        const line& above = lines[r - 1].cells[c];
        std::string whole;
        if (!breaks_words[c] && fills_line(above, lines[r].cells[c], c) &&
            words.broken(above.words.front().text, lines[r].cells[c], false, false, whole))
          breaks_words[c] = 1;
      }
    auto edge_at = [&](const line& above, std::size_t r, std::size_t c) {
      column_edge e;
      const line& l = lines[r].cells[c];
      if (!breaks_words[c]) return e;
      e.fills = fills_line(above, l, c);
      if (r + 1 < lines.size() && l.words.size() == 1) {
        const line& below = lines[r + 1].cells[c];
        const bool f = fills_line(l, below, c);
        std::string whole;
        e.breaks_below = words.broken(l.words.front().text, below, f, f, whole);
      }
      return e;
    };
    table t{i, j - 1, {}};
    std::vector<std::string> row(starts.size());
    std::vector<word_repair> row_repairs;
    std::size_t row_at = i;
    auto end_row = [&] {
      std::string text;
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (c) text += '\t';
        text += row[c];
      }
      t.rows.push_back({std::move(text), row_at, std::move(row_repairs)});
      row_repairs.clear();
      for (auto& cell : row) cell.clear();
    };
    // each column's last line in the row being read: the line a cell's
    // next line continues; over a page break a cell that ended on a line
    // above the row's last goes on at the top of the next page
    const line none;
    std::vector<const line*> last_in_row(starts.size(), &none);
    auto here_line = [&](std::size_t r) -> const line& { return *flat[lines[r].at].second; };
    // space above a line: more than between a paragraph's lines
    auto spaced_above = [&](std::size_t r) {
      if (flat[lines[r].at].first != flat[lines[r - 1].at].first) return false;
      return space_between(here_line(r - 1), here_line(r)) > usual_gap + row_space;
    };
    // whether the table parts its rows by space: most lines that surely
    // begin a row (the first column's text begins anew under a line that
    // had room for its first word) have space above them, two at least;
    // there a line with none above it goes on in the row, whatever its
    // first letter
    std::size_t spaced_rows = 0, tight_rows = 0;
    for (std::size_t r = 1; r < lines.size(); ++r)
      if (!lines[r].cells[0].words.empty() &&
          continues(lines[r - 1].cells[0], lines[r].cells[0], 0, false, false) == verdict::no &&
          flat[lines[r].at].first == flat[lines[r - 1].at].first)
        ++(spaced_above(r) ? spaced_rows : tight_rows);
    const bool rows_spaced = spaced_rows >= 2 && spaced_rows > tight_rows;
    std::vector<cell_break> how(starts.size());
    for (std::size_t r = 0; r < lines.size(); ++r) {
      bool begins = r == 0;
      std::fill(how.begin(), how.end(), cell_break::wrap);
      if (!begins) {
        const bool new_page = flat[lines[r].at].first != flat[lines[r - 1].at].first;
        // space above the line: a new row where the first column has text,
        // two cells have (a row's cells side by side) or a label begins the
        // cell (a row under a cell that spans rows); else a paragraph of its
        // own in the row's cell, unless it begins in lower case (the rest of
        // a row a page break cut, printed under the table's header repeated)
        const bool spaced = spaced_above(r);
        const bool first_empty = lines[r].cells[0].words.empty();
        // a line closer to the one above than a paragraph's lines are (less
        // than a line's pitch under it), in cells empty so far in the row:
        // those cells' text set lower in the row (a paragraph's space above
        // it inside the cell)
        bool set_lower = !new_page && first_empty &&
                         space_between(here_line(r - 1), here_line(r)) < usual_gap - set_lower_space;
        for (std::size_t c = 0; c < starts.size() && set_lower; ++c)
          if (!lines[r].cells[c].words.empty() && !row[c].empty()) set_lower = false;
        bool weak = false, strong = false;
        const auto filled = std::count_if(lines[r].cells.begin(), lines[r].cells.end(),
                                          [](const line& cell) { return !cell.words.empty(); });
        for (std::size_t c = 0; c < starts.size() && !set_lower; ++c) {
          if (lines[r].cells[c].words.empty()) continue;
          // a bullet under a cell's text, the first column empty: an item of a list in the cell
          if (first_empty && !row[c].empty() && bullet(lines[r].cells[c].words.front().text)) {
            how[c] = cell_break::item;
            continue;
          }
          if (spaced) {
            const auto& ws = lines[r].cells[c].words;
            const auto c0 = static_cast<unsigned char>(ws.front().text.front());
            if (first_empty && filled == 1 && !(c0 >= 'a' && c0 <= 'z') && !begins_with_label(ws))
              how[c] = cell_break::paragraph;
            else
              begins = true;
            continue;
          }
          const verdict v =
              continues(new_page ? *last_in_row[c] : lines[r - 1].cells[c], lines[r].cells[c], c, filled == 1, new_page,
                        r + 1 < lines.size() ? &lines[r + 1].cells[c] : nullptr);
          begins = begins || v == verdict::no;
          weak = weak || v == verdict::weak;
          strong = strong || v == verdict::strong;
        }
        begins = begins || (weak && !strong && !first_empty && !(rows_spaced && !new_page));
      }
      if (begins && r > 0) {
        end_row();
        std::fill(last_in_row.begin(), last_in_row.end(), &none);
      }
      if (begins) row_at = lines[r].at;
      for (std::size_t c = 0; c < starts.size(); ++c)
        if (!lines[r].cells[c].words.empty()) {
          std::optional<word_repair> repair;
          append_cell_line(row[c], *last_in_row[c], lines[r].cells[c], begins ? cell_break::wrap : how[c], words,
                           edge_at(*last_in_row[c], r, c), repair);
          if (repair) row_repairs.push_back(std::move(*repair));
          last_in_row[c] = &lines[r].cells[c];
        }
    }
    end_row();
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

// --- the block stream --------------------------------------------------------------

struct writer {
  loaded_text& r;
  void put(std::string text, source_origin o) {
    r.text += text;
    r.text += '\n';
    r.origins.push_back(o);
  }
  void blank(std::uint32_t page) {
    if (r.text.empty() || (r.text.size() >= 2 && r.text[r.text.size() - 2] == '\n')) return;
    put({}, {.page = page});
  }
};

double median(std::vector<double> v, double fallback) {
  if (v.empty()) return fallback;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

loaded_text refuse(std::string why) {
  loaded_text r;
  r.format = to_string(input_format::pdf);
  r.error = std::move(why);
  return r;
}

void quiet(ErrorCategory, Goffset, const char*) {}

/// The document's title from its properties, as UTF-8 (a PDF text string is
/// UTF-16 with its byte order mark, or PDFDocEncoding), through poppler's
/// text encoding, as it writes a word's text.
std::string title_of(PDFDoc& doc) {
  const std::unique_ptr<GooString> raw(doc.getDocInfoTitle());
  const UnicodeMap* utf8 = globalParams->getTextEncoding();
  if (!raw || !utf8) return {};
  Unicode* ucs4 = nullptr;
  const int n = TextStringToUCS4(raw->toStr(), &ucs4);
  std::string out;
  char buf[8];
  for (int i = 0; i < n; ++i)
    if (ucs4[i] >= 0x20) out.append(buf, static_cast<std::size_t>(utf8->mapUnicode(ucs4[i], buf, sizeof buf)));
  gfree(ucs4);
  return out;
}

loaded_text read(std::string_view bytes, const read_limits& limits) {
  static std::once_flag started;  // poppler's settings, once; its complaints not on stderr
  std::call_once(started, [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    setErrorCallback(quiet);
  });
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return refuse("the PDF is larger than 2 GiB");
  // the document reads from the caller's bytes (the stream does not own them)
  PDFDoc doc(new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)));
  if (!doc.isOk() && doc.getErrorCode() == errEncrypted)
    return refuse("the PDF is encrypted and needs a password to open: its text cannot be read");
  if (!doc.isOk()) return refuse("the PDF is damaged or truncated: poppler could not open it");
  const int count = doc.getNumPages();
  if (count <= 0) return refuse("the PDF has no pages (damaged or truncated)");

  loaded_text r;
  r.format = to_string(input_format::pdf);
  r.encoding = "UTF-8";
  const auto total = static_cast<std::uint32_t>(count);
  const std::uint32_t read_pages = std::min(total, limits.max_pages);

  std::vector<page_text> pages;
  pages.reserve(read_pages);
  std::size_t vertical = 0, words = 0;
  std::vector<std::uint32_t> empty_pages;
  for (std::uint32_t i = 0; i < read_pages; ++i) {
    page_text pt;
    pt.number = i + 1;
    if (Page* p = doc.getPage(static_cast<int>(i) + 1)) {
      pt.height = p->getCropHeight();
      pt.width = p->getCropWidth();
      std::vector<rule> rules;
      auto ws = words_of(doc, static_cast<int>(i) + 1, vertical, rules);
      words += ws.size();
      pt.lines = lines_of(std::move(ws));
      mark_ruled_cells(pt.lines, rules);
    }
    if (pt.lines.empty()) empty_pages.push_back(pt.number);
    pages.push_back(std::move(pt));
  }
  // a link that ends three lines or more with the same words, none of them
  // the whole line, is the page's furniture ("Back to top", "Back to Duty":
  // a web page's print), not their text, as the HTML reader reads it
  std::size_t repeated_links = 0;
  {
    auto trailing = [](const line& l) {
      std::size_t n = 0;
      while (n < l.words.size() && l.words[l.words.size() - 1 - n].link) ++n;
      return n < l.words.size() ? n : 0;
    };
    auto key = [](const line& l, std::size_t n) {
      std::string k;
      for (std::size_t i = l.words.size() - n; i < l.words.size(); ++i) k += (k.empty() ? "" : " ") + l.words[i].text;
      return k;
    };
    std::unordered_map<std::string, std::size_t> ends;
    for (const auto& p : pages)
      for (const auto& l : p.lines)
        if (const auto n = trailing(l)) ++ends[key(l, n)];
    for (auto& p : pages)
      for (auto& l : p.lines)
        if (const auto n = trailing(l); n && ends[key(l, n)] >= 3) {
          l.words.resize(l.words.size() - n);
          close_line(l);
          ++repeated_links;
        }
  }
  if (words == 0)
    return refuse("the PDF has no text layer (" + std::to_string(read_pages) + (read_pages == 1 ? " page" : " pages") +
                  " of images or drawings only, a scanned document?): there is no text to read");

  // running headers and footers: the same line, digits aside, among the two
  // lines nearest the top or the bottom edge (within 15% of the page) of at
  // least half the pages, and of two pages at least
  std::unordered_map<std::string, std::size_t> seen;
  auto band = [](const page_text& p, auto&& f) {
    const std::size_t n = p.lines.size();
    for (std::size_t i = 0; i < n; i = (i == 1 && n > 4) ? n - 2 : i + 1) {
      const bool top = i < 2 && p.lines[i].y1 < 0.15 * p.height;
      const bool bottom = i + 2 >= n && p.lines[i].y0 > 0.85 * p.height;
      if (top || bottom) f(i);
    }
  };
  for (auto& p : pages) {
    std::vector<std::string> keys;
    band(p, [&](std::size_t i) { keys.push_back(furniture_key(p.lines[i])); });
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (auto& k : keys) ++seen[k];
  }
  // a page of its own has no second page to repeat its header: there, and
  // on every page, a line at the top or bottom edge that numbers the page
  // ("3/12", "Page 3 of 12", the page's own number and the count), or that
  // holds the document's title (its properties) in print smaller than most
  // of the text beside more words (a browser's date and title), is furniture
  // too
  std::string title;
  {
    title = nfc(title_of(doc));
    while (!title.empty() && title.back() == ' ') title.pop_back();
  }
  size_tally all_sizes;
  for (const auto& p : pages)
    for (const auto& l : p.lines)
      for (const auto& w : l.words) all_sizes.add(w);
  const double most_size = all_sizes.most();
  auto numbers_page = [&](const line& l, std::uint32_t page) {
    const std::string n = std::to_string(page), m = std::to_string(total);
    const auto& w = l.words;
    if (!w.empty() && w.back().text == n + "/" + m) return true;
    return w.size() >= 3 && w[w.size() - 3].text == n && w[w.size() - 2].text == "of" && w.back().text == m;
  };
  // a line of numbers alone (no letters), "3.1" at one page's foot and "3.2"
  // at the next one's head, repeats as a page's number does only where its
  // first number is a whole one that goes with the page: the page's index
  // plus one offset on every page it is on (a cover not numbered, "1" on the
  // second page)
  auto first_number = [](const line& l) -> long {
    for (const auto& w : l.words) {
      std::string_view t = w.text;
      const auto b = t.find_first_of("0123456789");
      if (b == std::string_view::npos) continue;
      auto e = t.find_first_not_of("0123456789", b);
      if (e == std::string_view::npos) e = t.size();
      // (a dotted number, "3.1", is a label's, not a page's)
      if ((b > 0 && t[b - 1] == '.') || (e + 1 < t.size() && t[e] == '.' && t[e + 1] >= '0' && t[e + 1] <= '9'))
        return -1;
      return e - b > 6 ? -1 : std::stol(std::string(t.substr(b, e - b)));
    }
    return -1;
  };
  auto letterless = [](const std::string& key) {
    return std::none_of(key.begin(), key.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    });
  };
  std::unordered_map<std::string, std::pair<long, bool>> offsets;  // key -> (number - page, alike on every page)
  for (const auto& p : pages)
    band(p, [&](std::size_t i) {
      const std::string key = furniture_key(p.lines[i]);
      if (!letterless(key)) return;
      const long n = first_number(p.lines[i]);
      const long d = n < 0 ? LONG_MIN : n - static_cast<long>(p.number);
      auto [at, fresh] = offsets.try_emplace(key, d, d != LONG_MIN);
      if (!fresh && at->second.first != d) at->second.second = false;
    });
  auto holds_title = [&](const line& l) {
    if (title.size() < 4 || l.size >= 0.9 * most_size) return false;
    const std::string text = text_of(l);
    return text.size() > title.size() && text.find(title) != std::string::npos;
  };
  std::size_t furniture = 0;
  std::size_t furniture_pages = 0;
  for (auto& p : pages) {
    bool any = false;
    band(p, [&](std::size_t i) {
      const std::string key = furniture_key(p.lines[i]);
      auto n = seen[key];
      const bool repeats = pages.size() >= 2 && n >= 2 && 2 * n >= pages.size() &&
                           (!letterless(key) || offsets[key].second);
      if (repeats || numbers_page(p.lines[i], p.number) || holds_title(p.lines[i]))
        p.lines[i].furniture = true, any = true;
    });
    for (const auto& l : p.lines) furniture += l.furniture;
    furniture_pages += any;
  }

  // reading order, page by page; the lines of a page are numbered top to
  // bottom as printed (furniture counted), before columns reorder them
  std::vector<std::vector<line>> ordered(pages.size());
  for (std::size_t k = 0; k < pages.size(); ++k) {
    std::vector<line> body;
    std::uint32_t above = 0;  // furniture lines over the text
    for (auto& l : pages[k].lines) {
      if (!l.furniture)
        body.push_back(std::move(l));
      else if (body.empty())
        ++above;
    }
    int flow = 0;
    order_lines(std::move(body), 0, flow, ordered[k]);
    // lines are numbered as a reader of the page counts them: in reading
    // order, the running header counted
    for (std::size_t i = 0; i < ordered[k].size(); ++i)
      ordered[k][i].number = above + static_cast<std::uint32_t>(i) + 1;
  }

  // where the text of each column of a page ends on the right: a page read as
  // one column has margins as wide on the right as on the left; a column
  // beside another ends where its widest line ends
  std::vector<std::map<int, double>> right_edge(ordered.size());
  for (std::size_t k = 0; k < ordered.size(); ++k) {
    double left = 1e300;
    auto& edges = right_edge[k];
    for (const auto& l : ordered[k]) {
      left = std::min(left, l.x0);
      edges[l.flow] = std::max(edges[l.flow], l.x1);
    }
    if (edges.size() == 1 && pages[k].width > 2 * left) {
      edges.begin()->second = pages[k].width - left;
      continue;
    }
    // a column's widest line is no proof of its edge: three lines ending
    // near it (ragged right, within three em) are; else no line of it is
    // taken for wrapped
    for (auto& [flow, edge] : edges) {
      std::size_t near = 0;
      for (const auto& l : ordered[k])
        if (l.flow == flow && l.x1 >= edge - 3 * std::max(1.0, l.size)) ++near;
      if (near < 3) edge = 1e300;
    }
  }

  // body size: the size most characters are printed in; the spacing of
  // lines within a paragraph: the median gap, in em, between a line too full
  // for the next line's first word and that next line (a paragraph's
  // wrapped lines, whatever the space between paragraphs), or between any
  // two lines of one column where fewer than five lines wrap
  size_tally body_sizes;
  std::vector<double> gaps, wrap_gaps;
  for (std::size_t k = 0; k < ordered.size(); ++k) {
    const auto& page = ordered[k];
    for (std::size_t i = 0; i < page.size(); ++i) {
      for (const auto& w : page[i].words) body_sizes.add(w);
      if (i > 0 && page[i].flow == page[i - 1].flow && under(page[i - 1], page[i])) {
        const double gap = space_between(page[i - 1], page[i]);
        gaps.push_back(gap);
        const double edge = right_edge[k][page[i].flow];
        if (edge < 1e299 && !room_for(page[i - 1], page[i].words.front(), edge)) wrap_gaps.push_back(gap);
      }
    }
  }
  const double body = body_sizes.most();
  const double usual_gap = wrap_gaps.size() >= 5 ? median(wrap_gaps, 0.3) : median(gaps, 0.3);

  // a table's cells may come closer than two em (a word processor's table:
  // a cell's text fills its width, the padding alone between it and the
  // next); a gap of at least `near_cell_gap` em begins a cell where the
  // lines around it prove a column begins there:
  // - two other lines of its column, within `column_reach` lines, begin a
  //   cell there after a wide gap (a header's cells over its rows'), or
  // - the lines under it, begun where it begins, all end left of the word
  //   after the gap, two of them too full there for the next line's first
  //   word (a cell's text wrapped in a narrow column under a header whose
  //   other cells are empty below it)
  // (each gap's evidence read from gaps wider than two em only, so that no
  // cell proved here proves another; a page's words looked at a bounded
  // number of times)
  for (std::size_t k = 0; k < ordered.size(); ++k) {
    auto& page = ordered[k];
    std::size_t budget = 4'000'000;  // words looked at on this page
    std::vector<std::pair<std::size_t, std::size_t>> proved;  // (line, word) of each cell proved
    for (std::size_t i = 0; i < page.size() && budget > 0; ++i) {
      const line& l = page[i];
      for (std::size_t w = 1; w < l.words.size() && budget > 0; ++w) {
        const double em = em_between(l.words[w - 1], l.words[w]);
        const double gap = l.words[w].x0 - l.words[w - 1].x1;
        if (gap < near_cell_gap * em || wide_gap(l, w)) continue;
        const double x = l.words[w].x0;
        std::size_t aligned = 0;
        for (std::size_t m = i > column_reach ? i - column_reach : 0;
             m < std::min(page.size(), i + column_reach + 1) && aligned < 2 && budget > 0; ++m) {
          if (m == i || page[m].flow != l.flow) continue;
          const auto& ws = page[m].words;
          budget -= std::min(budget, ws.size());
          for (std::size_t v = 1; v < ws.size(); ++v)
            if (std::abs(ws[v].x0 - x) <= 1.5 && wide_gap(page[m], v)) {
              ++aligned;
              break;
            }
        }
        // the lines under it, begun where it begins, no space between
        std::size_t run = 0, full = 0;
        bool crossed = false;
        for (std::size_t m = i + 1; m < page.size() && run < column_reach && aligned < 2; ++m) {
          const line& b = page[m];
          if (b.flow != l.flow || !under(page[m - 1], b) || std::abs(b.x0 - l.x0) > 2 ||
              space_between(page[m - 1], b) > usual_gap + paragraph_space)
            break;
          if (b.x1 > x - 0.5 * em) {
            crossed = true;
            break;
          }
          ++run;
          const bool next_in_run = m + 1 < page.size() && page[m + 1].flow == l.flow && under(b, page[m + 1]) &&
                                   std::abs(page[m + 1].x0 - l.x0) <= 2;
          if (next_in_run && !room_for(b, page[m + 1].words.front(), x - 0.5 * em)) ++full;
        }
        if (aligned >= 2 || (!crossed && run >= 3 && full >= 2)) proved.emplace_back(i, w);
      }
    }
    for (const auto& [i, w] : proved) page[i].words[w].cell_first = true;
  }

  // headings: a line of at most 20 words printed at least 15% larger than
  // the body; the largest such size is level 1, the next level 2, … (6 at most)
  auto heading_size = [&](const line& l) { return l.size >= 1.15 * body && l.words.size() <= 20; };
  // whether the document parts its paragraphs by space: five gaps at least
  // between lines of one column, neither a heading, are wider than a line's
  // (where paragraphs are not parted so, but indented, a line under a full
  // one that is not indented alike is never taken for its wrapped text)
  std::size_t wide_gaps = 0;
  for (const auto& page : ordered)
    for (std::size_t i = 1; i < page.size(); ++i)
      if (page[i].flow == page[i - 1].flow && under(page[i - 1], page[i]) && !heading_size(page[i]) &&
          !heading_size(page[i - 1]) && space_between(page[i - 1], page[i]) > usual_gap + paragraph_space)
        ++wide_gaps;
  const bool spaced_paragraphs = wide_gaps >= 5;
  std::vector<long> heading_sizes;
  for (const auto& page : ordered)
    for (const auto& l : page)
      if (heading_size(l)) heading_sizes.push_back(std::lround(l.size * 2));
  std::sort(heading_sizes.rbegin(), heading_sizes.rend());
  heading_sizes.erase(std::unique(heading_sizes.begin(), heading_sizes.end()), heading_sizes.end());
  auto level_of = [&](const line& l) {
    auto at = std::find(heading_sizes.begin(), heading_sizes.end(), std::lround(l.size * 2));
    return static_cast<std::size_t>(std::min<std::ptrdiff_t>(at - heading_sizes.begin(), 5)) + 1;
  };

  // where the text of each column of a page begins on the left
  std::vector<std::map<int, double>> left_edge(ordered.size());
  for (std::size_t k = 0; k < ordered.size(); ++k)
    for (const auto& l : ordered[k]) {
      auto [it, fresh] = left_edge[k].emplace(l.flow, l.x0);
      if (!fresh) it->second = std::min(it->second, l.x0);
    }
  // a paragraph set in a column narrower than the page's (a table's cell
  // whose neighbours are empty, so the table shows one column) wraps at
  // that column's edge: a run of four lines or more one under another,
  // begun at one place, whose widest line is less than three fifths of its
  // column's width and three in four of whose lines (three at least) had
  // no room left for the next line's first word under that widest line
  std::unordered_map<const line*, double> narrow_edge;
  std::unordered_set<const line*> run_lines;  // the lines of the runs themselves
  for (std::size_t k = 0; k < ordered.size(); ++k) {
    const auto& page = ordered[k];
    for (std::size_t i = 0; i < page.size();) {
      std::size_t j = i + 1;
      double edge = page[i].x1;
      while (j < page.size() && page[j].flow == page[i].flow && std::abs(page[j].x0 - page[i].x0) <= 2 &&
             std::abs(page[j].size - page[i].size) <= 0.5 && under(page[j - 1], page[j]) &&
             space_between(page[j - 1], page[j]) <= usual_gap + paragraph_space) {
        edge = std::max(edge, page[j].x1);
        ++j;
      }
      const double column = right_edge[k][page[i].flow] - left_edge[k][page[i].flow];
      if (j - i >= 4 && column < 1e299 && edge - page[i].x0 < 0.6 * column) {
        std::size_t full = 0;
        for (std::size_t m = i; m + 1 < j; ++m)
          if (!room_for(page[m], page[m + 1].words.front(), edge)) ++full;
        if (full >= 3 && 4 * full >= 3 * (j - i - 1)) {
          for (std::size_t m = i; m < j; ++m) narrow_edge[&page[m]] = edge;
          for (std::size_t m = i; m < j; ++m) run_lines.insert(&page[m]);
          // the lines next to the run in that column, in its size, that end
          // inside its edge and begin at most two em left of the run (a list
          // in the same cell, its bullets further left; its other
          // paragraphs) wrap at that edge too -- those that reach past the
          // middle of the column (a short line, a heading or a paragraph's
          // last, is passed over, not given the edge)
          auto inside = [&](std::size_t m) {
            const line& x = page[m];
            return x.flow == page[i].flow && x.x1 <= edge + 2 && x.x0 >= page[i].x0 - 2 * std::max(1.0, x.size) &&
                   x.x0 < edge && std::abs(x.size - page[i].size) <= 0.5 && !narrow_edge.count(&x);
          };
          auto give = [&](std::size_t m) {
            if (2 * page[m].x1 >= page[m].x0 + edge) narrow_edge[&page[m]] = edge;
          };
          for (std::size_t m = i; m > 0 && inside(m - 1) && under(page[m - 1], page[m]); --m) give(m - 1);
          for (std::size_t m = j; m < page.size() && inside(m) && under(page[m - 1], page[m]); ++m) give(m);
        }
      }
      i = j;
    }
  }
  // lines that may be the items of a list whose markers were drawn, not
  // printed as text: each begins anew, indented from its column's edge
  struct indented_line {
    std::size_t at;  // its index among the stream's lines
    std::size_t page;
    int flow;
    double x0;
    bool after_indented;  // the line written before it was indented too
    bool labelled;        // it has a label of its own ("2. establish…"): an item of the run, marked already
    bool second;          // that label is the second of a sequence ("2.", "b)", "(ii)")
  };
  std::vector<indented_line> indented;
  bool last_put_indented = false;

  // a line printed the same three times or more in the text (a running
  // header an earlier conversion left in the flow) stands on its own: no
  // other line runs on from it or into it, so that it stays whole for the
  // recognisers to find (its own second line, repeated as often, does)
  std::unordered_map<std::string, std::vector<const line*>> printed;
  for (const auto& page : ordered)
    for (const auto& l : page)
      if (l.words.size() >= 3) printed[text_of(l)].push_back(&l);
  std::unordered_set<const line*> repeated_lines;
  for (const auto& [text, lines] : printed)
    if (lines.size() >= 3) repeated_lines.insert(lines.begin(), lines.end());
  auto repeated = [&](const line& l) { return repeated_lines.count(&l) > 0; };
  // a repeated line's second line where it is repeated too: where the
  // header is printed once more with its second line cut short, that cut
  // line is still its own
  std::unordered_map<std::string, std::string> second_line;
  for (const auto& page : ordered)
    for (std::size_t i = 0; i + 1 < page.size(); ++i)
      if (repeated(page[i]) && repeated(page[i + 1]) && page[i].flow == page[i + 1].flow)
        second_line.emplace(text_of(page[i]), text_of(page[i + 1]));
  auto own_second_line = [&](const line& above, const line& l) {
    if (!repeated(above) || repeated(l)) return false;
    auto it = second_line.find(text_of(above));
    if (it == second_line.end()) return false;
    const std::string t = text_of(l);
    return it->second.size() > t.size() && it->second.compare(0, t.size(), t) == 0 && it->second[t.size()] == ' ';
  };

  // tables, read row by row (each row one line of the stream)
  std::vector<std::pair<std::size_t, const line*>> flat;
  for (std::size_t k = 0; k < ordered.size(); ++k)
    for (const auto& l : ordered[k]) flat.emplace_back(k, &l);
  // (the words a line goes on from, the next word a space after it: a part
  // of a word broken at a column's edge ends its line or cell, never that)
  // (nor does it end in a mark of punctuation: "themselves." at the end of
  // a line or cell is a whole word -- where the line has other words, or the
  // word is longer than a broken word's last part is, six letters)
  vocabulary printed_words;
  for (const auto& [k, l] : flat)
    for (std::size_t i = 0; i < l->words.size(); ++i) {
      const std::string& t = l->words[i].text;
      // (a line's only word, short, may be the end of a word broken above it: "achievemen / ts.")
      const bool whole = (i + 1 < l->words.size() && !cell_gap(*l, i + 1)) ||
                         ((l->words.size() > 1 || t.size() > 6) && t.size() > 1 &&
                          std::string_view(".,;:").find(t.back()) != std::string_view::npos);
      if (whole) printed_words.add(t, i > 0 && !cell_gap(*l, i));
    }
  printed_words.finish();
  const auto tables = tables_of(flat, usual_gap, heading_size, printed_words);
  std::vector<word_repair> repairs;
  std::size_t next_table = 0;  // the first table not yet written
  std::size_t at = 0;          // the line's index in `flat`
  bool after_table = false;    // the line before ended a table: nothing runs on from it

  writer out{r};
  const line* prev = nullptr;
  const line* last = nullptr;  // the last line of the page before, at a page's first line
  double para_x0 = 0;       // where the line being written began
  double para_text_x = -1;  // and where its second word began (a hanging indent's text)
  bool para_label = false;  // it began with an item's label
  bool para_lead_in = false;  // it began with a bold lead-in ("Term: …")
  bool para_pipe = false;   // it began with a pipe (a row of a table written with pipes)
  bool para_joined = false;   // a line has run on into it
  bool block_breaks = false;  // it began right under another line, with no space between
  std::size_t para_begin = 0;   // where its text begins in the stream
  std::size_t table_pipes = 0;  // the most pipes a row of the table written with pipes has had
  bool prev_heading = false;
  double cell_x = -1;         // where the second cell of the last line written begins
  double row_x0 = 0;          // and where that line begins
  std::string heading;        // a heading's lines, joined, until it ends
  source_origin heading_at;
  std::size_t heading_level = 0;
  auto end_heading = [&] {
    if (heading.empty()) return;
    last_put_indented = false;  // a heading comes between: no list runs on over it
    out.blank(heading_at.page);
    out.put(std::string(heading_level, '#') + ' ' + heading, heading_at);
    out.blank(heading_at.page);
    heading.clear();
  };
  auto wrapped = [&](const line& above, std::size_t above_page, const line& l, std::size_t page_of_l) {
    // (over a page break, where the line above has no narrow edge of its
    // own and the next page's first line goes on in a narrow column that
    // the line above also keeps inside, the column's edge is that one)
    auto narrow = narrow_edge.find(&above);
    if (narrow == narrow_edge.end() && &above == last) {
      narrow = narrow_edge.find(&l);
      if (narrow != narrow_edge.end() && above.x1 > narrow->second + 2) narrow = narrow_edge.end();
    }
    const double edge = narrow != narrow_edge.end() ? narrow->second : right_edge[above_page][above.flow];
    const word& first = l.words.front();
    // (a line printed three times or more is a header left in the text,
    // unless it is the words a narrow column wraps alike each time: in
    // lower case, under a line of that column)
    const bool narrow_wrap = run_lines.count(&above) > 0 && first.text[0] >= 'a' && first.text[0] <= 'z';
    if (std::abs(l.size - above.size) > 0.5 || bullet(first.text) ||
        (repeated(above) != repeated(l) && !own_second_line(above, l) && !narrow_wrap))
      return false;
    // a table's row is no paragraph: a value wraps inside its own cell (read
    // above), and the next row begins under the row before
    if (cell_start(above) >= 0 || cell_start(l) >= 0) return false;
    // a bold lead-in ("Case Studies: These must…") begins anew; so does a
    // line all in bold under a sentence's end (a heading in the body's size)
    // (at an item's hanging indent, past its label or bullet, a line all in
    // bold is a sentence of the item's, no heading)
    const bool hanging = para_label && para_text_x >= 0 && std::abs(l.x0 - para_text_x) <= 2;
    if (bold_lead_in(l) || field_lead_in(l) || (all_bold(l) && ends_clause(above) && !hanging)) return false;
    // under the text of the line begun above: at its start, at its second
    // word's (the hanging indent of a list item), or at its column's edge
    // when it began indented (a first line's indent); a label where the one
    // above began begins an item of its own
    const bool at_start = std::abs(l.x0 - para_x0) <= 2;
    const bool outdented = l.x0 < para_x0 - 2 && std::abs(l.x0 - left_edge[page_of_l][l.flow]) <= 2;
    if (!at_start && !outdented && !(para_text_x >= 0 && std::abs(l.x0 - para_text_x) <= 2)) return false;
    // a row of a table written with pipes ("| a | b |") begins and ends
    // with one, and has as many as the rows before it: until its last pipe,
    // a line that does not begin with one is the rest of the row
    if (para_pipe && first.text.front() != '|') {
      const auto row = std::string_view(r.text).substr(para_begin);
      const auto pipes = static_cast<std::size_t>(std::count(row.begin(), row.end(), '|'));
      if (!(row.size() >= 2 && row[row.size() - 2] == '|') || pipes < table_pipes)
        return !room_for(above, first, edge);
    }
    // (a number alone on its line under a full line that ends in a colon is
    // the value that line had no room for, "pathway: / 60")
    const std::string& above_end = above.words.back().text;
    const bool number_alone = l.words.size() == 1 &&
                              first.text.find_first_not_of("0123456789") == std::string::npos &&
                              !above_end.empty() && above_end.back() == ':';
    // (nor does a paragraph end inside a bracket it opened: "(publication
    // ref. code: / A850).", where the word that closes it is no label -- a
    // word of three characters or more before its ")", not "a)" or "10)";
    // brackets counted in the paragraph's last 600 bytes, a long paragraph's
    // lines each looked at once)
    auto para = std::string_view(r.text).substr(para_begin);
    if (para.size() > 600) para = para.substr(para.size() - 600);
    const bool open_bracket = std::count(para.begin(), para.end(), '(') > std::count(para.begin(), para.end(), ')');
    const auto close_at = first.text.find(')');
    const bool closes_bracket = open_bracket && close_at != std::string::npos && close_at >= 3 &&
                                first.text.find('(') == std::string::npos;
    // (nor is a letter a space before the next word a label: "a brief overview")
    if (label_like(l.words, 1) && !number_alone && !letter_word_first(l.words) && !closes_bracket) {
      // a label where the one above began, or after a sentence or a lead-in
      // ends, begins an item of its own
      const std::string& end = above.words.back().text;
      const char c = end.empty() ? ' ' : end.back();
      if ((at_start && para_label) || c == '.' || c == ':' || c == ';') return false;
      // a code alone on its line ("2.3", "P4"; a number alone may be a
      // value's last word) is a label detached from the text under it
      const std::string& t = first.text;
      if (l.words.size() == 1 && t.find_first_not_of("0123456789") != std::string::npos &&
          t.find_first_of("0123456789") != std::string::npos && t.back() != ')')
        return false;
    }
    if (room_for(above, first, edge)) return false;
    // a line that ends near the edge by chance looks wrapped as well (a
    // field's value, a narrow column's short lines, a page's last line): a
    // line that begins with a capital letter is taken to begin anew, and a
    // paragraph wrapped before one is left to the recognisers to join
    // -- unless the document parts its paragraphs by space and the one being
    // written began after space, not right under another line, or is a
    // labelled item whose full line ends no sentence: there a full line with
    // no space under it goes on, whatever the next word (in a block of short
    // lines one under another, a full one is by chance)
    const auto c = static_cast<unsigned char>(first.text.front());
    // over a page break: a word in lower case, or a capital after a full
    // line that ends no sentence, in a paragraph that has run on already
    // ("…within the Health and Social Care / Sector. This will…")
    if (&above == last) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z' && para_joined && !ends_clause(above)) ||
             (c == '(' && !ends_clause(above) && !label_like(l.words, 1));
    }
    // (in a paragraph begun by a bold lead-in, the next lead-in begins the
    // next one: a full line under it goes on whatever its first letter; and
    // a full line under an item's text, past its label or bullet, at the
    // hanging indent, is that item's, a sentence begun in it or not)
    return para_lead_in || hanging || open_bracket ||
           (spaced_paragraphs && (!block_breaks || (para_label && !ends_clause(above)))) || !(c >= 'A' && c <= 'Z');
  };
  for (std::size_t k = 0; k < ordered.size(); ++k) {
    const std::uint32_t page = pages[k].number;
    for (const auto& l : ordered[k]) {
      const std::size_t here = at++;
      if (next_table < tables.size() && here >= tables[next_table].first) {
        const table& t = tables[next_table];
        if (here == t.first) {
          end_heading();
          // a table is a block of its own: a blank line parts it from the
          // text before it on its page, space above it or none (a word
          // processor's table set right under a paragraph); over a page
          // break, in a document that parts its paragraphs by space
          if (prev || (last && spaced_paragraphs)) out.blank(page);
          for (const auto& row : t.rows) {
            out.put(row.text, {.page = pages[flat[row.at].first].number, .line = flat[row.at].second->number});
            for (const auto& w : row.repairs) repairs.push_back({w.printed, w.whole, r.origins.size()});
          }
        }
        if (here == t.last) ++next_table;
        last_put_indented = false;
        table_pipes = 0;
        prev = &l;
        prev_heading = false;
        after_table = true;
        cell_x = -1;
        continue;
      }
      const bool same_flow = prev && prev->flow == l.flow;
      const bool gap = same_flow && space_between(*prev, l) > usual_gap + paragraph_space;
      const bool is_heading = heading_size(l);
      source_origin at{.page = page, .line = l.number};
      if (is_heading) {
        if (!heading.empty() && prev_heading && same_flow && !gap && level_of(l) == heading_level) {
          heading += ' ' + text_of(l);
        } else {
          end_heading();
          heading = text_of(l);
          heading_at = at;
          heading_level = level_of(l);
        }
      } else {
        end_heading();
        if (gap) out.blank(page);
        // a line that begins under the second cell of the line above, with
        // nothing left of it, continues that cell (a wrapped value or item)
        if (same_flow && !gap && !prev_heading && cell_x >= 0 && std::abs(l.x0 - cell_x) <= 2 &&
            l.x0 > row_x0 + 2 * l.size) {
          r.text.pop_back();
          append_joined(r.text, text_of(l, true));
          r.text += '\n';
        } else if (const line* above = prev ? prev : (&l == &ordered[k].front() ? last : nullptr);
                   above && !after_table && (!prev || (same_flow && !gap)) && !prev_heading &&
                   wrapped(*above, prev ? k : k - 1, l, k)) {
          // the line above (on this page, or the last of the page before)
          // ends where its column does, too full for this line's first word:
          // the words run on from it (a paragraph wrapped by the printer),
          // with no space where runs_on_unspaced says so
          std::optional<word_repair> repair;
          r.text.pop_back();
          append_joined(r.text, text_of(l, true),
                        !runs_on_unspaced(*above, l, r.text, printed_words, narrow_edge.count(above) > 0, {}, repair));
          r.text += '\n';
          para_joined = true;
          if (repair) repairs.push_back({std::move(repair->printed), std::move(repair->whole), r.origins.size()});
        } else {
          // over a page break, in a document that parts its paragraphs by
          // space, a paragraph that ends short of its column's edge at a
          // page's foot ended there, the space after it lost at the page's
          // head: a blank line parts it from the next page's text (not an
          // item of a list from the next item)
          if (!prev && last && &l == &ordered[k].front() && k > 0 && !after_table && spaced_paragraphs &&
              !(para_label && (label_like(l.words, 1) || bullet(l.words.front().text)))) {
            const word& w = l.words.front();
            const bool short_of_edge = room_for(*last, w, right_edge[k - 1][last->flow]);
            // (or full by chance, where it ends a sentence and a capital begins this page)
            const std::string& end = last->words.back().text;
            const bool sentence_ends = !end.empty() && (end.back() == '.' || end.back() == '?' || end.back() == '!') &&
                                       w.text.front() >= 'A' && w.text.front() <= 'Z' && !label_like(l.words, 1);
            // (or a line of its own, space above it: a heading at a page's foot)
            const bool alone = !block_breaks && !para_joined;
            if (short_of_edge || sentence_ends || alone) out.blank(page);
          }
          if (para_pipe) {
            const auto row = std::string_view(r.text).substr(para_begin);
            table_pipes = std::max(table_pipes, static_cast<std::size_t>(std::count(row.begin(), row.end(), '|')));
          }
          // over a page break, a line printed three times or more (a running
          // header left in the flow) at the page's foot or head stands apart
          // from the text beyond the break, as a page's header does
          if (!prev && last && &l == &ordered[k].front() && (repeated(*last) || repeated(l))) out.blank(page);
          para_begin = r.text.size();
          block_breaks = same_flow && !gap && !prev_heading && !after_table;
          para_joined = false;
          // (a line under the text of a labelled line above, past its label, is that item's)
          const bool under_label = para_label && same_flow && !gap && std::abs(l.x0 - para_text_x) <= 2;
          const bool indent = l.x0 >= left_edge[k][l.flow] + std::max(1.0, l.size);
          const bool labelled = label_like(l.words, 1) && !letter_word_first(l.words);
          if (indent && !bullet(l.words.front().text) && !under_label)
            indented.push_back(
                {r.origins.size(), k, l.flow, l.x0, last_put_indented, labelled, labelled && second_label(l.words.front().text)});
          // (an item with its bullet counts as indented: the lines under it,
          // set in further, are its own, not a list of their own)
          last_put_indented = indent || bullet(l.words.front().text);
          out.put(text_of(l, true), at);
          cell_x = cell_start(l);
          row_x0 = l.x0;
          para_x0 = l.x0;
          para_text_x = l.words.size() > 1 ? l.words[1].x0 : -1;
          para_label = label_like(l.words, 1) || bullet(l.words.front().text);
          para_lead_in = bold_lead_in(l);
          para_pipe = l.words.front().text.front() == '|';
          if (!para_pipe || !block_breaks) table_pipes = 0;  // a table written with pipes ends at space too
        }
      }
      prev = &l;
      prev_heading = is_heading;
      after_table = false;
    }
    // a new page: its first line continues the text, no gap measured; it
    // may run on from the page's last line when that one was wrapped
    last = prev;
    prev = nullptr;
  }
  end_heading();
  while (!r.origins.empty() && r.text.size() >= 2 && r.text[r.text.size() - 2] == '\n') {
    r.text.pop_back();  // no blank line at the end
    r.origins.pop_back();
  }

  // two lines or more one under another that each begin anew, indented
  // alike from their column's edge after a line that is not, are a list
  // whose markers were drawn as shapes (a browser's bullets), not printed as
  // text: each is written as an item
  std::vector<bool> item(r.origins.size(), false);
  std::size_t drawn_items = 0;
  for (std::size_t a = 0; a < indented.size();) {
    std::size_t b = a + 1;
    // (one under another: in one column of a page, or from a page's foot to
    // the next page's head, a blank line the page break left between them)
    auto next_line = [&](std::size_t i) {
      return indented[i].at == indented[i - 1].at + 1 ||
             (indented[i].page == indented[i - 1].page + 1 && indented[i].at == indented[i - 1].at + 2 &&
              r.origins[indented[i].at - 1].line == 0);
    };
    while (b < indented.size() && next_line(b) &&
           ((indented[b].page == indented[b - 1].page && indented[b].flow == indented[b - 1].flow) ||
            indented[b].page == indented[b - 1].page + 1) &&
           std::abs(indented[b].x0 - indented[a].x0) <= 1)
      ++b;
    // the run's lines without labels, between those with labels of their
    // own: two or more one under another, not under an indented line, are
    // items; one alone at the run's head, above the second label of a
    // sequence ("adapt… / 2. establish…"), is an item whose label was lost
    for (std::size_t i = a; b - a >= 2 && i < b;) {
      if (indented[i].labelled) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < b && !indented[j].labelled) ++j;
      const bool lost_label = j - i == 1 && i == a && j < b && indented[j].second;
      if ((j - i >= 2 || lost_label) && !indented[i].after_indented)
        for (std::size_t m = i; m < j; ++m) item[indented[m].at] = true, ++drawn_items;
      i = j;
    }
    a = b;
  }
  if (drawn_items) {
    std::string text;
    text.reserve(r.text.size() + 2 * drawn_items);
    std::size_t from = 0;
    for (std::size_t i = 0; i < item.size() && from < r.text.size(); ++i) {
      auto nl = r.text.find('\n', from);
      if (nl == std::string::npos) nl = r.text.size() - 1;
      if (item[i]) text += "- ";
      text.append(r.text, from, nl + 1 - from);
      from = nl + 1;
    }
    r.text = std::move(text);
  }

  auto note = [&](std::string_view code, severity level, std::string message) {
    diagnostic d;
    d.code = std::string(code);
    d.level = level;
    d.message = std::move(message);
    r.diagnostics.push_back(std::move(d));
  };
  if (furniture)
    note(diag::furniture_left_out, severity::note,
         std::to_string(furniture) + " lines of running headers and footers left out (on " +
             std::to_string(furniture_pages) + " of " + std::to_string(pages.size()) + " pages)");
  if (drawn_items)
    note(diag::list_markers_drawn, severity::note,
         std::to_string(drawn_items) + " lines read as list items: indented alike one under another, each " +
             "beginning anew, their markers drawn as shapes rather than printed as text");
  for (const auto& w : repairs) {
    diagnostic d;
    d.code = std::string(diag::word_broken_by_column);
    d.level = severity::note;
    d.span.begin = {static_cast<std::uint32_t>(w.at), 1};
    d.span.end = d.span.begin;
    d.message = "a word broken with no hyphen where a narrow column ended, joined: the document prints \"" + w.whole +
                "\" elsewhere inside a line, or a word that begins so (the part below alone on its line)";
    d.original = w.printed;
    d.repaired = w.whole;
    r.diagnostics.push_back(std::move(d));
  }
  if (repeated_links)
    note(diag::furniture_left_out, severity::note,
         std::to_string(repeated_links) + " links repeated at the ends of lines left out (a web page's \"Back to "
                                          "top\" printed with it)");
  if (vertical)
    note(diag::furniture_left_out, severity::note,
         std::to_string(vertical) + " words printed vertically or rotated left out (margin notes, stamps)");
  if (!empty_pages.empty()) {
    std::string list;
    for (std::size_t i = 0; i < empty_pages.size() && i < 10; ++i)
      list += (i ? ", " : "") + std::to_string(empty_pages[i]);
    if (empty_pages.size() > 10) list += ", …";
    note(diag::pages_without_text, severity::warning,
         std::to_string(empty_pages.size()) + " of " + std::to_string(read_pages) +
             " pages have no text layer (scanned or drawn), their text cannot be read: page " + list);
  }
  if (read_pages < total)
    note(diag::pages_not_read, severity::warning,
         "the PDF has " + std::to_string(total) + " pages: only the first " + std::to_string(read_pages) +
             " are read (the page limit)");
  return r;
}

}  // namespace

loaded_text read_pdf(std::string_view bytes, const read_limits& limits) {
  try {
    return read(bytes, limits);
  } catch (const std::bad_alloc&) {
    return refuse("the PDF needs more memory than is available to read");
  } catch (...) {
    return refuse("the PDF could not be read (poppler failed on it)");
  }
}

}  // namespace qspec::formats
