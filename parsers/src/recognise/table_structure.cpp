// Qualification structures given as grids: SVQ structure spreadsheets
// exported as CSV. Layout handled: a header row naming the unit columns
// (which column is which comes from a table profile, profiles/*.yaml with
// `columns:`), then unit rows under group headings that stand alone in the
// first column; a pathway heading holds the pathway's name, a line break and
// its rule, and the groups below it belong to it until the next pathway. The
// qualification's facts sit below the units as label cells each followed by
// its value in the next non-empty cell, two pairs on a row at most. Every row
// becomes a node, furniture, or is left unclassified (a diagnostic).
#include <cctype>
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/table_rules.hpp"
#include "load/csv_grid.hpp"
#include "recognise/context.hpp"
#include "recognise/line_text.hpp"

namespace qspec {
namespace {

namespace x3 = boost::spirit::x3;

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Runs of spaces, tabs, line breaks and no-break spaces as one space, trimmed.
std::string collapse(std::string_view s) {
  std::string out;
  bool gap = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool space = is_space_byte(s[i]);
    if (!space && s.substr(i, 2) == "\xC2\xA0") space = true, ++i;
    if (space) {
      gap = !out.empty();
      continue;
    }
    if (gap) out.push_back(' ');
    gap = false;
    out.push_back(s[i]);
  }
  return out;
}

bool same_text(std::string_view a, std::string_view b) {
  auto x = collapse(a), y = collapse(b);
  return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), [](char p, char q) { return lower(p) == lower(q); });
}

/// Value bytes [b, e) of a cell without surrounding spaces and line breaks.
std::pair<std::size_t, std::size_t> trimmed_range(std::string_view v, std::size_t b = 0, std::size_t e = std::string_view::npos) {
  e = std::min(e, v.size());
  while (b < e && is_space_byte(v[b])) ++b;
  while (e > b && is_space_byte(v[e - 1])) --e;
  return {b, e};
}

bool blank(const csv::cell& c) {
  auto [b, e] = trimmed_range(c.value);
  return b == e;
}

/// The first match of `rule` starting at a word of `text` (collapsed).
template <class Rule>
std::optional<grammar::ast::count_range> find_count(std::string_view text, const Rule& rule) {
  const std::string s = collapse(text);
  const char* last = s.data() + s.size();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && is_alnum(s[i - 1])) continue;
    const char* first = s.data() + i;
    grammar::ast::count_range r;
    if (x3::parse(first, last, rule, r)) return r;
  }
  return std::nullopt;
}

template <class Rule, class Attr>
bool parse_whole(std::string_view text, const Rule& rule, Attr& attr) {
  const std::string s = collapse(text);
  const char* first = s.data();
  const char* last = s.data() + s.size();
  return x3::parse(first, last, rule, attr);
}

bool impossible_date(const grammar::ast::cell_date& d, std::string& why) {
  static constexpr unsigned days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  // a structure grid records approvals of the SCQF era: a year outside
  // 1900-2100 is a typing slip, not a date
  if (d.year < 1900 || d.year > 2100) why = "the year " + std::to_string(d.year) + " is not plausible";
  else if (d.month < 1 || d.month > 12) why = "there is no month " + std::to_string(d.month);
  else if (d.day < 1 || d.day > days[d.month - 1]) why = "month " + std::to_string(d.month) + " has no day " + std::to_string(d.day);
  return !why.empty();
}

/// Whether every word of `words` begins a word of `header` (case ignored;
/// a word is a run of letters and digits): "credit" is in "SCQF Credit
/// Points", "approv" in "Date of Approval".
bool holds_words(std::string_view header, std::string_view words) {
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  std::size_t w = 0;
  while (w < words.size()) {
    while (w < words.size() && words[w] == ' ') ++w;
    std::size_t end = words.find(' ', w);
    if (end == std::string_view::npos) end = words.size();
    if (end == w) break;
    const auto word = words.substr(w, end - w);
    bool found = false;
    for (std::size_t i = 0; i + word.size() <= header.size() && !found; ++i) {
      if (i > 0 && alnum(header[i - 1])) continue;
      found = std::equal(word.begin(), word.end(), header.begin() + static_cast<std::ptrdiff_t>(i),
                         [&](char a, char b) { return lower(a) == lower(b); });
    }
    if (!found) return false;
    w = end;
  }
  return true;
}

