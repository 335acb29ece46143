#pragma once
// One function per reader, each in its own library target (formats/src/<format>/):
// bytes of that format in, the block stream of qspec/formats.hpp out, with
// loaded_text::format set and one origin per line of the text.
#include <string_view>

#include "qspec/formats.hpp"

namespace qspec::formats {

loaded_text read_html(std::string_view bytes, const read_limits& limits);
loaded_text read_xml(std::string_view bytes, const read_limits& limits);
loaded_text read_docx(std::string_view bytes, const read_limits& limits);
loaded_text read_xlsx(std::string_view bytes, const read_limits& limits);
loaded_text read_pdf(std::string_view bytes, const read_limits& limits);

}  // namespace qspec::formats
