#pragma once
// Decoding to UTF-8 in bounded pieces (the load stage's converter, reachable
// by the tests so that they can use a small piece size).
#include <cstddef>
#include <string>
#include <string_view>

namespace qspec::load {

/// ICU counts lengths in int32_t: one call over a large input overflows (the
/// output buffer of 715 MB of Windows-1252 is over 2 GiB). Inputs are read in
/// pieces of at most this many bytes.
inline constexpr std::size_t decode_piece_bytes = std::size_t{1} << 24;

/// Decodes `bytes` from the encoding `from` (an ICU converter name) to UTF-8,
/// `piece` input bytes per ICU call; the converter keeps its state between
/// pieces, so a character cut by a piece boundary is decoded whole. Bytes
/// the encoding does not define become U+FFFD. False, with `error` set,
/// when ICU cannot convert.
///
///     std::string out, error;
///     decode_to_utf8("caf\xE9", "windows-1252", out, error);  // out == "café"
bool decode_to_utf8(std::string_view bytes, const char* from, std::string& out, std::string& error,
                    std::size_t piece = decode_piece_bytes);

}  // namespace qspec::load
