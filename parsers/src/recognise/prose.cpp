// Prose sections: every unused line ends up in a heading, a paragraph or a
// list item, never lost.
#include "recognise/prose.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "clean/rich_text.hpp"
#include "grammar/lines.hpp"
#include "recognise/line_text.hpp"
#include "recognise/vocabulary.hpp"

namespace qspec {
namespace {

bool ends_like_sentence(std::string_view s, bool question_is_heading) {
  if (s.empty()) return false;
  char c = s.back();
  if (c == '?') return !question_is_heading;
  return c == '.' || c == ':' || c == ';' || c == ',' || c == '!';
}

using vocab::starts_lower;

constexpr std::string_view section_roles[] = {
    "about",    "audience", "purpose",  "benefits", "structure",   "delivery_roles", "assessment", "key_skills",
    "next_steps", "related_qualifications", "contact", "profile", "pathways", "delivery", "progression"};

/// The words of one of the prose vocabulary's fields.
const std::vector<std::string>& field(const profile* words, std::string_view name) {
  static const std::vector<std::string> none;
  return words ? field_words(*words, name) : none;
}

/// Whether a line opens with one of a field's words, in any case.
bool opens_with(std::string_view s, const profile* words, std::string_view name) {
  return words && opening_word(*words, name, s) > 0;
}

bool contact_like(std::string_view s, const profile* words) { return opens_with(s, words, "contact"); }

bool navigation_like(std::string_view s, const profile* words) {
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') return true;
  return opens_with(s, words, "navigation");
}

bool lone_lower_word(std::string_view s) {
  if (s.empty() || s.size() > 24) return false;
  for (char c : s)
    if (c < 'a' || c > 'z') return false;
  return true;
}

/// "Who is the qualification for?" run into a paragraph: where it starts
/// and ends (end exclusive), or {0, 0}.
std::pair<std::size_t, std::size_t> run_in_question(std::string_view t, const profile* words) {
  const auto& openers = field(words, "question");
  for (std::size_t i = 2; i + 1 < t.size(); ++i) {
    if (t[i - 1] != ' ' || (t[i - 2] != '.' && t[i - 2] != ':' && t[i - 2] != '!')) continue;
    for (const auto& o : openers) {
      if (t.compare(i, o.size(), o) != 0 || i + o.size() >= t.size() || t[i + o.size()] != ' ') continue;
      auto q = t.find('?', i);
      if (q == std::string_view::npos || q - i > 60 || q + 2 >= t.size()) continue;
      auto inner = t.substr(i, q - i);
      if (inner.find('.') != std::string_view::npos || inner.find(':') != std::string_view::npos) continue;
      return {i, q + 1};
    }
  }
  return {0, 0};
}

class reader {
 public:
  reader(parse_context& ctx, const prose_options& o) : ctx_(ctx), o_(o) {}

  std::vector<section> run() {
    std::uint32_t n = ctx_.lines.count();
    for (std::uint32_t l = 0; l < n; ++l) {
      if (ctx_.use[l] != line_use::unknown) {
        if (ctx_.use[l] == line_use::blank) in_list_ = false;
        continue;
      }
      line(l);
    }
    settle();
    return std::move(out_);
  }

 private:
  parse_context& ctx_;
  const prose_options& o_;
  std::vector<section> out_;
  std::uint32_t paragraphs_ = 0, lists_ = 0;
  bool in_list_ = false;
  bool in_contact_ = false;
  bool resume_list_ = false;  // a rejoined item: the list goes on after the blank line
  clean::rich_text last_item_;  // the list item a page break may have cut
  clean::rich_text last_para_;  // the last paragraph's text, which a wrapped line goes on
  std::uint32_t last_navigation_ = UINT32_MAX - 1;  // the last line read as navigation
  bool unsettled_ = false;  // the last block's text was joined to since it was last kept (settle())
  std::uint32_t last_line_ = UINT32_MAX - 1;  // the line the last paragraph or list item ends on

