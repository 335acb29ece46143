// Which catalogue nodes are standard items. Nodes that frame the document
// (sections, paragraphs, furniture, form fields, evidence tables, glossary
// entries, rules) are not; the named item kinds of the model are; any other
// kind — the outline engine's items, whose kinds come from profiles — is an
// item when it carries a code or a label beside a statement.
#include "standard_items.hpp"

#include <algorithm>
#include <array>

namespace qspec::emitters {
namespace {

constexpr std::array<std::string_view, 13> item_kinds = {
    "qualification", "standard", "framework", "unit", "element", "performance_criterion", "knowledge_group",
    "knowledge_point", "topic", "subtopic", "outcome", "criterion", "item_group"};

constexpr std::array<std::string_view, 34> framing_kinds = {
    "document", "merged_catalogue", "source_document", "appearance", "section", "paragraph", "list", "list_item", "furniture",
    "diagnostic", "term_reference", "form_field", "field", "evidence_method", "evidence_requirements",
    "evidence_requirement", "evidence_type", "general_guidance", "values_statement", "scope", "scope_item",
    "glossary", "glossary_term", "guidance_term", "hours_rule", "credit_rule", "barred_combination",
    "recommendation", "pathway", "job_role", "part", "knowledge_specification", "unit_group", "source_map"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& kinds, std::string_view k) {
  return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

bool is_item(const tree::node& n) {
  if (among(item_kinds, n.kind)) return true;
  if (among(framing_kinds, n.kind)) return false;
  bool named = n.find("code") || n.find("label");
  bool stated = n.find("text") || n.find("title") || n.find("statement");
  return named && stated;
}

/// The source document a node was read from, and the one its content below
/// was read from. A document's own source; in a merged catalogue, the
/// appearance whose span is the node's (a unit found in a structure list
/// and in its specification has the first one's span), while what lies
/// below a unit comes from its specification.
struct sources {
  std::string_view own, below;
};

sources source_of(const tree::node& n, std::string_view enclosing) {
  if (n.kind == "document") return {n.text("source"), n.text("source")};
  sources s{enclosing, enclosing};
  bool found = false;
  for (const auto& c : n.children) {
    if (c.kind != "appearance") continue;
    if (!found || c.span == n.span) s.own = c.text("document");
    if (!found || c.text("role") == "specification") s.below = c.text("document");
    found = true;
  }
  return s;
}

void collect(const tree::node& n, std::ptrdiff_t parent, std::string_view document, const std::string& level,
             std::vector<standard_item>& out, std::vector<std::size_t>& counts) {
  const sources from = source_of(n, document);
  std::string own = tree::field_text(n, "level");
  for (const auto& c : n.children)  // a standard states its level in a field of its own
    if (own.empty() && c.kind == "field" && c.text("name") == "level") own = c.text("value");
  const std::string& here = own.empty() ? level : own;
  std::ptrdiff_t enclosing = parent;
  if (is_item(n)) {
    standard_item item;
    item.node = &n;
    item.parent = parent;
    item.position = ++counts[static_cast<std::size_t>(parent + 1)];
    item.document = std::string(from.own);
    item.level = here;
    out.push_back(std::move(item));
    counts.push_back(0);
    enclosing = static_cast<std::ptrdiff_t>(out.size()) - 1;
  }
  for (const auto& c : n.children) collect(c, enclosing, from.below, here, out, counts);
}

}  // namespace

std::vector<standard_item> standard_items(const tree::node& root) {
  std::vector<standard_item> out;
  std::vector<std::size_t> counts{0};  // items seen so far under each parent: [0] is the top, [i + 1] item i
  collect(root, -1, {}, {}, out, counts);
  return out;
}

}  // namespace qspec::emitters
