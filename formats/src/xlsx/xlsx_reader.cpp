// XLSX (SpreadsheetML) -> the block stream of qspec/formats.hpp. libzip
// opens the package, pugixml parses the workbook, its relationships, the
// shared strings and each sheet. A workbook with one sheet holding cells is
// written as that sheet in RFC 4180 CSV (comma, quotes where a cell needs
// them, every row as wide as the widest): the text a CSV export of the
// sheet gives, so a structure grid is recognised as its CSV is. Several
// sheets: each is a `# name` heading and its rows as `| cell |` table rows.
// Cells are written as stored: shared and inline strings, numbers as their
// stored text, booleans TRUE/FALSE; number formats (dates) are not applied.
#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/utf8.h>

#include "common/nfc.hpp"
#include "readers.hpp"
#include "zip/ooxml.hpp"
#include "zip/zip_archive.hpp"

namespace qspec::formats {
namespace {

using pugi::xml_node;
using namespace ooxml;

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// SpreadsheetML escapes characters XML cannot hold as `_xHHHH_` (a
/// carriage return is `_x000D_`); a line break is kept as '\n'.
std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      std::uint32_t cp = 0;
      bool ok = true;
      for (std::size_t k = 2; k < 6; ++k) {
        int d = hex_digit(s[i + k]);
        ok = ok && d >= 0;
        cp = cp * 16 + static_cast<std::uint32_t>(d < 0 ? 0 : d);
      }
      if (ok && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        if (cp == 0x0D) {
          if (!(i + 7 < s.size() && s[i + 7] == '\n')) out.push_back('\n');  // CR LF is one break
        } else if (cp >= 0x20 || cp == '\t' || cp == '\n') {
          char buf[U8_MAX_LENGTH];
          std::int32_t n = 0;
          UBool error = false;
          U8_APPEND(buf, n, U8_MAX_LENGTH, static_cast<UChar32>(cp), error);  // ICU writes the UTF-8
          if (!error) out.append(buf, static_cast<std::size_t>(n));
        }
        i += 6;
        continue;
      }
    }
    if (s[i] == '\r') {
      if (!(i + 1 < s.size() && s[i + 1] == '\n')) out.push_back('\n');
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

/// The text of a string item (`<si>`, `<is>`): its `<t>`, or its rich
/// runs' `<t>` joined; phonetic guides (`<rPh>`) are not printed.
std::string string_item(xml_node si) {
  std::string out;
  for (xml_node n = si.first_child(); n; n = n.next_sibling()) {
    if (is(n, "t")) out += n.text().get();
    else if (is(n, "r")) out += child(n, "t").text().get();
  }
  return unescape(out);
}

/// "BC12" -> column 55 (1-based); 0 when the reference holds no column.
std::uint32_t column_of(std::string_view ref) {
  std::uint32_t col = 0;
  for (char c : ref) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
    if (col > 16384) return 0;  // past Excel's last column XFD: no reference
  }
  return col;
}

std::uint32_t to_uint(std::string_view s) {
  std::uint32_t v = 0;
  if (s.empty() || s.size() > 9) return 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + static_cast<std::uint32_t>(c - '0');
  }
  return v;
}

struct sheet_row {
  std::uint32_t number = 0;                    // 1-based, as the sheet numbers it
  std::map<std::uint32_t, std::string> cells;  // column (1-based) -> value, non-empty only
};

struct sheet {
  std::string name;
  std::uint32_t index = 0;  // 1-based, in the workbook's order
  std::vector<sheet_row> rows;
  std::uint32_t width = 0;  // the last column holding a value
};