  bool blank(std::int64_t l) const {
    return l < 0 || l >= ctx_.lines.count() || ctx_.use[static_cast<std::uint32_t>(l)] == line_use::blank;
  }
  /// Whether line l stands apart from the text on the side of `step` (-1 above, 1 below): a blank
  /// line, or the document's edge, next to it, a page's footer or header between them aside
  /// ("Pathways" / "Version 2 – March 2019   2" / "" / "The Level 5 Diploma …").
  bool apart(std::int64_t l, int step) const {
    auto k = l + step;
    while (k >= 0 && k < std::int64_t(ctx_.lines.count()) &&
           ctx_.use[static_cast<std::uint32_t>(k)] == line_use::furniture)
      k += step;
    return blank(k);
  }
  section& current() {
    if (out_.empty()) new_section(nullptr);
    return out_.back();
  }
  /// Gives the last block the text its wrapped lines were joined into, kept once when the block is
  /// done rather than at each line (a paragraph of thousands of lines is kept once, not each time).
  void settle() {
    if (!unsettled_ || out_.empty() || out_.back().blocks.empty()) {
      unsettled_ = false;
      return;
    }
    auto& last = out_.back().blocks.back();
    if (last.which == block::type::paragraph) last.para.text = ctx_.keep(last_para_);
    else last.items.items.back().text = ctx_.keep(last_item_);
    unsettled_ = false;
  }
  void new_section(const clean::rich_text* heading, std::string_view role = {}) {
    settle();
    section s;
    s.heading = heading ? ctx_.keep(*heading) : std::string_view{};
    std::string base = slug(s.heading);
    if (base.empty()) base = std::string(role);
    s.id = o_.id_prefix + std::to_string(out_.size() + 1) + (base.empty() ? "" : "-" + base);
    if (heading) s.span = ctx_.span_of(*heading);
    if (o_.classify) s.role = role.empty() ? classify_heading(s.heading, ctx_.prose_words) : role;
    out_.push_back(std::move(s));
    paragraphs_ = lists_ = 0;
    in_list_ = false;
  }
  /// Whether line l goes on the text of the block above it, whose last line is l - 1 and was cut by
  /// the document's wrap (a PDF's text): the last paragraph, or the last list item.
  bool goes_on_above(std::uint32_t l, const clean::rich_text& text) {
    if (l == 0 || last_line_ + 1 != l || out_.empty() || out_.back().blocks.empty()) return false;
    const auto t = text.text();
    // a label's value under it, a number alone ("Number of credits … pathway:" / "60", a table's cell)
    if (!t.empty() && t.size() <= 6 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      auto above = ctx_.lines.line(l - 1);
      while (!above.empty() && (above.back() == ' ' || above.back() == '\r')) above.remove_suffix(1);
      return !above.empty() && above.back() == ':';
    }
    if (grammar::match_item_label(t)) return false;
    return ctx_.wrap.goes_on(ctx_, l - 1, t);
  }
  /// The question run into `text` at [qb, qe) heads a new section, the text after it opens it (the
  /// text before it is the caller's), and the split is said; line l is the last read.
  void split_off_question(const clean::rich_text& text, std::size_t qb, std::size_t qe, std::uint32_t l) {
    const auto question = text.slice(static_cast<std::uint32_t>(qb), static_cast<std::uint32_t>(qe));
    const auto after = text.slice(static_cast<std::uint32_t>(qe + 1), static_cast<std::uint32_t>(text.text().size()));
    new_section(&question);
    ctx_.report(diag::split_heading, severity::warning, ctx_.span_of(question),
                "a heading run into a paragraph by the conversion; split off as its own section", text.text(),
                question.text());
    if (!after.empty()) add_paragraph(after);
    last_line_ = l;
  }