/// The column a header cell names: one of the profile's header texts, whole;
/// else the first of its `column_words` whose words the cell holds, for a
/// column no cell before it named (`taken`). Empty for none.
std::string column_named(const csv::cell& c, const profile& p, const std::vector<std::string>& taken) {
  for (const auto& col : p.columns)
    if (std::any_of(col.labels.begin(), col.labels.end(), [&](auto& l) { return same_text(c.value, l); }))
      return col.name;
  if (blank(c) || c.value.size() > 80) return {};
  for (const auto& col : p.column_words)
    if (std::find(taken.begin(), taken.end(), col.name) == taken.end() &&
        std::any_of(col.labels.begin(), col.labels.end(), [&](auto& w) { return holds_words(c.value, w); }))
      return col.name;
  return {};
}

/// Each cell's column in a header record (empty for a cell naming none).
std::vector<std::string> columns_named(const csv::record& r, const profile& p) {
  std::vector<std::string> out;
  for (const auto& c : r.cells) out.push_back(column_named(c, p, out));
  return out;
}

/// How far down a grid its header may sit: below a sheet's title rows and notes.
constexpr std::size_t header_search_records = 12;

/// The header record of a grid: the first of the opening records in which
/// at least three cells, one of them the title, name columns of `p`.
std::optional<std::size_t> find_header(const csv::grid& g, const profile& p) {
  for (std::size_t r = 0; r < g.records.size() && r < header_search_records; ++r) {
    const auto names = columns_named(g.records[r], p);
    const auto named = std::count_if(names.begin(), names.end(), [](const std::string& n) { return !n.empty(); });
    if (named >= 3 && std::find(names.begin(), names.end(), "title") != names.end()) return r;
  }
  return std::nullopt;
}

class table_reader {
 public:
  table_reader(parse_context& ctx, document& doc, const profile& p) : ctx_(ctx), doc_(doc), p_(p) {}

  void run() {
    // page furniture is a paginated-text idea: a grid's repeated rows are data
    for (auto& u : ctx_.use)
      if (u == line_use::furniture) u = line_use::unknown;
    ctx_.furniture_items.clear();
    auto delimiter = csv::sniff_delimiter(ctx_.src);
    if (!delimiter) return;
    grid_ = csv::read(ctx_.src, *delimiter);
    csv::drop_blank_columns(grid_);
    auto header = find_header(grid_, p_);
    if (!header) return;
    header_ = *header;
    read_header(header_);
    for (std::size_t r = *header + 1; r < grid_.records.size(); ++r) kinds_.push_back(classify(grid_.records[r]));
    const auto opens = heading_rows();
    // above the header the columns are not yet the header's; a heading's one cell is its text
    report_stray(grid_.records[*header]);
    for (std::size_t i = 0; i < kinds_.size(); ++i) {
      const auto& rec = grid_.records[*header + 1 + i];
      if (opens[i]) report_stray(rec, &text_cell(rec), rule_cell(rec));
      else report_stray(rec);
    }
    for (std::size_t i = 0; i < kinds_.size(); ++i) {
      const auto& rec = grid_.records[*header + 1 + i];
      switch (kinds_[i]) {
        case row::empty: furniture_row(rec, "empty_row"); break;
        case row::metadata: metadata_row(rec); break;
        case row::unit: unit_row(rec); break;
        case row::text:
          if (opens[i]) heading_row(rec);
          else furniture_row(rec, "table_title");
          break;
        case row::other: break;  // left unknown: reported as unclassified
      }
    }
    above_header();
    finish();
  }

 private:
  enum class row { empty, text, unit, metadata, other };

  parse_context& ctx_;
  document& doc_;
  const profile& p_;
  csv::grid grid_;
  qualification q_;
  std::vector<std::string> field_;  // each column's field name; empty: unlabelled
  std::vector<row> kinds_;
  std::size_t header_ = 0;
  int pathway_ = -1;               // index in q_.groups of the open pathway
  int top_ = -1;                   // index in q_.groups of the open group
  int sub_ = -1;                   // index in the pathway's groups of the open group
  bool typed_ = true;              // whether the open group's type came from its heading
  bool from_heading_ = false;      // the open group was opened by a heading with nothing under it yet
  bool footer_reported_ = false;

