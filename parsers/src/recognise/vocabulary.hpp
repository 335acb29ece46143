#pragma once
// The words of the outline engine and its detection: comparing a line with a
// profile's headings, lead-ins and labels (ASCII case folding, "&" as "and",
// one slip allowed in a long heading), sentence shape, furniture patterns,
// and label shapes against printed labels.
#include <string>
#include <string_view>
#include <vector>

#include "grammar/labels_ast.hpp"
#include "qspec/profile.hpp"

namespace qspec::vocab {

// ASCII only, on purpose: the vocabulary and labels are ASCII, and a byte of a
// multi-byte character is never taken for a letter.
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
/// A line folded for comparison with the profile's vocabulary: ASCII lower
/// case, markup marks dropped, "&" as "and", runs of space as one, closing
/// ":" "." and spaces dropped.
std::string fold(std::string_view s);
/// Edit distance of a and b, or limit + 1 once it exceeds limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);
/// A whole folded line against a folded phrase: equal, or one slip in ten
/// letters ("Performace criteria"), two in eighteen.
bool same_phrase(std::string_view line, std::string_view phrase);
/// Length of the prefix of `text` that spells `phrase` (case and runs of
/// space ignored, "&" for "and"), ending at a word edge; npos when it does not.
std::size_t phrase_prefix(std::string_view text, std::string_view phrase);
/// Whether a text closes like a sentence or a lead-in: ".", ";", "?", "!" or
/// ":", before closing quotes or brackets.
bool ends_sentence(std::string_view t);

/// Whether `t` holds a year (1900-2099) as a number of its own: "March 2019", "2021-22".
bool holds_year(std::string_view t);
/// A value that stops on "," or ";" goes on: a list wrapped onto the next line.
bool continues_list(std::string_view t);
/// Whether `next`, the line under a title's last line, is the title wrapped: never after a
/// sentence's end or a colon; else where it begins in lower case, or the title so far ends with one
/// of `joining_words` as written ("… Leadership and" / "Management …"), or both are in capitals
/// ("UNIT 2: EQUALITY, DIVERSITY" / "AND INCLUSION IN HEALTH,").
bool title_wraps(std::string_view title, std::string_view next, const std::vector<std::string>& joining_words);
/// Whether a text opens with a capital (or a quotation mark).
bool starts_upper(std::string_view t);
/// Whether a text opens with a letter in lower case.
inline bool starts_lower(std::string_view t) { return !t.empty() && t[0] >= 'a' && t[0] <= 'z'; }
/// Whole-line furniture pattern: "#" a number, "*" any text, case ignored.
bool furniture_match(std::string_view line, std::string_view pattern);
/// Whether a line is shaped as a heading: a few words, each longer one
/// capitalised (or the whole line in capitals), no sentence end, no digit
/// first ("Additional Information", "LINKS TO OTHER NOS").
bool heading_shaped(std::string_view t);
/// Whether a word is shaped as `shape` says: `#` a run of digits, `A` one
/// capital letter, any other character itself ("#/#/#" fits "610/0103/6").
bool fits_shape(std::string_view word, std::string_view shape);
/// The word opening `t` when it could be a code printed as a label ("2A.P1"): up to a space, a tab
/// or a ":", twelve characters at most, ending with a digit; empty otherwise.
std::string_view code_word(std::string_view t);
/// Whether a code fits one of a band's shapes ("2A.P1" fits pass's "#A.P#").
bool fits_band(std::string_view code, const code_band& band);
/// The band whose shapes a code fits, or nothing.
const code_band* band_of(std::string_view code, const std::vector<code_band>& bands);
/// Whether a printed label has a profile's label shape ("P#" fits "P3").
bool label_fits(const label_pattern& p, const grammar::ast::item_label& l);
/// A label's code: without punctuation or spaces, the words of its prefix each
/// with a capital ("Learning outcome 1" -> "LearningOutcome1", "(a)" -> "a").
std::string code_of(const grammar::ast::item_label& l);

}  // namespace qspec::vocab