/// A cell as RFC 4180 writes it: quoted when it holds a comma, a quote or
/// a line break, quotes doubled.
void csv_cell(std::string& out, std::string_view v) {
  if (v.find_first_of(",\"\n") == std::string_view::npos) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

class xlsx_reader {
 public:
  xlsx_reader(std::string_view bytes, const read_limits& limits) : zip_(bytes, limits.max_unpacked), limits_(limits) {}

  loaded_text run() {
    loaded_text r;
    r.format = to_string(input_format::xlsx);
    if (!zip_.ok()) return refuse(r, zip_.error());
    const std::string workbook_part = main_part();
    std::string bytes;
    if (!zip_.read(workbook_part, bytes)) {
      if (!zip_.error().empty()) return refuse(r, zip_.error());
      return refuse(r, "the ZIP archive holds no " + workbook_part + ": it is not an Excel workbook");
    }
    pugi::xml_document workbook;
    std::string why;
    if (!parse_part(bytes, workbook, why)) return refuse(r, workbook_part + " is not well-formed XML: " + why);
    auto targets = relationships(workbook_part);
    if (!zip_.error().empty()) return refuse(r, zip_.error());
    read_shared_strings(targets);
    if (!zip_.error().empty()) return refuse(r, zip_.error());

    std::vector<sheet> sheets;
    std::uint32_t index = 0;
    for (xml_node s = child(child(workbook.document_element(), "sheets"), "sheet"); s; s = s.next_sibling()) {
      if (!is(s, "sheet")) continue;
      ++index;
      auto it = targets.find(std::string(attr(s, "id")));
      if (it == targets.end()) continue;
      sheet sh;
      sh.name = unescape(attr(s, "name"));
      sh.index = index;
      if (!read_sheet(it->second, sh)) {
        if (!zip_.error().empty()) return refuse(r, zip_.error());
        continue;
      }
      if (!sh.rows.empty()) sheets.push_back(std::move(sh));
    }
    if (!error_.empty()) return refuse(r, error_);
    // every row is written as wide as its sheet: a sheet of many rows and one far cell would be huge
    std::size_t estimate = 0;
    for (const auto& sh : sheets) estimate += sh.rows.size() * (std::size_t{sh.width} + 1);
    if (estimate > limits_.max_unpacked) return refuse(r, "the workbook's sheets written out would exceed the " +
                                                              std::to_string(limits_.max_unpacked) +
                                                              " bytes qspec reads out of one archive: refused");
    if (sheets.size() == 1) write_csv(sheets.front());
    else
      for (const auto& sh : sheets) write_table(sh);
    if (!error_.empty()) return refuse(r, error_);
    r.text = nfc(std::move(text_));
    r.origins = std::move(origins_);
    r.diagnostics = std::move(diagnostics_);
    return r;
  }

 private:
  zip::archive zip_;
  const read_limits& limits_;
  std::vector<std::string> shared_;
  std::string text_;
  std::vector<source_origin> origins_;
  std::vector<diagnostic> diagnostics_;
  std::string error_;

  static loaded_text refuse(loaded_text& r, std::string why) {
    r.error = std::move(why);
    r.text.clear();
    r.origins.clear();
    return r;
  }

  void warn(std::string message) {
    diagnostic d;
    d.code = std::string(diag::part_damaged);
    d.level = severity::warning;
    d.message = std::move(message);
    diagnostics_.push_back(std::move(d));
  }

  std::string main_part() {
    std::string rels;
    if (zip_.read("_rels/.rels", rels)) {
      pugi::xml_document doc;
      std::string why;
      if (parse_part(rels, doc, why))
        for (xml_node rel = doc.document_element().first_child(); rel; rel = rel.next_sibling())
          if (is(rel, "Relationship") && attr(rel, "Type").ends_with("/officeDocument") &&
              attr(rel, "TargetMode") != "External") {
            auto target = zip::resolve_target("", attr(rel, "Target"));
            if (zip_.has(target)) return target;
          }
    }
    return "xl/workbook.xml";
  }

  /// The workbook's relationships: id -> part, and "sharedStrings" -> part.
  std::unordered_map<std::string, std::string> relationships(const std::string& part) {
    std::unordered_map<std::string, std::string> out;
    auto slash = part.rfind('/');
    std::string name = (slash == std::string::npos ? std::string() : part.substr(0, slash + 1)) + "_rels/" +
                       part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
    std::string bytes;
    if (!zip_.read(name, bytes)) return out;
    pugi::xml_document doc;
    std::string why;
    if (!parse_part(bytes, doc, why)) {
      warn(name + " is not well-formed XML (" + why + "): the workbook's sheets cannot be found");
      return out;
    }
    for (xml_node rel = doc.document_element().first_child(); rel; rel = rel.next_sibling()) {
      if (!is(rel, "Relationship") || attr(rel, "TargetMode") == "External") continue;
      std::string target = zip::resolve_target(part, attr(rel, "Target"));
      out[std::string(attr(rel, "Id"))] = target;
      if (attr(rel, "Type").ends_with("/sharedStrings")) out["#sharedStrings"] = target;
    }
    return out;
  }

  void read_shared_strings(const std::unordered_map<std::string, std::string>& targets) {
    auto it = targets.find("#sharedStrings");
    const std::string part = it == targets.end() ? std::string("xl/sharedStrings.xml") : it->second;
    std::string bytes;
    if (!zip_.read(part, bytes)) return;
    pugi::xml_document doc;
    std::string why;
    if (!parse_part(bytes, doc, why)) {
      warn(part + " is not well-formed XML (" + why + "): cells holding shared strings are left empty");
      return;
    }
    for (xml_node si = doc.document_element().first_child(); si; si = si.next_sibling())
      if (is(si, "si")) shared_.push_back(string_item(si));
  }

  bool read_sheet(const std::string& part, sheet& sh) {
    std::string bytes;
    if (!zip_.read(part, bytes)) return false;
    pugi::xml_document doc;
    std::string why;
    if (!parse_part(bytes, doc, why)) {
      warn("the sheet " + sh.name + " (" + part + ") is not well-formed XML (" + why + "): left out");
      return false;
    }
    std::uint32_t next_row = 1;
    for (xml_node row = child(child(doc.document_element(), "sheetData"), "row"); row; row = row.next_sibling()) {
      if (!is(row, "row")) continue;
      sheet_row out;
      out.number = to_uint(attr(row, "r"));
      if (out.number == 0) out.number = next_row;
      next_row = out.number + 1;
      std::uint32_t next_col = 1;
      for (xml_node c = row.first_child(); c; c = c.next_sibling()) {
        if (!is(c, "c")) continue;
        std::uint32_t col = column_of(attr(c, "r"));
        if (col == 0) col = std::min<std::uint32_t>(next_col, 16384);  // no reference: the next column, within XFD
        next_col = col + 1;
        std::string v = value(c);
        if (v.empty()) continue;
        sh.width = std::max(sh.width, col);
        out.cells[col] = std::move(v);
      }
      if (!out.cells.empty()) sh.rows.push_back(std::move(out));
    }
    return true;
  }

  std::string value(xml_node c) {
    auto type = attr(c, "t");
    std::string_view v = child(c, "v").text().get();
    if (type == "s") {
      auto i = to_uint(v);
      if (v.empty() || i >= shared_.size()) return {};
      return shared_[i];
    }
    if (type == "inlineStr") return string_item(child(c, "is"));
    if (type == "b") return v == "1" ? "TRUE" : v == "0" ? "FALSE" : std::string(v);
    return unescape(v);  // a number as stored, a formula's string result, an error value
  }

  bool within_limits(std::size_t more) {
    if (text_.size() + more <= limits_.max_unpacked) return true;
    error_ = "the workbook's sheets written out exceed the " + std::to_string(limits_.max_unpacked) +
             " bytes qspec reads out of one archive: refused";
    return false;
  }

  /// One record per row, all as wide as the sheet; each line of a record
  /// (a cell with line breaks spreads it over several) from the row, in
  /// the cell where the line begins.
  void write_csv(const sheet& sh) {
    for (const auto& row : sh.rows) {
      if (!within_limits(sh.width + 1)) return;
      source_origin o;
      o.sheet = sh.index;
      o.row = row.number;
      o.cell = 1;
      for (std::uint32_t col = 1; col <= sh.width; ++col) {
        if (col > 1) text_ += ',';
        auto it = row.cells.find(col);
        if (it == row.cells.end()) continue;
        const std::size_t from = text_.size();
        csv_cell(text_, it->second);
        for (std::size_t i = from; i < text_.size(); ++i)
          if (text_[i] == '\n') {
            origins_.push_back(o);
            o.cell = col;
          }
      }
      text_ += '\n';
      origins_.push_back(o);
    }
  }

  /// `# name`, a blank line, then `| cell |` rows, line breaks in a cell as `<br>`.
  void write_table(const sheet& sh) {
    source_origin at_sheet;
    at_sheet.sheet = sh.index;
    if (!text_.empty()) {
      text_ += '\n';
      origins_.push_back({});
    }
    std::string name = sh.name;  // a name holding a line break ("_x000A_") stays one heading line
    std::replace(name.begin(), name.end(), '\n', ' ');
    std::replace(name.begin(), name.end(), '\r', ' ');
    text_ += "# " + name + "\n\n";
    origins_.push_back(at_sheet);
    origins_.push_back({});
    for (const auto& row : sh.rows) {
      if (!within_limits(std::size_t{3} * sh.width + 2)) return;
      source_origin o = at_sheet;
      o.row = row.number;
      o.cell = 1;
      text_ += '|';
      for (std::uint32_t col = 1; col <= sh.width; ++col) {
        text_ += ' ';
        auto it = row.cells.find(col);
        if (it != row.cells.end()) {
          std::string_view v = it->second;
          for (;;) {
            auto nl = v.find('\n');
            text_ += v.substr(0, nl);
            if (nl == std::string_view::npos) break;
            text_ += "<br>";
            v.remove_prefix(nl + 1);
          }
        }
        text_ += " |";
      }
      text_ += '\n';
      origins_.push_back(o);
    }
  }
};

}  // namespace

loaded_text read_xlsx(std::string_view bytes, const read_limits& limits) {
  return xlsx_reader(bytes, limits).run();
}

}  // namespace qspec::formats
