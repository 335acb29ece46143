// XML catalogue through pugixml: a node is an element named after its kind,
// with id and span as attributes, scalar fields as child elements in order,
// and its children inside <children>.
#include <pugixml.hpp>

#include <ostream>
#include <string>

#include "qspec/emit.hpp"
#include "tree_writer.hpp"
#include "writers.hpp"

namespace qspec::emitters {
namespace {

/// XML 1.0 cannot hold most C0 controls at all; they become U+FFFD.
std::string xml_safe(std::string_view s) {
  std::string out;
  bool clean = true;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') clean = false;
  }
  if (clean) return std::string(s);
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') out += "\xEF\xBF\xBD";
    else out.push_back(c);
  }
  return out;
}

void set_span(pugi::xml_node n, const source_span& s) {
  n.append_attribute("line") = s.begin.line;
  n.append_attribute("column") = s.begin.column;
  n.append_attribute("end_line") = s.end.line;
  n.append_attribute("end_column") = s.end.column;
}

class xml_writer final : public tree_writer {
 public:
  explicit xml_writer(pugi::xml_node root) : current_(root) {}
  void begin_node(std::string_view kind, std::string_view id, const source_span& span) override {
    current_ = current_.append_child(std::string(kind).c_str());
    current_.append_attribute("id") = xml_safe(id).c_str();
    set_span(current_, span);
  }
  void field(std::string_view name, std::string_view value) override {
    current_.append_child(std::string(name).c_str()).text() = xml_safe(value).c_str();
  }
  void field(std::string_view name, std::int64_t value) override {
    current_.append_child(std::string(name).c_str()).text() = static_cast<long long>(value);
  }
  void field(std::string_view name, bool value) override {
    current_.append_child(std::string(name).c_str()).text() = value ? "true" : "false";
  }
  void field_span(std::string_view name, const source_span& s) override {
    set_span(current_.append_child(std::string(name).c_str()), s);
  }
  void field_list(std::string_view name, const std::vector<std::string>& values) override {
    auto list = current_.append_child(std::string(name).c_str());
    for (const auto& v : values) list.append_child("item").text() = xml_safe(v).c_str();
  }
  void begin_children() override { current_ = current_.append_child("children"); }
  void end_children() override { current_ = current_.parent(); }
  void end_node() override { current_ = current_.parent(); }

 private:
  pugi::xml_node current_;
};

}  // namespace

void write_xml(const walker& walk_into, std::ostream& out) {
  pugi::xml_document xml;
  auto decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto root = xml.append_child("catalogue");
  root.append_attribute("xmlns") = "urn:qspec:catalogue:1";
  root.append_attribute("version") = std::string(catalogue_version).c_str();
  xml_writer w(root);
  walk_into(w);
  xml.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace qspec::emitters

namespace qspec {

std::optional<format> format_from_name(std::string_view name) {
  if (name == "json") return format::json;
  if (name == "yaml" || name == "yml") return format::yaml;
  if (name == "xml") return format::xml;
  if (name == "case") return format::case_package;
  if (name == "csv") return format::csv;
  return std::nullopt;
}

void emit(const document& doc, const std::vector<diagnostic>& diagnostics, format f, std::ostream& out) {
  emitters::write(f, [&](emitters::tree_writer& w) { emitters::walk(doc, diagnostics, w); }, out);
}

void emit(const catalogue& cat, format f, std::ostream& out) {
  emitters::write(f, [&](emitters::tree_writer& w) { emitters::walk(cat, w); }, out);
}

}  // namespace qspec
