#pragma once
/// The review page: one self-contained HTML page (inline CSS and script, no
/// network) that sets a document's text beside what qspec recognised in it.
///
///     auto tree = qspec::to_tree(result.doc, result.diagnostics);
///     qspec::review::write_page(tree, result.doc.storage->source(), "unit.txt", out);
///
/// The source side numbers every line; furniture lines are greyed, lines no
/// recogniser placed and lines a diagnostic names (a repair among them) are
/// marked with it. The structure side is the catalogue tree, each node linked
/// to its span: selecting a node highlights its lines, selecting a line
/// selects the deepest node holding it. Counts head the page.
///
/// Opened with "?select=ID" the page selects the node of that id, with
/// "?line=N" the line N; the body's data-selected and data-highlighted
/// attributes then say which node and which lines (comma-separated) are
/// selected, for a browser to report; data-ready holds the number of nodes
/// once the script has run.
#include <ostream>
#include <string_view>

#include "qspec/model/tree.hpp"

namespace qspec::review {

/// `root` is a document's catalogue tree, `source` the text its spans count
/// lines of, `name` what the page is titled with.
void write_page(const tree::node& root, std::string_view source, std::string_view name, std::ostream& out);

/// Text made safe for HTML content and attribute values.
void write_escaped(std::ostream& out, std::string_view text);

}  // namespace qspec::review
