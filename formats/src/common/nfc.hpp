#pragma once
// Text as every reader hands it on: valid UTF-8 in Unicode NFC.
#include <string>

namespace qspec::formats {

/// `text` as valid UTF-8 normalised to NFC (ICU): a byte sequence that is
/// not UTF-8 becomes U+FFFD, "e" + U+0301 becomes "é"; text that already is
/// both (ASCII always is) comes back unchanged, without a copy.
[[nodiscard]] std::string nfc(std::string text);

}  // namespace qspec::formats
