// Catalogue readers: one per format, each building the generic tree the
// emitters write. A text that is not a qspec catalogue gives an error, never
// an exception out of read_catalogue.
#include <boost/json.hpp>
#include <pugixml.hpp>
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <exception>
#include <map>
#include <sstream>
#include <stdexcept>

#include "qspec/read.hpp"
#include "case_reader.hpp"

namespace qspec {
namespace {

enum class field_type { text, integer, boolean, span, list };

struct type_key {
  std::string_view kind, field;
  field_type type;
};

constexpr type_key field_types[] = {
#include "field_types.inc"
};

field_type type_of(std::string_view kind, std::string_view field) {
  for (const auto& t : field_types)
    if (t.kind == kind && t.field == field) return t.type;
  return field_type::text;
}

[[noreturn]] void fail(const std::string& why) { throw std::runtime_error(why); }

std::uint32_t to_u32(std::int64_t v) {
  if (v < 0 || v > 0xFFFFFFFFLL) fail("a span position out of range");
  return static_cast<std::uint32_t>(v);
}

std::int64_t to_int(std::string_view s, std::string_view what) {
  std::int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) fail("'" + std::string(s) + "' is not a number (" + std::string(what) + ")");
  return v;
}

// ------------------------------------------------------------------ JSON
source_span json_span(const boost::json::value& v) {
  if (!v.is_object()) fail("a span is not an object");
  const auto& o = v.as_object();
  auto get = [&](const char* k) {
    auto* p = o.if_contains(k);
    if (!p || !p->is_int64()) fail(std::string("a span without ") + k);
    return to_u32(p->as_int64());
  };
  return {{get("line"), get("column")}, {get("end_line"), get("end_column")}};
}

tree::node json_node(const boost::json::value& v, int depth) {
  if (depth > 200) fail("nodes nested too deeply");
  if (!v.is_object()) fail("a node is not an object");
  tree::node n;
  for (const auto& [key, val] : v.as_object()) {
    std::string_view k(key.data(), key.size());
    if (k == "kind" || k == "id") {
      if (!val.is_string()) fail("'" + std::string(k) + "' is not text");
      (k == "kind" ? n.kind : n.id) = std::string(val.as_string().c_str(), val.as_string().size());
    } else if (k == "span") {
      n.span = json_span(val);
    } else if (k == "children") {
      if (!val.is_array()) fail("'children' is not a list");
      for (const auto& c : val.as_array()) n.children.push_back(json_node(c, depth + 1));
    } else if (val.is_string()) {
      n.fields.push_back({std::string(k), std::string(val.as_string().c_str(), val.as_string().size())});
    } else if (val.is_int64()) {
      n.fields.push_back({std::string(k), val.as_int64()});
    } else if (val.is_bool()) {
      n.fields.push_back({std::string(k), val.as_bool()});
    } else if (val.is_object()) {
      n.fields.push_back({std::string(k), json_span(val)});
    } else if (val.is_array()) {
      std::vector<std::string> items;
      for (const auto& i : val.as_array()) {
        if (!i.is_string()) fail("a list field holds something other than text");
        items.emplace_back(i.as_string().c_str(), i.as_string().size());
      }
      n.fields.push_back({std::string(k), std::move(items)});
    } else {
      fail("field '" + std::string(k) + "' has a value qspec does not write");
    }
  }
  if (n.kind.empty()) fail("a node without a kind");
  return n;
}

tree::node read_json(std::string_view text) {
  boost::system::error_code ec;
  boost::json::parse_options opt;
  opt.max_depth = 1024;
  auto v = boost::json::parse(boost::json::string_view(text.data(), text.size()), ec, {}, opt);
  if (ec) fail("not valid JSON: " + ec.message());
  return json_node(v, 0);
}

// ------------------------------------------------------------------ YAML
source_span yaml_span(const YAML::Node& m) {
  if (!m.IsMap()) fail("a span is not a mapping");
  auto get = [&](const char* k) {
    auto p = m[k];
    if (!p || !p.IsScalar()) fail(std::string("a span without ") + k);
    return to_u32(to_int(p.Scalar(), "span"));
  };
  return {{get("line"), get("column")}, {get("end_line"), get("end_column")}};
}

tree::node yaml_node(const YAML::Node& m, int depth) {
  if (depth > 200) fail("nodes nested too deeply");
  if (!m.IsMap()) fail("a node is not a mapping");
  tree::node n;
  for (const auto& kv : m) {
    std::string k = kv.first.as<std::string>();
    const YAML::Node& val = kv.second;
    if (k == "kind" || k == "id") {
      if (!val.IsScalar()) fail("'" + k + "' is not text");
      (k == "kind" ? n.kind : n.id) = val.Scalar();
    } else if (k == "span") {
      n.span = yaml_span(val);
    } else if (k == "children") {
      if (!val.IsSequence()) fail("'children' is not a list");
      for (const auto& c : val) n.children.push_back(yaml_node(c, depth + 1));
    } else if (val.IsScalar()) {
      if (val.Tag() == "!") n.fields.push_back({k, val.Scalar()});  // quoted: text
      else if (val.Scalar() == "true" || val.Scalar() == "false") n.fields.push_back({k, val.Scalar() == "true"});
      else n.fields.push_back({k, to_int(val.Scalar(), k)});
    } else if (val.IsMap()) {
      n.fields.push_back({k, yaml_span(val)});
    } else if (val.IsSequence()) {
      std::vector<std::string> items;
      for (const auto& i : val) {
        if (!i.IsScalar()) fail("a list field holds something other than text");
        items.push_back(i.Scalar());
      }
      n.fields.push_back({k, std::move(items)});
    } else {
      fail("field '" + k + "' is empty");
    }
  }
  if (n.kind.empty()) fail("a node without a kind");
  return n;
}

tree::node read_yaml(std::string_view text) {
  try {
    return yaml_node(YAML::Load(std::string(text)), 0);
  } catch (const YAML::Exception& e) {
    fail(std::string("not valid YAML: ") + e.what());
  }
}

// ------------------------------------------------------------------- XML
source_span xml_span(const pugi::xml_node& e) {
  auto get = [&](const char* k) {
    auto a = e.attribute(k);
    if (!a) fail(std::string("a span without ") + k);
    return to_u32(to_int(a.value(), "span"));
  };
  return {{get("line"), get("column")}, {get("end_line"), get("end_column")}};
}

tree::node xml_node(const pugi::xml_node& e, int depth) {
  if (depth > 200) fail("nodes nested too deeply");
  tree::node n;
  n.kind = e.name();
  n.id = e.attribute("id").value();
  n.span = xml_span(e);
  for (auto child : e.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string name = child.name();
    if (name == "children") {
      for (auto c : child.children())
        if (c.type() == pugi::node_element) n.children.push_back(xml_node(c, depth + 1));
      continue;
    }
    switch (type_of(n.kind, name)) {
      case field_type::text: n.fields.push_back({name, std::string(child.text().get())}); break;
      case field_type::integer: n.fields.push_back({name, to_int(child.text().get(), name)}); break;
      case field_type::boolean: n.fields.push_back({name, std::string_view(child.text().get()) == "true"}); break;
      case field_type::span: n.fields.push_back({name, xml_span(child)}); break;
      case field_type::list: {
        std::vector<std::string> items;
        for (auto i : child.children("item")) items.emplace_back(i.text().get());
        n.fields.push_back({name, std::move(items)});
        break;
      }
    }
  }
  return n;
}

tree::node read_xml(std::string_view text) {
  pugi::xml_document doc;
  auto r = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) fail(std::string("not valid XML: ") + r.description());
  auto root = doc.child("catalogue");
  if (!root) fail("no <catalogue> root element");
  for (auto c : root.children())
    if (c.type() == pugi::node_element) return xml_node(c, 0);
  fail("an empty <catalogue>");
}

}  // namespace

