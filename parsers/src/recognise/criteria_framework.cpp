// Recogniser for qualification criteria frameworks (Skills for Care layout):
// the front matter and Section A (title, hours rules, the topic table), the
// topics of Section B with their overviews, sub-topics, outcomes, criteria,
// sub-items and guidance notes, then Section C and the appendices.
//
// The conversion damaged headings in several ways; each repair uses the
// evidence the document itself gives (the topic table, each topic's
// overview, the order of entries, the numbering) and is reported with the
// original text and the value used.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <stdexcept>

#include "grammar/lines.hpp"
#include "qspec/profile.hpp"
#include "recognise/context.hpp"
#include "recognise/line_text.hpp"
#include "recognise/prose.hpp"

namespace qspec {
namespace {

enum class kind_of {
  blank, topic_heading, code_line, debris, rule, overview_label, includes_label, requirement_label,
  guidance_label, no_guidance, outcome, criterion, bullet, lone_number, plain
};

struct fline {
  std::uint32_t line = 0;
  kind_of kind = kind_of::blank;
  std::string_view text;  // trimmed
  std::uint32_t b = 0, e = 0;
};

/// Lower-case ASCII letters and digits with single spaces: for comparing titles.
std::string comparable(std::string_view s) {
  std::string out;
  bool gap = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r') {
      gap = !out.empty();
      continue;
    }
    if (gap) out.push_back(' ');
    gap = false;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ':')) out.pop_back();
  return out;
}

std::string without_tabs(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '\t') out.push_back(c);
  return out;
}

bool ends_sentence(std::string_view s) {
  s = trim(s);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}
bool ends_colon(std::string_view s) {
  s = trim(s);
  return !s.empty() && s.back() == ':';
}
/// Whether a line's first letter is in lower case (an emphasis mark before it
/// aside: "**aspects** of service provision").
bool starts_lower(std::string_view s) {
  while (!s.empty() && (s[0] == '*' || s[0] == '_')) s.remove_prefix(1);
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z';
}

/// The recogniser's words, from its vocabulary profile (profiles/criteria_framework.yaml): each
/// heading of a role, compared whole or, written with a closing "*", as the line's start.
class words {
 public:
  explicit words(const profile& vocabulary) : vocabulary_(vocabulary) {
    for (const auto& m : vocabulary.measures)
      if (std::find(std::begin(measures), std::end(measures), m.name) == std::end(measures))
        throw std::invalid_argument("profile " + vocabulary.name + " (" + vocabulary.source + "): unknown measure '" +
                                    m.name + "'");
    for (const auto& rule : vocabulary.parts)
      for (const auto& h : rule.headings) {
        // the role as the recogniser's own literal: the model keeps views of it
        const auto* role = std::find(std::begin(roles), std::end(roles), rule.role);
        if (role == std::end(roles))
          throw std::invalid_argument("profile " + vocabulary.name + " (" + vocabulary.source + "): unknown role '" +
                                      rule.role + "'");
        const bool prefix = !h.empty() && h.back() == '*';
        entries_.push_back({comparable(prefix ? std::string_view(h).substr(0, h.size() - 1) : std::string_view(h)),
                            *role, prefix});
      }
  }
  /// The role a line names, or nothing.
  [[nodiscard]] std::string_view role_of(std::string_view text) const {
    const std::string l = comparable(text);
    for (const auto& e : entries_)
      if (e.prefix ? l.rfind(e.words, 0) == 0 : l == e.words) return e.role;
    return {};
  }
  [[nodiscard]] bool is(std::string_view text, std::string_view role) const { return role_of(text) == role; }
  /// A sub-topic's requirement type its label names: "knowledge_and_skill", "knowledge", "skill".
  [[nodiscard]] std::string_view requirement_type(std::string_view text) const {
    auto r = role_of(text);
    return r == "knowledge_and_skill" || r == "knowledge" || r == "skill" ? r : std::string_view{};
  }
  /// What an hours rule counts, by the measures' words it holds.
  [[nodiscard]] std::string_view measure_of(std::string_view text) const {
    for (const auto& m : vocabulary_.measures)
      for (const auto& w : m.labels)
        if (has_ci(text, w))
          if (const auto* known = std::find(std::begin(measures), std::end(measures), m.name); known != std::end(measures))
            return *known;
    return "other";
  }
  /// The words of one of the profile's fields ("months": the names a date opens with).
  [[nodiscard]] const std::vector<std::string>& field(std::string_view name) const {
    return field_words(vocabulary_, name);
  }
  /// The length of the field's word a text opens with, followed by a space or its end; 0 when none.
  [[nodiscard]] std::size_t opens(std::string_view text, std::string_view name) const {
    return opening_word(vocabulary_, name, text, true);
  }

 private:
  static constexpr std::string_view measures[] = {"total_qualification_time", "minimum_content", "optional_content"};
  static constexpr std::string_view roles[] = {"knowledge_and_skill", "knowledge", "skill", "overview", "includes",
                                               "guidance", "no_guidance", "section_b", "section_c", "appendix"};
  struct entry {
    std::string words;
    std::string_view role;
    bool prefix;
  };
  const profile& vocabulary_;
  std::vector<entry> entries_;
};

/// Lines the conversion turned into glyph soup or table rules.
bool is_rule(std::string_view t) {
  if (t.empty()) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '-' || c == '_' || c == '|' || c == ' ' || c == '\t') continue;
    if (t.compare(i, 3, "\xE2\x80\xA2") == 0) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

