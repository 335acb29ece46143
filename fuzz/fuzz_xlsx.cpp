// Fuzz target: the XLSX reader. An input that starts as a ZIP is read as the
// package; any other input is wrapped as the first sheet of a workbook
// built here (with shared strings), so the fuzzer reaches the sheet walk
// (cell references, types, escapes, CSV quoting) and not only libzip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "zip_package.hpp"

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
  return fuzz_zip::package({{"xl/workbook.xml", workbook}, {"xl/_rels/workbook.xml.rels", rels},
                           {"xl/sharedStrings.xml", strings}, {"xl/worksheets/sheet1.xml", sheet}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string package = input.substr(0, 4) == "PK\x03\x04" ? std::string(input) : wrap(input);
  fuzz_zip::read_and_check(package, qspec::input_format::xlsx);
  return 0;
}
