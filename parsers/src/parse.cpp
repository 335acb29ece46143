// The pipeline: load -> clean (page furniture) -> recognise -> coverage.
#include <algorithm>
#include <exception>

#include "grammar/lines.hpp"
#include "qspec/parse.hpp"
#include "recognise/context.hpp"

namespace qspec {
namespace {

/// A unit specification has a unit header and either elements or a criteria table.
document_kind detect(const parse_context& ctx) {
  bool header = false, structure = false;
  for (std::uint32_t l = 0; l < ctx.lines.count() && !(header && structure); ++l) {
    if (ctx.use[l] == line_use::blank) continue;
    auto line = ctx.lines.line(l);
    if (line.size() > 400) continue;
    if (!header && grammar::match_unit_header(line)) header = true;
    else if (!structure && (grammar::match_element_code(line) || grammar::match_criteria_header(line)))
      structure = true;
  }
  if (header && structure) return document_kind::unit_specification;
  if (looks_like_criteria_framework(ctx)) return document_kind::criteria_framework;
  return detect_qualification_kind(ctx);
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
  try {
    parse_context ctx(*store, result.diagnostics);
    mark_page_furniture(ctx);
    doc.type = options.kind ? *options.kind : detect(ctx);
    if (doc.type == document_kind::unit_specification) {
      recognise_unit_specification(ctx, doc);
    } else if (doc.type == document_kind::qualification_structure) {
      recognise_structure_list(ctx, doc);
    } else if (doc.type == document_kind::qualification_datasheet) {
      recognise_datasheet(ctx, doc);
    } else if (doc.type == document_kind::programme_overview) {
      recognise_programme_overview(ctx, doc);
    } else if (doc.type == document_kind::criteria_framework) {
      recognise_criteria_framework(ctx, doc);
    } else {
      ctx.report(diag::unsupported_kind, severity::warning, {},
                 "document kind not recognised or not supported yet; its lines are kept as sections");
      recognise_sections(ctx, doc);
    }
    if (auto n = std::count(ctx.markup_lines.begin(), ctx.markup_lines.end(), true); n > 0)
      ctx.report(diag::markup_converted, severity::note, {},
                 "HTML tags, entities or markdown emphasis on " + std::to_string(n) +
                     " lines turned into paragraphs, lists and emphasised terms");
    std::stable_sort(ctx.furniture_items.begin(), ctx.furniture_items.end(),
                     [](const furniture& a, const furniture& b) { return a.span.begin < b.span.begin; });
    doc.furniture_items = std::move(ctx.furniture_items);
    account(ctx, doc);
    // named after what it holds, but not the same id as the node it holds
    doc.id = !doc.frameworks.empty()       ? "document/" + doc.frameworks.front().id
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

parse_result parse(const loaded_text& loaded, const parse_options& options) {
  auto result = parse(loaded.text, options);
  result.diagnostics.insert(result.diagnostics.begin(), loaded.diagnostics.begin(), loaded.diagnostics.end());
  return result;
}

}  // namespace qspec
