#include <algorithm>
#include <cstring>

#include "qspec/model/diagnostic.hpp"
#include "qspec/model/document.hpp"
#include "qspec/model/text_store.hpp"

namespace qspec {

std::string describe(const source_origin& o) {
  std::string out;
  auto add = [&](const char* name, std::uint32_t v) {
    if (!v) return;
    if (!out.empty()) out += ", ";
    out += name;
    out += ' ';
    out += std::to_string(v);
  };
  add("page", o.page);
  add("sheet", o.sheet);
  add("paragraph", o.paragraph);
  add("row", o.row);
  add("cell", o.cell);
  add("line", o.line);
  add("column", o.column);
  return out;
}

std::string_view to_string(severity s) {
  switch (s) {
    case severity::note: return "note";
    case severity::warning: return "warning";
    case severity::error: return "error";
  }
  return "error";
}

std::string_view to_string(document_kind k) {
  switch (k) {
    case document_kind::unit_specification: return "unit_specification";
    case document_kind::qualification_structure: return "qualification_structure";
    case document_kind::qualification_datasheet: return "qualification_datasheet";
    case document_kind::programme_overview: return "programme_overview";
    case document_kind::criteria_framework: return "criteria_framework";
    case document_kind::standard: return "standard";
    case document_kind::unknown: return "unknown";
  }
  return "unknown";
}

std::optional<document_kind> document_kind_from_string(std::string_view name) {
  for (auto k : {document_kind::unknown, document_kind::unit_specification, document_kind::qualification_structure,
                 document_kind::qualification_datasheet, document_kind::programme_overview,
                 document_kind::criteria_framework})
    if (to_string(k) == name) return k;
  return std::nullopt;
}

std::string_view to_string(group_type t) {
  switch (t) {
    case group_type::mandatory: return "mandatory";
    case group_type::optional: return "optional";
    case group_type::pathway: return "pathway";
    case group_type::additional: return "additional";
  }
  return "optional";
}

std::string_view text_store::keep(std::string_view s) {
  if (s.empty()) return {};
  const char* base = source_.data();
  if (s.data() >= base && s.data() + s.size() <= base + source_.size()) return s;
  if (used_ + s.size() > capacity_) {
    capacity_ = std::max<std::size_t>(64 * 1024, s.size());
    chunks_.push_back(std::make_unique<char[]>(capacity_));
    used_ = 0;
  }
  char* dst = chunks_.back().get() + used_;
  std::memcpy(dst, s.data(), s.size());
  used_ += s.size();
  return {dst, s.size()};
}

}  // namespace qspec
