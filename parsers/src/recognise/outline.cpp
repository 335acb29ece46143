// The outline engine: one recogniser for every family a profile describes
// (profiles/*.yaml). The document is read as a stream of segments — a line,
// or a cell of a table row — with markup cleaned and bullets and markdown
// heading marks taken off. Each segment is, in this order: furniture (the
// profile's site furniture, a running footer naming the standard's code), the
// value of a field whose label stood alone, a field ("URN: …"), a heading or
// lead-in that opens a part (also run into its text, split over two lines or
// misspelt by one letter), an item (its label fits a level of the part), a
// group heading (a short line right before a run of items), a continuation
// of the open item, or prose. What the layout does not say, the sequence of
// labels does: P1…Pn is one run, 1.1 belongs to 1, (a) to the item before.
//
// Repairs are general and each is a diagnostic with span, original and
// repaired text: a column of labels printed apart from its texts (PDF text
// extraction) is paired with them by count and sentence shape; several items
// run together on one line are split at the next label of the sequence; an
// item printed without its label between two that have one is numbered from
// the sequence; text continued after a page break or running footer is
// joined; a heading run into its text is split off; an item the document
// stops inside is marked incomplete, never completed.
#include <algorithm>
#include <array>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "grammar/lines.hpp"
#include "grammar/table_rules.hpp"
#include "qspec/profile.hpp"
#include "recognise/context.hpp"
#include "recognise/line_text.hpp"
#include "recognise/outline.hpp"
#include "recognise/side_column.hpp"
#include "recognise/vocabulary.hpp"

namespace qspec {
namespace {
using namespace vocab;

// Lengths (bytes) that tell one kind of line from another. A line longer than
// long_line holds more than one paragraph's worth: it is cut at the profile's
// headings and fields. Titles, headings, group headings, field lines and
// furniture are short lines: nothing in a standard prints them longer.
constexpr std::size_t long_line = 600;
constexpr std::size_t max_title = 250;
constexpr std::size_t max_heading = 80;
constexpr std::size_t max_split_heading_piece = 30;  // "Performance" of "Performance" / "criteria"
constexpr std::size_t max_group_heading = 150;
constexpr std::size_t max_column_name = 40;  // a table's column name: a few words
constexpr std::size_t max_lookahead = 40;   // segments looked ahead for an item of the part
constexpr int max_quantity_words = 3;        // words between a number and its measure: "optional specialist"
constexpr std::size_t max_column_drift = 4;  // characters a column set with spaces strays from its header's
constexpr std::string_view item_field_kind = "item_field";  // a property of an item ("GSCE English: No")
constexpr std::size_t max_field_line = 400;
constexpr std::size_t max_furniture_line = 120;

/// A horizontal rule: three or more of "-*_=~" (markdown's, lynx's line of underscores), or of the
/// box-drawing lines a text browser draws ("━━━", "───", "═══"), spaces between allowed.
bool horizontal_rule(std::string_view raw) {
  std::size_t marks = 0;
  for (std::size_t i = 0; i < raw.size();) {
    const char c = raw[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '-' || c == '*' || c == '_' || c == '=' || c == '~') {
      ++marks, ++i;
    } else if (raw.substr(i, 3) == "\xE2\x94\x80" || raw.substr(i, 3) == "\xE2\x94\x81" ||
               raw.substr(i, 3) == "\xE2\x95\x90") {  // U+2500, U+2501, U+2550
      ++marks, i += 3;
    } else {
      return false;
    }
  }
  return marks >= 3;
}

/// A markdown table's rule under its header, "|---|:---:|": bars, dashes, colons only.
bool table_rule(std::string_view row) { return row.find_first_not_of("|-:= \t") == std::string_view::npos; }

/// A segment of the document: a line, or a cell of a table row, cleaned.
struct segment {
  std::uint32_t line = 0;
  clean::rich_text text;
  bool bullet = false;
  int md_heading = 0;            // number of "#"
  bool bold = false;             // the whole text emphasised
  bool blank_before = false;
  bool furniture_before = false; // page furniture between it and the content before
  bool cell = false;
  bool from_row = false;         // from a table's row: a cell, or a line whose other cells are empty
  bool piece = false;            // a piece of a line cut by split_long_segments
  bool in_column = false;        // a column's piece of a line set in columns with spaces (read_beside_column)
};

/// An item being built.
struct node {
  int level = 0;
  bool group = false;
  grammar::ast::item_label label;
  std::uint32_t label_begin = 0, label_end = 0;  // source bytes of the printed label
  std::string code;
  clean::rich_text text;
  std::uint32_t first_line = 0, last_line = 0;
  bool inferred = false, incomplete = false;
  std::string_view band;  // the band its code's shape puts it in ("pass")
  std::string_view kind;  // its own kind, not its level's (an item field)
  std::vector<node> children;
};

struct part_build {
  const part_rule* rule = nullptr;
  std::string_view heading, lead_in;
  std::uint32_t begin = UINT32_MAX, end = 0;  // source bytes
  std::vector<block> blocks;
  std::vector<node> items;
  /// The code a named heading gives its part ("Element CU1.1 Monitor …": CU1.1), its id's end
  std::string_view code;
  /// Headings and lead-ins taken before the first item: two headings
  /// ("Learning outcomes" / "Assessment criteria") or two lead-ins ("The
  /// learner will:" / "The learner can:") are the headers of two columns
  /// printed side by side, one level in each.
  int headings = 0, lead_ins = 0;
  [[nodiscard]] bool side_by_side() const { return headings >= 2 || lead_ins >= 2; }
};

class outline_builder {
 public:
  outline_builder(parse_context& ctx, const profile& p, const profile_set& set)
      : ctx_(ctx), prof_(p), shared_furniture_(set.furniture), joining_words_(set.joining_words) {
    for (const auto& r : p.parts) {
      for (const auto& h : r.headings) {
        // "Qualification structure of *": a heading that opens with the words and names what follows
        if (h.size() > 2 && h.substr(h.size() - 2) == " *") named_headings_.push_back({h.substr(0, h.size() - 2), &r});
        else headings_.push_back({fold(h), &r});
      }
      for (const auto& h : r.lead_ins) lead_ins_.push_back({fold(h), &r});
    }
    // longest first: "Learning outcomes and assessment criteria" before "Learning outcomes"
    auto longer = [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); };
    std::stable_sort(headings_.begin(), headings_.end(), longer);
    std::stable_sort(lead_ins_.begin(), lead_ins_.end(), longer);
    for (const auto& f : p.fields)
      for (const auto& l : f.labels) fields_.push_back({l, &f});
    std::stable_sort(fields_.begin(), fields_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }

  standard build() {
    read_segments();
    split_long_segments();
    find_running_footers();
    {
      // the wrap width: the width most lines reach (the 90th percentile, so that one long line
      // left unwrapped does not stand for it); a column's pieces wrap at their column's width
      std::vector<std::size_t> widths;
      for (const auto& g : segs_)
        if (!g.cell && !g.in_column) widths.push_back(characters(g.text.text()));
      if (!widths.empty()) {
        auto at = widths.begin() + static_cast<std::ptrdiff_t>(widths.size() * 9 / 10);
        std::nth_element(widths.begin(), at, widths.end());
        widest_line_ = *at;
      }
    }
    for (k_ = 0; k_ < segs_.size(); ++k_) {
      // a heading split off its text leaves the text to be taken again
      retakes_ = 0;
      do {
        retake_ = false;
        take(segs_[k_]);
      } while (retake_ && ++retakes_ <= max_retakes);
    }
    release_held(true);
    flush_pending();
    close_part();
    close_section();
    mark_incomplete_end();
    return lower_all();
  }

 private:
  parse_context& ctx_;
  const profile& prof_;
  const std::vector<std::string>& shared_furniture_;
  const std::vector<std::string> no_patterns_;
  const std::vector<std::string>& joining_words_;
  std::size_t widest_line_ = 0;       // the document's wrap width (see build())
  bool value_alone_ = false;          // the last field's value began on a line of its own
  std::size_t value_block_first_ = 0; // that line's segment
  std::size_t last_prose_width_ = 0;  // the width of the last line of prose taken
  std::size_t last_prose_segment_ = SIZE_MAX - 1;  // and its segment
  std::unordered_set<std::string> column_names_;  // rows of a table's column names read so far, cells a tab apart
  std::vector<std::pair<std::string, const part_rule*>> headings_, lead_ins_, named_headings_;
  // where the columns after the first of a table set with spaces begin (characters from a line's start,
  // table_header_columns), while its rows are read; empty otherwise
  std::vector<std::uint32_t> table_columns_;
  std::vector<bool> table_tight_;  // for each of those, whether its edge is a gutter one space wide
  std::vector<std::pair<std::string, const field_rule*>> fields_;
  std::vector<segment> segs_;
  std::size_t k_ = 0;
  bool retake_ = false;
  std::size_t retakes_ = 0;
  // headings run into one another at a line's start are split off this many times at most (each
  // split copies the rest of the line: a hostile line of headings stays linear)
  static constexpr std::size_t max_retakes = 16;
  std::vector<bool> footer_line_;
  std::vector<bool> rule_line_;   // the lines that are horizontal rules
  std::string_view footer_code_;  // the code the running footers print

  std::vector<part_build> parts_;
  part_build* part_ = nullptr;
  node* group_ = nullptr;
  std::vector<node*> open_;  // open items, level 0 first
  std::vector<node> pending_labels_;
  std::vector<std::size_t> pending_texts_;
  std::size_t label_column_end_ = 0;  // where the values of the last column of field labels begin
  std::size_t band_header_ = SIZE_MAX - 1;  // the last segment read as a band's name over a grid
  const field_rule* pending_field_ = nullptr;
  std::string_view pending_field_label_;
  std::uint32_t pending_field_begin_ = 0;
  std::uint32_t pending_field_end_ = 0;  // where its label ends (a label over two lines ends on the second)

  struct field_build {
    const field_rule* rule;
    std::string_view label;
    clean::rich_text value;
    std::uint32_t begin;
    std::uint32_t label_end = 0;
  };
  std::vector<field_build> fields_found_;
  std::vector<section> sections_;
  section* section_ = nullptr;
  std::vector<std::pair<std::uint32_t, clean::rich_text>> section_paras_;
  std::string_view title_;
  clean::rich_text title_text_;
  source_span title_span_;
  std::uint32_t title_line_ = 0;
  std::size_t title_segment_ = 0;
  std::string_view printed_code_;  // a code printed alone above the title
  source_span printed_code_span_;
  bool prose_seen_ = false;
  std::unique_ptr<field_rule> title_field_;  // the field a label before the title fills
  std::size_t last_field_segment_ = SIZE_MAX - 1;  // the segment the last field value came from
  bool seen_structure_ = false;
  bool prose_since_item_ = false;  // the part's prose was read after its last item
  std::uint32_t last_read_end_ = 0;  // where the last segment read (not furniture) ends

  // ---- reading --------------------------------------------------------

