#include "load/line_index.hpp"

#include "qspec/lines.hpp"

namespace qspec {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  if (text.empty()) return out;
  const line_index index(text);
  out.reserve(index.count());
  for (std::uint32_t l = 0; l < index.count(); ++l) out.push_back(index.line(l));
  return out;
}

}  // namespace qspec
