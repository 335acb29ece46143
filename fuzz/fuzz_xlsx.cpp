// Fuzz target: the XLSX reader. An input that starts as a ZIP is read as the
// package; any other input is wrapped as the first sheet of a workbook
// built here (with shared strings), so the fuzzer reaches the sheet walk
// (cell references, types, escapes, CSV quoting) and not only libzip.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "qspec/formats.hpp"

namespace {

constexpr std::string_view workbook =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
    R"(<sheet name="Sheet 1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
constexpr std::string_view rels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" )"
    R"(Target="worksheets/sheet1.xml"/></Relationships>)";
constexpr std::string_view strings =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Unit Title</t></si>)"
    R"(<si><t xml:space="preserve">SCQF
 Level</t></si><si><r><t>a, "b"</t></r><r><t>_x000D_</t></r></si></sst>)";

std::string wrap(std::string_view sheet) {
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
  zip_file_add(za, "xl/workbook.xml", zip_source_buffer(za, workbook.data(), workbook.size(), 0), 0);
  zip_file_add(za, "xl/_rels/workbook.xml.rels", zip_source_buffer(za, rels.data(), rels.size(), 0), 0);
  zip_file_add(za, "xl/sharedStrings.xml", zip_source_buffer(za, strings.data(), strings.size(), 0), 0);
  zip_file_add(za, "xl/worksheets/sheet1.xml", zip_source_buffer(za, sheet.data(), sheet.size(), 0), 0);
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
  auto r = qspec::load_document(package, qspec::input_format::xlsx, limits);
  // refused with no text, or text with one origin per line
  if (!r.error.empty() && !r.text.empty()) std::abort();
  std::size_t lines = 0;
  for (char c : r.text) lines += c == '\n';
  if (!r.text.empty() && r.text.back() != '\n') ++lines;
  if (r.error.empty() && r.origins.size() != lines) std::abort();
  return 0;
}
