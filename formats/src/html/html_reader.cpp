// The HTML reader: whole pages, Word-exported HTML and fragments, parsed by
// gumbo (the HTML5 parsing algorithm, so unclosed and misnested markup gives
// the tree a browser builds), then walked once, without recursion, into the
// block stream of qspec/formats.hpp.
//
// What is furniture is told by the markup, never by the words: scripts,
// styles, templates, noscript fallbacks, comments and server code; the site's
// navigation (<nav>), header and footer (a <header> or <footer> that belongs
// to the page, not to an article or section); everything outside the page's
// <main> when it has one (its <h1>, the page's title, is kept); what the page
// hides (the hidden attribute, a closed <dialog>, display:none); form
// controls; and a link repeated at the end of many blocks ("Back to top").
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/list_numbering.hpp"
#include "html/nesting_guard.hpp"
#include "readers.hpp"

namespace qspec::formats {
namespace {

// ---- small text helpers --------------------------------------------------------

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

/// The name of an element gumbo does not know (<dialog> is newer than it), as written.
std::string_view unknown_tag_name(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN || !e.original_tag.data) return {};
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  return {piece.data, piece.length};
}

std::string_view attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view{};
}

bool has_attribute(const GumboElement& e, const char* name) {
  return gumbo_get_attribute(&e.attributes, name) != nullptr;
}

/// A whole number at the start of an attribute value ("3", " 2 "), or `fallback`.
long number_attribute(const GumboElement& e, const char* name, long fallback, long lo, long hi) {
  std::string_view v = attribute(e, name);
  std::size_t i = 0;
  while (i < v.size() && v[i] == ' ') ++i;
  bool negative = i < v.size() && v[i] == '-';
  if (negative || (i < v.size() && v[i] == '+')) ++i;
  if (i >= v.size() || v[i] < '0' || v[i] > '9') return fallback;
  long n = 0;
  for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) n = std::min(n * 10 + (v[i] - '0'), hi + 1);
  if (negative) n = -n;
  return std::clamp(n, lo, hi);
}

/// An inline style that hides its element: "display: none", "visibility:hidden".
bool style_hides(std::string_view style) {
  std::string compact;
  compact.reserve(style.size());
  for (char c : style)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') compact.push_back(lower(c));
  return compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos;
}

/// How a list numbers its items ("1", "a", "A", "i", "I").
std::string item_number(long n, char style) {
  if (style == 'a' || style == 'A') return alphabetic_number(n, style == 'A');
  if (style == 'i' || style == 'I') return roman_numeral(n, style == 'I');
  return std::to_string(n);
}

// ---- the block stream ---------------------------------------------------------------

/// Text of one line or one table cell being written, white space collapsed
/// as a browser shows it. Emphasis opens lazily, at its first visible
/// character, so that "<b> K1 </b>" gives " **K1** ", and an emphasis
/// holding nothing leaves no marks.
struct inline_text {
  std::string text;
  bool space = false;          // white space seen since the last character written
  std::string pending_marks;   // emphasis opened, not yet written
  source_origin origin;        // where the first character came from

  [[nodiscard]] bool empty() const { return text.empty(); }
  void clear() {
    text.clear();
    space = false;
    pending_marks.clear();
    origin = {};
  }
};

struct emphasis {
  std::string_view mark;  // "**" or "*"
  bool written = false;   // its opening mark is in the text
};

struct list_level {
  bool ordered = false;
  char style = '1';
  long next = 1;
  int step = 1;
  std::string parent;  // the label of the item this list is nested in ("1") for "1.1"
};

struct open_item {
  std::string label;       // "1.", "1.1", "a.", "-"
  std::size_t depth = 0;   // nesting of lists, 1 for a top-level list
  bool label_used = false; // its first line carries the label, the others are indented
  source_origin origin;    // where the item begins in the page
  std::size_t lines_before = 0;  // lines written before it began
};

struct table_state {
  bool layout = false;                 // a table that only lays out the page: its cells are blocks
  std::vector<long> rows_left;         // per column: rows a rowspan still covers
  std::vector<std::string> cells;      // the row being read
  std::vector<bool> header_cells;      // which of them are <th>
  std::size_t column = 0;              // next column of the row being read
  source_origin row_origin;  // the first text of the row (its <tr> until there is one)
  bool row_has_text = false;
  std::size_t rows = 0;
  inline_text cell;
  bool in_cell = false;
  long cell_colspan = 1, cell_rowspan = 1;
};

enum counted : std::size_t {
  scripts, styles, navigation, site_header, site_footer, comments, templates, noscript, server_code, hidden,
  controls, embedded, repeated_links, counted_kinds
};

