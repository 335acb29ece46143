#pragma once
// Small helpers shared by the test files: corpus access and node look-up.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "qspec/parse.hpp"

namespace qspec::test {

inline std::string corpus_path(const std::string& name) { return std::string(QSPEC_CORPUS_DIR) + "/" + name; }

/// Loads and parses a corpus document; the test fails if it cannot be read.
inline parse_result parse_corpus(const std::string& name) {
  auto loaded = load_file(corpus_path(name));
  REQUIRE_MESSAGE(loaded, loaded.error);
  parse_options options;
  options.source_name = name;
  return parse(loaded, options);
}

inline parse_result parse_text(std::string text) {
  auto loaded = load_bytes(text);
  REQUIRE_MESSAGE(loaded, loaded.error);
  return parse(loaded);
}

inline std::size_t count_code(const parse_result& r, std::string_view code) {
  std::size_t n = 0;
  for (const auto& d : r.diagnostics) n += d.code == code;
  return n;
}

inline std::string pos(const source_span& s) {
  return std::to_string(s.begin.line) + ":" + std::to_string(s.begin.column) + "-" + std::to_string(s.end.line) + ":" +
         std::to_string(s.end.column);
}

}  // namespace qspec::test
