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
#include "qspec/model/tree.hpp"

namespace qspec {

enum class format { json, yaml, xml };

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

/// The version of the catalogue format, written at the root.
inline constexpr std::string_view catalogue_version = "1";

}  // namespace qspec
