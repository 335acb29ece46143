// Fuzz target: one recogniser (QSPEC_FUZZ_KIND names it: a built-in layout or a
// profile; "detect" lets qspec choose), then the JSON and XML emitters. Checks that every line is
// accounted for and that the XML is well-formed.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "qspec/emit.hpp"
#include "qspec/parse.hpp"

#ifndef QSPEC_FUZZ_KIND
#define QSPEC_FUZZ_KIND "detect"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto loaded = qspec::load_bytes(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!loaded) return 0;
  qspec::parse_options options;
  // a built-in layout by its kind, else a profile by its name ("nos"), else detection
  const std::string_view kind = QSPEC_FUZZ_KIND;
  options.kind = qspec::document_kind_from_string(kind);
  if (!options.kind && kind != "detect") options.profile = std::string(kind);
  auto r = qspec::parse(loaded, options);
  const auto& c = r.doc.lines;
  if (c.blank + c.content + c.furniture + c.unclassified != c.lines) std::abort();  // a line lost
  for (const auto& d : r.diagnostics)
    if (d.code == "Q-E900") std::abort();  // an internal error caught by parse()
  std::ostringstream json, xml;
  qspec::emit(r.doc, r.diagnostics, qspec::format::json, json);
  qspec::emit(r.doc, r.diagnostics, qspec::format::xml, xml);
  pugi::xml_document doc;
  if (!doc.load_string(xml.str().c_str())) std::abort();  // XML 1.0 output must stay well-formed
  return 0;
}