  /// Whether line l, in lower case after a page break (its footer and header, or a form feed, and
  /// blank lines between), goes on the last paragraph, which ends no sentence.
  bool paragraph_over_page_break(std::uint32_t l, const clean::rich_text& text) const {
    if (!starts_lower(text.text()) || last_line_ >= l || out_.empty() || out_.back().blocks.empty() ||
        out_.back().blocks.back().which != block::type::paragraph || ends_like_sentence(last_para_.text(), false))
      return false;
    const auto& pages = ctx_.lines.page_starts();
    bool broke = std::binary_search(pages.begin(), pages.end(), l);
    for (auto k = last_line_ + 1; k < l; ++k) {
      if (ctx_.use[k] != line_use::blank && ctx_.use[k] != line_use::furniture) return false;
      broke = broke || ctx_.use[k] == line_use::furniture || std::binary_search(pages.begin(), pages.end(), k);
    }
    return broke;
  }
  void join_above(std::uint32_t l, const clean::rich_text& text) {
    auto& s = out_.back();
    auto& last = s.blocks.back();
    if (last.which == block::type::paragraph) {
      const auto before = last_para_.text().size();
      last_para_.join(text);
      // a question run in over the line break ("… services. Who is the" / "qualification for? This …"):
      // looked for from a little before the break (a question is 60 bytes at most), not from the start
      const std::size_t from = before > 72 ? before - 72 : 0;
      auto [qb, qe] = o_.split_run_in_questions && !in_contact_
                          ? run_in_question(std::string_view(last_para_.text()).substr(from), ctx_.prose_words)
                          : std::pair<std::size_t, std::size_t>{0, 0};
      if (qe > qb) qb += from, qe += from;
      if (qe > before && qb > 0) {
        const auto joined = last_para_;
        last_para_ = joined.slice(0, static_cast<std::uint32_t>(qb - 1));
        last.para.span = ctx_.span_of(last_para_);
        s.span = merge(s.span, last.para.span);
        unsettled_ = true;
        split_off_question(joined, qb, qe, l);
        return;
      }
      last.para.span = ctx_.span_of(last_para_);
      s.span = merge(s.span, last.para.span);
    } else {
      auto& item = last.items.items.back();
      last_item_.join(text);
      item.span = ctx_.span_of(last_item_);
      last.items.span = merge(last.items.span, item.span);
      s.span = merge(s.span, item.span);
    }
    unsettled_ = true;
    last_line_ = l;
  }
  /// A heading set right above its text, no blank line between (a PDF's text: "Occupation profile"
  /// / "This qualification is to assess …"): a short line of a few words that begins with a capital
  /// and ends no sentence, after a blank line, the document's start or a line it does not go on
  /// (one that ends a sentence or was not cut by the wrap), over a line of a paragraph's width (half the wrap width or more) that begins with a capital.
  bool set_above_text(std::uint32_t l, std::string_view t) const {
    constexpr std::size_t max_bytes = 60, max_words = 8;
    // (a label and its value, "Number of credits that must be achieved: 90", is no heading)
    if (t.empty() || t.size() > max_bytes || !(t[0] >= 'A' && t[0] <= 'Z') || ends_like_sentence(t, o_.question_headings) ||
        t.find(": ") != std::string_view::npos ||
        std::count(t.begin(), t.end(), ' ') + 1 > static_cast<std::ptrdiff_t>(max_words) || blank(std::int64_t(l) + 1) ||
        ctx_.wrap.width == 0)
      return false;
    if (!blank(std::int64_t(l) - 1)) {
      auto [pb, pe] = ctx_.lines.content(l - 1);
      auto above = ctx_.src.substr(pb, pe - pb);
      while (!above.empty() && (above.back() == ' ' || above.back() == '*')) above.remove_suffix(1);
      if (ctx_.use[l - 1] != line_use::furniture && !above.empty() && !ends_like_sentence(above, false) &&
          ctx_.wrap.goes_on(ctx_, l - 1, t))
        return false;
    }
    auto [nb, ne] = ctx_.lines.content(l + 1);
    auto below = ctx_.src.substr(nb, ne - nb);
    const auto first = below.find_first_not_of(" \t");
    if (first == std::string_view::npos) return false;
    below.remove_prefix(first);
    while (!below.empty() && below.back() == ' ') below.remove_suffix(1);
    return below[0] >= 'A' && below[0] <= 'Z' && 2 * characters(below) >= ctx_.wrap.width && below.size() > t.size() &&
           !ctx_.wrap.goes_on(ctx_, l, below);
  }

  void add_paragraph(const clean::rich_text& text) {
    settle();
    section& s = current();
    block blk;
    blk.which = block::type::paragraph;
    blk.para = paragraph{s.id + "/p" + std::to_string(++paragraphs_), ctx_.span_of(text), ctx_.keep(text)};
    s.span = merge(s.span, blk.para.span);
    s.blocks.push_back(std::move(blk));
    in_list_ = false;
    last_para_ = text;
  }

  /// A page break cut the last list item: join this text to it.
  bool rejoin(const clean::rich_text& text) {
    // (not settled here: the item joined again and again over many pages is kept once, when done)
    if (!o_.rejoin_list_items || !starts_lower(text.text()) || out_.empty() || out_.back().blocks.empty()) return false;
    auto& last = out_.back().blocks.back();
    if (last.which != block::type::list || last_item_.empty() || ends_like_sentence(last_item_.text(), false))
      return false;
    auto& item = last.items.items.back();
    if (last_item_.text().size() < 60) {
      // a short item is not cut mid-sentence: this is the next item, printed without its bullet
      settle();
      list_item it{last.items.id + "/" + std::to_string(last.items.items.size() + 1), ctx_.span_of(text),
                   ctx_.keep(text)};
      ctx_.report(diag::lost_bullet, severity::warning, it.span,
                  "list item printed without its bullet; kept in the list", it.text);
      last.items.span = merge(last.items.span, it.span);
      out_.back().span = merge(out_.back().span, it.span);
      last.items.items.push_back(std::move(it));
      last_item_ = text;
      return true;
    }
    std::string original = std::string(joined_tail(last_item_.text())) + " / " + text.text();
    last_item_.join(text);
    unsettled_ = true;  // (kept when the item is done: an item over many pages is not kept at each)
    item.span = ctx_.span_of(last_item_);
    last.items.span = merge(last.items.span, item.span);
    out_.back().span = merge(out_.back().span, item.span);
    ctx_.report(diag::rejoined_page_break, severity::warning, item.span,
                "list item continued after a page break; the two parts are joined", original,
                joined_tail(last_item_.text()));
    return true;
  }