bool is_debris(std::string_view t) {
  // a TeX command left by the conversion ("\\mathbf", "\\sim"): a backslash and letters
  for (auto at = t.find('\\'); at != std::string_view::npos; at = t.find('\\', at + 1)) {
    std::size_t letters = 0;
    while (at + 1 + letters < t.size() && std::isalpha(static_cast<unsigned char>(t[at + 1 + letters]))) ++letters;
    if (letters >= 2) return true;
  }
  std::size_t cells = 0, short_cells = 0, from = 0;
  while (from <= t.size()) {
    auto tab = t.find('\t', from);
    auto cell = trim(t.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from));
    if (!cell.empty()) {
      ++cells;
      std::size_t cps = 0;
      for (char c : cell) cps += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      short_cells += cps <= 3;
    }
    if (tab == std::string_view::npos) break;
    from = tab + 1;
  }
  return cells >= 3 && short_cells * 10 >= cells * 7;
}

bool lone_number(std::string_view t) {
  return !t.empty() && t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// "Term: definition" — a short noun phrase before the first colon.
std::optional<std::size_t> term_colon(std::string_view t) {
  auto colon = t.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 80) return std::nullopt;
  std::string_view head = t.substr(0, colon);
  if (!(head[0] >= 'A' && head[0] <= 'Z') || head.find('.') != std::string_view::npos) return std::nullopt;
  std::size_t words = 1 + static_cast<std::size_t>(std::count(head.begin(), head.end(), ' '));
  if (words > 8) return std::nullopt;
  std::string l = " " + lower_ascii(head) + " ";
  for (std::string_view clause : {" include ", " includes ", " might ", " may ", " should ", " will ", " and might ",
                                  " recognises "})
    if (l.find(clause) != std::string::npos) return std::nullopt;
  for (std::string_view opener : {" and ", " or ", " but ", " for ", " this ", " these ", " it ", " the "})
    if (l.compare(0, opener.size(), opener) == 0) return std::nullopt;
  return colon;
}

class reader {
 public:
  reader(parse_context& ctx, document& doc, const profile& vocabulary) : ctx_(ctx), doc_(doc), words_(vocabulary) {}

  void run() {
    classify();
    front_matter();
    section_b();
    prose();
    finish();
    doc_.frameworks.push_back(std::move(f_));
  }

 private:
  parse_context& ctx_;
  document& doc_;
  words words_;
  framework f_;
  std::vector<fline> lines_;
  std::uint32_t section_b_ = 0, section_c_ = 0;
  struct table_row {
    std::string code;
    std::string_view title;
    source_span span;
  };
  std::vector<table_row> table_;

  // ------------------------------------------------------------ classify
  void classify() {
    std::uint32_t n = ctx_.lines.count();
    lines_.resize(n);
    section_b_ = section_c_ = n;
    for (std::uint32_t l = 0; l < n; ++l) {
      auto [b, e] = trimmed(ctx_, l);
      fline& x = lines_[l];
      x.line = l;
      x.b = b;
      x.e = e;
      x.text = ctx_.src.substr(b, e - b);
      x.kind = kind_of_line(x.text);
      if (x.text.size() > 16) continue;  // the section headings are short
      if (section_b_ == n && words_.is(x.text, "section_b")) section_b_ = l;
      if (section_b_ < l && section_c_ == n && words_.is(x.text, "section_c")) section_c_ = l;
    }
  }

  kind_of kind_of_line(std::string_view t) const {
    if (t.empty()) return kind_of::blank;
    if (auto s = grammar::match_subtopic_code(t)) return kind_of::code_line;
    if (auto c = grammar::match_topic_code(t)) return kind_of::topic_heading;
    if (t.size() <= 80) {  // labels are short: compare only those
      auto role = words_.role_of(without_tabs(t));
      if (role == "overview") return kind_of::overview_label;
      if (role == "includes") return kind_of::includes_label;
      if (!words_.requirement_type(t).empty()) return kind_of::requirement_label;
      if (role == "guidance") return kind_of::guidance_label;
      if (role == "no_guidance") return kind_of::no_guidance;
    }
    if (lone_number(t)) return kind_of::lone_number;
    if (is_rule(t)) return kind_of::rule;
    if (is_debris(t)) return kind_of::debris;
    if (grammar::match_outcome(t)) return kind_of::outcome;
    if (grammar::match_criterion(t)) return kind_of::criterion;
    if (grammar::match_bullet(t)) return kind_of::bullet;
    return kind_of::plain;
  }

  std::uint32_t next_nonblank(std::uint32_t l) const {
    ++l;
    while (l < lines_.size() && lines_[l].kind == kind_of::blank) ++l;
    return l;
  }

  source_span span_of(const fline& x) const { return ctx_.span(x.b, x.e); }

  void furniture_line(const fline& x, std::string_view role) { mark_furniture(ctx_, x.line, role); }

  /// Cleaned text of [from, x.e) with markup turned into emphasis.
  clean::rich_text text_from(const fline& x, std::size_t offset) {
    return ctx_.read_text(x.b + static_cast<std::uint32_t>(offset), x.e);
  }