  // ---- cells and spans ----
  int column(std::string_view name) const {
    for (std::size_t i = 0; i < field_.size(); ++i)
      if (field_[i] == name) return static_cast<int>(i);
    return -1;
  }
  const csv::cell* cell_of(const csv::record& r, std::string_view name) const {
    int c = column(name);
    if (c < 0 || static_cast<std::size_t>(c) >= r.cells.size()) return nullptr;
    return &r.cells[static_cast<std::size_t>(c)];
  }
  bool labelled(std::size_t c) const { return c < field_.size() && !field_[c].empty(); }

  source_span span_of(const csv::cell& c, std::size_t vb, std::size_t ve) const {
    auto [b, e] = c.source(vb, ve);
    return ctx_.span(b, e);
  }
  source_span span_of(const csv::cell& c) const {
    auto [vb, ve] = trimmed_range(c.value);
    return span_of(c, vb, ve);
  }
  source_span span_of(const csv::record& r) const { return ctx_.span(r.begin, std::max(r.begin, r.end)); }

  /// value[vb, ve) as a lasting view: into the source when its bytes lie there unchanged.
  std::string_view text_of(const csv::cell& c, std::size_t vb, std::size_t ve) {
    if (vb >= ve) return {};
    auto [b, e] = c.source(vb, ve);
    std::string_view part(c.value.data() + vb, ve - vb);
    if (e - b == ve - vb && ctx_.src.substr(b, e - b) == part) return ctx_.src.substr(b, e - b);
    return ctx_.keep(part);
  }
  std::string_view text_of(const csv::cell& c) {
    auto [vb, ve] = trimmed_range(c.value);
    return text_of(c, vb, ve);
  }

  void mark(const csv::record& r, line_use use) {
    auto first = ctx_.lines.line_of(r.begin);
    auto last = ctx_.lines.line_of(r.end > r.begin ? r.end - 1 : r.begin);
    for (auto l = first; l <= last && l < ctx_.use.size(); ++l)
      if (ctx_.use[l] != line_use::blank) ctx_.use[l] = use;
  }

  void furniture_row(const csv::record& r, std::string_view role) {
    mark(r, line_use::furniture);
    furniture f;
    f.id = "furniture/" + std::string(role) + "-" + std::to_string(ctx_.lines.line_of(r.begin) + 1);
    std::replace(f.id.begin(), f.id.end(), '_', '-');
    f.span = span_of(r);
    f.role = role;
    for (const auto& c : r.cells)
      if (!blank(c)) {
        f.text = text_of(c);
        break;
      }
    ctx_.furniture_items.push_back(std::move(f));
  }

  // ---- header ----
  void read_header(std::size_t h) {
    const auto& rec = grid_.records[h];
    field_ = columns_named(rec, p_);
    for (std::size_t i = 0; i < rec.cells.size(); ++i) {
      const auto& c = rec.cells[i];
      const std::string& name = field_[i];
      auto [vb, ve] = trimmed_range(c.value);
      if (!name.empty() && c.value.substr(vb, ve - vb).find('\n') != std::string::npos)
        ctx_.report(diag::header_cell_wrapped, severity::note, span_of(c),
                    "the column header holds a line break; read as \"" + collapse(c.value) + "\"", c.value,
                    collapse(c.value));
    }
    furniture_row(rec, "table_header");
  }

