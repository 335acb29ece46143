#include "grammar/lines.hpp"

#include <algorithm>
#include <array>

#include "grammar/ast_adapted.hpp"
#include "grammar/codes.hpp"
#include "grammar/config.hpp"
#include "grammar/criteria.hpp"
#include "grammar/labels.hpp"
#include "grammar/markers.hpp"
#include "grammar/structure.hpp"

namespace qspec::grammar {
namespace {
std::size_t skip_gaps(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') ++i;
    else if (s.substr(i, 2) == "\xC2\xA0") i += 2;
    else break;
  }
  return i;
}

template <class Rule, class Attr>
std::optional<prefix_match<Attr>> match_prefix(std::string_view text, const Rule& rule) {
  const char* first = text.data();
  const char* last = first + text.size();
  Attr attr{};
  if (!x3::parse(first, last, rule, attr)) return std::nullopt;
  return prefix_match<Attr>{std::move(attr), skip_gaps(text, static_cast<std::size_t>(first - text.data()))};
}
}  // namespace

std::optional<prefix_match<ast::unit_header>> match_unit_header(std::string_view line) {
  return match_prefix<unit_header_type, ast::unit_header>(line, unit_header());
}

std::optional<prefix_match<ast::element_code>> match_element_code(std::string_view line) {
  return match_prefix<element_code_type, ast::element_code>(line, element_code());
}

std::optional<prefix_match<unsigned>> match_number(std::string_view text) {
  if (text.empty() || text[0] < '0' || text[0] > '9') return std::nullopt;  // cheap reject
  return match_prefix<number_marker_type, unsigned>(text, number_marker());
}

std::optional<prefix_match<char>> match_sub_item(std::string_view text) {
  if (text.size() < 3 || text[0] != '(') return std::nullopt;
  auto m = match_prefix<sub_item_marker_type, ast::sub_item_marker>(text, sub_item_marker());
  if (!m) return std::nullopt;
  return prefix_match<char>{m->value.label, m->rest};
}

std::optional<std::vector<ast::legend_entry>> match_legend(std::string_view line) {
  if (line.find('=') == std::string_view::npos) return std::nullopt;
  const char* first = line.data();
  const char* last = first + line.size();
  std::vector<ast::legend_entry> entries;
  if (!x3::parse(first, last, legend(), entries) || first != last) return std::nullopt;
  return entries;
}

std::optional<std::vector<std::string>> match_criteria_header(std::string_view line) {
  const char* first = line.data();
  const char* last = first + line.size();
  std::vector<std::string> codes;
  if (!x3::parse(first, last, criteria_header(), codes) || first != last) return std::nullopt;
  // cells run together with spaces: a heading followed by a word or two in capitals ("PERFORMANCE
  // CRITERIA AND KNOWLEDGE") is no header; three codes or more, of five letters at most, are
  constexpr std::size_t fewest_run_together = 3, longest_code = 5;
  if (line.find('\t') == std::string_view::npos && line.find('|') == std::string_view::npos &&
      (codes.size() < fewest_run_together ||
       std::any_of(codes.begin(), codes.end(), [](const std::string& c) { return c.size() > longest_code; })))
    return std::nullopt;
  return codes;
}

template <class Rule, class Attr>
std::optional<Attr> match_whole(std::string_view text, const Rule& rule) {
  const char* first = text.data();
  const char* last = first + text.size();
  Attr attr{};
  if (!x3::parse(first, last, rule, attr) || first != last) return std::nullopt;
  return attr;
}

std::optional<prefix_match<ast::structure_unit>> match_structure_unit(std::string_view line) {
  auto lead = skip_gaps(line, 0);
  if (line.substr(lead, 5) != "Unit " && line.substr(lead, 5) != "Unit\t") return std::nullopt;
  return match_prefix<structure_unit_type, ast::structure_unit>(line, structure_unit());
}

bool is_unit_reference(std::string_view text) {
  if (text.size() != 10) return false;
  const char* first = text.data();
  return x3::parse(first, text.data() + text.size(), unit_reference());
}

std::optional<std::string> match_imported_code(std::string_view line) {
  if (line.find('(') == std::string_view::npos) return std::nullopt;
  return match_whole<imported_code_type, std::string>(line, imported_code());
}

std::optional<ast::table_code> match_table_code(std::string_view cell) {
  if (cell.empty() || cell.size() > 12) return std::nullopt;
  return match_whole<table_code_type, ast::table_code>(cell, table_code());
}

std::optional<ast::level_number> match_level_number(std::string_view line) {
  if (line.find("Level") == std::string_view::npos) return std::nullopt;
  return match_whole<level_number_type, ast::level_number>(line, level_number());
}

std::optional<prefix_match<std::string>> match_topic_code(std::string_view line) {
  return match_prefix<topic_code_type, std::string>(line, topic_code());
}

std::optional<prefix_match<ast::subtopic_code>> match_subtopic_code(std::string_view line) {
  if (line.find('/') == std::string_view::npos) return std::nullopt;
  return match_prefix<subtopic_code_type, ast::subtopic_code>(line, subtopic_code());
}

