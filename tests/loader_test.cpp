// Load stage: encodings, refusal of binary input, NFC, line index.
#include "helpers.hpp"
#include "load/decode.hpp"
#include "load/line_index.hpp"
#include "qspec/lines.hpp"

using namespace qspec;

namespace {
/// A string literal with its embedded NULs, sized by the compiler.
template <std::size_t N>
std::string bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}
}  // namespace

TEST_CASE("loader - UTF-8 with and without BOM") {
  auto plain = load_bytes("Unit \xE2\x80\x99x\n");
  REQUIRE(plain);
  CHECK(plain.encoding == "UTF-8");
  CHECK(plain.text == "Unit \xE2\x80\x99x\n");
  auto bom = load_bytes("\xEF\xBB\xBFUnit\n");
  REQUIRE(bom);
  CHECK(bom.text == "Unit\n");
}

TEST_CASE("loader - UTF-16 with BOM, little and big endian") {
  std::string le("\xFF\xFE", 2), be("\xFE\xFF", 2);
  for (char c : std::string("LMC B2")) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  le += std::string("\x19\x20", 2);  // U+2019
  be += std::string("\x20\x19", 2);
  auto a = load_bytes(le), b = load_bytes(be);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a.encoding == "UTF-16LE");
  CHECK(b.encoding == "UTF-16BE");
  CHECK(a.text == "LMC B2\xE2\x80\x99");
  CHECK(b.text == a.text);
}

TEST_CASE("loader - Windows-1252 when the bytes are not UTF-8") {
  auto r = load_bytes("people\x92s \x93well being\x94\n");
  REQUIRE(r);
  CHECK(r.encoding == "windows-1252");
  CHECK(r.text == "people\xE2\x80\x99s \xE2\x80\x9Cwell being\xE2\x80\x9D\n");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == diag::decoded_legacy);
  CHECK(r.diagnostics[0].message.find("offset 6") != std::string::npos);
}

TEST_CASE("loader - binary input is refused with what it looks like") {
  CHECK(load_bytes("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n").error ==
        "the input is a PDF document, not text: load_document (qspec/formats.hpp) reads it");
  CHECK(load_bytes(bytes("PK\x03\x04\x14\x00\x06\x00word/document.xml")).error ==
        "the input is a Word (DOCX) document, not text: load_document (qspec/formats.hpp) reads it");
  CHECK(load_bytes(bytes("PK\x03\x04\x14\x00other")).error == "the input is a ZIP archive, not text");
  CHECK(load_bytes(bytes("abc\0def")).error ==
        "the input holds binary data (NUL byte at offset 3), not text");
  CHECK(load_file("/nonexistent/qspec/file.txt").error.starts_with("cannot open '/nonexistent/qspec/file.txt'"));
}

TEST_CASE("loader - NFC normalisation, reported per line") {
  // "Cafe" + U+0301 COMBINING ACUTE ACCENT -> "Café" (U+00E9)
  auto r = load_bytes("first line\nCafe\xCC\x81 services\n");
  REQUIRE(r);
  CHECK(r.text == "first line\nCaf\xC3\xA9 services\n");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == diag::normalised_nfc);
  CHECK(r.diagnostics[0].span.begin.line == 2);
  CHECK(r.diagnostics[0].original == "Cafe\xCC\x81 services");
}

TEST_CASE("loader - no-break spaces and marks that print nothing, as a reader reads them") {
  // a no-break space alone between two words is a space ("P1 check", "Level 3"); a run of them (with
  // spaces or not) lays the line out and is kept; a soft hyphen, a zero-width space, a word joiner and
  // a byte-order mark inside the text are taken out; one note says how many and where
  auto r = load_bytes("P1\xC2\xA0" "check the assess\xC2\xAD" "ment\n"
                      "plain line\n"
                      "Level\xE2\x80\xAF" "3 and\xE2\x80\x8B the\xE2\x81\xA0 end\xEF\xBB\xBF\n"
                      "Unit\xC2\xA0 \xC2\xA0 \xC2\xA0title\n");
  REQUIRE(r);
  CHECK(r.text == "P1 check the assessment\nplain line\nLevel 3 and the end\nUnit\xC2\xA0 \xC2\xA0 \xC2\xA0title\n");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == diag::spaces_normalised);
  CHECK(r.diagnostics[0].span.begin.line == 1);
  CHECK(r.diagnostics[0].span.end.line == 3);
  CHECK(r.diagnostics[0].message ==
        "2 no-break spaces read as spaces, 4 marks that print nothing (soft hyphens, zero-width spaces) taken "
        "out, on 2 lines from line 1 to line 3; columns on them count the text as read");
  // a text with none is left as it is, with no note
  auto none = load_bytes("caf\xC3\xA0 \xE2\x80\x99s\n");
  CHECK(none.text == "caf\xC3\xA0 \xE2\x80\x99s\n");
  CHECK(none.diagnostics.empty());
}

