#pragma once
// What the ZIP-package fuzz targets (DOCX, XLSX) share: a package built in
// memory around the fuzzer's bytes, and the reader's result checked.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "qspec/formats.hpp"

namespace fuzz_zip {

/// A ZIP holding the members given (name, content); empty when libzip fails.
inline std::string package(std::initializer_list<std::pair<const char*, std::string_view>> members) {
  std::string out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &error) : nullptr;
  if (!za) {
    if (src) zip_source_free(src);
    zip_error_fini(&error);
    return out;
  }
  zip_source_keep(src);
  for (const auto& [name, content] : members)
    zip_file_add(za, name, zip_source_buffer(za, content.data(), content.size(), 0), 0);
  if (zip_close(za) == 0 && zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    auto size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    if (size > 0) {
      out.resize(static_cast<std::size_t>(size));
      zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size));
    }
    zip_source_close(src);
  } else {
    zip_discard(za);
  }
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

/// Reads a package as `format` within small limits: refused with no text, or
/// text with one origin per line; anything else aborts.
inline void read_and_check(const std::string& package, qspec::input_format format) {
  qspec::read_limits limits;
  limits.max_unpacked = 64u << 20;
  limits.max_depth = 200;
  auto r = qspec::load_document(package, format, limits);
  if (!r.error.empty() && !r.text.empty()) std::abort();
  std::size_t lines = 0;
  for (char c : r.text) lines += c == '\n';
  if (!r.text.empty() && r.text.back() != '\n') ++lines;
  if (r.error.empty() && r.origins.size() != lines) std::abort();
}

}  // namespace fuzz_zip
