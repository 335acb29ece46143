// Recognisers for the documents that describe a qualification rather than a
// unit: the structure list (units by group, reference numbers, numbered
// notes), the datasheet (prose and a tab table with totals) and the programme
// overview (credit rules, a named mandatory unit, pathways, job roles).
// Each reads its typed lines first, then the prose reader takes the rest.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

#include "grammar/lines.hpp"
#include "qspec/profile.hpp"
#include "recognise/context.hpp"
#include "recognise/line_text.hpp"
#include "recognise/prose.hpp"
#include "recognise/vocabulary.hpp"

namespace qspec {
namespace {

/// A title as it reads: its HTML entities decoded ("individual&#39;s", a web page's text saved as it
/// was written); the view into the source where it has none.
std::string_view readable(parse_context& ctx, std::string_view v) {
  // (a view into the source only: a text joined from pieces is kept as it is)
  const auto at = reinterpret_cast<std::uintptr_t>(v.data()), src = reinterpret_cast<std::uintptr_t>(ctx.src.data());
  if (v.find('&') == std::string_view::npos || at < src || at + v.size() > src + ctx.src.size()) return v;
  const auto off = static_cast<std::uint32_t>(v.data() - ctx.src.data());
  const auto t = ctx.read_text(off, off + static_cast<std::uint32_t>(v.size()));
  return t.text() == v ? v : ctx.keep(t);
}

/// The recognisers' words, from their vocabulary profile (profiles/qualification.yaml): group types,
/// a unit table's columns, the phrases before what the prose names, qualification types.
class words {
 public:
  explicit words(const profile& vocabulary) : vocabulary_(vocabulary) {
    for (const auto& g : vocabulary.group_types) {
      std::optional<group_type> t;
      for (auto known : {group_type::mandatory, group_type::optional, group_type::pathway})
        if (g.name == to_string(known)) t = known;
      if (!t)
        throw std::invalid_argument("profile " + vocabulary.name + " (" + vocabulary.source + "): unknown group type '" +
                                    g.name + "'");
      for (const auto& w : g.labels) groups_.push_back({w, *t});
    }
  }
  /// The group type whose word opens a text ("Mandatory units", "Option 2").
  [[nodiscard]] std::optional<group_type> opens_group(std::string_view text) const {
    for (const auto& [w, t] : groups_)
      if (text.size() >= w.size() && lower_ascii(text.substr(0, w.size())) == lower_ascii(w) &&
          (text.size() == w.size() || !std::isalpha(static_cast<unsigned char>(text[w.size()]))))
        return t;
    return std::nullopt;
  }
  /// Whether a text holds a word of the group type anywhere.
  [[nodiscard]] bool mentions(std::string_view text, group_type type) const {
    for (const auto& [w, t] : groups_)
      if (t == type && has_ci(text, w)) return true;
    return false;
  }
  /// The column a unit table's header cell names ("code", "title", "imported", "reference"), or nothing.
  [[nodiscard]] std::string_view column_of(std::string_view cell) const {
    for (const auto& c : vocabulary_.columns)
      for (const auto& pattern : c.labels)
        if (vocab::furniture_match(trim(cell), pattern)) return c.name;
    return {};
  }
  /// Whether a text holds any of a field's words ("barred": "excluded combination").
  [[nodiscard]] bool says(std::string_view text, std::string_view name) const {
    return holds_word(vocabulary_, name, text);
  }
  /// Whether a text opens with one of a field's words ("units": "units.", "unit;").
  [[nodiscard]] bool opens(std::string_view text, std::string_view name) const {
    return opening_word(vocabulary_, name, text) > 0;
  }
  /// Whether a whole text (a closing ":" aside) is one of a field's words ("notes": "Notes:").
  [[nodiscard]] bool is(std::string_view text, std::string_view name) const {
    text = trim(text);
    if (!text.empty() && text.back() == ':') text = trim(text.substr(0, text.size() - 1));
    for (const auto& w : field(name))
      if (equals_ci(text, w)) return true;
    return false;
  }
  /// Where a text holds the first of a field's words, or npos; `len` gets the word's length.
  [[nodiscard]] std::size_t find(std::string_view text, std::string_view name, std::size_t& len,
                                 std::size_t from = 0) const {
    std::size_t best = std::string_view::npos;
    for (const auto& w : field(name))
      if (auto at = find_ci(text, w, from); at < best) best = at, len = w.size();
    return best;
  }
  /// The words of one of the profile's fields ("awarding_body": the phrases before the body's name).
  [[nodiscard]] const std::vector<std::string>& field(std::string_view name) const {
    return field_words(vocabulary_, name);
  }

 private:
  const profile& vocabulary_;
  std::vector<std::pair<std::string, group_type>> groups_;
};

// ---------------------------------------------------------------- helpers


bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// "Level 4 NVQ …": the level and the type that follows it.
void title_facts(qualification& q, std::string_view text, const source_span& where, const words& w) {
  const auto& types = w.field("type");
  std::size_t len = 0;
  for (std::size_t at = w.find(text, "level", len); at != std::string_view::npos; at = w.find(text, "level", len, at + 1)) {
    std::size_t i = at + len;
    if (i >= text.size() || text[i] != ' ') continue;
    ++i;
    std::uint32_t level = 0;
    std::size_t digits = 0;
    while (i < text.size() && is_digit(text[i]) && digits < 2) level = level * 10 + static_cast<std::uint32_t>(text[i++] - '0'), ++digits;
    if (digits == 0 || (i < text.size() && is_digit(text[i]))) continue;
    if (!q.level) q.level.set(level, where);
    while (i < text.size() && text[i] == ' ') ++i;
    for (std::string_view t : types) {
      if (text.compare(i, t.size(), t) == 0 && (i + t.size() == text.size() || !std::isalpha(static_cast<unsigned char>(text[i + t.size()])))) {
        if (!q.type) q.type.set(text.substr(i, t.size()), where);
        break;
      }
    }
    return;
  }
}

/// Unit codes named in prose: "LMC E5", "Unit B6", "E7". Each with its
/// offset; `series` is empty when the text gives none.
struct mention {
  std::string_view series;
  std::string_view code;
  std::size_t offset = 0;
};

std::vector<mention> unit_mentions(std::string_view t) {
  std::vector<mention> out;
  auto code_at = [&](std::size_t i) -> std::size_t {  // length of "E5" at i, or 0
    if (i >= t.size() || !is_upper(t[i])) return 0;
    std::size_t j = i + 1;
    while (j < t.size() && is_digit(t[j])) ++j;
    if (j == i + 1 || (j < t.size() && std::isalnum(static_cast<unsigned char>(t[j])))) return 0;
    return j - i;
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(t[i - 1]))) continue;
    // "LMC E5"
    std::size_t j = i;
    while (j < t.size() && is_upper(t[j])) ++j;
    if (j - i >= 2 && j - i <= 5 && j < t.size() && t[j] == ' ') {
      if (auto n = code_at(j + 1)) {
        out.push_back({t.substr(i, j - i), t.substr(j + 1, n), i});
        i = j + n;
        continue;
      }
    }
    // "E7" alone, or after "Unit "
    if (auto n = code_at(i)) {
      out.push_back({{}, t.substr(i, n), i});
      i += n;
    }
  }
  return out;
}

