#pragma once
/// Reading standards as they are published: HTML pages, XML, Word (DOCX),
/// Excel (XLSX) and PDF, beside plain text, markdown and CSV. Each reader
/// turns its format into one stream of blocks written as text, the text the
/// recognisers read, with, for every line, where it came from in the file.
///
///     auto loaded = qspec::load_document_file("unit.pdf");   // format sniffed
///     if (!loaded) { std::cerr << loaded.error; return 3; }
///     auto result = qspec::parse(loaded, {.source_name = "unit.pdf"});
///
/// The block stream, as every reader writes it:
/// - one block per line, a blank line between blocks;
/// - a heading: `#` repeated for its level, a space, its text (`## Duties`);
/// - a list item: its printed label (`1.1`, `(a)`, `P1`, `iv.`) or `-` for a
///   bullet, a space, its text; a nested list indented two spaces a level;
/// - a table row: `| cell | cell |` on one line; paragraphs inside a cell
///   joined by `<br>`, a cell's list items as `<br>- item`; a merged cell's
///   text in its first row and column only;
/// - emphasis as `**bold**` and `*italic*`;
/// - furniture the format marks as such (scripts, styles, navigation, page
///   headers and footers, comments) is left out and counted in a note.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "qspec/parse.hpp"

namespace qspec {

enum class input_format { text, html, xml, docx, xlsx, pdf };

[[nodiscard]] std::string_view to_string(input_format f);
/// "text", "html", "xml", "docx", "xlsx", "pdf" (also "md", "csv", "txt" for text).
[[nodiscard]] std::optional<input_format> input_format_from_string(std::string_view name);

/// The format of the bytes, told from their content (magic bytes, then
/// structure), never from a file name: `%PDF-` is PDF; a ZIP holding
/// `word/document.xml` is DOCX, `xl/workbook.xml` XLSX; markup that opens
/// with a doctype or an `<html>`, `<head>` or `<body>` element is HTML, other
/// markup that opens with `<?xml` or an element is XML; anything else text.
[[nodiscard]] input_format sniff_format(std::string_view bytes);

/// Bounds every reader keeps to, whatever the input claims.
struct read_limits {
  std::size_t max_unpacked = std::size_t{512} << 20;  ///< bytes read out of a ZIP in all
  std::uint32_t max_pages = 20000;                      ///< PDF pages read
  std::uint32_t max_depth = 2000;                       ///< markup nesting followed
};

/// Reads a document of any supported format (sniffed unless `forced`):
/// text through load_bytes, the others through their reader. A refused
/// input (a ZIP that is no DOCX, a PDF with no text layer, an encrypted
/// PDF, a limit passed) has `error` set and no text.
[[nodiscard]] loaded_text load_document(std::string_view bytes, std::optional<input_format> forced = std::nullopt,
                                        const read_limits& limits = {});

/// Reads a file ("-" for standard input) with load_document.
[[nodiscard]] loaded_text load_document_file(const std::string& path,
                                             std::optional<input_format> forced = std::nullopt,
                                             const read_limits& limits = {});

}  // namespace qspec
