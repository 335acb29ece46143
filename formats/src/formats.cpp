// Format detection by content and dispatch to the readers.
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <string>


#include "qspec/formats.hpp"
#include "readers.hpp"

namespace qspec {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

using namespace std::string_view_literals;
constexpr std::string_view text_extensions[] = {".txt"sv, ".md"sv, ".csv"sv};
constexpr std::string_view html_extensions[] = {".html"sv, ".htm"sv, ".xhtml"sv};
constexpr std::string_view xml_extensions[] = {".xml"sv};
constexpr std::string_view docx_extensions[] = {".docx"sv};
constexpr std::string_view xlsx_extensions[] = {".xlsx"sv};
constexpr std::string_view pdf_extensions[] = {".pdf"sv};

constexpr input_format_info format_table[] = {
    {input_format::text, "text", text_extensions, "plain text, Markdown or CSV"},
    {input_format::html, "html", html_extensions, "HTML pages"},
    {input_format::xml, "xml", xml_extensions, "XML documents"},
    {input_format::docx, "docx", docx_extensions, "Word documents"},
    {input_format::xlsx, "xlsx", xlsx_extensions, "Excel workbooks"},
    {input_format::pdf, "pdf", pdf_extensions, "PDF documents with a text layer"},
};

}  // namespace

std::span<const input_format_info> input_formats() { return format_table; }

std::string_view to_string(input_format f) {
  for (const auto& i : format_table)
    if (i.format == f) return i.name;
  return "text";
}

std::optional<input_format> input_format_from_string(std::string_view name) {
  for (const auto& i : format_table) {
    if (name == i.name) return i.format;
    for (auto e : i.extensions)
      if (name == e.substr(1)) return i.format;
  }
  return std::nullopt;
}

std::optional<input_format> input_format_from_extension(std::string_view extension) {
  for (const auto& i : format_table)
    for (auto e : i.extensions)
      if (extension.size() == e.size() &&
          std::equal(e.begin(), e.end(), extension.begin(), [](char known, char c) { return known == lower(c); }))
        return i.format;
  return std::nullopt;
}

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool starts_with_nocase(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (lower(s[i]) != p[i]) return false;
  return true;
}

/// Which office document a ZIP is, from the names of its members.
input_format sniff_zip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) return input_format::text;
  zip_t* archive = zip_open_from_source(src, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (!archive) {
    zip_source_free(src);
    return input_format::text;
  }
  input_format f = input_format::text;
  if (zip_name_locate(archive, "word/document.xml", 0) >= 0)
    f = input_format::docx;
  else if (zip_name_locate(archive, "xl/workbook.xml", 0) >= 0)
    f = input_format::xlsx;
  zip_discard(archive);  // frees the source too
  return f;
}

/// Why a ZIP that is no DOCX or XLSX is refused: it cannot be opened
/// (truncated, damaged), or it holds neither's main part.
std::string zip_refusal(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  std::string why;
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  if (!archive) {
    why = std::string("the file starts as a ZIP archive but cannot be opened (") + zip_error_strerror(&error) +
          "): it may be truncated or damaged";
    if (src) zip_source_free(src);
  } else {
    why = "the file is a ZIP archive holding neither word/document.xml (a Word document) nor xl/workbook.xml "
          "(an Excel workbook): not a format qspec reads";
    zip_discard(archive);
  }
  zip_error_fini(&error);
  return why;
}

/// The first markup of a text after a BOM, white space and comments.
std::string_view first_markup(std::string_view s) {
  if (starts_with(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  for (;;) {
    auto i = s.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos) return {};
    s.remove_prefix(i);
    if (!starts_with(s, "<!--")) return s;
    auto end = s.find("-->");
    if (end == std::string_view::npos) return {};
    s.remove_prefix(end + 3);
  }
}

bool html_start(std::string_view m) {
  for (std::string_view p : {"<!doctype html", "<html", "<head", "<body"})
    if (starts_with_nocase(m, p)) {
      char next = m.size() > p.size() ? m[p.size()] : '>';
      if (next == '>' || next == ' ' || next == '\t' || next == '\r' || next == '\n' || next == '/') return true;
    }
  return false;
}

/// The ASCII of the first bytes of a UTF-16 text with a BOM (enough to see
/// its first markup); other characters become '?'.
std::string utf16_head(std::string_view bytes) {
  const bool le = bytes[0] == '\xFF';
  std::string out;
  for (std::size_t i = 2; i + 1 < bytes.size() && out.size() < 1024; i += 2) {
    const unsigned char lo = static_cast<unsigned char>(bytes[le ? i : i + 1]);
    const unsigned char hi = static_cast<unsigned char>(bytes[le ? i + 1 : i]);
    out.push_back(hi == 0 && lo < 0x80 ? static_cast<char>(lo) : '?');
  }
  return out;
}

}  // namespace