/// "(K/104/0809)" closing a piece of text: the inside and where it starts.
std::optional<std::pair<std::string_view, std::size_t>> trailing_brackets(std::string_view t) {
  if (t.empty() || t.back() != ')') return std::nullopt;
  auto open = t.rfind('(');
  if (open == std::string_view::npos) return std::nullopt;
  return std::make_pair(t.substr(open + 1, t.size() - open - 2), open);
}

/// Looks like an attempt at a unit reference number: has a slash, short, no spaces inside words.
bool reference_like(std::string_view inner) {
  return inner.find('/') != std::string_view::npos && inner.size() >= 6 && inner.size() <= 16;
}

std::optional<group_type> group_heading(std::string_view text, const words& w) {
  text = trim(text);
  if (text.empty() || text.size() > 40 || text.find('.') != std::string_view::npos) return std::nullopt;
  auto t = w.opens_group(text);
  if (t == group_type::pathway) return std::nullopt;  // a pathway is no group heading of a list
  return t;
}

// ------------------------------------------------------- qualification builder

/// Shared by the three layouts: ids, groups, unit lookup, barred combinations.
class builder {
 public:
  builder(parse_context& ctx, qualification& q, const words& w) : ctx_(ctx), q_(q), w_(w) {}

  unit_group& group(group_type t, std::string_view name, source_span where) {
    for (auto& g : q_.groups)
      if (g.type == t) return g;
    unit_group g;
    g.type = t;
    g.name = name;
    g.span = where;
    q_.groups.push_back(std::move(g));
    return q_.groups.back();
  }

  /// Finds a unit by code as the text gives it: "LMC E7", "E7", "B6".
  std::optional<std::string> resolve(std::string_view series, std::string_view code) {
    std::optional<std::string> found;
    for (const auto& g : q_.groups)
      for (const auto& u : g.units) {
        std::string_view lc = u.local_code;
        bool match = series.empty() ? (lc == code || (lc.size() > code.size() && lc.substr(lc.size() - code.size()) == code &&
                                                      lc[lc.size() - code.size() - 1] == ' '))
                                    : (lc.size() == series.size() + 1 + code.size() && lc.substr(0, series.size()) == series &&
                                       lc.substr(series.size() + 1) == code);
        if (!match) continue;
        if (found && *found != u.id) return std::nullopt;  // ambiguous
        found = u.id;
      }
    return found;
  }

  /// Resolves mentions to unit ids; unresolved ones are reported.
  std::vector<std::string> resolve_all(const std::vector<mention>& ms, std::string_view text, const source_span& where) {
    std::vector<std::string> ids;
    for (const auto& m : ms) {
      auto id = resolve(m.series, m.code);
      if (!id) {
        std::string written = m.series.empty() ? std::string(m.code) : std::string(m.series) + " " + std::string(m.code);
        ctx_.report(diag::unit_unresolved, severity::warning, sub_span(ctx_, text, m.offset, written.size(), where),
                    "the text names unit " + written + ", which the structure does not list", written);
        id = unit_id(written);
      }
      if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
    }
    return ids;
  }

  void barred(std::vector<std::string> ids, paragraph statement) {
    std::sort(ids.begin(), ids.end());
    for (auto& b : q_.barred)
      if (b.units == ids) {
        b.span = merge(b.span, statement.span);
        b.statements.push_back(std::move(statement));
        return;
      }
    barred_combination b;
    b.units = std::move(ids);
    b.span = statement.span;
    b.statements.push_back(std::move(statement));
    q_.barred.push_back(std::move(b));
  }

  /// A numbered note: a barred combination, a recommendation, or a plain note.
  void numbered_note(std::uint32_t number, std::string_view text, const source_span& where) {
    if (w_.says(text, "barred")) {
      auto ids = resolve_all(unit_mentions(text), text, where);
      if (ids.size() >= 2) {
        barred(std::move(ids), paragraph{{}, where, text});
        return;
      }
    }
    auto rec_at = std::string_view::npos;
    for (const auto& word : w_.field("recommendation"))
      if (rec_at == std::string_view::npos) rec_at = find_ci(text, word);
    if (rec_at != std::string_view::npos) {
      recommendation r;
      r.span = where;
      r.text = text;
      for (const auto& words : w_.field("audience")) {
        const std::string lead = words + " ";
        auto a = find_ci(text, lead);
        if (a == std::string_view::npos || a > rec_at) continue;
        auto from = a + lead.size();
        auto to = text.find(',', from);
        if (to == std::string_view::npos || to > rec_at) to = rec_at;
        r.audience = trim(text.substr(from, to - from));
        break;
      }
      std::vector<mention> named;
      for (const auto& m : unit_mentions(text.substr(rec_at)))
        named.push_back({m.series, m.code, m.offset + rec_at});
      r.units = resolve_all(named, text, where);
      if (!r.units.empty()) {
        q_.recommendations.push_back(std::move(r));
        return;
      }
    }
    note n;
    n.number = number;
    n.text = text;
    n.span = where;
    q_.notes.push_back(std::move(n));
  }

