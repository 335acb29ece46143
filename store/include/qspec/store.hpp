#pragma once
/// The SQLite catalogue: an embedded store for a library of standards.
///
///     qspec::store::run_summary s;
///     std::string error;
///     if (!qspec::store::update("standards.db", paths, parse_one, s, error)) ...
///
/// Each document is kept as the generic tree its catalogue is (see
/// qspec/model/tree.hpp): one row per node, its fields, its diagnostics, and
/// an FTS5 index over the nodes' texts. A run re-parses only the documents
/// whose content hash changed since they were stored, or whose catalogue
/// may now come out otherwise: read with other settings (parse_settings) or
/// into another catalogue version; for those it records
/// what changed, as `qspec diff` finds it between the catalogue stored before
/// and the new one (each document keeps its catalogue as JSON for that), so
/// "what changed since the last run" is a query.
/// One transaction per run: an interrupted run leaves the store as it was.
///
/// Tables: runs, documents, nodes, fields, diagnostics, changes, node_text
/// (FTS5). The README shows the queries they answer.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/tree.hpp"

namespace qspec::store {

/// Parses one document's bytes into its catalogue tree; false (with a
/// reason in `error`) when the input is refused.
using parse_function = std::function<bool(const std::string& path, std::string_view bytes, tree::node& root,
                                          std::string& error)>;

/// What besides a document's bytes decides its catalogue: a run with other
/// settings than those a document was stored with parses it again.
///
///     qspec::store::parse_settings settings{.forced_format = "docx", .profiles = {yaml_bytes}};
struct parse_settings {
  std::string forced_format;          ///< the format every input is read as (--from), "" when told from the content
  std::string forced_kind;            ///< the document kind or profile forced, "" when detected
  std::vector<std::string> profiles;  ///< the bytes of each profile added to the built-in ones (--profile), in order
};

/// The fingerprint a document's settings are stored under: FNV-1a, 64 bits,
/// as 16 hex digits, of the catalogue version and `settings`.
[[nodiscard]] std::string settings_fingerprint(const parse_settings& settings);

struct run_summary {
  std::int64_t run = 0;        ///< this run's row in `runs`
  std::size_t parsed = 0;      ///< documents parsed (new or changed)
  std::size_t reused = 0;      ///< documents whose content and settings had not changed
  std::size_t failed = 0;      ///< documents that could not be read or were refused
  std::size_t new_documents = 0;
  /// changes found in the documents parsed again, by kind of change (added,
  /// removed, modified, moved, renumbered), as `qspec diff` finds them
  std::map<std::string, std::size_t> changes;
  std::vector<std::string> failures;  ///< "path: reason", one per failed document
};

/// Adds the documents at `paths` to the store at `database` (created when
/// absent), in one transaction; `parse` parses with `settings`. False, with
/// `error`, when the store cannot be opened or written; documents that fail
/// are counted, not fatal.
[[nodiscard]] bool update(const std::string& database, const std::vector<std::string>& paths,
                          const parse_function& parse, const parse_settings& settings, run_summary& summary,
                          std::string& error);

/// The content hash a document is stored under: FNV-1a, 64 bits, as 16 hex digits.
[[nodiscard]] std::string content_hash(std::string_view bytes);

/// The hash of a node's own content: its kind and its fields (names and
/// values), neither its span nor its children, so a node that only moved
/// down the page keeps its hash.
[[nodiscard]] std::string node_hash(const tree::node& n);

}  // namespace qspec::store