input_format sniff_format(std::string_view bytes) {
  if (starts_with(bytes, "%PDF-")) return input_format::pdf;
  if (starts_with(bytes, "PK\x03\x04")) return sniff_zip(bytes);
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    // markup saved as UTF-16 (Word and Windows tools do): told by what it opens with
    std::string head = utf16_head(bytes);
    auto f = sniff_format(head);
    return f == input_format::html || f == input_format::xml ? f : input_format::text;
  }
  std::string_view m = first_markup(bytes);
  if (m.empty() || m[0] != '<') return input_format::text;
  if (html_start(m)) return input_format::html;
  if (starts_with(m, "<?xml")) {
    // an XHTML page declares itself XML first: its root tells
    auto root = m.find("?>");
    if (root != std::string_view::npos) {
      std::string_view rest = m.substr(root + 2);
      for (;;) {  // past stylesheet instructions and comments
        rest = first_markup(rest);
        if (!starts_with(rest, "<?")) break;
        auto e = rest.find("?>");
        if (e == std::string_view::npos) break;
        rest.remove_prefix(e + 2);
      }
      if (html_start(rest)) return input_format::html;
    }
    return input_format::xml;
  }
  // an element with no prolog is XML when the text closes it at its end ("<unit> … </unit>"); a text
  // that merely starts with a tag (a table cell's <b>) stays text
  std::size_t name_end = 1;
  while (name_end < m.size() && (std::isalnum(static_cast<unsigned char>(m[name_end])) || m[name_end] == '_' ||
                                 m[name_end] == '-' || m[name_end] == ':' || m[name_end] == '.'))
    ++name_end;
  if (name_end == 1) return input_format::text;
  std::string closing = "</" + std::string(m.substr(1, name_end - 1)) + ">";
  std::string_view tail = m;
  while (!tail.empty() && (tail.back() == ' ' || tail.back() == '\n' || tail.back() == '\r' || tail.back() == '\t'))
    tail.remove_suffix(1);
  return tail.size() > closing.size() && tail.substr(tail.size() - closing.size()) == closing ? input_format::xml
                                                                                              : input_format::text;
}

loaded_text load_document(std::string_view bytes, std::optional<input_format> forced, const read_limits& limits) {
  const input_format f = forced ? *forced : sniff_format(bytes);
  if (!forced && f == input_format::text && starts_with(bytes, "PK\x03\x04")) {
    loaded_text r;
    r.error = zip_refusal(bytes);
    return r;
  }
  // (a reader's block stream has its spaces read as a text's are: normalise_spaces)
  auto read = [](loaded_text r) {
    if (r) normalise_spaces(r);
    return r;
  };
  switch (f) {
    case input_format::text: return load_bytes(bytes);
    case input_format::html: return read(formats::read_html(bytes, limits));
    case input_format::xml: return read(formats::read_xml(bytes, limits));
    case input_format::docx: return read(formats::read_docx(bytes, limits));
    case input_format::xlsx: return read(formats::read_xlsx(bytes, limits));
    case input_format::pdf: return read(formats::read_pdf(bytes, limits));
    default: break;
  }
  loaded_text r;
  r.error = "the input is " + std::string(to_string(f)) + ", which this build of qspec does not read";
  return r;
}

loaded_text load_document_file(const std::string& path, std::optional<input_format> forced, const read_limits& limits) {
  std::string bytes;
  if (auto error = read_input(path, bytes); !error.empty()) {
    loaded_text r;
    r.error = std::move(error);
    return r;
  }
  return load_document(bytes, forced, limits);
}

}  // namespace qspec