  /// Quantity phrases in a rule sentence: "all 4 Mandatory units", "4 Optional units".
  void rule_phrases(const paragraph& p) {
    std::string_view t = p.text;
    if (!(w_.says(t, "rule") && w_.says(t, "units"))) return;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (!is_digit(t[i]) || (i > 0 && std::isalnum(static_cast<unsigned char>(t[i - 1])))) continue;
      std::size_t j = i;
      std::uint32_t n = 0;
      while (j < t.size() && is_digit(t[j])) n = n * 10 + static_cast<std::uint32_t>(t[j++] - '0');
      std::size_t k = j;
      while (k < t.size() && t[k] == ' ') ++k;
      auto word_end = t.find(' ', k);
      if (word_end == std::string_view::npos) continue;
      std::string_view word = t.substr(k, word_end - k);
      std::optional<group_type> type = w_.opens_group(word);
      if (type == group_type::pathway) type.reset();
      if (!type) continue;
      auto noun = word_end + 1;
      std::string_view measure = w_.opens(t.substr(noun), "units") ? "units" : w_.opens(t.substr(noun), "credits") ? "credits" : "";
      if (measure.empty()) continue;
      std::size_t end = t.find_first_of(" .,;", noun);
      if (end == std::string_view::npos) end = t.size();
      std::size_t begin = i;
      for (const auto& all : w_.field("all"))  // "all 4 Mandatory units"
        if (i > all.size() && t[i - 1] == ' ' && lower_ascii(t.substr(i - 1 - all.size(), all.size())) == lower_ascii(all))
          begin = i - 1 - all.size();
      credit_rule r;
      r.measure = measure;
      r.count = n;
      r.applies_to = "group";
      r.group = std::string(to_string(*type));  // resolved to the group id in finish()
      r.text = t.substr(begin, end - begin);
      r.span = sub_span(ctx_, t, begin, end - begin, p.span);
      q_.rules.push_back(std::move(r));
      i = end;
    }
  }

  /// Ids from the codes, and group limits from the rules.
  void finish(std::string_view source_fallback) {
    std::string key = q_.number ? std::string(q_.number.value) : slug(q_.title ? q_.title.value : source_fallback);
    q_.id = ctx_.ids.claim("qualification/" + (key.empty() ? std::string("unnamed") : key));
    for (auto& g : q_.groups) {
      // a second group of a type (two pathways) and a unit listed twice get "-2"
      g.id = ctx_.ids.claim(q_.id + "/group/" + std::string(to_string(g.type)));
      g.span = merge(g.span, g.statement_span);
      for (auto& u : g.units) {
        u.id = ctx_.ids.claim(std::move(u.id));
        g.span = merge(g.span, u.span);
      }
    }
    std::uint32_t n = 0;
    for (auto& r : q_.rules) {
      r.id = q_.id + "/rule/" + std::to_string(++n);
      if (r.applies_to != "group") continue;
      for (auto& g : q_.groups) {
        if (to_string(g.type) != r.group) continue;
        r.group = g.id;
        bool at_least = w_.says(r.text, "at_least");
        auto& min = r.measure == "units" ? g.min_units : g.min_credits;
        auto& max = r.measure == "units" ? g.max_units : g.max_credits;
        min = r.count;
        if (!at_least) max = r.count;
      }
    }
    for (auto& b : q_.barred) {
      std::string joined;
      for (auto& u : b.units) joined += (joined.empty() ? "" : "+") + u;
      b.id = ctx_.ids.claim(q_.id + "/barred/" + joined);
      std::uint32_t k = 0;
      for (auto& s : b.statements) s.id = b.id + "/statement-" + std::to_string(++k);
    }
    for (auto& r : q_.recommendations)
      r.id = ctx_.ids.claim(q_.id + "/recommendation/" + slug(r.audience.empty() ? r.text.substr(0, 40) : r.audience));
    for (auto& p : q_.pathways) p.id = ctx_.ids.claim(q_.id + "/pathway/" + slug(p.name));
    n = 0;
    for (auto& j : q_.job_roles) j.id = q_.id + "/job-role/" + std::to_string(++n);
    for (auto& note_ : q_.notes) note_.id = ctx_.ids.claim(q_.id + "/note/" + std::to_string(note_.number));
  }

  /// Ids, checks and the qualification handed to the document.
  void deliver(document& doc, bool check_refs) {
    if (check_refs) check_references();
    finish(doc.source_name);
    for (auto& s : q_.description) prefix_ids(s, q_.id + "/");
    q_.span = ctx_.whole_span();
    doc.qualifications.push_back(std::move(q_));
  }

  /// Unit reference number checks: missing or not letter/3 digits/4 digits.
  void check_references() {
    // a well-formed reference of the same list shows the expected shape
    std::string_view example;
    for (const auto& g : q_.groups)
      for (const auto& u : g.units)
        if (example.empty() && grammar::is_unit_reference(u.reference)) example = u.reference;
    for (const auto& g : q_.groups)
      for (const auto& u : g.units) {
        if (u.reference.empty()) {
          ctx_.report(diag::reference_missing, severity::warning, u.span,
                      "unit " + std::string(u.local_code) + " is listed without a unit reference number",
                      u.title);
        } else if (!grammar::is_unit_reference(u.reference)) {
          ctx_.report(diag::reference_malformed, severity::warning, u.reference_span,
                      "unit reference number of " + std::string(u.local_code) +
                          " is not a letter, three digits and four digits" +
                          (example.empty() ? std::string() : " (as in " + std::string(example) + ")"),
                      u.reference);
        }
      }
  }

 private:
  parse_context& ctx_;
  qualification& q_;
  const words& w_;
};

prose_options qualification_prose() {
  prose_options o;
  o.question_headings = true;
  o.split_run_in_questions = true;
  o.rejoin_list_items = true;
  o.contact_block = true;
  o.stray_labels = true;
  o.navigation = true;
  o.classify = true;
  return o;
}

/// Names with the abbreviation beside them, after a phrase: "… awarding body
/// for this NVQ is OCR (Oxford Cambridge and RSA Examinations)".
named_body named_after(const parse_context& ctx, const paragraph& p, std::string_view phrase, const words& w) {
  std::string_view t = p.text;
  auto at = find_ci(t, phrase);
  if (at == std::string_view::npos) return {};
  auto from = at + phrase.size();
  auto open = t.find('(', from);
  auto close = open == std::string_view::npos ? open : t.find(')', open);
  auto stop = t.find_first_of(".;", from);
  if (open == std::string_view::npos || close == std::string_view::npos || (stop != std::string_view::npos && stop < open))
    return {};
  std::string_view before = trim(t.substr(from, open - from));
  // the words between the phrase and the name ("is the"), and the verb after which a longer phrase names it
  // ("for this NVQ is OCR"); as written, in lower case
  auto drop_lead = [&](std::string_view& s) {
    for (const auto& lead : w.field("name_lead"))
      if (s.size() > lead.size() && s[lead.size()] == ' ' && s.substr(0, lead.size()) == lead) {
        s.remove_prefix(lead.size() + 1);
        return;
      }
  };
  drop_lead(before);
  for (const auto& verb : w.field("name_verb"))
    for (std::size_t at = before.find(verb); at != std::string_view::npos; at = before.find(verb, at + 1))
      if (at > 0 && before[at - 1] == ' ' && at + verb.size() < before.size() && before[at + verb.size()] == ' ')
        before = before.substr(at + verb.size() + 1), at = 0;
  drop_lead(before);
  // "Sector Skills Council, Skills for Care and Development": the body is the last name
  if (auto comma = before.rfind(", "); comma != std::string_view::npos) before = before.substr(comma + 2);
  std::string_view inside = trim(t.substr(open + 1, close - open - 1));
  bool before_is_abbreviation = !before.empty() && before.find(' ') == std::string_view::npos &&
                                std::all_of(before.begin(), before.end(), [](char c) { return !(c >= 'a' && c <= 'z'); });
  named_body nb;
  nb.abbreviation = before_is_abbreviation ? before : inside;
  nb.name = before_is_abbreviation ? inside : before;
  auto b = static_cast<std::size_t>(before.data() - t.data());
  nb.span = sub_span(ctx, t, b, close + 1 - b, p.span);
  return nb;
}

template <class F>
void each_paragraph(std::vector<section>& sections, F&& f) {
  for (auto& s : sections)
    for (auto& b : s.blocks)
      if (b.which == block::type::paragraph) f(s, b.para);
}

void remove_blocks(section& s, const std::vector<const block*>& gone) {
  s.blocks.erase(std::remove_if(s.blocks.begin(), s.blocks.end(),
                                [&](const block& b) { return std::find(gone.begin(), gone.end(), &b) != gone.end(); }),
                 s.blocks.end());
}

// ---------------------------------------------------------- structure list

class structure_list_reader {
 public:
  structure_list_reader(parse_context& ctx, document& doc, const profile& vocabulary,
                        const std::vector<std::string>& joining_words)
      : ctx_(ctx), doc_(doc), w_(vocabulary), b_(ctx, q_, w_), joining_words_(joining_words) {}