  // --------------------------------------------------------- front matter
  void front_matter() {
    // the title block: the first lines before any prose
    std::uint32_t seen = 0;
    for (std::uint32_t l = 0; l < section_b_ && seen < 4; ++l) {
      auto& x = lines_[l];
      if (x.kind == kind_of::blank) continue;
      ++seen;
      bool used = false;
      if (const auto word = words_.opens(x.text, "level"); f_.title.empty() && word > 0 && word < x.text.size()) {
        f_.title = x.text;
        auto digits = x.text.substr(word + 1);
        std::uint32_t v = 0, k = 0;
        while (k < digits.size() && digits[k] >= '0' && digits[k] <= '9') v = v * 10 + static_cast<std::uint32_t>(digits[k++] - '0');
        if (k > 0) f_.level = v;
        used = true;
      } else if (f_.audience.empty() && words_.opens(x.text, "audience") > 0) {
        f_.audience = x.text;
        used = true;
      } else if (f_.date.empty() && is_date(x.text)) {
        f_.date = x.text;
        used = true;
      } else if (f_.label.empty() && seen == 1 && x.text.size() <= 60 && !ends_sentence(x.text)) {
        f_.label = x.text;
        used = true;
      }
      if (used) ctx_.use[l] = line_use::content;
      else break;
    }
    // the topic table of Section A and the hours rules
    for (std::uint32_t l = 0; l < section_b_; ++l) {
      auto& x = lines_[l];
      if (ctx_.use[l] != line_use::unknown) continue;
      if (x.kind == kind_of::topic_heading || x.kind == kind_of::plain) {
        std::string_view row = x.text;
        auto tab = row.rfind('\t');
        if (tab != std::string_view::npos) {
          std::string_view code = trim(row.substr(tab + 1));
          auto m = grammar::match_topic_code(code);
          if (m && m->value.size() == code.size()) {
            table_.push_back({std::string(code), trim(row.substr(0, tab)), span_of(x)});
            ctx_.use[l] = line_use::content;
            continue;
          }
          std::string head;  // the cells' words run together: "topicref"
          for (char c : row)
            if (c != '\t' && c != ' ') head.push_back(c);
          head = comparable(head);
          if (std::any_of(words_.field("topic_table_header").begin(), words_.field("topic_table_header").end(),
                          [&](const std::string& h) {
                            std::string run_together;
                            for (char c : h)
                              if (c != ' ') run_together.push_back(c);
                            return comparable(run_together) == head;
                          })) {
            furniture_line(x, "table_header");
            continue;
          }
        }
      }
      if (x.kind == kind_of::bullet || x.kind == kind_of::plain) {
        if (auto h = grammar::find_hours_range(x.text)) hours(x, *h);
      }
      if (f_.publisher.empty()) publisher(x.text);
    }
  }

  /// "July 2021": a month's name and a year at most.
  [[nodiscard]] bool is_date(std::string_view t) const {
    const auto m = words_.opens(t, "months");
    return m > 0 && t.size() <= m + 6;
  }

  /// "… against Skills for Care criteria": who publishes the criteria.
  void publisher(std::string_view t) {
    for (const auto& before : words_.field("publisher_before"))
      for (const auto& after : words_.field("publisher_after")) {
        auto at = find_ci(t, before);
        if (at == std::string_view::npos || at + before.size() >= t.size() || t[at + before.size()] != ' ') continue;
        auto from = at + before.size() + 1;
        auto to = find_ci(t, after, from);
        if (to == std::string_view::npos || to <= from + 1 || to - 1 - from > 40 || t[to - 1] != ' ') continue;
        std::string_view name = t.substr(from, to - 1 - from);
        // (as written: "set by the sector", "the sector's"; a name may begin with "The")
        const auto& not_names = words_.field("not_publisher");
        if (std::any_of(not_names.begin(), not_names.end(), [&](const std::string& w) {
              return name.size() > w.size() && name.substr(0, w.size()) == w && name[w.size()] == ' ';
            }) || !(name[0] >= 'A' && name[0] <= 'Z'))
          continue;
        f_.publisher = name;
        return;
      }
  }
  void hours(const fline& x, const grammar::hours_found& h) {
    hours_rule r;
    std::size_t body = 0;
    if (auto bullet = grammar::match_bullet(x.text)) body = *bullet;
    r.text = x.text.substr(body);
    r.span = sub_span(ctx_, x.text, body, r.text.size(), span_of(x));
    // the rule's line wrapped onto the next ones ("… outlined under the 8" / "topic areas in Section B.")
    std::string joined;
    // (within Section A, and not a rule of its own: a line with its own hours)
    for (std::uint32_t k = x.line + 1, last = x.line;
         k < section_b_ && k < lines_.size() && ctx_.use[k] == line_use::unknown && lines_[k].kind == kind_of::plain &&
         !grammar::find_hours_range(lines_[k].text) && ctx_.wrap.goes_on(ctx_, last, lines_[k].text);
         last = k++) {
      if (joined.empty()) joined = r.text;
      joined += " ";
      joined += lines_[k].text;
      r.span = merge(r.span, span_of(lines_[k]));
      ctx_.use[k] = line_use::content;
    }
    if (!joined.empty()) r.text = ctx_.keep(joined);
    r.min = h.min;
    r.max = h.max;
    r.unit = "hours";
    r.measure = words_.measure_of(x.text);
    f_.hours_rules.push_back(std::move(r));
    ctx_.use[x.line] = line_use::content;
  }

  // ------------------------------------------------------------ Section B
  topic* topic_ = nullptr;
  subtopic* sub_ = nullptr;
  outcome* outcome_ = nullptr;
  criterion* criterion_ = nullptr;
  guidance_term* term_ = nullptr;
  enum class mode { none, overview, requirements, guidance } mode_ = mode::none;
  bool sub_run_ = false;  // the criterion ends with ":": unnumbered bullets are its sub-items until the next number
  clean::rich_text last_text_;              // the last paragraph or item, for rejoining
  std::vector<const fline*> debris_;        // garbled lines not yet explained
  std::vector<bool> seen_entry_;            // per overview entry of the current topic

