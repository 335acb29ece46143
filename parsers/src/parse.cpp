// The pipeline: load -> clean (page furniture) -> recognise -> coverage.
#include <algorithm>
#include <exception>
#include <stdexcept>

#include "grammar/lines.hpp"
#include "qspec/parse.hpp"
#include "recognise/context.hpp"
#include "recognise/outline.hpp"
#include "recognise/prose.hpp"

namespace qspec {
namespace {

/// A built-in recogniser's vocabulary: the set's, or the built-in one when a user's set leaves it out.
const profile& vocabulary_of(const profile_set& profiles, std::string_view recogniser) {
  const profile* vocabulary = profiles.vocabulary(recogniser);
  if (!vocabulary) vocabulary = builtin_profiles().vocabulary(recogniser);
  if (!vocabulary) throw std::logic_error("no vocabulary for the " + std::string(recogniser) + " recogniser");
  return *vocabulary;
}
const profile& vocabulary_of(const profile_set& profiles, document_kind kind) { return vocabulary_of(profiles, to_string(kind)); }

/// A CSV structure grid first (a grid is no text layout), then the built-in
/// layouts (a unit specification has a unit header and either elements or a
/// criteria table; a criteria framework has sub-topic codes), then the
/// profiles by score, then the qualification layouts.
detection detect_kind(parse_context& ctx, const profile_set& profiles, bool all_scores) {
  detection d;
  if (const auto* table = detect_table_structure(ctx, profiles)) {
    d.kind = to_string(document_kind::qualification_structure);
    d.profile = table->name;
    d.evidence = {{1, "CSV grid whose header names the unit columns", 0}};
    d.score = d.threshold = 0;  // decided by the grid's columns, not by a score
    return d;
  }
  std::uint32_t header = 0, structure = 0;
  for (std::uint32_t l = 0; l < ctx.lines.count() && !(header && structure); ++l) {
    if (ctx.use[l] == line_use::blank) continue;
    auto line = ctx.lines.line(l);
    if (line.size() > 400) continue;
    if (!header && grammar::match_unit_header(line)) header = l + 1;
    else if (!structure && (grammar::match_element_code(line) || grammar::match_criteria_header(line)))
      structure = l + 1;
  }
  auto score_all = [&] {
    for (const auto& p : profiles.profiles) {
      auto c = score_profile(ctx, p);
      c.threshold = p.threshold;
      d.candidates.push_back(std::move(c));
    }
    std::stable_sort(d.candidates.begin(), d.candidates.end(), [](auto& a, auto& b) { return a.score > b.score; });
  };
  // the profiles are scored only when their scores are asked for or needed to decide
  if (all_scores) score_all();
  if (header && structure) {
    d.kind = to_string(document_kind::unit_specification);
    d.evidence = {{header, "unit header (code, local code, title)", 0}, {structure, "element code or criteria table", 0}};
    return d;
  }
  if (looks_like_criteria_framework(ctx, vocabulary_of(profiles, document_kind::criteria_framework))) {
    d.kind = to_string(document_kind::criteria_framework);
    d.evidence = {{0, "sub-topic codes and requirement labels", 0}};
    return d;
  }
  // the qualification layouts are strict (a unit list, a unit table, credit rules): tried before the
  // profiles are scored, which is most of detection's cost on a short document
  auto q = detect_qualification_kind(ctx, vocabulary_of(profiles, "qualification"));
  if (q != document_kind::unknown) {
    d.kind = to_string(q);
    d.evidence = {{0, "qualification layout", 0}};
    return d;
  }
  if (!all_scores) score_all();
  if (!d.candidates.empty() && d.candidates.front().score >= d.candidates.front().threshold) {
    auto& best = d.candidates.front();
    d.kind = best.kind;
    d.profile = best.profile;
    d.score = best.score;
    d.threshold = best.threshold;
    d.evidence = best.evidence;
    return d;
  }
  d.kind = to_string(document_kind::unknown);
  return d;
}

/// Markup a reader of the text should never see ("<td style=…>", "<?php",
/// "</body>"): a tag's opening, or an attribute written out.
std::size_t find_markup(std::string_view t) {
  const auto last_close = t.rfind('>');  // a tag needs a ">" after it: one look, not one per "<"
  for (std::size_t i = t.find('<'); i != std::string_view::npos && i + 1 < t.size(); i = t.find('<', i + 1)) {
    if (last_close == std::string_view::npos || i > last_close) break;
    char c = t[i + 1];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '?' || c == '!') return i;
  }
  for (auto attr : {"style=\"", "class=\""})
    if (auto at = t.find(attr); at != std::string_view::npos) return at;
  return std::string_view::npos;
}

/// Reports markup left in the text of sections and standards: the text is
/// kept as it is, and the diagnostic says which node holds what.
class markup_check {
 public:
  explicit markup_check(parse_context& ctx) : ctx_(ctx) {}
  void text(std::string_view t, const source_span& where) {
    auto at = find_markup(t);
    if (at == std::string_view::npos) return;
    if (++found_ <= limit)
      ctx_.report(diag::markup_left, severity::warning, where,
                  "markup left in the text (an HTML page read as text?): kept as written", t.substr(at, 80));
  }
  void blocks(const std::vector<block>& bs) {
    for (const auto& b : bs) {
      if (b.which == block::type::paragraph) text(b.para.text, b.para.span);
      else
        for (const auto& i : b.items.items) text(i.text, i.span);
    }
  }
  void items(const std::vector<outline_item>& is) {
    for (const auto& i : is) text(i.text, i.span), items(i.children);
  }
  void finish() {
    if (found_ > limit)
      ctx_.report(diag::markup_left, severity::warning, {},
                  std::to_string(found_ - limit) + " more texts hold markup (only the first " + std::to_string(limit) +
                      " are listed)");
  }