  void run() {
    std::uint32_t n = ctx_.lines.count();
    bool have_title = false;
    unit_group* group = nullptr;
    for (std::uint32_t l = 0; l < n; ++l) {
      if (ctx_.use[l] != line_use::unknown) continue;
      auto [b, e] = trimmed(ctx_, l);
      std::string_view text = ctx_.src.substr(b, e - b);
      if (!have_title) {
        l = title_lines(l, text);
        have_title = true;
        continue;
      }
      if (auto t = group_heading(text, w_)) {
        group = &b_.group(*t, text, ctx_.span(b, e));
        ctx_.use[l] = line_use::content;
        continue;
      }
      if (auto m = grammar::match_structure_unit(text); m && !m->value.series.empty()) {
        l = unit_record(l, *m, group ? *group : b_.group(group_type::optional, {}, {}));
        continue;
      }
      if (is_notes_heading(text)) {
        ctx_.use[l] = line_use::furniture;
        l = notes(l + 1) - 1;
        continue;
      }
    }
    for (auto& [ids, statement] : pending_barred_) {
      std::vector<std::string> all{ids.first};
      auto more = b_.resolve_all({ids.second}, statement.text, statement.span);
      all.insert(all.end(), more.begin(), more.end());
      b_.barred(std::move(all), std::move(statement));
    }
    for (auto& note : pending_notes_) b_.numbered_note(note.number, ctx_.keep(note.text), note.where);
    q_.description = read_sections(ctx_, qualification_prose());
    for (auto& s : q_.description)
      for (auto& blk : s.blocks)
        if (blk.which == block::type::paragraph) b_.rule_phrases(blk.para);
    b_.deliver(doc_, true);
  }

 private:
  parse_context& ctx_;
  document& doc_;
  words w_;
  qualification q_;
  builder b_;
  std::vector<std::pair<std::pair<std::string, mention>, paragraph>> pending_barred_;
  struct pending_note {
    std::uint32_t number;
    std::string text;  // kept when the notes are delivered: a note wrapped over lines is joined first
    source_span where;
  };
  std::vector<pending_note> pending_notes_;
  const std::vector<std::string>& joining_words_;
  static constexpr std::size_t max_title_bytes = 300;  // a title wrapped over a few lines, no more

  /// The title from line `l` on: wrapped over the lines right under it that go on with it (see
  /// vocab::title_wraps) and open nothing of their own (a group's heading, a unit). The last line read.
  std::uint32_t title_lines(std::uint32_t l, std::string_view text) {
    std::uint32_t last = l;
    std::string joined;
    while (last + 1 < ctx_.lines.count() && ctx_.use[last + 1] == line_use::unknown) {
      auto [b, e] = trimmed(ctx_, last + 1);
      std::string_view next = ctx_.src.substr(b, e - b);
      const std::string_view so_far = joined.empty() ? text : std::string_view(joined);
      if (next.empty() || so_far.size() + next.size() > max_title_bytes ||
          !vocab::title_wraps(so_far, next, joining_words_) || group_heading(next, w_) ||
          grammar::match_structure_unit(next))
        break;
      if (joined.empty()) joined = text;
      joined += ' ';
      joined += next;
      ctx_.use[++last] = line_use::content;
    }
    if (last == l) {
      title_line(l, text);
    } else {
      title_line(l, ctx_.keep(joined));
      // the title's span runs over the lines it was printed on
      q_.title.span = merge(ctx_.line_span(l), ctx_.line_span(last));
    }
    return last;
  }

  bool is_notes_heading(std::string_view t) const {
    while (!t.empty() && t.front() == '*') t.remove_prefix(1);
    return w_.is(t, "notes");
  }

  void title_line(std::uint32_t l, std::string_view text) {
    ctx_.use[l] = line_use::content;
    auto where = ctx_.line_span(l);
    std::string_view title = text;
    // "Mandatory and optional units for the Level 4 NVQ …": the title after the profile's words
    std::size_t off = 0;
    for (const auto& words : w_.field("title_after")) {
      const std::string lead = words + " ";
      if (auto at = find_ci(title, lead); at != std::string_view::npos) {
        off = at + lead.size();
        break;
      }
    }
    title = title.substr(off);
    auto span = sub_span(ctx_, text, off, title.size(), where);
    q_.title.set(title, span);
    title_facts(q_, title, span, w_);
  }

  /// One unit: "Unit LMC A4" then, on the same or following lines, an
  /// imported code, the title, a barred-combination remark and the reference.
  std::uint32_t unit_record(std::uint32_t first, const grammar::prefix_match<grammar::ast::structure_unit>& m,
                            unit_group& g) {
    auto [b0, e0] = trimmed(ctx_, first);
    std::string_view line0 = ctx_.src.substr(b0, e0 - b0);
    unit u;
    // local code as written: "LMC A4" (series, one gap, code)
    auto code_end = line0.find(m.value.code, line0.find(m.value.series) + m.value.series.size());
    auto series_at = line0.find(m.value.series);
    u.local_code = ctx_.keep(m.value.series + " " + m.value.code);
    if (line0.substr(series_at, code_end + m.value.code.size() - series_at) == u.local_code)
      u.local_code = line0.substr(series_at, code_end + m.value.code.size() - series_at);
    u.id = unit_id(u.local_code);
    u.span = ctx_.span(b0, e0);

    struct piece {
      std::string_view text;
      std::uint32_t line;
    };
    std::vector<piece> title_parts;
    std::string_view rest = trim(line0.substr(std::min(m.rest, line0.size())));
    std::uint32_t last = first;
    auto take = [&](std::string_view t, std::uint32_t l) {
      if (auto br = trailing_brackets(t); br && reference_like(br->first)) {
        u.reference = br->first;
        u.reference_span = sub_span(ctx_, t, br->second + 1, br->first.size(), ctx_.line_span(l));
        t = trim(t.substr(0, br->second));
      }
      if (t.empty()) return;
      std::size_t len = 0;
      if (auto w = w_.find(t, "barred_with", len); w != std::string_view::npos && w_.says(t, "barred")) {
        auto ms = unit_mentions(t.substr(w + len));
        paragraph st{{}, sub_span(ctx_, t, 0, t.size(), ctx_.line_span(l)), t};
        for (auto& mm : ms) pending_barred_.push_back({{u.id, mention{mm.series, mm.code, mm.offset + w + len}}, st});
        if (!ms.empty()) return;
      }
      title_parts.push_back({t, l});
    };
    ctx_.use[first] = line_use::content;
    take(rest, first);
    std::uint32_t n = ctx_.lines.count();
    for (std::uint32_t l = first + 1; l < n; ++l) {
      // (a record goes on over a page break only while its reference is still to come)
      if (ctx_.use[l] != line_use::unknown) {
        if (!u.reference.empty() || !(l = over_page_break(l, u.imported_code.empty()))) break;
        said_over_page_break(l);
      }
      auto [b, e] = trimmed(ctx_, l);
      std::string_view t = ctx_.src.substr(b, e - b);
      if (grammar::match_structure_unit(t) || group_heading(t, w_) || is_notes_heading(t)) break;
      ctx_.use[l] = line_use::content;
      last = l;
      u.span = merge(u.span, ctx_.span(b, e));
      if (auto imported = grammar::match_imported_code(t); imported && u.imported_code.empty()) {
        auto at = t.find(*imported);
        u.imported_code = t.substr(at, imported->size());
        continue;
      }
      take(t, l);
      if (!u.reference.empty()) break;  // the reference closes the record
    }
    if (title_parts.size() == 1) {
      u.title = readable(ctx_, title_parts[0].text);
    } else if (!title_parts.empty()) {
      std::string joined;
      for (auto& p : title_parts) joined += (joined.empty() ? "" : " ") + std::string(p.text);
      u.title = ctx_.keep(joined);
    }
    g.units.push_back(std::move(u));
    return last;
  }

