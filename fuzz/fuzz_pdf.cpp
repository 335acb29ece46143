// Fuzz target: the PDF reader (poppler, then the layout pass) on any bytes
// that start as a PDF: refused with a reason, or text with one origin a line.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "qspec/formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  qspec::read_limits limits;
  limits.max_pages = 50;  // a fuzzed page tree may claim millions of pages
  auto loaded = qspec::load_document(bytes, qspec::input_format::pdf, limits);
  if (!loaded) {
    if (!loaded.text.empty() || !loaded.origins.empty()) std::abort();
    return 0;
  }
  // lines end in '\n'; a last line may not
  const auto lines = static_cast<std::size_t>(std::count(loaded.text.begin(), loaded.text.end(), '\n')) +
                     (!loaded.text.empty() && loaded.text.back() != '\n' ? 1 : 0);
  if (lines != loaded.origins.size()) std::abort();
  for (const auto& o : loaded.origins)
    if (o.page == 0 || o.page > limits.max_pages) std::abort();
  return 0;
}