std::optional<format> sniff_catalogue(std::string_view text) {
  std::size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
  if (i >= text.size()) return std::nullopt;
  if (text[i] == '{') return format::json;
  if (text[i] == '<') return format::xml;
  if (text.compare(i, 5, "kind:") == 0) return format::yaml;
  return std::nullopt;
}

read_result read_catalogue(std::string_view text, std::optional<format> f) {
  read_result r;
  if (!f) f = sniff_catalogue(text);
  if (!f) {
    r.error = "not a qspec catalogue (JSON, YAML or XML)";
    return r;
  }
  try {
    // a CASE package is JSON too: told by its CFDocument
    if (*f == format::json && text.find("\"CFDocument\"") != std::string_view::npos) {
      auto v = boost::json::parse(boost::json::string_view(text.data(), text.size()));
      if (readers::is_case_package(v)) f = format::case_package;
    }
    switch (*f) {
      case format::case_package:
        r.case_package = true;
        r.root = readers::read_case_package(boost::json::parse(boost::json::string_view(text.data(), text.size())));
        break;
      case format::csv: fail("CSV holds the standard items alone: it is not read back");
      case format::json: r.root = read_json(text); break;
      case format::yaml: r.root = read_yaml(text); break;
      case format::xml: r.root = read_xml(text); break;
    }
    if (r.root.kind != "document" && r.root.kind != "merged_catalogue")
      r.error = "the root is a '" + r.root.kind + "', not a qspec document or catalogue";
  } catch (const std::exception& e) {
    r.error = e.what();
  }
  return r;
}

tree::node case_view(const tree::node& root) {
  std::ostringstream package;
  emit(root, format::case_package, package);
  return readers::read_case_package(boost::json::parse(package.str()));
}

}  // namespace qspec