TEST_CASE("loader - a double-spaced text is read without its blank lines, each line mapped to the file's") {
  // every line followed by a blank line, the text's own blank line now three: one of three kept
  std::string text;
  for (char i = '1'; i <= '6'; ++i) {
    text += 'P';
    text += i;
    text += " check the work\n\n";
  }
  text += "\n\nKnowledge\n\nK1 the rules that apply to\n\nyour work\n\nK2 the tools\n\nK3 the records\n";
  auto r = load_bytes(text);
  REQUIRE(r);
  CHECK(r.text.starts_with("P1 check the work\nP2 check the work\n"));
  CHECK(r.text.ends_with("P6 check the work\n\nKnowledge\nK1 the rules that apply to\nyour work\nK2 the tools\n"
                         "K3 the records\n"));
  REQUIRE(r.origins.size() == 12);
  CHECK(r.origins[1].line == 3);   // "P2 …", line 3 of the file
  CHECK(r.origins[6].line == 12);  // the blank line kept of the three
  CHECK(r.origins[7].line == 15);  // "Knowledge"
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == diag::double_spaced);
  // one-line paragraphs each set apart by a blank line, none by more: a text as it is
  std::string paragraphs;
  for (char i = 'a'; i <= 'l'; ++i) {
    paragraphs += "Paragraph ";
    paragraphs += i;
    paragraphs += ".\n\n";
  }
  auto plain = load_bytes(paragraphs);
  CHECK(plain.text == paragraphs);
  CHECK(plain.origins.empty());
  // nor where two lines stand one under another
  auto listed = load_bytes(text + "K5 the end\n");
  CHECK(listed.origins.empty());
  // nor where no blank line parts a paragraph's wrapped lines: one-line paragraphs, one blank line
  // between them and three once, are a text as it is
  auto spaced = load_bytes(paragraphs + "\n\nParagraph m.\n");
  CHECK(spaced.origins.empty());
  CHECK(spaced.diagnostics.empty());
}

TEST_CASE("line index - LF, CRLF and lone CR; columns count code points") {
  std::string text = "ab\r\ncd\ref\n\xE2\x80\x99x";
  line_index idx(text);
  REQUIRE(idx.count() == 4);
  CHECK(idx.line(0) == "ab");
  CHECK(idx.line(1) == "cd");
  CHECK(idx.line(2) == "ef");
  CHECK(idx.line(3) == "\xE2\x80\x99x");
  CHECK(idx.position(4) == source_position{2, 1});
  // 'x' after a three-byte character is column 2
  CHECK(idx.position(static_cast<std::uint32_t>(text.size() - 1)) == source_position{4, 2});
  // a trailing newline does not open a line
  CHECK(line_index("a\nb\n").count() == 2);
  CHECK(line_index("").count() == 1);
}

TEST_CASE("regressions - UTF-16 holding a NUL character is refused with no text kept") {
  // found by fuzz_load: the refusal left the decoded text behind, so a caller could use it
  std::ifstream in(qspec::test::corpus_path("regressions/utf16-holding-a-nul-character.input"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() == 6);
  auto loaded = qspec::load_bytes(bytes);
  CHECK_FALSE(loaded);
  CHECK(loaded.error.find("NUL") != std::string::npos);
  CHECK(loaded.text.empty());
}

TEST_CASE("loader - decoding in small pieces gives what one call gives") {
  // ICU is called once per piece (16 MiB by default, so that a large input
  // never overflows ICU's int32_t lengths); a piece boundary may cut a
  // UTF-16 code unit or a surrogate pair, and the converter must carry it over
  std::string cp1252;
  for (int c = 1; c < 256; ++c) cp1252 += static_cast<char>(c);
  std::string whole, error;
  REQUIRE(load::decode_to_utf8(cp1252, "windows-1252", whole, error, cp1252.size()));
  CHECK(whole.substr(0, 3) == "\x01\x02\x03");
  CHECK(whole.find("\xE2\x82\xAC") == 127);  // 0x80 is the euro sign, after 127 ASCII bytes
  for (std::size_t piece : {1, 2, 3, 7, 64}) {
    std::string out;
    REQUIRE(load::decode_to_utf8(cp1252, "windows-1252", out, error, piece));
    CHECK_MESSAGE(out == whole, "piece of " << piece << " bytes");
  }
  // "LM", U+1F600 (the surrogate pair D83D DE00), U+2019, little endian
  const std::string utf16 = bytes("L\0M\0\x3D\xD8\x00\xDE\x19\x20");
  for (std::size_t piece = 1; piece <= utf16.size(); ++piece) {
    std::string out;
    REQUIRE(load::decode_to_utf8(utf16, "UTF-16LE", out, error, piece));
    CHECK_MESSAGE(out == "LM\xF0\x9F\x98\x80\xE2\x80\x99", "piece of " << piece << " bytes");
  }
  std::string none;
  CHECK(load::decode_to_utf8("", "windows-1252", none, error, 4));
  CHECK(none.empty());
}

TEST_CASE("loader - split_lines ends a line where the line index does") {
  using lines = std::vector<std::string_view>;
  CHECK(split_lines("a\rb\r\nc\nd") == lines{"a", "b", "c", "d"});
  CHECK(split_lines("a\r\rb\r") == lines{"a", "", "b"});  // a final terminator opens no line
  CHECK(split_lines("\r\n\n") == lines{"", ""});
  CHECK(split_lines("").empty());
  CHECK(split_lines("\n") == lines{""});
  const std::string_view text = "Unit 1\rElement 1.1\r\n1. Prepare the area\r";
  const line_index index(text);
  const auto split = split_lines(text);
  REQUIRE(split.size() == index.count());
  for (std::uint32_t l = 0; l < index.count(); ++l) CHECK(split[l] == index.line(l));
  CHECK(split[2] == "1. Prepare the area");
  CHECK(index.position(static_cast<std::uint32_t>(text.find("Prepare"))).line == 3);
}
