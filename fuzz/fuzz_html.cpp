// Fuzz target: the HTML reader (decoding, the nesting count, gumbo, the walk
// into the block stream), then the recognisers on what it wrote.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "qspec/formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  qspec::read_limits limits;
  limits.max_depth = 200;  // small, so that the cut is reached often
  auto loaded = qspec::load_document(std::string_view(reinterpret_cast<const char*>(data), size),
                                     qspec::input_format::html, limits);
  if (!loaded) {
    if (!loaded.text.empty() || !loaded.origins.empty()) std::abort();  // refused: no text
    return 0;
  }
  // exactly one origin per line of the block stream
  std::size_t lines = 0;
  for (char c : loaded.text) lines += c == '\n';
  if (!loaded.text.empty() && loaded.text.back() != '\n') ++lines;
  if (lines != loaded.origins.size()) std::abort();
  auto result = qspec::parse(loaded, {.source_name = "fuzz.html"});
  (void)result;
  return 0;
}
