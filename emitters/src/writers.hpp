#pragma once
// One entry point per format; emit() picks among them.
#include <ostream>
#include <vector>

#include "qspec/model/diagnostic.hpp"
#include "qspec/model/document.hpp"

namespace qspec::emitters {
void write_json(const document& doc, const std::vector<diagnostic>& diagnostics, std::ostream& out);
void write_yaml(const document& doc, const std::vector<diagnostic>& diagnostics, std::ostream& out);
void write_xml(const document& doc, const std::vector<diagnostic>& diagnostics, std::ostream& out);
}  // namespace qspec::emitters
