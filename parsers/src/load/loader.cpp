// Load stage: bytes -> UTF-8 NFC text. Encoding conversion and normalisation
// are ICU's; this file only decides which to apply and says what it did.
#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "qspec/parse.hpp"
#include "load/line_index.hpp"

namespace qspec {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// What a non-text input looks like, or empty when it may be text.
std::string describe_binary(std::string_view b) {
  if (starts_with(b, "%PDF-")) return "the input is a PDF document, not text: convert it to text first";
  if (starts_with(b, "PK\x03\x04")) {
    std::string_view head = b.substr(0, 4096);
    if (head.find("word/") != std::string_view::npos)
      return "the input is a Word (DOCX) document, not text: convert it to text first";
    return "the input is a ZIP archive, not text";
  }
  if (starts_with(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return "the input is an OLE2 file (legacy Word .doc or Excel .xls), not text";
  auto nul = b.find('\0');
  if (nul != std::string_view::npos)
    return "the input holds binary data (NUL byte at offset " + std::to_string(nul) + "), not text";
  return {};
}

bool convert_with_icu(std::string_view bytes, const char* from, std::string& out, std::string& error) {
  UErrorCode status = U_ZERO_ERROR;
  // UTF-8 output is at most 3 bytes per UTF-16 unit and 3 per single byte.
  out.resize(bytes.size() * 3 + 16);
  int32_t n = ucnv_convert("UTF-8", from, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) {
    error = std::string("cannot decode the input as ") + from + ": " + u_errorName(status);
    return false;
  }
  out.resize(static_cast<std::size_t>(n));
  return true;
}

bool valid_utf8(std::string_view s, std::size_t& bad_offset) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (i + 8 <= n) {  // ASCII fast path, eight bytes at a time
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      bad_offset = static_cast<std::size_t>(start);
      return false;
    }
  }
  return true;
}

class string_sink : public icu::ByteSink {
 public:
  explicit string_sink(std::string& out) : out_(out) {}
  void Append(const char* bytes, int32_t n) override { out_.append(bytes, static_cast<std::size_t>(n)); }

 private:
  std::string& out_;
};

/// Normalises to NFC line by line, only where a line is not already NFC, so
/// columns stay those of the source except on the lines reported.
void normalise_nfc(loaded_text& result) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  std::string& text = result.text;
  if (nfc->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status) ||
      U_FAILURE(status))
    return;
  std::string out;
  out.reserve(text.size());
  line_index lines(text);
  for (std::uint32_t l = 0; l < lines.count(); ++l) {
    auto [b, e] = lines.content(l);
    std::string_view line(text.data() + b, e - b);
    auto next = l + 1 < lines.count() ? lines.start(l + 1) : static_cast<std::uint32_t>(text.size());
    std::string_view ending(text.data() + e, next - e);
    status = U_ZERO_ERROR;
    icu::StringPiece piece(line.data(), static_cast<int32_t>(line.size()));
    if (nfc->isNormalizedUTF8(piece, status)) {
      out.append(line);
    } else {
      std::string normalised;
      string_sink sink(normalised);
      status = U_ZERO_ERROR;
      nfc->normalizeUTF8(0, piece, sink, nullptr, status);
      if (U_FAILURE(status)) normalised.assign(line);
      diagnostic d;
      d.code = diag::normalised_nfc;
      d.level = severity::note;
      d.span = {{l + 1, 1}, {l + 1, 1}};
      d.message = "line normalised to Unicode NFC; columns on this line count the normalised text";
      d.original = std::string(line);
      d.repaired = normalised;
      result.diagnostics.push_back(std::move(d));
      out.append(normalised);
    }
    out.append(ending);
  }
  text.swap(out);
}

}  // namespace

namespace {
/// A refused input keeps no text: error and text never both hold something.
loaded_text refused(loaded_text result, std::string why) {
  result.error = std::move(why);
  result.text.clear();
  result.diagnostics.clear();
  return result;
}
}  // namespace

loaded_text load_bytes(std::string_view bytes) {
  loaded_text result;
  if (bytes.size() >= 0xFFFFFFF0u) {
    result.error = "the input is larger than 4 GiB, more than one document can be";
    return result;
  }
  std::string error;
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    const bool le = bytes[0] == '\xFF';
    result.encoding = le ? "UTF-16LE" : "UTF-16BE";
    if (!convert_with_icu(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE", result.text, error))
      return refused(std::move(result), error);
  } else {
    if (auto what = describe_binary(bytes); !what.empty()) {
      result.error = what;
      return result;
    }
    std::string_view body = bytes;
    result.encoding = "UTF-8";
    if (starts_with(body, "\xEF\xBB\xBF")) body.remove_prefix(3);
    std::size_t bad = 0;
    if (valid_utf8(body, bad)) {
      result.text.assign(body);
    } else {
      result.encoding = "windows-1252";
      if (!convert_with_icu(body, "windows-1252", result.text, error)) return refused(std::move(result), error);
      diagnostic d;
      d.code = diag::decoded_legacy;
      d.level = severity::note;
      d.message = "the input is not valid UTF-8 (first bad byte at offset " + std::to_string(bad) +
                  "); decoded as Windows-1252";
      result.diagnostics.push_back(std::move(d));
    }
  }
  if (result.text.find('\0') != std::string::npos)
    return refused(std::move(result), "the decoded input holds NUL characters: binary data, not text");
  normalise_nfc(result);
  return result;
}

loaded_text load_file(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    bytes = std::move(ss).str();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      loaded_text r;
      r.error = "cannot open '" + path + "': " + std::strerror(errno);
      return r;
    }
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
      loaded_text r;
      r.error = "cannot read '" + path + "'";
      return r;
    }
  }
  return load_bytes(bytes);
}

}  // namespace qspec