constexpr std::array<std::pair<std::string_view, std::string_view>, counted_kinds> counted_names{{
    {"script", "scripts"}, {"style sheet", "style sheets"}, {"navigation block", "navigation blocks"},
    {"site header", "site headers"}, {"site footer", "site footers"}, {"comment", "comments"},
    {"template", "templates"}, {"noscript fallback", "noscript fallbacks"},
    {"block of server code", "blocks of server code"}, {"hidden element", "hidden elements"},
    {"button or form control", "buttons and form controls"}, {"embedded object", "embedded objects"},
    {"repeated link at the end of a block", "repeated links at the end of blocks"}}};

/// A block written out, remembered until the end so that links repeated at
/// the end of many blocks can be taken off them.
struct written_line {
  std::string text;
  source_origin origin;
  bool blank_before = false;
  std::string trailing_link;       // the text of a link that ends the line
  std::size_t link_from = 0;       // where, in text, that link (and the space before it) begins
};

class html_walker {
 public:
  explicit html_walker(std::string_view src) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < src.size(); ++i) {
      if (src[i] == '\n' || (src[i] == '\r' && (i + 1 >= src.size() || src[i + 1] != '\n')))
        line_starts_.push_back(i + 1);
    }
  }

  void run(const GumboNode* root) {
    main_ = find_main(root);
    walk(root);
    end_block();
  }

  void finish(loaded_text& out);

 private:
  // ---- positions ----

  source_origin origin_of(const GumboSourcePosition& p) const {
    source_origin o;
    if (p.line == 0) return o;
    o.line = p.line;
    std::size_t start = p.line - 1 < line_starts_.size() ? line_starts_[p.line - 1] : 0;
    o.column = p.offset >= start ? static_cast<std::uint32_t>(p.offset - start + 1) : p.column;
    return o;
  }

  /// Where the first character of a text that is not white space is.
  source_origin first_visible(const GumboText& t) const {
    GumboSourcePosition p = t.start_pos;
    std::string_view raw(t.original_text.data, t.original_text.length);
    std::size_t i = 0;
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r' || raw[i] == '\f')) {
      if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 >= raw.size() || raw[i + 1] != '\n'))) ++p.line;
      ++i;
    }
    if (i < raw.size()) p.offset += static_cast<unsigned>(i);
    return origin_of(p);
  }

  // ---- writing ----

  inline_text& target() {
    auto* t = data_table();
    return t && t->in_cell ? t->cell : line_;
  }

  /// How many no-break spaces (U+00A0) follow one another from `i`.
  static std::size_t nbsp_run(std::string_view s, std::size_t i) {
    std::size_t n = 0;
    while (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 && static_cast<unsigned char>(s[i + 1]) == 0xA0)
      ++n, i += 2;
    return n;
  }

  void write_text(std::string_view s, const source_origin& where) {
    if (silent_ > 0) {
      if (chrome_ > 0 && s.find_first_not_of(" \t\r\n\f") != std::string_view::npos) ++dropped_texts_;
      return;
    }
    inline_text& t = target();
    for (std::size_t i = 0; i < s.size();) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      std::size_t len = 1;
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) space = true, len = 2;
      if (space) {
        if (c == '\n' && pre_ > 0) {
          line_break();
        } else if (pre_ > 0 && c != '\r') {
          // the spaces of preformatted text are printed as they stand
          if (t.text.empty()) t.origin = where;
          if (t.space && !t.text.empty()) t.text.push_back(' ');
          t.space = false;
          t.text.push_back(c == '\t' ? '\t' : ' ');
        } else if (std::size_t run = nbsp_run(s, i); run >= 2) {
          // no-break spaces in a row lay the line out (an indent, the gap
          // between a label and its text, a column set with spaces): their
          // width is kept where other spaces collapse; one alone is a space
          // like any other
          if (t.text.empty()) t.origin = where;
          t.text.append(run + (t.space && !t.text.empty() ? 1 : 0), ' ');
          t.space = false;
          i += 2 * run;
          continue;
        } else {
          t.space = true;
        }
        i += len;
        continue;
      }
      std::size_t j = i;  // a run of visible characters
      while (j < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[j]);
        if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == '\f') break;
        if (d == 0xC2 && j + 1 < s.size() && static_cast<unsigned char>(s[j + 1]) == 0xA0) break;
        ++j;
      }
      inline_text& u = target();
      if (cell_break_pending_ && in_data_cell()) {
        if (!u.text.empty()) u.text += "<br>";
        u.space = false;
        cell_break_pending_ = false;
      }
      if (u.text.empty()) u.origin = where;
      if (u.space && !u.text.empty()) u.text.push_back(' ');
      u.space = false;
      open_marks(u);
      u.text.append(s.substr(i, j - i));
      i = j;
    }
  }

  void open_marks(inline_text& t) {
    for (auto& e : emphases_)
      if (!e.written) {
        if (t.space && !t.text.empty()) t.text.push_back(' ');
        t.space = false;
        t.text.append(e.mark);
        e.written = true;
      }
  }

  /// A closing mark right after the emphasised text: spaces kept before it
  /// (no-break spaces at its end) go after it, as a mark closes after a letter.
  static void append_closing(std::string& text, std::string_view mark) {
    std::size_t spaces = 0;
    while (spaces < text.size() && text[text.size() - 1 - spaces] == ' ') ++spaces;
    text.resize(text.size() - spaces);
    text.append(mark);
    text.append(spaces, ' ');
  }

  void close_emphasis() {
    emphasis e = emphases_.back();
    emphases_.pop_back();
    if (!e.written || silent_ > 0) return;
    append_closing(target().text, e.mark);
  }

  /// Closes the emphasis marks a line break or block end interrupts; they
  /// open again at the next character.
  void interrupt_emphasis(inline_text& t) {
    for (auto it = emphases_.rbegin(); it != emphases_.rend(); ++it)
      if (it->written) {
        append_closing(t.text, it->mark);
        it->written = false;
      }
  }

  std::string prefix() {
    std::string p;
    if (heading_ > 0) return std::string(static_cast<std::size_t>(heading_), '#') + ' ';
    if (!items_.empty()) {
      auto& it = items_.back();
      p.assign(2 * (it.depth - 1), ' ');
      if (!it.label_used) {
        p += it.label;
        it.label_used = true;
      } else {
        p.append(it.label.size(), ' ');
      }
      p += ' ';
    }
    return p;
  }

  void emit(std::string text, const source_origin& where, std::string trailing = {}, std::size_t link_from = 0) {
    written_line l;
    l.text = std::move(text);
    l.origin = where;
    l.blank_before = !block_open_ && !lines_.empty();
    l.trailing_link = std::move(trailing);
    l.link_from = link_from;
    lines_.push_back(std::move(l));
    block_open_ = true;
  }

  /// Writes the line being built (a paragraph, heading or list item, or one
  /// line of it after a <br>).
  void flush_line() {
    if (line_.empty()) {
      line_.clear();
      return;
    }
    std::string trailing;
    std::size_t from = 0;
    const bool link_ends_line = !last_link_.empty() && last_link_end_ == line_.text.size() && last_link_start_ > 0;
    interrupt_emphasis(line_);
    std::string p = prefix();
    if (link_ends_line) {
      trailing = last_link_;
      from = p.size() + last_link_start_;
    }
    emit(p + line_.text, line_.origin, std::move(trailing), from);
    line_.clear();
    last_link_.clear();
  }

  void line_break() {
    if (in_data_cell()) {
      auto& c = data_table()->cell;
      if (!c.empty()) {
        c.text += "<br>";
        c.space = false;
      }
      return;
    }
    if (heading_ > 0) {
      line_.space = true;
      return;
    }
    flush_line();
  }

  void end_block() {
    if (!tables_.empty() && !tables_.back().layout && tables_.back().in_cell) {
      // a paragraph or list item inside a cell: the next one after a <br>
      auto& c = tables_.back().cell;
      if (!c.empty() && !cell_break_pending_) {
        c.space = false;
        cell_break_pending_ = true;
      }
      return;
    }
    flush_line();
    block_open_ = false;
  }

  // ---- the walk ----

  enum exit_action : std::uint32_t {
    none = 0,
    block = 1u << 0,
    heading = 1u << 1,
    list = 1u << 2,
    item = 1u << 3,
    emphasised = 1u << 4,
    table = 1u << 5,
    row = 1u << 6,
    cell = 1u << 7,
    silence = 1u << 8,
    preformatted = 1u << 9,
    link = 1u << 10,
    inside_main = 1u << 11,
    chrome = 1u << 12,
  };

  struct frame {
    const GumboNode* node;
    std::size_t next = 0;
    std::uint32_t on_exit = none;
    int saved_heading = 0;
    std::size_t link_start = 0;
  };

  static const GumboVector* children_of(const GumboNode* n) {
    if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return &n->v.element.children;
    return nullptr;
  }

  /// The page's one <main> (or role=main), if it has exactly one.
  static const GumboNode* find_main(const GumboNode* root) {
    const GumboNode* found = nullptr;
    std::size_t count = 0;
    std::vector<const GumboNode*> todo{root};
    while (!todo.empty()) {
      const GumboNode* n = todo.back();
      todo.pop_back();
      if (n->type == GUMBO_NODE_ELEMENT) {
        const auto& e = n->v.element;
        if (e.tag == GUMBO_TAG_TEMPLATE || e.tag == GUMBO_TAG_SCRIPT) continue;
        if (e.tag == GUMBO_TAG_MAIN || iequals(attribute(e, "role"), "main")) {
          found = n;
          ++count;
          continue;
        }
      }
      if (const GumboVector* kids = children_of(n))
        for (unsigned i = 0; i < kids->length; ++i) todo.push_back(static_cast<const GumboNode*>(kids->data[i]));
    }
    return count == 1 ? found : nullptr;
  }

  static bool inside_form(const GumboNode* n) {
    for (const GumboNode* p = n->parent; p; p = p->parent)
      if (p->type == GUMBO_NODE_ELEMENT && p->v.element.tag == GUMBO_TAG_FORM) return true;
    return false;
  }

  /// Is a <header> or <footer> the page's own (not an article's or section's)?
  static bool belongs_to_page(const GumboNode* n) {
    for (const GumboNode* p = n->parent; p; p = p->parent) {
      if (p->type != GUMBO_NODE_ELEMENT) continue;
      switch (p->v.element.tag) {
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
          return false;
        default: break;
      }
    }
    return true;
  }

  /// Is this table a grid of data (some row of two cells or more, no
  /// heading or table inside a cell), or only the page's layout?
  static bool is_layout_table(const GumboNode* table) {
    std::size_t most_cells = 0, seen = 0;
    std::vector<std::pair<const GumboNode*, int>> todo{{table, 0}};
    while (!todo.empty() && seen < 4000) {
      auto [n, depth] = todo.back();
      todo.pop_back();
      ++seen;
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      const auto& e = n->v.element;
      if (n != table) {
        if (e.tag == GUMBO_TAG_TABLE) return true;
        if (e.tag >= GUMBO_TAG_H1 && e.tag <= GUMBO_TAG_H6) return true;
      }
      if (e.tag == GUMBO_TAG_TR) {
        std::size_t cells = 0;
        for (unsigned i = 0; i < e.children.length; ++i) {
          auto* c = static_cast<const GumboNode*>(e.children.data[i]);
          if (c->type == GUMBO_NODE_ELEMENT && (c->v.element.tag == GUMBO_TAG_TD || c->v.element.tag == GUMBO_TAG_TH))
            ++cells;
        }
        most_cells = std::max(most_cells, cells);
      }
      if (depth >= 8) continue;
      for (unsigned i = 0; i < e.children.length; ++i)
        todo.push_back({static_cast<const GumboNode*>(e.children.data[i]), depth + 1});
    }
    return most_cells < 2;
  }

  void count(counted what) { ++counts_[what]; }

  void walk(const GumboNode* root) {
    std::vector<frame> stack;
    stack.push_back(frame{root});
    while (!stack.empty()) {
      frame& f = stack.back();
      const GumboVector* kids = children_of(f.node);
      if (kids && f.next < kids->length) {
        const auto* child = static_cast<const GumboNode*>(kids->data[f.next++]);
        frame next{child};
        if (enter(child, next)) stack.push_back(next);
        continue;
      }
      leave(f);
      stack.pop_back();
    }
  }

  /// Handles a node on the way in; true when its children are to be walked.
  bool enter(const GumboNode* n, frame& f) {
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        write_text(n->v.text.text, first_visible(n->v.text));
        return false;
      case GUMBO_NODE_WHITESPACE:
        write_text(n->v.text.text, origin_of(n->v.text.start_pos));
        return false;
      case GUMBO_NODE_COMMENT: {
        std::string_view original(n->v.text.original_text.data, n->v.text.original_text.length);
        count(original.substr(0, 2) == "<?" ? server_code : comments);
        return false;
      }
      case GUMBO_NODE_TEMPLATE:
        count(templates);
        return false;
      case GUMBO_NODE_DOCUMENT: return true;
      case GUMBO_NODE_ELEMENT: break;
    }
    const GumboElement& e = n->v.element;
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML) {
      count(embedded);  // <svg>, <math>: drawings and formulae, no text of the standard
      return false;
    }
    // furniture, left out whole
    switch (e.tag) {
      case GUMBO_TAG_SCRIPT: count(scripts); return false;
      case GUMBO_TAG_STYLE: count(styles); return false;
      case GUMBO_TAG_NOSCRIPT: count(noscript); return false;
      case GUMBO_TAG_TEMPLATE: count(templates); return false;
      case GUMBO_TAG_HEAD: return walk_silently(f);
      case GUMBO_TAG_NAV: count(navigation); return false;
      case GUMBO_TAG_BUTTON:
        // a button that runs its own script or submits a form is a control; one
        // that only discloses what follows it (an accordion's) is its heading
        if (has_attribute(e, "onclick") || inside_form(n)) {
          count(controls);
          return false;
        }
        end_block();
        f.on_exit |= block;
        return true;
      case GUMBO_TAG_SELECT:
      case GUMBO_TAG_TEXTAREA:
      case GUMBO_TAG_INPUT: count(controls); return false;
      case GUMBO_TAG_IFRAME:
      case GUMBO_TAG_OBJECT:
      case GUMBO_TAG_EMBED:
      case GUMBO_TAG_CANVAS:
      case GUMBO_TAG_VIDEO:
      case GUMBO_TAG_AUDIO:
      case GUMBO_TAG_MAP: count(embedded); return false;
      case GUMBO_TAG_HEADER:
        if (belongs_to_page(n)) return site_chrome(f, site_header);
        break;
      case GUMBO_TAG_FOOTER:
        if (belongs_to_page(n)) return site_chrome(f, site_footer);
        break;
      case GUMBO_TAG_UNKNOWN:
        if (iequals(unknown_tag_name(e), "dialog") && !has_attribute(e, "open")) {
          count(hidden);  // a dialog the page opens only when asked
          return false;
        }
        break;
      default: break;
    }
    std::string_view role = attribute(e, "role");
    if (iequals(role, "navigation")) {
      count(navigation);
      return false;
    }
    // the tabs, menus and tool bars of a page's own scripts: controls
    if (iequals(role, "tablist") || iequals(role, "menubar") || iequals(role, "menu") || iequals(role, "toolbar")) {
      count(controls);
      return false;
    }
    if ((iequals(role, "banner") || iequals(role, "contentinfo")) && belongs_to_page(n))
      return site_chrome(f, iequals(role, "banner") ? site_header : site_footer);
    if (has_attribute(e, "hidden") || iequals(attribute(e, "aria-hidden"), "true") || style_hides(attribute(e, "style"))) {
      count(hidden);
      return false;
    }
    if (n == main_) {
      // the page's content: what is outside it was silenced
      f.on_exit |= inside_main;
      saved_silent_.push_back(silent_);
      saved_chrome_.push_back(chrome_);
      silent_ = chrome_ = 0;
      end_block();
      return enter_element(n, e, f);
    }
    if (main_ && e.tag == GUMBO_TAG_BODY) {
      f.on_exit |= silence | chrome;
      ++silent_;
      ++chrome_;
      return true;
    }
    return enter_element(n, e, f);
  }

  bool walk_silently(frame& f) {
    f.on_exit |= silence;
    ++silent_;
    return true;
  }

  /// The site's header or footer: left out, but its <h1> (the page's title) is kept.
  bool site_chrome(frame& f, counted what) {
    count(what);
    f.on_exit |= silence | chrome;
    ++silent_;
    ++chrome_;
    return true;
  }

  bool enter_element(const GumboNode* n, const GumboElement& e, frame& f) {
    switch (e.tag) {
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6: {
        if (silent_ > 0) {
          if (e.tag != GUMBO_TAG_H1) return true;
          // the page's title, kept even in the site's header
          saved_silent_.push_back(silent_);
          saved_chrome_.push_back(chrome_);
          silent_ = chrome_ = 0;
          f.on_exit |= inside_main;
        }
        if (in_data_cell()) return true;
        end_block();
        f.saved_heading = heading_;
        heading_ = static_cast<int>(e.tag - GUMBO_TAG_H1) + 1;
        f.on_exit |= heading | block;
        return true;
      }
      case GUMBO_TAG_BR:
        line_break();
        return false;
      case GUMBO_TAG_B:
      case GUMBO_TAG_STRONG:
      case GUMBO_TAG_I:
      case GUMBO_TAG_EM:
        {
          if (heading_ > 0) return true;  // a heading is emphasis enough
          std::string_view mark = e.tag == GUMBO_TAG_B || e.tag == GUMBO_TAG_STRONG ? "**" : "*";
          // bold inside bold is bold: no second pair of marks
          if (std::any_of(emphases_.begin(), emphases_.end(), [&](const emphasis& x) { return x.mark == mark; }))
            return true;
          emphases_.push_back({mark, false});
          f.on_exit |= emphasised;
        }
        return true;
      case GUMBO_TAG_A:
        f.on_exit |= link;
        f.link_start = target().text.size() + (target().space && !target().empty() ? 1 : 0);
        return true;
      case GUMBO_TAG_PRE:
        end_block();
        ++pre_;
        f.on_exit |= preformatted | block;
        return true;
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_MENU:
      case GUMBO_TAG_DIR: {
        end_block();
        list_level l;
        l.ordered = e.tag == GUMBO_TAG_OL;
        std::string_view type = attribute(e, "type");
        if (type.size() == 1 && std::string_view("1aAiI").find(type[0]) != std::string_view::npos) l.style = type[0];
        l.step = has_attribute(e, "reversed") ? -1 : 1;
        l.next = number_attribute(e, "start", 1, -1000000, 1000000);
        if (l.ordered && l.style == '1' && !items_.empty() && !lists_.empty() && lists_.back().ordered &&
            lists_.back().style == '1') {
          std::string parent = items_.back().label;
          if (!parent.empty() && parent.back() == '.') parent.pop_back();
          l.parent = parent;
        }
        lists_.push_back(std::move(l));
        f.on_exit |= list | block;
        return true;
      }
      case GUMBO_TAG_LI: {
        end_block();
        open_item it;
        if (!lists_.empty()) {
          auto& l = lists_.back();
          if (l.ordered) {
            long n = number_attribute(e, "value", l.next, -1000000, 1000000);
            std::string_view type = attribute(e, "type");
            char style = type.size() == 1 && std::string_view("1aAiI").find(type[0]) != std::string_view::npos
                             ? type[0]
                             : l.style;
            it.label = l.parent.empty() ? item_number(n, style) + "." : l.parent + "." + item_number(n, style);
            l.next = n + l.step;
          } else {
            it.label = "-";
          }
        } else {
          it.label = "-";
        }
        it.depth = std::max<std::size_t>(1, lists_.size());
        it.origin = origin_of(e.start_pos);
        it.lines_before = lines_.size();
        if (in_data_cell()) {
          auto& c = data_table()->cell;
          if (!c.empty()) c.text += "<br>";
          c.text += it.label;
          c.space = true;
          cell_break_pending_ = false;
          f.on_exit |= block;
          return true;
        }
        items_.push_back(std::move(it));
        f.on_exit |= item | block;
        return true;
      }
      case GUMBO_TAG_TABLE: {
        end_block();
        table_state t;
        t.layout = in_data_cell() || is_layout_table(n);
        tables_.push_back(std::move(t));
        f.on_exit |= table | block;
        return true;
      }
      case GUMBO_TAG_TR:
        if (tables_.empty() || tables_.back().layout) break;
        {
          auto& t = tables_.back();
          t.cells.clear();
          t.header_cells.clear();
          t.column = 0;
          t.row_origin = origin_of(e.start_pos);
          t.row_has_text = false;
          f.on_exit |= row;
        }
        return true;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        if (tables_.empty() || tables_.back().layout) break;
        {
          auto& t = tables_.back();
          if (t.in_cell) return true;  // a cell inside a cell: its text joins the outer one
          t.in_cell = true;
          t.cell.clear();
          t.cell_colspan = number_attribute(e, "colspan", 1, 1, 1000);
          t.cell_rowspan = number_attribute(e, "rowspan", 1, 0, 65534);
          if (t.cell_rowspan == 0) t.cell_rowspan = 65534;  // rowspan=0: to the end of the table
          header_cell_ = e.tag == GUMBO_TAG_TH;
          cell_break_pending_ = false;
          f.on_exit |= cell;
        }
        return true;
      default: break;
    }
    if (is_block(e.tag)) {
      end_block();
      f.on_exit |= block;
    }
    return true;
  }

  /// The innermost table that is a grid of data, if any.
  table_state* data_table() {
    for (auto it = tables_.rbegin(); it != tables_.rend(); ++it)
      if (!it->layout) return &*it;
    return nullptr;
  }
  bool in_data_cell() {
    auto* t = data_table();
    return t && t->in_cell;
  }

  static bool is_block(GumboTag t) {
    switch (t) {
      case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
      case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
      case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
      case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
      case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND:
      case GUMBO_TAG_MAIN: case GUMBO_TAG_P: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE:
      case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
      case GUMBO_TAG_TH: case GUMBO_TAG_OPTION: case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP:
        return true;
      default: return false;
    }
  }

  void leave(frame& f) {
    const std::uint32_t a = f.on_exit;
    if (a & link) {
      inline_text& t = target();
      if (silent_ == 0 && !in_data_cell() && t.text.size() > f.link_start) {
        last_link_start_ = f.link_start;
        last_link_end_ = t.text.size();
        last_link_.assign(t.text, f.link_start, std::string::npos);
      }
    }
    if (a & emphasised) close_emphasis();
    if (a & cell) {
      auto& t = tables_.back();
      t.in_cell = false;
      interrupt_emphasis(t.cell);
      place_cell(t);
    }
    if (a & row) finish_row(tables_.back());
    if (a & block) end_block();
    if (a & heading) heading_ = f.saved_heading;
    if (a & item) {
      // an item of a numbered list with no text still shows its number: a
      // column of numbers printed apart from the texts they number
      auto& it = items_.back();
      if (!it.label_used && it.label != "-" && lines_.size() == it.lines_before) {
        emit(prefix(), it.origin);
        lines_.back().text.pop_back();  // the space after the label
        block_open_ = false;
      }
      items_.pop_back();
    }
    if (a & list) lists_.pop_back();
    if (a & table) tables_.pop_back();
    if (a & preformatted) --pre_;
    if (a & silence) --silent_;
    if (a & chrome) --chrome_;
    if (a & inside_main) {
      end_block();
      silent_ = saved_silent_.back();
      chrome_ = saved_chrome_.back();
      saved_silent_.pop_back();
      saved_chrome_.pop_back();
    }
  }

  void place_cell(table_state& t) {
    // columns a rowspan from a row above still covers come first
    while (t.column < t.rows_left.size() && t.rows_left[t.column] > 0) {
      t.cells.emplace_back();
      t.header_cells.push_back(false);
      ++t.column;
    }
    std::string text = std::move(t.cell.text);
    while (text.size() >= 4 && text.compare(text.size() - 4, 4, "<br>") == 0) text.resize(text.size() - 4);
    if (!t.row_has_text && !text.empty()) t.row_origin = t.cell.origin, t.row_has_text = true;
    for (long k = 0; k < t.cell_colspan; ++k) {
      if (t.column >= t.rows_left.size()) t.rows_left.resize(t.column + 1, 0);
      t.rows_left[t.column] = std::max(t.rows_left[t.column], t.cell_rowspan);
      t.cells.push_back(k == 0 ? text : std::string{});
      t.header_cells.push_back(header_cell_);
      ++t.column;
      if (t.cells.size() > 4096) break;
    }
    t.cell.clear();
  }

  void finish_row(table_state& t) {
    while (t.column < t.rows_left.size() && t.rows_left[t.column] > 0) {  // spans after the last cell
      t.cells.emplace_back();
      t.header_cells.push_back(false);
      ++t.column;
    }
    for (auto& left : t.rows_left)
      if (left > 0) --left;
    bool any = std::any_of(t.cells.begin(), t.cells.end(), [](const std::string& c) { return !c.empty(); });
    if (!any || silent_ > 0) return;
    std::string line = "|";
    for (const auto& c : t.cells) {
      line += ' ';
      for (char ch : c) {
        if (ch == '|') line += "\\|";
        else line += ch;
      }
      line += c.empty() ? "|" : " |";
    }
    if (t.rows == 0) flush_line(), block_open_ = false;
    emit(std::move(line), t.row_origin);
    bool header = std::all_of(t.header_cells.begin(), t.header_cells.end(), [](bool h) { return h; });
    if (t.rows == 0 && header && !t.cells.empty()) {
      std::string rule = "|";
      for (std::size_t k = 0; k < t.cells.size(); ++k) rule += " --- |";
      emit(std::move(rule), t.row_origin);
    }
    ++t.rows;
  }

  std::vector<std::size_t> line_starts_;
  const GumboNode* main_ = nullptr;
  int silent_ = 0;   // inside furniture that is walked (for its scripts, and a header's <h1>)
  int chrome_ = 0;   // of which the site's header, footer, or what lies outside <main>
  std::vector<int> saved_silent_, saved_chrome_;
  std::size_t dropped_texts_ = 0;
  int heading_ = 0;
  int pre_ = 0;
  bool header_cell_ = false;
  bool cell_break_pending_ = false;
  bool block_open_ = false;
  inline_text line_;
  std::vector<emphasis> emphases_;
  std::vector<list_level> lists_;
  std::vector<open_item> items_;
  std::vector<table_state> tables_;
  std::string last_link_;
  std::size_t last_link_start_ = 0, last_link_end_ = 0;
  std::array<std::size_t, counted_kinds> counts_{};
  std::vector<written_line> lines_;
};

