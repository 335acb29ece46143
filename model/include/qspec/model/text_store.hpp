#pragma once
/// Owner of a document's text: the decoded source buffer and an arena for the
/// few strings that differ from it (markup removed, lines rejoined). Nodes hold
/// string_views into it; copies of a document share one store.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qspec {

class text_store {
 public:
  explicit text_store(std::string source) : source_(std::move(source)) {}
  text_store(const text_store&) = delete;
  text_store& operator=(const text_store&) = delete;

  [[nodiscard]] std::string_view source() const { return source_; }

  /// Returns a view of `s` that lives as long as the store: a view into the
  /// source when `s` already is one, otherwise a copy in the arena.
  std::string_view keep(std::string_view s);

 private:
  std::string source_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace qspec
