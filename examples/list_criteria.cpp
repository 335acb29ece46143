// Prints every performance criterion of the unit specifications given, with
// its id and source line: the public API in a dozen lines.
//
//   ./build/list_criteria corpus/unit-spec-F36J04-LMC-B2.txt
#include <iostream>

#include "qspec/parse.hpp"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    auto loaded = qspec::load_file(argv[i]);
    if (!loaded) {
      std::cerr << argv[i] << ": " << loaded.error << '\n';
      return 3;
    }
    auto result = qspec::parse(loaded, {.source_name = argv[i]});
    for (const auto& unit : result.doc.units)
      for (const auto& element : unit.elements)
        for (const auto& pc : element.criteria)
          std::cout << pc.id << " (line " << pc.span.begin.line << "): " << pc.text << '\n';
  }
}