  void add_segment(std::uint32_t l, std::uint32_t b, std::uint32_t e, bool cell, bool blank_before,
                   bool furniture_before) {
    segment s;
    s.line = l;
    s.cell = cell;
    s.blank_before = blank_before;
    s.furniture_before = furniture_before;
    s.text = ctx_.read_text(b, e);
    if (s.text.empty()) return;
    std::string_view t = s.text.text();
    std::size_t off = 0;
    while (off < t.size() && t[off] == '#') ++off;
    if (off > 0 && off < t.size() && t[off] == ' ') s.md_heading = static_cast<int>(off);
    else off = 0;
    if (!s.md_heading) s.md_heading = underlined_heading(ctx_, l);  // "Title" / "====="
    while (off < t.size() && t[off] == ' ') ++off;
    // a bullet: "- ", "• ", "* ", "o " (Word's second level), a symbol font's glyph, …
    if (const auto n = grammar::list_bullet_length(t.substr(off))) {
      s.bullet = true;
      off += n;
    } else if (const auto number = grammar::match_item_label(t.substr(off));
               number && number->value.prefix.empty() && number->value.path.size() == 1 && !number->value.open &&
               (number->value.close == '.' || number->value.close == ')')) {
      // an ordered list's number before an item's own label ("1. K1: …", a markdown list numbering
      // its lines): the list's, as a bullet is
      // (a code's letters, "K", "PC", "LO"; not a word that opens a sentence, "1. Describe 3 ways …")
      const auto own = grammar::match_item_label(t.substr(off + number->rest));
      constexpr std::size_t longest_prefix = 4;
      if (own && !own->value.path.empty() && !own->value.prefix.empty() &&
          own->value.prefix.size() <= longest_prefix &&
          std::all_of(own->value.prefix.begin(), own->value.prefix.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        s.bullet = true;
        off += number->rest;
      }
    }
    if (off > 0) s.text = s.text.slice(static_cast<std::uint32_t>(off), static_cast<std::uint32_t>(t.size()));
    if (s.text.empty()) return;
    const auto& runs = s.text.emphasis_runs();
    s.bold = !runs.empty() && runs.front().begin == 0 && runs.front().end >= s.text.text().size() &&
             runs.front().style == clean::emphasis::bold;
    segs_.push_back(std::move(s));
  }

  /// A table's cell as segments: one, or one per line of a list the cell holds, where a line break
  /// inside it ("<br>", a paragraph of the cell) comes before an item's label or bullet ("1.1
  /// Explain …<br>1.2 Describe …"): the cell's lines are items as a list's lines are.
  void add_cell(std::uint32_t l, std::uint32_t b, std::uint32_t e, bool cell, bool blank_before,
                bool furniture_before) {
    static constexpr std::string_view br = "<br>";
    auto opens_item = [&](std::uint32_t at) {
      std::string_view t = ctx_.src.substr(at, e - at);
      while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
      while (t.starts_with("**") || t.starts_with("__")) t.remove_prefix(2);
      auto m = grammar::match_item_label(t);
      return m && m->rest > 0 && m->rest < t.size() && !m->value.path.empty();
    };
    std::uint32_t from = b;
    for (auto at = ctx_.src.substr(0, e).find(br, b); at != std::string_view::npos;
         at = ctx_.src.substr(0, e).find(br, at + br.size())) {
      const auto next = static_cast<std::uint32_t>(at + br.size());
      if (!opens_item(next)) continue;
      add_piece(l, from, static_cast<std::uint32_t>(at), cell && from == b, from == b && blank_before,
                from == b && furniture_before);
      from = next;
    }
    add_piece(l, from, e, cell && from == b, from == b && blank_before, from == b && furniture_before);
  }

  /// A piece of a table's row, [b, e) trimmed, as a segment that knows it came from a row.
  void add_piece(std::uint32_t l, std::uint32_t b, std::uint32_t e, bool cell, bool blank_before,
                 bool furniture_before) {
    auto piece = trim(ctx_.src.substr(b, e - b));
    if (piece.empty()) return;
    auto off = static_cast<std::uint32_t>(piece.data() - ctx_.src.data());
    const auto before = segs_.size();
    add_segment(l, off, off + static_cast<std::uint32_t>(piece.size()), cell, blank_before, furniture_before);
    if (segs_.size() > before) segs_.back().from_row = true;
  }

  /// The cells of line `l` split at `sep` ('|' for a markdown row, its outer bars aside; a tab), each
  /// as its source range, spaces trimmed.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> cells_of_line(std::uint32_t l, char sep) {
    auto [b, e] = trimmed(ctx_, l);
    if (sep == '|') {
      if (b < e && ctx_.src[b] == '|') ++b;
      if (e > b && ctx_.src[e - 1] == '|') --e;
    } else {
      // every tab counts, those before the first cell's text too: an empty cell keeps its column
      const auto whole = ctx_.lines.line(l);
      b = static_cast<std::uint32_t>(whole.data() - ctx_.src.data());
      e = b + static_cast<std::uint32_t>(whole.size());
      while (e > b && (ctx_.src[e - 1] == '\n' || ctx_.src[e - 1] == '\r')) --e;
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    std::uint32_t cb = b;
    for (std::uint32_t i = b; i <= e; ++i)
      if (i == e || ctx_.src[i] == sep) {
        auto cell = trim(ctx_.src.substr(cb, i - cb));
        const auto off = static_cast<std::uint32_t>(cell.data() - ctx_.src.data());
        out.emplace_back(off, off + static_cast<std::uint32_t>(cell.size()));
        cb = i + 1;
      }
    return out;
  }

  /// Whether the line under line `l` is a markdown table's rule (`l` a header).
  bool ruled_below(std::uint32_t l) {
    if (l + 1 >= ctx_.lines.count()) return false;
    auto [b, e] = trimmed(ctx_, l + 1);
    return e > b && ctx_.src[b] == '|' && table_rule(ctx_.src.substr(b, e - b));
  }

  /// Whether a cell of line `l` is one of the profile's part headings whole.
  bool names_a_part(std::uint32_t l, char sep) {
    for (const auto& [b, e] : cells_of_line(l, sep)) {
      if (b == e) continue;
      const auto f = fold(ctx_.read_text(b, e).text());
      for (const auto& [phrase, rule] : headings_)
        if (f == phrase) return true;
    }
    return false;
  }

  /// A table whose header names two parts of the profile's or more, a part a column ("Knowledge |
  /// Skills | Behaviours", each column's cells that part's items, side by side): read column by
  /// column, each header cell as its part's heading, then that column's cells down the rows. The
  /// header is line `l`; its rows follow (a markdown table's rule under the header is furniture).
  /// The table's last line, or none where the header names no such parts.
  std::optional<std::uint32_t> read_columns_as_parts(std::uint32_t l, char sep) {
    const auto header = cells_of_line(l, sep);
    std::vector<const part_rule*> named;
    std::size_t filled = 0;  // header cells with text
    for (const auto& [b, e] : header) {
      if (b == e) return std::nullopt;
      ++filled;
      const auto f = fold(ctx_.read_text(b, e).text());
      for (const auto& [phrase, rule] : headings_)
        if (f == phrase && !rule->levels.empty() && std::find(named.begin(), named.end(), rule) == named.end()) {
          named.push_back(rule);
          break;
        }
      if (named.size() != filled) return std::nullopt;  // a cell naming no part: no such table
    }
    // (every column named: a column of no part's would have nowhere to go)
    if (named.size() < 2 || named.size() != filled || filled != header.size()) return std::nullopt;
    std::uint32_t last = l;
    std::vector<std::pair<std::uint32_t, std::vector<std::pair<std::uint32_t, std::uint32_t>>>> rows;
    auto row_at = [&](std::uint32_t r) {
      if (r >= ctx_.lines.count() || ctx_.use[r] == line_use::blank) return false;
      auto [b, e] = trimmed(ctx_, r);
      const auto raw = ctx_.src.substr(b, e - b);
      return sep == '|' ? !raw.empty() && raw.front() == '|' : ctx_.lines.line(r).find('\t') != std::string_view::npos;
    };
    // (the header printed again over the rows a page break carried on)
    auto header_again = [&](const std::vector<std::pair<std::uint32_t, std::uint32_t>>& cells) {
      if (cells.size() != header.size()) return false;
      for (std::size_t c = 0; c < cells.size(); ++c)
        if (fold(ctx_.read_text(cells[c].first, cells[c].second).text()) !=
            fold(ctx_.read_text(header[c].first, header[c].second).text()))
          return false;
      return true;
    };
    for (std::uint32_t r = l + 1; r < ctx_.lines.count(); ++r) {
      // (a blank line between a markdown table's rule and its rows, as the readers write them; a
      // page's running header or footer between two rows)
      // (or between two rows, where a page break or the print parted the table: the next row of
      // the header's cells goes on with it -- the header printed again too -- unless it is another
      // table's header, a rule under it or a part's name in it)
      if (ctx_.use[r] == line_use::blank || ctx_.use[r] == line_use::furniture) {
        std::uint32_t next = r;
        while (next < ctx_.lines.count() &&
               (ctx_.use[next] == line_use::blank || ctx_.use[next] == line_use::furniture))
          ++next;
        if (row_at(next) && cells_of_line(next, sep).size() == header.size() &&
            (header_again(cells_of_line(next, sep)) ||
             (!(sep == '|' && ruled_below(next)) && !names_a_part(next, sep)))) {
          r = next - 1;
          continue;
        }
        break;
      }
      if (!row_at(r)) break;
      // (a line of other cells than the header's is no row of it)
      const auto cells = cells_of_line(r, sep);
      if (cells.size() != header.size()) break;
      if (header_again(cells)) {  // furniture
        last = r;
        mark_furniture(ctx_, r, "table_header");
        continue;
      }
      auto [b, e] = trimmed(ctx_, r);
      const auto raw = ctx_.src.substr(b, e - b);
      last = r;
      if (sep == '|' && table_rule(raw)) {
        mark_furniture(ctx_, r, "table_rule");
        continue;
      }
      // (a row of empty cells only, its tabs alone: nothing to read)
      if (std::all_of(cells.begin(), cells.end(), [](const auto& c) { return c.first == c.second; })) {
        mark_furniture(ctx_, r, "table_rule");
        continue;
      }
      rows.emplace_back(r, cells);
    }
    if (rows.empty()) return std::nullopt;
    for (std::size_t c = 0; c < header.size(); ++c) {
      if (header[c].first == header[c].second) continue;
      add_segment(l, header[c].first, header[c].second, false, true, false);
      for (const auto& [r, cells] : rows)
        if (c < cells.size() && cells[c].first < cells[c].second)
          add_cell(r, cells[c].first, cells[c].second, false, false, false);
    }
    return last;
  }

  /// Whether line l is a label and its value, two cells ('|' apart): the first one of the
  /// profile's field labels, whole (a colon and emphasis around it allowed), the second not one.
  bool first_cell_labels_field(std::uint32_t l) {
    const auto cells = cells_of_line(l, '|');
    if (cells.size() != 2) return false;
    auto is_label = [&](std::pair<std::uint32_t, std::uint32_t> c) {
      auto cell = ctx_.src.substr(c.first, c.second - c.first);
      while (!cell.empty() && (cell.back() == ':' || cell.back() == ' ' || cell.back() == '*')) cell.remove_suffix(1);
      while (!cell.empty() && (cell.front() == '*' || cell.front() == ' ')) cell.remove_prefix(1);
      return !cell.empty() && std::any_of(fields_.begin(), fields_.end(), [&](const auto& f) {
        return phrase_prefix(cell, f.first) == cell.size();
      });
    };
    return is_label(cells[0]) && !is_label(cells[1]);
  }

  void read_segments() {
    rule_line_.assign(ctx_.lines.count(), false);
    if (ctx_.gutter < 0) ctx_.gutter = find_gutter(ctx_);
    const std::int64_t gutter = ctx_.gutter;
    bool blank_before = true, furniture_before = false;
    for (std::uint32_t l = 0; l < ctx_.lines.count(); ++l) {
      if (ctx_.use[l] == line_use::blank) {
        blank_before = true;
        continue;
      }
      if (ctx_.use[l] == line_use::furniture) {
        furniture_before = true;
        continue;
      }
      auto [b, e] = trimmed(ctx_, l);
      std::string_view raw = ctx_.src.substr(b, e - b);
      if (horizontal_rule(raw)) {
        mark_furniture(ctx_, l, "rule");  // a horizontal rule: "---", "***", "___", "━━━"
        rule_line_[l] = true;
        furniture_before = true;
        continue;
      }
      // a bullet glyph alone on its line (no dash or tick, which may be a table cell's value): a
      // list's marker a conversion set apart from its item's text (pdftotext reads a column of
      // bullets on its own), no text of it
      if (grammar::bullet_glyph(raw)) {
        mark_furniture(ctx_, l, "bullet");
        continue;
      }
      if (raw.size() >= 2 && raw.front() == '|') {
        // a markdown or flattened table row: its cells, in order; "|---|" rules are furniture,
        // and so is the row of column names right above one
        if (table_rule(raw)) {
          mark_furniture(ctx_, l, "table_rule");
          continue;
        }
        // a header naming parts, a rule under it or none (a table whose first row names its columns)
        if (auto last = read_columns_as_parts(l, '|')) {
          l = *last;
          blank_before = furniture_before = false;
          continue;
        }
        if (l + 1 < ctx_.lines.count()) {
          auto [nb, ne] = trimmed(ctx_, l + 1);
          auto next = ctx_.src.substr(nb, ne - nb);
          // (unless its first cell is a field's label: a table of labels and values, "| Unit
          // reference | M/650/2307 |" over the rule, has no column names, only its first row)
          if (next.size() >= 3 && next.front() == '|' && table_rule(next) && next.find('-') != std::string_view::npos &&
              !first_cell_labels_field(l)) {
            mark_furniture(ctx_, l, "table_header");
            continue;
          }
        }
        // a row whose first cell is empty goes on with the row above (a value wrapped onto a row of
        // its own), as a tab-separated line that starts with a tab does: its text is not a cell
        const auto cells = cells_of_line(l, '|');
        const bool continues_row = !cells.empty() && cells.front().first == cells.front().second;
        for (const auto& [cb, ce] : cells)
          if (cb < ce) add_cell(l, cb, ce, !continues_row, blank_before, furniture_before);
        blank_before = furniture_before = false;  // the cells of a row share what came before the row
        ctx_.use[l] = line_use::unknown;
        continue;
      }
      // tab-separated cells, unless the first is a label before its text ("1.<TAB>text"; a row of
      // three cells or more is a table's, "Level 1<TAB>Level 2 Pass<TAB>Level 2 Merit")
      auto tab = raw.find('\t');
      if (tab != std::string_view::npos) {
        if (auto last = read_columns_as_parts(l, '\t')) {
          l = *last;
          blank_before = furniture_before = false;
          continue;
        }
        auto first = trim(raw.substr(0, tab));
        auto m = grammar::match_item_label(first);
        auto rest = trim(raw.substr(tab + 1));
        bool label_only = m && m->rest >= first.size() && rest.find('\t') == std::string_view::npos;
        if (!label_only && !first.empty()) {
          for (const auto& [cb, ce] : cells_of_line(l, '\t'))
            if (cb < ce) add_cell(l, cb, ce, true, blank_before, furniture_before);
          blank_before = furniture_before = false;
          continue;
        }
      }
      // under a header of columns set with spaces ("Learning outcomes      Assessment criteria",
      // "Pass      Merit      Distinction"), the rows' lines are cut where the header's columns
      // begin, whatever the page's other lines are: each row's cells column by column
      if (auto columns = table_header_columns(l); !columns.empty()) {
        table_columns_ = std::move(columns);
        table_tight_ = tight_columns(l, table_columns_);
      } else if (!table_columns_.empty() && line_names_a_part(l)) {
        table_columns_.clear();  // the next part's heading: the table is over
      }
      if (!table_columns_.empty()) {
        if (cut_row(l, table_columns_)) {
          l = read_table_rows(l, blank_before, furniture_before);
          blank_before = furniture_before = false;
          continue;
        }
        // a line across the columns: a row of one cell (an outcome over its graded criteria, "LO2
        // Explain …", "Learning aim B: …") is read whole, the table going on where it opens with an
        // item's label or the next line is a row of cells again; any other ends the table
        if (!grammar::match_item_label(raw) && !cells_follow(l)) table_columns_.clear();
      }
      if (gutter > 0) {
        const auto p = split_at_gutter(ctx_, l, static_cast<std::uint32_t>(gutter));
        // (a field's label with its value beside it is a line of its own: "Unit reference   K/650/3321")
        if (p.has_left() && !(p.has_right() && field_label_alone(p.lb, p.le))) {
          l = read_beside_column(l, static_cast<std::uint32_t>(gutter), blank_before, furniture_before);
          blank_before = furniture_before = false;
          continue;
        }
      }
      add_segment(l, b, e, false, blank_before, furniture_before);
      // (a row of a table whose other cells are empty: the line ends in the tabs that part them)
      if (!segs_.empty() && segs_.back().line == l) {
        auto whole = ctx_.lines.line(l);
        while (!whole.empty() && (whole.back() == '\n' || whole.back() == '\r' || whole.back() == ' ')) whole.remove_suffix(1);
        segs_.back().from_row = !whole.empty() && whole.back() == '\t';
      }
      blank_before = furniture_before = false;
    }
  }

  /// Where the columns after the first begin (characters from the line's start) on line `l`, a table's
  /// header set with spaces: two cells or more, three spaces or more apart, each a part's heading
  /// or the name of a band the profile's codes are shaped for ("Merit"). Empty for any other line.
  std::vector<std::uint32_t> table_header_columns(std::uint32_t l) const {
    const auto [b, e] = ctx_.lines.content(l);
    const std::string_view line = ctx_.src.substr(b, e - b);
    std::vector<std::uint32_t> columns;
    for (auto at = line.find_first_not_of(' '); at != std::string_view::npos;) {
      const auto gap = line.find("   ", at);
      const auto cell = trim(line.substr(at, gap == std::string_view::npos ? gap : gap - at));
      if (!is_part_heading(cell) && !is_band_name(cell)) return {};
      if (at > line.find_first_not_of(' ')) columns.push_back(static_cast<std::uint32_t>(characters(line.substr(0, at))));
      at = gap == std::string_view::npos ? gap : line.find_first_not_of(' ', gap);
    }
    return columns;
  }
  /// For each column of a header set with spaces, whether its edge is a gutter one space wide, as a
  /// text browser sets a table (w3m: each column one space after the widest text of the one before):
  /// on every line of the block under the header the character before the edge is a space or the
  /// line ends before it (three lines or more), and on one a text begins right at the edge after
  /// that one space.
  std::vector<bool> tight_columns(std::uint32_t header, const std::vector<std::uint32_t>& columns) const {
    std::vector<bool> tight(columns.size(), true);
    std::vector<std::size_t> exact(columns.size(), 0);
    std::uint32_t lines = 0;
    constexpr std::uint32_t max_lines = 200;  // enough to tell, and a table of thousands stays linear
    for (std::uint32_t k = header + 1; k < ctx_.lines.count() && lines < max_lines && ctx_.use[k] != line_use::blank &&
                                       ctx_.use[k] != line_use::furniture;
         ++k, ++lines) {
      const auto [b, e] = ctx_.lines.content(k);
      const std::string_view line = ctx_.src.substr(b, e - b);
      if (horizontal_rule(line) || !table_header_columns(k).empty()) break;
      if (line.find('\t') != std::string_view::npos) return std::vector<bool>(columns.size(), false);
      // the character at each column's edge, counted in characters
      std::size_t ch = 0;
      std::size_t next = 0;
      char before = ' ';
      for (std::size_t i = 0; i < line.size() && next < columns.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
        while (next < columns.size() && ch == columns[next]) {
          if (before != ' ') tight[next] = false;
          else if (line[i] != ' ' && (ch < 2 || i < 2 || line[i - 2] != ' ')) ++exact[next];
          ++next;
        }
        before = line[i];
        ++ch;
      }
      if (next < columns.size() && ch == columns[next] && before != ' ') tight[next] = false;  // ends at the edge
    }
    for (std::size_t c = 0; c < columns.size(); ++c) tight[c] = tight[c] && lines >= 3 && exact[c] >= 1;
    return tight;
  }
  /// Whether a text names a band some level's codes are shaped for: alone ("Distinction", "Level 1")
  /// or as its last word, after other words ("Level 2 Merit").
  bool is_band_name(std::string_view t) const {
    const auto f = fold(t);
    for (const auto& part : prof_.parts)
      for (const auto& level : part.levels)
        for (const auto& c : level.codes) {
          std::string name = c.band;
          std::replace(name.begin(), name.end(), '_', ' ');
          const auto n = fold(name);
          if (!n.empty() && (f == n || (f.size() > n.size() && f.compare(f.size() - n.size(), n.size(), n) == 0 &&
                                        f[f.size() - n.size() - 1] == ' ')))
            return true;
        }
    return false;
  }
  /// Line `l` cut at the table's columns: each column's text as a source range (empty where the
  /// column is), or nothing where text runs across a column's edge. A column's text begins after a
  /// gap of two spaces at most `max_column_drift` characters from where its header's does.
  std::optional<std::vector<std::pair<std::uint32_t, std::uint32_t>>> cut_row(
      std::uint32_t l, const std::vector<std::uint32_t>& columns) const {
    const auto [b, e] = ctx_.lines.content(l);
    std::string_view line = ctx_.src.substr(b, e - b);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.find('\t') != std::string_view::npos) return std::nullopt;
    // columns count characters, as the page sets them: where each character begins in the line
    std::vector<std::size_t> at;
    at.reserve(line.size() + 1);
    for (std::size_t i = 0; i < line.size(); ++i)
      if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) at.push_back(i);
    const std::size_t n = at.size();
    at.push_back(line.size());
    auto space = [&](std::size_t i) { return i < n && line[at[i]] == ' '; };
    // (a text beginning after a gap of two spaces or more, at character `p`)
    auto begins_text = [&](std::size_t p) { return p >= 2 && p < n && !space(p) && space(p - 1) && space(p - 2); };
    std::vector<std::size_t> cuts{0};
    for (const std::size_t c : columns) {
      // the column's text begins where the header's does, or a few characters either side of it
      // (a page printed a little further left or right)
      std::optional<std::size_t> found;
      // (a text browser's table sets a column one space after the widest text before it: there the
      // edge is exact, and one space before it is the gap)
      const std::size_t index = cuts.size() - 1;
      if (index < table_tight_.size() && table_tight_[index] && c < n && !space(c) && space(c - 1)) found = c;
      for (std::size_t d = 0; d <= max_column_drift && !found; ++d)
        if (begins_text(c - std::min(c, d))) found = c - std::min(c, d);
        else if (begins_text(c + d)) found = c + d;
      std::size_t cut = found ? *found : std::min(c, n);
      if (!found && cut < n) {
        // no column's text begins near: the column's edge must fall in a gap of two spaces or more
        // (text set further in under the column, or the column empty), else the line runs across it
        std::size_t gap = 0;
        for (std::size_t k = cut; k > 0 && space(k - 1) && gap < 2; --k) ++gap;
        for (std::size_t k = cut; space(k) && gap < 2; ++k) ++gap;
        if (gap < 2) return std::nullopt;
      }
      cuts.push_back(std::max(cut, cuts.back()));
    }
    cuts.push_back(n);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pieces;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
      const auto piece = trim(line.substr(at[cuts[i]], at[cuts[i + 1]] - at[cuts[i]]));
      const auto pb = piece.empty() ? b : static_cast<std::uint32_t>(piece.data() - ctx_.src.data());
      pieces.emplace_back(pb, pb + static_cast<std::uint32_t>(piece.size()));
    }
    return pieces;
  }
  /// Whether the next line with text after line `l` is a row of the table with two cells or more.
  bool cells_follow(std::uint32_t l) const {
    std::uint32_t k = l + 1;
    while (k < ctx_.lines.count() && (ctx_.use[k] == line_use::blank || ctx_.use[k] == line_use::furniture)) ++k;
    if (k >= ctx_.lines.count()) return false;
    const auto pieces = cut_row(k, table_columns_);
    return pieces && std::count_if(pieces->begin(), pieces->end(), [](const auto& p) { return p.first < p.second; }) >= 2;
  }
  /// The rows of a table set with spaces from line `l` on, to a blank line, a line across the
  /// columns or a part's heading: each row (a line whose first cell opens with an item's label
  /// begins the next) read column by column, each column's pieces one after another. The table's
  /// header is read so too, a cell a segment. Returns the last line read.
  std::uint32_t read_table_rows(std::uint32_t l, bool blank_before, bool furniture_before) {
    std::vector<std::pair<std::uint32_t, std::vector<std::pair<std::uint32_t, std::uint32_t>>>> run;
    std::uint32_t end = l;
    auto row_goes_on = [&](std::uint32_t k) -> std::optional<std::vector<std::pair<std::uint32_t, std::uint32_t>>> {
      if (k > l && (line_names_a_part(k) || !table_header_columns(k).empty())) return std::nullopt;
      auto pieces = cut_row(k, table_columns_);
      if (!pieces) return std::nullopt;
      const auto& [fb, fe] = pieces->front();
      if (k > l && fb < fe && grammar::match_item_label(ctx_.src.substr(fb, fe - fb))) return std::nullopt;
      return pieces;
    };
    while (end < ctx_.lines.count()) {
      if (ctx_.use[end] == line_use::blank || ctx_.use[end] == line_use::furniture) {
        // (a page's furniture inside a row: the row goes on at the next page's head)
        std::uint32_t k = end;
        bool page_break = false;
        for (; k < ctx_.lines.count() && (ctx_.use[k] == line_use::blank || ctx_.use[k] == line_use::furniture); ++k)
          if (ctx_.use[k] == line_use::furniture) page_break = true;
        if (!page_break || k >= ctx_.lines.count() || !row_goes_on(k)) break;
        end = k;
        continue;
      }
      auto pieces = row_goes_on(end);
      if (!pieces) break;
      run.emplace_back(end, std::move(*pieces));
      ++end;
    }
    bool first = true;
    for (std::size_t c = 0; c <= table_columns_.size(); ++c) {
      clean::rich_text joined;
      std::uint32_t pieces = 0, from = 0, first_end = 0, to = 0;
      for (const auto& [line, cells] : run) {
        const auto [pb, pe] = cells[c];
        if (pb == pe) continue;
        const auto before = segs_.size();
        add_segment(line, pb, pe, false, first && blank_before, first && furniture_before);
        if (segs_.size() > before) segs_.back().in_column = true;
        first = false;
        joined.join(ctx_.read_text(pb, pe));
        if (pieces++ == 0) from = pb, first_end = pe;
        to = pe;
      }
      if (pieces > 1)
        ctx_.report(diag::cell_over_lines, severity::note, ctx_.span(from, to),
                    "a column's text over " + std::to_string(pieces) +
                        " lines of a table set with spaces, read whole before the next column's",
                    ctx_.src.substr(from, first_end - from), joined.text());
    }
    return run.empty() ? l : run.back().first;
  }
  /// Whether a text is one of the profile's part headings, whole.
  bool is_part_heading(std::string_view t) const {
    const auto f = fold(t);
    return std::any_of(headings_.begin(), headings_.end(), [&](const auto& h) { return h.first == f; });
  }
  /// Whether line `l`'s text is one of the profile's part headings, whole.
  bool line_names_a_part(std::uint32_t l) const {
    const auto [b, e] = trimmed(ctx_, l);
    return is_part_heading(ctx_.src.substr(b, e - b));
  }

  /// Whether source bytes [b, e) are one of the profile's field labels, whole (a colon after it
  /// allowed) or its first words (the rest wrapped onto the next line: "Guided learning" / "hours").
  bool field_label_alone(std::uint32_t b, std::uint32_t e) const {
    std::string_view t = ctx_.src.substr(b, e - b);
    while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.remove_suffix(1);
    if (t.empty()) return false;
    for (const auto& [label, rule] : fields_) {
      if (phrase_prefix(t, label) == t.size()) return true;
      const auto n = phrase_prefix(label, t);
      if (n != std::string_view::npos && n < label.size() && label[n] == ' ') return true;
    }
    return false;
  }

  /// Lines from l on with text in a heading column beside the content: the
  /// heading (its pieces over those lines joined) first, then the content
  /// beside it. Returns the last line read.
  std::uint32_t read_beside_column(std::uint32_t l, std::uint32_t gutter, bool blank_before, bool furniture_before) {
    std::vector<line_pieces> run;
    std::uint32_t end = l;
    while (end < ctx_.lines.count() && ctx_.use[end] != line_use::blank && ctx_.use[end] != line_use::furniture) {
      auto p = split_at_gutter(ctx_, end, gutter);
      if (!p.has_left()) break;
      run.push_back(p);
      ++end;
    }
    // the column's pieces one after another (a heading or label broken over lines is joined later,
    // as one broken by a wrap), then the content beside them
    clean::rich_text joined;
    auto in_column = [&](std::size_t before) {
      if (segs_.size() > before) segs_.back().in_column = true;
    };
    for (std::uint32_t i = 0; i < run.size(); ++i) {
      const auto before = segs_.size();
      add_segment(l + i, run[i].lb, run[i].le, false, i == 0 && blank_before, i == 0 && furniture_before);
      in_column(before);
      joined.join(ctx_.read_text(run[i].lb, run[i].le));
    }
    if (run.size() > 1 && std::any_of(run.begin(), run.end(), [](const line_pieces& p) { return p.has_right(); }))
      ctx_.report(diag::heading_column, severity::note, ctx_.span(run.front().lb, run.back().le),
                  "text in a column beside the content, over " + std::to_string(run.size()) +
                      " lines, read before the content beside it (the content from column " +
                      std::to_string(gutter + 1) + ")",
                  ctx_.src.substr(run.front().lb, run.front().le - run.front().lb), joined.text());
    for (std::uint32_t i = 0; i < run.size(); ++i)
      if (run[i].has_right()) {
        const auto before = segs_.size();
        add_segment(l + i, run[i].rb, run[i].re, false, false, false);
        in_column(before);
      }
    return end - 1;
  }

  /// A conversion that lost its line breaks leaves headings, fields and items
  /// on one line. A long line is cut before each field label and around each
  /// heading and lead-in the profile knows, where the text spells it with a
  /// capital after a space; the items are split later, at their labels.
  void split_long_segments() {
    std::vector<segment> out;
    out.reserve(segs_.size());
    for (auto& s : segs_) {
      std::string_view t = s.text.text();
      if (t.size() < long_line || s.cell) {
        out.push_back(std::move(s));
        continue;
      }
      std::vector<std::size_t> cuts;
      for (std::size_t i = 1; i < t.size(); ++i) {
        if (t[i - 1] != ' ' || !is_upper(t[i])) continue;
        std::size_t best = 0;
        bool heading = false;
        for (const auto* list : {&headings_, &lead_ins_})
          for (const auto& [phrase, rule] : *list) {
            auto n = phrase_prefix(t.substr(i), phrase);
            if (n != std::string_view::npos && n > best) best = n, heading = true;
          }
        for (const auto& [label, rule] : fields_) {
          auto n = phrase_prefix(t.substr(i), label);
          if (n != std::string_view::npos && n > best) best = n, heading = false;
        }
        if (!best) continue;
        cuts.push_back(i);
        std::size_t after = i + best;
        while (after < t.size() && (t[after] == ':' || t[after] == ' ')) ++after;
        if (heading && after < t.size()) cuts.push_back(after);
        i = after - 1;  // a lead-in right after a heading is looked at too
      }
      if (cuts.empty()) {
        out.push_back(std::move(s));
        continue;
      }
      ctx_.report(diag::line_split, severity::warning, ctx_.span_of(s.text),
                  "one line holds " + std::to_string(cuts.size() + 1) +
                      " headings, fields and texts (its line breaks were lost); split at the profile's headings and "
                      "labels",
                  t.substr(0, 120));
      cuts.push_back(t.size());
      std::size_t from = 0;
      for (auto c : cuts) {
        std::size_t e = c;
        while (e > from && t[e - 1] == ' ') --e;
        if (e > from) {
          segment piece = s;
          piece.text = s.text.slice(static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(e));
          piece.blank_before = from > 0;
          piece.piece = true;
          out.push_back(std::move(piece));
        }
        from = c;
      }
    }
    segs_ = std::move(out);
  }

  /// A running footer or header of a PDF conversion: a short line that opens
  /// with a document code, printed on two or more pages, with its page number
  /// at its end or on a line of its own beside it ("SFHGEN22 Support people to
  /// … 2", or "LANDC42 Monitor …" then "1").
  void find_running_footers() {
    std::unordered_map<std::string, int> seen;
    std::vector<std::string> key(segs_.size());
    for (std::size_t i = 0; i < segs_.size(); ++i) {
      std::string_view t = segs_[i].text.text();
      if (t.size() > max_title || segs_[i].cell) continue;
      auto code = grammar::match_document_code(t);
      if (!code || code->rest >= t.size()) continue;  // a code alone is no footer
      std::size_t end = t.size();
      while (end > 0 && t[end - 1] == ' ') --end;
      std::size_t d = end;
      while (d > 0 && is_digit(t[d - 1])) --d;
      if (d < end && (d == 0 || t[d - 1] != ' ')) d = end;  // digits that are part of the last word
      while (d > 0 && t[d - 1] == ' ') --d;
      key[i] = std::string(t.substr(0, d));
      ++seen[key[i]];
    }
    // a code alone above the title ("SKAHDB12" / "Create a hair design…"), at the top or as a page's
    // heading further down, is what the footers repeat: a footer that prints them both is furniture
    // even on a document of one page
    for (std::size_t i = 0; i + 1 < segs_.size(); ++i) {
      if (segs_[i].cell || segs_[i + 1].cell) continue;
      std::string_view first = segs_[i].text.text();
      if (first.size() > max_title) continue;
      auto code = grammar::match_document_code(first);
      if (code && code->rest >= first.size()) ++seen[std::string(first) + " " + std::string(segs_[i + 1].text.text())];
    }
    footer_line_.assign(segs_.size(), false);
    for (std::size_t i = 0; i < segs_.size(); ++i) {
      if (key[i].empty() || seen[key[i]] < 2) continue;
      footer_line_[i] = true;
      if (footer_code_.empty())
        if (auto code = grammar::match_document_code(segs_[i].text.text())) footer_code_ = ctx_.keep(code->value);
      // the page number on a line of its own, right after or before the footer
      for (std::size_t j : {i + 1, i - 1})
        if (j < segs_.size() && is_page_number(segs_[j].text.text())) footer_line_[j] = true;
    }
  }

  static bool is_page_number(std::string_view t) {
    return !t.empty() && t.size() <= 4 && std::all_of(t.begin(), t.end(), [](char c) { return is_digit(c); });
  }

  // ---- dispatch ---------------------------------------------------------

  void take(segment& s) {
    if (!held_text_.empty() && k_ == held_for_) {
      // the labelled line the held lines open: its item (or field), before any other reading of the line
      const bool taken = held_field_ ? take_field(s) : take_item(s);
      release_held(true);  // (the line read otherwise: the lines held are read as text)
      if (taken) return;
    }
    release_held(false);
    std::string_view t = s.text.text();
    if (is_furniture(s, t)) return;
    last_read_end_ = std::max(last_read_end_, s.text.source_end());
    if (pending_field_) {
      if (!opens_anything(s)) {
        add_field(pending_field_, pending_field_label_, s.text, pending_field_begin_, s.line);
        fields_found_.back().label_end = pending_field_end_;
        pending_field_ = nullptr;
        value_alone_ = true;  // (add_field clears it: set after)
        value_block_first_ = k_;
        return;
      }
      pending_field_ = nullptr;
    }
    if (hold_value_above_label(s)) return;
    // a field's value wrapped onto the next line ("Unit aim This unit covers … wireless" / "network for …");
    // a line between two fields that opens nothing, after one cut by the wrap (it reaches half the
    // wrap width), is that one's value going on ("Relevant occupations: Security Officers; Event" /
    // "Security Staff" / "Suite: …")
    // -- or, where the value began on a line of its own under its label and stands between blank
    // lines (a table's cell as pdftotext writes it: "Relevant Occupations" / "" / "Chefs; Cooks;
    // Kitchen and Catering" / "Assistants" / ""), a line of that block: the block's lines, to the
    // next blank line (eight at most), each open nothing
    const bool value_block = !fields_found_.empty() && value_alone_ && last_field_segment_ + 1 == k_ &&
                             segs_[value_block_first_].blank_before && block_opens_nothing(value_block_first_);
    // -- or, in a table set with spaces (pdftotext -layout), a line whose text begins right under the
    // value's first character, nothing in the labels' column beside it ("Suite    Food Production and
    // Cooking Level" / "         2"): a line of the value's cell, whatever its words
    // (the value begun on its label's line, right of it)
    const auto& last_field = fields_found_.empty() ? nullptr : &fields_found_.back();
    const bool under_value = last_field && last_field_segment_ + 1 == k_ && !s.cell && !last_field->value.empty() &&
                             last_field->begin < last_field->value.source_begin() &&
                             ctx_.lines.line_of(last_field->begin) == ctx_.lines.line_of(last_field->value.source_begin()) &&
                             ctx_.lines.line_of(last_field->value.source_begin()) != s.line &&
                             set_in_by(s.text.source_begin()) > 0 &&
                             set_in_by(s.text.source_begin()) == column_of(last_field->value.source_begin());
    // (a page's footer and header between them, the value goes on over the page break)
    // (not the number a title's label gave, the title the rest of its line: "Unit 203    Introduction
    // to … or" / "            children's … settings" goes on the title)
    if (!fields_found_.empty() && last_field_segment_ + 1 == k_ && (!s.blank_before || s.furniture_before) &&
        !s.cell && !t.empty() && !(title_field_ && fields_found_.back().rule == title_field_.get()) &&
        ((t[0] >= 'a' && t[0] <= 'z') || continues_list(fields_found_.back().value.text()) || under_value ||
         ((value_block || (starts_field(k_ + 1) && !segs_[k_ + 1].blank_before &&
                           characters(segs_[last_field_segment_].text.text()) * 2 >= widest_line_)) &&
          !grammar::match_item_label(t))) &&
        !opens_anything(s) && !starts_field(k_)) {
      fields_found_.back().value.join(s.text);
      last_field_segment_ = k_;
      mark_content(s.line);
      return;
    }
    if (take_field(s)) return;
    if (!part_ && resume_part(s)) return;
    if (take_heading(s)) return;
    if (take_labelled_group(s)) return;
    if (part_ && part_->rule && !part_->rule->levels.empty()) {
      if (hold_text_above_label(s)) return;
      if (take_item_field(s)) return;
      if (take_item(s)) return;
      if (take_column_names(s)) return;
      if (take_band_name(s)) return;
      if (take_row_header(s)) return;
      if (take_group(s)) return;
      if (take_continuation(s)) return;
    } else if (take_implicit_item(s)) {
      return;
    }
    take_prose(s);
  }

