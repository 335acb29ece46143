// Recogniser for NVQ / NOS unit specifications (seed 002, unit F36J 04 /
// LMC B2). The layout, as it comes out of a PDF or Word conversion:
//
//   **F36J 04 (LMC B2)  Title**            unit header, repeated as page header
//   **Elements of competence**             "- LMC B2.1  Title" list
//   **About this Unit** / **Scope**        prose; scope items "**Term** could include: …"
//   **Values underpinning …**              prose
//   **Key Words and Concepts**             tab table: <b>Term</b> TAB definition (HTML)
//   **Evidence Requirements …**            simulation rule, mandatory evidence, evidence types
//   **GENERAL GUIDANCE**                   "- " list
//   **KNOWLEDGE SPECIFICATION …**          tab table: group rows, numbered points, (a) sub-items
//   ## LMC B2.1 / **LMC B2.2 Title**       element, then its criteria table and legend
//   *To be completed by the Candidate*     sign-off form to the end
//
// Lines are read in one pass into builders; builders become model nodes at
// the end, when the glossary is known and term references can be resolved.
#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "grammar/lines.hpp"
#include "recognise/context.hpp"
#include "recognise/line_text.hpp"
#include "recognise/vocabulary.hpp"

namespace qspec {
namespace {

using clean::rich_text;

enum class part { preamble, elements_list, about, scope, values, glossary, evidence, guidance, knowledge, element, form };

struct heading_entry {
  std::string text;  // lower case
  part which;
  bool prefix;       // written "Values underpinning *": any text may follow
};

/// The parts' headings, from the recogniser's vocabulary profile
/// (profiles/unit_specification.yaml); the roles are the parts above.
std::vector<heading_entry> headings_of(const profile& vocabulary) {
  static constexpr std::pair<std::string_view, part> roles[] = {
      {"elements_list", part::elements_list}, {"about", part::about},       {"scope", part::scope},
      {"values", part::values},               {"glossary", part::glossary}, {"evidence", part::evidence},
      {"guidance", part::guidance},           {"knowledge", part::knowledge}};
  std::vector<heading_entry> out;
  for (const auto& rule : vocabulary.parts) {
    auto role = std::find_if(std::begin(roles), std::end(roles), [&](auto& r) { return r.first == rule.role; });
    if (role == std::end(roles)) {
      std::string known;
      for (const auto& r : roles) known += (known.empty() ? "" : ", ") + std::string(r.first);
      throw std::invalid_argument("profile " + vocabulary.name + " (" + vocabulary.source + "): unknown part role '" +
                                  rule.role + "' (known: " + known + ")");
    }
    for (const auto& written : rule.headings) {
      heading_entry h{{}, role->second, false};
      for (char c : written) h.text.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
      if (!h.text.empty() && h.text.back() == '*') {
        h.prefix = true;
        h.text.pop_back();
        while (!h.text.empty() && h.text.back() == ' ') h.text.pop_back();
      }
      out.push_back(std::move(h));
    }
  }
  return out;
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = ascii_lower(c);
  return out;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(s[i]) != prefix[i]) return false;
  return true;
}

std::optional<part> heading_of(const std::vector<heading_entry>& headings, std::string_view text) {
  std::string t = lower(text);
  while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.pop_back();
  for (const auto& h : headings)
    if (h.prefix ? t.rfind(h.text, 0) == 0 : t == h.text) return h.which;
  return std::nullopt;
}


bool ends_sentence(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return true;
  char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

/// Whether the whole text is emphasised (a bold line, a bold cell).
bool fully_emphasised(const rich_text& t) {
  for (const auto& r : t.emphasis_runs())
    if (r.begin == 0 && r.end >= t.text().size()) return true;
  return false;
}

struct cell {
  std::uint32_t begin, end;  // source offsets
  bool empty;
};

std::vector<cell> split_cells(std::string_view src, std::uint32_t b, std::uint32_t e) {
  std::vector<cell> cells;
  const char sep = row_separator(src.substr(b, e - b));
  if (sep == '|') {  // the outer bars bound the row: the cells are between them
    while (src[b] == ' ') ++b;
    while (src[e - 1] == ' ') --e;
    ++b;
    --e;
  }
  std::uint32_t start = b;
  for (;;) {
    const void* tab = sep ? std::memchr(src.data() + start, sep, e - start) : nullptr;
    std::uint32_t stop = tab ? static_cast<std::uint32_t>(static_cast<const char*>(tab) - src.data()) : e;
    std::uint32_t k = start;
    while (k < stop && src[k] == ' ') ++k;
    cells.push_back({start, stop, k == stop});
    if (!tab) break;
    start = stop + 1;
  }
  return cells;
}

// ---- builders --------------------------------------------------------------

struct numbered_builder {  // a performance criterion or knowledge point
  std::uint32_t number = 0;
  rich_text text;          // number marker removed
  std::uint32_t start = 0; // source offset of the number
};

struct element_builder {
  std::string code;        // "LMC B2.1"
  std::string number;      // "B2.1"
  rich_text title;
  rich_text listed_title;
  source_span listed_span;
  source_span span;
  struct column {
    std::string code;
    source_span span;
  };
  std::vector<column> columns;
  std::map<std::string, std::pair<std::string, source_span>> legend;
  std::deque<numbered_builder> criteria;
  bool has_section = false;
};

struct group_builder {
  rich_text title;
  std::uint32_t title_line = 0;  ///< the line its title ends on
  std::deque<numbered_builder> points;
};

struct term_builder {
  rich_text term;
  std::string_view emphasis;
  std::vector<clean::block> definition;
  source_span span;
};

struct requirement_builder {
  std::string_view category;
  rich_text label;
  rich_text text;
  std::optional<bool> permitted;
};

struct type_builder {
  rich_text name;
  rich_text description;
};

struct section_builder {
  rich_text heading;
  std::vector<clean::block> blocks;
};

class unit_recogniser {
 public:
  unit_recogniser(parse_context& ctx, document& doc, const profile& vocabulary)
      : ctx_(ctx), doc_(doc), vocabulary_(vocabulary), headings_(headings_of(vocabulary)) {}

  void run() {
    for (std::uint32_t l = 0; l < ctx_.lines.count(); ++l) line(l);
    finish();
  }

 private:
  parse_context& ctx_;
  document& doc_;
  const profile& vocabulary_;
  std::vector<heading_entry> headings_;

  /// The words of one of the vocabulary's fields ("scope_relation": "could include", …).
  [[nodiscard]] const std::vector<std::string>& field(std::string_view name) const {
    return field_words(vocabulary_, name);
  }
  /// Whether a text holds one of a field's words.
  [[nodiscard]] bool says(std::string_view text, std::string_view name) const {
    return holds_word(vocabulary_, name, text);
  }

  part part_ = part::preamble;
  bool page_break_ = false;   // a page broke since the last content line
  bool after_break_ = false;  // ... before the line being read
  rich_text* open_text_ = nullptr;  // the text a continuation after a page break would extend
  std::uint32_t open_text_line_ = 0;

  bool have_unit_ = false;
  std::string code_, local_code_;
  rich_text title_;
  source_span header_span_;
  std::uint32_t title_line_ = 0;   // the line the unit's title (so far) ends on
  std::uint32_t title_lines_ = 0;  // lines the title was read from, while it may go on; 0 when it is whole
  static constexpr std::uint32_t max_title_lines = 4;
  static constexpr std::size_t max_title_bytes = 250;
  std::string header_left_;  // the rest of the unit's header a running header repeated in pieces has yet to print

  std::deque<element_builder> elements_;
  element_builder* current_element_ = nullptr;
  const element_builder* numbered_from_sequence_ = nullptr;  // the element whose criteria lost their numbers
  bool expect_element_title_ = false;
  std::uint32_t element_title_line_ = UINT32_MAX;  // the last line of the open element's title
  bool in_legend_ = false;
  std::uint32_t legend_line_ = UINT32_MAX;  // the legend's last line read
  std::string legend_last_code_;             // the code of its last entry

  section_builder about_;
  bool have_about_ = false;
  rich_text scope_heading_, values_heading_, glossary_heading_, evidence_heading_, guidance_heading_,
      knowledge_heading_;
  std::deque<rich_text> scope_paragraphs_;
  struct scope_builder {
    rich_text term;
    std::string relation;
    rich_text text;
    source_span span;
  };
  std::deque<scope_builder> scope_items_;
  std::deque<rich_text> values_;
  std::deque<rich_text> glossary_intro_;
  std::deque<term_builder> terms_;
  std::deque<requirement_builder> requirements_;
  std::deque<type_builder> types_;
  std::string_view evidence_mode_ = "general";
  std::deque<rich_text> guidance_;
  std::deque<rich_text> knowledge_intro_;
  rich_text lead_in_;
  std::uint32_t lead_in_line_ = UINT32_MAX;
  rich_text evidence_column_;
  std::deque<group_builder> groups_;
  numbered_builder* current_point_ = nullptr;

  std::size_t form_ = 0;  // index of the open sign-off form in ctx_.furniture_items

  // -- helpers ---------------------------------------------------------------
  std::pair<std::uint32_t, std::uint32_t> bounds(std::uint32_t l) const { return ctx_.lines.content(l); }
  void used(std::uint32_t l, line_use u = line_use::content) { ctx_.use[l] = u; }
  void open(rich_text& t, std::uint32_t l) {
    open_text_ = &t;
    open_text_line_ = l;
  }

  void rejoin(rich_text& target, const rich_text& continuation, std::uint32_t l, std::string_view why) {
    auto [b, e] = bounds(l);
    target.join(continuation);  // reported joined: the repaired value shows what was done (its end)
    ctx_.report(diag::rejoined_page_break, severity::warning, ctx_.span_of(continuation),
                std::string("text continued ") + std::string(why) + " joined to the text it continues (line " +
                    std::to_string(open_text_line_ + 1) + ")",
                ctx_.src.substr(b, e - b), joined_tail(target.text()));
  }

  /// Cleaned text of a whole line.
  rich_text text_of(std::uint32_t l) {
    auto [b, e] = bounds(l);
    return ctx_.read_text(b, e);
  }

  void line(std::uint32_t l) {
    if (ctx_.use[l] == line_use::blank) return;
    if (ctx_.use[l] == line_use::furniture) {
      page_break_ = true;
      return;
    }
    auto [b, e] = bounds(l);
    std::string_view raw = ctx_.src.substr(b, e - b);

    if (part_ == part::form) return form_line(l, raw);

    if (!have_unit_) {
      if (auto m = grammar::match_unit_header(raw)) {
        have_unit_ = true;
        code_ = m->value.code;
        local_code_ = m->value.local_code;
        title_ = ctx_.read_text(b + static_cast<std::uint32_t>(m->rest), e);
        header_span_ = ctx_.span(b, e);
        title_line_ = l;
        title_lines_ = 1;
        used(l);
        return;
      }
    } else if (running_header(l, raw, b, e)) {
      return;
    }
    if (title_lines_ && title_goes_on(l, b, e)) return;
    title_lines_ = 0;

    after_break_ = page_break_;
    page_break_ = false;
    // Table rows (tabs) are read cell by cell by their part; other lines whole.
    const bool row = row_separator(raw) != 0;
    std::uint32_t from = b;  // "## Heading" (set in or not): the hashes are decoration
    while (from < e && (ctx_.src[from] == ' ' || ctx_.src[from] == '\t')) ++from;
    while (from < e && ctx_.src[from] == '#') ++from;
    const auto marker = static_cast<std::uint32_t>(list_marker(raw));  // "- item": read the item once
    rich_text text = row ? rich_text{} : ctx_.read_text(marker ? b + marker : from, e);
    if (!row && text.empty()) {  // only markup
      used(l, line_use::furniture);
      return;
    }
    if (istarts_with(text.text(), "to be completed by the")) return start_form(l, raw);

    if (auto h = heading_of(headings_, text.text()); h && !row) {
      // a heading that only restates the part it is in is boilerplate
      used(l, set_part(*h, text) ? line_use::content : line_use::furniture);
      return;
    }

    if (!row) {
      if (auto m = grammar::match_element_code(raw)) {
        element_line(l, *m, b, e);
        return;
      }
    }
    if (expect_element_title_ && current_element_) {
      current_element_->title = std::move(text);
      current_element_->span = merge(current_element_->span, ctx_.span(b, e));
      expect_element_title_ = false;
      element_title_line_ = l;
      used(l);
      return;
    }
    // an element's title wrapped onto the next line ("Lead and manage provision that involves people
    // in decisions about the" / "outcomes they wish to achieve")
    if (current_element_ && part_ == part::element && element_title_line_ != UINT32_MAX &&
        element_title_line_ + 1 == l && !row && !marker && !grammar::match_item_label(text.text()) &&
        !grammar::match_legend(text.text()) &&
        (vocab::starts_lower(text.text()) || ctx_.wrap.goes_on(ctx_, element_title_line_, text.text()))) {
      current_element_->title.join(text);
      current_element_->span = merge(current_element_->span, ctx_.span(b, e));
      element_title_line_ = l;
      used(l);
      return;
    }
    element_title_line_ = UINT32_MAX;

    // A continuation after a page break: lower-case start, open text unfinished.
    if (after_break_ && open_text_ && vocab::starts_lower(text.text()) && part_ != part::knowledge &&
        part_ != part::element) {
      rejoin(*open_text_, text, l, "after a page break");
      used(l);
      return;
    }

    // a paragraph, an item or a definition hard-wrapped over lines (a PDF's text): the line right
    // under the text's last line goes on it where that one was cut by the wrap
    // (not a criteria table's row, whose number may stand in a column of its own)
    // (nor a knowledge group's heading over its first point)
    if (open_text_ && open_text_line_ + 1 == l && !row && !marker && !after_break_ && part_ != part::element &&
        !grammar::match_item_label(text.text()) && ctx_.wrap.goes_on(ctx_, open_text_line_, text.text()) &&
        !(part_ == part::knowledge && title_like(text) && grammar::match_number(next_text(l).text()))) {
      open_text_->join(text);
      open_text_line_ = l;
      used(l);
      return;
    }

    switch (part_) {
      case part::about: about_line(l, b, e); break;
      case part::scope: scope_line(l, text); break;
      case part::values:
        values_.push_back(std::move(text));
        open(values_.back(), l);
        used(l);
        break;
      case part::glossary: glossary_line(l, raw, b, e, text); break;
      case part::evidence: evidence_line(l, marker > 0, text); break;
      case part::guidance: guidance_line(l, text); break;
      case part::knowledge: knowledge_line(l, b, e); break;
      case part::element: element_row(l, raw, b, e, text); break;
      default: break;  // left unclassified
    }
  }

  /// The unit's title wrapped under its header ("F36J 04 (LMC B2)  Lead and manage provision of care" /
  /// "services that promotes …"), or printed under a header of the code alone: the line under the
  /// title's last goes on it where it begins in lower case or the wrap cut the line above; the
  /// first line after a header of the code alone is the title, blank lines between. Not a heading,
  /// an element's code or an item.
  bool title_goes_on(std::uint32_t l, std::uint32_t b, std::uint32_t e) {
    auto text = ctx_.read_text(b, e);
    if (text.empty() || title_lines_ >= max_title_lines || heading_of(headings_, text.text()) ||
        grammar::match_element_code(ctx_.src.substr(b, e - b)) || grammar::match_item_label(text.text()) ||
        row_separator(ctx_.src.substr(b, e - b)))
      return false;
    if (title_.empty()) {
      // (a sentence, or a line longer than a title, is the text after a header of the code alone)
      if (ends_sentence(text.text()) || text.text().size() > max_title_bytes) return false;
      title_ = std::move(text);
    } else {
      if (title_line_ + 1 != l || (!vocab::starts_lower(text.text()) && !ctx_.wrap.goes_on(ctx_, title_line_, text.text())))
        return false;
      title_.join(text);
    }
    header_span_ = merge(header_span_, ctx_.span(b, e));
    title_line_ = l;
    ++title_lines_;
    used(l);
    return true;
  }

  /// The unit's header repeated at a page's top where the page furniture did not find it (a PDF's
  /// text sets it over lines, its title wrapped): the header of the unit's own code, and the lines
  /// after it that print the rest of its title, piece by piece. Furniture, and a page break.
  bool running_header(std::uint32_t l, std::string_view raw, std::uint32_t b, std::uint32_t e) {
    auto squeeze = [](std::string_view t) {
      std::string out;
      for (char c : t) {
        if (c == '*') continue;
        if (c == ' ' || c == '\t') {
          if (!out.empty() && out.back() != ' ') out.push_back(' ');
          continue;
        }
        out.push_back(c);
      }
      while (!out.empty() && out.back() == ' ') out.pop_back();
      return out;
    };
    if (auto m = grammar::match_unit_header(raw); m && m->value.code == code_ && m->value.local_code == local_code_) {
      const auto title = squeeze(title_.text());
      const auto printed = squeeze(ctx_.read_text(b + static_cast<std::uint32_t>(m->rest), e).text());
      if (title.empty() || !title.starts_with(printed)) return false;
      if (printed.empty()) {
        // the code alone: a header only where the title's first words follow it
        std::uint32_t next = l + 1;
        while (next < ctx_.lines.count() && ctx_.use[next] == line_use::blank) ++next;
        if (next >= ctx_.lines.count()) return false;
        const auto piece = squeeze(ctx_.lines.line(next));
        if (piece.empty() || !title.starts_with(piece) ||
            (piece.size() < title.size() && title[piece.size()] != ' '))
          return false;
      }
      header_left_ = title.substr(printed.size());
      while (!header_left_.empty() && header_left_.front() == ' ') header_left_.erase(0, 1);
      mark_furniture(ctx_, l, "page_header");
      page_break_ = true;
      return true;
    }
    if (header_left_.empty()) return false;
    const auto piece = squeeze(raw);
    if (piece.empty() || !header_left_.starts_with(piece) ||
        (piece.size() < header_left_.size() && header_left_[piece.size()] != ' ')) {
      header_left_.clear();
      return false;
    }
    header_left_.erase(0, piece.size());
    while (!header_left_.empty() && header_left_.front() == ' ') header_left_.erase(0, 1);
    mark_furniture(ctx_, l, "page_header");
    page_break_ = true;
    return true;
  }

  /// Enters a part; false when the heading repeats the part already open.
  bool set_part(part p, const rich_text& heading) {
    part_ = p;
    open_text_ = nullptr;
    current_element_ = nullptr;
    in_legend_ = false;
    switch (p) {
      case part::about:
        about_.heading = heading;
        have_about_ = true;
        break;
      case part::scope: scope_heading_ = heading; break;
      case part::values: values_heading_ = heading; break;
      case part::glossary: glossary_heading_ = heading; break;
      case part::evidence:
        if (!evidence_heading_.empty()) return false;  // "SPECIFIC EVIDENCE REQUIREMENTS …"
        evidence_heading_ = heading;
        break;
      case part::guidance: guidance_heading_ = heading; break;
      case part::knowledge: knowledge_heading_ = heading; break;
      default: break;
    }
    return true;
  }

  element_builder& element_for(const std::string& code) {
    for (auto& el : elements_)
      if (el.code == code) return el;
    elements_.emplace_back();
    elements_.back().code = code;
    return elements_.back();
  }

  /// Where the next element of the sequence starts inside [from, e), as
  /// "… title** LMC B2.2  title" when a conversion ran the list of elements
  /// together on one line; `before` is where the text before it ends (the
  /// decoration between the two is neither's). Nothing when there is none.
  struct next_code {
    std::uint32_t at, before;
  };
  std::optional<next_code> next_element_code(const grammar::ast::element_code& code, std::uint32_t from,
                                             std::uint32_t e) const {
    unsigned number = 0;
    for (char c : code.number) number = number * 10 + static_cast<unsigned>(c - '0');
    const std::string want = code.local_code + "." + std::to_string(number + 1);
    std::string_view s = ctx_.src.substr(from, e - from);
    for (std::size_t at = s.find(want); at != std::string_view::npos; at = s.find(want, at + 1)) {
      if (at == 0 || (s[at - 1] != ' ' && s[at - 1] != '*' && s[at - 1] != '\xA0')) continue;
      auto m = grammar::match_element_code(s.substr(at));
      if (!m || m->value.local_code != code.local_code || m->value.number != std::to_string(number + 1)) continue;
      std::size_t before = at;
      while (before > 0 && (s[before - 1] == ' ' || s[before - 1] == '*' || s[before - 1] == '-' ||
                            s[before - 1] == '\xA0' || s[before - 1] == '\xC2'))
        --before;
      return next_code{from + static_cast<std::uint32_t>(at), from + static_cast<std::uint32_t>(before)};
    }
    return std::nullopt;
  }

  void element_line(std::uint32_t l, grammar::prefix_match<grammar::ast::element_code> m, std::uint32_t b,
                    std::uint32_t e) {
    // several elements run together on one line: each up to the next code of the sequence (a loop,
    // not a call per element: a hostile line of thousands stays flat)
    for (;;) {
    const auto title_begin = b + static_cast<std::uint32_t>(m.rest);
    const auto next = next_element_code(m.value, title_begin, e);
    const std::uint32_t title_end = next ? next->before : e;
    std::string code = m.value.local_code + "." + m.value.number;
    auto& el = element_for(code);
    auto space = m.value.local_code.find(' ');
    el.number = (space == std::string::npos ? m.value.local_code : m.value.local_code.substr(space + 1)) + "." +
                m.value.number;
    rich_text title = ctx_.read_text(title_begin, title_end);
    used(l);
    if (next) {
      auto nm = grammar::match_element_code(ctx_.src.substr(next->at, e - next->at));
      ctx_.report(diag::items_on_one_line, severity::warning, ctx_.span(b, e),
                  "several elements on one line; " + nm->value.local_code + "." + nm->value.number + " split from " +
                      code,
                  ctx_.src.substr(b, std::min<std::uint32_t>(e - b, 300)), ctx_.src.substr(b, title_end - b));
    }
    if (part_ == part::elements_list) {
      el.listed_title = title;
      el.listed_span = ctx_.span(b, title_end);
      if (!next) open(el.listed_title, l);  // (its title may wrap onto the next line)
    } else {
      part_ = part::element;
      open_text_ = nullptr;
      in_legend_ = false;
      current_element_ = &el;
      el.has_section = true;
      el.span = ctx_.span(b, title_end);
      el.title = title;
      expect_element_title_ = title.empty();
      element_title_line_ = title.empty() || next ? UINT32_MAX : l;
    }
    if (!next) return;
    m = *grammar::match_element_code(ctx_.src.substr(next->at, e - next->at));
    b = next->at;
    }
  }

  void about_line(std::uint32_t l, std::uint32_t b, std::uint32_t e) {
    for (auto& blk : ctx_.read_blocks(b, e)) about_.blocks.push_back(std::move(blk));
    if (!about_.blocks.empty()) open(about_.blocks.back().content, l);
    used(l);
  }

  /// "could include", "include"…: the relation between a scope term and its list.
  [[nodiscard]] bool scope_relation(std::string_view relation) const {
    for (const auto& w : field("scope_relation"))
      if (equals_ci(relation, w)) return true;
    return false;
  }

  void scope_line(std::uint32_t l, rich_text& text) {
    used(l);
    // "**Advocates** could include: parents, …", or plain "Advocates could include: …":
    // the term is the emphasis opening the line, else the words before the relation.
    std::string_view t = text.text();
    const auto& runs = text.emphasis_runs();
    std::optional<std::uint32_t> term_end;
    std::size_t colon = std::string_view::npos;
    if (!runs.empty() && runs.front().begin == 0) {
      term_end = runs.front().end;
    } else if (colon = t.find(':'); colon != std::string_view::npos && colon <= 120 && !vocab::starts_lower(t)) {
      // the relation is the last one or two words before the colon
      std::string_view head = t.substr(0, colon);
      while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
      for (int words = 2; words >= 1 && !term_end; --words) {
        std::size_t cut = head.size();
        for (int w = 0; w < words && cut != std::string_view::npos; ++w) {
          cut = head.rfind(' ', cut == 0 ? 0 : cut - 1);
        }
        if (cut == std::string_view::npos || cut == 0) continue;
        if (scope_relation(head.substr(cut + 1))) term_end = static_cast<std::uint32_t>(cut);
      }
    }
    if (term_end) {
      std::string_view rest = t.substr(*term_end);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      colon = rest.find(':');
      if (colon != std::string_view::npos && colon <= 20) {
        std::string relation(rest.substr(0, colon));
        while (!relation.empty() && relation.back() == ' ') relation.pop_back();
        if (scope_relation(relation)) {
          auto body_begin = static_cast<std::uint32_t>(rest.data() + colon + 1 - t.data());
          while (body_begin < t.size() && t[body_begin] == ' ') ++body_begin;
          scope_items_.push_back({text.slice(0, *term_end), relation,
                                  text.slice(body_begin, static_cast<std::uint32_t>(t.size())), ctx_.span_of(text)});
          open(scope_items_.back().text, l);
          return;
        }
      }
    }
    scope_paragraphs_.push_back(std::move(text));
    open(scope_paragraphs_.back(), l);
  }

  void glossary_line(std::uint32_t l, std::string_view raw, std::uint32_t b, std::uint32_t e, rich_text& text) {
    used(l);
    if (!row_separator(raw)) {
      // (a glossary set as a table: a line of no cells among or after its rows is its introduction's)
      if (glossary_rows_ == 0) return glossary_text(l, b, e, text);
      glossary_intro_.push_back(std::move(text));
      open(glossary_intro_.back(), l);
      return;
    }
    ++glossary_rows_;
    auto cells = split_cells(ctx_.src, b, e);
    std::vector<clean::block> def;
    for (std::size_t k = 1; k < cells.size(); ++k)
      for (auto& blk : ctx_.read_blocks(cells[k].begin, cells[k].end)) def.push_back(std::move(blk));
    if (cells[0].empty) {
      if (terms_.empty() || def.empty()) {
        used(l, line_use::unknown);
        return;
      }
      auto& t = terms_.back();
      // "teachers, college lecturers, …": the row goes on with an empty term cell
      const auto& cont = def.front().content;
      const auto where = ctx_.span_of(cont);
      std::string repaired;  // the joined paragraph; none when the row is kept as a paragraph of its own
      if (!t.definition.empty()) {
        auto& last = t.definition.back().content;
        if (vocab::starts_lower(cont.text()) || !ends_sentence(last.text())) {
          last.join(cont);
          repaired = last.text();
          def.erase(def.begin());
        }
      }
      ctx_.report(diag::continued_row, severity::warning, where,
                  "definition of '" + t.term.text() + "' continues on a row with an empty term cell; " +
                      (repaired.empty() ? "kept as a paragraph of it" : "joined to it"),
                  raw, repaired);
      for (auto& blk : def) t.definition.push_back(std::move(blk));
      t.span = merge(t.span, ctx_.span(b, e));
      return;
    }
    term_builder t;
    t.term = ctx_.read_text(cells[0].begin, cells[0].end);
    t.emphasis = emphasis_of(t.term);
    t.definition = std::move(def);
    t.span = ctx_.span(b, e);
    terms_.push_back(std::move(t));
    if (!terms_.back().definition.empty()) open(terms_.back().definition.back().content, l);
  }

  /// How a glossary's term is set: "bold", "italic" or "none", by the emphasis opening it.
  static std::string_view emphasis_of(const rich_text& term) {
    std::string_view how = "none";
    for (const auto& r : term.emphasis_runs())
      if (r.begin == 0) how = r.style == clean::emphasis::italic ? "italic" : "bold";
    return how;
  }

  std::uint32_t glossary_rows_ = 0;  // the glossary's rows of cells read

  /// A glossary whose table kept no cells (a conversion that prints each cell as a line, or a
  /// row's cells run into one line): a term emphasised opening a line goes on with its definition
  /// ("**Abuse** Abuse is causing …", "**Abuse:** …"); a term alone on its line, over its
  /// definition, opens an entry; other lines after the first term are its definition's
  /// paragraphs, or its list's items where bulleted; before it, the glossary's introduction.
  void glossary_text(std::uint32_t l, std::uint32_t b, std::uint32_t e, rich_text& text) {
    const std::string_view s = text.text();
    const auto& runs = text.emphasis_runs();
    std::uint32_t def = 0;       // where the definition begins in the text, after a term that opens it
    std::uint32_t term_end = 0;  // where that term ends (its colon, inside the emphasis or not, left out)
    if (!runs.empty() && runs.front().begin == 0 && runs.front().end < s.size() && runs.front().end <= 60) {
      term_end = static_cast<std::uint32_t>(runs.front().end);
      while (term_end > 0 && (s[term_end - 1] == ':' || s[term_end - 1] == ' ')) --term_end;
      def = static_cast<std::uint32_t>(runs.front().end);
      while (def < s.size() && (s[def] == ' ' || s[def] == ':')) ++def;
      if (def >= s.size() || term_end == 0 || !title_like(text.slice(0, term_end))) def = 0;
    }
    // (not the first line of a definition: under a term still without one, or wrapped onto the
    // line under it, "People who communicate" / "the views, wishes and", or cut by the wrap of a
    // paragraph that goes on under it)
    const bool pending = !terms_.empty() && terms_.back().definition.empty();
    const bool under = l + 1 < ctx_.lines.count() && ctx_.use[l + 1] != line_use::blank &&
                       ctx_.use[l + 1] != line_use::furniture;
    const bool wrapped = under && (vocab::starts_lower(peek(l + 1).text()) ||
                                   ctx_.wrap.goes_on(ctx_, l, peek(l + 1).text()));
    const bool alone = !def && !pending && !wrapped && title_like(text) && !next_text(l).text().empty();
    if (!def && !alone) {
      if (terms_.empty()) {
        glossary_intro_.push_back(std::move(text));
        open(glossary_intro_.back(), l);
        return;
      }
      auto& t = terms_.back();
      std::vector<clean::block> blocks;
      const auto marker = static_cast<std::uint32_t>(list_marker(ctx_.src.substr(b, e - b)));
      if (marker) {
        // "• improved health, …": an item of a list in the definition, the list of the item above
        // when there is one
        clean::block item{clean::block_type::list_item, 1, ctx_.read_text(b + marker, e)};
        std::uint32_t lists = 0;
        for (const auto& d : t.definition) lists = std::max(lists, d.list);
        const bool same = !t.definition.empty() && t.definition.back().type == clean::block_type::list_item;
        item.list = same ? lists : lists + 1;
        blocks.push_back(std::move(item));
      } else {
        blocks = ctx_.read_blocks(b, e);
      }
      // the definition's sentence going on: wrapped in its column onto this line, or after a
      // break ("teachers, college lecturers, …" after a blank line), said where it is joined
      // (a bulleted line is an item of its own)
      if (!marker && !t.definition.empty() && !blocks.empty() && vocab::starts_lower(blocks.front().content.text()) &&
          (!ends_sentence(t.definition.back().content.text()) || open_text_line_ + 1 == l)) {
        auto& last = t.definition.back().content;
        last.join(blocks.front().content);
        if (open_text_line_ + 1 != l)
          ctx_.report(diag::continued_row, severity::warning, ctx_.span_of(blocks.front().content),
                      "definition of '" + t.term.text() + "' goes on on a line of its own; joined to it",
                      ctx_.src.substr(b, e - b), last.text());
        blocks.erase(blocks.begin());
      }
      for (auto& blk : blocks) t.definition.push_back(std::move(blk));
      t.span = merge(t.span, ctx_.span(b, e));
      if (!t.definition.empty()) open(t.definition.back().content, l);
      return;
    }
    term_builder t;
    t.term = def ? text.slice(0, term_end) : text;
    t.emphasis = emphasis_of(t.term);
    if (def) t.definition = ctx_.read_blocks(text.source_of(def), e);
    t.span = ctx_.span(b, e);
    terms_.push_back(std::move(t));
    if (!terms_.back().definition.empty()) open(terms_.back().definition.back().content, l);
  }

  /// "**Label:** text" or "**Label: text**": the label before the colon, when short.
  static std::pair<rich_text, rich_text> split_label(const rich_text& t) {
    std::string_view s = t.text();
    auto colon = s.find(':');
    const auto& runs = t.emphasis_runs();
    if (colon == std::string_view::npos || colon > 60) return {rich_text{}, t};
    if (runs.empty()) {
      // plain "Work Products: These can be …": a label of a few words, no clause
      std::string_view label = s.substr(0, colon);
      if (colon > 40 || vocab::starts_lower(label) || label.find(',') != std::string_view::npos ||
          std::count(label.begin(), label.end(), ' ') > 3)
        return {rich_text{}, t};
    } else if (runs.front().begin != 0 || runs.front().end < colon) {
      return {rich_text{}, t};
    }
    auto body = static_cast<std::uint32_t>(colon + 1);
    while (body < s.size() && s[body] == ' ') ++body;
    if (body >= s.size()) return {rich_text{}, t};  // "Simulation:" alone is a heading
    return {t.slice(0, static_cast<std::uint32_t>(colon)), t.slice(body, static_cast<std::uint32_t>(s.size()))};
  }

  /// Length of a list marker ("- ", "* ", "• ", a symbol font's bullet: grammar::list_bullet_length)
  /// opening the line, spaces before it included, or 0.
  static std::size_t list_marker(std::string_view raw) {
    std::size_t i = 0;
    while (i < raw.size() && raw[i] == ' ') ++i;
    const std::size_t n = grammar::list_bullet_length(raw.substr(i));
    return n ? i + n : 0;
  }

  void evidence_line(std::uint32_t l, bool item, rich_text& body) {
    used(l);
    std::string_view s = body.text();
    // sub-headings: "Simulation:", "The following forms of evidence ARE mandatory:"
    // (a sub-heading stands out by its emphasis, or in a plain conversion by being a short line alone)
    if (!item && (fully_emphasised(body) || body.emphasis_runs().empty()) && s.size() <= 80 && !s.empty() &&
        s.back() == ':') {
      if (says(s, "simulation")) evidence_mode_ = "simulation";
      else if (says(s, "mandatory")) evidence_mode_ = "mandatory";
      else evidence_mode_ = "general";
      used(l, line_use::furniture);  // a sub-heading: boilerplate
      return;
    }
    auto [label, rest] = split_label(body);
    if (evidence_mode_ == "simulation") {
      requirement_builder r{"simulation", label, rest, std::nullopt};
      if (says(s, "not_permitted")) r.permitted = false;
      else if (says(s, "permitted")) r.permitted = true;
      requirements_.push_back(std::move(r));
      open(requirements_.back().text, l);
      return;
    }
    if (item && !label.empty()) {
      types_.push_back({label, rest});
      open(types_.back().description, l);
      return;
    }
    std::string_view category = (evidence_mode_ == "mandatory" && !label.empty()) ? "mandatory" : "general";
    requirements_.push_back({category, label, rest, std::nullopt});
    open(requirements_.back().text, l);
    if (!item && s.size() > 80 && s.back() == ':') evidence_mode_ = "general";  // "… for example:" leads into types
  }

  void guidance_line(std::uint32_t l, rich_text& text) {
    used(l);
    guidance_.push_back(std::move(text));
    open(guidance_.back(), l);
  }

  /// A group heading in a plain conversion ("Legislation and Policy", no
  /// emphasis): a short phrase opening with a capital that ends no sentence,
  /// alone in its row.
  static bool plain_title(const rich_text& t, const std::vector<cell>& cells, std::size_t first) {
    if (!t.emphasis_runs().empty() || !title_like(t)) return false;
    for (std::size_t k = first + 1; k < cells.size(); ++k)
      if (!cells[k].empty) return false;
    return true;
  }

  /// A sub-item printed as an item of a bulleted list ("- (b) your own roles", a Word file's list in a
  /// cell): the bullet is the list's, the sub-item's label its own.
  static rich_text without_sub_item_bullet(const rich_text& t) {
    const auto at = grammar::match_bullet(t.text());
    if (!at || !grammar::match_sub_item(t.text().substr(*at))) return t;
    return t.slice(static_cast<std::uint32_t>(*at), static_cast<std::uint32_t>(t.text().size()));
  }

  /// A title's shape, bold or plain: a short phrase opening with a capital that ends no sentence and
  /// is no numbered point -- a knowledge group's heading, a glossary's term, a column's name.
  static bool title_like(const rich_text& t) {
    std::string_view s = t.text();
    return !s.empty() && s.size() <= 80 && s[0] >= 'A' && s[0] <= 'Z' && !ends_sentence(s) && s.back() != ',' &&
           std::count(s.begin(), s.end(), ' ') <= 9 && !grammar::match_number(s) &&
           (fully_emphasised(t) || t.emphasis_runs().empty());
  }

  /// The first cell's text of the next line with text after line l, or none.
  rich_text next_text(std::uint32_t l) {
    for (std::uint32_t k = l + 1; k < ctx_.lines.count(); ++k) {
      if (ctx_.use[k] == line_use::blank || ctx_.use[k] == line_use::furniture) continue;
      return peek(k);
    }
    return {};
  }

  /// Line k's first cell read ahead of its turn: its markup not yet counted as read.
  rich_text peek(std::uint32_t k) const {
    auto [b, e] = bounds(k);
    const cell c = first_nonempty(split_cells(ctx_.src, b, e));
    clean::markup_report ahead;
    return clean::read_text(ctx_.src, c.begin, c.end, ahead);
  }

  /// A row's first cell that holds anything (its last when none does).
  static cell first_nonempty(const std::vector<cell>& cells) {
    std::size_t first = 0;
    while (first + 1 < cells.size() && cells[first].empty) ++first;
    return cells[first];
  }

  /// Where the knowledge table begins in a conversion that kept no cells (each cell a line of its
  /// own, or a row's cells run into one line): at its first numbered point, at a group's heading
  /// over one, or at the column header's lead-in ("… in your management practice:") over either.
  bool table_begins(std::uint32_t l, const rich_text& t) {
    if (grammar::match_number(t.text())) return true;
    const rich_text next = next_text(l);
    const bool over_point = static_cast<bool>(grammar::match_number(next.text()));
    if (title_like(t)) return over_point;
    return (header_run_together(t) || (!t.text().empty() && t.text().back() == ':')) && (over_point || title_like(next));
  }

  /// Where the column header's second cell begins on a line that runs the header's cells together
  /// ("… in your management practice: Enter Evidence Numbers"): after the lead-in's colon, a short
  /// title; 0 when the line is no such header.
  static std::uint32_t header_run_together(const rich_text& t) {
    const std::string_view s = t.text();
    const auto colon = s.rfind(": ");
    if (colon == std::string_view::npos) return 0;
    const auto rest = static_cast<std::uint32_t>(colon + 2);
    return title_like(t.slice(rest, static_cast<std::uint32_t>(s.size()))) ? rest : 0;
  }

  void knowledge_line(std::uint32_t l, std::uint32_t b, std::uint32_t e) {
    std::string_view raw = ctx_.src.substr(b, e - b);
    used(l);
    const bool row = row_separator(raw) != 0;
    if (!row && groups_.empty() && !current_point_ && lead_in_.empty()) {
      rich_text whole = ctx_.read_text(b, e);
      if (!table_begins(l, whole)) {
        knowledge_intro_.push_back(std::move(whole));
        open(knowledge_intro_.back(), l);  // (a paragraph hard-wrapped goes on on the next line)
        return;
      }
    }
    auto cells = split_cells(ctx_.src, b, e);
    std::size_t first = 0;
    while (first + 1 < cells.size() && cells[first].empty) ++first;
    rich_text t = ctx_.read_text(cells[first].begin, cells[first].end);
    if (t.empty()) {
      used(l, line_use::furniture);
      return;
    }
    // the column header row: "You need to show that you know …:" | "Enter Evidence Numbers"
    if (groups_.empty() && !current_point_ && lead_in_.empty() && (cells.size() > 1 || !row) && !t.text().empty() &&
        t.text().back() == ':') {
      lead_in_ = t;
      lead_in_line_ = l;
      if (first + 1 < cells.size()) evidence_column_ = ctx_.read_text(cells[first + 1].begin, cells[first + 1].end);
      return;
    }
    if (groups_.empty() && !current_point_ && lead_in_.empty() && !row) {
      if (const auto rest = header_run_together(t)) {
        lead_in_ = t.slice(0, rest - 1);
        lead_in_line_ = l;
        evidence_column_ = t.slice(rest, static_cast<std::uint32_t>(t.text().size()));
        return;
      }
    }
    // the header's second cell on a line of its own, over the first group's heading
    if (!row && groups_.empty() && !current_point_ && lead_in_line_ != UINT32_MAX && lead_in_line_ + 1 == l &&
        evidence_column_.empty() &&
        title_like(t) && title_like(next_text(l))) {
      evidence_column_ = t;
      return;
    }
    if (auto n = grammar::match_number(t.text())) {
      if (groups_.empty()) groups_.emplace_back();
      auto& g = groups_.back();
      g.points.push_back({n->value, t.slice(static_cast<std::uint32_t>(n->rest), static_cast<std::uint32_t>(t.text().size())),
                         t.source_begin()});
      current_point_ = &g.points.back();
      open(current_point_->text, l);
      return;
    }
    t = without_sub_item_bullet(t);
    const bool sub_item = static_cast<bool>(grammar::match_sub_item(t.text()));
    if (current_point_ && (vocab::starts_lower(t.text()) || sub_item)) {
      if (after_break_) rejoin(current_point_->text, t, l, "after a page break");
      else if ((sub_item || open_text_line_ + 1 == l) && !row_separator(raw))
        current_point_->text.join(t);  // a plain list's sub-item on a line of its own, or the point's text wrapped
                                       // onto the line under it (a text dump of the table): the layout, not a repair
      else {
        current_point_->text.join(t);
        ctx_.report(diag::continued_row, severity::warning, ctx_.span_of(t),
                    "knowledge point " + std::to_string(current_point_->number) +
                        " continues on a row of its own; joined to it",
                    raw, joined_tail(current_point_->text.text()));
      }
      open(current_point_->text, l);  // (a sub-item may wrap onto the next line in turn)
      return;
    }
    if (fully_emphasised(t) || plain_title(t, cells, first)) {  // a group heading row
      // right under a group's heading, before any point of it: the rest of
      // that heading, wrapped in its narrow cell ("Leadership and Management
      // / Theory and Practice"); a group of no points is none
      if (!groups_.empty() && groups_.back().points.empty() && !groups_.back().title.empty() &&
          groups_.back().title_line + 1 == l) {
        auto& g = groups_.back();
        const std::string printed = std::string(g.title.text()) + '\n' + std::string(t.text());
        g.title.join(t);
        g.title_line = l;
        ctx_.report(diag::continued_row, severity::warning, ctx_.span_of(t),
                    "a knowledge group's heading goes on on the line under it; joined to it", printed,
                    std::string(g.title.text()));
        return;
      }
      groups_.emplace_back();
      groups_.back().title = t;
      groups_.back().title_line = l;
      current_point_ = nullptr;
      open_text_ = nullptr;
      return;
    }
    used(l, line_use::unknown);
  }

  /// The text of a row's first non-empty cell (the whole line when it has no tab).
  rich_text first_cell(std::uint32_t b, std::uint32_t e) {
    const cell c = first_nonempty(split_cells(ctx_.src, b, e));
    return ctx_.read_text(c.begin, c.end);
  }

  /// "4." with nothing after it: a criterion number printed apart from its text.
  static std::optional<unsigned> lone_number(const rich_text& t) {
    auto n = grammar::match_number(t.text());
    if (!n || n->rest < t.text().size()) return std::nullopt;
    return n->value;
  }

  std::set<std::uint32_t> detached_number_lines_;
  std::map<std::uint32_t, unsigned> detached_texts_;  // a text's line -> the number printed apart from it

  /// A column of criterion numbers printed apart from their texts ("1." …
  /// "6." each on its own line, then the six texts, as PDF text extraction
  /// gives a table): paired by count and sentence shape, each text opening a
  /// sentence and as many texts as numbers before the table ends. False, and
  /// nothing paired, when the lines that follow do not have that shape.
  std::uint32_t unpaired_until_ = 0;  // lines before it: a run of numbers already tried

  bool pair_detached_numbers(std::uint32_t l, const element_builder& el) {
    // a run of numbers that could not be paired is not scanned again from each of its lines
    if (l < unpaired_until_) return false;
    const std::uint32_t count = ctx_.lines.count();
    std::vector<std::pair<std::uint32_t, unsigned>> numbers;  // line, number
    std::uint32_t k = l;
    auto unpaired = [&] {
      unpaired_until_ = k;
      return false;
    };
    for (; k < count; ++k) {
      if (ctx_.use[k] == line_use::blank) continue;
      if (ctx_.use[k] == line_use::furniture) return unpaired();
      auto [b, e] = bounds(k);
      auto n = lone_number(first_cell(b, e));
      if (!n) break;
      if (!numbers.empty() && *n != numbers.back().second + 1) return unpaired();
      numbers.emplace_back(k, *n);
    }
    if (numbers.size() < 2) return unpaired();
    // the texts: lines that open a sentence and are no other row of the table
    auto text_row = [&](std::uint32_t row) {
      auto [b, e] = bounds(row);
      std::string_view raw = ctx_.src.substr(b, e - b);
      rich_text t = first_cell(b, e);
      std::string_view s = t.text();
      return !s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !grammar::match_number(s) && !grammar::match_legend(s) &&
             !grammar::match_criteria_header(raw) && !grammar::match_element_code(raw) &&
             !heading_of(headings_, s);
    };
    std::vector<std::uint32_t> texts;
    for (; k < count && texts.size() <= numbers.size(); ++k) {
      if (ctx_.use[k] == line_use::blank) continue;
      if (ctx_.use[k] == line_use::furniture || !text_row(k)) break;
      texts.push_back(k);
    }
    if (texts.size() != numbers.size()) return unpaired();
    std::string repaired;
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      detached_number_lines_.insert(numbers[i].first);
      detached_texts_[texts[i]] = numbers[i].second;
      auto [b, e] = bounds(texts[i]);
      repaired += (i ? "\n" : "") + std::to_string(numbers[i].second) + ". " + std::string(first_cell(b, e).text());
    }
    const auto begin = bounds(numbers.front().first).first;
    const auto end = bounds(texts.back()).second;
    ctx_.report(diag::labels_detached, severity::warning, ctx_.span(begin, end),
                "performance criteria numbers " + std::to_string(numbers.front().second) + "…" +
                    std::to_string(numbers.back().second) + " of " + el.code +
                    " printed apart from their texts; paired by count and sentence shape",
                ctx_.src.substr(begin, end - begin), repaired);
    return true;
  }

  /// A criteria table's header printed a cell a line ("Performance criteria" / "DO" / "RA" / …, a
  /// conversion that kept no cells): read as the header row it was, when its lines after the first
  /// are each one column's code and they make a header; the lines read are marked used.
  bool header_cell_by_line(element_builder& el, std::uint32_t l, std::string_view raw) {
    constexpr std::size_t longest_header_cell = 40;  // (a row of criteria is longer: no look ahead)
    if ((el.columns.empty() && !el.criteria.empty()) || row_separator(raw) || raw.size() > longest_header_cell)
      return false;
    std::string row(peek(l).text());
    std::vector<std::pair<std::string, std::uint32_t>> codes;  // a code and its line
    for (std::uint32_t k = l + 1; k < ctx_.lines.count(); ++k) {
      if (ctx_.use[k] == line_use::blank) continue;
      const rich_text t = peek(k);
      const std::string_view c = t.text();
      if (c.empty() || c.size() > 8 || !std::all_of(c.begin(), c.end(), [](char x) { return (x >= 'A' && x <= 'Z') || x == '/'; }))
        break;
      codes.emplace_back(std::string(c), k);
      row += '\t';  // (cells of their own, a line each: no codes run together)
      row += c;
    }
    if (codes.size() < 2) return false;
    const auto header = grammar::match_criteria_header(row);
    if (!header || header->size() != codes.size()) return false;
    const bool again = !el.columns.empty();
    for (const auto& [code, k] : codes) {
      auto [cb, ce] = bounds(k);
      if (!again) el.columns.push_back({code, ctx_.span(cb, ce)});
      header_lines_.insert(k);
      used(k, again ? line_use::furniture : line_use::content);
    }
    const auto begin = bounds(l).first, end = bounds(codes.back().second).second;
    if (again) repeated_header(l, begin, end);
    else used(l);
    el.span = merge(el.span, ctx_.span(begin, end));
    return true;
  }

  /// The criteria table's header row again after a page break: furniture, and a break.
  void repeated_header(std::uint32_t l, std::uint32_t b, std::uint32_t e) {
    furniture f;
    f.id = ctx_.ids.claim("furniture/table-header-" + std::to_string(l + 1));
    f.span = ctx_.span(b, e);
    f.role = "repeated_table_header";
    f.text = ctx_.src.substr(b, e - b);
    ctx_.furniture_items.push_back(std::move(f));
    used(l, line_use::furniture);
    page_break_ = true;
  }
  std::set<std::uint32_t> header_lines_;  // the lines of a header read a cell a line

  void element_row(std::uint32_t l, std::string_view raw, std::uint32_t b, std::uint32_t e, rich_text& text) {
    auto* el = current_element_;
    if (!el) return;
    if (header_lines_.count(l)) return;
    if (header_cell_by_line(*el, l, raw)) return;
    if (auto codes = grammar::match_criteria_header(raw)) {
      if (el->columns.empty()) {
        auto cells = split_cells(ctx_.src, b, e);
        if (cells.size() > codes->size()) {
          for (std::size_t k = 0; k < codes->size(); ++k)
            el->columns.push_back({(*codes)[k], ctx_.span(cells[k + 1].begin, cells[k + 1].end)});
        } else {  // the cells run into one line: each code where it stands, in order, after the
                  // header's two words
          std::size_t at = raw.find_first_not_of(" \t|");
          for (int word = 0; word < 2; ++word) {
            at = raw.find(' ', at);
            at = raw.find_first_not_of(' ', at);
          }
          for (const auto& code : *codes) {
            at = raw.find(code, at);
            if (at == std::string_view::npos) break;
            el->columns.push_back({code, ctx_.span(b + static_cast<std::uint32_t>(at),
                                                   b + static_cast<std::uint32_t>(at + code.size()))});
            at += code.size();
          }
        }
        used(l);
      } else {
        repeated_header(l, b, e);
      }
      el->span = merge(el->span, ctx_.span(b, e));
      return;
    }
    // the legend's last entry cut or wrapped at its line's end, its expansion (or the rest of it)
    // opening the next line of entries ("… Q =" / "Questions PD = Professional Discussion", "… WT =
    // Witness" / "Testimony CS = Case Study"): the words before the line's first entry
    std::size_t skip = 0, from = 0;
    // (a line that begins with an entry has no such words; nor do they hold an entry's "=")
    if (in_legend_ && legend_line_ + 1 == l && el->legend.count(legend_last_code_) &&
        (el->legend[legend_last_code_].first.empty() || ctx_.wrap.goes_on(ctx_, legend_line_, text.text())) &&
        !grammar::match_legend(text.text())) {
      const auto t = text.text();
      for (auto p = t.find(' '); p != std::string_view::npos && skip == 0 && t.substr(0, p).find('=') == std::string_view::npos;
           p = t.find(' ', p + 1))
        if (grammar::match_legend(t.substr(p + 1))) skip = p + 1;
      if (skip) {
        const auto words = t.substr(0, skip - 1);
        if (const auto at = raw.find(words); at != std::string_view::npos) from = at + words.size();
        auto& [expansion, where] = el->legend[legend_last_code_];
        expansion += (expansion.empty() ? "" : " ") + std::string(words);
        where = merge(where, ctx_.span(b, b + static_cast<std::uint32_t>(from)));
      }
    }
    if (auto entries = grammar::match_legend(text.text().substr(skip))) {
      // each entry's span runs from its code to the end of its expansion
      for (auto& entry : *entries) {
        auto at = raw.find(entry.code, from);
        auto expansion = at == std::string_view::npos ? at : raw.find(entry.expansion, at + entry.code.size());
        source_span where = ctx_.span(b, e);
        if (expansion != std::string_view::npos) {
          from = expansion + entry.expansion.size();
          where = ctx_.span(b + static_cast<std::uint32_t>(at), b + static_cast<std::uint32_t>(from));
        }
        el->legend[entry.code] = {entry.expansion, where};
      }
      in_legend_ = true;
      legend_line_ = l;
      legend_last_code_ = entries->empty() ? std::string() : entries->back().code;
      el->span = merge(el->span, ctx_.span(b, e));
      used(l);
      return;
    }
    // the legend's last expansion wrapped onto the next line ("… PD =" / "Professional Discussion",
    // or "PD = Professional" / "Discussion")
    // (not a line of further entries: "PD = Professional" / "Discussion WT = Witness Testimony" is
    // left as it is rather than read as one expansion)
    if (in_legend_ && legend_line_ + 1 == l && el->legend.count(legend_last_code_) && !row_separator(raw) &&
        !lone_number(text) && !ends_sentence(text.text()) && text.text().find(" = ") == std::string_view::npos) {
      auto& [expansion, where] = el->legend[legend_last_code_];
      if (expansion.empty() || ctx_.wrap.goes_on(ctx_, legend_line_, text.text())) {
        expansion += (expansion.empty() ? "" : " ") + std::string(text.text());
        where = merge(where, ctx_.span(b, e));
        legend_line_ = l;
        el->span = merge(el->span, ctx_.span(b, e));
        used(l);
        return;
      }
    }
    rich_text t = first_cell(b, e);
    if (detached_number_lines_.count(l)) {  // paired with its text below
      el->span = merge(el->span, ctx_.span(b, e));
      used(l);
      return;
    }
    std::optional<grammar::prefix_match<unsigned>> n;
    if (auto it = detached_texts_.find(l); it != detached_texts_.end()) {
      n = grammar::prefix_match<unsigned>{it->second, 0};
    } else if (lone_number(t) && pair_detached_numbers(l, *el)) {
      el->span = merge(el->span, ctx_.span(b, e));
      used(l);
      return;
    } else {
      n = grammar::match_number(t.text());
    }
    // a row of the criteria table (under its header, cells for the evidence
    // columns beside it) that begins a sentence with no number, in an element
    // none of whose criteria has its number: a criterion whose number was
    // lost (a numbered list the converter dropped), numbered from the sequence
    if (!n && !el->columns.empty() && !in_legend_ && !t.text().empty() && t.text()[0] >= 'A' &&
        t.text()[0] <= 'Z' && split_cells(ctx_.src, b, e).size() > 1 &&
        (el->criteria.empty() || numbered_from_sequence_ == el)) {
      numbered_from_sequence_ = el;
      const unsigned next = el->criteria.empty() ? 1 : el->criteria.back().number + 1;
      n = grammar::prefix_match<unsigned>{next, 0};
      ctx_.report(diag::number_inferred, severity::warning, ctx_.span_of(t),
                  "a performance criterion of " + el->code + " has no number; numbered " + std::to_string(next) +
                      " from the sequence",
                  raw, std::to_string(next));
    }
    if (n) {
      unsigned expected = el->criteria.empty() ? 1 : el->criteria.back().number + 1;
      if (n->value != expected)
        ctx_.report(diag::numbering, severity::warning, ctx_.span_of(t),
                    "performance criterion " + std::to_string(n->value) + " of " + el->code + " follows " +
                        (el->criteria.empty() ? std::string("no criterion") : std::to_string(expected - 1)),
                    raw);
      el->criteria.push_back({n->value,
                              t.slice(static_cast<std::uint32_t>(n->rest), static_cast<std::uint32_t>(t.text().size())),
                              t.source_begin()});
      open(el->criteria.back().text, l);
      el->span = merge(el->span, ctx_.span(b, e));
      used(l);
      return;
    }
    t = without_sub_item_bullet(t);
    const bool sub_item = static_cast<bool>(grammar::match_sub_item(t.text()));
    if (!el->criteria.empty() && (vocab::starts_lower(t.text()) || sub_item) && !in_legend_) {
      if (after_break_) rejoin(el->criteria.back().text, t, l, "after a page break");
      else if ((sub_item || open_text_line_ + 1 == l) && !row_separator(raw))
        el->criteria.back().text.join(t);  // a plain list's sub-item on a line of its own, or a criterion
                                           // wrapped onto the line under it: the layout
      else {
        el->criteria.back().text.join(t);
        ctx_.report(diag::continued_row, severity::warning, ctx_.span_of(t),
                    "performance criterion " + std::to_string(el->criteria.back().number) +
                        " continues on a row of its own; joined to it",
                    raw, joined_tail(el->criteria.back().text.text()));
      }
      open(el->criteria.back().text, l);  // (a criterion may wrap onto the next line in turn)
      el->span = merge(el->span, ctx_.span(b, e));
      used(l);
      return;
    }
    used(l, line_use::unknown);
  }

  void start_form(std::uint32_t l, std::string_view raw) {
    part_ = part::form;
    open_text_ = nullptr;
    furniture f;
    f.id = ctx_.ids.claim("furniture/sign-off-form-" + std::to_string(l + 1));
    f.span = ctx_.line_span(l);
    f.role = "sign_off_form";
    f.text = raw;
    form_ = ctx_.furniture_items.size();
    ctx_.furniture_items.push_back(std::move(f));
    used(l, line_use::furniture);
  }

  void form_line(std::uint32_t l, std::string_view raw) {
    used(l, line_use::furniture);
    auto [b, e] = bounds(l);
    furniture& form = ctx_.furniture_items.at(form_);
    form.span = merge(form.span, ctx_.span(b, e));
    // "Candidate's name: ....." — a field to fill in
    auto colon = raw.find(':');
    if (colon != std::string_view::npos && colon > 0) {
      std::string_view after = raw.substr(colon + 1);
      bool dots = !after.empty();
      for (char c : after)
        if (c != '.' && c != ' ' && c != '_') dots = false;
      if (dots) {
        form_field f;
        f.label = raw.substr(0, colon);
        f.span = ctx_.span(b, b + static_cast<std::uint32_t>(colon));
        f.id = ctx_.ids.claim(form.id + "/" + slug(f.label));
        form.fields.push_back(std::move(f));
      }
    }
  }

  // -- lowering into model/ --------------------------------------------------
  std::map<std::string, std::string> glossary_index_;  // slug -> id

  std::string resolve(std::string_view term) {
    std::string s = slug(term);
    const std::string candidates[] = {s, s + "s", s.size() > 1 && s.back() == 's' ? s.substr(0, s.size() - 1) : s};
    for (const auto& c : candidates)
      if (auto it = glossary_index_.find(c); it != glossary_index_.end()) return it->second;
    // a word the glossary defines in a longer form ("citizen" for "Citizenship"): the one entry
    // that begins with it, when the word is long enough to say so
    if (s.size() < 5) return {};
    auto it = glossary_index_.lower_bound(s);
    if (it == glossary_index_.end() || it->first.compare(0, s.size(), s) != 0) return {};
    auto next = std::next(it);
    if (next != glossary_index_.end() && next->first.compare(0, s.size(), s) == 0) return {};  // ambiguous
    return it->second;
  }

  std::vector<term_reference> references(const rich_text& t, const std::string& owner) {
    std::vector<term_reference> refs;
    for (const auto& run : t.emphasis_runs()) {
      rich_text piece = t.slice(run.begin, run.end);
      term_reference r;
      r.id = owner + "/ref-" + std::to_string(refs.size() + 1);
      r.span = ctx_.span_of(piece);
      r.text = ctx_.keep(piece);
      r.target = resolve(r.text);
      if (r.target.empty())
        ctx_.report(diag::term_unresolved, severity::note, r.span,
                    "emphasised term '" + std::string(r.text) + "' has no entry in the unit's glossary", r.text);
      refs.push_back(std::move(r));
    }
    return refs;
  }

  /// Splits "stem (a) one (b) two" at sub-item markers that follow in
  /// sequence; a bracketed word such as "(within …)" is not a marker.
  template <class Node>
  void split_sub_items(const rich_text& full, Node& node) {
    std::string_view s = full.text();
    struct cut {
      std::uint32_t marker, body;
      char label;
    };
    std::vector<cut> cuts;
    char expected = 'a';
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '(' || (i > 0 && s[i - 1] != ' ')) continue;
      auto m = grammar::match_sub_item(s.substr(i));
      if (!m || m->value != expected) continue;
      cuts.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + m->rest), m->value});
      ++expected;
    }
    auto trimmed = [&](std::uint32_t b, std::uint32_t e) {
      while (b < e && s[b] == ' ') ++b;
      while (e > b && s[e - 1] == ' ') --e;
      return full.slice(b, e);
    };
    auto stem = trimmed(0, cuts.empty() ? static_cast<std::uint32_t>(s.size()) : cuts.front().marker);
    node.text = ctx_.keep(stem);
    node.terms = references(stem, node.id);
    for (std::size_t k = 0; k < cuts.size(); ++k) {
      auto end = k + 1 < cuts.size() ? cuts[k + 1].marker : static_cast<std::uint32_t>(s.size());
      auto body = trimmed(cuts[k].body, end);
      sub_item si;
      si.id = node.id + "/" + std::string(1, cuts[k].label);
      si.label = ctx_.keep(s.substr(cuts[k].marker + 1, 1));
      si.span = merge(ctx_.span(full.source_of(cuts[k].marker), full.source_of(cuts[k].marker) + 1),
                      ctx_.span_of(body));
      si.text = ctx_.keep(body);
      si.terms = references(body, si.id);
      node.sub_items.push_back(std::move(si));
    }
  }

  std::vector<block> blocks_of(const std::vector<clean::block>& in, const std::string& owner) {
    std::vector<block> out;
    std::uint32_t paragraphs = 0, lists = 0, last_list = 0;
    for (const auto& b : in) {
      if (b.type == clean::block_type::paragraph) {
        block blk;
        blk.which = block::type::paragraph;
        blk.para.id = owner + "/p" + std::to_string(++paragraphs);
        blk.para.span = ctx_.span_of(b.content);
        blk.para.text = ctx_.keep(b.content);
        out.push_back(std::move(blk));
        last_list = 0;
        continue;
      }
      if (out.empty() || out.back().which != block::type::list || b.list != last_list) {
        block blk;
        blk.which = block::type::list;
        blk.items.id = owner + "/list" + std::to_string(++lists);
        out.push_back(std::move(blk));
        last_list = b.list;
      }
      auto& lst = out.back().items;
      list_item it;
      it.id = lst.id + "/" + std::to_string(lst.items.size() + 1);
      it.span = ctx_.span_of(b.content);
      it.text = ctx_.keep(b.content);
      lst.span = merge(lst.span, it.span);
      lst.items.push_back(std::move(it));
    }
    return out;
  }

  paragraph para(const rich_text& t, std::string id) {
    return paragraph{std::move(id), ctx_.span_of(t), ctx_.keep(t)};
  }

  /// Starts a part node: its id, heading and span from the heading.
  template <class Part>
  Part part_node(std::string id, const rich_text& heading) {
    Part p;
    p.id = std::move(id);
    p.heading = ctx_.keep(heading);
    p.span = ctx_.span_of(heading);
    return p;
  }

  /// Appends paragraphs "<owner>/pN" and widens the owner's span over them.
  void add_paragraphs(std::vector<paragraph>& out, const std::deque<rich_text>& in, const std::string& owner,
                      source_span& span) {
    for (const auto& t : in) {
      out.push_back(para(t, owner + "/p" + std::to_string(out.size() + 1)));
      span = merge(span, out.back().span);
    }
  }

  void finish() {
    if (!have_unit_) return;
    unit u;
    u.code = ctx_.keep(code_);
    u.local_code = ctx_.keep(local_code_);
    u.id = ctx_.ids.claim(unit_id(local_code_.empty() ? code_ : local_code_));
    u.title = ctx_.keep(title_);
    u.span = header_span_;

    // glossary first: criteria refer to it
    if (!terms_.empty() || !glossary_heading_.empty()) {
      auto g = part_node<glossary>(ctx_.ids.claim(u.id + "/glossary"), glossary_heading_);
      add_paragraphs(g.introduction, glossary_intro_, g.id, g.span);
      for (auto& t : terms_) {
        glossary_term gt;
        gt.term = ctx_.keep(t.term);
        gt.id = ctx_.ids.claim(g.id + "/" + slug(gt.term));
        gt.span = t.span;
        gt.emphasis = t.emphasis;
        gt.definition = blocks_of(t.definition, gt.id);
        for (auto& b : gt.definition) gt.span = merge(gt.span, b.span());
        g.span = merge(g.span, gt.span);
        glossary_index_.try_emplace(slug(gt.term), gt.id);  // a repeated term: references go to the first
        g.terms.push_back(std::move(gt));
      }
      u.glossary_part = std::move(g);
    }

    if (have_about_) {
      section s;
      s.heading = ctx_.keep(about_.heading);
      s.id = ctx_.ids.claim(u.id + "/" + slug(s.heading));
      s.span = ctx_.span_of(about_.heading);
      s.blocks = blocks_of(about_.blocks, s.id);
      for (auto& b : s.blocks) s.span = merge(s.span, b.span());
      u.sections.push_back(std::move(s));
    }
    if (!scope_heading_.empty() || !scope_items_.empty()) {
      auto sc = part_node<scope>(ctx_.ids.claim(u.id + "/scope"), scope_heading_);
      add_paragraphs(sc.paragraphs, scope_paragraphs_, sc.id, sc.span);
      for (auto& it : scope_items_) {
        scope_item si;
        si.term = ctx_.keep(it.term);
        si.id = ctx_.ids.claim(sc.id + "/" + slug(si.term));
        si.relation = ctx_.keep(it.relation);
        si.text = ctx_.keep(it.text);
        si.span = merge(it.span, ctx_.span_of(it.text));
        sc.span = merge(sc.span, si.span);
        sc.items.push_back(std::move(si));
      }
      u.scope_part = std::move(sc);
    }
    if (!values_heading_.empty()) {
      auto v = part_node<values_statement>(ctx_.ids.claim(u.id + "/values"), values_heading_);
      add_paragraphs(v.paragraphs, values_, v.id, v.span);
      u.values = std::move(v);
    }
    if (!evidence_heading_.empty()) {
      auto ev = part_node<evidence_requirements>(ctx_.ids.claim(u.id + "/evidence"), evidence_heading_);
      std::uint32_t statements = 0;
      for (auto& r : requirements_) {
        evidence_requirement er;
        er.category = r.category;
        er.label = ctx_.keep(r.label);
        er.text = ctx_.keep(r.text);
        er.permitted = r.permitted;
        er.span = merge(ctx_.span_of(r.label), ctx_.span_of(r.text));
        if (r.category == "simulation") er.id = ctx_.ids.claim(ev.id + "/simulation");
        else if (!er.label.empty()) er.id = ctx_.ids.claim(ev.id + "/" + slug(er.label));
        else er.id = ctx_.ids.claim(ev.id + "/statement-" + std::to_string(++statements));
        ev.span = merge(ev.span, er.span);
        ev.requirements.push_back(std::move(er));
      }
      for (auto& t : types_) {
        evidence_type et;
        et.name = ctx_.keep(t.name);
        et.description = ctx_.keep(t.description);
        et.id = ctx_.ids.claim(ev.id + "/type/" + slug(et.name));
        et.span = merge(ctx_.span_of(t.name), ctx_.span_of(t.description));
        ev.span = merge(ev.span, et.span);
        ev.types.push_back(std::move(et));
      }
      u.evidence = std::move(ev);
    }
    if (!guidance_heading_.empty()) {
      auto gg = part_node<general_guidance>(ctx_.ids.claim(u.id + "/guidance"), guidance_heading_);
      for (auto& t : guidance_) {
        list_item it{gg.id + "/" + std::to_string(gg.items.size() + 1), ctx_.span_of(t), ctx_.keep(t)};
        gg.span = merge(gg.span, it.span);
        gg.items.push_back(std::move(it));
      }
      u.guidance = std::move(gg);
    }
    if (!knowledge_heading_.empty()) {
      auto ks = part_node<knowledge_specification>(ctx_.ids.claim(u.id + "/knowledge"), knowledge_heading_);
      add_paragraphs(ks.introduction, knowledge_intro_, ks.id, ks.span);
      ks.lead_in = ctx_.keep(lead_in_);
      ks.evidence_column = ctx_.keep(evidence_column_);
      ks.span = merge(ks.span, ctx_.span_of(lead_in_));
      unsigned expected = 1;
      for (auto& g : groups_) {
        knowledge_group kg;
        kg.title = ctx_.keep(g.title);
        kg.id = ctx_.ids.claim(ks.id + "/" + (kg.title.empty() ? std::string("ungrouped") : slug(kg.title)));
        kg.span = ctx_.span_of(g.title);
        for (auto& p : g.points) {
          knowledge_point kp;
          kp.number = p.number;
          // under its group: specifications that number each group from 1 repeat the numbers
          kp.id = ctx_.ids.claim(kg.id + "/kp-" + std::to_string(p.number));
          kp.span = ctx_.span(p.start, p.text.source_end());
          if (p.number == 1 && kg.points.empty()) expected = 1;  // numbering restarts with the group
          if (p.number != expected)
            ctx_.report(diag::numbering, severity::warning, kp.span,
                        "knowledge point " + std::to_string(p.number) + " where " + std::to_string(expected) +
                            " was expected");
          expected = p.number + 1;
          split_sub_items(p.text, kp);
          kg.span = merge(kg.span, kp.span);
          kg.points.push_back(std::move(kp));
        }
        ks.span = merge(ks.span, kg.span);
        ks.groups.push_back(std::move(kg));
      }
      u.knowledge = std::move(ks);
    }
    for (auto& el : elements_) {
      element e;
      e.code = ctx_.keep(el.code);
      e.id = ctx_.ids.claim(u.id + "/" + el.number);
      const rich_text& title = el.title.empty() ? el.listed_title : el.title;
      e.title = ctx_.keep(title);
      e.span = el.has_section ? el.span : el.listed_span;
      if (!el.title.empty() && !el.listed_title.empty() && el.title.text() != el.listed_title.text())
        ctx_.report(diag::title_mismatch, severity::warning, ctx_.span_of(el.title),
                    "element " + el.code + " is titled differently in the list of elements (line " +
                        std::to_string(el.listed_span.begin.line) + ")",
                    el.listed_title.text(), el.title.text());
      for (auto& col : el.columns) {
        evidence_method m;
        m.code = ctx_.keep(col.code);
        std::string code_id = col.code;
        std::replace(code_id.begin(), code_id.end(), '/', '-');
        m.id = ctx_.ids.claim(e.id + "/method/" + code_id);
        m.span = col.span;
        if (auto it = el.legend.find(col.code); it != el.legend.end()) {
          m.name = ctx_.keep(it->second.first);
          m.legend_span = it->second.second;
        } else {
          ctx_.report(diag::missing_expansion, severity::warning, col.span,
                      "evidence method column '" + col.code + "' of " + el.code + " has no expansion in a legend",
                      col.code);
        }
        e.evidence_methods.push_back(std::move(m));
      }
      for (auto& c : el.criteria) {
        performance_criterion pc;
        pc.number = c.number;
        pc.id = ctx_.ids.claim(e.id + "/pc-" + std::to_string(c.number));
        pc.span = ctx_.span(c.start, c.text.source_end());
        split_sub_items(c.text, pc);
        e.criteria.push_back(std::move(pc));
      }
      u.elements.push_back(std::move(e));
    }
    // the unit is the whole specification: its span holds every part
    for (const auto& s : u.sections) u.span = merge(u.span, s.span);
    if (u.scope_part) u.span = merge(u.span, u.scope_part->span);
    if (u.values) u.span = merge(u.span, u.values->span);
    if (u.glossary_part) u.span = merge(u.span, u.glossary_part->span);
    if (u.evidence) u.span = merge(u.span, u.evidence->span);
    if (u.guidance) u.span = merge(u.span, u.guidance->span);
    if (u.knowledge) u.span = merge(u.span, u.knowledge->span);
    for (const auto& e : u.elements) u.span = merge(u.span, e.span);
    doc_.units.push_back(std::move(u));
  }
};

}  // namespace

void recognise_unit_specification(parse_context& ctx, document& doc, const profile& vocabulary) {
  unit_recogniser r(ctx, doc, vocabulary);
  r.run();
}

}  // namespace qspec