  /// A text going on over a page break: from line `l`, blank or furniture, the next line of text
  /// where a page's furniture (its footer, its header) or a form feed comes between and that line
  /// begins in lower case or is a record's reference in brackets ("(T/104/0831)"), or an imported
  /// code ("(HSC446)") where `imported_code`; 0 where there is
  /// none. The text above it is the caller's to check (no reference yet).
  std::uint32_t over_page_break(std::uint32_t l, bool imported_code = false) const {
    const auto& pages = ctx_.lines.page_starts();
    bool broke = false;
    for (; l < ctx_.lines.count(); ++l) {
      broke = broke || ctx_.use[l] == line_use::furniture || std::binary_search(pages.begin(), pages.end(), l);
      if (ctx_.use[l] != line_use::furniture && ctx_.use[l] != line_use::blank) break;
    }
    if (!broke || l >= ctx_.lines.count() || ctx_.use[l] != line_use::unknown) return 0;
    auto [b, e] = trimmed(ctx_, l);
    const auto t = ctx_.src.substr(b, e - b);
    const auto br = trailing_brackets(t);
    // (or, where `imported_code` (a unit's record with none yet), an imported unit's code in
    // brackets, "(HSC446)": no record opens with one)
    return !t.empty() && (vocab::is_lower(t[0]) || (br && br->second == 0 && reference_like(br->first)) ||
                          (imported_code && grammar::match_imported_code(t)))
               ? l
               : 0;
  }

  /// Says that line l, after a page break, is read as the text before it going on.
  void said_over_page_break(std::uint32_t l) {
    auto [b, e] = trimmed(ctx_, l);
    ctx_.report(diag::rejoined_page_break, severity::warning, ctx_.span(b, e),
                "text continued after a page break joined to the text it continues", ctx_.src.substr(b, e - b));
  }

  /// "1. Units LMC E5 and LMC E7 are an excluded combination …": numbered
  /// notes, each possibly wrapped onto further lines. Returns the line after.
  std::uint32_t notes(std::uint32_t l) {
    std::uint32_t n = ctx_.lines.count();
    const std::size_t first_note = pending_notes_.size();  // (notes of an earlier block are done)
    std::uint32_t last_note_line = 0;
    for (; l < n; ++l) {
      if (ctx_.use[l] == line_use::blank) continue;
      if (ctx_.use[l] != line_use::unknown) {
        // a page's footer and header: the last note may go on after them
        const auto after = pending_notes_.size() > first_note ? over_page_break(l) : 0;
        if (!after) break;
        l = after;
      }
      auto [b, e] = trimmed(ctx_, l);
      std::string_view t = ctx_.src.substr(b, e - b);
      auto num = grammar::match_number(t);
      if (!num) {
        // the last note wrapped onto this line ("… an excluded combination within" / "Group B."), or
        // going on over a page break
        if (pending_notes_.size() == first_note) break;
        if (!(last_note_line + 1 == l && ctx_.wrap.goes_on(ctx_, last_note_line, t))) {
          if (over_page_break(last_note_line + 1) != l) break;
          said_over_page_break(l);
        }
        last_note_line = l;
        auto& note = pending_notes_.back();
        note.text.append(" ").append(t);
        note.where = merge(note.where, ctx_.span(b, e));
        ctx_.use[l] = line_use::content;
        continue;
      }
      ctx_.use[l] = line_use::content;
      last_note_line = l;
      std::string_view body = t.substr(num->rest);
      auto where = sub_span(ctx_, t, num->rest, body.size(), ctx_.span(b, e));
      pending_notes_.push_back({num->value, std::string(body), where});
    }
    return l;
  }
};

// --------------------------------------------------------------- datasheet

class datasheet_reader {
 public:
  datasheet_reader(parse_context& ctx, document& doc, const profile& vocabulary)
      : ctx_(ctx), doc_(doc), w_(vocabulary), b_(ctx, q_, w_) {}

  void run() {
    std::uint32_t n = ctx_.lines.count();
    std::uint32_t seen = 0;
    for (std::uint32_t l = 0; l < n; ++l) {
      if (ctx_.use[l] != line_use::unknown) continue;
      auto [b, e] = trimmed(ctx_, l);
      std::string_view text = ctx_.src.substr(b, e - b);
      auto raw_begin = ctx_.lines.content(l).first;
      std::string_view raw = ctx_.src.substr(raw_begin, e - raw_begin);
      ++seen;
      if (seen <= 3 && !q_.number) {
        if (auto ln = grammar::match_level_number(text)) {
          auto where = ctx_.span(b, e);
          q_.level.set(ln->level, where);
          auto at = text.find(ln->number);
          q_.number.set(text.substr(at, ln->number.size()), sub_span(ctx_, text, at, ln->number.size(), where));
          ctx_.use[l] = line_use::content;
          continue;
        }
        if (seen == 1 && text.size() <= 100 && text.find('.') == std::string_view::npos && text.back() != '?') {
          q_.award_title.set(text, ctx_.span(b, e));
          ctx_.use[l] = line_use::content;
          continue;
        }
      }
      if (row_separator(text) && header(raw)) {
        l = table(l + 1, b) - 1;
        continue;
      }
      // (a column's name is a few words: the longer lines are no header's, and cost no look-up)
      constexpr std::size_t longest_column_name = 40;
      if (text.size() <= longest_column_name && !row_separator(text) && !w_.column_of(text).empty()) {
        if (const auto after = flat_table(l)) l = after - 1;
      }
    }
    q_.description = read_sections(ctx_, qualification_prose());
    facts();
    b_.deliver(doc_, layout_has_references_);
  }

 private:
  parse_context& ctx_;
  document& doc_;
  words w_;
  qualification q_;
  builder b_;
  bool layout_has_references_ = false;
  int code_col_ = -1, title_col_ = -1, imported_col_ = -1, reference_col_ = -1, status_col_ = -1;

  /// Whether a row's cells name the columns of a unit table: a code's and a title's at least.
  bool names_columns(const std::vector<std::string_view>& cells) const {
    bool code = false, title = false;
    for (auto c : cells) {
      const auto column = w_.column_of(c);
      code = code || column == "code";
      title = title || column == "title";
    }
    return code && title;
  }

  bool header(std::string_view line) { return header(split_row(line)); }

  bool header(const std::vector<std::string_view>& cells) {
    if (!names_columns(cells)) return false;
    code_col_ = title_col_ = imported_col_ = reference_col_ = -1;
    for (int i = 0; i < static_cast<int>(cells.size()); ++i) {
      auto column = w_.column_of(cells[static_cast<std::size_t>(i)]);
      if (column == "code") code_col_ = i;
      else if (column == "title") title_col_ = i;
      else if (column == "imported") imported_col_ = i;
      else if (column == "reference") reference_col_ = i;
    }
    status_col_ = static_cast<int>(cells.size()) - 1;
    std::string_view qual = cells.back();
    if (status_col_ > title_col_ && status_col_ != imported_col_ && !qual.empty()) {
      auto off = static_cast<std::size_t>(qual.data() - ctx_.src.data());
      auto where = ctx_.span(static_cast<std::uint32_t>(off), static_cast<std::uint32_t>(off + qual.size()));
      q_.title.set(qual, where);
      title_facts(q_, qual, where, w_);
    }
    layout_has_references_ = reference_col_ >= 0;
    return true;
  }