  void line(std::uint32_t l) {
    auto [b, e] = ctx_.lines.content(l);
    std::string_view raw = ctx_.src.substr(b, e - b);
    std::size_t lead = 0;
    while (lead < raw.size() && (raw[lead] == ' ' || raw[lead] == '\t')) ++lead;
    std::string_view body = raw.substr(lead);
    bool markdown_heading = body.substr(0, 1) == "#" || underlined_heading(ctx_, l) > 0;
    std::uint32_t item_at = 0;
    if (const auto n = grammar::list_bullet_length(body)) item_at = static_cast<std::uint32_t>(lead + n);
    std::uint32_t from = b + static_cast<std::uint32_t>(lead);
    if (markdown_heading) {
      while (from < e && (ctx_.src[from] == '#' || ctx_.src[from] == ' ')) ++from;
    } else if (item_at) {
      from = b + item_at;
    }
    clean::rich_text text = ctx_.read_text(from, e);
    ctx_.use[l] = line_use::content;
    if (text.empty() && markdown_heading) {
      // "#" alone names no heading: it is text
      markdown_heading = false;
      text = ctx_.read_text(b + static_cast<std::uint32_t>(lead), e);
    }
    if (text.empty()) {
      ctx_.use[l] = line_use::furniture;
      return;
    }
    bool isolated = apart(l, -1) && apart(l, 1);
    if (o_.navigation && (navigation_like(text.text(), ctx_.prose_words) ||
                          (l > 0 && last_navigation_ == l - 1 && ctx_.wrap.goes_on(ctx_, l - 1, text.text())))) {
      // (a navigation line wrapped: "Please click the image above to download the … &" / "Management …")
      furniture_line(l, "navigation");
      last_navigation_ = l;
      return;
    }
    if (o_.stray_labels && isolated && !item_at && lone_lower_word(text.text())) {
      furniture_line(l, "stray_label");
      ctx_.report(diag::stray_label, severity::note, ctx_.line_span(l),
                  "a lone word between sections, left by the conversion; kept as furniture", text.text());
      return;
    }
    if (o_.contact_block && !in_contact_ && isolated && !item_at && contact_like(text.text(), ctx_.prose_words)) {
      in_contact_ = true;
      new_section(nullptr, "contact");
    }
    // (a line wrapped from the one right above it goes on it, before a page break's rejoining is tried)
    const bool goes_on = !item_at && !markdown_heading && goes_on_above(l, text);
    if (goes_on && !(o_.split_run_in_questions && !in_contact_ && run_in_question(text.text(), ctx_.prose_words).second)) {
      join_above(l, text);
      return;
    }
    if (!item_at && rejoin(text)) {
      resume_list_ = true;
      return;
    }
    if (!item_at && !markdown_heading && paragraph_over_page_break(l, text)) {
      const std::string original(text.text());
      join_above(l, text);
      ctx_.report(diag::rejoined_page_break, severity::warning, ctx_.span_of(text),
                  "paragraph continued after a page break; the two parts are joined", original,
                  joined_tail(last_para_.text()));
      return;
    }
    bool emphasised = false;
    for (const auto& r : text.emphasis_runs())
      if (r.begin == 0 && r.end >= text.text().size()) emphasised = true;
    bool short_isolated = text.text().size() <= 80 && !ends_like_sentence(text.text(), o_.question_headings) &&
                          isolated && raw.find('\t', lead) == std::string_view::npos;
    if (!short_isolated && !item_at && raw.find('\t', lead) == std::string_view::npos)
      short_isolated = set_above_text(l, text.text());
    if (!in_contact_ && !item_at && (markdown_heading || emphasised || short_isolated)) {
      new_section(&text);
      return;
    }
    if (item_at) {
      settle();
      section& s = current();
      if (resume_list_ && !s.blocks.empty() && s.blocks.back().which == block::type::list) in_list_ = true;
      resume_list_ = false;
      // a blank line between items (a page break, a loose list) does not end the list
      if (!s.blocks.empty() && s.blocks.back().which == block::type::list) in_list_ = true;
      if (!in_list_ || s.blocks.empty() || s.blocks.back().which != block::type::list) {
        block blk;
        blk.which = block::type::list;
        blk.items.id = s.id + "/list" + std::to_string(++lists_);
        s.blocks.push_back(std::move(blk));
        in_list_ = true;
      }
      auto& lst = s.blocks.back().items;
      list_item it{lst.id + "/" + std::to_string(lst.items.size() + 1), ctx_.span_of(text), ctx_.keep(text)};
      lst.span = merge(lst.span, it.span);
      s.span = merge(s.span, it.span);
      lst.items.push_back(std::move(it));
      last_item_ = std::move(text);
      last_line_ = l;
      return;
    }
    settle();
    if (o_.split_run_in_questions && !in_contact_) {
      auto [qb, qe] = run_in_question(text.text(), ctx_.prose_words);
      if (qe > qb) {
        auto before = text.slice(0, static_cast<std::uint32_t>(qb - 1));
        // (the text before the question goes on the block above, a list's last item too: that
        // item's text is still the one joined to)
        if (goes_on) {
          join_above(l, before);
        } else {
          last_item_.clear();
          add_paragraph(before);
        }
        split_off_question(text, qb, qe, l);
        return;
      }
    }
    last_item_.clear();
    add_paragraph(text);
    last_line_ = l;
  }

