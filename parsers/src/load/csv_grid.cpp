// libcsv is fed one byte at a time: its callbacks then fire on the byte that
// ends a cell or a record, which gives each cell's place in the source.
#include "load/csv_grid.hpp"

#include <csv.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace qspec::csv {
namespace {

bool is_break(char c) { return c == '\n' || c == '\r'; }

struct builder {
  std::string_view src;
  grid* out = nullptr;
  std::size_t pos = 0;          // the byte being fed
  std::size_t cell_begin = 0;   // first byte of the cell being read
  std::vector<cell> cells;

  /// Offsets of each value byte, walking the raw cell as libcsv does.
  static std::vector<std::uint32_t> value_offsets(std::string_view src, std::size_t b, std::size_t e) {
    std::vector<std::uint32_t> at;
    if (b < e && src[b] == '"') {
      std::size_t i = b + 1;
      while (i < e) {
        if (src[i] == '"' && i + 1 < e && src[i + 1] == '"') {
          at.push_back(static_cast<std::uint32_t>(i));
          i += 2;
        } else if (src[i] == '"') {
          ++i;  // the closing quote; what follows it (non-strict) is kept as text
        } else {
          at.push_back(static_cast<std::uint32_t>(i++));
        }
      }
    } else {
      for (std::size_t i = b; i < e; ++i) at.push_back(static_cast<std::uint32_t>(i));
    }
    return at;
  }

  void on_cell(const char* data, std::size_t len) {
    // libcsv skips the line breaks between records without a callback
    if (cells.empty())
      while (cell_begin < pos && is_break(src[cell_begin])) ++cell_begin;
    cell c;
    if (data && len) c.value.assign(data, len);
    c.begin = static_cast<std::uint32_t>(cell_begin);
    c.end = static_cast<std::uint32_t>(pos);
    c.column = static_cast<std::uint32_t>(cells.size());
    c.at = value_offsets(src, cell_begin, pos);
    if (c.at.size() != c.value.size()) c.at.clear();
    cells.push_back(std::move(c));
    cell_begin = pos + 1;
  }
  void on_record() {
    record r;
    r.begin = cells.empty() ? static_cast<std::uint32_t>(pos) : cells.front().begin;
    r.end = static_cast<std::uint32_t>(pos);
    r.cells = std::move(cells);
    cells.clear();
    out->records.push_back(std::move(r));
    cell_begin = pos + 1;
  }
};

void cell_callback(void* data, std::size_t len, void* self) {
  static_cast<builder*>(self)->on_cell(static_cast<const char*>(data), len);
}
void record_callback(int, void* self) { static_cast<builder*>(self)->on_record(); }
// Spaces are part of the value: trimming is the recogniser's decision.
int no_space(unsigned char) { return 0; }

}  // namespace

std::optional<char> sniff_delimiter(std::string_view src, unsigned rows) {
  std::optional<char> best;
  std::size_t best_cells = 1, best_kinds = 0;
  for (char d : std::array{',', ';', '\t'}) {
    std::vector<std::size_t> counts;
    std::size_t cells = 1, quote_start = 0;
    std::size_t single = 0;
    bool quoted = false, content = false, give_up = false;
    // a quoted cell longer than this is a stray quote in prose, not CSV: stop looking (text documents
    // are sniffed too, and a quote early in one must not make the sniffer read it to its end)
    constexpr std::size_t max_quoted = 4096;
    for (std::size_t i = 0; i < src.size() && counts.size() < rows && !give_up; ++i) {
      char c = src[i];
      if (c == '"') quoted = !quoted, quote_start = i;
      if (quoted) {
        content = true;
        give_up = i - quote_start > max_quoted;
        continue;
      }
      if (c == d) ++cells, content = true;
      else if (is_break(c)) {
        if (content) counts.push_back(cells);
        // more rows of one cell than a quarter of those to look at: no grid, stop early
        if (content && cells == 1 && ++single * 4 > rows) give_up = true;
        cells = 1;
        content = false;
      } else {
        content = true;
      }
    }
    if (give_up) continue;
    if (content && counts.size() < rows && !quoted) counts.push_back(cells);
    if (counts.size() < 2) continue;
    // A sheet whose rows end at their last filled cell (a sheet's title, a heading's row, may then be
    // its one cell) is as much a grid as a rectangular one: three rows in four hold the delimiter.
    // Prose whose lines mostly hold commas passes too; the table's header then decides.
    std::size_t widest = 0, without = 0;
    for (auto n : counts) {
      without += n < 2 ? 1 : 0;
      widest = std::max(widest, n);
    }
    if (without * 4 > counts.size()) continue;
    // (the fewer different counts the better: a semicolon sheet whose cells hold commas)
    auto sorted = counts;
    std::sort(sorted.begin(), sorted.end());
    const auto kinds = static_cast<std::size_t>(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
    const bool better = kinds != best_kinds ? kinds < best_kinds : widest > best_cells;
    if (!best || better) best = d, best_cells = widest, best_kinds = kinds;
  }
  return best;
}

grid read(std::string_view src, char delimiter) {
  grid g;
  g.delimiter = delimiter;
  csv_parser parser;
  if (csv_init(&parser, 0) != 0) throw std::runtime_error("libcsv could not start");
  csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
  csv_set_space_func(&parser, no_space);
  builder b;
  b.src = src;
  b.out = &g;
  for (; b.pos < src.size(); ++b.pos) {
    if (csv_parse(&parser, src.data() + b.pos, 1, cell_callback, record_callback, &b) != 1) {
      std::string why = csv_strerror(csv_error(&parser));
      csv_free(&parser);
      throw std::runtime_error("CSV not readable: " + why);
    }
  }
  b.pos = src.size();
  csv_fini(&parser, cell_callback, record_callback, &b);
  csv_free(&parser);
  return g;
}

std::size_t drop_blank_columns(grid& g) {
  auto blank = [](const std::string& v) {
    return std::all_of(v.begin(), v.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
  };
  std::size_t width = 0;
  for (const auto& r : g.records) width = std::max(width, r.cells.size());
  std::vector<bool> used(width, false);
  for (const auto& r : g.records)
    for (std::size_t c = 0; c < r.cells.size(); ++c) used[c] = used[c] || !blank(r.cells[c].value);
  const auto dropped = static_cast<std::size_t>(std::count(used.begin(), used.end(), false));
  if (dropped == 0 || dropped == width) return 0;
  for (auto& r : g.records) {
    std::size_t kept = 0;
    for (std::size_t c = 0; c < r.cells.size(); ++c)
      if (used[c]) {
        if (kept != c) r.cells[kept] = std::move(r.cells[c]);
        ++kept;
      }
    r.cells.resize(kept);
  }
  return dropped;
}

}  // namespace qspec::csv
