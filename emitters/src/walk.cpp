// The shared visitor: the only place that knows how model types map to
// catalogue nodes. Each format writer only decides how a node is spelled.
#include <algorithm>
#include <functional>
#include <string>
#include <type_traits>

#include "qspec/emit.hpp"
#include "tree_writer.hpp"

namespace qspec::emitters {
namespace {

using std::int64_t;

struct children_scope {
  tree_writer& w;
  bool open = false;
  void need() {
    if (!open) w.begin_children();
    open = true;
  }
  ~children_scope() {
    if (open) w.end_children();
  }
};

/// Children of several types that interleave in the source: each with the
/// position it starts at and how to write it, written in source order.
using ordered_parts = std::vector<std::pair<source_position, std::function<void()>>>;

void write_in_source_order(children_scope& c, ordered_parts& parts) {
  std::stable_sort(parts.begin(), parts.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (auto& part : parts) c.need(), part.second();
}

void optional_field(tree_writer& w, std::string_view name, std::string_view value) {
  if (!value.empty()) w.field(name, value);
}

void write(tree_writer& w, const term_reference& r) {
  w.begin_node(r.kind, r.id, r.span);
  w.field("text", r.text);
  optional_field(w, "target", r.target);
  w.end_node();
}

void write(tree_writer& w, const paragraph& p) {
  w.begin_node(p.kind, p.id, p.span);
  w.field("text", p.text);
  w.end_node();
}

void write(tree_writer& w, const list_item& i) {
  w.begin_node(i.kind, i.id, i.span);
  w.field("text", i.text);
  w.end_node();
}

void write(tree_writer& w, const list& l) {
  w.begin_node(l.kind, l.id, l.span);
  {
    children_scope c{w};
    for (const auto& i : l.items) c.need(), write(w, i);
  }
  w.end_node();
}

void write(tree_writer& w, const block& b) {
  if (b.which == block::type::paragraph) write(w, b.para);
  else write(w, b.items);
}

void write(tree_writer& w, const section& s) {
  w.begin_node(s.kind, s.id, s.span);
  optional_field(w, "heading", s.heading);
  optional_field(w, "role", s.role);
  {
    children_scope c{w};
    for (const auto& b : s.blocks) c.need(), write(w, b);
  }
  w.end_node();
}

void write(tree_writer& w, const sub_item& s) {
  w.begin_node(s.kind, s.id, s.span);
  w.field("label", s.label);
  w.field("text", s.text);
  {
    children_scope cs{w};
    for (const auto& r : s.terms) cs.need(), write(w, r);
  }
  w.end_node();
}

/// Sub-items and the terms of the stem, merged into source order (both are
/// in source order already; the stem's terms come before the first sub-item).
template <class Node>
void write_numbered_children(tree_writer& w, const Node& n) {
  children_scope c{w};
  std::size_t i = 0, k = 0;
  while (i < n.sub_items.size() || k < n.terms.size()) {
    c.need();
    if (k < n.terms.size() && (i == n.sub_items.size() || n.terms[k].span.begin < n.sub_items[i].span.begin))
      write(w, n.terms[k++]);
    else
      write(w, n.sub_items[i++]);
  }
}

void write(tree_writer& w, const element& e) {
  w.begin_node(e.kind, e.id, e.span);
  w.field("code", e.code);
  w.field("title", e.title);
  {
    children_scope c{w};
    for (const auto& m : e.evidence_methods) {
      c.need();
      w.begin_node(m.kind, m.id, m.span);
      w.field("code", m.code);
      optional_field(w, "name", m.name);
      if (!m.legend_span.empty()) w.field_span("legend_span", m.legend_span);
      w.end_node();
    }
    for (const auto& pc : e.criteria) {
      c.need();
      w.begin_node(pc.kind, pc.id, pc.span);
      w.field("number", static_cast<int64_t>(pc.number));
      w.field("text", pc.text);
      write_numbered_children(w, pc);
      w.end_node();
    }
  }
  w.end_node();
}

void write(tree_writer& w, const knowledge_specification& k) {
  w.begin_node(k.kind, k.id, k.span);
  w.field("heading", k.heading);
  optional_field(w, "lead_in", k.lead_in);
  optional_field(w, "evidence_column", k.evidence_column);
  {
    children_scope c{w};
    for (const auto& p : k.introduction) c.need(), write(w, p);
    for (const auto& g : k.groups) {
      c.need();
      w.begin_node(g.kind, g.id, g.span);
      optional_field(w, "title", g.title);
      {
        children_scope cg{w};
        for (const auto& p : g.points) {
          cg.need();
          w.begin_node(p.kind, p.id, p.span);
          w.field("number", static_cast<int64_t>(p.number));
          w.field("text", p.text);
          write_numbered_children(w, p);
          w.end_node();
        }
      }
      w.end_node();
    }
  }
  w.end_node();
}

void write(tree_writer& w, const glossary& g) {
  w.begin_node(g.kind, g.id, g.span);
  w.field("heading", g.heading);
  {
    children_scope c{w};
    for (const auto& p : g.introduction) c.need(), write(w, p);
    for (const auto& t : g.terms) {
      c.need();
      w.begin_node(t.kind, t.id, t.span);
      w.field("term", t.term);
      w.field("emphasis", t.emphasis);
      {
        children_scope ct{w};
        for (const auto& b : t.definition) ct.need(), write(w, b);
      }
      w.end_node();
    }
  }
  w.end_node();
}

void write(tree_writer& w, const scope& s) {
  w.begin_node(s.kind, s.id, s.span);
  w.field("heading", s.heading);
  {
    children_scope c{w};
    // paragraphs and items interleave in the source: keep source order
    ordered_parts parts;
    for (const auto& p : s.paragraphs) parts.emplace_back(p.span.begin, [&w, &p] { write(w, p); });
    for (const auto& i : s.items)
      parts.emplace_back(i.span.begin, [&w, &i] {
        w.begin_node(i.kind, i.id, i.span);
        w.field("term", i.term);
        w.field("relation", i.relation);
        w.field("text", i.text);
        w.end_node();
      });
    write_in_source_order(c, parts);
  }
  w.end_node();
}

void write(tree_writer& w, const values_statement& v) {
  w.begin_node(v.kind, v.id, v.span);
  w.field("heading", v.heading);
  {
    children_scope c{w};
    for (const auto& p : v.paragraphs) c.need(), write(w, p);
  }
  w.end_node();
}

void write(tree_writer& w, const evidence_requirements& e) {
  w.begin_node(e.kind, e.id, e.span);
  w.field("heading", e.heading);
  {
    children_scope c{w};
    ordered_parts parts;
    for (const auto& r : e.requirements)
      parts.emplace_back(r.span.begin, [&w, &r] {
        w.begin_node(r.kind, r.id, r.span);
        w.field("category", r.category);
        optional_field(w, "label", r.label);
        w.field("text", r.text);
        if (r.permitted) w.field("permitted", *r.permitted);
        w.end_node();
      });
    for (const auto& t : e.types)
      parts.emplace_back(t.span.begin, [&w, &t] {
        w.begin_node(t.kind, t.id, t.span);
        w.field("name", t.name);
        w.field("description", t.description);
        w.end_node();
      });
    write_in_source_order(c, parts);
  }
  w.end_node();
}

void write(tree_writer& w, const general_guidance& g) {
  w.begin_node(g.kind, g.id, g.span);
  w.field("heading", g.heading);
  {
    children_scope c{w};
    for (const auto& i : g.items) c.need(), write(w, i);
  }
  w.end_node();
}

void optional_count(tree_writer& w, std::string_view name, const std::optional<std::uint32_t>& v) {
  if (v) w.field(name, static_cast<int64_t>(*v));
}

void write(tree_writer& w, const appearance& a) {
  w.begin_node(a.kind, a.id, a.span);
  w.field("document", a.document);
  w.field("role", a.role);
  w.end_node();
}

void write(tree_writer& w, const conflict& c) {
  w.begin_node(c.kind, c.id, c.span);
  w.field("field", c.field);
  {
    children_scope cs{w};
    for (const auto& v : c.values) {
      cs.need();
      w.begin_node(v.kind, v.id, v.span);
      w.field("document", v.document);
      w.field("value", v.value);
      w.end_node();
    }
  }
  w.end_node();
}

/// Where the node was read from and what the documents disagree on.
template <class Node>
void write_provenance(children_scope& c, tree_writer& w, const Node& n) {
  for (const auto& a : n.appearances) c.need(), write(w, a);
  for (const auto& x : n.conflicts) c.need(), write(w, x);
}

void write(tree_writer& w, const unit& u) {
  w.begin_node(u.kind, u.id, u.span);
  optional_field(w, "code", u.code);
  optional_field(w, "local_code", u.local_code);
  w.field("title", u.title);
  optional_field(w, "reference", u.reference);
  if (!u.reference_span.empty()) w.field_span("reference_span", u.reference_span);
  optional_field(w, "imported_code", u.imported_code);
  optional_field(w, "marker", u.marker);
  optional_field(w, "developer_code", u.developer_code);
  optional_count(w, "level", u.level);
  optional_count(w, "credit", u.credit);
  {
    children_scope c{w};
    write_provenance(c, w, u);
    ordered_parts parts;
    for (const auto& s : u.sections) parts.emplace_back(s.span.begin, [&w, &s] { write(w, s); });
    if (u.scope_part) parts.emplace_back(u.scope_part->span.begin, [&] { write(w, *u.scope_part); });
    if (u.values) parts.emplace_back(u.values->span.begin, [&] { write(w, *u.values); });
    if (u.glossary_part) parts.emplace_back(u.glossary_part->span.begin, [&] { write(w, *u.glossary_part); });
    if (u.evidence) parts.emplace_back(u.evidence->span.begin, [&] { write(w, *u.evidence); });
    if (u.guidance) parts.emplace_back(u.guidance->span.begin, [&] { write(w, *u.guidance); });
    if (u.knowledge) parts.emplace_back(u.knowledge->span.begin, [&] { write(w, *u.knowledge); });
    for (const auto& e : u.elements) parts.emplace_back(e.span.begin, [&w, &e] { write(w, e); });
    write_in_source_order(c, parts);
  }
  w.end_node();
}

void write(tree_writer& w, const unit_group& g) {
  w.begin_node(g.kind, g.id, g.span);
  w.field("type", to_string(g.type));
  optional_field(w, "name", g.name);
  optional_field(w, "statement", g.statement);
  optional_count(w, "min_units", g.min_units);
  optional_count(w, "max_units", g.max_units);
  optional_count(w, "min_credits", g.min_credits);
  optional_count(w, "max_credits", g.max_credits);
  {
    children_scope c{w};
    for (const auto& u : g.units) c.need(), write(w, u);
    for (const auto& sub : g.groups) c.need(), write(w, sub);
  }
  w.end_node();
}

void write(tree_writer& w, const credit_rule& r) {
  w.begin_node(r.kind, r.id, r.span);
  w.field("measure", r.measure);
  w.field("count", static_cast<int64_t>(r.count));
  w.field("applies_to", r.applies_to);
  optional_field(w, "group", r.group);
  w.field("text", r.text);
  w.end_node();
}

void write(tree_writer& w, const barred_combination& b) {
  w.begin_node(b.kind, b.id, b.span);
  w.field_list("units", b.units);
  {
    children_scope c{w};
    for (const auto& p : b.statements) c.need(), write(w, p);
  }
  w.end_node();
}

void write(tree_writer& w, const recommendation& r) {
  w.begin_node(r.kind, r.id, r.span);
  optional_field(w, "audience", r.audience);
  w.field_list("units", r.units);
  w.field("text", r.text);
  w.end_node();
}

void write_body(tree_writer& w, std::string_view name, const named_body& b) {
  if (b.empty()) return;
  optional_field(w, name, b.abbreviation);
  optional_field(w, std::string(name) + "_name", b.name);
}

template <class T>
void write_sourced(tree_writer& w, std::string_view name, const sourced<T>& v) {
  if (!v) return;
  if constexpr (std::is_same_v<T, std::string_view>) w.field(name, v.value);
  else w.field(name, static_cast<int64_t>(v.value));
}

void write(tree_writer& w, const qualification& q) {
  w.begin_node(q.kind, q.id, q.span);
  write_sourced(w, "title", q.title);
  write_sourced(w, "award_title", q.award_title);
  write_sourced(w, "type", q.type);
  write_sourced(w, "level", q.level);
  write_sourced(w, "number", q.number);
  write_body(w, "awarding_body", q.awarding_body);
  write_body(w, "regulator", q.regulator);
  write_body(w, "standards", q.standards);
  write_body(w, "standards_developer", q.standards_developer);
  write_sourced(w, "total_units", q.total_units);
  write_sourced(w, "total_credits", q.total_credits);
  write_sourced(w, "min_credits", q.min_credits);
  write_sourced(w, "max_credits", q.max_credits);
  write_sourced(w, "tqt", q.tqt);
  write_sourced(w, "glh", q.glh);
  {
    // fixed order by kind: a merged qualification gathers nodes from several documents
    children_scope c{w};
    write_provenance(c, w, q);
    for (const auto& s : q.description) c.need(), write(w, s);
    for (const auto& r : q.rules) c.need(), write(w, r);
    for (const auto& g : q.groups) c.need(), write(w, g);
    for (const auto& b : q.barred) c.need(), write(w, b);
    for (const auto& r : q.recommendations) c.need(), write(w, r);
    for (const auto& p : q.pathways) {
      c.need();
      w.begin_node(p.kind, p.id, p.span);
      w.field("name", p.name);
      optional_count(w, "min_credits", p.min_credits);
      w.end_node();
    }
    for (const auto& j : q.job_roles) {
      c.need();
      w.begin_node(j.kind, j.id, j.span);
      w.field("text", j.text);
      w.end_node();
    }
    for (const auto& n : q.notes) {
      c.need();
      w.begin_node(n.kind, n.id, n.span);
      w.field("number", static_cast<int64_t>(n.number));
      w.field("text", n.text);
      w.end_node();
    }
  }
  w.end_node();
}

void write(tree_writer& w, const criterion& c) {
  w.begin_node(c.kind, c.id, c.span);
  w.field("number", static_cast<int64_t>(c.number));
  if (c.number_inferred) w.field("number_inferred", true);
  w.field("text", c.text);
  write_numbered_children(w, c);
  w.end_node();
}

void write(tree_writer& w, const subtopic& s) {
  w.begin_node(s.kind, s.id, s.span);
  w.field("code", s.code);
  w.field("title", s.title);
  optional_field(w, "requirement_type", s.requirement_type);
  optional_field(w, "requirement_label", s.requirement_label);
  optional_field(w, "guidance_statement", s.guidance_statement);
  {
    children_scope c{w};
    for (const auto& o : s.outcomes) {
      c.need();
      w.begin_node(o.kind, o.id, o.span);
      w.field("letter", o.letter);
      w.field("statement", o.statement);
      {
        children_scope co{w};
        for (const auto& cr : o.criteria) co.need(), write(w, cr);
      }
      w.end_node();
    }
    for (const auto& g : s.guidance) {
      c.need();
      w.begin_node(g.kind, g.id, g.span);
      w.field("term", g.term);
      {
        children_scope cg{w};
        for (const auto& b : g.definition) cg.need(), write(w, b);
      }
      w.end_node();
    }
  }
  w.end_node();
}

void write(tree_writer& w, const framework& f) {
  w.begin_node(f.kind, f.id, f.span);
  optional_field(w, "title", f.title);
  optional_field(w, "label", f.label);
  optional_count(w, "level", f.level);
  optional_field(w, "publisher", f.publisher);
  optional_field(w, "date", f.date);
  optional_field(w, "audience", f.audience);
  {
    children_scope c{w};
    // the hours rules are read from Section A's prose: each follows the section it is stated in
    ordered_parts parts;
    for (const auto& s : f.description) parts.emplace_back(s.span.begin, [&w, &s] { write(w, s); });
    for (const auto& r : f.hours_rules)
      parts.emplace_back(r.span.begin, [&w, &r] {
        w.begin_node(r.kind, r.id, r.span);
        w.field("measure", r.measure);
        w.field("min", static_cast<int64_t>(r.min));
        w.field("max", static_cast<int64_t>(r.max));
        w.field("unit", r.unit);
        w.field("text", r.text);
        w.end_node();
      });
    for (const auto& t : f.topics)
      parts.emplace_back(t.span.begin, [&w, &t] {
        w.begin_node(t.kind, t.id, t.span);
        w.field("code", t.code);
        w.field("title", t.title);
        {
          children_scope ct{w};
          for (const auto& s : t.subtopics) ct.need(), write(w, s);
        }
        w.end_node();
      });
    for (const auto& s : f.additional_requirements) parts.emplace_back(s.span.begin, [&w, &s] { write(w, s); });
    for (const auto& s : f.appendices) parts.emplace_back(s.span.begin, [&w, &s] { write(w, s); });
    write_in_source_order(c, parts);
  }
  w.end_node();
}

void write(tree_writer& w, const furniture& f) {
  w.begin_node(f.kind, f.id, f.span);
  w.field("role", f.role);
  w.field("text", f.text);
  {
    children_scope c{w};
    for (const auto& field : f.fields) {
      c.need();
      w.begin_node(field.kind, field.id, field.span);
      w.field("label", field.label);
      w.end_node();
    }
  }
  w.end_node();
}

void write(tree_writer& w, const quantity& q) {
  w.begin_node(q.kind, q.id, q.span);
  w.field("measure", q.measure);
  w.field("min", static_cast<std::int64_t>(q.min));
  w.field("max", static_cast<std::int64_t>(q.max));
  w.field("text", q.text);
  w.end_node();
}

void write(tree_writer& w, const outline_item& i) {
  w.begin_node(i.kind, i.id, i.span);
  optional_field(w, "label", i.label);
  // a group has a code when it is labelled ("Component 2")
  if (i.kind != outline_item::group_kind || !i.label.empty()) optional_field(w, "code", i.code);
  if (i.kind == outline_item::group_kind) w.field("title", i.text);
  else w.field("text", i.text);
  if (i.incomplete) w.field("incomplete", true);
  if (i.label_inferred) w.field("label_inferred", true);
  optional_field(w, "band", i.band);
  if (!i.refs.empty()) w.field_list("refs", i.refs);
  {
    children_scope c{w};
    for (const auto& q : i.quantities) c.need(), write(w, q);
    for (const auto& child : i.children) c.need(), write(w, child);
  }
  w.end_node();
}

void write(tree_writer& w, const part& p) {
  w.begin_node(p.kind, p.id, p.span);
  w.field("role", p.role);
  optional_field(w, "heading", p.heading);
  optional_field(w, "lead_in", p.lead_in);
  {
    children_scope c{w};
    ordered_parts parts;
    for (const auto& b : p.blocks) parts.emplace_back(b.span().begin, [&w, &b] { write(w, b); });
    for (const auto& i : p.items) parts.emplace_back(i.span.begin, [&w, &i] { write(w, i); });
    for (const auto& q : p.quantities) parts.emplace_back(q.span.begin, [&w, &q] { write(w, q); });
    write_in_source_order(c, parts);
  }
  w.end_node();
}

void write(tree_writer& w, const standard& s) {
  w.begin_node(s.kind, s.id, s.span);
  w.field("family", s.family);
  optional_field(w, "code", s.code);
  optional_field(w, "title", s.title);
  {
    children_scope c{w};
    ordered_parts parts;
    for (const auto& f : s.fields)
      parts.emplace_back(f.span.begin, [&w, &f] {
        w.begin_node(f.kind, f.id, f.span);
        w.field("name", f.name);
        w.field("label", f.label);
        w.field("value", f.value);
        w.end_node();
      });
    for (const auto& sec : s.sections) parts.emplace_back(sec.span.begin, [&w, &sec] { write(w, sec); });
    for (const auto& p : s.parts) parts.emplace_back(p.span.begin, [&w, &p] { write(w, p); });
    write_in_source_order(c, parts);
  }
  w.end_node();
}

/// A document's name, kind and line coverage: in its own catalogue and as a
/// source_document of a merged one.
void write_source(tree_writer& w, std::string_view name, document_kind type, std::string_view kind_name,
                  const coverage& lines) {
  w.field("source", name);
  w.field("document_kind", kind_name.empty() ? to_string(type) : kind_name);
  w.field("lines", static_cast<int64_t>(lines.lines));
  w.field("blank_lines", static_cast<int64_t>(lines.blank));
  w.field("content_lines", static_cast<int64_t>(lines.content));
  w.field("furniture_lines", static_cast<int64_t>(lines.furniture));
  w.field("unclassified_lines", static_cast<int64_t>(lines.unclassified));
}

void write(tree_writer& w, const diagnostic& d, std::size_t ordinal) {
  w.begin_node("diagnostic", "diagnostic/" + std::to_string(ordinal), d.span);
  w.field("code", d.code);
  w.field("severity", to_string(d.level));
  w.field("message", d.message);
  optional_field(w, "original", d.original);
  optional_field(w, "repaired", d.repaired);
  optional_field(w, "document", d.document);
  w.end_node();
}

}  // namespace

void walk(const document& doc, const std::vector<diagnostic>& diagnostics, tree_writer& w) {
  w.begin_node(doc.kind, doc.id, doc.span);
  w.field("catalogue_version", catalogue_version);
  write_source(w, doc.source_name, doc.type, doc.kind_name, doc.lines);
  if (doc.source_format != "text") w.field("source_format", doc.source_format);
  {
    children_scope c{w};
    if (doc.origins && !doc.origins->empty()) {
      // line i of the text read (what spans count) came from lines[i - 1] of the file
      c.need();
      w.begin_node("source_map", doc.id + "/source_map", doc.span);
      std::vector<std::string> lines;
      lines.reserve(doc.origins->size());
      for (const auto& o : *doc.origins) lines.push_back(describe(o));
      w.field_list("lines", lines);
      w.end_node();
    }
    for (const auto& st : doc.standards) c.need(), write(w, st);
    for (const auto& fw : doc.frameworks) c.need(), write(w, fw);
    for (const auto& q : doc.qualifications) c.need(), write(w, q);
    for (const auto& u : doc.units) c.need(), write(w, u);
    for (const auto& s : doc.sections) c.need(), write(w, s);
    for (const auto& f : doc.furniture_items) c.need(), write(w, f);
    std::size_t n = 0;
    for (const auto& d : diagnostics) c.need(), write(w, d, ++n);
  }
  w.end_node();
}

void walk(const catalogue& cat, tree_writer& w) {
  w.begin_node(cat.kind, cat.id, cat.span);
  w.field("catalogue_version", catalogue_version);
  w.field("documents", static_cast<int64_t>(cat.documents.size()));
  {
    children_scope c{w};
    for (const auto& d : cat.documents) {
      c.need();
      w.begin_node(d.kind, d.id, d.span);
      write_source(w, d.name, d.type, d.kind_name, d.lines);
      w.end_node();
    }
    for (const auto& st : cat.standards) c.need(), write(w, st);
    for (const auto& fw : cat.frameworks) c.need(), write(w, fw);
    for (const auto& q : cat.qualifications) c.need(), write(w, q);
    for (const auto& u : cat.units) c.need(), write(w, u);
    for (const auto& s : cat.sections) c.need(), write(w, s);
    std::size_t n = 0;
    for (const auto& d : cat.diagnostics) c.need(), write(w, d, ++n);
  }
  w.end_node();
}

}  // namespace qspec::emitters
