#include "qspec/model/tree.hpp"

namespace qspec::tree {

std::string field_text(const node& n, std::string_view name) {
  const field* f = n.find(name);
  if (!f) return {};
  if (const auto* s = std::get_if<std::string>(&f->value)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&f->value)) return std::to_string(*i);
  return {};
}

std::string_view first_text(const node& n, std::initializer_list<std::string_view> names) {
  for (auto name : names)
    if (auto t = n.text(name); !t.empty()) return t;
  return {};
}

std::string_view code_of(const node& n) { return first_text(n, {"code", "local_code"}); }

std::string label_of(const node& n) {
  for (auto name : {"label", "number", "letter"})
    if (auto v = field_text(n, name); !v.empty()) return v;
  return {};
}

std::string_view text_of(const node& n) {
  return first_text(n, {"text", "title", "heading", "term", "name", "statement", "award_title"});
}

}  // namespace qspec::tree