  std::string_view cell(const std::vector<std::string_view>& cells, int i) const {
    return i >= 0 && static_cast<std::size_t>(i) < cells.size() ? cells[static_cast<std::size_t>(i)] : std::string_view{};
  }

  source_span span_of(std::string_view v) const {
    auto off = static_cast<std::uint32_t>(v.data() - ctx_.src.data());
    return ctx_.span(off, off + static_cast<std::uint32_t>(v.size()));
  }

  /// Rows until the first that is neither a unit nor a total (a page's footer and header between
  /// two rows aside); then the footnote.
  std::uint32_t table(std::uint32_t l, std::uint32_t header_begin) {
    const auto header_line = ctx_.lines.line_of(header_begin);
    mark_furniture(ctx_, header_line, "table_header");
    // (the header printed again: the same cells, case, spacing and markup aside)
    auto cells_of = [&](std::uint32_t k) {
      std::vector<std::string> out;
      auto [kb, ke] = trimmed(ctx_, k);
      for (auto c : split_row(ctx_.src.substr(kb, ke - kb))) out.push_back(vocab::fold(c));
      return out;
    };
    const auto header_cells = cells_of(header_line);
    std::uint32_t n = ctx_.lines.count();
    for (; l < n; ++l) {
      if (ctx_.use[l] == line_use::blank || ctx_.use[l] == line_use::furniture) {
        // a page's footer and header between two rows: the table goes on under them where the next
        // line is a unit's row, or the header printed again (furniture) over the rows carried on
        std::uint32_t next = l;
        while (next < n && (ctx_.use[next] == line_use::blank || ctx_.use[next] == line_use::furniture)) ++next;
        if (next >= n || ctx_.use[next] != line_use::unknown) break;
        bool furniture_between = false;
        for (auto k = l; k < next; ++k) furniture_between = furniture_between || ctx_.use[k] == line_use::furniture;
        auto [nb, ne] = trimmed(ctx_, next);
        const auto raw = ctx_.src.substr(ctx_.lines.content(next).first, ne - ctx_.lines.content(next).first);
        if (!furniture_between || !row_separator(raw)) break;
        if (cells_of(next) == header_cells) {
          mark_furniture(ctx_, next, "table_header");
          l = next;
          continue;
        }
        if (!grammar::match_table_code(cell(split_row(raw), code_col_))) break;
        l = next;
      }
      if (ctx_.use[l] != line_use::unknown) break;
      auto [b, e] = trimmed(ctx_, l);
      auto cells = split_row(ctx_.src.substr(ctx_.lines.content(l).first, e - ctx_.lines.content(l).first));
      // cells are counted as in the header, whose line starts the same way
      std::string_view code = cell(cells, code_col_);
      std::string_view status = cell(cells, status_col_);
      if (code.empty()) {
        if (!total_row(cells, l)) break;
        ctx_.use[l] = line_use::content;
        continue;
      }
      if (!grammar::match_table_code(code)) break;
      ctx_.use[l] = line_use::content;
      add_unit(code, cell(cells, title_col_), cell(cells, imported_col_), cell(cells, reference_col_), status,
               ctx_.span(b, e));
    }
    return after_table(l);
  }