  void section_b() {
    std::uint32_t start = section_b_;
    while (start < section_c_ && lines_[start].kind != kind_of::topic_heading) ++start;
    for (std::uint32_t l = start; l < section_c_; ++l) {
      const fline& x = lines_[l];
      if (ctx_.use[l] != line_use::unknown && x.kind != kind_of::blank) continue;
      switch (x.kind) {
        case kind_of::blank: break;
        case kind_of::topic_heading: l = new_topic(x); break;
        case kind_of::overview_label:
        case kind_of::includes_label:
          flush_debris();
          if (x.kind == kind_of::overview_label) mode_ = mode::overview;
          furniture_line(x, "boilerplate");
          break;
        case kind_of::rule: furniture_line(x, "table_rule"); break;
        case kind_of::debris: debris_.push_back(&x); break;
        case kind_of::code_line: l = code_line(x); break;
        case kind_of::requirement_label: requirement_label(x); break;
        case kind_of::guidance_label:
          flush_debris();
          mode_ = mode::guidance;
          term_ = nullptr;
          furniture_line(x, "boilerplate");
          break;
        case kind_of::no_guidance:
          flush_debris();
          if (sub_) {
            sub_->guidance_statement = x.text;
            sub_->span = merge(sub_->span, span_of(x));
            ctx_.use[l] = line_use::content;
            mode_ = mode::none;
          }
          break;
        case kind_of::lone_number:
          furniture_line(x, "stray_number");
          ctx_.report(diag::stray_number, severity::warning, span_of(x),
                      "a lone number between a heading and its requirements, left by the conversion; it is not a "
                      "criterion",
                      x.text);
          break;
        case kind_of::outcome: new_outcome(x); break;
        case kind_of::criterion: numbered_criterion(x); break;
        case kind_of::bullet: bullet(x); break;
        case kind_of::plain: plain(x); break;
      }
    }
    flush_debris();
    close_topic();
  }

  void flush_debris() {
    for (const fline* d : debris_) {
      furniture_line(*d, "conversion_debris");
      ctx_.report(diag::conversion_debris, severity::note, span_of(*d),
                  "characters garbled by the conversion, standing for no text the document needs; kept as furniture",
                  d->text);
    }
    debris_.clear();
  }

  /// Title cells of a heading row: "Health an\td safety" split by the conversion.
  std::string_view title_of(std::string_view rest, const fline& x, const overview_entry* expect) {
    rest = trim(rest);
    if (rest.find('\t') == std::string_view::npos) return rest;
    std::string joined = without_tabs(rest);
    if (expect && comparable(joined) == comparable(expect->title)) {
      ctx_.report(diag::garbled_heading, severity::warning, span_of(x),
                  "heading title split inside a word by the conversion; the overview's title is used", rest,
                  expect->title);
      return expect->title;
    }
    std::string spaced;
    std::size_t from = 0;
    while (from <= rest.size()) {
      auto tab = rest.find('\t', from);
      auto cell = trim(rest.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from));
      if (!cell.empty()) spaced += (spaced.empty() ? "" : " ") + std::string(cell);
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    return ctx_.keep(spaced);
  }

  /// The line under a code printed alone ("LMAC5A" / "Leading and Managing …", a table's cells a line
  /// each): the code's title, when it is a plain line, taken (its span added to `span`); the code's
  /// own line otherwise.
  std::uint32_t title_under(const fline& x, std::string_view& title, source_span& span) {
    const auto nl = next_nonblank(x.line);
    if (nl >= section_c_ || lines_[nl].kind != kind_of::plain) return x.line;
    title = title_of(lines_[nl].text, lines_[nl], nullptr);
    span = merge(span, span_of(lines_[nl]));
    ctx_.use[nl] = line_use::content;
    return nl;
  }

  std::uint32_t new_topic(const fline& x) {
    flush_debris();
    close_topic();
    auto m = grammar::match_topic_code(x.text);
    topic t;
    t.code = m->value;
    t.id = ctx_.ids.claim(t.code);
    t.title = title_of(x.text.substr(m->rest), x, nullptr);
    t.span = span_of(x);
    const std::uint32_t last = t.title.empty() ? title_under(x, t.title, t.span) : x.line;
    for (const auto& row : table_)
      if (row.code == t.code && comparable(row.title) != comparable(t.title))
        ctx_.report(diag::title_mismatch, severity::note, t.span,
                    "topic " + t.code + " is titled \"" + std::string(row.title) + "\" in the topic table (line " +
                        std::to_string(row.span.begin.line) + ") and \"" + std::string(t.title) +
                        "\" at its heading; the heading's title is kept",
                    t.title);
    f_.topics.push_back(std::move(t));
    topic_ = &f_.topics.back();
    sub_ = nullptr;
    outcome_ = nullptr;
    criterion_ = nullptr;
    term_ = nullptr;
    mode_ = mode::none;
    seen_entry_.clear();
    ctx_.use[x.line] = line_use::content;
    return last;
  }

  void close_topic() {
    if (!topic_) return;
    for (const auto& s : topic_->subtopics) topic_->span = merge(topic_->span, s.span);
  }

  /// A code line: an overview entry, or a sub-topic heading.
  std::uint32_t code_line(const fline& x) {
    if (!topic_) return x.line;  // left for the coverage report
    auto m = grammar::match_subtopic_code(x.text);
    std::string written = m->value.topic + "/" + m->value.sub;
    std::string_view rest = trim(x.text.substr(m->rest));
    std::uint32_t last = x.line;
    if (mode_ == mode::overview && !is_heading_of_entry(m->value, rest)) {
      overview_entry e;
      e.code = written;
      e.title = title_of(rest, x, nullptr);
      e.span = span_of(x);
      if (e.title.empty()) last = title_under(x, e.title, e.span);
      if (m->value.topic != topic_->code) {
        e.code = topic_->code + "/" + m->value.sub;
        ctx_.report(diag::code_repaired, severity::warning, span_of(x),
                    "overview entry " + written + " is listed under topic " + topic_->code +
                        "; its code is read as " + e.code,
                    written, e.code);
      }
      topic_->overview.push_back(std::move(e));
      seen_entry_.push_back(false);
      topic_->span = merge(topic_->span, span_of(x));
      ctx_.use[x.line] = line_use::content;
      return last;
    }
    mode_ = mode::none;
    // title on the same line, or on the next one
    std::string_view title = rest;
    source_span heading_span = span_of(x);  // the code's line, and its title's under it
    if (title.empty()) last = title_under(x, title, heading_span);
    const fline* title_line = &lines_[last];
    ctx_.use[x.line] = line_use::content;
    start_subtopic(&m->value, written, title, *title_line, heading_span);
    return last;
  }