  /// The column of a source offset on its line (in characters, from 1, from the line's text: a
  /// form feed opening a page's first line not counted).
  std::uint32_t column_of(std::uint32_t offset) const {
    const auto begin = ctx_.lines.content(ctx_.lines.line_of(offset)).first;
    return ctx_.lines.position(offset).column - ctx_.lines.position(begin).column + 1;
  }
  /// The same where only spaces are before it on its line (the line set in by them); 0 otherwise.
  std::uint32_t set_in_by(std::uint32_t offset) const {
    const auto begin = ctx_.lines.content(ctx_.lines.line_of(offset)).first;
    for (auto k = begin; k < offset; ++k)
      if (ctx_.src[k] != ' ') return 0;
    return offset > begin ? column_of(offset) : 0;
  }

  bool is_furniture(const segment& s, std::string_view t) {
    bool site = false;
    // (the shared site furniture of whole lines is marked before any recogniser reads them: here
    // only on a piece of a line cut apart)
    if (!s.cell && t.size() < max_furniture_line)
      for (const auto* list : {&prof_.furniture, s.piece ? &shared_furniture_ : &no_patterns_})
        for (const auto& f : *list) {
          // a pattern that opens with a letter must open the line with it: most lines fail here
          if (!f.empty() && f[0] != '*' && f[0] != '#' && (t.empty() || lower(t[0]) != lower(f[0]))) continue;
          if (furniture_match(t, f)) site = true;
        }
    if (site || footer_line_[k_]) {
      // a piece of a longer line is dropped from the content; the line itself holds other content
      if (!s.piece) mark_furniture(ctx_, s.line, site ? "site" : "running_footer");
      if (k_ + 1 < segs_.size()) segs_[k_ + 1].furniture_before = true;
      return true;
    }
    return false;
  }

  /// A field label broken over two lines ("Indicative Review" / "Date", as a
  /// column of labels prints it): joined, its value on the lines after.
  bool take_broken_label(segment& s) {
    std::string_view t = s.text.text();
    if (s.cell || k_ + 1 >= segs_.size() || t.size() > max_column_name || ends_sentence(t)) return false;
    std::string_view next = segs_[k_ + 1].text.text();
    for (const auto& [label, rule] : fields_) {
      auto n = phrase_prefix(label, t);
      if (n == std::string_view::npos || n >= label.size() || label[n] != ' ') continue;
      std::string_view rest = std::string_view(label).substr(n + 1);  // a view into the label, not a copy
      auto r = phrase_prefix(next, rest);
      if (r == std::string_view::npos) continue;
      std::size_t v = r;
      while (v < next.size() && next[v] == ' ') ++v;
      if (v < next.size() && next[v] == ':') ++v;
      if (v < next.size()) continue;  // the value on the label's second line: not this layout
      auto both = s.text;
      both.join(segs_[k_ + 1].text);
      ctx_.report(diag::heading_joined, severity::note, ctx_.span_of(both), "field label broken over two lines, read as one",
                  t, both.text());
      flush_pending();
      mark_content(s.line);
      mark_content(segs_[k_ + 1].line);
      pending_field_ = rule;
      pending_field_label_ = ctx_.keep(both);
      pending_field_begin_ = both.source_begin();
      pending_field_end_ = both.source_end();
      ++k_;
      return true;
    }
    // the label's first words, a gap, the value, and the label's last words alone on the next line
    // ("Guided learning      24" / "hours": a table's label cell wrapped, as pdftotext -layout
    // writes it) -- or the label's first words alone over those, its value beside its middle line
    // ("Guided" / "learning    24" / "hours", a label cell centred on its row, as w3m dumps it)
    if (take_label_over_three_lines(s)) return true;
    if (segs_[k_ + 1].cell || segs_[k_ + 1].blank_before || next.size() > max_column_name) return false;
    const std::string rest_folded = fold(next);
    for (const auto& [label, rule] : fields_) {
      for (std::size_t j = label.find(' '); j != std::string::npos; j = label.find(' ', j + 1)) {
        if (fold(std::string_view(label).substr(j + 1)) != rest_folded) continue;
        const auto n = phrase_prefix(t, std::string_view(label).substr(0, j));
        if (n == std::string_view::npos || n >= t.size() || t[n] != ' ') continue;
        std::size_t v = n;
        while (v < t.size() && t[v] == ' ') ++v;
        if (v >= t.size() || s.text.source_of(static_cast<std::uint32_t>(v)) < s.text.source_of(static_cast<std::uint32_t>(n)) + 2)
          continue;  // a gap of two spaces or more before the value, in the source
        auto both = s.text.slice(0, static_cast<std::uint32_t>(n));
        both.join(segs_[k_ + 1].text);
        ctx_.report(diag::heading_joined, severity::note, ctx_.span_of(both),
                    "field label broken over two lines, its value beside its first line, read as one", t, both.text());
        flush_pending();
        mark_content(segs_[k_ + 1].line);
        add_field(rule, ctx_.keep(both), s.text.slice(static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(t.size())),
                  s.text.source_begin(), s.line);
        fields_found_.back().label_end = s.text.source_end_of(static_cast<std::uint32_t>(n));
        ++k_;
        last_field_segment_ = k_;
        return true;
      }
    }
    return false;
  }

  /// "Guided" / "learning    24" / "hours": a field's label over three lines, its value beside the
  /// middle one two spaces or more from it; the label's words must make one of the profile's labels.
  bool take_label_over_three_lines(segment& s) {
    if (k_ + 2 >= segs_.size()) return false;
    const segment& middle = segs_[k_ + 1];
    const segment& last = segs_[k_ + 2];
    if (middle.cell || middle.blank_before || last.cell || last.blank_before || middle.line != s.line + 1 ||
        last.line != s.line + 2)
      return false;
    const std::string_view m = middle.text.text();
    const std::string_view t = s.text.text();
    if (t.find(' ') != std::string_view::npos || last.text.text().find(' ') != std::string_view::npos) return false;
    // the middle line's label words end at its first gap of two spaces or more, in the source
    std::size_t cut = std::string_view::npos;
    for (std::size_t i = 0; i + 1 < m.size(); ++i)
      if (m[i] == ' ' && middle.text.source_of(static_cast<std::uint32_t>(i + 1)) >= middle.text.source_of(static_cast<std::uint32_t>(i)) + 2) {
        cut = i;
        break;
      }
    if (cut == std::string_view::npos || cut == 0) return false;
    const std::string words = fold(std::string(t) + " " + std::string(m.substr(0, cut)) + " " + std::string(last.text.text()));
    for (const auto& [label, rule] : fields_) {
      if (fold(label) != words) continue;
      std::size_t v = cut;
      while (v < m.size() && m[v] == ' ') ++v;
      if (v >= m.size()) return false;
      auto both = s.text;
      both.join(middle.text.slice(0, static_cast<std::uint32_t>(cut)));
      both.join(last.text);
      ctx_.report(diag::heading_joined, severity::note, ctx_.span(s.text.source_begin(), last.text.source_end()),
                  "field label broken over three lines, its value beside the middle one, read as one", t, both.text());
      flush_pending();
      mark_content(middle.line);
      mark_content(last.line);
      add_field(rule, ctx_.keep(both), middle.text.slice(static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(m.size())),
                s.text.source_begin(), s.line);
      fields_found_.back().label_end = middle.text.source_end_of(static_cast<std::uint32_t>(cut));
      k_ += 2;
      last_field_segment_ = k_;
      return true;
    }
    return false;
  }

  /// Whether a segment opens something of its own (so it is no field value).
  bool opens_anything(const segment& s) {
    auto f = fold(s.text.text());
    for (const auto& [phrase, rule] : headings_)
      if (f == phrase) return true;
    for (const auto& [label, rule] : fields_) {
      auto n = phrase_prefix(s.text.text(), label);
      if (n != std::string_view::npos && (n == s.text.text().size() || s.text.text()[n] == ':')) return true;
    }
    return false;
  }

  // ---- fields -------------------------------------------------------------

  bool take_field(segment& s) {
    std::string_view t = s.text.text();
    if (t.size() > max_field_line && !s.cell) return false;
    if (take_broken_label(s)) return true;
    // "1. Reference: ST0499": a list of fields (a web page's key facts), numbered, before any part's items
    std::size_t listed = 0;
    if (!part_ || !part_->rule || part_->rule->levels.empty())
      if (auto m = grammar::match_item_label(t); m && m->rest > 0 && m->rest < t.size()) listed = m->rest;
    for (const auto& [label, rule] : fields_) {
      auto n = phrase_prefix(t, label);
      bool through_label = false;
      if (n == std::string_view::npos && listed) {
        n = phrase_prefix(t.substr(listed), label);
        if (n == std::string_view::npos || listed + n >= t.size() || t[listed + n] != ':') continue;
        n += listed;
        through_label = true;
      }
      if (n == std::string_view::npos) continue;
      std::size_t v = n;
      while (v < t.size() && t[v] == ' ') ++v;
      bool colon = v < t.size() && t[v] == ':';
      // "Version Number 1": a label and its value with no colon, only among other field lines, or
      // a gap of two spaces or more apart (a table's columns set with spaces) (alone and a space
      // apart, "Level 3 Diploma…" is no field)
      bool loose = !colon && v < t.size() && v > n &&
                   (starts_field(k_ + 1) || starts_field(k_ - 1) ||
                    (!fields_found_.empty() && last_field_segment_ + 1 == k_) ||
                    s.text.source_of(static_cast<std::uint32_t>(v)) >= s.text.source_of(static_cast<std::uint32_t>(n)) + 2);
      if (!colon && v < t.size() && !loose) continue;
      if (colon) ++v;
      while (v < t.size() && t[v] == ' ') ++v;
      flush_pending();
      const std::size_t label_from = through_label ? listed : 0;
      auto label_view = ctx_.keep(s.text.slice(static_cast<std::uint32_t>(label_from), static_cast<std::uint32_t>(n)));
      mark_content(s.line);
      if (v >= t.size()) {
        if (!s.cell && take_label_column()) return true;
        pending_field_ = rule;
        pending_field_label_ = label_view;
        pending_field_begin_ = s.text.source_begin();
        pending_field_end_ = s.text.source_end();
        return true;
      }
      // "Reference: ST1234 Level: 4": another field label with its colon ends this value
      std::size_t end = t.size();
      if (colon && !s.cell)
        for (std::size_t i = v + 1; i + 1 < t.size() && end == t.size(); ++i) {
          if (t[i - 1] != ' ' || !is_upper(t[i])) continue;
          for (const auto& [other, other_rule] : fields_) {
            auto m = phrase_prefix(t.substr(i), other);
            if (m != std::string_view::npos && i + m < t.size() && t[i + m] == ':') {
              end = i;
              break;
            }
          }
        }
      std::size_t value_end = end;
      while (value_end > v && t[value_end - 1] == ' ') --value_end;
      auto value = s.text.slice(static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(value_end));
      if (held_field_ && !held_text_.empty() && k_ == held_for_) {  // its first lines, printed over the label
        clean::rich_text whole = held_text_;
        whole.join(value);
        ctx_.report(diag::labels_detached, severity::note, ctx_.span(held_text_.source_begin(), s.text.source_end()),
                    "label \"" + std::string(label_view) + "\" printed beside a line of its value, the value begun on "
                    "the lines above; read from there",
                    ctx_.src.substr(held_text_.source_begin(), s.text.source_end() - held_text_.source_begin()),
                    std::string(label_view) + " " + whole.text());
        value = std::move(whole);
        held_text_ = {};
        held_field_ = false;
      }
      // (the field's span from its value's first line, where that is over the label)
      add_field(rule, label_view, value, std::min(s.text.source_begin(), value.source_begin()), s.line);
      if (end < t.size()) {
        segs_[k_].text = s.text.slice(static_cast<std::uint32_t>(end), static_cast<std::uint32_t>(t.size()));
        retake_ = true;
      }
      return true;
    }
    return false;
  }