  /// The unit table written a cell a line, as a conversion that keeps no table writes it: the
  /// header's cells one under another ("Unit No." / "Unit Title" / "Imported Unit source", then the
  /// qualification's column), each row's cells under it -- a unit's code alone on its line, its
  /// title, its imported code where it has one, its status ("Mandatory") -- and a total's label
  /// over its count. Empty cells leave no line, so a row's cells are told by what they hold: the
  /// code opens the row, the status ends it. The line after the table, or 0 where line l opens no
  /// such header.
  std::uint32_t flat_table(std::uint32_t first) {
    const std::uint32_t n = ctx_.lines.count();
    auto text_at = [&](std::uint32_t k) {
      if (k >= n || ctx_.use[k] != line_use::unknown) return std::string_view{};
      auto [b, e] = trimmed(ctx_, k);
      return ctx_.src.substr(b, e - b);
    };
    auto digits = [](std::string_view t) { return !t.empty() && std::all_of(t.begin(), t.end(), is_digit); };
    auto code_line = [&](std::string_view t) { return !t.empty() && grammar::match_table_code(t); };
    // a status alone in its cell ("Mandatory", "Option"), not a title that opens with the word
    constexpr std::ptrdiff_t status_words = 3;
    auto status_cell = [&](std::string_view t) {
      return w_.opens_group(t) && std::count(t.begin(), t.end(), ' ') < status_words;
    };
    // an imported unit's code ("HSC 446", "MSC D6"): short, with a digit, no lower-case letter
    constexpr std::size_t longest_code = 12;
    auto code_shaped = [](std::string_view t) {
      return t.size() <= longest_code && std::any_of(t.begin(), t.end(), is_digit) &&
             std::none_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    std::vector<std::string_view> cells;
    std::uint32_t l = first;
    for (; !text_at(l).empty() && !w_.column_of(text_at(l)).empty(); ++l) cells.push_back(text_at(l));
    // the qualification's column: a line that opens no row (no code, no total's label over a count)
    if (const auto t = text_at(l); !t.empty() && !code_line(t) && !w_.opens_group(t) && !digits(text_at(l + 1)))
      cells.push_back(t), ++l;
    if (cells.size() < 2 || !header(cells)) return 0;
    for (auto k = first; k < l; ++k) mark_furniture(ctx_, k, "table_header");
    while (l < n) {
      const auto t = text_at(l);
      if (t.empty()) break;
      if (!code_line(t)) {  // a total: its label, its count under it
        std::vector<std::string_view> total{t, text_at(l + 1)};
        if (!digits(total[1]) || !total_row(total, l)) break;
        ctx_.use[l] = ctx_.use[l + 1] = line_use::content;
        l += 2;
        continue;
      }
      // the row: its code, its title's lines (a title wrapped in its cell goes on), an imported
      // code, its status
      const std::uint32_t begin = l;
      std::string title;
      std::string_view imported, status;
      // (a count, or a total's label over one, is the next row's; an imported code is the row's last
      // cell before its status, or its last)
      constexpr int most_title_lines = 8;
      int title_lines = 0;
      for (++l; !text_at(l).empty() && !code_line(text_at(l)) && !digits(text_at(l)) && !digits(text_at(l + 1)); ++l) {
        const auto c = text_at(l);
        if (status_cell(c)) {
          status = c;
          ++l;
          break;
        }
        const auto after = text_at(l + 1);
        if (!title.empty() && imported_col_ >= 0 && imported.empty() && code_shaped(c) &&
            (after.empty() || status_cell(after) || code_line(after)))
          imported = c;
        else if (imported.empty() && title_lines++ < most_title_lines)
          title += (title.empty() ? "" : " ") + std::string(c);
        else
          break;
      }
      for (auto k = begin; k < l; ++k) ctx_.use[k] = line_use::content;
      add_unit(t, ctx_.keep(title), imported, {}, status,
               ctx_.span(trimmed(ctx_, begin).first, trimmed(ctx_, l - 1).second));
    }
    return after_table(l);
  }

  /// A unit of the table: its code (a marker after it, "E5*", kept apart), title, imported code,
  /// reference and status cells.
  void add_unit(std::string_view code, std::string_view title, std::string_view imported, std::string_view reference,
                std::string_view status, const source_span& where) {
    const auto tc = grammar::match_table_code(code);
    unit u;
    u.local_code = code.substr(0, tc->code.size());
    if (!tc->marker.empty()) u.marker = code.substr(tc->code.size(), tc->marker.size());
    u.title = readable(ctx_, title);
    u.imported_code = imported;
    if (!reference.empty()) u.reference = reference, u.reference_span = span_of(reference);
    u.span = where;
    group_type t = w_.opens_group(status).value_or(group_type::optional);
    b_.group(t, status, u.span).units.push_back(std::move(u));
  }

  /// The table's footnote under it, then the codes completed; the line after what was read.
  std::uint32_t after_table(std::uint32_t l) {
    const std::uint32_t n = ctx_.lines.count();
    // blank lines, then a footnote starting with the marker
    std::uint32_t k = l;
    while (k < n && ctx_.use[k] == line_use::blank) ++k;
    if (k < n && ctx_.use[k] == line_use::unknown) {
      auto [b, e] = trimmed(ctx_, k);
      std::string_view t = ctx_.src.substr(b, e - b);
      if (!t.empty() && t.front() == '*') {
        ctx_.use[k] = line_use::content;
        footnote(t.substr(1), ctx_.span(b, e), t);
        l = k + 1;
      }
    }
    prefix_codes();
    return l;
  }

  bool total_row(const std::vector<std::string_view>& cells, std::uint32_t l) {
    std::string_view label, count;
    for (auto c : cells) {
      if (c.empty()) continue;
      if (label.empty()) label = c;
      else count = c;
    }
    if (!w_.says(label, "total") || count.empty() || !std::all_of(count.begin(), count.end(), is_digit)) return false;
    std::uint32_t value = 0;
    for (char c : count) value = value * 10 + static_cast<std::uint32_t>(c - '0');
    credit_rule r;
    r.measure = w_.says(label, "credits") ? "credits" : "units";
    r.count = value;
    auto [b, e] = trimmed(ctx_, l);
    r.span = ctx_.span(b, e);
    r.text = ctx_.keep(std::string(label) + " " + std::string(count));
    if (w_.mentions(label, group_type::mandatory)) r.applies_to = "group", r.group = "mandatory";
    else if (w_.mentions(label, group_type::optional)) r.applies_to = "group", r.group = "optional";
    else {
      r.applies_to = "qualification";
      if (r.measure == "units") q_.total_units.set(value, r.span);
      else q_.total_credits.set(value, r.span);
    }
    q_.rules.push_back(std::move(r));
    return true;
  }

  std::string series_;
  source_span series_span_;
  std::string_view footnote_text_;

  void footnote(std::string_view body, const source_span& where, std::string_view whole) {
    body = trim(body);
    auto ms = unit_mentions(body);
    // the footnote names the units with their series: "LMC E5 and LMC E7"
    for (const auto& m : ms)
      if (!m.series.empty() && series_.empty()) series_ = m.series, series_span_ = where, footnote_text_ = whole;
    paragraph st{{}, where, body};
    if (w_.says(body, "barred") && ms.size() >= 2) {
      pending_footnote_ = {ms, st};
    } else {
      note nt;
      nt.text = body;
      nt.span = where;
      nt.number = 1;
      q_.notes.push_back(nt);
    }
  }
  std::optional<std::pair<std::vector<mention>, paragraph>> pending_footnote_;

  /// Codes in the table lack the series the footnote gives them: "E5" is
  /// "LMC E5". The document proves it, so the codes are completed.
  void prefix_codes() {
    if (!series_.empty()) {
      bool all_bare = true;
      for (auto& g : q_.groups)
        for (auto& u : g.units) all_bare = all_bare && u.local_code.find(' ') == std::string_view::npos;
      if (all_bare) {
        std::size_t count = 0;
        std::string examples;  // the first codes completed, to show what was done
        for (auto& g : q_.groups)
          for (auto& u : g.units) {
            if (count < 2) examples += (count ? ", " : "") + series_ + " " + std::string(u.local_code);
            u.local_code = ctx_.keep(series_ + " " + std::string(u.local_code)), ++count;
          }
        ctx_.report(diag::prefix_inferred, severity::note, series_span_,
                    "the table gives unit codes without their series; the footnote names them as " + series_ +
                        " units, so " + std::to_string(count) + (count == 1 ? " code is" : " codes are") +
                        " read as " + examples + (count > 2 ? " …" : ""),
                    footnote_text_, series_);
      }
    }
    for (auto& g : q_.groups)
      for (auto& u : g.units) u.id = unit_id(u.local_code);
    if (pending_footnote_) {
      auto ids = b_.resolve_all(pending_footnote_->first, pending_footnote_->second.text, pending_footnote_->second.span);
      b_.barred(std::move(ids), std::move(pending_footnote_->second));
      pending_footnote_.reset();
    }
  }

  void facts() {
    each_paragraph(q_.description, [&](section&, paragraph& p) {
      // the phrases before each body's name, in the profile's order
      for (auto [field, body] : {std::pair{"awarding_body", &q_.awarding_body}, std::pair{"regulator", &q_.regulator},
                                 std::pair{"standards", &q_.standards},
                                 std::pair{"standards_developer", &q_.standards_developer}})
        for (const auto& phrase : w_.field(field))
          if (body->empty()) *body = named_after(ctx_, p, phrase + " ", w_);
    });
  }
};

// ------------------------------------------------------- programme overview

/// "Number of credits that must be achieved: 90" and kin.
std::optional<std::uint32_t> credit_count(std::string_view t, const words& w) {
  if (!w.says(t, "credits")) return std::nullopt;
  auto colon = t.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto n = trim(t.substr(colon + 1));
  if (n.empty() || n.size() > 4 || !std::all_of(n.begin(), n.end(), is_digit)) return std::nullopt;
  std::uint32_t v = 0;
  for (char c : n) v = v * 10 + static_cast<std::uint32_t>(c - '0');
  return v;
}

class programme_reader {
 public:
  programme_reader(parse_context& ctx, document& doc, const profile& vocabulary)
      : ctx_(ctx), doc_(doc), w_(vocabulary), b_(ctx, q_, w_) {}

  void run() {
    q_.description = read_sections(ctx_, qualification_prose());
    for (auto& s : q_.description) {
      std::vector<const block*> gone;
      for (std::size_t i = 0; i < s.blocks.size(); ++i) {
        auto& blk = s.blocks[i];
        if (blk.which == block::type::list) {
          lists(s, i, gone);
          continue;
        }
        const paragraph& p = blk.para;
        if (!q_.level) title_facts_in(p);
        if (auto n = credit_count(p.text, w_)) {
          credit(p, *n);
          gone.push_back(&blk);
        } else if (w_.says(p.text, "named_units") && i + 1 < s.blocks.size()) {
          i = named_units(s, i, gone);
        }
      }
      remove_blocks(s, gone);
    }
    for (auto& p : q_.pathways)
      for (auto& r : q_.rules)
        if (r.applies_to == "pathway" && r.measure == "credits") p.min_credits = r.count;
    if (q_.type && q_.level && !q_.title)
      q_.title.set(ctx_.keep(std::string(level_word_) + " " + std::to_string(q_.level.value) + " " +
                             std::string(q_.type.value)),
                   q_.type.span);
    b_.deliver(doc_, true);
  }

