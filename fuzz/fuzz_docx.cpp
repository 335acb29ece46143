// Fuzz target: the DOCX reader. An input that starts as a ZIP is read as the
// package; any other input is wrapped as the word/document.xml of a package
// built here, so the fuzzer reaches the WordprocessingML walk (styles,
// numbering, tables, fields, tracked changes) and not only libzip.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "qspec/formats.hpp"

namespace {

constexpr std::string_view numbering =
    R"(<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>)"
    R"x(<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/>)x"
    R"(</w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/></w:lvl></w:abstractNum>)"
    R"(<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>)";

std::string wrap(std::string_view document) {
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
  zip_file_add(za, "word/document.xml", zip_source_buffer(za, document.data(), document.size(), 0), 0);
  zip_file_add(za, "word/numbering.xml", zip_source_buffer(za, numbering.data(), numbering.size(), 0), 0);
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string package = input.substr(0, 4) == "PK\x03\x04" ? std::string(input) : wrap(input);
  qspec::read_limits limits;
  limits.max_unpacked = 64u << 20;
  limits.max_depth = 200;
  auto r = qspec::load_document(package, qspec::input_format::docx, limits);
  // refused with no text, or text with one origin per line
  if (!r.error.empty() && !r.text.empty()) std::abort();
  std::size_t lines = 0;
  for (char c : r.text) lines += c == '\n';
  if (!r.text.empty() && r.text.back() != '\n') ++lines;
  if (r.error.empty() && r.origins.size() != lines) std::abort();
  return 0;
}
