#pragma once
// How list counters are printed, shared by the readers that number list
// items themselves (DOCX from numbering.xml, HTML from <ol type>), so that a
// label such as "iv" or "aa" is spelt alike whatever the format.
#include <string>

namespace qspec::formats {

/// `n` in roman numerals, lower case unless `upper`: roman_numeral(4, false)
/// is "iv", roman_numeral(3999, true) "MMMCMXCIX". Roman numerals stop at
/// 3999; outside 1…3999 `n` is printed in decimal ("0", "4000").
[[nodiscard]] std::string roman_numeral(long n, bool upper);

/// `n` in letters as HTML and CSS count them (bijective base 26): a…z, then
/// aa…az, ba…: alphabetic_number(27, false) is "aa", (53, false) "ba". A
/// count below 1 is printed in decimal.
[[nodiscard]] std::string alphabetic_number(long n, bool upper);

/// `n` in letters as Word counts them: a…z, then the letter repeated (27 is
/// "aa", 28 "bb", 53 "aaa"), at most 30 times; beyond 780 and below 1, `n`
/// is printed in decimal.
[[nodiscard]] std::string repeated_letter_number(long n, bool upper);

}  // namespace qspec::formats
