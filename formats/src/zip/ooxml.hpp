#pragma once
// Office Open XML parts (DOCX, XLSX) read with pugixml: elements and
// attributes by local name, since the namespace prefix is the writer's choice.
#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace qspec::formats::ooxml {

using pugi::xml_node;

inline std::string_view local_name(std::string_view name) {
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

inline bool is(xml_node n, std::string_view local) {
  return n.type() == pugi::node_element && local_name(n.name()) == local;
}

/// The first child element of that local name, or a null node.
inline xml_node child(xml_node n, std::string_view local) {
  for (xml_node c = n.first_child(); c; c = c.next_sibling())
    if (is(c, local)) return c;
  return {};
}

/// The value of an attribute by local name (`w:val`), empty when absent.
inline std::string_view attr(xml_node n, std::string_view local) {
  for (auto a = n.first_attribute(); a; a = a.next_attribute())
    if (local_name(a.name()) == local) return a.value();
  return {};
}

/// Parses a part in place: `bytes` is the document's storage and must outlive it.
inline bool parse_part(std::string& bytes, pugi::xml_document& doc, std::string& why) {
  auto result = doc.load_buffer_inplace(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!result) why = std::string(result.description()) + " at byte " + std::to_string(result.offset);
  return static_cast<bool>(result);
}

}  // namespace qspec::formats::ooxml
