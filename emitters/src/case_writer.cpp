// CASE 1.1 export (1EdTech Competencies and Academic Standards Exchange): one
// CFPackage per catalogue tree. The document (or merged catalogue) becomes the
// CFDocument, every standard item (standard_items.hpp) a CFItem, the tree's
// nesting isChildOf associations with their sequence numbers, a duty's named
// K/S/B isRelatedTo associations, glossary terms CFConcepts. Identifiers are
// UUIDv5 of the stable ids (qspec::case_namespace), so a node keeps its
// identifier across runs and revisions. What CASE has no place for (kinds,
// stable ids, spans, the document's counts, diagnostics) goes under
// `extensions.qspec`, which is what lets a package be read back
// (readers/src/case_reader.cpp) and exported again byte for byte.
#include <boost/json.hpp>
#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/string_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "qspec/emit.hpp"
#include "standard_items.hpp"
#include "writers.hpp"

namespace qspec {

std::string case_identifier(std::string_view stable_id) {
  static const boost::uuids::uuid ns = boost::uuids::string_generator()(std::string(case_namespace));
  const boost::uuids::name_generator_sha1 generate(ns);
  return boost::uuids::to_string(generate(stable_id.data(), stable_id.size()));
}

}  // namespace qspec

namespace qspec::emitters {
namespace {

namespace json = boost::json;

/// An id that is already a CASE identifier (a package read back keeps the
/// identifiers it came with) is used as it is; any other is hashed.
bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string identifier_of(std::string_view stable_id) {
  return is_uuid(stable_id) ? lower(std::string(stable_id)) : case_identifier(stable_id);
}

std::string uri_of(const std::string& identifier) { return "urn:uuid:" + identifier; }

json::object link(std::string_view title, const std::string& identifier) {
  return {{"title", title}, {"identifier", identifier}, {"uri", uri_of(identifier)}};
}

json::object span_json(const source_span& s) {
  return {{"line", s.begin.line}, {"column", s.begin.column}, {"end_line", s.end.line}, {"end_column", s.end.column}};
}

json::value field_json(const tree::value& v) {
  return std::visit(
      [](const auto& x) -> json::value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string>) return json::string(x);
        else if constexpr (std::is_same_v<T, std::int64_t>) return x;
        else if constexpr (std::is_same_v<T, bool>) return x;
        else if constexpr (std::is_same_v<T, source_span>) return span_json(x);
        else {
          json::array a;
          for (const auto& s : x) a.emplace_back(json::string(s));
          return a;
        }
      },
      v);
}

/// The CFDocument's facts, looked for on the root, then on its children (the
/// qualification, unit, standard or framework), then on their `field` nodes.
class document_facts {
 public:
  explicit document_facts(const tree::node& root) : root_(root) {}
  std::string find(std::initializer_list<std::string_view> names) const {
    for (auto name : names) {
      if (auto v = tree::field_text(root_, name); !v.empty()) return v;
      for (const auto& c : root_.children) {
        if (c.kind == "diagnostic") continue;
        if (auto v = tree::field_text(c, name); !v.empty()) return v;
        for (const auto& f : c.children)
          if (f.kind == "field" && f.text("name") == name && !f.text("value").empty()) return std::string(f.text("value"));
      }
    }
    return {};
  }

 private:
  const tree::node& root_;
};

/// The CFDocument fields the importer puts back on the root: the export
/// leaves them out of the root's extension fields.
constexpr std::array<std::string_view, 8> document_fact_names = {"title",   "creator", "version",  "date",
                                                                  "subject", "status",  "language", "description"};

bool iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  const int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/// A glossary entry's definition: the text of its paragraphs and list items.
void definition_text(const tree::node& n, std::string& out) {
  for (const auto& c : n.children) {
    if (auto t = c.text("text"); !t.empty() && (c.kind == "paragraph" || c.kind == "list_item")) {
      if (!out.empty()) out += ' ';
      out += t;
    }
    definition_text(c, out);
  }
}

void collect_kind(const tree::node& n, std::initializer_list<std::string_view> kinds, std::vector<const tree::node*>& out) {
  for (auto k : kinds)
    if (n.kind == k) out.push_back(&n);
  for (const auto& c : n.children) collect_kind(c, kinds, out);
}

json::object extension(const tree::node& n) {
  return {{"qspec", json::object{{"kind", n.kind}, {"id", n.id}, {"span", span_json(n.span)}}}};
}