  bool is_heading_of_entry(const grammar::ast::subtopic_code& c, std::string_view rest) const {
    std::string t = comparable(without_tabs(rest));
    for (const auto& e : topic_->overview) {
      auto slash = e.code.find('/');
      if (e.code.substr(slash + 1) == c.sub && (c.topic == topic_->code || e.code.substr(0, slash) == c.topic)) return true;
      if (!t.empty() && comparable(e.title) == t) return true;
    }
    return false;
  }

  /// Resolves a heading against the overview: by code, by title, by position.
  void start_subtopic(const grammar::ast::subtopic_code* code, const std::string& written, std::string_view title_text,
                      const fline& title_line, source_span heading_span) {
    int found = -1;
    std::string how;
    auto unseen = [&](std::size_t i) { return i < seen_entry_.size() && !seen_entry_[i]; };
    const auto& ov = topic_->overview;
    if (code) {
      std::string corrected = topic_->code + "/" + code->sub;
      for (std::size_t i = 0; i < ov.size(); ++i)
        if (ov[i].code == corrected && code->topic == topic_->code) found = static_cast<int>(i);
    }
    std::string t = comparable(without_tabs(title_text));
    if (found < 0 && !t.empty())
      for (std::size_t i = 0; i < ov.size(); ++i)
        if (unseen(i) && comparable(without_tabs(ov[i].title)) == t) found = static_cast<int>(i), how = "title";
    if (found < 0 && code)
      for (std::size_t i = 0; i < ov.size(); ++i)
        if (unseen(i) && ov[i].code.substr(ov[i].code.find('/') + 1).rfind(code->sub, 0) == 0)
          found = static_cast<int>(i), how = "code";
    if (found < 0)
      for (std::size_t i = 0; i < ov.size(); ++i)
        if (unseen(i)) {
          found = static_cast<int>(i);
          how = "position";
          break;
        }
    subtopic s;
    s.span = heading_span;
    if (found >= 0) {
      const auto& e = ov[static_cast<std::size_t>(found)];
      seen_entry_[static_cast<std::size_t>(found)] = true;
      s.code = e.code;
      s.title = title_text.empty() ? e.title : title_of(title_text, title_line, &e);
      std::string evidence = "entry " + std::to_string(found + 1) + " of " + topic_->code + "'s overview (line " +
                             std::to_string(e.span.begin.line) + ") is " + e.code + " \"" + std::string(e.title) + "\"";
      if (code && written != e.code) {
        ctx_.report(diag::code_repaired, severity::warning, heading_span,
                    "sub-topic heading " + written + " under topic " + topic_->code + " corrected to " + e.code +
                        " (matched by " + (how.empty() ? std::string("code") : how) + "; " + evidence + ")",
                    written, e.code);
      } else if (!code) {
        std::string original;
        source_span where = heading_span;
        for (const fline* d : debris_) {
          original += (original.empty() ? "" : " / ") + std::string(d->text);
          where = merge(where, span_of(*d));
          furniture_line(*d, "garbled_heading");
        }
        debris_.clear();
        if (original.empty()) original = std::string(title_text);
        ctx_.report(diag::garbled_heading, severity::warning, where,
                    "sub-topic code garbled by the conversion; resolved as " + e.code + " by " + how + " (" +
                        evidence + ")",
                    original, e.code + " " + std::string(s.title));
      }
    } else {
      s.code = code ? written : std::string();
      s.title = title_text;
      ctx_.report(diag::garbled_heading, severity::warning, heading_span,
                  "sub-topic heading could not be matched to " + topic_->code +
                      "'s overview; its code is kept as printed",
                  code ? std::string_view(written) : title_text);
    }
    if (s.code.empty()) s.code = topic_->code + "/" + slug(s.title);
    s.id = ctx_.ids.claim(s.code);
    s.span = merge(s.span, span_of(title_line));
    topic_->subtopics.push_back(std::move(s));
    sub_ = &topic_->subtopics.back();
    outcome_ = nullptr;
    criterion_ = nullptr;
    term_ = nullptr;
    mode_ = mode::none;
  }

