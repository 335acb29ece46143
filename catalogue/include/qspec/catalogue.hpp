#pragma once
/// Merging parsed documents into one catalogue.
///
///     std::vector<qspec::document> docs;  std::vector<std::vector<qspec::diagnostic>> diags;
///     ... parse each file, push its doc and diagnostics ...
///     qspec::catalogue c = qspec::merge(std::move(docs), std::move(diags));
///
/// Qualification documents that describe the same qualification (same
/// number, or mostly the same units) become one qualification; each unit
/// specification is joined to the unit of that code. Where two documents
/// disagree, both values are kept in a `conflict` with their sources, and a
/// diagnostic names both documents and spans. Texts are compared in a normal
/// form (see same_text), codes without spaces and case (see same_code).
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/catalogue.hpp"

namespace qspec {

[[nodiscard]] catalogue merge(std::vector<document> documents, std::vector<std::vector<diagnostic>> diagnostics);

/// Texts equal once NFC-normalised, case-folded, with curly quotes, dashes
/// and no-break spaces made plain, whitespace runs collapsed and a final
/// full stop ignored.
[[nodiscard]] bool same_text(std::string_view a, std::string_view b);
[[nodiscard]] std::string comparable_text(std::string_view s);

/// Codes equal ignoring spaces and case: "HSC446" = "HSC 446".
[[nodiscard]] bool same_code(std::string_view a, std::string_view b);

}  // namespace qspec