namespace {
/// The indent and list bullet opening a line ("  - ", "• ", "* "), in bytes; 0 for none.
std::size_t bullet_prefix(std::string_view line) {
  const std::size_t lead = skip_gaps(line, 0);
  const std::size_t n = list_bullet_length(line.substr(lead));
  return n ? lead + n : 0;
}

/// A marker matched after the line's bullet, if it has one: its rest counted from the line's start.
template <class Rule, class T>
std::optional<prefix_match<T>> after_bullet(std::string_view line, const Rule& rule) {
  const std::size_t b = bullet_prefix(line);
  auto m = match_prefix<Rule, T>(line.substr(b), rule);
  if (m) m->rest += b;
  return m;
}
}  // namespace

std::optional<prefix_match<char>> match_outcome(std::string_view line) {
  return after_bullet<outcome_marker_type, char>(line, outcome_marker());
}

std::optional<prefix_match<unsigned>> match_criterion(std::string_view line) {
  return after_bullet<criterion_marker_type, unsigned>(line, criterion_marker());
}

std::optional<std::size_t> match_bullet(std::string_view line) {
  const std::size_t n = bullet_prefix(line);
  if (n == 0) return std::nullopt;
  return n;
}

namespace {

// glyphs that mark nothing but a list item (a symbol font's Private Use Area ones too, below)
constexpr std::array<std::string_view, 11> bullet_glyphs{
    "\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x96\xAB", "\xE2\x97\x8F", "\xE2\x97\x8B",
    "\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x80\xA3", "\xE2\x81\x83", "\xE2\x88\x99"};
// marks that begin an item only with a space after them (elsewhere they are a word, a dash, a tick)
constexpr std::array<std::string_view, 14> spaced_markers{
    "-", "*", "o", "\xC2\xB7", "\xE2\x80\x93", "\xE2\x9E\xA2", "\xE2\x96\xBA", "\xE2\x96\xB6", "\xE2\x99\xA6",
    "\xE2\x9D\x96", "\xE2\x9C\x93", "\xE2\x9C\x94", "\xE2\x86\x92", "\xE2\x9E\x94"};

/// Length of a bullet glyph opening `text` (U+F020 to U+F0FF included: EF 80 A0 .. EF 83 BF), or 0.
std::size_t glyph_length(std::string_view text) {
  for (auto g : bullet_glyphs)
    if (text.starts_with(g)) return g.size();
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF) {
    const auto b1 = static_cast<unsigned char>(text[1]), b2 = static_cast<unsigned char>(text[2]);
    if (b1 >= 0x80 && b1 <= 0x83 && b2 >= 0x80 && b2 <= 0xBF && (b1 > 0x80 || b2 >= 0xA0)) return 3;
  }
  return 0;
}

}  // namespace

bool bullet_glyph(std::string_view text) { return !text.empty() && glyph_length(text) == text.size(); }

std::size_t list_bullet_length(std::string_view text) {
  std::size_t n = glyph_length(text);
  const bool glyph = n > 0;
  if (!glyph)
    for (auto g : spaced_markers)
      if (text.starts_with(g)) {
        n = g.size();
        break;
      }
  if (n == 0 || n >= text.size()) return 0;
  // a bullet glyph may stand right before its text ("•Text"); the other marks need a space or a tab
  if (text[n] != ' ' && text[n] != '\t') return glyph ? n : 0;
  while (n < text.size() && (text[n] == ' ' || text[n] == '\t')) ++n;
  return n;
}

std::optional<hours_found> find_hours_range(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9' || (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9')) continue;
    const char* first = text.data() + i;
    ast::hours_range r;
    if (x3::parse(first, text.data() + text.size(), hours_range(), r))
      return hours_found{r.min, r.max, i, static_cast<std::size_t>(first - text.data())};
  }
  return std::nullopt;
}

std::optional<prefix_match<ast::item_label>> match_item_label(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const char c = text[0];
  if (!(c == '(' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return std::nullopt;
  auto m = match_prefix<item_label_type, ast::item_label>(text, item_label());
  // a dash set between the label and its text ("K1 – The organisation's …", "P3 - check …") is
  // neither's: the text begins after it (the match's rest is past the gap after the label already)
  if (m && m->rest > 0 && (text[m->rest - 1] == ' ' || text[m->rest - 1] == '\t'))
    for (std::string_view dash : {std::string_view("-"), std::string_view("\xE2\x80\x93"), std::string_view("\xE2\x80\x94")})
      if (text.substr(m->rest).starts_with(dash) && m->rest + dash.size() < text.size() &&
          (text[m->rest + dash.size()] == ' ' || text[m->rest + dash.size()] == '\t')) {
        m->rest = skip_gaps(text, m->rest + dash.size());
        break;
      }
  return m;
}

std::optional<prefix_match<ast::item_label>> match_glued_label(std::string_view text) {
  if (text.empty() || !(text[0] >= 'A' && text[0] <= 'Z')) return std::nullopt;
  return match_prefix<glued_label_type, ast::item_label>(text, glued_label());
}

std::optional<prefix_match<std::string>> match_document_code(std::string_view text) {
  if (text.empty() || !((text[0] >= 'A' && text[0] <= 'Z') || (text[0] >= '0' && text[0] <= '9'))) return std::nullopt;
  auto m = match_prefix<document_code_type, std::string>(text, document_code());
  if (!m) return std::nullopt;
  bool digit = false, upper = false;
  for (char ch : m->value) {
    digit = digit || (ch >= '0' && ch <= '9');
    upper = upper || (ch >= 'A' && ch <= 'Z');
  }
  if (!digit || !upper || m->value.size() < 4) return std::nullopt;
  return m;
}

}  // namespace qspec::grammar