 private:
  static constexpr std::size_t limit = 20;
  parse_context& ctx_;
  std::size_t found_ = 0;
};

void check_markup(parse_context& ctx, const document& doc) {
  markup_check m(ctx);
  for (const auto& s : doc.sections) m.blocks(s.blocks);
  for (const auto& st : doc.standards) {
    m.text(st.title, st.span);
    for (const auto& f : st.fields) m.text(f.value, f.span);
    for (const auto& s : st.sections) m.blocks(s.blocks);
    for (const auto& p : st.parts) m.blocks(p.blocks), m.items(p.items);
  }
  for (const auto& q : doc.qualifications) m.text(q.title.value, q.title.span);
  m.finish();
}

/// Whether recognition found the structure of the document's kind.
bool has_structure(const document& doc) {
  for (const auto& s : doc.standards)
    for (const auto& p : s.parts)
      if (!p.items.empty()) return true;
  for (const auto& q : doc.qualifications)
    if (!q.groups.empty() || !q.pathways.empty() || !q.rules.empty()) return true;
  for (const auto& f : doc.frameworks)
    if (!f.topics.empty()) return true;
  for (const auto& u : doc.units)
    if (!u.elements.empty() || u.knowledge) return true;
  return false;
}

void account(parse_context& ctx, document& doc) {
  coverage& c = doc.lines;
  c.lines = ctx.lines.count();
  for (std::uint32_t l = 0; l < ctx.lines.count(); ++l) {
    switch (ctx.use[l]) {
      case line_use::blank: ++c.blank; break;
      case line_use::content: ++c.content; break;
      case line_use::furniture: ++c.furniture; break;
      case line_use::unknown: {
        ++c.unclassified;
        auto line = ctx.lines.line(l);
        ctx.report(diag::unclassified_line, severity::warning, ctx.line_span(l),
                   "line not recognised as part of any " + std::string(to_string(doc.type)) + " structure", line);
        break;
      }
    }
  }
}

}  // namespace

bool parse_result::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](auto& d) { return d.level == severity::error; });
}
bool parse_result::has_warnings() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](auto& d) { return d.level != severity::note; });
}

