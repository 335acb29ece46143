#pragma once
/// Diagnostics: what qspec recognised, repaired or could not place, with the
/// source span and the original text, in words a qualification developer uses.
#include <string>
#include <string_view>
#include <vector>

#include "qspec/model/source.hpp"

namespace qspec {

enum class severity { note, warning, error };

[[nodiscard]] std::string_view to_string(severity s);

/// Stable diagnostic codes. The letter after `Q-` is the usual severity.
namespace diag {
inline constexpr std::string_view decoded_legacy = "Q-N001";      // decoded from a non-UTF-8 encoding
inline constexpr std::string_view normalised_nfc = "Q-N002";      // line changed by NFC normalisation
inline constexpr std::string_view spaces_normalised = "Q-N003";   // no-break spaces read as spaces, invisible marks taken out
inline constexpr std::string_view double_spaced = "Q-N004";       // every line followed by a blank line, read without it
inline constexpr std::string_view markup_converted = "Q-N101";    // HTML / markdown turned into structure
inline constexpr std::string_view unclassified_line = "Q-W110";   // a line no recogniser placed
inline constexpr std::string_view unsupported_kind = "Q-W120";    // document kind not supported yet
inline constexpr std::string_view empty_input = "Q-W121";         // the input holds no text (empty, or blank lines only)
inline constexpr std::string_view rejoined_page_break = "Q-W201"; // text continued across a page break
inline constexpr std::string_view continued_row = "Q-W202";       // table row continued on a row with an empty first cell
inline constexpr std::string_view title_mismatch = "Q-W204";      // same code, different titles
inline constexpr std::string_view numbering = "Q-W205";           // numbering gap, repeat or backwards step
inline constexpr std::string_view missing_expansion = "Q-W206";   // evidence method without legend entry
inline constexpr std::string_view term_unresolved = "Q-N301";     // emphasised term with no glossary entry
inline constexpr std::string_view stray_label = "Q-N102";         // a lone label left by the conversion, kept as furniture
inline constexpr std::string_view prefix_inferred = "Q-N103";     // unit codes completed with a series prefix the document names
inline constexpr std::string_view conversion_debris = "Q-N104";   // glyphs garbled by the conversion, kept as furniture
inline constexpr std::string_view lost_beginning = "Q-W207";      // a list item that seems to have lost its beginning
inline constexpr std::string_view split_heading = "Q-W208";       // a heading run into a paragraph, split off
inline constexpr std::string_view reference_malformed = "Q-W210"; // unit reference number not letter/3 digits/4 digits
inline constexpr std::string_view reference_missing = "Q-W211";   // unit listed without a unit reference number
inline constexpr std::string_view unit_unresolved = "Q-W212";     // a note names a unit the structure does not list
inline constexpr std::string_view lost_bullet = "Q-W209";         // a list item printed without its bullet, kept in its list
inline constexpr std::string_view code_repaired = "Q-W213";       // a sub-topic code corrected from its topic and overview
inline constexpr std::string_view garbled_heading = "Q-W214";     // a heading garbled by the conversion, resolved from the overview
inline constexpr std::string_view missing_heading = "Q-W215";     // a heading missing altogether, inferred from the overview order
inline constexpr std::string_view number_inferred = "Q-W216";     // a criterion that lost its number, numbered from the sequence
inline constexpr std::string_view stray_number = "Q-W217";        // a lone number line that is not a criterion
inline constexpr std::string_view labels_detached = "Q-W218";    // labels printed apart from their texts, paired with them
inline constexpr std::string_view items_on_one_line = "Q-W219";  // several items run together on one line, split
inline constexpr std::string_view incomplete_item = "Q-W220";    // the document stops inside an item
inline constexpr std::string_view line_split = "Q-W221";         // a line holding several parts, split at headings and labels
inline constexpr std::string_view no_structure = "Q-W124";           // a kind's structure not found: only sections kept
inline constexpr std::string_view forced_kind_not_found = "Q-E122";  // --kind forced a kind whose structure is absent
inline constexpr std::string_view markup_left = "Q-W123";        // markup left in a node's text
inline constexpr std::string_view heading_variant = "Q-N105";    // a heading misspelt or worded otherwise, read as the profile's
inline constexpr std::string_view heading_joined = "Q-N106";     // a heading broken over two lines, joined
inline constexpr std::string_view field_within = "Q-N107";       // a field read from inside another field's value
inline constexpr std::string_view heading_column = "Q-N108";     // headings in a column beside the content, read first
inline constexpr std::string_view item_repeated = "Q-N116";      // an item printed again over its details, read as one
inline constexpr std::string_view cell_over_lines = "Q-N117";    // a cell of a table set with spaces, over lines, read whole
inline constexpr std::string_view heading_after_text = "Q-N118"; // a code line and title printed after the opening paragraphs, read as the standard's
inline constexpr std::string_view part_resumed = "Q-N109";       // a part goes on after headings and prose between its items
// qualification structure grids (CSV)
inline constexpr std::string_view header_cell_wrapped = "Q-N110";  // a column header holding a line break
inline constexpr std::string_view code_run_together = "Q-N111";    // an SQA code printed without its space
inline constexpr std::string_view cell_holds_two_values = "Q-N112"; // developer code and unit number in one cell
inline constexpr std::string_view heading_split_cell = "Q-N113";   // a pathway heading holding its name and rule
inline constexpr std::string_view heading_rule_next_row = "Q-N114"; // a group's rule on the row below its heading
inline constexpr std::string_view footer_metadata = "Q-N115";      // qualification facts in cells below the units
inline constexpr std::string_view stray_cell = "Q-W222";           // a value in a column the header does not name
inline constexpr std::string_view empty_cells = "Q-W223";          // a unit row with empty level, credit or date
inline constexpr std::string_view impossible_date = "Q-W224";      // a date that cannot be right
inline constexpr std::string_view unit_word_missing = "Q-W225";    // a unit number printed without "Unit"
inline constexpr std::string_view group_heading_missing = "Q-W226"; // unit rows with no group heading
inline constexpr std::string_view cell_not_read = "Q-W227";        // a cell whose value could not be read
inline constexpr std::string_view columns_interleaved = "Q-W228";  // two columns interleaved line by line, told apart
inline constexpr std::string_view label_run_into_text = "Q-W229"; // an item label printed with no space before its text, read apart
// readers of published formats (HTML, DOCX, XLSX, PDF)
inline constexpr std::string_view furniture_left_out = "Q-N130";  // parts the format marks as furniture (page headers, footers, comments), counted
inline constexpr std::string_view changes_resolved = "Q-N131";    // tracked changes read as accepted: insertions kept, deletions dropped
inline constexpr std::string_view part_damaged = "Q-W130";        // a part of the file that could not be read, left out
inline constexpr std::string_view pages_not_read = "Q-W140";      // a PDF longer than the page limit: the pages after it not read
inline constexpr std::string_view pages_without_text = "Q-W141";  // PDF pages with no text layer (scanned among text pages)
inline constexpr std::string_view reader_too_deep = "Q-W132";     // markup nested past read_limits::max_depth, read up to there
inline constexpr std::string_view list_markers_drawn = "Q-N134";  // PDF list items whose bullets were drawn as shapes, read as items
inline constexpr std::string_view word_broken_by_column = "Q-N135"; // a word a narrow PDF column broke with no hyphen, joined
inline constexpr std::string_view page_cut = "Q-W133";            // a web page that stops inside its text: an excerpt, its text read as cut there
inline constexpr std::string_view documents_disagree = "Q-W301";  // two documents give different values
inline constexpr std::string_view unit_not_listed = "Q-W302";     // a unit one structure document lists and another does not
inline constexpr std::string_view unit_unplaced = "Q-N303";       // a unit specification no structure lists
}  // namespace diag

struct diagnostic {
  std::string code;      ///< e.g. "Q-W201"
  severity level = severity::warning;
  source_span span;
  std::string message;   ///< one sentence, no trailing period
  std::string original;  ///< the source text concerned, as written
  std::string repaired;  ///< the value qspec used instead, when it repaired something
  std::string document;  ///< source name, set in catalogues of several documents
};

}  // namespace qspec