  /// Values in columns the header does not name belong to no unit or field.
  void report_stray(const csv::record& r, const csv::cell* text = nullptr, const csv::cell* rule = nullptr) {
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      if (labelled(c) || blank(r.cells[c]) || &r.cells[c] == text || &r.cells[c] == rule) continue;
      ctx_.report(diag::stray_cell, severity::warning, span_of(r.cells[c]),
                  "a value in column " + std::to_string(r.cells[c].column + 1) +
                      ", which the header does not name, belongs to no unit or field; it is left out",
                  text_of(r.cells[c]));
    }
  }

  // ---- rows ----
  std::optional<std::string> field_label(const csv::cell& c) const {
    for (const auto& f : p_.fields)
      if (std::any_of(f.labels.begin(), f.labels.end(), [&](auto& l) { return same_text(c.value, l); })) return f.name;
    return std::nullopt;
  }

  /// A row's kind by its filled cells. One filled cell in the first column, or in a column the
  /// header does not name, is a text (a heading or a note: which, the rows below it decide), a
  /// known label a row of facts; one in another column (a title's or a number's) is no heading.
  row classify(const csv::record& r) const {
    std::vector<std::size_t> known;
    std::size_t filled = 0, first = 0;
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      if (blank(r.cells[c])) continue;
      if (filled++ == 0) first = c;
      if (labelled(c)) known.push_back(c);
    }
    if (filled == 0) return row::empty;
    if (filled == 1 && field_label(r.cells[first])) return row::metadata;
    if (filled == 1) return first == 0 || !labelled(first) ? row::text : row::other;
    if (known.empty()) return row::other;
    if (field_label(r.cells[known.front()])) return row::metadata;
    const auto* title = cell_of(r, "title");
    if (title && !blank(*title) && known.size() >= 2) return row::unit;
    if (known.size() == 1) return row::text;  // beside values in columns no header names
    if (rule_cell(r)) return row::text;       // a heading, its rule in the next cell
    return row::other;
  }

  /// The rule beside a heading on its row ("Optional Group A" | "Candidates must complete 2
  /// units"): the row's second and last filled cell, no unit's title, counting units.
  const csv::cell* rule_cell(const csv::record& r) const {
    const csv::cell* found = nullptr;
    std::size_t filled = 0;
    for (const auto& c : r.cells)
      if (!blank(c) && ++filled == 2) found = &c;
    const auto* title = cell_of(r, "title");
    if (filled != 2 || (title && !blank(*title)) || !find_count(found->value, grammar::group_count())) return nullptr;
    return found;
  }

  /// A text row's text: the heading where a rule stands beside it (the first filled cell), else
  /// its one filled cell in a named column (values in columns no header names beside it), else
  /// its one filled cell.
  const csv::cell& text_cell(const csv::record& r) const {
    const csv::cell* first = nullptr;
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      if (blank(r.cells[c])) continue;
      if (!first) first = &r.cells[c];
      if (labelled(c) && !rule_cell(r)) return r.cells[c];
    }
    return *first;
  }

  /// The rows above the header: a sheet's title, notes and facts over its grid.
  /// A row opening with a known label holds facts, as the rows below the units
  /// do (columns there are not yet the header's). The first row of one text
  /// (not a label) names the qualification where no label among its facts did;
  /// the others, and empty rows, are furniture.
  void above_header() {
    auto first_text = [](const csv::record& rec) {
      return std::find_if(rec.cells.begin(), rec.cells.end(), [](const csv::cell& c) { return !blank(c); });
    };
    // the facts first: a title among them names the qualification, not the sheet's first row
    for (std::size_t r = 0; r < header_; ++r)
      if (const auto& rec = grid_.records[r]; first_text(rec) != rec.cells.end() && field_label(*first_text(rec)))
        facts_row(rec, false);
    for (std::size_t r = 0; r < header_; ++r) {
      const auto& rec = grid_.records[r];
      const auto text = first_text(rec);
      const auto filled = std::count_if(rec.cells.begin(), rec.cells.end(), [](const csv::cell& c) { return !blank(c); });
      if (text == rec.cells.end()) {
        furniture_row(rec, "empty_row");
      } else if (field_label(*text)) {
        continue;  // read above
      } else if (!q_.title && filled == 1) {
        q_.title.set(text_of(*text), span_of(*text));
        mark(rec, line_use::content);
      } else {
        furniture_row(rec, "table_title");
      }
    }
  }

  /// Whether each text row heads a group: units follow it, perhaps after
  /// more headings or empty rows. Worked out from the last row back, in one pass.
  std::vector<bool> heading_rows() const {
    std::vector<bool> opens(kinds_.size(), false);
    bool units_next = false;
    for (std::size_t k = kinds_.size(); k-- > 0;) {
      if (kinds_[k] == row::text) opens[k] = units_next;
      else if (kinds_[k] != row::empty) units_next = kinds_[k] == row::unit;
    }
    return opens;
  }

  // ---- groups ----
  /// The group type a heading's words name (the earliest in the text), if any.
  std::optional<group_type> heading_type(std::string_view text, bool pathway_only) const {
    std::string t = collapse(text);
    std::optional<group_type> best;
    std::size_t at = std::string::npos;
    for (const auto& g : p_.group_types) {
      if ((g.name == "pathway") != pathway_only) continue;
      auto type = type_named(g.name);
      if (!type) continue;
      for (const auto& word : g.labels) {
        if (word.size() < 2) continue;  // a letter alone abbreviates a status cell; in prose it is no mark
        for (auto pos = find_ci(t, word); pos != std::string::npos; pos = find_ci(t, word, pos + 1)) {
          bool starts = pos == 0 || !is_alnum(t[pos - 1]);
          // the word, or its plural ("Options", "Pathways")
          auto end = pos + word.size();
          if (end < t.size() && lower(t[end]) == 's') ++end;
          bool ends = end >= t.size() || !is_alnum(t[end]);
          if (!starts || !ends) continue;
          if (pathway_only && pos != 0) break;  // a pathway heading opens with its word
          if (pos < at) at = pos, best = type;
          break;
        }
      }
    }
    return best;
  }
  static std::optional<group_type> type_named(std::string_view name) {
    if (name == "mandatory") return group_type::mandatory;
    if (name == "optional") return group_type::optional;
    if (name == "additional") return group_type::additional;
    if (name == "pathway") return group_type::pathway;
    return std::nullopt;
  }
  /// The group type a status cell ("M", "Optional") names.
  std::optional<group_type> status_type(const csv::cell& c) const {
    for (const auto& g : p_.group_types)
      if (g.name != "pathway" &&
          std::any_of(g.labels.begin(), g.labels.end(), [&](auto& l) { return same_text(c.value, l); }))
        return type_named(g.name);
    return std::nullopt;
  }

  unit_group* open_group() {
    if (top_ < 0) return nullptr;
    auto& top = q_.groups[static_cast<std::size_t>(top_)];
    if (sub_ >= 0) return &top.groups[static_cast<std::size_t>(sub_)];
    return &top;
  }

  void heading_row(const csv::record& r) {
    mark(r, line_use::content);
    const csv::cell* cell = &text_cell(r);
    auto [vb, ve] = trimmed_range(cell->value);
    std::string_view value(cell->value.data() + vb, ve - vb);
    if (heading_type(value, true)) {
      pathway_heading(r, *cell, vb, ve);
      return;
    }
    auto count = find_count(value, grammar::group_count());
    auto* open = open_group();
    if (open && from_heading_ && open->type != group_type::pathway && open->statement.empty() && !open->min_units &&
        count) {
      // "Group B" on one row, "Candidates must complete three units…" on the next
      open->statement = text_of(*cell, vb, ve);
      open->statement_span = span_of(*cell, vb, ve);
      open->min_units = count->min;
      if (count->max) open->max_units = count->max;
      open->span = merge(open->span, span_of(r));
      ctx_.report(diag::heading_rule_next_row, severity::note, open->statement_span,
                  "the rule of group \"" + collapse(open->name) + "\" stands on the row below its heading; read as its rule",
                  open->statement);
      return;
    }
    unit_group g;
    g.span = span_of(r);
    g.name = text_of(*cell, vb, ve);
    auto type = heading_type(value, false);
    g.type = type.value_or(group_type::optional);
    if (const auto* rule = rule_cell(r); rule && rule != cell) {
      // "Optional Group A" | "Candidates must complete 2 units": the rule in the next cell
      g.statement = text_of(*rule);
      g.statement_span = span_of(*rule);
      if (!count) count = find_count(rule->value, grammar::group_count());
    }
    if (count) {
      g.min_units = count->min;
      if (count->max) g.max_units = count->max;
    }
    add_group(std::move(g), type.has_value());
  }

  void add_group(unit_group g, bool typed) {
    typed_ = typed;
    from_heading_ = true;
    if (pathway_ >= 0) {
      auto& p = q_.groups[static_cast<std::size_t>(pathway_)];
      p.groups.push_back(std::move(g));
      top_ = pathway_;
      sub_ = static_cast<int>(p.groups.size()) - 1;
    } else {
      q_.groups.push_back(std::move(g));
      top_ = static_cast<int>(q_.groups.size()) - 1;
      sub_ = -1;
    }
  }

  void pathway_heading(const csv::record& r, const csv::cell& c, std::size_t vb, std::size_t ve) {
    unit_group g;
    g.type = group_type::pathway;
    g.span = span_of(r);
    auto nl = c.value.find('\n', vb);
    auto [nb, ne] = trimmed_range(c.value, vb, std::min(nl, ve));
    g.name = text_of(c, nb, ne);
    if (nl != std::string::npos && nl < ve) {
      auto [rb, re] = trimmed_range(c.value, nl + 1, ve);
      g.statement = text_of(c, rb, re);
      g.statement_span = span_of(c, rb, re);
      if (auto total = find_count(g.statement, grammar::unit_total())) {
        g.min_units = total->min;
        if (total->max) g.max_units = total->max;
      }
      ctx_.report(diag::heading_split_cell, severity::note, span_of(c, vb, ve),
                  "the pathway heading holds the pathway's name and, after a line break, its rule; split there",
                  std::string_view(c.value.data() + vb, ve - vb), std::string(g.name) + " | " + std::string(g.statement));
    } else if (const auto* rule = rule_cell(r); rule && rule != &c) {
      g.statement = text_of(*rule);  // the rule in the next cell
      g.statement_span = span_of(*rule);
      if (auto total = find_count(g.statement, grammar::unit_total())) {
        g.min_units = total->min;
        if (total->max) g.max_units = total->max;
      }
    }
    q_.groups.push_back(std::move(g));
    pathway_ = top_ = static_cast<int>(q_.groups.size()) - 1;
    sub_ = -1;
    typed_ = true;
    from_heading_ = true;
  }

  // ---- units ----
  void unit_row(const csv::record& r) {
    mark(r, line_use::content);
    unit u;
    u.span = span_of(r);
    std::optional<group_type> status;
    if (const auto* c = cell_of(r, "group_type"); c && !blank(*c)) {
      status = status_type(*c);
      if (!status)
        ctx_.report(diag::cell_not_read, severity::warning, span_of(*c),
                    "the status cell names no group type the profile knows; the unit stays in the group above",
                    text_of(*c));
    }
    if (const auto* c = cell_of(r, "code"); c && !blank(*c)) {
      u.code = text_of(*c);
      grammar::ast::joined_code j;
      if (parse_whole(u.code, grammar::joined_code(), j))
        ctx_.report(diag::code_run_together, severity::note, span_of(*c),
                    "the code is printed without the space of an SQA code (four characters, then a two-digit "
                    "suffix): read as " + j.stem + " " + j.suffix + "; kept as printed",
                    u.code, j.stem + " " + j.suffix);
    }
    if (const auto* c = cell_of(r, "developer_code"); c && !blank(*c)) developer_code(*c, u);
    if (const auto* c = cell_of(r, "local_code"); c && !blank(*c)) u.local_code = text_of(*c);
    if (const auto* c = cell_of(r, "title")) u.title = text_of(*c);
    std::vector<std::string> empty;
    u.level = number_cell(r, "level", empty);
    u.credit = number_cell(r, "credit", empty);
    if (empty_cell(r, "date_approved")) {
      empty.push_back(column_name("date_approved"));
    } else if (const auto* c = cell_of(r, "date_approved")) {
      grammar::ast::cell_date d;
      std::string why;
      if (!parse_whole(c->value, grammar::cell_date(), d))
        ctx_.report(diag::cell_not_read, severity::warning, span_of(*c), "the approval date is not a date d/m/yyyy",
                    text_of(*c));
      else if (impossible_date(d, why))
        ctx_.report(diag::impossible_date, severity::warning, span_of(*c),
                    "the approval date of unit \"" + std::string(u.title) + "\" is impossible: " + why, text_of(*c));
    }
    if (!empty.empty()) {
      std::string cells;
      for (std::size_t i = 0; i < empty.size(); ++i)
        cells += (i == 0 ? "" : i + 1 == empty.size() ? " and " : ", ") + empty[i];
      ctx_.report(diag::empty_cells, severity::warning, u.span,
                  "unit \"" + std::string(u.title) + "\" has empty " + cells + (empty.size() == 1 ? " cell" : " cells"), u.title);
    }
    auto* g = open_group();
    if (!g) {
      unit_group ungrouped;
      ungrouped.type = status.value_or(group_type::mandatory);
      ungrouped.span = u.span;
      ctx_.report(diag::group_heading_missing, severity::warning, u.span,
                  "unit rows with no group heading above them: grouped as " + std::string(to_string(ungrouped.type)) +
                      " by their status cells",
                  u.title);
      add_group(std::move(ungrouped), true);
      g = open_group();
    } else if (!typed_ && status && g->units.empty()) {
      g->type = *status;  // "Group B": the heading names no type, the status cells do
    }
    from_heading_ = false;
    g->span = merge(g->span, u.span);
    if (sub_ >= 0) q_.groups[static_cast<std::size_t>(top_)].span = merge(q_.groups[static_cast<std::size_t>(top_)].span, u.span);
    g->units.push_back(std::move(u));
  }

  /// The header's words for a column, as a developer reads them.
  std::string column_name(std::string_view field) const {
    int c = column(field);
    const auto& h = grid_.records[header_];
    if (c >= 0 && static_cast<std::size_t>(c) < h.cells.size()) return collapse(h.cells[static_cast<std::size_t>(c)].value);
    return std::string(field);
  }

  /// Whether the row's cell in a column the header names is empty; a row that ends before
  /// the column (its trailing empty cells not written) has it empty too.
  bool empty_cell(const csv::record& r, std::string_view field) const {
    const auto* c = cell_of(r, field);
    return c ? blank(*c) : column(field) >= 0;
  }

  std::optional<std::uint32_t> number_cell(const csv::record& r, std::string_view field, std::vector<std::string>& empty) {
    if (empty_cell(r, field)) {
      empty.push_back(column_name(field));
      return std::nullopt;
    }
    const auto* c = cell_of(r, field);
    if (!c) return std::nullopt;
    unsigned n = 0;
    if (parse_whole(c->value, grammar::whole_number(), n)) return n;
    ctx_.report(diag::cell_not_read, severity::warning, span_of(*c),
                "the " + column_name(field) + " cell does not hold a whole number", text_of(*c));
    return std::nullopt;
  }

  /// "SEMMAN123-01" or, on two lines, "SEMMAN123-01" / "Unit 1": the developer code and the unit number.
  void developer_code(const csv::cell& c, unit& u) {
    auto [vb, ve] = trimmed_range(c.value);
    auto nl = c.value.find('\n', vb);
    if (nl == std::string::npos || nl >= ve) {
      u.developer_code = text_of(c, vb, ve);
      return;
    }
    auto [db, de] = trimmed_range(c.value, vb, nl);
    auto [nb, ne] = trimmed_range(c.value, nl + 1, ve);
    u.developer_code = text_of(c, db, de);
    grammar::ast::unit_number number;
    std::string_view second(c.value.data() + nb, ne - nb);
    if (!parse_whole(second, grammar::unit_number(), number)) {
      ctx_.report(diag::cell_not_read, severity::warning, span_of(c, nb, ne),
                  "the second line of the code cell is not a unit number; left out", second);
      return;
    }
    // the number as printed, without the word "Unit"
    auto digits = second.find_first_of("0123456789");
    auto digits_end = second.find_first_not_of("0123456789", digits);
    if (digits_end == std::string_view::npos) digits_end = second.size();
    u.local_code = text_of(c, nb + digits, nb + digits_end);
    ctx_.report(diag::cell_holds_two_values, severity::note, span_of(c, vb, ve),
                "the code cell holds the developer code and, on its second line, the unit number; read as both",
                std::string_view(c.value.data() + vb, ve - vb),
                std::string(u.developer_code) + " | " + std::string(u.local_code));
    if (!number.has_word)
      ctx_.report(diag::unit_word_missing, severity::warning, span_of(c, nb, ne),
                  "the unit number is printed without the word \"Unit\"; read as unit " + std::to_string(number.number),
                  second, "Unit " + std::to_string(number.number));
  }

  // ---- footer metadata ----
  void metadata_row(const csv::record& r) {
    if (!footer_reported_) {
      footer_reported_ = true;
      ctx_.report(diag::footer_metadata, severity::note, span_of(r),
                  "the qualification's facts are read from label and value cells below the unit rows");
    }
    facts_row(r, true);
  }

  /// Label and value cells, each label followed by its value in the next filled cell; below
  /// the header only the columns it names count (the others were reported as stray).
  void facts_row(const csv::record& r, bool named_columns_only) {
    bool used = false;
    std::vector<std::size_t> known;
    for (std::size_t c = 0; c < r.cells.size(); ++c)
      if ((labelled(c) || !named_columns_only) && !blank(r.cells[c])) known.push_back(c);
    for (std::size_t k = 0; k < known.size(); ++k) {
      const auto& label = r.cells[known[k]];
      auto name = field_label(label);
      if (!name) {
        ctx_.report(diag::cell_not_read, severity::warning, span_of(label),
                    "a cell among the qualification's facts that is neither a known label nor a label's value; left out",
                    text_of(label));
        continue;
      }
      if (k + 1 >= known.size() || field_label(r.cells[known[k + 1]])) continue;  // a label with no value
      const auto& value = r.cells[known[++k]];
      used = field_value(*name, value) || used;
    }
    if (used) mark(r, line_use::content);
    else furniture_row(r, "qualification_metadata");
  }

  /// Reads a field the model holds; false for the known labels it does not.
  bool field_value(std::string_view name, const csv::cell& c) {
    auto text = text_of(c);
    auto where = span_of(c);
    if (name == "title") q_.title.set(text, where);
    else if (name == "type") q_.type.set(text, where);
    else if (name == "awarding_body") q_.awarding_body = {text, {}, where};
    else if (name == "developer") q_.standards_developer = {{}, text, where};
    else if (name == "number") {
      q_.number.set(text, where);
      grammar::ast::joined_code j;
      if (parse_whole(text, grammar::joined_code(), j))
        ctx_.report(diag::code_run_together, severity::note, where,
                    "the group award code is printed without the space of an SQA code: read as " + j.stem + " " +
                        j.suffix + "; kept as printed",
                    text, j.stem + " " + j.suffix);
    } else if (name == "level") {
      unsigned n = 0;
      if (!parse_whole(text, grammar::whole_number(), n)) return not_read(c, "level");
      q_.level.set(n, where);
    } else if (name == "credit") {
      unsigned n = 0;
      grammar::ast::count_range range;
      if (parse_whole(text, grammar::whole_number(), n)) q_.total_credits.set(n, where);
      else if (parse_whole(text, grammar::credit_range(), range)) {
        q_.min_credits.set(range.min, where);
        if (range.max) q_.max_credits.set(range.max, where);
      } else {
        return not_read(c, "credit");
      }
    } else {
      return false;
    }
    return true;
  }

  bool not_read(const csv::cell& c, std::string_view what) {
    ctx_.report(diag::cell_not_read, severity::warning, span_of(c),
                "the qualification's " + std::string(what) + " is not a number qspec can read", text_of(c));
    return false;
  }

  // ---- ids ----
  void finish() {
    std::string key = q_.number ? unit_id(q_.number.value) : slug(q_.title ? q_.title.value : std::string_view(doc_.source_name));
    q_.id = "qualification/" + (key.empty() ? std::string("unnamed") : key);
    std::vector<std::string> used;
    auto unique = [&used](std::string id) {
      std::string out = id;
      for (int n = 2; std::find(used.begin(), used.end(), out) != used.end(); ++n) out = id + "-" + std::to_string(n);
      used.push_back(out);
      return out;
    };
    auto name_units = [&](unit_group& g) {
      for (auto& u : g.units) {
        std::string code = !u.code.empty()            ? unit_id(u.code)
                           : !u.developer_code.empty() ? unit_id(u.developer_code)
                           : !u.local_code.empty()     ? "unit-" + std::string(u.local_code)
                                                       : slug(u.title);
        u.id = unique(g.id + "/unit/" + code);
      }
    };
    for (auto& g : q_.groups) {
      g.id = unique(q_.id + (g.type == group_type::pathway ? "/" + slug(g.name)
                                                          : "/group/" + std::string(to_string(g.type))));
      name_units(g);
      std::size_t n = 0;
      for (auto& sub : g.groups) {
        sub.id = unique(g.id + "/group-" + std::to_string(++n));
        name_units(sub);
        g.span = merge(g.span, sub.span);
      }
    }
    if (ctx_.lines.count() > 0) q_.span = ctx_.span(0, static_cast<std::uint32_t>(ctx_.src.size()));
    doc_.qualifications.push_back(std::move(q_));
  }
};

}  // namespace

const profile* detect_table_structure(const parse_context& ctx, const profile_set& profiles) {
  if (profiles.tables.empty()) return nullptr;
  auto delimiter = csv::sniff_delimiter(ctx.src);
  if (!delimiter) return nullptr;
  // the header sits in the opening records: a prefix is enough to find it
  auto prefix = ctx.src.substr(0, std::min<std::size_t>(ctx.src.size(), 16384));
  auto grid = csv::read(prefix, *delimiter);
  csv::drop_blank_columns(grid);
  for (const auto& p : profiles.tables)
    if (find_header(grid, p)) return &p;
  return nullptr;
}

void recognise_table_structure(parse_context& ctx, document& doc, const profile& table) {
  table_reader(ctx, doc, table).run();
}

}  // namespace qspec
