// Fuzz target: the DOCX reader. An input that starts as a ZIP is read as the
// package; any other input is wrapped as the word/document.xml of a package
// built here, so the fuzzer reaches the WordprocessingML walk (styles,
// numbering, tables, fields, tracked changes) and not only libzip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "zip_package.hpp"

namespace {

constexpr std::string_view numbering =
    R"(<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>)"
    R"x(<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/>)x"
    R"(</w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/></w:lvl></w:abstractNum>)"
    R"(<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>)";

std::string wrap(std::string_view document) {
  return fuzz_zip::package({{"word/document.xml", document}, {"word/numbering.xml", numbering}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string package = input.substr(0, 4) == "PK\x03\x04" ? std::string(input) : wrap(input);
  fuzz_zip::read_and_check(package, qspec::input_format::docx);
  return 0;
}
