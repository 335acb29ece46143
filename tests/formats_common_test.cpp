// What the format readers share: how list counters are printed, NFC; and the
// table of input formats every user of qspec/formats.hpp reads.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "common/list_numbering.hpp"
#include "common/nfc.hpp"
#include "qspec/formats.hpp"

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

TEST_CASE("formats - nfc: composed, valid UTF-8") {
  CHECK(nfc("Prepare the work area") == "Prepare the work area");
  CHECK(nfc("Caf\x65\xCC\x81") == "Caf\xC3\xA9");                    // e + combining acute -> é
  CHECK(nfc("Caf\xC3\xA9 \xE2\x80\x93 bar") == "Caf\xC3\xA9 \xE2\x80\x93 bar");  // already NFC
  CHECK(nfc("a\xFF" "b") == "a\xEF\xBF\xBD" "b");                        // not UTF-8 -> U+FFFD
  CHECK(nfc("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // an encoded surrogate is no text
  CHECK(nfc("e\xCC\x81\xFF") == "\xC3\xA9\xEF\xBF\xBD");                 // both at once
  CHECK(nfc("") == "");
}

TEST_CASE("formats - one table of input formats: names, extensions, descriptions") {
  using qspec::input_format;
  std::set<input_format> seen;
  std::set<std::string_view> extensions;
  for (const auto& f : qspec::input_formats()) {
    CHECK(seen.insert(f.format).second);
    CHECK(qspec::to_string(f.format) == f.name);
    CHECK(qspec::input_format_from_string(f.name) == f.format);
    CHECK(!f.description.empty());
    REQUIRE(!f.extensions.empty());
    for (auto e : f.extensions) {
      CHECK(extensions.insert(e).second);
      CHECK(qspec::input_format_from_extension(e) == f.format);
    }
  }
  CHECK(seen.size() == 6);
  CHECK(extensions.size() == 10);
  CHECK(qspec::input_format_from_extension(".DOCX") == input_format::docx);
  CHECK(qspec::input_format_from_extension(".Htm") == input_format::html);
  CHECK(qspec::input_format_from_extension(".md") == input_format::text);
  CHECK(qspec::input_format_from_extension("docx") == std::nullopt);
  CHECK(qspec::input_format_from_extension(".rtf") == std::nullopt);
  CHECK(qspec::input_format_from_extension("") == std::nullopt);
  CHECK(qspec::input_format_from_string("csv") == input_format::text);
  CHECK(qspec::input_format_from_string("htm") == input_format::html);
  CHECK(qspec::input_format_from_string(".pdf") == std::nullopt);
  CHECK(qspec::input_format_from_string("rtf") == std::nullopt);
}