void html_walker::finish(loaded_text& out) {
  // a link that ends three blocks or more with the same words is the page's
  // furniture ("Back to top"), not their text
  std::unordered_map<std::string, std::size_t> trailing;
  for (const auto& l : lines_)
    if (!l.trailing_link.empty()) ++trailing[l.trailing_link];
  for (auto& l : lines_) {
    if (l.trailing_link.empty() || trailing[l.trailing_link] < 3) continue;
    std::size_t from = std::min(l.link_from, l.text.size());
    while (from > 0 && l.text[from - 1] == ' ') --from;
    if (from == 0) continue;  // the link is the whole line: leave it to the profiles' furniture
    l.text.resize(from);
    ++counts_[repeated_links];
  }
  for (const auto& l : lines_) {
    if (l.blank_before) {
      out.text += '\n';
      out.origins.push_back({});
    }
    out.text += l.text;
    out.text += '\n';
    out.origins.push_back(l.origin);
  }
  std::string what;
  for (std::size_t k = 0; k < counted_kinds; ++k) {
    if (!counts_[k]) continue;
    if (!what.empty()) what += ", ";
    what += std::to_string(counts_[k]) + ' ' +
            std::string(counts_[k] == 1 ? counted_names[k].first : counted_names[k].second);
  }
  if (dropped_texts_) {
    if (!what.empty()) what += ", ";
    what += std::to_string(dropped_texts_) +
            (dropped_texts_ == 1 ? " text" : " texts") + " of the site's header and footer or outside the page's <main>";
  }
  if (!what.empty()) {
    diagnostic d;
    d.code = std::string(diag::furniture_left_out);
    d.level = severity::note;
    d.message = "left out of the page as furniture: " + what;
    out.diagnostics.push_back(std::move(d));
  }
}

