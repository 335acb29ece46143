#pragma once
// Members of an Office Open XML package (a ZIP) read into memory, with the
// bytes read out of the archive counted against read_limits::max_unpacked:
// a member that claims, or expands to, more than is left is refused before
// or while it is read, never after.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

struct zip;

namespace qspec::formats::zip {

class archive {
 public:
  /// Opens the bytes as a ZIP; on failure `ok()` is false and `error()` says why.
  archive(std::string_view bytes, std::size_t max_unpacked);
  archive(const archive&) = delete;
  archive& operator=(const archive&) = delete;
  ~archive();

  [[nodiscard]] bool ok() const { return zip_ != nullptr && error_.empty(); }
  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] bool has(const std::string& name) const;

  /// Reads a member whole into `out`. False when it is missing (error()
  /// stays empty) or cannot be read (error() says why; the archive is then
  /// spent: no later read succeeds).
  bool read(const std::string& name, std::string& out);

  [[nodiscard]] std::size_t unpacked() const { return unpacked_; }

 private:
  ::zip* zip_ = nullptr;
  std::size_t max_unpacked_;
  std::size_t unpacked_ = 0;
  std::string error_;
};

/// A path relative to a package part resolved against the part's folder
/// ("word/document.xml" + "header1.xml" -> "word/header1.xml"; "/xl/x.xml" -> "xl/x.xml").
[[nodiscard]] std::string resolve_target(std::string_view part, std::string_view target);

}  // namespace qspec::formats::zip
