#pragma once
// CSV grids (RFC 4180: quoted cells may hold delimiters, doubled quotes and
// line breaks), read with libcsv. Every cell keeps the source offset of each
// byte of its value, so spans of a cell, or of a part of it, stay exact.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qspec::csv {

struct cell {
  std::string value;                 ///< unquoted, doubled quotes made single, as libcsv gives it
  std::uint32_t begin = 0, end = 0;  ///< the raw cell in the source, quotes included
  std::uint32_t column = 0;          ///< its column in the source record, from 0 (blank columns dropped or not)
  std::vector<std::uint32_t> at;     ///< source offset of each byte of value; empty if unknown
  /// Source offsets [b, e) of value[vb, ve): the raw cell when the map is unknown.
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> source(std::size_t vb, std::size_t ve) const {
    if (at.size() != value.size() || vb >= ve || ve > at.size()) return {begin, end};
    return {at[vb], at[ve - 1] + 1};
  }
};

struct record {
  std::vector<cell> cells;
  std::uint32_t begin = 0, end = 0;  ///< source bytes of the record, without its line break
};

struct grid {
  char delimiter = ',';
  std::vector<record> records;
};

/// The delimiter (comma, semicolon or tab) that gives at least two cells on
/// three in four of the first records (up to `rows`, at least two of them),
/// counting outside quotes only; of several, the one whose records give the
/// fewest different numbers of cells (a rectangular grid: one), then the one
/// giving the most cells. Nothing when none does.
///
///     sniff_delimiter("a;b\n1;2\n") == ';'
[[nodiscard]] std::optional<char> sniff_delimiter(std::string_view src, unsigned rows = 8);

/// Reads the whole source as CSV with `delimiter`. Blank lines give no record.
///
///     auto g = read(src, ',');  // g.records[0].cells[0].value
[[nodiscard]] grid read(std::string_view src, char delimiter);

/// Takes out the columns that are blank in every record (a sheet whose table begins in its
/// second column, a margin column between two): they hold nothing, and a reader that looks at
/// a row's first cells would find nothing there. Returns how many were taken out.
std::size_t drop_blank_columns(grid& g);

}  // namespace qspec::csv
