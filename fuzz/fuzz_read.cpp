// Fuzz target: one catalogue reader (QSPEC_FUZZ_FORMAT: json, yaml or xml).
// What reads must emit and read back to the same tree.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "qspec/read.hpp"

#ifndef QSPEC_FUZZ_FORMAT
#define QSPEC_FUZZ_FORMAT "json"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto f = qspec::format_from_name(QSPEC_FUZZ_FORMAT);
  auto r = qspec::read_catalogue(std::string_view(reinterpret_cast<const char*>(data), size), f);
  if (!r) return 0;
  std::ostringstream out;
  qspec::emit(r.root, *f, out);
  auto again = qspec::read_catalogue(out.str(), f);
  if (!again) std::abort();
  std::ostringstream out2;
  qspec::emit(again.root, *f, out2);
  if (out.str() != out2.str()) std::abort();  // emit -> read -> emit must be stable
  return 0;
}
