#pragma once
/// Emitters: one catalogue format per file, all fed by one walk over the
/// model, so JSON, YAML and XML carry the same content in the same order.
///
///     qspec::emit(result.doc, result.diagnostics, qspec::format::yaml, std::cout);
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "qspec/model/diagnostic.hpp"
#include "qspec/model/catalogue.hpp"
#include "qspec/model/document.hpp"

namespace qspec {

enum class format { json, yaml, xml };

[[nodiscard]] std::optional<format> format_from_name(std::string_view name);

/// Writes the document (and its diagnostics) as a catalogue.
void emit(const document& doc, const std::vector<diagnostic>& diagnostics, format f, std::ostream& out);

/// Writes a merged catalogue (see qspec/catalogue.hpp).
void emit(const catalogue& cat, format f, std::ostream& out);

/// Diagnostics alone as a JSON array (for `--diagnostics json`).
void emit_diagnostics_json(const std::vector<diagnostic>& diagnostics, std::string_view source, std::ostream& out);

/// The version of the catalogue format, written at the root.
inline constexpr std::string_view catalogue_version = "1";

}  // namespace qspec
