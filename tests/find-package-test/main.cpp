// Parses a two-line unit specification and prints its unit code as JSON.
#include <iostream>
#include <sstream>

#include "qspec/emit.hpp"
#include "qspec/parse.hpp"

int main() {
  auto result = qspec::parse(std::string("F36J 04 (LMC B2) Title\n\n## LMC B2.1 Element\n"));
  std::ostringstream out;
  qspec::emit(result.doc, result.diagnostics, qspec::format::json, out);
  bool ok = result.doc.units.size() == 1 && result.doc.units[0].code == "F36J 04" &&
            out.str().find("\"code\": \"F36J 04\"") != std::string::npos;
  std::cout << (ok ? "consumer ok" : "consumer FAILED") << '\n';
  return ok ? 0 : 1;
}
