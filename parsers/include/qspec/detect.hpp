#pragma once
/// Document kind detection, shown: which kind a document is, how sure, and
/// the lines that decided it.
///
///     auto d = qspec::detect(qspec::load_file("unit.txt"));
///     std::cout << d.kind << " (" << d.score << ")\n";
///     for (auto& e : d.evidence) std::cout << "  line " << e.line << ": " << e.what << '\n';
#include <cstdint>
#include <string>
#include <vector>

namespace qspec {

struct detection_evidence {
  std::uint32_t line = 0;  ///< 1-based
  std::string what;        ///< "heading \"Performance criteria\""
  int weight = 0;
};

struct detection {
  std::string kind;        ///< a document kind ("unit_specification", "national_occupational_standard"…) or "unknown"
  std::string profile;     ///< the profile that decided it; empty for the built-in layouts
  int score = 0;
  int threshold = 0;
  std::vector<detection_evidence> evidence;
  /// Every profile's score, best first (for `qspec detect`).
  std::vector<detection> candidates;
};

}  // namespace qspec
