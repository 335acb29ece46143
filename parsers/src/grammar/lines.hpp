#pragma once
// The line grammars as plain functions, for the recognisers. X3 stays behind
// this header: callers see only std types.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/labels_ast.hpp"

namespace qspec::grammar {

/// A match of a grammar at the start of a line; `rest` is where the text
/// after it begins.
template <class T>
struct prefix_match {
  T value;
  std::size_t rest = 0;
};

std::optional<prefix_match<ast::unit_header>> match_unit_header(std::string_view line);
std::optional<prefix_match<ast::element_code>> match_element_code(std::string_view line);
/// "12. text" -> 12, rest at "text".
std::optional<prefix_match<unsigned>> match_number(std::string_view text);
/// "(b) text" -> 'b', rest at "text".
std::optional<prefix_match<char>> match_sub_item(std::string_view text);
/// A whole line of legend entries.
std::optional<std::vector<ast::legend_entry>> match_legend(std::string_view line);
/// A whole criteria table header row; the method codes of its columns.
std::optional<std::vector<std::string>> match_criteria_header(std::string_view line);

/// "Unit LMC A4 title…" or "Unit 70, title…"; rest at the title.
std::optional<prefix_match<ast::structure_unit>> match_structure_unit(std::string_view line);
/// A whole unit reference number, "K/104/0809".
bool is_unit_reference(std::string_view text);
/// A whole line "(HSC446)": the imported code as written, "HSC446".
std::optional<std::string> match_imported_code(std::string_view line);
/// A whole datasheet code cell, "E5*".
std::optional<ast::table_code> match_table_code(std::string_view cell);
/// A whole line "Level 4 (04639)".
std::optional<ast::level_number> match_level_number(std::string_view line);

/// "LMAC5A" opening a topic heading (not a sub-topic code).
std::optional<prefix_match<std::string>> match_topic_code(std::string_view line);
/// "LMAC5A/LM" opening a line.
std::optional<prefix_match<ast::subtopic_code>> match_subtopic_code(std::string_view line);
/// "- A. " or "A) " opening a line: the outcome letter.
std::optional<prefix_match<char>> match_outcome(std::string_view line);
/// " - 1. " or "4. " opening a line: the criterion number.
std::optional<prefix_match<unsigned>> match_criterion(std::string_view line);
/// A list's bullet opening a line, after its indent (" - ", "• ", "* ": list_bullet_length); rest at
/// the text. match_outcome and match_criterion read their markers after one too.
std::optional<std::size_t> match_bullet(std::string_view line);
/// A list item's bullet at the start of `text`, spaces after it included: a bullet glyph (`•` `◦`
/// `▪` `▫` `●` `○` `■` `□` `‣` `⁃` `∙`, or a symbol font's glyph a conversion left in the Private Use
/// Area, U+F020 to U+F0FF: Symbol's `U+F0B7`, Wingdings' `U+F0A7`), with a space or a tab after it or
/// right before its text ("•Text"); or a mark followed by a space or a tab: `-`, `*`, `o` (a word
/// processor's second level), `·` `–` `➢` `►` `▶` `♦` `❖` `✓` `✔` `→` `➔`. 0 where none.
std::size_t list_bullet_length(std::string_view text);
/// Whether `text` is a bullet glyph alone (see list_bullet_length; no mark that may be a word, a
/// dash or a tick).
bool bullet_glyph(std::string_view text);
/// The first "900-950 hours" in a sentence, with where it starts and ends.
struct hours_found {
  unsigned min = 0, max = 0;
  std::size_t begin = 0, end = 0;
};
std::optional<hours_found> find_hours_range(std::string_view text);

/// An item label opening `text`: "P1 text", "1.1Outline", "(a) text",
/// "Duty 4: text"; rest at the text after the label and its gap.
std::optional<prefix_match<ast::item_label>> match_item_label(std::string_view text);
/// "P1confirm …" -> P1, rest at "confirm": a label run into its text (see labels_def.hpp).
std::optional<prefix_match<ast::item_label>> match_glued_label(std::string_view text);
/// A document code opening `text`: "SCDHSC0033", "K/104/0809", "F36J 04".
/// Holds at least one capital and one digit.
std::optional<prefix_match<std::string>> match_document_code(std::string_view text);

}  // namespace qspec::grammar