  void requirement_label(const fline& x) {
    if (!topic_) return;
    bool fresh = sub_ && sub_->requirement_label.empty() && sub_->outcomes.empty() && sub_->guidance.empty() &&
                 sub_->guidance_statement.empty();
    if (!fresh) {
      // a heading missing altogether: the next sub-topic of the overview
      std::size_t next = 0;
      while (next < seen_entry_.size() && seen_entry_[next]) ++next;
      std::string before = sub_ ? sub_->code : std::string("the topic heading");
      auto where = span_of(x);
      if (next < seen_entry_.size()) {
        const auto& e = topic_->overview[next];
        std::string evidence = e.code + " \"" + std::string(e.title) + "\" is entry " + std::to_string(next + 1) +
                               " of " + topic_->code + "'s overview (line " + std::to_string(e.span.begin.line) +
                               "), the first not yet found";
        flush_debris();
        subtopic s;
        s.code = e.code;
        s.id = ctx_.ids.claim(s.code);
        s.title = e.title;
        s.span = where;
        seen_entry_[next] = true;
        ctx_.report(diag::missing_heading, severity::warning, where,
                    "requirements begin with no sub-topic heading after " + before + "; inferred " + e.code + " (" +
                        evidence + ")",
                    x.text, e.code + " " + std::string(e.title));
        topic_->subtopics.push_back(std::move(s));
        sub_ = &topic_->subtopics.back();
        outcome_ = nullptr;
        criterion_ = nullptr;
        term_ = nullptr;
      } else if (!sub_) {
        return;  // nothing to attach to: left for the coverage report
      }
    }
    flush_debris();
    sub_->requirement_label = x.text;
    sub_->requirement_type = words_.requirement_type(x.text);
    sub_->span = merge(sub_->span, span_of(x));
    ctx_.use[x.line] = line_use::content;
    mode_ = mode::requirements;
  }

  void new_outcome(const fline& x) {
    if (!sub_ || mode_ == mode::guidance) return plain(x);
    flush_debris();
    auto m = grammar::match_outcome(x.text);
    outcome o;
    auto letter_at = x.text.find(m->value);
    o.letter = x.text.substr(letter_at, 1);
    auto text = text_from(x, m->rest);
    o.statement = ctx_.keep(text);
    o.span = span_of(x);
    o.id = ctx_.ids.claim(sub_->id + "/" + std::string(o.letter));
    char expected = static_cast<char>('A' + sub_->outcomes.size());
    if (m->value != expected)
      ctx_.report(diag::numbering, severity::warning, o.span,
                  "outcome " + std::string(o.letter) + " of " + sub_->code + " where " + std::string(1, expected) +
                      " was expected",
                  o.letter);
    sub_->outcomes.push_back(std::move(o));
    outcome_ = &sub_->outcomes.back();
    sub_->span = merge(sub_->span, outcome_->span);
    criterion_ = nullptr;
    sub_run_ = false;
    mode_ = mode::requirements;
    ctx_.use[x.line] = line_use::content;
  }

  void add_criterion(const fline& x, std::size_t text_at, std::uint32_t number, bool inferred) {
    criterion c;
    c.number = number;
    c.number_inferred = inferred;
    auto text = text_from(x, text_at);
    c.text = ctx_.keep(text);
    c.span = span_of(x);
    c.id = ctx_.ids.claim(outcome_->id + "/" + std::to_string(number));
    emphasis_terms(text, c);
    outcome_->criteria.push_back(std::move(c));
    criterion_ = &outcome_->criteria.back();
    outcome_->span = merge(outcome_->span, criterion_->span);
    sub_->span = merge(sub_->span, criterion_->span);
    sub_run_ = ends_colon(criterion_->text);
    last_text_ = std::move(text);
    ctx_.use[x.line] = line_use::content;
  }

  std::uint32_t expected_number() const { return outcome_->criteria.empty() ? 1 : outcome_->criteria.back().number + 1; }

  void numbered_criterion(const fline& x) {
    if (!outcome_ || mode_ != mode::requirements) return plain(x);
    flush_debris();
    auto m = grammar::match_criterion(x.text);
    std::uint32_t expected = expected_number();
    if (m->value != expected)
      ctx_.report(diag::numbering, severity::warning, span_of(x),
                  "criterion " + std::to_string(m->value) + " of " + outcome_->id + " where " +
                      std::to_string(expected) + " was expected",
                  x.text);
    add_criterion(x, m->rest, m->value, false);
  }

  void bullet(const fline& x) {
    flush_debris();
    auto at = *grammar::match_bullet(x.text);
    if (mode_ == mode::guidance && term_) return guidance_item(x, at, false);
    if (mode_ != mode::requirements || !outcome_) return plain(x);
    if (criterion_ && sub_run_) {
      sub_item si;
      auto text = text_from(x, at);
      si.text = ctx_.keep(text);
      si.label = "-";
      si.span = span_of(x);
      si.id = criterion_->id + "/" + std::to_string(criterion_->sub_items.size() + 1);
      criterion_->sub_items.push_back(std::move(si));
      criterion_->span = merge(criterion_->span, span_of(x));
      outcome_->span = merge(outcome_->span, span_of(x));
      sub_->span = merge(sub_->span, span_of(x));
      ctx_.use[x.line] = line_use::content;
      return;
    }
    // a criterion that lost its number: the sequence gives it
    std::uint32_t number = expected_number();
    ctx_.report(diag::number_inferred, severity::warning, span_of(x),
                "criterion printed without its number; numbered " + std::to_string(number) + " from the sequence of " +
                    outcome_->id,
                x.text, outcome_->id + "/" + std::to_string(number));
    add_criterion(x, at, number, true);
  }

  /// A line with no marker: a sub-topic title before its requirements, a
  /// guidance term or its continuation, or a criterion continued after a
  /// page break.
  void plain(const fline& x) {
    if (!topic_) return;
    auto nl = next_nonblank(x.line);
    const auto after = nl < lines_.size() ? next_nonblank(nl) : nl;
    bool before_label = nl < section_c_ && nl < lines_.size() &&
                        (lines_[nl].kind == kind_of::requirement_label ||
                         (lines_[nl].kind == kind_of::lone_number && after < lines_.size() &&
                          lines_[after].kind == kind_of::requirement_label));
    if (before_label && x.kind == kind_of::plain && x.text.size() <= 80) {
      ctx_.use[x.line] = line_use::content;
      start_subtopic(nullptr, {}, x.text, x, span_of(x));
      return;
    }
    flush_debris();
    if (mode_ == mode::guidance && sub_) return guidance_line(x);
    if (mode_ == mode::requirements && criterion_ && starts_lower(x.text) && !ends_sentence(criterion_->text)) {
      auto more = text_from(x, 0);
      std::string original = std::string(joined_tail(criterion_->text)) + " / " + more.text();
      last_text_.join(more);
      criterion_->text = ctx_.keep(last_text_);
      criterion_->span = merge(criterion_->span, span_of(x));
      ctx_.report(diag::rejoined_page_break, severity::warning, criterion_->span,
                  "criterion continued after a page break; the two parts are joined", original,
                  joined_tail(criterion_->text));
      ctx_.use[x.line] = line_use::content;
    }
  }

