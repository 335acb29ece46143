// CSV export: one row per standard item (standard_items.hpp) with a header
// row; every field quoted by libcsv (RFC 4180: in double quotes, a quote
// doubled, commas and line breaks kept inside the quotes), rows ended by CRLF.
#include <csv.h>

#include <ostream>
#include <string>

#include "standard_items.hpp"
#include "writers.hpp"

namespace qspec::emitters {
namespace {

void quoted(std::string_view field, std::string& out) {
  // at worst every byte is a quote (doubled) plus the two enclosing quotes
  const std::size_t at = out.size();
  out.resize(at + 2 * field.size() + 2);
  const std::size_t n = csv_write(out.data() + at, out.size() - at, field.data(), field.size());
  out.resize(at + n);
}

void row(std::initializer_list<std::string_view> fields, std::string& out) {
  bool first = true;
  for (auto f : fields) {
    if (!first) out += ',';
    first = false;
    quoted(f, out);
  }
  out += "\r\n";
}

/// A field the node lacks is written as an empty quoted field ("").
std::string_view present(std::string_view s) { return s.data() ? s : std::string_view(""); }

}  // namespace

void write_csv(const tree::node& root, std::ostream& out) {
  std::string text;
  row({"id", "kind", "parent_id", "code", "label", "text", "document", "line"}, text);
  const auto items = standard_items(root);
  for (const auto& item : items) {
    const auto& n = *item.node;
    std::string_view parent = item.parent < 0 ? std::string_view() : std::string_view(items[static_cast<std::size_t>(item.parent)].node->id);
    row({n.id, n.kind, parent, present(tree::code_of(n)), tree::label_of(n), present(tree::text_of(n)), item.document,
         std::to_string(n.span.begin.line)},
        text);
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace qspec::emitters
