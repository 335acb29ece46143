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
///
/// DOCX: a paragraph is a block; its line breaks (`w:br`) continue the block
/// on the next line, its tabs stay tabs; the rows of one table follow each
/// other with no blank line. A heading's level comes from its style (outline
/// level, or a built-in "heading N", through basedOn); a list label is the
/// one Word prints, from numbering.xml. Tracked changes are read as
/// accepted; a field gives its result. Footnotes follow the body under
/// `# Footnotes`, each as `[n] text`, their marks in the text as `[n]`.
/// Origins: the paragraph of the body (those in tables counted), and for a
/// table row its row and cell 1 (the paragraph then is the row's first);
/// blank lines between blocks and footnotes have none.
///
/// XLSX: a workbook with one sheet holding cells is that sheet as RFC 4180
/// CSV (comma; a cell quoted when it holds a comma, a quote or a line break;
/// every row as wide as the widest; rows with no cell left out), the text a
/// CSV export gives, read as CSV is. Several sheets: each is `# name` and its
/// rows as table rows, line breaks in a cell as `<br>`. Values as stored:
/// strings, numbers in their stored form, TRUE/FALSE; number formats (dates
/// stored as serial numbers) are not applied. Origins: sheet, row, and the
/// cell in which the line begins.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "qspec/parse.hpp"

namespace qspec {

enum class input_format { text, html, xml, docx, xlsx, pdf };

/// One input format qspec reads: the name `--from` takes, the extensions a
/// file of it has (what a folder given as input contributes), and what it is.
struct input_format_info {
  input_format format;
  std::string_view name;                         ///< "docx"
  std::span<const std::string_view> extensions;  ///< {".docx"}: lower case, with the dot
  std::string_view description;                  ///< "Word documents"
};

/// Every input format, in the order help texts list them. The command line
/// reads its folder batches, its --from choices and its help from it:
///
///     for (const auto& f : qspec::input_formats()) std::cout << f.name << ": " << f.description << '\n';
[[nodiscard]] std::span<const input_format_info> input_formats();

/// "text", "html", "xml", "docx", "xlsx", "pdf": a format's name.
[[nodiscard]] std::string_view to_string(input_format f);
/// A format by its name, or by one of its extensions without the dot ("md",
/// "csv", "txt" for text, "htm" for HTML); nullopt for anything else.
[[nodiscard]] std::optional<input_format> input_format_from_string(std::string_view name);
/// The format a file extension names (".docx", any case), or nullopt: a file
/// in a folder given as input is read when its extension names one.
[[nodiscard]] std::optional<input_format> input_format_from_extension(std::string_view extension);

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
