#pragma once
// Line index over a decoded buffer: where each line starts and where its
// content ends (before "\n", "\r\n" or a lone "\r"), and byte offset ->
// 1-based line:column in code points.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "qspec/model/source.hpp"

namespace qspec {

class line_index {
 public:
  explicit line_index(std::string_view text) : text_(text) {
    starts_.push_back(0);
    const char* p = text.data();
    const auto n = static_cast<std::uint32_t>(text.size());
    bool ascii = true;
    for (std::uint32_t i = 0; i < n; ++i) {
      char c = p[i];
      if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
      if (c == '\n' || c == '\r') {
        ends_.push_back(i);
        ascii_.push_back(ascii);
        ascii = true;
        if (c == '\r' && i + 1 < n && p[i + 1] == '\n') ++i;
        starts_.push_back(i + 1);
      }
    }
    ends_.push_back(n);
    ascii_.push_back(ascii);
    // A final line terminator does not open another line.
    if (starts_.size() > 1 && starts_.back() == n) {
      starts_.pop_back();
      ends_.pop_back();
      ascii_.pop_back();
    }
  }

  [[nodiscard]] std::uint32_t count() const { return static_cast<std::uint32_t>(starts_.size()); }
  [[nodiscard]] std::uint32_t start(std::uint32_t l) const { return starts_[l]; }
  /// [begin, end) of line l's content, without its terminator (0-based l).
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> content(std::uint32_t l) const {
    return {starts_[l], ends_[l]};
  }
  [[nodiscard]] std::string_view line(std::uint32_t l) const {
    return text_.substr(starts_[l], ends_[l] - starts_[l]);
  }

  /// 0-based line holding byte `offset`.
  [[nodiscard]] std::uint32_t line_of(std::uint32_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<std::uint32_t>(it - starts_.begin()) - 1;
  }

  /// 1-based line and code-point column of the character holding byte `offset`.
  [[nodiscard]] source_position position(std::uint32_t offset) const {
    std::uint32_t l = line_of(offset);
    if (ascii_[l]) return {l + 1, offset - starts_[l] + 1};
    std::uint32_t col = 0;
    const char* p = text_.data();
    for (std::uint32_t i = starts_[l]; i <= offset && i < text_.size(); ++i)
      if ((static_cast<unsigned char>(p[i]) & 0xC0) != 0x80) ++col;
    return {l + 1, col == 0 ? 1 : col};
  }

  /// Span of the bytes [begin, end) (end exclusive), as an inclusive span.
  [[nodiscard]] source_span span(std::uint32_t begin, std::uint32_t end) const {
    if (end <= begin) return {position(begin), position(begin)};
    return {position(begin), position(end - 1)};
  }

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;
  std::vector<std::uint32_t> ends_;
  std::vector<bool> ascii_;  // lines with no multi-byte character: column = byte offset + 1
};

}  // namespace qspec