  void furniture_line(std::uint32_t l, std::string_view role) {
    mark_furniture(ctx_, l, role, role == "navigation" ? "navigation" : "label");
  }
};

}  // namespace

void prefix_ids(section& s, const std::string& prefix) {
  s.id = prefix + s.id;
  for (auto& b : s.blocks) {
    if (b.which == block::type::paragraph) {
      b.para.id = prefix + b.para.id;
      continue;
    }
    b.items.id = prefix + b.items.id;
    for (auto& i : b.items.items) i.id = prefix + i.id;
  }
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {
/// Whether a heading matches a pattern whose "*" stands for any text ("*who is*for*"), case ignored:
/// its pieces in order, the first opening it unless the pattern opens with "*", the last ending it
/// unless the pattern ends with one. One pass, each piece found once (no backtracking over "*").
bool matches_in_order(std::string_view heading, std::string_view pattern) {
  std::size_t at = 0;
  bool first = true;
  while (!pattern.empty()) {
    const auto star = pattern.find('*');
    const auto piece = pattern.substr(0, star);
    const bool last = star == std::string_view::npos;
    if (!piece.empty()) {
      if (first) {
        if (!starts_with_ci(heading, piece)) return false;
        at = piece.size();
      } else if (last) {
        return heading.size() >= at + piece.size() && equals_ci(heading.substr(heading.size() - piece.size()), piece);
      } else {
        const auto found = find_ci(heading, piece, at);
        if (found == std::string_view::npos) return false;
        at = found + piece.size();
      }
    }
    if (last) return at == heading.size();
    first = false;
    pattern.remove_prefix(star + 1);
  }
  return true;
}
}  // namespace

void check_prose_words(const profile& words) {
  for (const auto& part : words.parts)
    if (std::find(std::begin(section_roles), std::end(section_roles), part.role) == std::end(section_roles))
      throw std::invalid_argument("profile " + words.name + " (" + words.source + "): unknown section role '" +
                                  part.role + "'");
}

std::string_view classify_heading(std::string_view heading, const profile* words) {
  if (heading.empty() || !words) return "general";
  for (const auto& part : words->parts)
    for (const auto& pattern : part.headings)
      if (matches_in_order(heading, pattern)) {
        // the role as the reader's own literal: the model keeps a view of it
        const auto* role = std::find(std::begin(section_roles), std::end(section_roles), part.role);
        if (role != std::end(section_roles)) return *role;
      }
  return "general";
}

std::vector<section> read_sections(parse_context& ctx, const prose_options& options) {
  return reader(ctx, options).run();
}

void recognise_sections(parse_context& ctx, document& doc) {
  auto sections = read_sections(ctx, prose_options{});
  for (auto& s : sections) doc.sections.push_back(std::move(s));
}

std::string slug(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool gap = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    auto u = static_cast<unsigned char>(c);
    // general punctuation (U+2000–U+206F: curly quotes, dashes, spaces) separates words
    if (u == 0xE2 && i + 2 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xFE) == 0x80) {
      gap = true;
      i += 2;
      continue;
    }
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || u >= 0x80;
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out.push_back('-');
    gap = false;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

}  // namespace qspec
