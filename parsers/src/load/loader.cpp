// Load stage: bytes -> UTF-8 NFC text. Encoding conversion and normalisation
// are ICU's; this file only decides which to apply and says what it did.
#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <vector>

#include "qspec/parse.hpp"
#include "load/decode.hpp"
#include "load/line_index.hpp"

namespace qspec {

namespace load {

bool decode_to_utf8(std::string_view bytes, const char* from, std::string& out, std::string& error,
                    std::size_t piece) {
  auto fail = [&](UErrorCode status) {
    error = std::string("cannot decode the input as ") + from + ": " + u_errorName(status);
    return false;
  };
  using converter = std::unique_ptr<UConverter, decltype(&ucnv_close)>;
  UErrorCode status = U_ZERO_ERROR;
  converter source(ucnv_open(from, &status), ucnv_close);
  if (U_FAILURE(status)) return fail(status);
  converter utf8(ucnv_open("UTF-8", &status), ucnv_close);
  if (U_FAILURE(status)) return fail(status);
  piece = std::max<std::size_t>(piece, 1);
  std::vector<UChar> pivot(1 << 12);
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  std::string buffer(std::size_t{1} << 16, '\0');
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 8);
  const char* next = bytes.data();
  const char* const end = bytes.data() + bytes.size();
  bool reset = true;
  do {
    const char* limit = next + std::min<std::size_t>(piece, static_cast<std::size_t>(end - next));
    const bool flush = limit == end;  // only the last piece may end a character
    for (;;) {
      char* target = buffer.data();
      status = U_ZERO_ERROR;
      ucnv_convertEx(utf8.get(), source.get(), &target, buffer.data() + buffer.size(), &next, limit, pivot.data(),
                     &pivot_source, &pivot_target, pivot.data() + pivot.size(), reset, flush, &status);
      reset = false;
      out.append(buffer.data(), static_cast<std::size_t>(target - buffer.data()));
      if (status == U_BUFFER_OVERFLOW_ERROR) continue;  // the buffer is full: drain it and go on
      if (U_FAILURE(status)) return fail(status);
      break;
    }
  } while (next < end);
  return true;
}

}  // namespace load

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// What a non-text input looks like, or empty when it may be text.
std::string describe_binary(std::string_view b) {
  if (starts_with(b, "%PDF-")) return "the input is a PDF document, not text: load_document (qspec/formats.hpp) reads it";
  if (starts_with(b, "PK\x03\x04")) {
    std::string_view head = b.substr(0, 4096);
    if (head.find("word/") != std::string_view::npos)
      return "the input is a Word (DOCX) document, not text: load_document (qspec/formats.hpp) reads it";
    return "the input is a ZIP archive, not text";
  }
  if (starts_with(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return "the input is an OLE2 file (legacy Word .doc or Excel .xls), not text";
  auto nul = b.find('\0');
  if (nul != std::string_view::npos)
    return "the input holds binary data (NUL byte at offset " + std::to_string(nul) + "), not text";
  return {};
}

/// Whether the eight bytes at `p` are all ASCII.
bool ascii8(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return (w & 0x8080808080808080ull) == 0;
}

bool valid_utf8(std::string_view s, std::size_t& bad_offset) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  // offsets are size_t: an int32_t one goes negative past 2 GiB
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    if (i + 8 <= n && ascii8(p + i)) {  // ASCII fast path, eight bytes at a time
      i += 8;
      continue;
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    // one character is at most 4 bytes: ICU's int32_t index stays small
    int32_t k = 0;
    const auto window = static_cast<int32_t>(std::min<std::size_t>(4, n - i));
    UChar32 c;
    U8_NEXT(p + i, k, window, c);
    if (c < 0) {
      bad_offset = i;
      return false;
    }
    i += static_cast<std::size_t>(k);
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
  // ICU lengths are int32_t: a larger text is checked line by line below
  constexpr std::size_t icu_max = 0x7FFFFFFF;
  if (text.size() <= icu_max &&
      (nfc->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status) ||
       U_FAILURE(status)))
    return;
  std::string out;
  out.reserve(text.size());
  line_index lines(text);
  for (std::uint32_t l = 0; l < lines.count(); ++l) {
    const auto b = lines.start(l), e = lines.content(l).second;  // a form feed opening it kept
    std::string_view line(text.data() + b, e - b);
    auto next = l + 1 < lines.count() ? lines.start(l + 1) : static_cast<std::uint32_t>(text.size());
    std::string_view ending(text.data() + e, next - e);
    status = U_ZERO_ERROR;
    icu::StringPiece piece(line.data(), static_cast<int32_t>(std::min(line.size(), icu_max)));
    if (line.size() > icu_max || nfc->isNormalizedUTF8(piece, status)) {  // a 2 GiB line is left as it is
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
bool blank_line(std::string_view l) { return l.find_first_not_of(" \t") == std::string_view::npos; }
}  // namespace

void read_double_spacing(loaded_text& loaded) {
  std::string& text = loaded.text;
  if (!loaded.origins.empty()) return;
  // (most texts have two lines of text one under another within their first lines: no index built)
  {
    bool above = false;
    for (std::size_t at = 0; at < text.size();) {
      auto nl = text.find('\n', at);
      if (nl == std::string::npos) nl = text.size();
      std::string_view l(text.data() + at, nl - at);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      const bool here = !blank_line(l);
      if (here && above) return;
      above = here;
      at = nl + 1;
    }
  }
  if (text.find('\f') != std::string::npos) return;
  line_index lines(text);
  const std::uint32_t n = lines.count();
  // the runs of blank lines between two lines of text: none missing, every one odd, one of three
  // or more (the text's own blank lines, each now three), and either a line that one blank line
  // parts from the line it goes on (one that ends no sentence over one that begins in lower case,
  // a paragraph wrapped) or a second run of three or more: one-line paragraphs, each set apart by
  // a blank line, three once, are no such text
  std::uint32_t text_lines = 0, long_runs = 0, wraps = 0, run = 0;
  std::string_view last;
  auto ends_sentence = [](std::string_view t) {
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '*')) t.remove_suffix(1);
    return !t.empty() && std::string_view(".:;!?").find(t.back()) != std::string_view::npos;
  };
  for (std::uint32_t l = 0; l < n; ++l) {
    const auto t = lines.line(l);
    if (blank_line(t)) {
      ++run;
      continue;
    }
    if (!last.empty() && (run == 0 || run % 2 == 0)) return;
    if (!last.empty() && run >= 3) ++long_runs;
    const auto first = t.find_first_not_of(" \t");
    if (!last.empty() && run == 1 && !ends_sentence(last) && t[first] >= 'a' && t[first] <= 'z') ++wraps;
    run = 0;
    last = t;
    ++text_lines;
  }
  if (text_lines < 10 || long_runs < 1 || (wraps < 1 && long_runs < 2)) return;
  std::string out;
  out.reserve(text.size());
  std::vector<source_origin> origins;
  origins.reserve(n / 2 + 1);
  auto copy = [&](std::uint32_t l) {
    const std::uint32_t end = l + 1 < n ? lines.start(l + 1) : static_cast<std::uint32_t>(text.size());
    out.append(text, lines.start(l), end - lines.start(l));
    source_origin o;
    o.line = l + 1;
    origins.push_back(o);
  };
  std::uint32_t first_blank = 0;
  run = 0;
  bool seen = false;
  for (std::uint32_t l = 0; l < n; ++l) {
    if (blank_line(lines.line(l))) {
      if (run++ == 0) first_blank = l;
      continue;
    }
    // a run between two lines of text keeps one blank line for each two past the first; the runs
    // before the first line of text and after the last are kept whole
    const std::uint32_t keep = seen ? (run - 1) / 2 : run;
    for (std::uint32_t k = 0; k < keep; ++k) copy(first_blank + k);
    copy(l);
    run = 0;
    seen = true;
  }
  for (std::uint32_t k = 0; k < run; ++k) copy(first_blank + k);
  text.swap(out);
  loaded.origins = std::move(origins);
  diagnostic d;
  d.code = diag::double_spaced;
  d.level = severity::note;
  d.span = {{1, 1}, {1, 1}};
  d.message = "every line of the text is followed by a blank line (a double-spaced export): read with that blank "
              "line taken out, three standing for one; the source map gives each line read its line in the file";
  loaded.diagnostics.push_back(std::move(d));
}

void normalise_spaces(loaded_text& loaded) {
  std::string& text = loaded.text;
  // what a character beginning at `i` is read as: 0 as it is, 1 a space, 2 nothing; `n` its bytes
  auto read_as = [&](std::size_t i, std::size_t& n) -> int {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC2 && i + 1 < text.size()) {
      n = 2;
      const auto d = static_cast<unsigned char>(text[i + 1]);
      // (a no-break space alone between two words; in a run of spaces it lays the line out, as in
      // HTML, where the others collapse and it does not: kept)
      auto space_at = [&](std::size_t k) {
        return k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r' ||
                                   (text[k] == '\xC2' && k + 1 < text.size() && text[k + 1] == '\xA0'));
      };
      const bool alone = i > 0 && !space_at(i - 1) && !(i >= 2 && space_at(i - 2) && text[i - 1] == '\xA0') &&
                         !space_at(i + 2);
      return d == 0xA0 ? (alone ? 1 : 0) : d == 0xAD ? 2 : 0;
    }
    if ((c == 0xE2 || c == 0xEF) && i + 2 < text.size()) {
      n = 3;
      const auto d = static_cast<unsigned char>(text[i + 1]), e = static_cast<unsigned char>(text[i + 2]);
      if (c == 0xEF) return d == 0xBB && e == 0xBF ? 2 : 0;                        // U+FEFF
      if (d == 0x80 && ((e >= 0x82 && e <= 0x8A) || e == 0xAF)) return 1;          // U+2002-U+200A, U+202F
      if ((d == 0x80 && e == 0x8B) || (d == 0x81 && e == 0xA0)) return 2;          // U+200B, U+2060
    }
    return 0;
  };
  // (one pass over the bytes, a byte below 0xC2 passed at once; lines counted only where a
  // character is changed)
  std::string out;
  std::size_t spaces = 0, removed = 0, lines = 0;
  std::uint32_t line = 1, first = 0, last = 0;
  std::size_t copied = 0;   // text before it is in `out`
  std::size_t counted = 0;  // the newlines before it are in `line`
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size() && ascii8(bytes + i)) {  // ASCII, eight bytes at a time
      i += 8;
      continue;
    }
    if (bytes[i] < 0xC2) {
      ++i;
      continue;
    }
    std::size_t n = 1;
    const int as = read_as(i, n);
    if (as == 0) {
      i += n;
      continue;
    }
    const auto before = line;
    // (a line ends at "\n", "\r\n" or a lone "\r", as the line index has it)
    for (std::size_t k = counted; k < i; ++k)
      if (text[k] == '\n' || (text[k] == '\r' && (k + 1 >= text.size() || text[k + 1] != '\n'))) ++line;
    counted = i;
    if (first == 0) first = line;
    if (lines == 0 || line != before) ++lines;
    last = line;
    if (out.empty()) out.reserve(text.size());
    out.append(text, copied, i - copied);
    if (as == 1) out += ' ', ++spaces;
    else ++removed;
    i += n;
    copied = i;
  }
  if (spaces + removed == 0) return;
  out.append(text, copied, std::string::npos);
  text.swap(out);
  diagnostic d;
  d.code = diag::spaces_normalised;
  d.level = severity::note;
  d.span = {{first, 1}, {last, 1}};
  std::string what;
  if (spaces) what = std::to_string(spaces) + (spaces == 1 ? " no-break space read as a space" : " no-break spaces read as spaces");
  if (removed)
    what += (what.empty() ? "" : ", ") + std::to_string(removed) +
            (removed == 1 ? " mark that prints nothing" : " marks that print nothing") +
            " (soft hyphens, zero-width spaces) taken out";
  d.message = what + ", on " + std::to_string(lines) + (lines == 1 ? " line" : " lines") + " from line " +
              std::to_string(first) + " to line " + std::to_string(last) + "; columns on them count the text as read";
  loaded.diagnostics.push_back(std::move(d));
}

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
    if (!load::decode_to_utf8(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE", result.text, error))
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
      if (!load::decode_to_utf8(body, "windows-1252", result.text, error)) return refused(std::move(result), error);
      diagnostic d;
      d.code = diag::decoded_legacy;
      d.level = severity::note;
      d.message = "the input is not valid UTF-8 (first bad byte at offset " + std::to_string(bad) +
                  "); decoded as Windows-1252";
      result.diagnostics.push_back(std::move(d));
    }
  }
  if (result.text.size() >= 0xFFFFFFF0u)  // positions are 32-bit offsets into the decoded text
    return refused(std::move(result), "the input decodes to more than 4 GiB of UTF-8, more than one document can be");
  if (result.text.find('\0') != std::string::npos)
    return refused(std::move(result), "the decoded input holds NUL characters: binary data, not text");
  read_double_spacing(result);
  normalise_nfc(result);
  normalise_spaces(result);
  return result;
}

std::string read_input(const std::string& path, std::string& bytes) {
  bytes.clear();
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    bytes = std::move(ss).str();
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot open '" + path + "': " + std::strerror(errno);
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return "cannot read '" + path + "'";
  return {};
}

loaded_text load_file(const std::string& path) {
  std::string bytes;
  if (auto error = read_input(path, bytes); !error.empty()) {
    loaded_text r;
    r.error = std::move(error);
    return r;
  }
  return load_bytes(bytes);
}

}  // namespace qspec
