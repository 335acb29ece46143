#pragma once
/// The public parsing API. It hides the grammars: give it bytes, get back a
/// document and its diagnostics. Bad text never throws; only input that is
/// not text at all (a PDF, a ZIP, binary data) is refused, with a reason.
///
///     auto loaded = qspec::load_file("unit.txt");
///     if (!loaded) { std::cerr << loaded.error; return 3; }
///     auto result = qspec::parse(loaded.text, {.source_name = "unit.txt"});
///     for (auto& u : result.doc.units) std::cout << u.title << '\n';
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qspec/detect.hpp"
#include "qspec/model/diagnostic.hpp"
#include "qspec/model/document.hpp"
#include "qspec/profile.hpp"

namespace qspec {

/// Text decoded to UTF-8 and normalised to NFC, or the reason it could not be.
struct loaded_text {
  std::string text;                      ///< UTF-8, NFC, BOM removed
  std::string encoding;                  ///< "UTF-8", "UTF-16LE", "windows-1252", …
  std::vector<diagnostic> diagnostics;   ///< notes about decoding and normalisation
  std::string error;                     ///< non-empty when the input was refused
  /// "text", or the format a reader converted from (qspec/formats.hpp):
  /// then `text` is the reader's block stream and origins[i] says where
  /// line i+1 of it came from in the file. A double-spaced text read
  /// without its blank lines (read_double_spacing) has origins too.
  std::string format = "text";
  std::vector<source_origin> origins;
  explicit operator bool() const { return error.empty(); }
};

/// Decodes raw bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// Windows-1252 when the bytes are not valid UTF-8. Refuses binary input.
[[nodiscard]] loaded_text load_bytes(std::string_view bytes);

/// A double-spaced text (every line followed by a blank line, the text's own blank lines now three
/// or more; ten lines of text at least, no line right under another, every run of blank lines odd,
/// one of three or more, and a paragraph wrapped over two lines that one blank line parts or a
/// second run of three or more) is read
/// with those blank lines taken out: of a run between two lines of text, one blank line kept for
/// each two past the first (none of one, one of three), and `origins` maps each line read to its
/// line in the file. One note (Q-N004) says so. load_bytes applies it before NFC.
void read_double_spacing(loaded_text& loaded);

/// Reads the spaces of `loaded.text` as a reader does: a no-break space (and
/// the other fixed-width spaces, U+2002-U+200A, U+202F) as a space, and the
/// marks that print nothing -- a soft hyphen, a zero-width space, a word
/// joiner, a byte-order mark inside the text -- taken out, line by line, so
/// that "P1<no-break space>check" is a label and its text and a word broken
/// by an invisible hyphen is one word. One note (Q-N003) says how many and on
/// which lines: columns on those lines count the text as read. load_bytes and
/// load_document apply it.
void normalise_spaces(loaded_text& loaded);

/// Reads a file's bytes ("-" for standard input); the reason on failure,
/// empty on success.
[[nodiscard]] std::string read_input(const std::string& path, std::string& bytes);

/// Reads a file ("-" for standard input) and decodes it with load_bytes.
[[nodiscard]] loaded_text load_file(const std::string& path);

struct parse_options {
  std::string source_name = "-";
  /// Force a document kind instead of detecting it. (Initialised, so that
  /// `{.source_name = …}` draws no -Wmissing-field-initializers.)
  std::optional<document_kind> kind = std::nullopt;
  /// Force a family by profile name or its document kind ("nos",
  /// "regulated_unit"); a kind whose structure is then not found is an error.
  std::string profile = {};
  /// The profiles to detect and read with; the built-in ones when null.
  const profile_set* profiles = nullptr;
};

struct parse_result {
  document doc;
  std::vector<diagnostic> diagnostics;
  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] bool has_warnings() const;
};

/// Parses decoded text (see load_bytes). Never throws on bad text.
[[nodiscard]] parse_result parse(std::string text, const parse_options& options = {});

/// Which kind the text is, with the score and the lines that decided it.
[[nodiscard]] detection detect(std::string text, const parse_options& options = {});

/// Convenience: load_bytes then parse; loader diagnostics come first.
[[nodiscard]] parse_result parse(const loaded_text& loaded, const parse_options& options = {});

}  // namespace qspec
