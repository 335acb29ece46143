// CASE import: a CFPackage (1.0 or 1.1) read into the generic catalogue
// tree, so a package diffs against another package or against a document.
// The CFDocument becomes the root, each CFItem a node placed under the node
// its isChildOf association names (in sequenceNumber order), a duty's
// isRelatedTo associations its `refs`, CFConcepts glossary terms. A package
// qspec exported carries `extensions.qspec` (kinds, stable ids, spans, the
// document's counts, diagnostics): those are put back, so exporting what was
// read gives the same bytes. A foreign package keeps its own identifiers as
// ids and its CFItemType as kinds.
#include "case_reader.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>

namespace qspec::readers {
namespace {

namespace json = boost::json;

[[noreturn]] void fail(const std::string& why) { throw std::runtime_error(why); }

std::string text_of(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_string()) return {};
  return std::string(v->as_string());
}

const json::object* object_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_object() ? &v->as_object() : nullptr;
}

const json::array* array_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_array() ? &v->as_array() : nullptr;
}

/// extensions.qspec of a CASE object, or nullptr.
const json::object* qspec_extension(const json::object& o) {
  const json::object* ext = object_at(o, "extensions");
  return ext ? object_at(*ext, "qspec") : nullptr;
}

std::uint32_t position(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_int64() || v->as_int64() < 0 || v->as_int64() > 0xFFFFFFFFLL) fail("a span without " + std::string(key));
  return static_cast<std::uint32_t>(v->as_int64());
}

source_span span_of(const json::value& v) {
  if (!v.is_object()) fail("a span is not an object");
  const auto& o = v.as_object();
  return {{position(o, "line"), position(o, "column")}, {position(o, "end_line"), position(o, "end_column")}};
}

tree::value value_of(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_int64()) return v.as_int64();
  if (v.is_bool()) return v.as_bool();
  if (v.is_array()) {
    std::vector<std::string> list;
    for (const auto& e : v.as_array()) {
      if (!e.is_string()) fail("a list field holds something other than text");
      list.emplace_back(e.as_string());
    }
    return list;
  }
  if (v.is_object()) return span_of(v);
  fail("a field of unknown type");
}

/// kind, id and span from extensions.qspec, else the fallbacks.
void identify(tree::node& n, const json::object& o, std::string_view kind, std::string_view id) {
  const json::object* q = qspec_extension(o);
  n.kind = q ? text_of(*q, "kind") : std::string();
  n.id = q ? text_of(*q, "id") : std::string();
  if (n.kind.empty()) n.kind = std::string(kind);
  if (n.id.empty()) n.id = std::string(id);
  if (q && q->if_contains("span")) n.span = span_of(q->at("span"));
}

/// An association end's identifier (1.0 and 1.1 alike: an object with `identifier`).
std::string end_of(const json::object& a, std::string_view key) {
  const json::object* end = object_at(a, key);
  return end ? text_of(*end, "identifier") : std::string();
}

std::int64_t sequence_of(const json::object& a) {
  const json::value* v = a.if_contains("sequenceNumber");
  if (v && v->is_int64()) return v->as_int64();
  if (v && v->is_uint64()) return static_cast<std::int64_t>(v->as_uint64() & 0x7FFFFFFF);
  return std::numeric_limits<std::int64_t>::max();  // unnumbered: after the numbered, in package order
}

struct placed_item {
  tree::node node;
  std::vector<std::pair<std::int64_t, std::size_t>> children;  // (sequence, item index)
  bool attached = false;
};

void attach(std::vector<placed_item>& items, std::size_t i, tree::node& parent, std::set<std::size_t>& open) {
  // as deep as the catalogue readers go (read.cpp): a chain of isChildOf cannot exhaust the stack
  if (open.size() > 200) fail("items nested too deeply (more than 200 levels of isChildOf)");
  auto& it = items[i];
  std::stable_sort(it.children.begin(), it.children.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  open.insert(i);
  tree::node n = std::move(it.node);
  for (const auto& [seq, c] : it.children)
    if (!items[c].attached && !open.count(c)) {
      items[c].attached = true;
      attach(items, c, n, open);
    }
  open.erase(i);
  parent.children.push_back(std::move(n));
}

}  // namespace

bool is_case_package(const json::value& v) {
  return v.is_object() && v.as_object().contains("CFDocument") &&
         (v.as_object().contains("CFItems") || v.as_object().contains("CFAssociations"));
}

