#pragma once
/// Reading catalogues back: JSON, YAML or XML that qspec wrote, into the
/// generic catalogue tree (qspec/model/tree.hpp). Emitting what was read
/// gives back the same bytes.
///
///     auto r = qspec::read_catalogue(text);            // format detected
///     if (!r) { std::cerr << r.error; return 2; }
///     qspec::emit(r.root, qspec::format::yaml, std::cout);
#include <optional>
#include <string>
#include <string_view>

#include "qspec/emit.hpp"
#include "qspec/model/tree.hpp"

namespace qspec {

struct read_result {
  tree::node root;
  std::string error;  ///< why the text is not a qspec catalogue; empty on success
  bool case_package = false;  ///< the text was a CASE package
  explicit operator bool() const { return error.empty(); }
};

/// The catalogue format of a text, from its first character ('{' JSON,
/// '<' XML, "kind:" YAML), or nullopt when it looks like none.
[[nodiscard]] std::optional<format> sniff_catalogue(std::string_view text);

/// Reads a catalogue; the format is sniffed unless given. A CASE package
/// (JSON with a CFDocument and CFItems, CASE 1.0 or 1.1) is read into the
/// same tree: exporting it again as CASE gives the same package.
[[nodiscard]] read_result read_catalogue(std::string_view text, std::optional<format> f = std::nullopt);

/// A catalogue tree as a CASE package holds it: exported as CASE and read
/// back, so it holds the standard items alone, nested as the package nests
/// them. A document compares with a package through this view:
///
///     auto d = qspec::diff::compare(qspec::case_view(document_tree), package_tree);
[[nodiscard]] tree::node case_view(const tree::node& root);

}  // namespace qspec
