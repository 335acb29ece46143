#pragma once
// State shared by the stages after loading: the source, its line index, how
// each line has been accounted for, the diagnostics, and the text store.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "clean/line_wrap.hpp"
#include "clean/rich_text.hpp"
#include "load/line_index.hpp"
#include "qspec/model/diagnostic.hpp"
#include "qspec/model/document.hpp"
#include "qspec/model/text_store.hpp"
#include "qspec/profile.hpp"

namespace qspec {

enum class line_use : std::uint8_t { unknown, blank, content, furniture };

/// The ids given out in one document. An id is built from its parent's id
/// and a key read from the text (a number, a code, a slug of a title); where
/// the source repeats a key under one parent, the repeat gets "-2", "-3"…
/// so that ids stay unique (qspec diff matches nodes by id).
class id_registry {
 public:
  std::string claim(std::string id) {
    if (taken_.insert(id).second) return id;
    // the next suffix to try for this id, remembered: a document repeating one id thousands of
    // times claims each in one step, not by trying every suffix taken before
    unsigned& k = next_suffix_[id];
    if (k < 2) k = 2;
    for (;; ++k)
      if (auto alt = id + "-" + std::to_string(k); taken_.insert(alt).second) {
        ++k;
        return alt;
      }
  }

 private:
  std::unordered_set<std::string> taken_;
  std::unordered_map<std::string, unsigned> next_suffix_;
};

struct parse_context {
  parse_context(text_store& store_, std::vector<diagnostic>& diags_)
      : store(store_), src(store_.source()), lines(src), use(lines.count(), line_use::unknown), diags(diags_) {}

  text_store& store;
  std::string_view src;
  line_index lines;
  std::vector<line_use> use;
  std::vector<diagnostic>& diags;
  std::vector<furniture> furniture_items;
  id_registry ids;
  clean::markup_report markup;
  /// The gutter of a page laid out with a heading column beside the content
  /// (recognise/side_column.hpp): -1 until found, 0 when there is none.
  std::int64_t gutter = -1;
  /// The prose reader's words (profiles/prose.yaml): contact and navigation lines, questions, and
  /// the headings that give sections their roles. None: the reader uses no words.
  const profile* prose_words = nullptr;
  /// The width the text's lines are hard-wrapped at, measured after the page furniture is marked.
  line_wrap wrap;
  /// The lines that underline a heading ("=====" / "-----" under it), in order, with the "=" or "-".
  std::vector<std::pair<std::uint32_t, char>> heading_underlines;
  /// Lines folded for comparison with profiles' headings (vocab::fold), made
  /// when first asked for and shared by every profile detection scores.
  std::vector<std::string> folded_lines;
  std::vector<bool> folded;

  [[nodiscard]] source_span span(std::uint32_t begin, std::uint32_t end) const { return lines.span(begin, end); }
  [[nodiscard]] source_span span_of(const clean::rich_text& t) const {
    if (t.empty()) return {};
    return lines.span(t.source_begin(), t.source_end());
  }
  /// The whole text, from its first to its last character that is not a line
  /// terminator; empty when the text is blank.
  [[nodiscard]] source_span whole_span() const {
    std::uint32_t first = UINT32_MAX, last = 0;
    for (std::uint32_t l = 0; l < lines.count(); ++l)
      if (auto [b, e] = lines.content(l); e > b) first = std::min(first, b), last = e;
    return first < last ? lines.span(first, last) : source_span{};
  }
  [[nodiscard]] source_span line_span(std::uint32_t l) const {
    auto [b, e] = lines.content(l);
    return lines.span(b, e);
  }
  /// A lasting view of the cleaned text: into the source when it is verbatim.
  std::string_view keep(const clean::rich_text& t) {
    if (t.verbatim()) {
      auto b = t.source_begin();
      auto view = src.substr(b, t.text().size());
      if (view == t.text()) return view;
    }
    return store.keep(t.text());
  }
  std::string_view keep(std::string_view s) { return store.keep(s); }

  clean::rich_text read_text(std::uint32_t begin, std::uint32_t end) {
    auto before = markup.total();
    auto t = clean::read_text(src, begin, end, markup);
    if (markup.total() != before) note_markup(begin);
    return t;
  }
  std::vector<clean::block> read_blocks(std::uint32_t begin, std::uint32_t end) {
    auto before = markup.total();
    auto b = clean::read_blocks(src, begin, end, markup);
    if (markup.total() != before) note_markup(begin);
    return b;
  }
  /// Lines on which markup was turned into structure (a line may be read twice).
  std::vector<bool> markup_lines;
  void note_markup(std::uint32_t offset) {
    if (markup_lines.empty()) markup_lines.resize(lines.count());
    markup_lines[lines.line_of(offset)] = true;
  }

  void report(std::string_view code, severity level, source_span where, std::string message,
              std::string_view original = {}, std::string_view repaired = {}) {
    diags.push_back(diagnostic{std::string(code), level, where, std::move(message), std::string(original),
                               std::string(repaired), {}});
  }
};

/// Stage 2: marks running page headers as furniture (see page_furniture.cpp).
/// `page_edge_patterns`: lines furniture at a page's edges only; `site_patterns`: lines furniture
/// wherever they stand (profile_set's page_edge_furniture and furniture).
void mark_page_furniture(parse_context& ctx, const std::vector<std::string>& page_edge_patterns,
                         const std::vector<std::string>& site_patterns);

/// The level of the heading line `l` is, underlined (see mark_page_furniture): 1 under "=", 2
/// under "-"; 0 for a line with no underline.
int underlined_heading(const parse_context& ctx, std::uint32_t l);

/// Recognisers: each fills the document and marks the lines it used.
/// `vocabulary`: the headings of its parts (profiles/unit_specification.yaml).
void recognise_unit_specification(parse_context& ctx, document& doc, const profile& vocabulary);
void recognise_sections(parse_context& ctx, document& doc);
void recognise_structure_list(parse_context& ctx, document& doc, const profile& vocabulary,
                              const std::vector<std::string>& joining_words);
void recognise_criteria_framework(parse_context& ctx, document& doc, const profile& vocabulary);
/// Sub-topic codes and requirement labels in numbers: a criteria framework.
bool looks_like_criteria_framework(const parse_context& ctx, const profile& vocabulary);
/// The qualification layout a document has, or unknown.
document_kind detect_qualification_kind(const parse_context& ctx, const profile& vocabulary);
void recognise_datasheet(parse_context& ctx, document& doc, const profile& vocabulary);
void recognise_programme_overview(parse_context& ctx, document& doc, const profile& vocabulary);
/// A CSV grid whose header row names the columns of one of the table
/// profiles (see table_structure.cpp): that profile, or null.
const profile* detect_table_structure(const parse_context& ctx, const profile_set& profiles);
void recognise_table_structure(parse_context& ctx, document& doc, const profile& table);

/// Ids: lower-case ASCII letters and digits, other runs of ASCII turned into
/// single hyphens; non-ASCII letters are kept.
std::string slug(std::string_view text);

}  // namespace qspec