tree::node read_case_package(const json::value& v) {
  if (!is_case_package(v)) fail("not a CASE package (no CFDocument with CFItems)");
  const auto& pkg = v.as_object();
  const json::object* doc = object_at(pkg, "CFDocument");
  if (!doc) fail("the CFDocument is not an object");
  const std::string doc_id = text_of(*doc, "identifier");

  tree::node root;
  identify(root, *doc, "document", doc_id);
  if (const json::object* q = qspec_extension(*doc); q && object_at(*q, "fields"))
    for (const auto& kv : *object_at(*q, "fields")) root.fields.push_back({std::string(kv.key()), value_of(kv.value())});
  auto put = [&](std::string_view name, std::string value) {
    if (!value.empty()) root.fields.push_back({std::string(name), std::move(value)});
  };
  put("title", text_of(*doc, "title"));
  put("creator", text_of(*doc, "creator"));
  put("version", text_of(*doc, "version"));
  put("date", text_of(*doc, "statusStartDate"));
  if (const json::array* subjects = array_at(*doc, "subject"); subjects && !subjects->empty() && subjects->front().is_string())
    put("subject", std::string(subjects->front().as_string()));
  else
    put("subject", text_of(*doc, "subject"));  // CASE 1.0 packages may give it as text
  put("status", text_of(*doc, "adoptionStatus"));
  put("language", text_of(*doc, "language"));
  put("description", text_of(*doc, "description"));

  std::vector<placed_item> items;
  std::map<std::string, std::size_t> by_identifier;
  if (const json::array* cf_items = array_at(pkg, "CFItems")) {
    for (const auto& e : *cf_items) {
      if (!e.is_object()) fail("a CFItem is not an object");
      const auto& o = e.as_object();
      const std::string identifier = text_of(o, "identifier");
      if (identifier.empty()) fail("a CFItem without an identifier");
      std::string type = text_of(o, "CFItemType");
      placed_item p;
      identify(p.node, o, type.empty() ? "item" : type, identifier);
      p.node.fields.push_back({"code", text_of(o, "humanCodingScheme")});
      p.node.fields.push_back({"label", text_of(o, "listEnumeration")});
      p.node.fields.push_back({"text", text_of(o, "fullStatement")});
      if (const json::array* levels = array_at(o, "educationLevel"); levels && !levels->empty() && levels->front().is_string())
        p.node.fields.push_back({"level", std::string(levels->front().as_string())});
      by_identifier.emplace(identifier, items.size());
      items.push_back(std::move(p));
    }
  }

  std::vector<std::pair<std::int64_t, std::size_t>> top;
  std::vector<std::vector<std::string>> refs(items.size());
  std::set<std::size_t> has_parent;
  if (const json::array* associations = array_at(pkg, "CFAssociations")) {
    for (const auto& e : *associations) {
      if (!e.is_object()) fail("a CFAssociation is not an object");
      const auto& a = e.as_object();
      const std::string type = text_of(a, "associationType");
      auto origin = by_identifier.find(end_of(a, "originNodeURI"));
      if (origin == by_identifier.end()) continue;  // an association of a node outside the package
      const std::string destination = end_of(a, "destinationNodeURI");
      if (type == "isChildOf") {
        if (has_parent.count(origin->second)) continue;  // a second parent: the item is placed once
        has_parent.insert(origin->second);
        if (destination == doc_id) top.emplace_back(sequence_of(a), origin->second);
        else if (auto parent = by_identifier.find(destination); parent != by_identifier.end())
          items[parent->second].children.emplace_back(sequence_of(a), origin->second);
        else has_parent.erase(origin->second);
      } else if (type == "isRelatedTo") {
        if (auto target = by_identifier.find(destination); target != by_identifier.end())
          refs[origin->second].push_back(std::string(items[target->second].node.text("code")));
      }
    }
  }
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!refs[i].empty()) items[i].node.fields.push_back({"refs", refs[i]});
  // items with no parent in the package stand at the top, in package order
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!has_parent.count(i)) top.emplace_back(std::numeric_limits<std::int64_t>::max(), i);
  std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::set<std::size_t> open;
  for (const auto& [seq, i] : top)
    if (!items[i].attached) {
      items[i].attached = true;
      attach(items, i, root, open);
    }
  // what a cycle of isChildOf left unplaced
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!items[i].attached) {
      items[i].attached = true;
      attach(items, i, root, open);
    }

  if (const json::object* defs = object_at(pkg, "CFDefinitions"))
    if (const json::array* concepts = array_at(*defs, "CFConcepts"))
      for (const auto& e : *concepts) {
        if (!e.is_object()) fail("a CFConcept is not an object");
        const auto& o = e.as_object();
        tree::node term;
        identify(term, o, "glossary_term", text_of(o, "identifier"));
        term.fields.push_back({"term", text_of(o, "title")});
        if (auto d = text_of(o, "description"); !d.empty()) {
          tree::node definition;
          definition.kind = "paragraph";
          definition.id = term.id + "/definition";
          definition.fields.push_back({"text", std::move(d)});
          term.children.push_back(std::move(definition));
        }
        root.children.push_back(std::move(term));
      }

  if (const json::object* q = qspec_extension(pkg))
    if (const json::array* diagnostics = array_at(*q, "diagnostics"))
      for (const auto& e : *diagnostics) {
        if (!e.is_object()) fail("a diagnostic is not an object");
        tree::node d;
        d.kind = "diagnostic";
        for (const auto& kv : e.as_object()) {
          if (kv.key() == "id") d.id = std::string(kv.value().is_string() ? kv.value().as_string() : "");
          else if (kv.key() == "span") d.span = span_of(kv.value());
          else d.fields.push_back({std::string(kv.key()), value_of(kv.value())});
        }
        root.children.push_back(std::move(d));
      }
  return root;
}

}  // namespace qspec::readers
