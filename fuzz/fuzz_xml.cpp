// Fuzz target: the XML reader (pugixml's tree to the block stream), then the
// recognisers over what it wrote.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "qspec/formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  qspec::read_limits limits;
  limits.max_depth = 200;
  auto loaded = qspec::load_document(bytes, qspec::input_format::xml, limits);
  // refused, or text with one origin a line: never both, never neither
  if (!loaded.error.empty()) {
    if (!loaded.text.empty()) std::abort();
    return 0;
  }
  std::size_t lines = 0;
  for (char c : loaded.text) lines += c == '\n';
  if (!loaded.text.empty() && loaded.text.back() != '\n') ++lines;
  if (loaded.origins.size() != lines) std::abort();
  auto result = qspec::parse(loaded, {.source_name = "fuzz.xml"});
  (void)result;
  return 0;
}