  /// The field whose label is segment j's whole text (a colon after it allowed), and the label's
  /// length; none for another line.
  std::pair<const field_rule*, std::size_t> whole_label(std::size_t j) const {
    if (j >= segs_.size() || segs_[j].cell) return {nullptr, 0};
    std::string_view t = segs_[j].text.text();
    for (const auto& [label, rule] : fields_) {
      const auto n = phrase_prefix(t, label);
      if (n == std::string_view::npos) continue;
      auto rest = t.substr(n);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':')) rest.remove_prefix(1);
      if (rest.empty()) return {rule, n};
    }
    return {nullptr, 0};
  }

  /// Whether `v` has the shape a field's value has ("code", "number", "date"; any text for none).
  static bool value_shaped(std::string_view v, std::string_view shape) {
    if (shape.empty()) return true;
    if (v.empty()) return false;
    const bool one_word = v.find(' ') == std::string_view::npos;
    if (shape == "code")
      return one_word && std::any_of(v.begin(), v.end(), [](char c) { return is_digit(c); }) &&
             std::any_of(v.begin(), v.end(), [](char c) { return is_upper(c) || is_lower(c); });
    if (shape == "number")
      return one_word && is_digit(v.front()) && is_digit(v.back()) &&
             std::all_of(v.begin(), v.end(), [](char c) { return is_digit(c) || c == '.'; });
    // a date: a year in it, or day/month/year
    if (v.size() > 24) return false;
    if (vocab::holds_year(v)) return true;
    return std::count(v.begin(), v.end(), '/') == 2 && is_digit(v.front()) && is_digit(v.back());
  }

  /// A table of fields printed a column at a time (a PDF's text gives the labels' column, then the
  /// values': "Version Number" / "Indicative Review Date" / … / "" / "2" / "31 Mar 2027" / …):
  /// two labels or more alone on their lines, blank lines between them or not, then a block of as
  /// many lines or more that open nothing. A value may take several lines, so the lines are divided
  /// where they say so: a line ending with "," or ";" or a joining word goes on; a line with room
  /// for the next one's first word ends its value; a value of a known shape (a code, a number, a
  /// date: the profile's fields say) has it; among the divisions these allow, the one with fewest
  /// lines going on though they begin with a capital and values beginning in lower case. One best
  /// division is taken, with a warning; where several are as good, nothing is paired and a
  /// warning says so (the labels are read as before).
  bool take_label_column() {
    constexpr std::size_t max_labels = 40, max_lines = 80;
    if (k_ < label_column_end_) return false;  // a label of a column tried already
    std::vector<std::pair<const field_rule*, std::size_t>> labels;
    std::size_t j = k_;
    for (; j < segs_.size() && labels.size() < max_labels; ++j) {
      auto w = whole_label(j);
      if (!w.first) break;
      labels.push_back(w);
    }
    if (labels.size() < 2 || j >= segs_.size()) return false;
    const std::size_t first = j;
    label_column_end_ = first;
    for (; j < segs_.size() && j - first < max_lines; ++j) {
      const auto& g = segs_[j];
      // (a value may read as an item's label: "2", "31 Mar 2027")
      if ((j > first && g.blank_before) || g.cell || starts_field(j) || opens_anything(g)) break;
    }
    const std::size_t n = labels.size(), m = j - first;
    if (m < n) return false;
    auto text = [&](std::size_t i) { return segs_[first + i].text.text(); };
    std::size_t widest = 0;
    for (std::size_t i = 0; i < m; ++i) widest = std::max(widest, text(i).size());
    // for each line after the first: it goes on the line above by force, it begins a value by
    // force (the line above had room for its first word), it begins in lower case
    std::vector<char> must_join(m, 0), must_part(m, 0), lower(m, 0);
    for (std::size_t i = 1; i < m; ++i) {
      const auto above = text(i - 1), t = text(i);
      must_join[i] = must_go_on(above);
      const std::size_t word = std::min(t.find(' '), t.size());
      must_part[i] = !must_join[i] && (above.size() + 1 + word) * 8 <= widest * 7;
      lower[i] = is_lower(t.front());
    }
    // each run of lines [from, to) that may be one value (no line after its first begins a value by
    // force): the lines in it going on though they begin with a capital, and the shapes it has
    constexpr int none = INT32_MAX;
    static constexpr std::array<std::string_view, 3> shapes{"code", "number", "date"};
    std::vector<std::vector<int>> run_cost(m, std::vector<int>(m + 1, none));
    std::vector<std::vector<std::uint8_t>> run_shapes(m, std::vector<std::uint8_t>(m + 1, 0));
    std::string value;
    for (std::size_t from = 0; from < m; ++from) {
      int cost = 0;
      value.clear();
      for (std::size_t to = from + 1; to <= m; ++to) {
        const std::size_t x = to - 1;
        if (x > from) {
          if (must_part[x]) break;
          cost += !lower[x] && !must_join[x] ? 1 : 0;
          value.push_back(' ');
        }
        value.append(text(x));
        run_cost[from][to] = cost;
        for (std::size_t k = 0; k < shapes.size(); ++k)
          if (value_shaped(value, shapes[k])) run_shapes[from][to] |= static_cast<std::uint8_t>(1u << k);
      }
    }
    auto shaped = [&](std::size_t from, std::size_t to, std::string_view shape) {
      if (shape.empty()) return true;
      for (std::size_t k = 0; k < shapes.size(); ++k)
        if (shapes[k] == shape) return (run_shapes[from][to] >> k & 1u) != 0;
      return false;
    };
    // best[i][g]: the least cost of dividing the first i lines into g values, how many divisions
    // give it (two meaning several), and where the last value begins
    struct cell_t {
      int cost = none;
      int ways = 0;
      std::size_t from = 0;
    };
    std::vector<std::vector<cell_t>> best(m + 1, std::vector<cell_t>(n + 1));
    best[0][0] = {0, 1, 0};
    for (std::size_t g = 1; g <= n; ++g)
      for (std::size_t i = g; i <= m - (n - g); ++i)
        for (std::size_t from = g - 1; from < i; ++from) {
          const auto& before = best[from][g - 1];
          if (before.cost == none || (from > 0 && must_join[from]) || run_cost[from][i] == none ||
              !shaped(from, i, labels[g - 1].first->value))
            continue;
          const int cost = before.cost + (from > 0 && lower[from] ? 1 : 0) + run_cost[from][i];
          auto& here = best[i][g];
          if (cost < here.cost) here = {cost, before.ways, from};
          else if (cost == here.cost) here.ways = std::min(2, here.ways + before.ways);
        }
    const auto& whole = best[m][n];
    const auto span = ctx_.span(segs_[k_].text.source_begin(), segs_[first + m - 1].text.source_end());
    const std::string original(ctx_.src.substr(segs_[k_].text.source_begin(),
                                               segs_[first - 1].text.source_end() - segs_[k_].text.source_begin()));
    if (whole.cost == none || whole.ways != 1) {
      ctx_.report(diag::labels_detached, severity::warning, span,
                  std::to_string(n) + " field labels printed apart from their values (a table's columns one after "
                  "the other), but the " + std::to_string(m) + " lines after them divide into " + std::to_string(n) +
                  (whole.cost == none ? " values in no way their shapes allow" : " values in more than one way") +
                  ": not paired",
                  original);
      return false;
    }
    std::vector<std::size_t> starts(n + 1, m);
    for (std::size_t g = n, i = m; g > 0; --g) {
      starts[g - 1] = best[i][g].from;
      i = best[i][g].from;
    }
    const std::size_t label_at = k_;
    std::string repaired;
    for (std::size_t g = 0; g < n; ++g) {
      clean::rich_text v = segs_[first + starts[g]].text;
      for (std::size_t x = starts[g] + 1; x < starts[g + 1]; ++x) v.join(segs_[first + x].text);
      const auto& ls = segs_[label_at + g];
      k_ = first + starts[g + 1] - 1;
      add_field(labels[g].first, ctx_.keep(ls.text.slice(0, static_cast<std::uint32_t>(labels[g].second))), v,
                ls.text.source_begin(), ls.line);
      fields_found_.back().label_end = ls.text.source_end();
      mark_content(ls.line);
      for (std::size_t x = starts[g]; x < starts[g + 1]; ++x) mark_content(segs_[first + x].line);
      repaired += (g ? "; " : "") + std::string(ls.text.text().substr(0, labels[g].second)) + ": " + std::string(v.text());
    }
    ctx_.report(diag::labels_detached, severity::warning, span,
                std::to_string(n) + " field labels printed apart from their values (a table's columns one after the "
                "other); paired with the " + std::to_string(m) + " lines after them where the lines break and by the "
                "values' shapes",
                original, repaired);
    return true;
  }

  /// Whether segment j opens with a field label (for runs of metadata lines).
  bool starts_field(std::size_t j) {
    if (j >= segs_.size()) return false;
    std::string_view t = segs_[j].text.text();
    for (const auto& [label, rule] : fields_)
      if (phrase_prefix(t, label) != std::string_view::npos) return true;
    return false;
  }

  void add_field(const field_rule* rule, std::string_view label, const clean::rich_text& value, std::uint32_t begin,
                 std::uint32_t line) {
    mark_content(line);
    fields_found_.push_back({rule, label, value, begin, 0});
    last_field_segment_ = k_;
    value_alone_ = false;
  }

  /// Whether segments from k on, to the next one after a blank line (eight at most), each open
  /// nothing: no field, heading or item.
  bool block_opens_nothing(std::size_t k) {
    std::size_t j = k;
    for (; j < segs_.size() && j < k + 8; ++j) {
      if (j > k && segs_[j].blank_before) return true;
      if (segs_[j].cell || starts_field(j) || opens_anything(segs_[j]) || grammar::match_item_label(segs_[j].text.text()))
        return false;
    }
    return j >= segs_.size();  // the document's end; eight lines with no blank line after them are no cell
  }

  // ---- headings and lead-ins ----------------------------------------------

  bool take_heading(segment& s) {
    std::string_view t = s.text.text();
    if (take_named_heading(s)) return true;
    auto f = fold(t);
    if (f.size() <= max_heading) {
      for (const auto& [phrase, rule] : headings_)
        if (f == phrase) {
          open_part(rule, s, ctx_.keep(s.text), {});
          return true;
        }
      for (const auto& [phrase, rule] : lead_ins_)
        if (f == phrase) {
          open_part(rule, s, {}, ctx_.keep(s.text));
          return true;
        }
      for (const auto& [phrase, rule] : headings_)
        if (same_phrase(f, phrase)) {
          if (f != phrase)
            ctx_.report(diag::heading_variant, severity::note, ctx_.span_of(s.text),
                        "heading read as \"" + rule->headings.front() + "\"", t, rule->headings.front());
          open_part(rule, s, ctx_.keep(s.text), {});
          return true;
        }
      for (const auto& [phrase, rule] : lead_ins_)
        if (same_phrase(f, phrase)) {
          ctx_.report(diag::heading_variant, severity::note, ctx_.span_of(s.text),
                      "lead-in read as \"" + rule->lead_ins.front() + "\"", t, rule->lead_ins.front());
          open_part(rule, s, {}, ctx_.keep(s.text));
          return true;
        }
      // a heading broken over two lines: "Performance" / "criteria"; a lead-in wrapped, its first
      // line the start of it ("You need to show that you know, understand and can apply in" /
      // "practice:")
      if (k_ + 1 < segs_.size() && !s.cell && !segs_[k_ + 1].blank_before) {
        auto begins = [&](const auto& list) {
          return std::any_of(list.begin(), list.end(), [&](const auto& p) {
            return p.first.size() > f.size() && p.first.compare(0, f.size(), f) == 0 && p.first[f.size()] == ' ';
          });
        };
        const bool as_heading = f.size() <= max_split_heading_piece && begins(headings_);
        if (as_heading || begins(lead_ins_)) {
          const auto joined = f + " " + fold(segs_[k_ + 1].text.text());
          const part_rule* rule = nullptr;
          bool heading = false;
          if (as_heading)
            for (const auto& [phrase, r] : headings_)
              if (!rule && joined == phrase) rule = r, heading = true;
          for (const auto& [phrase, r] : lead_ins_)
            if (!rule && (joined == phrase || same_phrase(joined, phrase))) rule = r;
          if (rule) {
            auto both = s.text;
            both.join(segs_[k_ + 1].text);
            ctx_.report(diag::heading_joined, severity::note, ctx_.span_of(both),
                        std::string(heading ? "heading" : "lead-in") + " broken over two lines, read as one", t,
                        both.text());
            if (heading) open_part(rule, s, ctx_.keep(both), {});
            else open_part(rule, s, {}, ctx_.keep(both));
            mark_content(segs_[k_ + 1].line);
            ++k_;
            return true;
          }
        }
      }
    }
    // a heading or lead-in run into its text: "Performance criteria You must be able to: P1 …"
    // (longer lines were cut at their headings already: split_long_segments)
    for (const auto* list : {&headings_, &lead_ins_}) {
      if (retakes_ >= max_retakes) break;
      for (const auto& [phrase, rule] : *list) {
        auto n = phrase_prefix(t, phrase);
        if (n == std::string_view::npos || n >= t.size()) continue;
        std::size_t r = n;
        bool colon = false;
        while (r < t.size() && (t[r] == ' ' || t[r] == ':')) colon = colon || t[r] == ':', ++r;
        if (r >= t.size()) continue;
        auto rest = t.substr(r);
        if (!colon && !runs_into_part(rule, rest)) continue;
        // "Learning outcome 1: …" is a label of the part that starts with its heading's words, not a heading
        if (auto whole = grammar::match_item_label(t); whole && !rule->levels.empty())
          if (std::any_of(rule->levels.front().labels.begin(), rule->levels.front().labels.end(),
                          [&](const label_pattern& p) { return !p.prefix.empty() && label_fits(p, whole->value); }))
            continue;
        bool heading = list == &headings_;
        auto head = s.text.slice(0, static_cast<std::uint32_t>(n));
        if (heading)
          ctx_.report(diag::split_heading, severity::warning, ctx_.span_of(head),
                      "heading run into the text after it; split off", t, head.text());
        open_part(rule, s, heading ? ctx_.keep(head) : std::string_view{}, heading ? std::string_view{} : ctx_.keep(head));
        segment tail = s;
        tail.text = s.text.slice(static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(t.size()));
        tail.blank_before = true;
        tail.furniture_before = false;
        segs_[k_] = std::move(tail);
        retake_ = true;
        return true;
      }
    }
    // a heading the profile does not know closes the part: markdown "#", a bold line
    const bool before_anything = title_.empty() && parts_.empty() && sections_.empty();
    if (!before_anything && (s.md_heading > 0 || (s.bold && !s.cell && t.size() <= 120 && !ends_sentence(t))) &&
        !grammar::match_item_label(t) && !heads_items(k_) && !part_label(s)) {
      flush_pending();
      close_part();
      open_section(s);
      return true;
    }
    return false;
  }

  /// A heading that opens with one of the profile's named headings' words and goes on with a name
  /// ("Qualification structure of the … Diploma (Computer Science)"): a part of its own each time,
  /// its heading the whole line.
  /// Opens a part of `rule` at segment `s` for a named heading: its heading (as printed), the code
  /// of what it is about (may be empty), the lead-in run on after the heading (may be empty).
  void open_named_part(const part_rule* rule, const segment& s, const clean::rich_text& heading,
                       const clean::rich_text* code, const clean::rich_text* lead_in) {
    flush_pending();
    start_part(rule);
    part_->heading = ctx_.keep(heading);
    if (code && !code->empty()) part_->code = ctx_.keep(*code);
    if (lead_in) part_->lead_in = ctx_.keep(*lead_in);
    ++part_->headings;
    mark_content(s.line);
    extend_part(s.text);
  }

  bool take_named_heading(segment& s) {
    std::string_view t = s.text.text();
    if (named_headings_.empty() || s.cell || s.bullet || t.size() > max_title || ends_sentence(t)) return false;
    for (const auto& [words, rule] : named_headings_) {
      auto n = phrase_prefix(t, words);
      if (n == std::string_view::npos || n + 1 >= t.size() || t[n] != ' ') continue;
      // the name's first word, where it holds a digit, is the code of what the part is about
      auto name = t.substr(n + 1);
      name = name.substr(0, std::min(name.find(' '), name.find('\t')));
      while (!name.empty() && (name.back() == ':' || name.back() == '.')) name.remove_suffix(1);
      clean::rich_text code;
      if (std::any_of(name.begin(), name.end(), [](char c) { return is_digit(c); }) && name.size() <= 16)
        code = s.text.slice(static_cast<std::uint32_t>(n + 1), static_cast<std::uint32_t>(n + 1 + name.size()));
      // the heading wrapped onto the next line ("Element CU1.1 Monitor … of the working" / "environment")
      clean::rich_text heading = s.text;
      const bool wrapped = heading_goes_on(s);
      if (wrapped) heading.join(segs_[k_ + 1].text);
      open_named_part(rule, s, heading, &code, nullptr);
      if (wrapped) {
        take_next_line();
      }
      return true;
    }
    // the same heading without its words: the standard's code run on into the name's code, then the
    // name ("HSC21a Prepare to communicate …" in unit HSC21), right before a lead-in of the part
    // ("Performance criteria"); in a list of them, with none after each, they stay its lines
    // (the code alone on its line, the name on the next: "LMC B2.1" / "Lead and manage …")
    const std::string_view own = printed_code_;
    if (own.empty() || t.size() <= own.size() || !t.starts_with(own) || t[own.size()] == ' ' ||
        t[own.size()] == '\t')
      return false;
    const auto code_end = std::min(t.find(' ', own.size()), t.find('\t', own.size()));
    const clean::rich_text code = s.text.slice(0, static_cast<std::uint32_t>(std::min(code_end, t.size())));
    const bool named = code_end != std::string_view::npos && starts_upper(trim(t.substr(code_end)));
    // (the lead-in run on after the name, as a print wraps a name that fills its line: "HSC21b
    // Communicate … issues Performance criteria")
    for (const auto& [words, rule] : named_headings_)
      for (const auto& li : rule->lead_ins) {
        if (!named || t.size() <= code_end + li.size() + 1) continue;
        const auto tail = t.substr(t.size() - li.size());
        if (t[t.size() - li.size() - 1] != ' ' || fold(tail) != fold(li)) continue;
        const auto cut = static_cast<std::uint32_t>(t.size() - li.size() - 1);
        ctx_.report(diag::split_heading, severity::warning, ctx_.span_of(s.text),
                    "a lead-in run on after its part's heading, split off", t,
                    std::string(t.substr(0, cut)) + " / " + std::string(tail));
        const auto lead_in = s.text.slice(cut + 1, static_cast<std::uint32_t>(t.size()));
        open_named_part(rule, s, s.text.slice(0, cut), &code, &lead_in);
        return true;
      }
    std::size_t lead = k_ + 1;
    const bool name_below = code_end == std::string_view::npos;
    if (name_below) {
      if (lead >= segs_.size() || segs_[lead].cell) return false;
      const std::string_view name = segs_[lead].text.text();
      if (name.size() > max_title || !starts_upper(name) || ends_sentence(name)) return false;
      ++lead;
    } else if (!named) {
      return false;
    }
    // (the name wrapped onto the next line: "HSC21a Prepare to communicate … and key" / "people about
    // their needs")
    const bool name_wrapped = !name_below && lead < segs_.size() && !segs_[lead].cell && !segs_[lead].blank_before &&
                              vocab::starts_lower(segs_[lead].text.text());
    if (name_wrapped) ++lead;
    if (lead >= segs_.size()) return false;
    const std::string_view next = segs_[lead].text.text();
    for (const auto& [words, rule] : named_headings_)
      for (const auto& li : rule->lead_ins)
        if (phrase_prefix(next, fold(li)) != std::string_view::npos) {
          clean::rich_text heading = s.text;
          if (name_below || name_wrapped) heading.join(segs_[k_ + 1].text);
          open_named_part(rule, s, heading, &code, nullptr);
          if (name_below || name_wrapped) {
            take_next_line();
          }
          return true;
        }
    return false;
  }

  /// Whether segment j is followed by an item of the open part's first level
  /// (so that a heading there heads a group of its items).
  bool heads_items(std::size_t j) {
    if (!part_ || !part_->rule || part_->rule->levels.empty() || j + 1 >= segs_.size()) return false;
    auto m = grammar::match_item_label(segs_[j + 1].text.text());
    return m && level_of(*part_->rule, m->value) == 0;
  }

  /// Whether text after a heading phrase belongs to that part: a lead-in of
  /// it, or an item label it knows.
  bool runs_into_part(const part_rule* rule, std::string_view rest) {
    for (const auto& li : rule->lead_ins)
      if (phrase_prefix(rest, fold(li)) != std::string_view::npos) return true;
    // a label: only for a part not read yet, and not a sentence about it ("Learning outcomes 2 and 3 must…")
    auto m = grammar::match_item_label(rest);
    if (!m || rule->levels.empty()) return false;
    for (const auto& p : parts_)
      if (p.rule == rule) return false;
    if (m->value.prefix.empty() && !starts_upper(rest.substr(m->rest))) return false;
    for (const auto& p : rule->levels.front().labels)
      if (label_fits(p, m->value)) return true;
    return false;
  }

  void open_part(const part_rule* rule, const segment& s, std::string_view heading, std::string_view lead_in) {
    flush_pending();
    mark_content(s.line);
    seen_structure_ = true;
    if (part_ && part_->rule == rule) {
      // the same part again: a lead-in right after its heading is the part's; once items have begun,
      // a lead-in or heading repeated over each outcome (or after a page break) is the layout's boilerplate
      if (!part_->items.empty() || !pending_labels_.empty()) {
        mark_furniture(ctx_, s.line, lead_in.empty() ? "heading" : "lead_in");
        return;
      }
      if (!lead_in.empty() && part_->lead_in.empty()) part_->lead_in = lead_in;
      ++(lead_in.empty() ? part_->headings : part_->lead_ins);
      extend_part(s.text);
      return;
    }
    start_part(rule);
    part_->heading = heading;
    part_->lead_in = lead_in;
    ++(lead_in.empty() ? part_->headings : part_->lead_ins);
    extend_part(s.text);
  }

  /// A new part of `rule`, closing what is open.
  void start_part(const part_rule* rule) {
    close_part();
    close_section();
    parts_.push_back({});
    part_ = &parts_.back();
    part_->rule = rule;
    seen_structure_ = true;
  }

  void extend_part(const clean::rich_text& t) {
    if (!part_ || t.empty()) return;
    part_->begin = std::min(part_->begin, t.source_begin());
    part_->end = std::max(part_->end, t.source_end());
  }

  void close_part() {
    flush_pending();
    open_.clear();
    group_ = nullptr;
    part_ = nullptr;
  }

  // ---- items ----------------------------------------------------------------

  int level_of(const part_rule& rule, const grammar::ast::item_label& l) {
    for (std::size_t i = 0; i < rule.levels.size(); ++i)
      for (const auto& p : rule.levels[i].labels)
        if (label_fits(p, l)) return static_cast<int>(i);
    return -1;
  }
  int bullet_level(const part_rule& rule) {
    for (std::size_t i = 0; i < rule.levels.size(); ++i)
      for (const auto& p : rule.levels[i].labels)
        if (p.shape == label_pattern::form::bullet) return static_cast<int>(i);
    return -1;
  }

  std::vector<node>& container_of(int level) {
    if (level == 0) return group_ ? group_->children : part_->items;
    return open_[static_cast<std::size_t>(level - 1)]->children;
  }

  /// The last numbered sibling at `level`, if any; at level 0 across the
  /// part's groups (criteria are numbered on under activity headings).
  const node* last_at(int level) {
    if (level > static_cast<int>(open_.size())) return nullptr;
    if (level == 0 && part_) {
      for (auto it = part_->items.rbegin(); it != part_->items.rend(); ++it) {
        if (!it->group) return &*it;
        if (!it->children.empty()) return &it->children.back();
      }
      return nullptr;
    }
    auto& c = container_of(level);
    for (auto it = c.rbegin(); it != c.rend(); ++it)
      if (!it->group) return &*it;
    return nullptr;
  }

  /// Whether a bare number continues the sequence at its level: the next
  /// number, a restart at 1, or a gap of up to two.
  bool in_sequence(int level, const grammar::ast::item_label& l) {
    if (!l.prefix.empty() || l.path.size() != 1) return true;
    const node* prev = last_at(level);
    for (const auto& p : pending_labels_)
      if (p.level == level) prev = &p;
    unsigned n = l.path.back();
    if (!prev || prev->label.path.empty()) return n <= 3;
    unsigned last = prev->label.path.back();
    return n == 1 || (n > last && n <= last + 3);
  }

  /// Whether a segment opens with a label of the open part that the label grammar alone does not
  /// read: a code shaped as a level's codes say, a capital letter set apart.
  bool part_label(const segment& s) {
    if (!part_ || !part_->rule || part_->rule->levels.empty()) return false;
    std::string_view band;
    int level = -1;
    return shaped_label(s, level, band).has_value();
  }

  /// A label of the part the label grammar alone does not read: a code of a level's shapes, or a
  /// capital letter set apart.
  std::optional<grammar::prefix_match<grammar::ast::item_label>> shaped_label(const segment& s, int& level,
                                                                               std::string_view& band) {
    if (auto c = code_label(s.text.text(), level, band)) return c;
    return capital_letter(s, level);
  }

  /// A code printed as the label ("2A.P1 Explain …"), by the shapes of the part's levels; its level
  /// and band. The code is the first word, up to a gap or a ":".
  std::optional<grammar::prefix_match<grammar::ast::item_label>> code_label(std::string_view t, int& level,
                                                                             std::string_view& band) {
    const auto& levels = part_->rule->levels;
    const auto word = code_word(t);
    if (word.empty()) return std::nullopt;
    for (std::size_t i = 0; i < levels.size(); ++i)
      if (const auto* b = band_of(word, levels[i].codes)) {
        grammar::prefix_match<grammar::ast::item_label> m;
        m.value.code.assign(word);
        m.rest = word.size();
        level = static_cast<int>(i);
        band = b->band;
        return m;
      }
    return std::nullopt;
  }

  /// A capital letter as a label with no delimiter: at a level labelled "A", set apart from its text
  /// by a gap or a tab ("A   Investigate media products"), or opening a heading ("## B Plan …"); or
  /// after a level's words ("Learning aim A: Investigate …"). Only the next letter of its level, or
  /// "A" again.
  std::optional<grammar::prefix_match<grammar::ast::item_label>> capital_letter(const segment& s, int& level) {
    std::string_view t = s.text.text();
    const auto& levels = part_->rule->levels;
    for (std::size_t i = 0; i < levels.size(); ++i)
      for (const auto& p : levels[i].labels) {
        if (p.shape != label_pattern::form::letter || !p.capital) continue;
        std::size_t at = 0;
        if (!p.prefix.empty()) {
          // the words as printed, in any case: "Learning aim", "LEARNING AIM"
          std::size_t k = 0, w = 0;
          while (w < p.prefix.size() && k < t.size()) {
            if (t[k] == ' ') { ++k; continue; }
            if (upper(t[k]) != p.prefix[w]) break;
            ++k, ++w;
          }
          if (w < p.prefix.size() || k >= t.size() || t[k] != ' ') continue;
          at = k + 1;
        }
        if (at >= t.size() || !is_upper(t[at])) continue;
        std::size_t after = at + 1;
        std::size_t rest = after;
        if (rest < t.size() && (t[rest] == ':' || t[rest] == '.' || t[rest] == ')')) {
          if (p.prefix.empty() && t[rest] != ':') continue;  // "A." is the grammar's
          ++rest;
        } else if (p.prefix.empty()) {
          // set apart: two spaces or a tab in the source (the text keeps one space), or a heading's single space
          std::size_t text_at = rest;
          while (text_at < t.size() && t[text_at] == ' ') ++text_at;
          if (text_at >= t.size()) continue;
          const auto from = s.text.source_end_of(static_cast<std::uint32_t>(after));
          const auto to = s.text.source_of(static_cast<std::uint32_t>(text_at));
          bool gap = to >= from + 2;
          for (auto i = from; i < to && i < ctx_.src.size(); ++i) gap = gap || ctx_.src[i] == '\t';
          // a heading's mark on a short line ("## B Plan the installation …")
          const bool heading = (s.md_heading > 0 || s.bold) && t.substr(rest, 1) == " " && t.size() <= max_group_heading;
          // or one of a run of lines lettered in turn ("A Explore …" / "B Develop …", the gap lost)
          if (!gap && !heading && !lettered_run(s, t[at])) continue;
        } else if (rest < t.size() && t[rest] != ' ') {
          continue;
        }
        while (rest < t.size() && (t[rest] == ' ' || t[rest] == '\t')) ++rest;
        // in sequence: the next letter at its level ("A" first, and again under a new group); or, after
        // the level's words, a letter printed before: the same item again over its details (reopen_repeated)
        const node* prev = nullptr;
        if (i > 0) {
          prev = last_at(static_cast<int>(i));
        } else {
          const auto& c = container_of(0);
          for (auto it = c.rbegin(); it != c.rend() && !prev; ++it)
            if (!it->group) prev = &*it;
        }
        const char expected = prev && is_upper(prev->label.letter) ? static_cast<char>(prev->label.letter + 1) : 'A';
        const bool repeat = !p.prefix.empty() && i == 0 &&
                            std::any_of(container_of(0).begin(), container_of(0).end(),
                                        [&](const node& o) { return !o.group && o.label.letter == t[at]; });
        if (t[at] != expected && !repeat) continue;
        grammar::prefix_match<grammar::ast::item_label> m;
        m.value.letter = t[at];
        if (!p.prefix.empty()) m.value.prefix.assign(t.substr(0, at - 1));
        if (after < t.size() && t[after] == ':') m.value.close = ':';
        m.rest = rest;
        level = static_cast<int>(i);
        return m;
      }
    return std::nullopt;
  }

  /// Whether the segment opening with capital `letter` and a space stands in a run of lines lettered
  /// in turn: the line before opens with the letter before, or the line after with the letter after.
  bool lettered_run(const segment& s, char letter) const {
    if (&s < segs_.data() || &s >= segs_.data() + segs_.size()) return false;
    const auto j = static_cast<std::size_t>(&s - segs_.data());
    auto opens = [&](std::size_t at, char c) {
      if (at >= segs_.size()) return false;
      std::string_view o = segs_[at].text.text();
      return o.size() > 2 && o[0] == c && o[1] == ' ' && is_upper(o[2]);
    };
    return (letter > 'A' && j > 0 && opens(j - 1, static_cast<char>(letter - 1))) ||
           (letter < 'Z' && opens(j + 1, static_cast<char>(letter + 1)));
  }

  /// The item label opening a segment when it fits the current part.
  std::optional<grammar::prefix_match<grammar::ast::item_label>> label_here(const segment& s, int& level,
                                                                            std::string_view& band) {
    std::string_view t = s.text.text();
    if (auto c = shaped_label(s, level, band)) return c;
    auto m = grammar::match_item_label(t);
    if (!m) m = bare_letter(t);
    if (!m) return glued_label(s, level);
    level = level_of(*part_->rule, m->value);
    if (level < 0) return std::nullopt;
    // a label that fits a deeper level too goes there under an open item of another form ("(a)"
    // under criterion "1" where criteria may be numbered or lettered)
    if (level < static_cast<int>(open_.size()) && pending_labels_.empty()) {
      const auto& open = open_[static_cast<std::size_t>(level)]->label;
      const bool same_form = open.path.empty() == m->value.path.empty() && (open.letter != 0) == (m->value.letter != 0);
      // ("(i)" after "(h)", "(j)" after that "(i)", "(v)" after "(u)": the next letter, though one of
      // them reads as a roman number)
      auto letter_of = [](const grammar::ast::item_label& l) -> char {
        return l.letter ? l.letter : l.roman.size() == 1 ? l.roman[0] : '\0';
      };
      const bool next_letter = letter_of(open) != 0 && letter_of(m->value) == letter_of(open) + 1;
      const auto& levels = part_->rule->levels;
      if (!same_form && !next_letter && !open_[static_cast<std::size_t>(level)]->group &&
          static_cast<std::size_t>(level + 1) < levels.size() &&
          std::any_of(levels[static_cast<std::size_t>(level + 1)].labels.begin(),
                      levels[static_cast<std::size_t>(level + 1)].labels.end(),
                      [&](const label_pattern& p) { return label_fits(p, m->value); }))
        ++level;
    }
    // a sub-level needs its parent, unless a dotted number names it ("1.1" with no outcome 1)
    if (level > static_cast<int>(open_.size()) && pending_labels_.empty()) {
      if (m->value.path.size() < 2) return std::nullopt;
    }
    if (!in_sequence(level, m->value)) return std::nullopt;
    return m;
  }

  /// A label run into its text ("P1confirm which …": a conversion lost the gap, or a web page set
  /// the label in an element of its own): read only where the sequence proves it, as the next
  /// number after its level's last label of the same prefix, or as the first where the next
  /// segment opens with the second.
  std::optional<grammar::prefix_match<grammar::ast::item_label>> glued_label(const segment& s, int& level) {
    auto m = grammar::match_glued_label(s.text.text());
    if (!m) return std::nullopt;
    level = level_of(*part_->rule, m->value);
    if (level < 0 || level > static_cast<int>(open_.size())) return std::nullopt;
    const node* prev = last_at(level);
    for (const auto& p : pending_labels_)
      if (p.level == level) prev = &p;
    const unsigned n = m->value.path.back();
    if (prev && prev->label.prefix == m->value.prefix && prev->label.path.size() == 1 &&
        n == prev->label.path.back() + 1)
      return m;
    // (the segment after `s`, which is not always the one read now: labels are looked for ahead)
    if (&s < segs_.data() || &s >= segs_.data() + segs_.size()) return std::nullopt;
    const auto after = static_cast<std::size_t>(&s - segs_.data()) + 1;
    if (n != 1 || after >= segs_.size()) return std::nullopt;
    std::string_view next = segs_[after].text.text();
    auto second = grammar::match_item_label(next);
    if (!second) second = grammar::match_glued_label(next);
    if (second && second->value.prefix == m->value.prefix && second->value.path.size() == 1 &&
        second->value.path.back() == 2)
      return m;
    return std::nullopt;
  }

  /// "a the animal welfare legislation…": a letter with no delimiter is a
  /// label only in sequence — the next letter after the open sub-item's, or
  /// "a" when a line starting "b " follows — under an item whose sub-level
  /// takes letters (else it is the article "a").
  std::optional<grammar::prefix_match<grammar::ast::item_label>> bare_letter(std::string_view t) {
    if (t.size() < 3 || t[0] < 'a' || t[0] > 'z' || t[1] != ' ' || open_.empty()) return std::nullopt;
    const node& top = *open_.front();
    const auto sub = static_cast<std::size_t>(top.level + 1);
    const auto& levels = part_->rule->levels;
    if (sub >= levels.size() ||
        std::none_of(levels[sub].labels.begin(), levels[sub].labels.end(),
                     [](const label_pattern& p) { return p.shape == label_pattern::form::letter; }))
      return std::nullopt;
    const node* last = top.children.empty() ? nullptr : &top.children.back();
    const char expected = last && last->label.letter ? static_cast<char>(last->label.letter + 1) : 'a';
    if (t[0] != expected) return std::nullopt;
    if (expected == 'a') {
      bool b_follows = false;
      for (std::size_t j = k_ + 1; j < segs_.size() && j <= k_ + 6 && !b_follows; ++j)
        b_follows = segs_[j].text.text().substr(0, 2) == "b ";
      if (!b_follows) return std::nullopt;
    }
    grammar::prefix_match<grammar::ast::item_label> m;
    m.value.letter = t[0];
    m.rest = 2;
    return m;
  }

  bool take_item(segment& s) {
    std::string_view t = s.text.text();
    int level = -1;
    std::string_view band;
    auto m = label_here(s, level, band);
    if (!m && (!pending_labels_.empty() || !open_.empty()) &&
        only_refs(t, pending_labels_.empty() ? open_.back()->level : pending_labels_.back().level)) {
      // "K3 K5 S4 B2" on a line or in a cell of its own: the codes the duty names
      if (!pending_labels_.empty()) {
        pending_texts_.push_back(k_);
        mark_content(s.line);
      } else {
        join_text(*open_.back(), s);
      }
      return true;
    }
    if (!m) {
      if (s.bullet) return take_bullet(s);
      // a label of another part ("K1" while reading criteria) opens that part
      return take_implicit_item(s);
    }
    std::size_t rest = m->rest;
    if (rest > 0 && rest < t.size() && t[rest] >= 'a' && t[rest] <= 'z' && t[rest - 1] >= '0' && t[rest - 1] <= '9') {
      const std::string code = code_of(m->value);
      ctx_.report(diag::label_run_into_text, severity::warning, ctx_.span_of(s.text),
                  "label " + code + " printed run into its text with no space, read apart by its sequence",
                  t, code + " " + std::string(t.substr(rest)));
    }
    // "P1 - text", "D4: text", "1.1 / text"
    while (rest < t.size() && (t[rest] == '-' || t[rest] == ':' || t[rest] == '/' || t[rest] == ' ')) ++rest;
    if (t.substr(rest, 3) == "\xE2\x80\x93") rest += 3;
    while (rest < t.size() && t[rest] == ' ') ++rest;

    node n;
    n.level = level;
    n.label = m->value;
    n.code = code_of(m->value);
    n.band = band;
    n.label_begin = s.text.source_of(0);
    n.label_end = s.text.source_end_of(static_cast<std::uint32_t>(label_length(t, m->rest)));
    n.first_line = n.last_line = s.line;
    mark_content(s.line);

    if (rest >= t.size() && s.cell && pending_labels_.empty() && k_ + 1 < segs_.size() && segs_[k_ + 1].cell &&
        segs_[k_ + 1].line == s.line && !grammar::match_item_label(segs_[k_ + 1].text.text())) {
      // a label alone in its cell, its text in the next cell of the row ("2A.P1<TAB>Describe …")
      flush_pending();
      ++k_;
      n.text = segs_[k_].text;
      push_item(std::move(n), segs_[k_]);
      return true;
    }
    if (rest >= t.size()) {
      // a label alone: its text follows (a label column of a PDF, "1" above "Understand …")
      if (!pending_texts_.empty()) flush_pending();
      pending_labels_.push_back(std::move(n));
      return true;
    }
    // labels alone on one line, "K1 K2 K3 K4 K5": all wait for their texts
    if (auto more = only_labels(t.substr(rest), level); !more.empty()) {
      if (!pending_texts_.empty()) flush_pending();
      pending_labels_.push_back(std::move(n));
      for (auto& [off, lab] : more) {
        node p;
        p.level = level;
        p.label = lab.value;
        p.code = code_of(lab.value);
        auto lo = static_cast<std::uint32_t>(rest + off);
        p.label_begin = s.text.source_of(lo);
        p.label_end = s.text.source_end_of(lo + static_cast<std::uint32_t>(label_length(t.substr(rest + off), lab.rest)));
        p.first_line = p.last_line = s.line;
        pending_labels_.push_back(std::move(p));
      }
      return true;
    }
    flush_pending();
    n.text = s.text.slice(static_cast<std::uint32_t>(rest), static_cast<std::uint32_t>(t.size()));
    if (!held_text_.empty()) {  // its first lines, printed over the label
      clean::rich_text whole = held_text_;
      whole.join(n.text);
      ctx_.report(diag::labels_detached, severity::note, ctx_.span(held_text_.source_begin(), s.text.source_end()),
                  "label " + n.code + " printed beside a line of its text, the text begun on the lines above; read "
                  "from there",
                  ctx_.src.substr(held_text_.source_begin(), s.text.source_end() - held_text_.source_begin()),
                  n.code + " " + whole.text());
      n.text = std::move(whole);
      n.first_line = ctx_.lines.line_of(held_text_.source_begin());
      held_text_ = {};
    }
    if (reopen_repeated(n, s)) return true;
    push_item(std::move(n), s);
    split_first_child();
    split_run_together();
    return true;
  }

  /// An item's text begun on the lines above its label, as a text dump of a table prints a row whose
  /// label is centred on its cell's lines ("   confirm which procedure … it" / "P1 needs", w3m's
  /// dump of a web page's table; pdftotext -layout of a cell set in its row's middle): the lines
  /// that open a block set in to the column where the labelled line's text begins, right over it,
  /// are that item's first lines. Held for the item; whether it was so.
  bool hold_text_above_label(const segment& s) {
    constexpr std::size_t max_above = 3;
    if (s.cell || !held_text_.empty() || !pending_labels_.empty() || !s.blank_before || s.furniture_before)
      return false;
    const std::uint32_t column = set_in_by(s.text.source_begin());
    if (column == 0) return false;
    int level = -1;
    std::string_view band;
    std::size_t j = k_;
    for (; j < segs_.size() && j - k_ <= max_above; ++j) {
      const segment& x = segs_[j];
      if (x.cell || x.line != s.line + (j - k_) || (j > k_ && (x.blank_before || x.furniture_before))) return false;
      if (label_here(x, level, band)) break;
      if (set_in_by(x.text.source_begin()) != column) return false;
    }
    if (j == k_ || j >= segs_.size() || j - k_ > max_above) return false;
    const segment& labelled = segs_[j];
    const auto m = label_here(labelled, level, band);
    std::size_t rest = m->rest;
    const std::string_view t = labelled.text.text();
    while (rest < t.size() && t[rest] == ' ') ++rest;
    if (rest >= t.size() || column_of(labelled.text.source_of(static_cast<std::uint32_t>(rest))) != column) return false;
    // (the line over the label cut by the wrap: a text's last line, short, ends where it ends)
    if (!ctx_.wrap.goes_on(ctx_, segs_[j - 1].line, t.substr(rest))) return false;
    // (centred: no more lines over the label than one more than under it, set in alike -- an item's
    // indented second paragraph over the next label is not)
    std::size_t below = 0;
    int other_level = -1;
    std::string_view other_band;
    for (std::size_t i = j + 1; i < segs_.size() && segs_[i].line == labelled.line + (i - j) && !segs_[i].blank_before &&
                                !segs_[i].cell && set_in_by(segs_[i].text.source_begin()) == column &&
                                !label_here(segs_[i], other_level, other_band);
         ++i)
      ++below;
    if (j - k_ > below + 1) return false;
    hold_lines_above(j, false);
    return true;
  }
  clean::rich_text held_text_;  // an item's first lines, printed over its label (or a field's value's)
  std::size_t held_first_ = 0, held_for_ = 0;  // their first segment, and the labelled one
  bool held_field_ = false;  // held for a field's label, not an item's

  /// The same for a field: its value's first lines set in under the values' column above its label's
  /// line, nothing in the labels' column beside them, as a text browser centres a label on its
  /// cell's lines ("            This unit is about … and" / "Unit aim    eyebrow tinting, …" /
  /// "            before the service."): as many lines over the label as under it, or one more,
  /// one at least; the line before them holds nothing in the values' column (a value's line there
  /// may wrap onto the next).
  bool hold_value_above_label(const segment& s) {
    constexpr std::size_t max_above = 3;
    if (s.cell || !held_text_.empty() || s.furniture_before || fields_found_.empty()) return false;
    const std::uint32_t column = set_in_by(s.text.source_begin());
    if (column == 0) return false;
    // (the line before holds nothing in the values' column: a value's line there may wrap onto this one)
    if (!s.blank_before && k_ > 0) {
      const auto [pb, pe] = ctx_.lines.content(segs_[k_ - 1].line);
      if (segs_[k_ - 1].cell || characters(ctx_.src.substr(pb, pe - pb)) >= column - 1) return false;
    }
    std::size_t j = k_;
    for (; j < segs_.size() && j - k_ <= max_above; ++j) {
      const segment& x = segs_[j];
      if (x.cell || x.line != s.line + (j - k_) || (j > k_ && (x.blank_before || x.furniture_before))) return false;
      if (set_in_by(x.text.source_begin()) != column) break;
    }
    if (j == k_ || j >= segs_.size() || j - k_ > max_above || !starts_field(j)) return false;
    // the label's line: its value begins at the column, after a gap
    const segment& labelled = segs_[j];
    const auto [lb, le] = ctx_.lines.content(labelled.line);
    const std::string_view line = ctx_.src.substr(lb, le - lb);
    const auto gap = line.find("  ", line.find_first_not_of(' '));
    const auto v = gap == std::string_view::npos ? gap : line.find_first_not_of(' ', gap);
    if (v == std::string_view::npos || column_of(lb + static_cast<std::uint32_t>(v)) != column) return false;
    std::size_t below = 0;
    for (std::size_t i = j + 1; i < segs_.size() && segs_[i].line == labelled.line + (i - j) && !segs_[i].blank_before &&
                                !segs_[i].cell && set_in_by(segs_[i].text.source_begin()) == column;
         ++i)
      ++below;
    // (centred: a value of two lines is printed from its label's line on)
    if (below == 0 || j - k_ > below + 1 || j - k_ < below) return false;
    hold_lines_above(j, true);
    return true;
  }

  /// Segments from the current one to j (not included) held for segment j's item, or field.
  void hold_lines_above(std::size_t j, bool field) {
    for (std::size_t i = k_; i < j; ++i) {
      if (i == k_) held_text_ = segs_[i].text;
      else held_text_.join(segs_[i].text);
      mark_content(segs_[i].line);
    }
    held_first_ = k_;
    held_for_ = j;
    held_field_ = field;
    k_ = j - 1;
  }

  /// Lines held for an item its label's line did not open after all (or past it, `now`): read as the
  /// text of the part they stand in.
  void release_held(bool now) {
    if (held_text_.empty() || (!now && k_ <= held_for_)) return;
    segment h = segs_[held_first_];
    h.text = std::move(held_text_);
    held_text_ = {};
    held_field_ = false;
    take_prose(h);
  }

  /// Where the letters after `first` stand in turn in `t` from `from` on, each as " (x) " at a word's
  /// start: the offset of each label's "(".
  static std::vector<std::size_t> letter_cuts(std::string_view t, char first, std::size_t from) {
    std::vector<std::size_t> cuts;
    for (char letter = first; letter <= 'z'; ++letter) {
      const std::string want = std::string(" (") + letter + ") ";
      const auto at = t.find(want, cuts.empty() ? from : cuts.back() + 3);
      if (at == std::string_view::npos) break;
      cuts.push_back(at + 1);
    }
    return cuts;
  }

  /// Items lettered in turn and printed on one line with the item before them, as a list in a table's
  /// cell or a web page's list loses its line breaks: "… to: (a) make decisions … (b) identify …"
  /// are the item's sub-items, where the part's next level takes letters ("(a)" and "(b)" at least,
  /// the item's text ending before them); "(b) your own roles … (c) the roles …" are siblings of the
  /// lettered item they run on from (Q-W219). Read over the finished items, so that text joined
  /// over a page break is read too.
  void split_lettered(std::vector<node>& items, const part_rule& rule) {
    auto takes_letters = [&](std::size_t level) {
      return level < rule.levels.size() &&
             std::any_of(rule.levels[level].labels.begin(), rule.levels[level].labels.end(), [](const label_pattern& p) {
               return p.shape == label_pattern::form::letter && !p.capital;
             });
    };
    auto pieces = [&](const node& from, const std::vector<std::size_t>& cuts, int level) {
      const clean::rich_text all = from.text;
      const std::string_view t = all.text();
      std::vector<node> out;
      for (std::size_t k = 0; k < cuts.size(); ++k) {
        const std::size_t at = cuts[k];
        const std::size_t end = k + 1 < cuts.size() ? cuts[k + 1] - 1 : t.size();
        auto m = grammar::match_item_label(t.substr(at, end - at));
        if (!m) break;
        node n;
        n.level = level;
        n.label = m->value;
        n.code = code_of(m->value);
        n.label_begin = all.source_of(static_cast<std::uint32_t>(at));
        n.label_end = all.source_end_of(static_cast<std::uint32_t>(at + label_length(t.substr(at), m->rest)));
        n.first_line = n.last_line = from.last_line;
        n.text = all.slice(static_cast<std::uint32_t>(at + m->rest), static_cast<std::uint32_t>(end));
        out.push_back(std::move(n));
      }
      return out;
    };
    for (std::size_t i = 0; i < items.size(); ++i) {
      node& n = items[i];
      if (n.group) {
        split_lettered(n.children, rule);
        continue;
      }
      const std::string_view t = n.text.text();
      if (n.label.letter >= 'a' && n.label.letter < 'z' && n.label.open == '(') {
        const auto cuts = letter_cuts(t, static_cast<char>(n.label.letter + 1), 0);
        auto more = cuts.empty() ? std::vector<node>{} : pieces(n, cuts, n.level);
        if (!more.empty() && more.size() == cuts.size()) {
          ctx_.report(diag::items_on_one_line, severity::warning, ctx_.span_of(n.text),
                      std::to_string(more.size() + 1) + " items on one line (" + n.code + "…" + more.back().code +
                          "); split at their labels",
                      t.substr(0, 300), t.substr(0, std::min<std::size_t>(cuts.front() - 1, 300)));
          // what came after the line (its sub-items, the cut at the document's end) is the last piece's
          more.back().children = std::move(n.children);
          more.back().incomplete = n.incomplete;
          n.children.clear();
          n.incomplete = false;
          n.text = n.text.slice(0, static_cast<std::uint32_t>(cuts.front() - 1));
          items.insert(items.begin() + static_cast<std::ptrdiff_t>(i + 1), std::make_move_iterator(more.begin()),
                       std::make_move_iterator(more.end()));
          continue;  // the pieces are read in turn, their children with them
        }
      } else if (takes_letters(static_cast<std::size_t>(n.level + 1))) {
        const auto a = t.find(" (a) ");
        const auto cuts = a == std::string_view::npos ? std::vector<std::size_t>{} : letter_cuts(t, 'a', a);
        // ("(a)" alone after a colon where the item's own sub-items go on from "(b)", a page break between)
        const bool b_follows = !n.children.empty() && n.children.front().label.letter == 'b';
        auto subs = cuts.size() >= 2 || (cuts.size() == 1 && a > 0 && t[a - 1] == ':' && b_follows)
                        ? pieces(n, cuts, n.level + 1)
                        : std::vector<node>{};
        if (!subs.empty() && subs.size() == cuts.size()) {
          if (n.incomplete && n.children.empty()) subs.back().incomplete = true, n.incomplete = false;
          n.text = n.text.slice(0, static_cast<std::uint32_t>(cuts.front() - 1));
          n.children.insert(n.children.begin(), std::make_move_iterator(subs.begin()), std::make_move_iterator(subs.end()));
        }
      }
      split_lettered(n.children, rule);
    }
  }

  /// An item printed again with the same letter and the same words ("A Explore …" in the list of
  /// aims, then "Learning aim A: Explore …" over its criteria): the one item, open again for what
  /// follows.
  ///
  /// The same with a number or a code ("LO1 Define …" in the list of outcomes, under the content,
  /// over the criteria), and across parts: a part of the same rule opened again under a heading of
  /// its own ("Learning Outcomes and Assessment Criteria") whose first item restates one of the
  /// earlier part's is that part going on; its heading is then the layout's furniture.
  bool reopen_repeated(const node& n, const segment& s) {
    // a letter alone ("A"), or one number ("LO1", "3"): not a sub-item's path ("1.2")
    if ((!n.label.letter && n.code.empty()) || n.label.path.size() > (n.label.letter ? 0u : 1u) || n.level != 0)
      return false;
    // ("1" in the list, "LO1" over the criteria: the same number, the same words)
    auto same_label = [&](const node& o) {
      return !o.group && (n.label.letter ? o.label.letter == n.label.letter
                                         : o.code == n.code || (!o.label.letter && !n.label.path.empty() &&
                                                                o.label.path == n.label.path));
    };
    // the words are compared only for an item of the same label: most items have none
    std::optional<std::string> words, wrapped;
    bool next_line = false;
    auto restates = [&](const node& o) {
      if (!same_label(o)) return false;
      if (!words) {
        words = fold(n.text.text());
        // (its words wrapped onto the next line: "Learning aim A: Explore how … to promote" / "products")
        next_line = next_line_under(s);
        wrapped = next_line ? *words + " " + fold(segs_[k_ + 1].text.text()) : std::string();
      }
      const auto theirs = fold(o.text.text());
      return theirs == *words || (next_line && theirs == *wrapped);
    };
    auto& here = container_of(0);
    // (an item whose letter or number goes on from the last one's is a new one: only a label that
    // goes back is looked for among the earlier items, so a long list is not compared item by item)
    const node* last = nullptr;
    for (auto it = here.rbegin(); it != here.rend() && !last; ++it)
      if (!it->group) last = &*it;
    const bool goes_on = last && ((n.label.letter && last->label.letter && n.label.letter == last->label.letter + 1) ||
                                  (!n.label.letter && !n.label.path.empty() && last->label.path.size() == 1 &&
                                   n.label.path.front() == last->label.path.front() + 1));
    auto in_here = goes_on ? here.end() : std::find_if(here.begin(), here.end(), restates);
    node* o = in_here == here.end() ? nullptr : &*in_here;
    if (!o && part_ == &parts_.back() && part_->items.empty() && part_->blocks.empty() && !group_) {
      for (auto it = std::next(parts_.rbegin()); it != parts_.rend() && !o; ++it) {
        if (it->rule != part_->rule || it->code != part_->code) continue;
        auto earlier = std::find_if(it->items.begin(), it->items.end(), restates);
        if (earlier == it->items.end()) continue;
        // the heading (and lead-in) that opened this part again
        if (part_->begin < part_->end)
          for (auto l = ctx_.lines.line_of(part_->begin); l <= ctx_.lines.line_of(part_->end - 1); ++l)
            if (ctx_.use[l] == line_use::content) mark_furniture(ctx_, l, "heading");
        o = &*earlier;
        part_build& resumed = *it;
        parts_.pop_back();
        part_ = &resumed;
      }
    }
    if (!o) return false;
    open_.clear();
    open_.push_back(o);
    mark_content(s.line);
    extend_part(s.text);
    if (fold(o->text.text()) != *words) take_next_line();
    ctx_.report(diag::item_repeated, severity::note, ctx_.span_of(s.text),
                "item " + o->code + " printed again over its details; read as the same item", s.text.text());
    return true;
  }

  /// Whether `t` is nothing but codes the open item's level may name (its refs).
  bool only_refs(std::string_view t, int item_level) {
    const auto& levels = part_->rule->levels;
    const auto level = static_cast<std::size_t>(std::max(0, item_level));
    if (level >= levels.size() || levels[level].refs.empty()) return false;
    std::size_t off = 0, count = 0;
    while (off < t.size()) {
      // codes apart by spaces or commas: "K1 K2 S3", "K1, K2, S3"
      std::size_t end = off;
      while (end < t.size() && t[end] != ' ' && t[end] != ',') ++end;
      auto word = t.substr(off, end - off);
      auto m = grammar::match_item_label(word);
      if (!m || m->rest < word.size()) return false;
      bool fits = false;
      for (const auto& p : levels[level].refs) fits = fits || label_fits(p, m->value);
      if (!fits) return false;
      ++count;
      off = end;
      while (off < t.size() && (t[off] == ' ' || t[off] == ',')) ++off;
    }
    return count > 0;
  }

  /// Whether the label that ends before text offset `rest` stood in a cell
  /// of its own: a tab between it and the text ("Unit 203<TAB>Title").
  /// A label of the profile's that stands before the title ("Unit 12"): its
  /// number becomes the title label's field. Whether it was one.
  bool title_label(const segment& s, std::string_view t, const grammar::ast::item_label& label, std::size_t rest) {
    for (const auto& p : prof_.title_labels)
      if (label_fits(p, label)) {
        std::size_t num = 0;
        while (num < t.size() && !is_digit(t[num])) ++num;
        std::size_t num_end = num;
        while (num_end < t.size() && (is_digit(t[num_end]) || t[num_end] == '.')) ++num_end;
        title_field_ = std::make_unique<field_rule>(field_rule{prof_.title_label_field, {}, 0, {}, {}, {}});
        add_field(title_field_.get(), ctx_.keep(s.text.slice(0, static_cast<std::uint32_t>(label_length(t, rest)))),
                  s.text.slice(static_cast<std::uint32_t>(num), static_cast<std::uint32_t>(num_end)),
                  s.text.source_begin(), s.line);
        return true;
      }
    return false;
  }

  bool cell_after(const segment& s, std::string_view t, std::size_t rest) const {
    const std::size_t label = label_length(t, rest);
    if (label == 0 || rest <= label || rest >= t.size()) return false;
    const std::uint32_t from = s.text.source_end_of(static_cast<std::uint32_t>(label));
    const std::uint32_t to = s.text.source_of(static_cast<std::uint32_t>(rest));
    for (std::uint32_t i = from; i < to && i < ctx_.src.size(); ++i)
      if (ctx_.src[i] == '\t') return true;
    return false;
  }

  static std::size_t label_length(std::string_view t, std::size_t rest) {
    auto trim_space = [&] {
      while (rest > 0 && (t[rest - 1] == ' ' || t[rest - 1] == '\t')) --rest;
    };
    trim_space();
    // (a dash set apart after the label separates it from its text, "K1 - The …": not the label's)
    if (rest >= 2 && t[rest - 1] == '-' && t[rest - 2] == ' ') --rest, trim_space();
    else if (rest >= 4 && t.substr(rest - 3, 3) == "\xE2\x80\x93" && t[rest - 4] == ' ') rest -= 3, trim_space();
    return rest;
  }

  /// Labels at `level` that make up the whole of `t`, with their offsets.
  std::vector<std::pair<std::size_t, grammar::prefix_match<grammar::ast::item_label>>> only_labels(std::string_view t,
                                                                                                   int level) {
    std::vector<std::pair<std::size_t, grammar::prefix_match<grammar::ast::item_label>>> out;
    std::size_t off = 0;
    while (off < t.size()) {
      auto m = grammar::match_item_label(t.substr(off));
      if (!m || level_of(*part_->rule, m->value) != level || m->value.path.empty()) return {};
      out.emplace_back(off, *m);
      if (m->rest == 0) return {};
      off += m->rest;
    }
    return out;
  }

  void push_item(node n, const segment& s) {
    auto level = static_cast<std::size_t>(n.level);
    if (!n.label.code.empty() && level == 1) {
      // a code names its aim by its letter ("2A.P1", "A.1P1"): under that aim, wherever it was read
      if (node* aim = aim_named_by(n.label.code)) open_.assign(1, aim);
    }
    // a sub-level with no parent open: under the last item of the level above, if any
    while (open_.size() > level) open_.pop_back();
    // an item out of its level (a criterion with no aim) is no parent
    while (!open_.empty() && !open_.back()->kind.empty()) open_.pop_back();
    if (open_.size() < level) {
      // a code keeps its kind where no item of the level above holds it ("2A.P1" with no aim)
      if (!n.label.code.empty()) n.kind = part_->rule->levels[level].kind;
      if (open_.empty() && container_of(0).empty()) {
        n.level = 0;
        level = 0;
      } else {
        while (open_.size() < level) {
          auto& c = container_of(static_cast<int>(open_.size()));
          if (c.empty() || !c.back().kind.empty()) break;  // an item out of its level holds none
          open_.push_back(&c.back());
        }
        if (open_.size() < level) level = open_.size(), n.level = static_cast<int>(level);
      }
    }
    check_sequence(n, s);
    auto& c = container_of(static_cast<int>(level));
    c.push_back(std::move(n));
    open_.push_back(&c.back());
    prose_since_item_ = false;
    extend_part(s.text);
  }

  /// The item of the part's first level whose letter a code names: the capitals before its first
  /// "." ("2A.P1" and "A.1P1" name A; "AB.D1" names A and B, and keeps the open one of them).
  node* aim_named_by(std::string_view code) {
    const auto head = code.substr(0, code.find('.'));
    auto named = [&](char letter) { return is_upper(letter) && head.find(letter) != std::string_view::npos; };
    if (!open_.empty() && named(open_.front()->label.letter)) return open_.front();
    for (auto& n : container_of(0))
      if (!n.group && n.label.path.empty() && named(n.label.letter)) return &n;
    return nullptr;
  }

  void check_sequence(const node& n, const segment& s) {
    if (n.label.path.empty() || n.inferred) return;
    const node* prev = last_at(n.level);
    if (!prev || prev->label.path.empty() || prev->label.path.size() != n.label.path.size()) return;
    unsigned a = prev->label.path.back(), b = n.label.path.back();
    if (b == a + 1 || b == 1) return;
    if (n.label.path.size() > 1 && n.label.path.front() != prev->label.path.front()) return;
    ctx_.report(diag::numbering, severity::warning, ctx_.span_of(s.text),
                "numbering: " + n.code + " follows " + prev->code, s.text.text());
  }

  /// "1. First text. 2. Second text." — items run together on one line are
  /// split at the next label of the sequence (after a sentence end); looked
  /// for from `search_from` on (the text a continuation line added).
  struct cut {
    std::size_t at, rest;
    grammar::ast::item_label label;
    std::string_view band;
  };

  void split_run_together(std::size_t search_from = 0) {
    if (open_.back()->label.path.empty()) return split_codes_run_together(search_from);
    // every split point first, in one pass over the text (from `search_from`: a continuation
    // looks at what it added only), then each piece sliced once: a line holding thousands of
    // items stays linear, and so does an item of thousands of lines
    std::string_view t = open_.back()->text.text();
    const char close = open_.back()->label.close;
    auto label = open_.back()->label;
    std::vector<cut> cuts;
    std::size_t from = std::min(search_from, t.size());
    for (;;) {
      auto next = label;
      next.path.back() += 1;
      const std::string want = code_of(next);
      // the expected label at a gap: "P2", "2.", "AC 1.3", "(b)" — compared by code, so spacing does not matter
      const char first = next.open ? '(' : next.prefix.empty() ? want.front() : next.prefix.front();
      std::size_t at = std::string_view::npos;
      for (std::size_t f = t.find(first, from); f != std::string_view::npos; f = t.find(first, f + 1)) {
        if (f < 2 || t[f - 1] != ' ') continue;
        auto m = grammar::match_item_label(t.substr(f));
        if (!m || code_of(m->value) != want || m->value.close != close) continue;
        // a bare number with no delimiter ("… choose 2 units") splits only after a sentence end
        if (next.prefix.empty() && !next.close && !ends_sentence(t.substr(from, f - 1 - from))) continue;
        at = f;
        cuts.push_back({f, f + m->rest, m->value, {}});
        break;
      }
      if (at == std::string_view::npos) break;
      label = cuts.back().label;
      from = cuts.back().rest;
    }
    split_at(cuts);
  }

  /// "1. Understand requirements for handling information 1.1 Identify …": an item and its first
  /// child run together on one line (a table's row of an outcome and its first criterion, its cells
  /// a space apart, as lynx writes them): the child's label the item's number then ".1", at a word's
  /// start, before a capital, a label the part's next level takes. The child opens there (Q-W219).
  void split_first_child() {
    node& item = *open_.back();
    if (item.label.path.size() != 1 || item.label.letter || !item.kind.empty() || !part_ || !part_->rule ||
        static_cast<std::size_t>(item.level) + 1 >= part_->rule->levels.size())
      return;
    grammar::ast::item_label child;
    child.path = {item.label.path.front(), 1};
    if (level_of(*part_->rule, child) != item.level + 1) return;
    const std::string want = std::to_string(item.label.path.front()) + ".1 ";
    const std::string_view t = item.text.text();
    const auto at = t.find(" " + want);
    if (at == std::string_view::npos || at == 0) return;
    const std::size_t rest = at + 1 + want.size();
    if (rest >= t.size() || !is_upper(t[rest])) return;
    const clean::rich_text all = item.text;
    ctx_.report(diag::items_on_one_line, severity::warning, ctx_.span_of(all),
                "item " + item.code + " and its first criterion " + want.substr(0, want.size() - 1) +
                    " on one line; split at its label",
                t.substr(0, 300), t.substr(0, at));
    item.text = all.slice(0, static_cast<std::uint32_t>(at));
    node n;
    n.level = item.level + 1;
    n.label = child;
    n.code = code_of(child);
    n.label_begin = all.source_of(static_cast<std::uint32_t>(at + 1));
    n.label_end = all.source_end_of(static_cast<std::uint32_t>(at + want.size()));
    n.first_line = n.last_line = item.last_line;
    n.text = all.slice(static_cast<std::uint32_t>(rest), static_cast<std::uint32_t>(t.size()));
    item.children.push_back(std::move(n));
    open_.push_back(&item.children.back());
  }

  /// "1A.1 Identify … there. 2A.P1 Describe … site. 2A.M1 Compare …" -- items labelled by codes of
  /// the part's shapes run together on one line (a grid's row whose cells lost their breaks): split
  /// after a sentence's end at each code of the item's own level.
  void split_codes_run_together(std::size_t search_from) {
    node& item = *open_.back();
    if (item.label.code.empty() || item.level < 0 || !part_ || !part_->rule ||
        static_cast<std::size_t>(item.level) >= part_->rule->levels.size())
      return;
    const auto& codes = part_->rule->levels[static_cast<std::size_t>(item.level)].codes;
    const std::string_view t = item.text.text();
    std::vector<cut> cuts;
    for (std::size_t f = t.find(' ', std::min(search_from, t.size())); f != std::string_view::npos; f = t.find(' ', f + 1)) {
      const std::size_t at = f + 1;
      const std::size_t from = cuts.empty() ? 0 : cuts.back().rest;
      if (at >= t.size() || f < from || !ends_sentence(t.substr(from, f - from))) continue;
      const auto word = code_word(t.substr(at));
      const auto* b = word.empty() ? nullptr : band_of(word, codes);
      if (!b || at + word.size() >= t.size() || t[at + word.size()] != ' ') continue;
      grammar::ast::item_label label;
      label.code.assign(word);
      cuts.push_back({at, at + word.size() + 1, std::move(label), b->band});
    }
    split_at(cuts);
  }

  /// The open item cut at `cuts` (each: where a label begins in the item's text, where the text
  /// after that label begins, the label, its band): the item keeps the text before the first cut,
  /// and each cut becomes a sibling item after it.
  void split_at(const std::vector<cut>& cuts) {
    if (cuts.empty()) return;
    std::string_view t;
    const clean::rich_text all = open_.back()->text;  // the node's text is replaced below
    t = all.text();
    // one diagnostic for the line: thousands of items on it stay one finding
    ctx_.report(diag::items_on_one_line, severity::warning, ctx_.span_of(all),
                std::to_string(cuts.size() + 1) + " items on one line (" + open_.back()->code + "…" +
                    code_of(cuts.back().label) + "); split at their labels",
                t.substr(0, 300), t.substr(0, cuts.front().at - 1).substr(0, 300));
    node& first = *open_.back();
    const std::string first_code = first.code;
    const std::string_view first_band = first.band;
    first.text = all.slice(0, static_cast<std::uint32_t>(cuts.front().at - 1));
    const int level = first.level;
    const auto line = first.last_line;
    std::string previous = first_code;
    for (std::size_t k = 0; k < cuts.size(); ++k) {
      const auto& c = cuts[k];
      std::size_t end = k + 1 < cuts.size() ? cuts[k + 1].at - 1 : t.size();
      node n;
      n.level = level;
      n.label = c.label;
      n.code = code_of(c.label);
      n.band = c.band.empty() ? first_band : c.band;
      n.label_begin = all.source_of(static_cast<std::uint32_t>(c.at));
      n.label_end = all.source_end_of(static_cast<std::uint32_t>(c.at + label_length(t.substr(c.at), c.rest - c.at)));
      n.first_line = n.last_line = line;
      n.text = all.slice(static_cast<std::uint32_t>(c.rest), static_cast<std::uint32_t>(end));
      previous = n.code;
      auto& container = container_of(level);
      open_.pop_back();
      container.push_back(std::move(n));
      open_.push_back(&container.back());
    }
  }

  bool take_bullet(segment& s) {
    int bl = bullet_level(*part_->rule);
    if (bl < 0) return false;
    flush_pending();
    if (bl > static_cast<int>(open_.size())) bl = static_cast<int>(open_.size());
    if (bl > 0 && open_.empty()) return false;
    auto& c = bl == 0 ? container_of(0) : open_[static_cast<std::size_t>(bl - 1)]->children;
    // after an item's fields its sub-items are over: a bullet there is the part's prose (guidance)
    if (!c.empty() && c.back().kind == item_field_kind) return false;
    node n;
    n.level = bl;
    n.code = std::to_string(std::count_if(c.begin(), c.end(), [](const node& o) { return o.kind.empty(); }) + 1);
    n.label_begin = n.label_end = s.text.source_begin();
    n.text = s.text;
    n.first_line = n.last_line = s.line;
    mark_content(s.line);
    while (open_.size() > static_cast<std::size_t>(bl)) open_.pop_back();
    c.push_back(std::move(n));
    open_.push_back(&c.back());
    extend_part(s.text);
    return true;
  }

  /// A prefixed label ("K3", "S12", "Duty 2") that only one part of the
  /// profile knows opens that part, heading or not.
  bool take_implicit_item(segment& s) {
    auto m = grammar::match_item_label(s.text.text());
    if (m && m->value.prefix.empty() && m->value.path == std::vector<unsigned>{1} && !part_)
      return take_numbered_outline(s);
    if (!m || m->value.prefix.empty()) return false;
    const part_rule* owner = nullptr;
    for (const auto& r : prof_.parts) {
      if (r.levels.empty() || (part_ && part_->rule == &r)) continue;
      for (const auto& p : r.levels.front().labels)
        if (p.shape == label_pattern::form::number && !p.prefix.empty() && label_fits(p, m->value)) {
          if (owner && owner != &r) return false;  // two parts claim it
          owner = &r;
        }
    }
    // only a part not read yet: "Learning outcome 2 must be assessed…" in the guidance is a sentence
    return open_implied_part(owner, s);
  }

  /// "1 Know how to…" then "1.1 …" with no heading over them: the shape itself names the part, the
  /// one of the profile whose first two levels are numbered "#" and "#.#" (outcomes and criteria).
  bool take_numbered_outline(segment& s) {
    std::size_t j = k_ + 1;
    while (j < segs_.size() && j <= k_ + 3 && !grammar::match_item_label(segs_[j].text.text())) ++j;
    if (j >= segs_.size()) return false;
    auto next = grammar::match_item_label(segs_[j].text.text());
    if (!next || next->value.path != std::vector<unsigned>{1, 1} || !next->value.prefix.empty()) return false;
    auto is = [](const label_pattern& p, unsigned depth) {
      return p.shape == label_pattern::form::number && p.prefix.empty() && p.depth == depth;
    };
    const part_rule* owner = nullptr;
    for (const auto& r : prof_.parts) {
      if (r.levels.size() < 2) continue;
      bool top = std::any_of(r.levels[0].labels.begin(), r.levels[0].labels.end(), [&](auto& p) { return is(p, 1); });
      bool second = std::any_of(r.levels[1].labels.begin(), r.levels[1].labels.end(), [&](auto& p) { return is(p, 2); });
      if (top && second) {
        if (owner) return false;  // two parts have the shape
        owner = &r;
      }
    }
    return open_implied_part(owner, s);
  }

  /// Opens the part an item's own shape names (no heading printed over it) and takes the item;
  /// only a part not read yet, so that a later mention in a sentence opens nothing.
  bool open_implied_part(const part_rule* owner, segment& s) {
    if (!owner) return false;
    for (const auto& p : parts_)
      if (p.rule == owner) return false;
    flush_pending();
    start_part(owner);
    return take_item(s);
  }

  /// A table's row of column names with no rule under it ("Duty<TAB>KSBs"),
  /// right above a row that opens with an item label: table furniture, not a
  /// paragraph and a group heading.
  bool take_column_names(segment& s) {
    if (!s.cell || k_ + 1 >= segs_.size()) return false;
    std::size_t last = k_;
    while (last + 1 < segs_.size() && segs_[last + 1].line == s.line) ++last;
    if (last == k_ || last + 1 >= segs_.size()) return false;  // one cell is no row of names
    for (std::size_t j = k_; j <= last; ++j) {
      std::string_view c = segs_[j].text.text();
      if (!segs_[j].cell || c.size() > max_column_name || ends_sentence(c)) return false;
      // a name may read like a label ("Level 2 Pass"), not like one of the part's ("P1")
      int level = -1;
      std::string_view band;
      if (label_here(segs_[j], level, band)) return false;
    }
    // the names again, as a table's header is printed again after a page break: furniture
    // whatever follows; else the row must stand over an item
    std::string names;
    for (std::size_t j = k_; j <= last; ++j) names.append(segs_[j].text.text()).push_back('\t');
    if (!column_names_.count(names)) {
      int level = -1;
      std::string_view band;
      if (!label_here(segs_[last + 1], level, band)) return false;
      column_names_.insert(std::move(names));
    }
    mark_furniture(ctx_, s.line, "table_header");
    k_ = last;
    return true;
  }

  /// A part read before, closed by headings and prose between its items (a unit's content under
  /// each learning aim, then the aim's criteria), goes on where a line opens with an item of it
  /// that only it could hold: a code of its levels' shapes or a capital letter set apart, in
  /// sequence, with its text, and not one of its items already (a list of the codes an
  /// assignment covers names them).
  bool resume_part(segment& s) {
    for (auto it = parts_.rbegin(); it != parts_.rend(); ++it) {
      if (!it->rule || it->rule->levels.empty() || it->items.empty()) continue;
      part_ = &*it;
      group_ = nullptr;
      open_.clear();
      int level = -1;
      std::string_view band;
      std::string_view t = s.text.text();
      auto m = shaped_label(s, level, band);
      bool resumes = m && m->rest < t.size() && !holds_code(part_->items, code_of(m->value));
      if (resumes) {
        close_section();
        if (part_->items.back().group) group_ = &part_->items.back();
        ctx_.report(diag::part_resumed, severity::note, ctx_.span_of(s.text),
                    "\"" + std::string(part_->heading.empty() ? part_->rule->role : part_->heading) +
                        "\" goes on after the text between its items",
                    t);
        return take_item(s);
      }
      part_ = nullptr;
      return false;  // only the last part read goes on
    }
    return false;
  }

  static bool holds_code(const std::vector<node>& items, const std::string& code) {
    for (const auto& n : items)
      if ((!n.group && n.code == code) || holds_code(n.children, code)) return true;
    return false;
  }

  /// "GSCE English: No" under a criterion: a line naming a property of the open item, by the
  /// labels its level's `fields` give; a child of its own kind. The item's text ends before it.
  bool take_item_field(segment& s) {
    if (prose_since_item_) return false;  // after the part's prose the item is over
    const auto& levels = part_->rule->levels;
    // the innermost open item whose level has fields: a field under a criterion's last sub-item is the criterion's
    std::size_t owner = open_.size();
    while (owner > 0) {
      const auto l = static_cast<std::size_t>(open_[owner - 1]->level);
      if (l < levels.size() && !levels[l].fields.empty()) break;
      --owner;
    }
    if (owner == 0) return false;
    const auto level = static_cast<std::size_t>(open_[owner - 1]->level);
    std::string_view t = s.text.text();
    for (const auto& field : levels[level].fields)
      for (const auto& label : field.labels) {
        auto n = phrase_prefix(t, label);
        if (n == std::string_view::npos || n >= t.size() || t[n] != ':') continue;
        std::size_t v = n + 1;
        while (v < t.size() && t[v] == ' ') ++v;
        flush_pending();
        node f;
        f.level = static_cast<int>(level) + 1;
        f.kind = item_field_kind;
        f.code = field.name;
        f.label_begin = s.text.source_of(0);
        f.label_end = s.text.source_end_of(static_cast<std::uint32_t>(n + 1));
        f.text = s.text.slice(static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(t.size()));
        f.first_line = f.last_line = s.line;
        mark_content(s.line);
        open_.resize(owner);
        open_.back()->children.push_back(std::move(f));
        extend_part(s.text);
        return true;
      }
    return false;
  }

  /// The first cell of a table row whose next cell opens with an item of the part ("Level 1 Pass |
  /// A.1P1 Identify …"): the row's header, table furniture (a column of band names beside the
  /// criteria).
  bool take_row_header(segment& s) {
    if (!s.cell || k_ + 1 >= segs_.size() || segs_[k_ + 1].line != s.line) return false;
    if (k_ > 0 && segs_[k_ - 1].line == s.line && segs_[k_ - 1].cell) return false;  // the first cell only
    std::string_view t = s.text.text();
    if (t.size() > max_column_name || ends_sentence(t)) return false;
    int level = -1;
    std::string_view band;
    // beside coded items only (band names beside graded criteria); other first cells head groups
    if (!code_label(segs_[k_ + 1].text.text(), level, band)) return false;
    furniture f;
    f.id = ctx_.ids.claim("furniture/row-header-" + std::to_string(s.line + 1));
    f.span = ctx_.span_of(s.text);
    f.role = "row_header";
    f.text = ctx_.keep(s.text);
    ctx_.furniture_items.push_back(std::move(f));
    mark_content(s.line);
    return true;
  }

  /// A heading that opens with a group label of one of the profile's parts ("Component 1: Exploring
  /// Media Products"): a group of that part's items, opening the part where no heading of its own
  /// was printed. The label must be followed by a ":" or a title in capitals, not by a sentence
  /// about it ("Component 1 is assessed …").
  bool take_labelled_group(segment& s) {
    std::string_view t = s.text.text();
    if (t.size() > max_group_heading || s.bullet) return false;
    auto m = grammar::match_item_label(t);
    if (!m || m->value.prefix.empty() || m->value.path.size() != 1) return false;
    const part_rule* owner = nullptr;
    for (const auto& r : prof_.parts)
      for (const auto& g : r.groups)
        if (!owner && label_fits(g, m->value)) owner = &r;
    if (!owner) return false;
    std::size_t rest = m->rest;
    while (rest < t.size() && t[rest] == ' ') ++rest;
    const bool colon = m->value.close == ':' || (rest < t.size() && t[rest] == ':');
    while (rest < t.size() && (t[rest] == ' ' || t[rest] == ':' || t[rest] == '-')) ++rest;
    if (t.substr(rest, 3) == "\xE2\x80\x93") rest += 3;
    while (rest < t.size() && t[rest] == ' ') ++rest;
    if (!colon && (rest >= t.size() || !starts_upper(t.substr(rest)) || ends_sentence(t))) return false;
    flush_pending();
    if (!part_ || part_->rule != owner) start_part(owner);
    seen_structure_ = true;
    open_.clear();
    node g;
    g.group = true;
    g.label = m->value;
    g.code = code_of(m->value);
    g.label_begin = s.text.source_of(0);
    g.label_end = s.text.source_end_of(static_cast<std::uint32_t>(label_length(t, m->rest)));
    g.text = s.text.slice(static_cast<std::uint32_t>(rest), static_cast<std::uint32_t>(t.size()));
    g.first_line = g.last_line = s.line;
    mark_content(s.line);
    extend_part(s.text);
    if (heading_goes_on(s)) {
      // its title wrapped onto the next line ("Learning aim A: Explore how … to promote" / "products")
      take_next_line();
      g.text.join(segs_[k_].text);
      g.last_line = segs_[k_].line;
    }
    part_->items.push_back(std::move(g));
    group_ = &part_->items.back();
    return true;
  }

  /// A grid's header cells printed a line each (a PDF's text gives a table's header row a cell a
  /// line: "Pass" / "Merit" / "Distinction"): the names of bands the part's codes are shaped for,
  /// two in a row at least, are the grid's furniture.
  bool take_band_name(const segment& s) {
    // (two names in a row at least: one alone may be a cell's text)
    if (!band_name(s) || !((k_ > 0 && band_header_ == k_ - 1) || (k_ + 1 < segs_.size() && band_name(segs_[k_ + 1]))))
      return false;
    // (once a line: the names of a header set with spaces are its cells, a segment each)
    if (ctx_.use[s.line] != line_use::furniture) mark_furniture(ctx_, s.line, "table_header");
    band_header_ = k_;
    return true;
  }

  /// Whether a segment is alone the name of a band the part's codes are shaped for ("Merit").
  bool band_name(const segment& s) const {
    if (s.cell || s.bullet || !part_ || !part_->rule) return false;
    const auto f = fold(s.text.text());
    for (const auto& level : part_->rule->levels)
      for (const auto& c : level.codes) {
        std::string name = c.band;
        std::replace(name.begin(), name.end(), '_', ' ');
        if (!name.empty() && f == fold(name)) return true;
      }
    return false;
  }

  /// Moves on to the next segment, read as part of what the one before it opened (a heading's
  /// second line): its line is content of the open part.
  void take_next_line() {
    ++k_;
    mark_content(segs_[k_].line);
    extend_part(segs_[k_].text);
  }

  /// Whether the next segment is the line right under segment `s` (at k_), a line of text of its
  /// own, no blank line, furniture or table's cell between.
  bool next_line_under(const segment& s) const {
    if (k_ + 1 >= segs_.size() || s.cell) return false;
    const auto& next = segs_[k_ + 1];
    return next.line == s.line + 1 && !next.blank_before && !next.furniture_before && !next.cell;
  }

  /// Whether the heading of segment `s` (at k_) wrapped onto the next segment: the next line, no
  /// blank line between, goes on the heading's line (clean/line_wrap.hpp) and opens nothing of its
  /// own (a heading, a lead-in, a field, an item).
  bool heading_goes_on(const segment& s) {
    if (!next_line_under(s)) return false;
    const auto& next = segs_[k_ + 1];
    const auto t = next.text.text();
    return !next.bullet && ctx_.wrap.goes_on(ctx_, s.line, t) &&
           !opens_anything(next) && !starts_field(k_ + 1) && !grammar::match_item_label(t) &&
           std::none_of(lead_ins_.begin(), lead_ins_.end(),
                        [&](const auto& li) { return phrase_prefix(t, li.first) != std::string_view::npos; }) &&
           s.text.text().size() + t.size() < max_title;
  }

  /// Whether `t`, a line of a heading's length, stands right before the item that numbers on from
  /// the open one at the part's first level.
  bool next_in_sequence(std::string_view t) {
    if (t.size() > max_heading || open_.size() != 1 || k_ + 1 >= segs_.size()) return false;
    const node& open = *open_.back();
    // (where the part's items are each printed on a line of their own: where one wraps, a line above
    // the next item may be its last words -- unless it holds no comma, as the rest of an item listing
    // things would: "…such as Integration, System, User" / "Acceptance, Non-Functional, …")
    if (t.find(',') != std::string_view::npos)
      for (const auto& i : part_->items) {
        if (!i.group && i.first_line != i.last_line) return false;
        for (const auto& c : i.children)
          if (c.first_line != c.last_line) return false;
      }
    auto m = grammar::match_item_label(segs_[k_ + 1].text.text());
    return m && !open.label.path.empty() && m->value.path.size() == open.label.path.size() &&
           m->value.prefix == open.label.prefix && level_of(*part_->rule, m->value) == 0 &&
           m->value.path.back() == open.label.path.back() + 1;
  }

  /// Whether the last line of item `n` is too full for the first word of `t`, the document's
  /// lines hard-wrapped at `widest_line_`: `t` is where the item's text wrapped.
  bool wrapped_before(const node& n, std::string_view t) const { return full_line(n.last_line, t); }

  /// Whether a text ends where its phrase must go on on the next line: on "," or ";", or on one of
  /// the profiles' joining words ("… of the source language and of").
  bool must_go_on(std::string_view t) const {
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    if (!t.empty() && (t.back() == ',' || t.back() == ';')) return true;
    const auto space = t.find_last_of(' ');
    const auto last_word = space == std::string_view::npos ? t : t.substr(space + 1);
    return std::any_of(joining_words_.begin(), joining_words_.end(), [&](const std::string& w) { return w == last_word; });
  }

  /// Whether source line `l` is too full for the first word of `t`, the document's lines
  /// hard-wrapped at `widest_line_` (clean/line_wrap.hpp, against the width of the segments' texts).
  bool full_line(std::uint32_t l, std::string_view t) const { return ctx_.wrap.full(ctx_, l, t, widest_line_); }

  /// A short line right before a run of items heads a group of them
  /// (activity headings over performance criteria, sub-headings over knowledge).
  bool take_group(segment& s) {
    std::string_view t = s.text.text();
    if (t.size() > max_group_heading || ends_sentence(t) || !pending_labels_.empty() || !starts_upper(t)) return false;
    if (!open_.empty() && !ends_sentence(open_.back()->text.text()) && !s.bold && s.md_heading == 0) {
      // after an item with no closing punctuation, a line heads a group when it is set apart by a
      // blank line, or capitalised where the items are not ("the hazards of…" / "Working with clients")
      const auto& open_text = open_.back()->text.text();
      const bool items_lower = !open_text.empty() && open_text[0] >= 'a' && open_text[0] <= 'z';
      // or, in a part whose items the document already groups under headings, a line of a heading's
      // length right before the next item of the sequence ("… you do" / "Legislation and policy" / "3 …")
      if ((!s.blank_before || s.furniture_before) && !items_lower && !(group_ && next_in_sequence(t)))
        return false;
      // (nor where the item's last line had no room for the line's first word: a hard-wrapped item
      // goes on, "…such as Integration, System, User" / "Acceptance, Non-Functional, …" -- unless the
      // part's items, grouped under headings already, are each on a line of their own, the item ends
      // with no comma nor joining word ("… of" / "English") and the next item follows in sequence:
      // "4. … questions about them" / "Customer service" / "5. …")
      if (items_lower && !s.blank_before && !s.cell && wrapped_before(*open_.back(), t) &&
          !(group_ && next_in_sequence(t) && !must_go_on(open_text)))
        return false;
    }
    if (k_ + 1 >= segs_.size()) return false;
    auto m = grammar::match_item_label(segs_[k_ + 1].text.text());
    const bool bullets_follow = segs_[k_ + 1].bullet && bullet_level(*part_->rule) == 0;
    if (!bullets_follow && (!m || level_of(*part_->rule, m->value) != 0)) return false;
    flush_pending();
    open_.clear();
    node g;
    g.group = true;
    g.text = s.text;
    g.label_begin = g.label_end = s.text.source_begin();
    g.first_line = g.last_line = s.line;
    part_->items.push_back(std::move(g));
    group_ = &part_->items.back();
    mark_content(s.line);
    extend_part(s.text);
    return true;
  }

  bool take_continuation(segment& s) {
    std::string_view t = s.text.text();
    if (!pending_labels_.empty()) {
      // a label alone over its text, in turn ("4." / "warm or chill … being" / "served"): a short
      // heading after a break the wrap did not make, right before the next label, heads a group
      // ("Serve food at the table" / "5."), not the text's last words
      if (pending_labels_.size() == 1 && !pending_texts_.empty() && !s.cell && k_ + 1 < segs_.size() &&
          t.size() <= max_group_heading && !ends_sentence(t) && starts_upper(t) &&
          (s.blank_before || !full_line(segs_[pending_texts_.back()].line, t)) &&
          grammar::match_item_label(segs_[k_ + 1].text.text())) {
        flush_pending();
        if (take_group(s)) return true;
      }
      if (!pending_labels_.empty()) {
        pending_texts_.push_back(k_);
        mark_content(s.line);
        return true;
      }
    }
    if (open_.empty()) return false;
    node& cur = *open_.back();
    // a horizontal rule between them ends the item: what follows is another section's
    if (s.furniture_before)
      for (auto l = cur.last_line + 1; l < s.line && l < rule_line_.size(); ++l)
        if (rule_line_[l]) return false;
    // after the item's fields ("GSCE English: No"), its text is over: what follows is the part's prose
    if (!cur.children.empty() && cur.children.back().kind == item_field_kind) return false;
    // an item that lost its label: between two labelled items whose numbers leave room for it, set
    // apart by a blank line with a sentence's end, or by a break the wrap did not make (the item's
    // last line had room for the line's first word)
    if (!cur.label.path.empty() && starts_upper(t) &&
        ((s.blank_before && (ends_sentence(cur.text.text()) || sentence_ends_ahead())) ||
         (!s.blank_before && !s.cell && cur.last_line + 1 == s.line && !wrapped_before(cur, t))) &&
        next_label_skips_one(cur)) {
      node n;
      n.level = cur.level;
      n.label = cur.label;
      n.label.path.back() += 1;
      n.code = code_of(n.label);
      n.inferred = true;
      n.text = s.text;
      n.label_begin = n.label_end = s.text.source_begin();
      n.first_line = n.last_line = s.line;
      ctx_.report(diag::number_inferred, severity::warning, ctx_.span_of(s.text),
                  "item printed without its label; numbered " + n.code + " from the sequence", t, n.code + " " + std::string(t));
      mark_content(s.line);
      auto& c = container_of(n.level);
      open_.pop_back();
      c.push_back(std::move(n));
      open_.push_back(&c.back());
      extend_part(s.text);
      return true;
    }
    if (s.cell && ends_sentence(cur.text.text()) && starts_upper(t)) return false;
    // a paragraph after a blank line under a bulleted item that ended its sentence is the part's prose
    if (s.blank_before && !s.bullet && cur.label_end == cur.label_begin && cur.label.path.empty() &&
        !cur.label.letter && ends_sentence(cur.text.text()) && starts_upper(t))
      return false;
    if (s.cell && s.blank_before) return false;  // a table of its own after a blank line continues no item
    // nor does a line after a blank line under a table's rows continue an item read from a row (a
    // table's legend, a form after it)
    // (a row whose other cells are empty is a line ending in tabs)
    // (a page's furniture between them is a page break: the row goes on)
    if (!s.cell && !s.from_row && s.blank_before && !s.furniture_before && k_ > 0 && segs_[k_ - 1].from_row)
      return false;
    // and a line right under such prose goes on with it, not with the item above the prose
    if (!s.blank_before && !s.cell && last_prose_segment_ + 1 == k_) return false;
    // after a blank line, a heading the profile does not know ("Additional Information") ends the part:
    // what follows is a section of its own, not the last item's text
    // so does a short line set apart by blank lines on both sides, after an item that ended its
    // sentence ("Assessment guidance", headings in sentence case)
    const bool set_apart = k_ + 1 < segs_.size() && segs_[k_ + 1].blank_before && t.size() <= max_heading &&
                           !ends_sentence(t) && starts_upper(t) && ends_sentence(cur.text.text()) &&
                           !items_ahead();
    if (s.blank_before && !s.cell && !s.bullet && k_ + 1 < segs_.size() && (heading_shaped(t) || set_apart)) {
      close_part();
      open_section(s);
      return true;
    }
    // so does such a heading between two breaks the wrap did not make, in hard-wrapped lines with no
    // blank lines between blocks (pdftotext's): the item's last line had room for its first word, and
    // it has room for the next line's ("… in line with local policy" / "Practice Notes" / "Where …")
    if (!s.blank_before && !s.cell && !s.bullet && k_ + 1 < segs_.size() && !segs_[k_ + 1].blank_before &&
        !segs_[k_ + 1].cell && heading_shaped(t) && t.size() <= max_heading && cur.last_line + 1 == s.line &&
        segs_[k_ + 1].line == s.line + 1 && !wrapped_before(cur, t) && !items_ahead()) {
      if (!full_line(s.line, segs_[k_ + 1].text.text()) && starts_upper(segs_[k_ + 1].text.text())) {
        close_part();
        open_section(s);
        return true;
      }
    }
    if (interleaved_continuation(s)) return true;
    const std::size_t before = cur.text.text().size();
    join_text(cur, s);
    // items run together over wrapped lines ("… ready for the" / "delivery 2. confirm …"): split
    // at the next label of the sequence in the text just joined
    if (!open_.empty() && open_.back() == &cur) split_run_together(before);
    return true;
  }

  /// Two columns printed side by side (the outcome on the left, its criteria on
  /// the right) come out of a PDF interleaved line by line: "1 Understand the
  /// legal and" / "1.1 Identify …" / "organisational requirements for" / "1.2 …".
  /// Under two column headers, a line in lower case right after a labelled item
  /// of the right column goes on the left column's unfinished text.
  bool interleaved_continuation(const segment& s) {
    if (!part_ || !part_->side_by_side() || open_.size() < 2 || k_ == 0) return false;
    node& left = *open_.front();
    node& right = *open_.back();
    std::string_view t = s.text.text();
    if (t.empty() || !(t[0] >= 'a' && t[0] <= 'z') || ends_sentence(left.text.text())) return false;
    if (right.last_line + 1 != s.line || right.first_line != right.last_line) return false;  // the right item is one line
    // (the left item's first child on the left item's own line, run in after one space: the row's
    // cells written one after the other, no columns side by side)
    if (!left.children.empty()) {
      const auto child = left.children.front().label_begin;
      if (ctx_.lines.line_of(child) == ctx_.lines.line_of(left.label_begin) && child >= 2 &&
          ctx_.src[child - 1] == ' ' && ctx_.src[child - 2] != ' ')
        return false;
    }
    // (a line set in as far as the right item's label or further is that item's text wrapped, as a
    // layout of spaces prints it: "1.3 Describe ways … do not" / "    obstruct the quality of work")
    if (column_of(right.label_begin) > column_of(left.label_begin) &&
        column_of(s.text.source_begin()) >= column_of(right.label_begin))
      return false;
    join_text(left, s);
    ctx_.report(diag::columns_interleaved, severity::warning, ctx_.span_of(s.text),
                "two columns interleaved line by line: text joined to " +
                    (left.code.empty() ? std::string("the item it continues") : left.code) + " in the left column",
                t, joined_tail(left.text.text()));
    return true;
  }

  /// Whether an item of the open part follows within the next segments (so that a short line
  /// between its items is no heading that ends it).
  bool items_ahead() {
    for (std::size_t j = k_ + 1; j < segs_.size() && j <= k_ + max_lookahead; ++j) {
      int level = -1;
      std::string_view band;
      if (label_here(segs_[j], level, band)) return true;
    }
    return false;
  }

  /// Whether the current segment's text ends a sentence, on its own line or
  /// on the lines it goes on into: hard-wrapped, the lines under it with no
  /// blank line between that begin in lower case and have no label.
  bool sentence_ends_ahead() const {
    std::size_t j = k_;
    while (j + 1 < segs_.size() && j < k_ + 40 && !segs_[j + 1].blank_before && !segs_[j + 1].bullet &&
           !segs_[j + 1].cell && starts_lower(segs_[j + 1].text.text()) &&
           !grammar::match_item_label(segs_[j + 1].text.text()))
      ++j;
    return ends_sentence(segs_[j].text.text());
  }

  bool next_label_skips_one(const node& cur) {
    for (std::size_t j = k_ + 1; j < segs_.size() && j < k_ + 40; ++j) {
      auto m = grammar::match_item_label(segs_[j].text.text());
      if (!m) continue;
      if (level_of(*part_->rule, m->value) != cur.level) return false;
      return m->value.path.size() == cur.label.path.size() && m->value.prefix == cur.label.prefix &&
             m->value.path.back() == cur.label.path.back() + 2;
    }
    return false;
  }

  void join_text(node& cur, const segment& s) {
    if (cur.text.empty()) cur.text = s.text;
    else cur.text.join(s.text);
    if (s.furniture_before)  // (the joined text's end: an item over many pages is not said whole at each)
      ctx_.report(diag::rejoined_page_break, severity::warning, ctx_.span_of(s.text),
                  "text continued after a page break or running header; joined to " +
                      (cur.code.empty() ? std::string("the item before") : cur.code),
                  s.text.text(), joined_tail(cur.text.text()));
    cur.last_line = s.line;
    mark_content(s.line);
    extend_part(s.text);
  }

  /// Pairs a run of labels printed apart from their texts with the texts:
  /// one each when the counts agree, else at sentence ends that start a line,
  /// else at sentence ends inside the text.
  void flush_pending() {
    if (pending_labels_.empty()) {
      pending_texts_.clear();
      return;
    }
    auto labels = std::move(pending_labels_);
    auto texts = std::move(pending_texts_);
    pending_labels_.clear();
    pending_texts_.clear();
    const std::size_t n = labels.size();
    std::vector<clean::rich_text> parts(n);
    bool paired = true;
    if (texts.size() == n) {
      for (std::size_t i = 0; i < n; ++i) parts[i] = segs_[texts[i]].text;
    } else if (n == 1) {
      for (auto j : texts) parts[0].empty() ? void(parts[0] = segs_[j].text) : parts[0].join(segs_[j].text);
    } else if (texts.size() > n) {
      // boundaries where a line starts a sentence after one that ended
      std::vector<std::size_t> starts{0};
      for (std::size_t i = 1; i < texts.size(); ++i)
        if (ends_sentence(segs_[texts[i - 1]].text.text()) && starts_upper(segs_[texts[i]].text.text()))
          starts.push_back(i);
      if (starts.size() == n) {
        for (std::size_t p = 0; p < n; ++p) {
          std::size_t end = p + 1 < n ? starts[p + 1] : texts.size();
          for (std::size_t i = starts[p]; i < end; ++i)
            parts[p].empty() ? void(parts[p] = segs_[texts[i]].text) : parts[p].join(segs_[texts[i]].text);
        }
      } else {
        paired = false;
      }
    } else if (!texts.empty()) {
      // fewer lines than labels: split the joined text at sentence ends
      clean::rich_text all = segs_[texts[0]].text;
      for (std::size_t i = 1; i < texts.size(); ++i) all.join(segs_[texts[i]].text);
      std::string_view t = all.text();
      std::vector<std::size_t> cuts{0};
      for (std::size_t i = 1; i + 1 < t.size(); ++i)
        if (t[i] == ' ' && ends_sentence(t.substr(0, i)) && starts_upper(t.substr(i + 1))) cuts.push_back(i + 1);
      if (cuts.size() == n) {
        for (std::size_t p = 0; p < n; ++p) {
          std::size_t e = p + 1 < n ? cuts[p + 1] - 1 : t.size();
          parts[p] = all.slice(static_cast<std::uint32_t>(cuts[p]), static_cast<std::uint32_t>(e));
        }
      } else {
        paired = false;
      }
    }
    if (!paired) {
      // the shape does not decide: texts in order, one each, the rest to the last
      for (std::size_t i = 0; i < texts.size(); ++i) {
        auto p = std::min(i, n - 1);
        parts[p].empty() ? void(parts[p] = segs_[texts[i]].text) : parts[p].join(segs_[texts[i]].text);
      }
    }
    if (n > 1 && !texts.empty()) {
      std::string codes = labels.front().code + "…" + labels.back().code;
      clean::rich_text all = segs_[texts[0]].text;
      for (std::size_t i = 1; i < texts.size(); ++i) all.join(segs_[texts[i]].text);
      ctx_.report(diag::labels_detached, paired ? severity::warning : severity::error,
                  ctx_.span(labels.front().label_begin, all.source_end()),
                  paired ? "labels " + codes + " printed apart from their texts; paired by count and sentence shape"
                         : "labels " + codes + " printed apart from their texts; " + std::to_string(n) +
                               " labels but the texts do not divide into as many sentences: given in order, check them",
                  std::string(ctx_.src.substr(labels.front().label_begin,
                                              labels.back().label_end - labels.front().label_begin)),
                  std::string(labels.front().code) + " " + std::string(parts.front().text()));
    }
    segment dummy;
    for (std::size_t i = 0; i < n; ++i) {
      labels[i].text = std::move(parts[i]);
      dummy.text = labels[i].text.empty() ? clean::rich_text{} : labels[i].text;
      if (!texts.empty()) labels[i].last_line = segs_[texts.back()].line;
      push_item(std::move(labels[i]), dummy);
    }
  }

  // ---- prose ------------------------------------------------------------------

  /// Where the code after a title label's word sits ("Unit CU1 …", "UNIT HSC21 …": the word of
  /// one of the profile's title labels, any case, then a word of capitals and digits that begins
  /// with a capital and holds a digit), as [begin, end) in `t`; none for another line.
  std::optional<std::pair<std::size_t, std::size_t>> code_after_title_word(std::string_view t, std::size_t word_end) {
    const auto word = t.substr(0, word_end);
    const bool titled = std::any_of(prof_.title_labels.begin(), prof_.title_labels.end(), [&](const label_pattern& p) {
      return !p.prefix.empty() && p.prefix.size() == word.size() &&
             std::equal(word.begin(), word.end(), p.prefix.begin(),
                        [](char a, char b) { return std::toupper(static_cast<unsigned char>(a)) == b; });
    });
    if (!titled) return std::nullopt;
    std::size_t b = word_end;
    while (b < t.size() && t[b] == ' ') ++b;
    std::size_t e = b;
    while (e < t.size() && (is_upper(t[e]) || is_digit(t[e]))) ++e;
    if (e == b || e - b > 12 || !is_upper(t[b]) || e >= t.size() || (t[e] != ' ' && t[e] != '\t') ||
        std::none_of(t.begin() + static_cast<std::ptrdiff_t>(b), t.begin() + static_cast<std::ptrdiff_t>(e),
                     [](char c) { return is_digit(c); }))
      return std::nullopt;
    return std::pair{b, e};
  }

  /// Where a code of capitals and digits ends that stands a gap apart (a tab, or two spaces or more,
  /// in the source) before the title: "LMC B2      Lead and manage …", one to three words of
  /// capitals, digits and dots, a capital and a digit among them. [0, end) in the text; none for
  /// another line.
  std::optional<std::pair<std::size_t, std::size_t>> code_before_gap(const clean::rich_text& rt) const {
    const std::string_view t = rt.text();
    auto wide = [&](std::size_t at) {  // the space at `at` stands for a gap of white space, no markup
      const auto from = rt.source_end_of(static_cast<std::uint32_t>(at));
      const auto to = rt.source_of(static_cast<std::uint32_t>(at + 1));
      if (to <= from) return false;
      // (spaces, tabs and no-break spaces, as a word processor's export writes a run of spaces)
      const auto gap = ctx_.src.substr(from, to - from);
      for (std::size_t i = 0; i < gap.size(); ++i)
        if (gap[i] == '\xC2' && i + 1 < gap.size() && gap[i + 1] == '\xA0') ++i;
        else if (gap[i] != ' ' && gap[i] != '\t') return false;
      return gap.size() >= 2 || gap == "\t";
    };
    std::size_t e = 0, words = 1;
    for (; e < t.size() && e <= 16; ++e) {
      if (is_upper(t[e]) || is_digit(t[e]) || t[e] == '.') continue;
      if (t[e] != ' ' || e == 0) return std::nullopt;
      if (wide(e)) break;
      if (++words > 3) return std::nullopt;
    }
    if (e == 0 || e > 16 || e + 1 >= t.size() || t[e] != ' ') return std::nullopt;
    const auto code = t.substr(0, e);
    if (std::none_of(code.begin(), code.end(), [](char c) { return is_digit(c); }) || !is_upper(code[0]))
      return std::nullopt;
    return std::pair<std::size_t, std::size_t>{0, e};
  }

  /// Whether `t`, the line under the title's last, goes on with it (see take_prose): wrapped, and
  /// opening nothing of its own (no field, heading or item).
  bool title_goes_on(std::string_view t) {
    return title_wraps(title_text_.text(), t, joining_words_) && !starts_field(k_) && !opens_anything(segs_[k_]) &&
           !grammar::match_item_label(t);
  }

  /// The standard's title, printed on line `line` of the segment read now.
  void set_title(const clean::rich_text& title, std::uint32_t line) {
    title_ = ctx_.keep(title);
    title_text_ = title;
    title_span_ = ctx_.span_of(title);
    title_line_ = line;
    title_segment_ = k_;
  }

  void take_prose(segment& s) {
    std::string_view t = s.text.text();
    const bool before_anything = !seen_structure_ && parts_.empty() && sections_.empty() && !prose_seen_;
    // a line that is only a document code, above the title ("COSVR712"): the standard's code
    if (before_anything && printed_code_.empty() && !s.cell) {
      auto code = grammar::match_document_code(t);
      if (code && code->rest >= t.size()) {
        printed_code_ = ctx_.keep(s.text);
        printed_code_span_ = ctx_.span_of(s.text);
        mark_content(s.line);
        return;
      }
      // the code and the title on the first line ("SCDHSC0033 Develop your practice", a page's or a
      // PDF footer's heading): the code, then the title
      const auto first_word = t.substr(0, std::min(t.find(' '), t.find('\t')));
      if (!code && first_word.size() < t.size()) code = grammar::match_document_code(first_word);
      // "Unit CU1 Promote …": the word of a title label of the profile's, then a code of capitals and
      // digits, however short
      std::size_t code_begin = 0;
      if (!code && first_word.size() < t.size()) {
        auto at = code_after_title_word(t, first_word.size());
        if (!at) at = code_before_gap(s.text);
        if (at) {
          code_begin = at->first;
          code = grammar::prefix_match<std::string>{std::string(t.substr(at->first, at->second - at->first)), at->second};
        }
      }
      // (a family whose standards have codes: the profile names a code field)
      if (code && code->rest < t.size() && title_.empty() && fields_found_.empty() && !prof_.code_field.empty()) {
        const std::size_t code_end = code_begin + code->value.size();  // the match's rest may take the gap after it
        std::size_t rest = code_end;
        while (rest < t.size() && (t[rest] == ' ' || t[rest] == '\t')) ++rest;
        auto title_text = t.substr(rest);
        if (rest > code_end && !title_text.empty() && title_text.size() <= max_title && starts_upper(title_text) &&
            !ends_sentence(title_text)) {
          auto printed = s.text.slice(static_cast<std::uint32_t>(code_begin), static_cast<std::uint32_t>(code_end));
          printed_code_ = ctx_.keep(printed);
          printed_code_span_ = ctx_.span_of(printed);
          auto title = s.text.slice(static_cast<std::uint32_t>(rest), static_cast<std::uint32_t>(t.size()));
          set_title(title, s.line);
          mark_content(s.line);
          return;
        }
      }
    }
    // the same line further down, after an overview's paragraphs but before any item (a PDF's page
    // heading, code over title, that its text extraction put after the page's first paragraphs):
    // the standard's code, and a short line right under it that opens nothing its title
    if (!before_anything && printed_code_.empty() && !s.cell && !prof_.code_field.empty() && fields_found_.empty() &&
        title_.empty() && k_ + 1 < segs_.size() && !segs_[k_ + 1].cell && segs_[k_ + 1].line == s.line + 1) {
      const auto code = grammar::match_document_code(t);
      const auto next = segs_[k_ + 1].text.text();
      if (code && code->rest >= t.size() && next.size() <= max_title && starts_upper(next) && !ends_sentence(next) &&
          !opens_anything(segs_[k_ + 1]) && !grammar::match_item_label(next) &&
          std::all_of(parts_.begin(), parts_.end(), [](const part_build& p) { return p.items.empty(); })) {
        printed_code_ = ctx_.keep(s.text);
        printed_code_span_ = ctx_.span_of(s.text);
        mark_content(s.line);
        ++k_;
        set_title(segs_[k_].text, segs_[k_].line);
        mark_content(segs_[k_].line);
        ctx_.report(diag::heading_after_text, severity::note, merge(printed_code_span_, title_span_),
                    "a line that is only a code, and a short line under it, after the opening paragraphs: read as the "
                    "standard's code and title",
                    std::string(t) + "\n" + std::string(title_));
        return;
      }
    }
    // the title printed again on its own, under the line that gave it with its code: the page's heading
    if (!title_.empty() && !printed_code_.empty() && before_anything && !s.cell && fold(t) == fold(title_)) {
      mark_furniture(ctx_, s.line, "repeated_title");
      return;
    }
    // the title: the first short line of prose before anything else, no sentence; a title wrapped
    // over lines goes on on the next line when that starts in lower case, the title so far ends
    // with a joining word ("… Leadership and" / "Management …"), or both are in capitals ("UNIT 2:
    // EQUALITY, DIVERSITY" / "AND INCLUSION IN HEALTH,") -- and the line opens nothing of its own
    if (!title_.empty() && title_line_ + 1 == s.line && k_ == title_segment_ + 1 && !s.blank_before && !s.cell &&
        !t.empty() && parts_.empty() && (fields_found_.empty() || last_field_segment_ <= title_segment_) &&
        title_goes_on(t) &&
        title_text_.text().size() + t.size() <= 2 * max_title) {
      title_text_.join(s.text);
      title_ = ctx_.keep(title_text_);
      title_span_ = ctx_.span_of(title_text_);
      title_line_ = s.line;
      title_segment_ = k_;
      mark_content(s.line);
      return;
    }
    // "Unit 12" in a table row's first cell, the title in the next cell of the row -- or that row
    // written a cell a line, "Unit 12" alone on its line over the title
    if (title_.empty() && before_anything && fields_found_.size() <= 6 && k_ + 1 < segs_.size() &&
        ((s.cell && segs_[k_ + 1].cell && segs_[k_ + 1].line == s.line) ||
         (!s.cell && !segs_[k_ + 1].cell && segs_[k_ + 1].line == s.line + 1 && !opens_anything(segs_[k_ + 1])))) {
      const auto next = segs_[k_ + 1].text.text();
      if (auto m = grammar::match_item_label(t); m && m->rest >= t.size() && next.size() <= max_title &&
                                                 !ends_sentence(next) && title_label(s, t, m->value, t.size())) {
        ++k_;
        const auto& title = segs_[k_].text;
        set_title(title, segs_[k_].line);
        mark_content(s.line);
        mark_content(segs_[k_].line);
        return;
      }
    }
    if (title_.empty() && before_anything && fields_found_.size() <= 6 && t.size() <= max_title && !s.cell &&
        !ends_sentence(t)) {
      auto title = s.text;
      // "Unit 12: Title": the profile's label before the title gives a field, the title is the rest
      // (after a colon, a cell's edge, or a space before a capital: "Unit 12 Title", as a printed
      // page's text gives a label and its title a gap apart)
      if (auto m = grammar::match_item_label(t);
          m && m->rest < t.size() && (m->value.close == ':' || cell_after(s, t, m->rest) || is_upper(t[m->rest])) &&
          title_label(s, t, m->value, m->rest))
        title = s.text.slice(static_cast<std::uint32_t>(m->rest), static_cast<std::uint32_t>(t.size()));
      set_title(title, s.line);
      mark_content(s.line);
      return;
    }
    prose_seen_ = true;
    mark_content(s.line);
    // a line goes on the paragraph before when that one was cut by the wrap (it reaches near the
    // document's widest line) or this one starts in lower case; short lines one under another
    // ("Maintenance technician" / "Multi-skilled engineer") are a list
    const bool wrapped = (!t.empty() && t[0] >= 'a' && t[0] <= 'z') ||
                         (last_prose_segment_ + 1 == k_ && last_prose_width_ * 2 >= widest_line_);
    last_prose_width_ = characters(t);
    last_prose_segment_ = k_;
    if (part_) {
      extend_part(s.text);
      prose_since_item_ = true;
      if (!part_->blocks.empty() && !s.blank_before && !s.bullet && wrapped &&
          part_->blocks.back().which == block::type::paragraph && !ends_sentence(part_->blocks.back().para.text)) {
        // a paragraph hard-wrapped over lines
        append_to_last(part_->blocks, s);
        return;
      }
      add_block(part_->blocks, s);
      return;
    }
    if (!section_) open_section_plain();
    if (!section_->blocks.empty() && !s.blank_before && !s.bullet && wrapped &&
        section_->blocks.back().which == block::type::paragraph && !ends_sentence(section_->blocks.back().para.text)) {
      append_to_last(section_->blocks, s);
      return;
    }
    add_block(section_->blocks, s);
  }

  void add_block(std::vector<block>& blocks, const segment& s) {
    if (s.bullet) {
      if (blocks.empty() || blocks.back().which != block::type::list) {
        block b;
        b.which = block::type::list;
        blocks.push_back(std::move(b));
      }
      list_item li;
      li.span = ctx_.span_of(s.text);
      li.text = ctx_.keep(s.text);
      blocks.back().items.items.push_back(li);
      blocks.back().items.span = merge(blocks.back().items.span, li.span);
      return;
    }
    block b;
    b.para.span = ctx_.span_of(s.text);
    b.para.text = ctx_.keep(s.text);
    blocks.push_back(std::move(b));
  }

  void append_to_last(std::vector<block>& blocks, const segment& s) {
    auto& p = blocks.back().para;
    std::string joined(p.text);
    joined += ' ';
    joined += s.text.text();
    p.text = ctx_.keep(joined);
    p.span = merge(p.span, ctx_.span_of(s.text));
  }

  void open_section(const segment& s) {
    close_section();
    sections_.push_back({});
    section_ = &sections_.back();
    section_->heading = ctx_.keep(s.text);
    section_->span = ctx_.span_of(s.text);
    mark_content(s.line);
  }
  void open_section_plain() {
    sections_.push_back({});
    section_ = &sections_.back();
  }
  void close_section() { section_ = nullptr; }

  void mark_content(std::uint32_t l) {
    if (ctx_.use[l] != line_use::furniture) ctx_.use[l] = line_use::content;
  }

  // ---- the end ----------------------------------------------------------------

  /// The document stops inside its last item when that item has no closing
  /// punctuation and its siblings mostly do, or the source has no final
  /// line break: it is marked incomplete, never completed.
  void mark_incomplete_end() {
    if (parts_.empty()) return;
    // the last item in source order
    node* last = nullptr;
    std::vector<node>* siblings = nullptr;
    for (auto& p : parts_) {
      std::vector<node>* c = &p.items;
      node* deepest = nullptr;
      while (!c->empty()) {
        siblings = c;
        deepest = &c->back();
        c = &deepest->children;
      }
      if (deepest && (!last || deepest->label_begin > last->label_begin)) last = deepest;
    }
    if (!last || last->group || last->text.empty()) return;
    // anything read after it (a field, a paragraph) means the document goes on
    if (last->text.source_end() < last_read_end_) return;
    std::string_view t = last->text.text();
    if (ends_sentence(t)) return;
    // (a page break, a form feed, ends a page as a line break ends a line: pdftotext's last page)
    bool no_final_break =
        !ctx_.src.empty() && ctx_.src.back() != '\n' && ctx_.src.back() != '\r' && ctx_.src.back() != '\f';
    std::size_t closed = 0, count = 0;
    if (siblings)
      for (auto& n : *siblings)
        if (&n != last && !n.group) ++count, closed += ends_sentence(n.text.text()) ? 1 : 0;
    if (!no_final_break && !(count >= 2 && closed * 3 >= count * 2)) return;
    last->incomplete = true;
    ctx_.report(diag::incomplete_item, severity::warning, ctx_.span_of(last->text),
                "the document stops inside " + (last->code.empty() ? std::string("its last item") : last->code) +
                    "; kept as far as it goes and marked incomplete",
                t);
  }

  // ---- lowering -------------------------------------------------------------------

  outline_item lower_node(node& n, const part_rule& rule, const std::string& parent_id, std::size_t group_index) {
    outline_item it;
    const auto level = static_cast<std::size_t>(std::max(0, n.level));
    if (n.group) {
      it.kind = outline_item::group_kind;
      // a labelled group ("Component 2") is named by its code; its items are its own
      it.code = n.code.empty() ? "group-" + std::to_string(group_index) : n.code;
    } else {
      it.kind = ctx_.keep(!n.kind.empty() ? n.kind : std::string_view(rule.levels[std::min(level, rule.levels.size() - 1)].kind));
      it.code = n.code;
    }
    std::string stem = it.code;
    for (auto& c : stem) c = lower(c);
    it.id = unique_id(parent_id + "/" + slug(stem), n);
    it.label = n.label_end > n.label_begin ? ctx_.src.substr(n.label_begin, n.label_end - n.label_begin) : std::string_view{};
    if (it.label.find('*') != std::string_view::npos) {
      // "**S10**: …": the emphasis of a label printed in bold is no part of it ("S10:")
      std::string printed;
      for (char c : it.label)
        if (c != '*') printed.push_back(c);
      it.label = ctx_.keep(printed);
    }
    it.text = n.text.empty() ? std::string_view{} : ctx_.keep(n.text);
    it.incomplete = n.incomplete;
    it.label_inferred = n.inferred;
    it.band = n.band;
    std::size_t quantities = 0;
    if (!n.group && !n.text.empty()) it.quantities = quantities_in(it.text, &n.text, {}, it.id, quantities);
    auto end = n.text.empty() ? n.label_end : std::max(n.label_end, n.text.source_end());
    // (its text may begin on the lines over its label)
    it.span = ctx_.span(n.text.empty() ? n.label_begin : std::min(n.label_begin, n.text.source_begin()), end);
    if (!n.group && level < rule.levels.size() && !rule.levels[level].refs.empty()) {
      it.refs = refs_in(it.text, rule.levels[level]);
      // "Receive goods against the delivery note. K1 K2 S1 B1": the codes after the statement
      // are what it names, not its words
      if (auto cut = trailing_refs(it.text, rule.levels[level]); cut > 0)
        it.text = ctx_.keep(n.text.slice(0, static_cast<std::uint32_t>(cut)));
    }
    std::size_t g = 0;
    // labelled children of a group keep the part's id as their stem: moving an item between groups
    // keeps its id; items with no printed label, numbered by their place, are the group's
    for (auto& c : n.children) {
      const bool coded = c.group || c.label_end > c.label_begin || c.inferred;  // (a label printed or inferred)
      const std::string& child_parent = n.group && n.code.empty() && coded ? parent_id : it.id;
      auto child = lower_node(c, rule, child_parent, c.group ? ++g : 0);
      it.span = merge(it.span, child.span);
      it.children.push_back(std::move(child));
    }
    return it;
  }

  /// The quantities a text states by the profile's measures: a number or a range, up to three words
  /// ("optional specialist"), then a measure's words ("units", "GLH"): "4–6 optional specialist
  /// units" is units 4 to 6. `rich` maps the text to its source when there is one; otherwise each
  /// quantity's span is `whole`.
  std::vector<quantity> quantities_in(std::string_view t, const clean::rich_text* rich, source_span whole,
                                      const std::string& parent_id, std::size_t& counter) {
    std::vector<quantity> out;
    if (prof_.measures.empty()) return out;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (!is_digit(t[i]) || (i > 0 && (is_digit(t[i - 1]) || is_alpha(t[i - 1])))) continue;
      // a name's number is no count: "Level 3 units", "Unit 22", "Annexe 4" (a capital word inside a
      // sentence; "Select 2 units" opens one)
      if (i >= 2 && t[i - 1] == ' ') {
        std::size_t w = i - 1;
        while (w > 0 && is_alpha(t[w - 1])) --w;
        const bool opens_sentence = w == 0 || (w >= 2 && (t[w - 2] == '.' || t[w - 2] == ':' || t[w - 2] == ';'));
        if (w < i - 1 && is_upper(t[w]) && !opens_sentence) continue;
      }
      const char* first = t.data() + i;
      const char* last = t.data() + t.size();
      grammar::ast::count_range r;
      if (!boost::spirit::x3::parse(first, last, grammar::number_range(), r)) continue;
      std::size_t at = static_cast<std::size_t>(first - t.data());
      std::size_t end = 0;
      const field_rule* measure = nullptr;
      for (int words = 0; words <= max_quantity_words && at < t.size() && !measure; ++words) {
        while (at < t.size() && t[at] == ' ') ++at;
        for (const auto& m : prof_.measures)
          for (const auto& label : m.labels)
            if (auto k = phrase_prefix(t.substr(at), label); !measure && k != std::string_view::npos)
              measure = &m, end = at + k;
        if (measure || at >= t.size() || !is_alpha(t[at])) break;
        while (at < t.size() && (is_alpha(t[at]) || t[at] == '-')) ++at;  // a word between: "optional"
      }
      if (!measure) {
        i = static_cast<std::size_t>(first - t.data());
        continue;
      }
      quantity q;
      q.measure = ctx_.keep(measure->name);
      q.min = r.min;
      q.max = r.max ? r.max : r.min;
      q.text = t.substr(i, end - i);
      q.span = rich ? ctx_.span(rich->source_of(static_cast<std::uint32_t>(i)),
                                rich->source_end_of(static_cast<std::uint32_t>(end)))
                    : whole;
      q.id = ctx_.ids.claim(parent_id + "/quantity-" + std::to_string(++counter));
      out.push_back(q);
      i = end;
    }
    return out;
  }

  /// The id, or "-2", "-3"… after it when a label repeats within its part (a diagnostic says so).
  std::string unique_id(const std::string& id, const node& n) {
    auto got = ctx_.ids.claim(id);
    if (got != id)
      ctx_.report(diag::numbering, severity::warning, ctx_.span(n.label_begin, std::max(n.label_end, n.label_begin + 1)),
                  "label " + n.code + " repeats within its part; the later item's id is " + got, n.code);
    return got;
  }

  /// Where a run of codes at the end of `t`, after a sentence end, begins
  /// (its preceding space trimmed off); 0 when there is none.
  std::size_t trailing_refs(std::string_view t, const item_level& level) {
    std::size_t start = std::string_view::npos;
    std::size_t i = 0;
    while (i < t.size()) {
      std::size_t w = t.find(' ', i);
      if (w == std::string_view::npos) w = t.size();
      auto word = t.substr(i, w - i);
      while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == ')')) word.remove_suffix(1);
      if (!word.empty() && word.front() == '(') word.remove_prefix(1);
      auto m = grammar::match_item_label(word);
      bool code = m && m->rest >= word.size() &&
                  std::any_of(level.refs.begin(), level.refs.end(), [&](const label_pattern& p) { return label_fits(p, m->value); });
      if (code) {
        if (start == std::string_view::npos) start = i;
      } else {
        start = std::string_view::npos;
      }
      i = w + 1;
    }
    if (start == std::string_view::npos || start == 0) return 0;
    std::size_t cut = start;
    while (cut > 0 && t[cut - 1] == ' ') --cut;
    // "(K1, K2, S1)" in brackets at the end is apart from the statement whatever ends it
    if (t[start] == '(' && t.back() == ')') return cut;
    return ends_sentence(t.substr(0, cut)) ? cut : 0;
  }

  std::vector<std::string> refs_in(std::string_view t, const item_level& level) {
    std::vector<std::string> out;
    // each word of the text (up to a space or punctuation) that is wholly a code the level may name
    auto stop = [](char c) { return c == ' ' || c == ',' || c == ';' || c == '(' || c == ')' || c == '/'; };
    for (std::size_t i = 0; i < t.size();) {
      while (i < t.size() && stop(t[i])) ++i;
      std::size_t end = i;
      while (end < t.size() && !stop(t[end])) ++end;
      auto word = t.substr(i, end - i);
      while (!word.empty() && (word.back() == '.' || word.back() == ':')) word.remove_suffix(1);
      i = end;
      if (word.empty() || !is_upper(word[0])) continue;
      auto m = grammar::match_item_label(word);
      if (!m || m->value.prefix.empty() || m->rest < word.size()) continue;
      for (const auto& p : level.refs)
        if (label_fits(p, m->value)) {
          auto c = code_of(m->value);
          if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
        }
    }
    return out;
  }


  /// Ids for a part's or section's paragraphs and lists ("…/p1", "…/list2/1");
  /// the span they cover.
  static source_span number_blocks(std::vector<block>& blocks, const std::string& stem) {
    source_span covered;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      auto& b = blocks[i];
      if (b.which == block::type::paragraph) {
        b.para.id = stem + "/p" + std::to_string(i + 1);
      } else {
        b.items.id = stem + "/list" + std::to_string(i + 1);
        for (std::size_t j = 0; j < b.items.items.size(); ++j) b.items.items[j].id = b.items.id + "/" + std::to_string(j + 1);
      }
      covered = merge(covered, b.span());
    }
    return covered;
  }

  static std::string spaced(std::string name) {
    std::replace(name.begin(), name.end(), '_', ' ');
    return name;
  }

  /// A field the document prints no label for, read from inside another
  /// field's value (the profile's `within`): a qualification number at the end
  /// of the qualification's title.
  void read_fields_within(standard& st) {
    for (const auto& rule : prof_.fields) {
      if (rule.within.empty()) continue;
      auto has = [&](std::string_view name) {
        return std::any_of(fields_found_.begin(), fields_found_.end(),
                           [&](const field_build& f) { return f.rule->name == name; });
      };
      if (has(rule.name)) continue;
      for (std::size_t n = 0; n < fields_found_.size(); ++n) {
        const auto& f = fields_found_[n];
        if (f.rule->name != rule.within) continue;
        std::string_view v = f.value.text();
        for (std::size_t b = 0; b < v.size();) {
          while (b < v.size() && (v[b] == ' ' || v[b] == '(')) ++b;
          std::size_t e = v.find(' ', b);
          if (e == std::string_view::npos) e = v.size();
          std::size_t end = e;
          while (end > b && (v[end - 1] == ',' || v[end - 1] == ';' || v[end - 1] == '.' || v[end - 1] == ')')) --end;
          if (end > b && fits_shape(v.substr(b, end - b), rule.within_shape)) {
            auto word = f.value.slice(static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(end));
            field_value fv;
            fv.name = ctx_.keep(rule.name);
            fv.label = f.label;
            fv.value = ctx_.keep(word);
            fv.span = ctx_.span(f.begin, word.source_end());  // from the label it was read under
            ctx_.report(diag::field_within, severity::note, fv.span,
                        "the " + spaced(rule.name) + " read from the " + spaced(rule.within) + "'s value", v, fv.value);
            // beside the field it was read from: fields stay in source order
            auto at = std::find_if(st.fields.begin(), st.fields.end(),
                                   [&](const field_value& x) { return x.span.begin.line > fv.span.begin.line ||
                                                                      (x.span.begin.line == fv.span.begin.line &&
                                                                       x.span.begin.column > fv.span.begin.column); });
            st.fields.insert(at, fv);
            break;
          }
          b = e;
        }
        break;
      }
    }
  }

  standard lower_all() {
    standard st;
    // the profile's words are kept in the document's store: a document outlives the profiles read with it
    st.family = ctx_.keep(prof_.name);
    for (auto& f : fields_found_) {
      field_value v;
      v.name = ctx_.keep(f.rule->name);
      v.label = f.label;
      v.value = ctx_.keep(f.value);
      v.span = ctx_.span(f.begin, std::max(f.label_end, f.value.source_end()));
      st.fields.push_back(v);
      if (st.code.empty() && f.rule->name == prof_.code_field) st.code = v.value;
      if (f.rule->name == prof_.title_field && !v.value.empty()) st.title = v.value;
    }
    read_fields_within(st);
    if (st.title.empty()) st.title = title_;
    if (st.code.empty()) st.code = printed_code_;
    if (st.code.empty()) st.code = footer_code_;  // printed only in the running footers
    st.id = st.code.empty() ? std::string("standard") : unit_id(st.code);
    for (auto& c : st.id)
      if (c == '/') c = '-';
    st.id = ctx_.ids.claim(st.id);
    for (auto& f : st.fields) f.id = ctx_.ids.claim(st.id + "/field/" + std::string(f.name));
    for (auto& pb : parts_) {
      if (pb.rule) split_lettered(pb.items, *pb.rule);
      part p;
      p.role = ctx_.keep(pb.rule->role);
      p.heading = pb.heading;
      p.lead_in = pb.lead_in;
      p.id = ctx_.ids.claim(st.id + "/" + slug(p.role) + (pb.code.empty() ? "" : "-" + unit_id(pb.code)));
      p.span = pb.begin < pb.end ? ctx_.span(pb.begin, pb.end) : source_span{};
      p.blocks = std::move(pb.blocks);
      p.span = merge(p.span, number_blocks(p.blocks, p.id));
      std::size_t quantities = 0;  // numbered through the part
      for (const auto& b : p.blocks)
        if (b.which == block::type::paragraph)
          for (auto& q : quantities_in(b.para.text, nullptr, b.para.span, p.id, quantities))
            p.quantities.push_back(std::move(q));
      std::size_t g = 0;
      for (auto& n : pb.items) {
        auto it = lower_node(n, *pb.rule, p.id, n.group ? ++g : 0);
        p.span = merge(p.span, it.span);
        p.items.push_back(std::move(it));
      }
      st.parts.push_back(std::move(p));
    }
    std::size_t si = 0;
    for (auto& s : sections_) {
      s.id = st.id + "/section-" + std::to_string(++si);
      s.span = merge(s.span, number_blocks(s.blocks, s.id));
      st.sections.push_back(std::move(s));
    }
    st.span = merge(title_span_, printed_code_span_);
    for (auto& f : st.fields) st.span = merge(st.span, f.span);
    for (auto& p : st.parts) st.span = merge(st.span, p.span);
    for (auto& s : st.sections) st.span = merge(st.span, s.span);
    return st;
  }

};

}  // namespace

std::size_t count_items(const std::vector<outline_item>& items) {
  std::size_t n = 0;
  for (const auto& i : items) n += (i.kind == outline_item::group_kind ? 0 : 1) + count_items(i.children);
  return n;
}

void recognise_outline(parse_context& ctx, document& doc, const profile& p, const profile_set& set) {
  outline_builder b(ctx, p, set);
  auto st = b.build();
  std::size_t items = 0;
  for (const auto& part : st.parts) items += count_items(part.items);
  if (items == 0)
    ctx.report(diag::no_structure, severity::warning, {},
               "no items of a " + p.description + " found: the text is kept as parts and sections only");
  doc.standards.push_back(std::move(st));
}

}  // namespace qspec