/// Whether the page's last node is text that runs to the page's last byte,
/// not a script's, a style's or a comment's, and not white space: the page
/// stops inside its text.
bool ends_in_text(const GumboNode* n, std::string_view page) {
  const GumboNode* parent = nullptr;
  while (n && (n->type == GUMBO_NODE_DOCUMENT || n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)) {
    const GumboVector& kids = n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    if (kids.length == 0) return false;
    parent = n;
    n = static_cast<const GumboNode*>(kids.data[kids.length - 1]);
  }
  if (!n || n->type != GUMBO_NODE_TEXT || !parent || parent->type != GUMBO_NODE_ELEMENT) return false;
  const GumboTag tag = parent->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_TITLE)
    return false;
  const GumboStringPiece& raw = n->v.text.original_text;
  if (raw.data < page.data() || raw.data + raw.length > page.data() + page.size()) return false;
  const char last = page.back();
  return raw.data + raw.length == page.data() + page.size() && last != ' ' && last != '\t' && last != '\n' &&
         last != '\r';
}

/// gumbo's output, freed however the reader returns.
struct gumbo_output_deleter {
  const GumboOptions* options;
  void operator()(GumboOutput* o) const {
    if (o) gumbo_destroy_output(options, o);
  }
};

}  // namespace

loaded_text read_html(std::string_view bytes, const read_limits& limits) {
  loaded_text decoded = load_bytes(bytes);
  decoded.format = to_string(input_format::html);
  if (!decoded) return decoded;
  loaded_text out;
  out.format = to_string(input_format::html);
  out.encoding = decoded.encoding;
  out.diagnostics = std::move(decoded.diagnostics);
  std::string_view page = decoded.text;
  auto cut = html::find_nesting_cut(page, limits.max_depth);
  if (cut.offset != std::string_view::npos) {
    diagnostic d;
    d.code = std::string(diag::reader_too_deep);
    d.level = severity::warning;
    d.span.begin = {cut.line, 1};
    d.span.end = d.span.begin;
    d.message = "the page's elements nest deeper than " + std::to_string(limits.max_depth) + " levels at line " +
                std::to_string(cut.line) + " of the file: the page is read up to there";
    out.diagnostics.push_back(std::move(d));
    page = page.substr(0, cut.offset);
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the parse errors of a page are not the reader's concern
  options.tab_stop = 1;
  std::unique_ptr<GumboOutput, gumbo_output_deleter> parsed(
      gumbo_parse_with_options(&options, page.data(), page.size()), gumbo_output_deleter{&options});
  if (!parsed) {
    out.error = "the HTML parser could not read the page";
    return out;
  }
  html_walker walker(page);
  walker.run(parsed->document);
  walker.finish(out);
  // a page that stops inside its text, no tag and no line break after its
  // last word, is an excerpt cut there: its text is given without its final
  // line break, as a text file cut short is (the recognisers then mark the
  // item it stops in incomplete)
  if (cut.offset == std::string_view::npos && !page.empty() && !out.text.empty() && out.text.back() == '\n' &&
      ends_in_text(parsed->document, page)) {
    out.text.pop_back();
    std::uint32_t line = 1;
    for (char c : page) line += c == '\n';
    diagnostic d;
    d.code = std::string(diag::page_cut);
    d.level = severity::warning;
    d.span.begin = {line, 1};
    d.span.end = d.span.begin;
    // the words after the last tag or line break (their last 80 bytes at most, whole characters)
    auto from = page.find_last_of(">\n");
    from = from == std::string_view::npos ? 0 : from + 1;
    if (page.size() - from > 80) from = page.size() - 80;
    while (from < page.size() && (static_cast<unsigned char>(page[from]) & 0xC0) == 0x80) ++from;
    d.original = std::string(page.substr(from));
    d.message = "the page stops inside its text, with no tag after its last words: an excerpt, read as cut there";
    out.diagnostics.push_back(std::move(d));
  }
  return out;
}

}  // namespace qspec::formats
