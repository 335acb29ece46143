// libzip reads the archive from memory; every member is read in pieces so
// that the running count of unpacked bytes can stop a zip bomb while it
// expands, whatever sizes its directory claims.
#include "zip/zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <vector>

namespace qspec::formats::zip {

archive::archive(std::string_view bytes, std::size_t max_unpacked) : max_unpacked_(max_unpacked) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src) {
    zip_ = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (!zip_) zip_source_free(src);
  }
  if (!zip_) error_ = std::string("the file is not a readable ZIP archive (") + zip_error_strerror(&error) + ")";
  zip_error_fini(&error);
}

archive::~archive() {
  if (zip_) zip_discard(zip_);  // frees the source too
}

bool archive::has(const std::string& name) const {
  return zip_ && zip_name_locate(zip_, name.c_str(), 0) >= 0;
}

bool archive::read(const std::string& name, std::string& out) {
  out.clear();
  if (!ok()) return false;
  const zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
  if (index < 0) return false;
  const std::size_t left = max_unpacked_ - unpacked_;
  auto too_big = [&] {
    error_ = "the member " + name + " of the archive expands beyond the " + std::to_string(max_unpacked_) +
             " bytes qspec reads out of one archive: refused as a possible zip bomb";
    out.clear();
    return false;
  };
  zip_stat_t st;
  zip_stat_init(&st);
  std::size_t claimed = left;  // what the member may give: its claim, never more than is left
  const bool known = zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE);
  if (known) {
    if (st.size > left) return too_big();
    claimed = static_cast<std::size_t>(st.size);
  }
  zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    error_ = "the member " + name + " of the archive cannot be opened (" + zip_strerror(zip_) + ")";
    return false;
  }
  // read straight into `out`: room for the claim and one byte more (to see whether the member gives
  // more than it claims), or growing from 64 KB when it claims nothing
  std::size_t have = 0;
  out.resize(known ? claimed + 1 : std::size_t{1} << 16);
  for (;;) {
    if (have == out.size()) out.resize(out.size() * 2);
    const zip_int64_t n = zip_fread(file, out.data() + have, out.size() - have);
    if (n < 0) {
      error_ = "the member " + name + " of the archive is damaged (" + zip_error_strerror(zip_file_get_error(file)) + ")";
      zip_fclose(file);
      out.clear();
      return false;
    }
    if (n == 0) break;
    const auto got = static_cast<std::size_t>(n);
    if (got > max_unpacked_ - unpacked_) {
      zip_fclose(file);
      return too_big();
    }
    if (have + got > claimed) {  // more than its directory entry says: read no further
      zip_fclose(file);
      error_ = "the member " + name + " of the archive expands beyond the " + std::to_string(claimed) +
               " bytes it claims: refused as damaged or a zip bomb";
      out.clear();
      return false;
    }
    unpacked_ += got;
    have += got;
  }
  zip_fclose(file);
  out.resize(have);
  return true;
}

std::string resolve_target(std::string_view part, std::string_view target) {
  std::string path;
  if (!target.empty() && target.front() == '/') {
    target.remove_prefix(1);
  } else {
    auto slash = part.rfind('/');
    if (slash != std::string_view::npos) path.assign(part.substr(0, slash));
  }
  // walk the segments, ".." taking one off
  std::vector<std::string> parts;
  auto push_all = [&parts](std::string_view s) {
    while (!s.empty()) {
      auto slash = s.find('/');
      auto seg = s.substr(0, slash);
      if (seg == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!seg.empty() && seg != ".") {
        parts.emplace_back(seg);
      }
      if (slash == std::string_view::npos) break;
      s.remove_prefix(slash + 1);
    }
  };
  push_all(path);
  push_all(target);
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out.push_back('/');
    out += p;
  }
  return out;
}

}  // namespace qspec::formats::zip
