#pragma once
// Line index over a decoded buffer: where each line starts and where its
// content ends (before "\n", "\r\n" or a lone "\r"), and byte offset ->
// 1-based line:column in code points. A form feed opening a line (how
// pdftotext and print-to-text part pages) is a page break: the line begins a
// page, and its content begins after the form feed.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "qspec/model/source.hpp"

namespace qspec {

class line_index {
 public:
  explicit line_index(std::string_view text) : text_(text) {
    const char* p = text.data();
    const auto n = static_cast<std::uint32_t>(text.size());
    std::uint32_t start = 0;
    for (;;) {
      // the next terminator: memchr for both kinds, nearest wins
      const void* lf = std::memchr(p + start, '\n', n - start);
      std::uint32_t end = lf ? static_cast<std::uint32_t>(static_cast<const char*>(lf) - p) : n;
      if (const void* cr = std::memchr(p + start, '\r', end - start))
        end = static_cast<std::uint32_t>(static_cast<const char*>(cr) - p);
      starts_.push_back(start);
      std::uint32_t begin = start;
      while (begin < end && p[begin] == '\f') ++begin;
      if (begin > start) page_starts_.push_back(static_cast<std::uint32_t>(starts_.size() - 1));
      begins_.push_back(begin);
      ends_.push_back(end);
      ascii_.push_back(is_ascii(p + start, end - start));
      if (end >= n) break;
      std::uint32_t next = end + 1;
      if (p[end] == '\r' && next < n && p[next] == '\n') ++next;
      if (next >= n) break;  // a final terminator does not open another line
      start = next;
    }
  }

  [[nodiscard]] std::uint32_t count() const { return static_cast<std::uint32_t>(starts_.size()); }
  /// Where line l starts in the buffer, a form feed opening it included.
  [[nodiscard]] std::uint32_t start(std::uint32_t l) const { return starts_[l]; }
  /// [begin, end) of line l's content, without its terminator or a form feed opening it (0-based l).
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> content(std::uint32_t l) const {
    return {begins_[l], ends_[l]};
  }
  [[nodiscard]] std::string_view line(std::uint32_t l) const {
    return text_.substr(begins_[l], ends_[l] - begins_[l]);
  }
  /// The lines a form feed opens, in order: each begins a page.
  [[nodiscard]] const std::vector<std::uint32_t>& page_starts() const { return page_starts_; }

  /// 0-based line holding byte `offset`.
  [[nodiscard]] std::uint32_t line_of(std::uint32_t offset) const {
    if (last_line_ < starts_.size() && offset >= starts_[last_line_] &&
        (last_line_ + 1 == starts_.size() || offset < starts_[last_line_ + 1]))
      return last_line_;
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    last_line_ = static_cast<std::uint32_t>(it - starts_.begin()) - 1;
    return last_line_;
  }

  /// 1-based line and code-point column of the character holding byte `offset`.
  [[nodiscard]] source_position position(std::uint32_t offset) const {
    std::uint32_t l = line_of(offset);
    if (ascii_[l]) return {l + 1, offset - starts_[l] + 1};
    // Count lead bytes from the line start, or from the last position asked
    // for on this line: spans are mostly asked for in source order.
    std::uint32_t from = starts_[l], col = 0;
    if (cache_line_ == l && cache_offset_ <= offset) {
      from = cache_offset_ + 1;
      col = cache_column_;
    }
    const char* p = text_.data();
    if (!text_.empty()) {
      const auto stop = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()) - 1) + 1;
      std::uint32_t i = from;
      // eight bytes at a time: a byte starts a character unless it is 10xxxxxx
      for (; i + 8 <= stop; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        const std::uint64_t continuation = w & ~(w << 1) & 0x8080808080808080ull;
        col += 8 - static_cast<std::uint32_t>(__builtin_popcountll(continuation));
      }
      for (; i < stop; ++i)
        if ((static_cast<unsigned char>(p[i]) & 0xC0) != 0x80) ++col;
    }
    if (col == 0) col = 1;
    cache_line_ = l;
    cache_offset_ = offset;
    cache_column_ = col;
    return {l + 1, col};
  }

  /// Span of the bytes [begin, end) (end exclusive), as an inclusive span.
  [[nodiscard]] source_span span(std::uint32_t begin, std::uint32_t end) const {
    if (end <= begin) return {position(begin), position(begin)};
    return {position(begin), position(end - 1)};
  }

 private:
  static bool is_ascii(const char* p, std::uint32_t n) {
    std::uint32_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) return false;
    }
    for (; i < n; ++i)
      if (static_cast<unsigned char>(p[i]) >= 0x80) return false;
    return true;
  }

  std::string_view text_;
  std::vector<std::uint32_t> starts_;
  std::vector<std::uint32_t> begins_;  // after a form feed opening the line
  std::vector<std::uint32_t> ends_;
  std::vector<std::uint32_t> page_starts_;
  std::vector<bool> ascii_;  // lines with no multi-byte character: column = byte offset + 1
  // the last look-ups, so that walking a long line stays linear
  mutable std::uint32_t last_line_ = 0;
  mutable std::uint32_t cache_line_ = UINT32_MAX;
  mutable std::uint32_t cache_offset_ = 0;
  mutable std::uint32_t cache_column_ = 0;
};

}  // namespace qspec