  // ------------------------------------------------------------- guidance
  void guidance_line(const fline& x) {
    if (auto colon = term_colon(x.text)) {
      guidance_term g;
      g.term = trim(x.text.substr(0, *colon));
      g.span = span_of(x);
      g.id = ctx_.ids.claim(sub_->id + "/guidance/" + slug(g.term));
      sub_->guidance.push_back(std::move(g));
      term_ = &sub_->guidance.back();
      std::size_t def = *colon + 1;
      while (def < x.text.size() && x.text[def] == ' ') ++def;
      if (def < x.text.size()) add_paragraph(x, def);
      sub_->span = merge(sub_->span, span_of(x));
      ctx_.use[x.line] = line_use::content;
      return;
    }
    if (!term_) return;  // guidance prose before any term: left for the coverage report
    auto& defs = term_->definition;
    bool after_list = !defs.empty() && defs.back().which == block::type::list;
    bool after_colon = !defs.empty() && defs.back().which == block::type::paragraph && ends_colon(defs.back().para.text);
    if (starts_lower(x.text) && (after_list || after_colon || defs.empty())) return guidance_item(x, 0, true);
    if (starts_lower(x.text) && !defs.empty() && defs.back().which == block::type::paragraph &&
        !ends_sentence(defs.back().para.text)) {
      auto& p = defs.back().para;
      auto more = text_from(x, 0);
      std::string original = std::string(joined_tail(p.text)) + " / " + more.text();
      last_text_.join(more);
      p.text = ctx_.keep(last_text_);
      p.span = merge(p.span, span_of(x));
      term_->span = merge(term_->span, span_of(x));
      ctx_.report(diag::rejoined_page_break, severity::warning, p.span,
                  "definition of \"" + std::string(term_->term) + "\" continued after a page break; the two parts are joined",
                  original, joined_tail(p.text));
      ctx_.use[x.line] = line_use::content;
      return;
    }
    add_paragraph(x, 0);
  }

  void add_paragraph(const fline& x, std::size_t from) {
    auto text = text_from(x, from);
    block b;
    b.which = block::type::paragraph;
    b.para.text = ctx_.keep(text);
    b.para.span = ctx_.span_of(text);
    std::size_t n = 1;
    for (const auto& d : term_->definition) n += d.which == block::type::paragraph;
    b.para.id = term_->id + "/p" + std::to_string(n);
    term_->definition.push_back(std::move(b));
    term_->span = merge(term_->span, span_of(x));
    sub_->span = merge(sub_->span, span_of(x));
    last_text_ = std::move(text);
    ctx_.use[x.line] = line_use::content;
  }

  void guidance_item(const fline& x, std::size_t from, bool lost_bullet) {
    auto& defs = term_->definition;
    if (defs.empty() || defs.back().which != block::type::list) {
      block b;
      b.which = block::type::list;
      std::size_t n = 1;
      for (const auto& d : defs) n += d.which == block::type::list;
      b.items.id = term_->id + "/list" + std::to_string(n);
      defs.push_back(std::move(b));
    }
    auto& lst = defs.back().items;
    auto text = text_from(x, from);
    list_item it{lst.id + "/" + std::to_string(lst.items.size() + 1), ctx_.span_of(text), ctx_.keep(text)};
    if (lost_bullet)
      ctx_.report(diag::lost_bullet, severity::warning, it.span,
                  "list item of \"" + std::string(term_->term) + "\" printed without its bullet; kept in the list",
                  it.text);
    lst.span = merge(lst.span, it.span);
    lst.items.push_back(std::move(it));
    term_->span = merge(term_->span, span_of(x));
    sub_->span = merge(sub_->span, span_of(x));
    ctx_.use[x.line] = line_use::content;
  }

  /// Bold or italic words of a criterion, kept as references to guidance terms.
  void emphasis_terms(const clean::rich_text& text, criterion& c) {
    for (const auto& r : text.emphasis_runs()) {
      term_reference ref;
      std::string_view t = trim(std::string_view(text.text()).substr(r.begin, r.end - r.begin));
      if (t.empty()) continue;
      auto run = text.slice(r.begin, r.end);
      ref.text = ctx_.keep(t);
      ref.span = ctx_.span_of(run);
      ref.id = c.id + "/ref-" + std::to_string(c.terms.size() + 1);
      c.terms.push_back(std::move(ref));
    }
  }

  /// Term references resolve once the sub-topic's guidance is known.
  void resolve_terms(subtopic& s) {
    std::vector<std::string> terms;
    terms.reserve(s.guidance.size());
    for (const auto& g : s.guidance) terms.push_back(comparable(g.term));
    for (auto& o : s.outcomes)
      for (auto& c : o.criteria)
        for (auto& ref : c.terms) {
          std::string want = comparable(ref.text);
          for (std::size_t k = 0; k < s.guidance.size(); ++k) {
            const auto& g = s.guidance[k];
            const std::string& have = terms[k];
            bool plural = have + "s" == want || want + "s" == have;
            bool part = false;
            for (std::size_t from = 0; from <= have.size();) {
              auto sep = have.find_first_of("/,", from);
              std::string piece = std::string(trim(have.substr(from, sep == std::string::npos ? std::string::npos : sep - from)));
              if (piece == want) part = true;
              if (sep == std::string::npos) break;
              from = sep + 1;
            }
            if (have == want || plural || part) {
              ref.target = g.id;
              break;
            }
          }
        }
  }