 private:
  parse_context& ctx_;
  document& doc_;
  words w_;
  qualification q_;
  builder b_;
  std::string_view level_word_;  // the level's word as the document writes it ("Level")

  void title_facts_in(const paragraph& p) {
    std::size_t word = 0;
    auto at = w_.find(p.text, "level", word);
    if (at == std::string_view::npos) return;
    qualification probe;
    title_facts(probe, p.text.substr(at), p.span, w_);
    if (!probe.type) return;  // "Level 7 Management" is not a qualification type
    auto len = p.text.substr(at).find(probe.type.value) + probe.type.value.size();
    auto span = sub_span(ctx_, p.text, at, len, p.span);
    level_word_ = p.text.substr(at, word);
    q_.level.set(probe.level.value, span);
    q_.type.set(probe.type.value, span);
  }

  void credit(const paragraph& p, std::uint32_t n) {
    credit_rule r;
    r.measure = "credits";
    r.count = n;
    r.span = p.span;
    r.text = p.text;
    if (w_.mentions(p.text, group_type::mandatory)) {
      r.applies_to = "group";
      r.group = "mandatory";
      b_.group(group_type::mandatory, {}, {});
    } else if (w_.mentions(p.text, group_type::pathway)) {
      r.applies_to = "pathway";
    } else {
      r.applies_to = "qualification";
      q_.total_credits.set(n, p.span);
    }
    q_.rules.push_back(std::move(r));
  }

  /// "NB. The minimum of 90 credits must include the below listed unit." then
  /// "Unit 70, title" and "(F/504/2218)." on the following lines.
  std::size_t named_units(section& s, std::size_t i, std::vector<const block*>& gone) {
    auto& g = b_.group(group_type::mandatory, {}, {});
    std::size_t k = i + 1;
    unit* current = nullptr;
    for (; k < s.blocks.size() && s.blocks[k].which == block::type::paragraph; ++k) {
      const paragraph& p = s.blocks[k].para;
      if (auto m = grammar::match_structure_unit(p.text)) {
        unit u;
        auto code_at = p.text.find(m->value.code);
        u.local_code = p.text.substr(code_at, m->value.code.size());
        u.id = "unit-" + m->value.code;
        u.span = p.span;
        take_reference(u, trim(p.text.substr(std::min(m->rest, p.text.size()))), p);
        g.units.push_back(std::move(u));
        current = &g.units.back();
        gone.push_back(&s.blocks[k]);
        continue;
      }
      if (!current || !current->reference.empty()) break;
      // the title or its reference continued on the next line
      current->span = merge(current->span, p.span);
      std::string_view before = current->title;
      take_reference(*current, trim(p.text), p);
      if (current->title.empty()) current->title = before;
      else if (!before.empty()) current->title = ctx_.keep(std::string(before) + " " + std::string(current->title));
      gone.push_back(&s.blocks[k]);
    }
    if (current) {
      g.statement = s.blocks[i].para.text;
      g.statement_span = s.blocks[i].para.span;
      gone.push_back(&s.blocks[i]);
    }
    return k - 1;
  }

  /// Splits "title (F/504/2218)." into the title and the reference.
  void take_reference(unit& u, std::string_view text, const paragraph& p) {
    std::string_view t = text;
    if (!t.empty() && t.back() == '.') t.remove_suffix(1);
    if (auto br = trailing_brackets(t); br && reference_like(br->first)) {
      u.reference = br->first;
      u.reference_span = sub_span(ctx_, t, br->second + 1, br->first.size(), p.span);
      t = trim(t.substr(0, br->second));
    }
    u.title = t;
  }

  /// Lists: the pathways under a pathways heading, the job roles after a
  /// paragraph that introduces them.
  void lists(section& s, std::size_t i, std::vector<const block*>& gone) {
    const list& l = s.blocks[i].items;
    bool pathways = s.role == "pathways";
    bool roles = false;
    if (i > 0 && s.blocks[i - 1].which == block::type::paragraph) {
      std::string_view t = s.blocks[i - 1].para.text;
      roles = w_.says(t, "job_roles") && !t.empty() && t.back() == ':';
    }
    if (!pathways && !roles) return;
    for (const auto& item : l.items) {
      if (pathways) {
        pathway p;
        p.name = item.text;
        p.span = item.span;
        q_.pathways.push_back(std::move(p));
      } else {
        job_role j;
        j.text = item.text;
        j.span = item.span;
        if (!item.text.empty() && item.text[0] >= 'a' && item.text[0] <= 'z')
          ctx_.report(diag::lost_beginning, severity::warning, item.span,
                      "job role starts in lower case: its beginning seems lost in the conversion, or the end of "
                      "another item was run into it; kept as written",
                      item.text);
        q_.job_roles.push_back(std::move(j));
      }
    }
    gone.push_back(&s.blocks[i]);
  }
};

}  // namespace

document_kind detect_qualification_kind(const parse_context& ctx, const profile& vocabulary) {
  const words w(vocabulary);
  std::uint32_t units = 0, groups = 0, rows = 0, credits = 0;
  std::uint32_t code_alone = UINT32_MAX;  // the last line that is a unit's code alone (a row a cell a line)
  for (std::uint32_t l = 0; l < ctx.lines.count(); ++l) {
    if (ctx.use[l] == line_use::blank) continue;
    auto [b, e] = trimmed(ctx, l);
    std::string_view t = ctx.src.substr(b, e - b);
    if (t.size() > 600) continue;
    if (!t.empty() && grammar::match_table_code(t)) code_alone = l;
    else if (const auto status = w.opens_group(t); code_alone != UINT32_MAX && l - code_alone <= 3 &&
                                                   (status == group_type::mandatory || status == group_type::optional))
      ++rows, code_alone = UINT32_MAX;
    if (auto m = grammar::match_structure_unit(t); m && !m->value.series.empty()) ++units;
    else if (group_heading(t, w)) ++groups;
    else if (row_separator(t)) {
      auto cells = split_row(t);
      auto status = w.opens_group(trim(cells.back()));
      if (cells.size() >= 3 && grammar::match_table_code(cells.front()) &&
          (status == group_type::mandatory || status == group_type::optional))
        ++rows;
    } else if (credit_count(t, w) && w.says(t, "count_of")) {
      ++credits;
    }
  }
  if (units >= 3 && groups >= 1) return document_kind::qualification_structure;
  if (rows >= 3) return document_kind::qualification_datasheet;
  if (credits >= 1) return document_kind::programme_overview;
  return document_kind::unknown;
}

void recognise_structure_list(parse_context& ctx, document& doc, const profile& vocabulary,
                              const std::vector<std::string>& joining_words) {
  structure_list_reader(ctx, doc, vocabulary, joining_words).run();
}
void recognise_datasheet(parse_context& ctx, document& doc, const profile& vocabulary) {
  datasheet_reader(ctx, doc, vocabulary).run();
}
void recognise_programme_overview(parse_context& ctx, document& doc, const profile& vocabulary) {
  programme_reader(ctx, doc, vocabulary).run();
}

}  // namespace qspec