parse_result parse(std::string text, const parse_options& options) {
  parse_result result;
  document& doc = result.doc;
  doc.source_name = options.source_name;
  auto store = std::make_shared<text_store>(std::move(text));
  doc.storage = store;
  if (store->source().empty()) {
    // no text, so no line: say so rather than that the kind is not recognised
    doc.type = options.kind ? *options.kind : document_kind::unknown;
    doc.id = "document";
    result.diagnostics.push_back(
        {std::string(diag::empty_input), severity::warning, {}, "the file is empty: there is nothing to parse", {}, {}, {}});
    return result;
  }
  try {
    parse_context ctx(*store, result.diagnostics);
    const profile_set& profiles = options.profiles ? *options.profiles : builtin_profiles();
    mark_page_furniture(ctx, profiles.page_edge_furniture, profiles.furniture);
    ctx.prose_words = &vocabulary_of(profiles, "prose");
    check_prose_words(*ctx.prose_words);
    ctx.wrap = line_wrap::measure(ctx);
    const bool blank = std::all_of(ctx.use.begin(), ctx.use.end(), [](line_use u) { return u == line_use::blank; });
    const profile* family = nullptr;
    if (blank) {
      doc.type = options.kind.value_or(document_kind::unknown);
    } else if (options.kind) {
      doc.type = *options.kind;
    } else if (!options.profile.empty()) {
      family = profiles.find(options.profile);
      if (auto k = document_kind_from_string(options.profile); !family && k) doc.type = *k;
      else if (!family)
        ctx.report(diag::forced_kind_not_found, severity::error, {},
                   "no profile or document kind is named \"" + options.profile + "\": the document was not read");
    } else {
      // a profile the outline engine reads, or a kind of a built-in recogniser (a grid's table profile
      // names its columns for the table reader)
      auto d = detect_kind(ctx, profiles, false);
      if (!d.profile.empty()) family = profiles.find(d.profile);
      if (!family) doc.type = document_kind_from_string(d.kind).value_or(document_kind::unknown);
    }
    if (family) doc.type = document_kind::standard;
    doc.kind_name = family ? family->document_kind : std::string(to_string(doc.type));
    const bool forced = options.kind || !options.profile.empty();
    if (blank) {
      ctx.report(diag::empty_input, severity::warning, {},
                 "the file holds only blank lines (" + std::to_string(ctx.lines.count()) +
                     "): there is nothing to parse");
    } else if (family) {
      recognise_outline(ctx, doc, *family, profiles);
    } else if (doc.type == document_kind::unit_specification) {
      recognise_unit_specification(ctx, doc, vocabulary_of(profiles, document_kind::unit_specification));
    } else if (doc.type == document_kind::qualification_structure) {
      if (const auto* table = detect_table_structure(ctx, profiles)) recognise_table_structure(ctx, doc, *table);
      else recognise_structure_list(ctx, doc, vocabulary_of(profiles, "qualification"), profiles.joining_words);
    } else if (doc.type == document_kind::qualification_datasheet) {
      recognise_datasheet(ctx, doc, vocabulary_of(profiles, "qualification"));
    } else if (doc.type == document_kind::programme_overview) {
      recognise_programme_overview(ctx, doc, vocabulary_of(profiles, "qualification"));
    } else if (doc.type == document_kind::criteria_framework) {
      recognise_criteria_framework(ctx, doc, vocabulary_of(profiles, document_kind::criteria_framework));
    } else {
      ctx.report(diag::unsupported_kind, severity::warning, {},
                 "document kind not recognised or not supported yet; its lines are kept as sections");
      recognise_sections(ctx, doc);
    }
    check_markup(ctx, doc);
    // a kind told from the text whose structure is then not found: say so, rather than give a
    // catalogue that looks complete (a profile's outline says it for itself)
    if (!forced && !blank && !family && doc.type != document_kind::unknown && !has_structure(doc))
      ctx.report(diag::no_structure, severity::warning, {},
                 "the document reads as a " + doc.kind_name + ", but none of its structure was found: the text is "
                 "kept as sections only");
    if (forced && !blank && doc.type != document_kind::unknown && !has_structure(doc))
      ctx.report(diag::forced_kind_not_found, severity::error, {},
                 "the document was read as " + doc.kind_name + " as asked, but no " + doc.kind_name +
                     " structure was found in it");
    if (auto n = std::count(ctx.markup_lines.begin(), ctx.markup_lines.end(), true); n > 0)
      ctx.report(diag::markup_converted, severity::note, {},
                 "HTML tags, entities or markdown emphasis on " + std::to_string(n) +
                     " lines turned into paragraphs, lists and emphasised terms");
    std::stable_sort(ctx.furniture_items.begin(), ctx.furniture_items.end(),
                     [](const furniture& a, const furniture& b) { return a.span.begin < b.span.begin; });
    doc.furniture_items = std::move(ctx.furniture_items);
    account(ctx, doc);
    // named after what it holds, but not the same id as the node it holds
    doc.id = !doc.standards.empty()        ? "document/" + doc.standards.front().id
             : !doc.frameworks.empty()     ? "document/" + doc.frameworks.front().id
             : !doc.qualifications.empty() ? "document/" + doc.qualifications.front().id
             : doc.units.empty()          ? std::string("document")
                                          : "document/" + doc.units.front().id;
    doc.span = ctx.whole_span();
  } catch (const std::exception& e) {
    // A defect in qspec, not in the text: say so rather than lose the run.
    result.diagnostics.push_back({"Q-E900", severity::error, {}, std::string("internal error: ") + e.what(), {}, {}, {}});
  }
  return result;
}

detection detect(std::string text, const parse_options& options) {
  std::vector<diagnostic> diags;
  text_store store(std::move(text));
  parse_context ctx(store, diags);
  const profile_set& profiles = options.profiles ? *options.profiles : builtin_profiles();
  mark_page_furniture(ctx, profiles.page_edge_furniture, profiles.furniture);
  return detect_kind(ctx, profiles, true);
}

parse_result parse(const loaded_text& loaded, const parse_options& options) {
  auto result = parse(loaded.text, options);
  result.doc.source_format = loaded.format;
  if (!loaded.origins.empty())
    result.doc.origins = std::make_shared<const std::vector<source_origin>>(loaded.origins);
  result.diagnostics.insert(result.diagnostics.begin(), loaded.diagnostics.begin(), loaded.diagnostics.end());
  return result;
}

}  // namespace qspec