json::object package(const tree::node& root) {
  const document_facts facts(root);
  // the names the model and the built-in profiles give these facts (profiles/*.yaml)
  std::string date = facts.find({"date", "date_approved", "date_updated"});
  const std::string changed = iso_date(date) ? date + "T00:00:00+00:00" : "1970-01-01T00:00:00+00:00";
  const std::string doc_id = identifier_of(root.id);
  std::string title = facts.find({"title"});
  if (title.empty()) title = facts.find({"source"});

  json::object doc;
  doc["identifier"] = doc_id;
  doc["uri"] = uri_of(doc_id);
  if (auto kind = facts.find({"document_kind"}); !kind.empty()) doc["frameworkType"] = kind;
  doc["caseVersion"] = "1.1";
  std::string creator = facts.find({"creator", "awarding_body_name", "awarding_body", "standards_developer_name",
                                    "standards_developer", "publisher", "developed_by", "originating_organisation"});
  doc["creator"] = creator.empty() ? "not stated" : creator;
  doc["title"] = title;
  doc["lastChangeDateTime"] = changed;
  if (auto v = facts.find({"description"}); !v.empty()) doc["description"] = v;
  if (auto v = facts.find({"subject", "sector", "sectors", "suite", "route"}); !v.empty()) doc["subject"] = json::array{json::string(v)};
  auto language = facts.find({"language"});
  doc["language"] = language.empty() ? "en" : language;
  if (auto v = facts.find({"version"}); !v.empty()) doc["version"] = v;
  if (auto v = facts.find({"status", "adoption_status"}); !v.empty()) doc["adoptionStatus"] = v;
  if (iso_date(date)) doc["statusStartDate"] = date;
  {
    json::object fields;
    for (const auto& f : root.fields)
      if (std::find(document_fact_names.begin(), document_fact_names.end(), f.name) == document_fact_names.end())
        fields[f.name] = field_json(f.value);
    auto ext = extension(root);
    ext["qspec"].as_object()["fields"] = std::move(fields);
    doc["extensions"] = std::move(ext);
  }

  const auto items = standard_items(root);
  std::vector<std::string> ids;
  std::set<std::string> used{doc_id};
  for (const auto& item : items) {
    std::string id = identifier_of(item.node->id);
    // two nodes with one stable id (a merge can bring them): the later is told apart by its place
    for (int n = 2; used.count(id); ++n) id = case_identifier(item.node->id + "#" + std::to_string(n));
    used.insert(id);
    ids.push_back(std::move(id));
  }
  auto title_of = [&](std::size_t i) {
    auto code = tree::code_of(*items[i].node);
    return code.empty() ? tree::text_of(*items[i].node) : code;
  };

  std::vector<std::string> kinds;  // item types in order of first use
  json::array cf_items, associations;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& n = *items[i].node;
    if (std::find(kinds.begin(), kinds.end(), n.kind) == kinds.end()) kinds.push_back(n.kind);
    json::object item;
    item["identifier"] = ids[i];
    item["fullStatement"] = tree::text_of(n);
    item["CFItemType"] = n.kind;
    item["uri"] = uri_of(ids[i]);
    if (auto v = tree::code_of(n); !v.empty()) item["humanCodingScheme"] = v;
    if (auto v = tree::label_of(n); !v.empty()) item["listEnumeration"] = v;
    if (!items[i].level.empty()) item["educationLevel"] = json::array{json::string(items[i].level)};
    item["CFItemTypeURI"] = link(n.kind, case_identifier("item type " + n.kind));
    item["lastChangeDateTime"] = changed;
    item["extensions"] = extension(n);
    cf_items.emplace_back(std::move(item));

    const bool top = items[i].parent < 0;
    const std::string parent_id = top ? doc_id : ids[static_cast<std::size_t>(items[i].parent)];
    const std::string parent_title = top ? title : std::string(title_of(static_cast<std::size_t>(items[i].parent)));
    const std::string aid = case_identifier("isChildOf " + ids[i] + " " + parent_id);
    associations.emplace_back(json::object{{"identifier", aid},
                                           {"associationType", "isChildOf"},
                                           {"sequenceNumber", items[i].position},
                                           {"uri", uri_of(aid)},
                                           {"originNodeURI", link(title_of(i), ids[i])},
                                           {"destinationNodeURI", link(parent_title, parent_id)},
                                           {"lastChangeDateTime", changed}});
  }
  // a duty names the knowledge, skills and behaviours it needs by their codes:
  // each resolved among the items of the same document
  for (std::size_t i = 0; i < items.size(); ++i) {
    const tree::field* refs = items[i].node->find("refs");
    const auto* codes = refs ? std::get_if<std::vector<std::string>>(&refs->value) : nullptr;
    if (!codes) continue;
    for (const auto& code : *codes) {
      for (std::size_t j = 0; j < items.size(); ++j) {
        if (j == i || items[j].document != items[i].document || tree::code_of(*items[j].node) != code) continue;
        const std::string aid = case_identifier("isRelatedTo " + ids[i] + " " + ids[j]);
        associations.emplace_back(json::object{{"identifier", aid},
                                               {"associationType", "isRelatedTo"},
                                               {"uri", uri_of(aid)},
                                               {"originNodeURI", link(title_of(i), ids[i])},
                                               {"destinationNodeURI", link(title_of(j), ids[j])},
                                               {"lastChangeDateTime", changed}});
        break;
      }
    }
  }

  json::array concepts;
  {
    std::vector<const tree::node*> terms;
    collect_kind(root, {"glossary_term", "guidance_term"}, terms);
    std::size_t ordinal = 0;
    for (const auto* t : terms) {
      std::string definition;
      definition_text(*t, definition);
      const std::string cid = identifier_of(t->id);
      json::object c{{"identifier", cid},
                     {"uri", uri_of(cid)},
                     {"title", t->text("term")},
                     {"hierarchyCode", std::to_string(++ordinal)}};
      if (!definition.empty()) c["description"] = definition;
      c["lastChangeDateTime"] = changed;
      c["extensions"] = extension(*t);
      concepts.emplace_back(std::move(c));
    }
  }
  json::array item_types;
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    const std::string tid = case_identifier("item type " + kinds[k]);
    item_types.emplace_back(json::object{{"identifier", tid},
                                         {"uri", uri_of(tid)},
                                         {"title", kinds[k]},
                                         {"description", "qspec item kind " + kinds[k]},
                                         {"hierarchyCode", std::to_string(k + 1)},
                                         {"typeCode", kinds[k]},
                                         {"lastChangeDateTime", changed}});
  }
  json::object definitions;
  if (!concepts.empty()) definitions["CFConcepts"] = std::move(concepts);
  definitions["CFItemTypes"] = std::move(item_types);

  json::array diagnostics;
  {
    std::vector<const tree::node*> found;
    for (const auto& c : root.children)
      if (c.kind == "diagnostic") found.push_back(&c);
    for (const auto* d : found) {
      json::object o{{"id", d->id}, {"span", span_json(d->span)}};
      for (const auto& f : d->fields) o[f.name] = field_json(f.value);
      diagnostics.emplace_back(std::move(o));
    }
  }

  json::object pkg;
  pkg["CFDocument"] = std::move(doc);
  pkg["CFItems"] = std::move(cf_items);
  pkg["CFAssociations"] = std::move(associations);
  pkg["CFDefinitions"] = std::move(definitions);
  pkg["extensions"] = json::object{{"qspec", json::object{{"catalogue_version", catalogue_version},
                                                         {"diagnostics", std::move(diagnostics)}}}};
  return pkg;
}

/// Two-space indented JSON; scalars spelled by Boost.JSON's serializer.
void pretty(const json::value& v, std::string& out, std::size_t depth) {
  auto newline = [&](std::size_t d) {
    out += '\n';
    out.append(2 * d, ' ');
  };
  if (v.is_object()) {
    const auto& o = v.as_object();
    if (o.empty()) return void(out += "{}");
    out += '{';
    bool first = true;
    for (const auto& kv : o) {
      if (!first) out += ',';
      first = false;
      newline(depth + 1);
      out += json::serialize(json::string(kv.key()));
      out += ": ";
      pretty(kv.value(), out, depth + 1);
    }
    newline(depth);
    out += '}';
  } else if (v.is_array()) {
    const auto& a = v.as_array();
    if (a.empty()) return void(out += "[]");
    out += '[';
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (i) out += ',';
      newline(depth + 1);
      pretty(a[i], out, depth + 1);
    }
    newline(depth);
    out += ']';
  } else {
    out += json::serialize(v);
  }
}

}  // namespace

void write_case(const tree::node& root, std::ostream& out) {
  std::string text;
  pretty(package(root), text, 0);
  text += '\n';
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace qspec::emitters
