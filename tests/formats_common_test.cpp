// What the format readers share: how list counters are printed.
#include <doctest/doctest.h>

#include "common/list_numbering.hpp"

using namespace qspec::formats;

TEST_CASE("formats - roman numerals stop at 3999") {
  CHECK(roman_numeral(1, false) == "i");
  CHECK(roman_numeral(4, false) == "iv");
  CHECK(roman_numeral(14, true) == "XIV");
  CHECK(roman_numeral(1994, false) == "mcmxciv");
  CHECK(roman_numeral(3999, true) == "MMMCMXCIX");
  CHECK(roman_numeral(4000, false) == "4000");
  CHECK(roman_numeral(0, false) == "0");
  CHECK(roman_numeral(-3, true) == "-3");
}

TEST_CASE("formats - letters as HTML counts them: z, aa, az, ba") {
  CHECK(alphabetic_number(1, false) == "a");
  CHECK(alphabetic_number(26, false) == "z");
  CHECK(alphabetic_number(27, false) == "aa");
  CHECK(alphabetic_number(28, true) == "AB");
  CHECK(alphabetic_number(52, false) == "az");
  CHECK(alphabetic_number(53, false) == "ba");
  CHECK(alphabetic_number(702, false) == "zz");
  CHECK(alphabetic_number(703, true) == "AAA");
  CHECK(alphabetic_number(0, false) == "0");
}

TEST_CASE("formats - letters as Word counts them: z, aa, bb, zz, aaa, up to 30 letters") {
  CHECK(repeated_letter_number(1, true) == "A");
  CHECK(repeated_letter_number(26, false) == "z");
  CHECK(repeated_letter_number(27, false) == "aa");
  CHECK(repeated_letter_number(28, false) == "bb");
  CHECK(repeated_letter_number(52, false) == "zz");
  CHECK(repeated_letter_number(53, true) == "AAA");
  CHECK(repeated_letter_number(780, false) == std::string(30, 'z'));
  CHECK(repeated_letter_number(781, false) == "781");
  CHECK(repeated_letter_number(0, false) == "0");
}
