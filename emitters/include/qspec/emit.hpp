#pragma once
/// Emitters: one catalogue format per file, all fed by one walk over the
/// model, so JSON, YAML and XML carry the same content in the same order.
///
///     qspec::emit(result.doc, result.diagnostics, qspec::format::yaml, std::cout);
#include <optional>
#include <string>
#include <ostream>
#include <string_view>
#include <vector>

#include "qspec/model/diagnostic.hpp"
#include "qspec/model/catalogue.hpp"
#include "qspec/model/document.hpp"
#include "qspec/model/tree.hpp"

namespace qspec {

/// Catalogue formats (json, yaml, xml: the whole tree, read back by
/// qspec/read.hpp), and two exports of the standard items alone: a CASE 1.1
/// CFPackage (case_package) and one CSV row per item (csv).
enum class format { json, yaml, xml, case_package, csv };

[[nodiscard]] std::optional<format> format_from_name(std::string_view name);

/// Writes the document (and its diagnostics) as a catalogue.
void emit(const document& doc, const std::vector<diagnostic>& diagnostics, format f, std::ostream& out);

/// Writes a merged catalogue (see qspec/catalogue.hpp).
void emit(const catalogue& cat, format f, std::ostream& out);

/// The catalogue of a document (or of a merge) as a generic tree, exactly as
/// the emitters would write it.
[[nodiscard]] tree::node to_tree(const document& doc, const std::vector<diagnostic>& diagnostics);
[[nodiscard]] tree::node to_tree(const catalogue& cat);

/// Writes a generic tree in a format: emit(to_tree(doc, d), f, out) writes
/// the same bytes as emit(doc, d, f, out).
void emit(const tree::node& root, format f, std::ostream& out);

/// Diagnostics alone as a JSON array (for `--diagnostics json`).
void emit_diagnostics_json(const std::vector<diagnostic>& diagnostics, std::string_view source, std::ostream& out);

/// The namespace UUID under which CASE identifiers are made: a node's
/// identifier is the UUIDv5 (SHA-1) of its stable id under this namespace, so
/// it stays the same across runs and across revisions of a document.
inline constexpr std::string_view case_namespace = "6b0d3c3e-5a1f-4d56-9a0e-71c9e3a1f2d4";

/// The CASE identifier of a stable id, e.g.
///     case_identifier("F36J04/B2.1/pc1")  // a lower-case UUID, the same every time
[[nodiscard]] std::string case_identifier(std::string_view stable_id);

/// The version of the catalogue format, written at the root.
inline constexpr std::string_view catalogue_version = "1";

}  // namespace qspec
