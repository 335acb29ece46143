// Fuzz target: the loader (encodings, BOMs, binary refusal, NFC).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "qspec/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto loaded = qspec::load_bytes(std::string_view(reinterpret_cast<const char*>(data), size));
  // refused, or valid text: never both, never neither
  if (loaded.error.empty() == false && !loaded.text.empty()) std::abort();
  return 0;
}
