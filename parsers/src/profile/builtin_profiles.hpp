#pragma once
// The files of profiles/, embedded by cmake/embed_profiles.cmake.
#include <cstddef>

namespace qspec {
struct embedded_profile {
  const char* file;
  const char* text;
};
extern const embedded_profile builtin_profile_files[];
extern const std::size_t builtin_profile_count;
}  // namespace qspec