  // ---------------------------------------------------------------- prose
  void prose() {
    if (section_c_ < lines_.size()) furniture_line(lines_[section_c_], "boilerplate");
    prose_options o;
    o.question_headings = true;
    o.rejoin_list_items = true;
    o.classify = true;
    auto sections = read_sections(ctx_, o);
    std::uint32_t appendix = section_c_;
    for (std::uint32_t l = section_c_; l < lines_.size(); ++l)
      if (words_.is(lines_[l].text, "appendix")) {
        appendix = l;
        break;
      }
    for (auto& s : sections) {
      std::uint32_t line = s.span.empty() ? 0 : s.span.begin.line - 1;
      if (line >= appendix) {
        s.role = "appendix";
        place(f_.appendices, std::move(s), true);
      } else if (line >= section_c_) {
        s.role = "additional_requirement";
        place(f_.additional_requirements, std::move(s), false);
      } else {
        f_.description.push_back(std::move(s));
      }
    }
  }

  /// Section C is structured by numbered headings and the appendices by
  /// "Appendix N:" headings; a short line the prose reader took for a
  /// heading in between ("See Section C: Additional requirements") is a
  /// paragraph of the part it is in.
  void place(std::vector<section>& part, section s, bool appendices) {
    std::string_view h = s.heading;
    bool real = part.empty() || (appendices ? words_.is(h, "appendix") : grammar::match_number(h).has_value());
    if (real) {
      part.push_back(std::move(s));
      return;
    }
    section& into = part.back();
    if (!h.empty()) {
      block b;
      b.which = block::type::paragraph;
      b.para.text = h;
      b.para.span = ctx_.line_span(s.span.begin.line - 1);
      b.para.id = s.id + "/heading";
      into.blocks.push_back(std::move(b));
    }
    for (auto& b : s.blocks) into.blocks.push_back(std::move(b));
    into.span = merge(into.span, s.span);
  }

  void finish() {
    for (auto& t : f_.topics)
      for (auto& s : t.subtopics) resolve_terms(s);
    std::string key = slug(f_.title.empty() ? std::string_view(doc_.source_name) : f_.title);
    f_.id = ctx_.ids.claim("framework/" + (key.empty() ? std::string("unnamed") : key));
    std::uint32_t n = 0;
    for (auto& r : f_.hours_rules) r.id = f_.id + "/hours/" + std::to_string(++n);
    auto prefix = [&](std::vector<section>& list) {
      for (auto& s : list) prefix_ids(s, f_.id + "/");
    };
    prefix(f_.description);
    prefix(f_.additional_requirements);
    prefix(f_.appendices);
    f_.span = ctx_.whole_span();
  }
};

}  // namespace

bool looks_like_criteria_framework(const parse_context& ctx, const profile& vocabulary) {
  const words w(vocabulary);
  std::uint32_t codes = 0, labels = 0;
  for (std::uint32_t l = 0; l < ctx.lines.count() && (codes < 5 || labels < 3); ++l) {
    if (ctx.use[l] == line_use::blank) continue;
    auto [b, e] = trimmed(ctx, l);
    std::string_view t = ctx.src.substr(b, e - b);
    if (t.size() > 200) continue;
    if (grammar::match_subtopic_code(t)) ++codes;
    else if (t.size() <= 80 && !w.requirement_type(t).empty()) ++labels;
  }
  return codes >= 5 && labels >= 3;
}

namespace {

/// The text with each table row written between pipes ("| LMAC5A | Leading … | |", as the readers of
/// web pages and Word files write a table's rows) written as the text's rows are, its cells a tab
/// apart: each separating pipe a tab, the outer ones spaces (a pipe escaped in a cell, "\|", kept).
/// The same length, line for line, so every offset, line and span stays where it was. Empty when the
/// text has no such row.
std::string rows_with_tabs(std::string_view src) {
  std::string out;
  std::size_t from = 0;
  while (from < src.size()) {
    auto nl = src.find('\n', from);
    if (nl == std::string_view::npos) nl = src.size();
    std::size_t b = from, e = nl;
    while (b < e && (src[b] == ' ' || src[b] == '\t')) ++b;
    while (e > b && (src[e - 1] == ' ' || src[e - 1] == '\t' || src[e - 1] == '\r')) --e;
    if (e - b >= 2 && src[b] == '|' && src[e - 1] == '|') {
      if (out.empty()) out.assign(src);
      out[b] = ' ';
      out[e - 1] = ' ';
      for (std::size_t i = b + 1; i + 1 < e; ++i)
        if (src[i] == '|' && src[i - 1] != '\\') out[i] = '\t';
    }
    from = nl + 1;
  }
  return out;
}

}  // namespace

void recognise_criteria_framework(parse_context& ctx, document& doc, const profile& vocabulary) {
  // this recogniser reads a table's cells by their tabs: rows between pipes are read as tab rows
  struct source_restored {
    parse_context& ctx;
    std::string_view source = ctx.src;
    ~source_restored() { ctx.src = source; }
  } restore{ctx};
  if (std::string tabbed = rows_with_tabs(ctx.src); !tabbed.empty()) ctx.src = ctx.keep(tabbed);
  reader(ctx, doc, vocabulary).run();
}

}  // namespace qspec
