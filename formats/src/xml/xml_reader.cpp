// The XML reader: pugixml's tree mapped to the block stream by structure.
//
// Authoring XML (a BTEC unit's <meta>, <learning_objective>, <criterion_id>…)
// and XHTML-like markup name their elements in as many ways as there are
// schemas, so blocks are told from the shape of the tree, not from names:
// - a group of short leaves with different names: `Label: value` fields,
//   the label humanised from the element name (guided_learning_hours →
//   "Guided learning hours");
// - an element holding text (mixed content, inline markup): a paragraph;
// - a short leaf first among structured siblings, or a leaf the vocabulary
//   calls a title: the heading of its parent's section, `#` by depth; a
//   label attribute (learn_obj_id="A") gives the heading's printed label;
// - a code-shaped first leaf ("2A.P1") before an element holding text: a
//   list item with that label;
// - repeated siblings holding one paragraph each, or the items of a list
//   element: list items, nested lists indented;
// - rows of cells: `| a | b |` table rows.
// The few names structure cannot tell (titles, paragraphs, lists, tables,
// emphasis) come from profiles/xml_markup.yaml. Every line's origin is the
// source line and column of the element it came from.
#include <pugixml.hpp>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "qspec/profile.hpp"
#include "readers.hpp"

namespace qspec::formats {
namespace {

// ---------------------------------------------------------------- vocabulary

enum role : std::uint16_t {
  r_title = 1u << 0,
  r_paragraph = 1u << 1,
  r_list = 1u << 2,
  r_ordered = 1u << 3,
  r_item = 1u << 4,
  r_table = 1u << 5,
  r_row = 1u << 6,
  r_cell = 1u << 7,
  r_header_cell = 1u << 8,
  r_bold = 1u << 9,
  r_italic = 1u << 10,
  r_inline = 1u << 11,
  r_furniture = 1u << 12,
};

struct role_name {
  std::string_view key;
  std::uint16_t bit;
};
constexpr role_name role_names[] = {
    {"title", r_title},   {"paragraph", r_paragraph}, {"list", r_list},       {"ordered", r_ordered},
    {"item", r_item},     {"table", r_table},         {"row", r_row},         {"cell", r_cell},
    {"header_cell", r_header_cell}, {"bold", r_bold}, {"italic", r_italic},   {"inline", r_inline},
    {"furniture", r_furniture},
};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// The local name (no namespace prefix), lower-cased.
std::string local_name(std::string_view name) {
  if (auto colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  std::string out(name);
  for (char& c : out) c = lower(c);
  return out;
}

/// "*_title" matches every name ending in "_title"; other patterns whole names.
bool name_matches(std::string_view pattern, std::string_view name) {
  if (!pattern.empty() && pattern.front() == '*') {
    pattern.remove_prefix(1);
    return name.size() > pattern.size() && name.substr(name.size() - pattern.size()) == pattern;
  }
  return pattern == name;
}

class vocabulary {
 public:
  explicit vocabulary(const profile* p) {
    if (!p) return;
    for (const auto& list : p->elements) {
      if (list.name == "label_attribute") {
        for (const auto& l : list.labels) label_attributes_.push_back(local_name(l));
        continue;
      }
      for (const auto& r : role_names)
        if (list.name == r.key)
          for (const auto& l : list.labels) patterns_.push_back({local_name(l), r.bit});
    }
  }

  /// The roles of an element name; cached per distinct name (views into the tree).
  std::uint16_t roles(const char* raw) {
    std::string_view name(raw);
    if (auto it = cache_.find(name); it != cache_.end()) return it->second;
    std::string local = local_name(name);
    std::uint16_t bits = 0;
    for (const auto& p : patterns_)
      if (name_matches(p.pattern, local)) bits = static_cast<std::uint16_t>(bits | p.bit);
    cache_.emplace(name, bits);
    return bits;
  }

  [[nodiscard]] bool label_attribute(std::string_view raw) const {
    std::string local = local_name(raw);
    return std::any_of(label_attributes_.begin(), label_attributes_.end(),
                       [&](const std::string& p) { return name_matches(p, local); });
  }

 private:
  struct pattern {
    std::string pattern;
    std::uint16_t bit;
  };
  std::vector<pattern> patterns_;
  std::vector<std::string> label_attributes_;
  std::unordered_map<std::string_view, std::uint16_t> cache_;
};

// ---------------------------------------------------------------- positions

/// Byte offsets to 1-based line and column, built once over the parsed bytes.
class line_index {
 public:
  explicit line_index(std::string_view bytes) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < bytes.size(); ++i)
      if (bytes[i] == '\n') starts_.push_back(i + 1);
  }
  [[nodiscard]] source_origin at(std::ptrdiff_t offset) const {
    if (offset < 0) return {};
    auto off = static_cast<std::size_t>(offset);
    auto it = std::upper_bound(starts_.begin(), starts_.end(), off);
    auto line = static_cast<std::size_t>(it - starts_.begin());
    source_origin o;
    o.line = static_cast<std::uint32_t>(line);
    o.column = static_cast<std::uint32_t>(off - starts_[line - 1] + 1);
    return o;
  }

 private:
  std::vector<std::size_t> starts_;
};

// ---------------------------------------------------------------- text

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return blank(c); });
}

/// Appends `s` with runs of white space made one space.
void append_collapsed(std::string& out, std::string_view s) {
  for (char c : s) {
    if (blank(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

std::string trimmed(std::string s) {
  auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(' ');
  return s.substr(b, e - b + 1);
}

bool is_text_node(const pugi::xml_node& n) {
  return n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata;
}

/// "guided_learning_hours" → "Guided learning hours", "unitTitle" → "Unit
/// title"; words written in capitals ("GLH", "GSCE") stay so.
std::string humanise(std::string_view name) {
  if (auto colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '_' || c == '-' || c == '.') {
      if (!words.back().empty()) words.emplace_back();
      continue;
    }
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper && i > 0 && name[i - 1] >= 'a' && name[i - 1] <= 'z' && !words.back().empty()) words.emplace_back();
    words.back().push_back(c);
  }
  std::string out;
  for (auto& w : words) {
    if (w.empty()) continue;
    const bool capitals = w.size() > 1 && std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!capitals)
      for (char& c : w) c = lower(c);
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// ---------------------------------------------------------------- the walk

constexpr std::size_t short_text = 160;  // a field's value or a heading, not a paragraph
constexpr std::size_t max_label = 12;    // a printed label: "2A.P1", "LO3", "AC1.2"

class block_writer {
 public:
  block_writer(vocabulary& v, const line_index& idx) : vocab_(v), index_(idx) {}

  std::string text;
  std::vector<source_origin> origins;

  void document(const pugi::xml_node& root) {
    if (textual(root)) {
      paragraph(root);
      return;
    }
    root_ = root;
    container(root, 1);
    if (!attributes_written_) attribute_fields(root);
  }

 private:
  vocabulary& vocab_;
  const line_index& index_;
  pugi::xml_node root_;
  bool attributes_written_ = false;
  bool in_block_ = false;  // the last line written belongs to a block of several lines (list, table, fields)

  // -- output

  source_origin origin(const pugi::xml_node& n) const {
    auto off = n.offset_debug();
    if (off <= 0) return {};
    return index_.at(off - 1);  // the name's offset; the element starts at its '<'
  }

  void line(std::string s, const source_origin& o, bool continues_block) {
    if (!text.empty() && !(continues_block && in_block_)) {
      text.push_back('\n');
      origins.push_back({});
    }
    text += s;
    text.push_back('\n');
    origins.push_back(o);
    in_block_ = continues_block;
  }

  // -- shapes

  std::uint16_t roles(const pugi::xml_node& n) { return vocab_.roles(n.name()); }

  bool furniture(const pugi::xml_node& n) { return (roles(n) & r_furniture) != 0; }

  /// Element children that are not furniture.
  std::vector<pugi::xml_node> kids(const pugi::xml_node& n) {
    std::vector<pugi::xml_node> out;
    for (auto c = n.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element && !furniture(c)) out.push_back(c);
    return out;
  }

  bool has_text(const pugi::xml_node& n) {
    for (auto c = n.first_child(); c; c = c.next_sibling())
      if (is_text_node(c) && !is_blank(c.value())) return true;
    return false;
  }

  bool inline_element(const pugi::xml_node& n) { return (roles(n) & (r_bold | r_italic | r_inline)) != 0; }

  /// Holds only text and inline markup, or text beside elements (mixed content).
  bool textual(const pugi::xml_node& n) {
    bool elements = false, all_inline = true;
    for (auto c = n.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element && !furniture(c)) {
        elements = true;
        if (!inline_element(c)) all_inline = false;
      }
    return !elements || all_inline || has_text(n);
  }

  bool leaf(const pugi::xml_node& n) {
    for (auto c = n.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element) return false;
    return true;
  }

  void inline_text(const pugi::xml_node& n, std::string& out) {
    for (auto c = n.first_child(); c; c = c.next_sibling()) {
      if (is_text_node(c)) {
        append_collapsed(out, c.value());
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      if (furniture(c)) continue;
      const auto r = roles(c);
      const char* mark = (r & r_bold) ? "**" : (r & r_italic) ? "*" : nullptr;
      if (!mark) {
        if (!inline_element(c) && !out.empty() && out.back() != ' ') out.push_back(' ');
        inline_text(c, out);
        if (!inline_element(c) && !out.empty() && out.back() != ' ') out.push_back(' ');
        continue;
      }
      std::string inner;
      inline_text(c, inner);
      inner = trimmed(std::move(inner));
      if (inner.empty()) continue;
      out += mark;
      out += inner;
      out += mark;
    }
  }

  std::string text_of(const pugi::xml_node& n) {
    std::string s;
    inline_text(n, s);
    return trimmed(std::move(s));
  }

  bool short_leaf(const pugi::xml_node& n) {
    if (!leaf(n)) return false;
    auto t = text_of(n);
    return !t.empty() && t.size() <= short_text;
  }

  /// A lead-in ("These units will include:") introduces what follows: a paragraph, not a heading.
  bool lead_in(const pugi::xml_node& n) {
    auto t = text_of(n);
    return !t.empty() && t.back() == ':';
  }

  /// One word that reads as a printed label: "2A.P1", "LO3", "(1A.1)", "A".
  static bool label_shaped(std::string_view t) {
    if (t.empty() || t.size() > max_label) return false;
    bool digit = false;
    for (char c : t) {
      if (blank(c)) return false;
      if (c >= '0' && c <= '9') digit = true;
    }
    return digit || (t.size() == 1 && t[0] >= 'A' && t[0] <= 'Z');
  }

  std::string label_attribute(const pugi::xml_node& n) {
    for (auto a = n.first_attribute(); a; a = a.next_attribute())
      if (vocab_.label_attribute(a.name())) {
        std::string v;
        append_collapsed(v, a.value());
        v = trimmed(std::move(v));
        if (label_shaped(v)) return v;
      }
    return {};
  }

  /// Reads as one item: text, or a first child holding text followed only
  /// by lists (<item><paragraph>…</paragraph><list>…</list></item>).
  bool item_like(const pugi::xml_node& n) {
    if (textual(n)) return true;
    auto k = kids(n);
    if (k.empty() || !textual(k.front())) return false;
    for (std::size_t i = 1; i < k.size(); ++i)
      if (!(roles(k[i]) & r_list)) return false;
    return true;
  }

  // -- blocks

  void heading(const std::string& label, const std::string& title, int level, const source_origin& o) {
    std::string s(static_cast<std::size_t>(std::clamp(level, 1, 6)), '#');
    s.push_back(' ');
    if (!label.empty()) {
      s += label;
      if (!title.empty()) s.push_back(' ');
    }
    s += title;
    line(std::move(s), o, false);
  }

  void paragraph(const pugi::xml_node& n) {
    auto t = text_of(n);
    if (!t.empty()) line(std::move(t), origin(n), false);
  }

  /// The document element's attributes (<unit code="M/650/2307" level="3">) as `Label: value`
  /// fields, under its title: what the document says of itself. Namespace declarations and
  /// qualified names (xsi:…) are the file's, not the document's.
  void attribute_fields(const pugi::xml_node& n) {
    attributes_written_ = true;
    bool first = true;
    for (auto a = n.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = a.name();
      if (name == "xmlns" || name.find(':') != std::string_view::npos) continue;
      std::string v;
      append_collapsed(v, a.value());
      v = trimmed(std::move(v));
      if (v.empty() || v.size() > 120) continue;
      if (first) in_block_ = false;
      first = false;
      line(humanise(a.name()) + ": " + v, origin(n), true);
      in_block_ = true;
    }
    in_block_ = false;
  }

  void field(const pugi::xml_node& n) {
    auto t = text_of(n);
    if (t.empty()) return;
    line(humanise(n.name()) + ": " + t, origin(n), true);
  }

  /// The items of a list element, or a run of repeated item-like siblings.
  void list_items(const std::vector<pugi::xml_node>& items, std::size_t indent, bool ordered) {
    std::size_t number = 0;
    for (const auto& it : items) {
      ++number;
      // an item's label attribute (<criterion number="1.1">) is its printed label
      std::string marker = label_attribute(it);
      if (marker.empty()) marker = ordered ? std::to_string(number) + "." : "-";
      item(it, indent, marker);
    }
  }

  void item(const pugi::xml_node& n, std::size_t indent, const std::string& marker) {
    std::string pad(indent, ' ');
    if (textual(n)) {
      auto t = text_of(n);
      if (!t.empty()) line(pad + marker + " " + t, origin(n), true);
      return;
    }
    auto k = kids(n);
    std::size_t i = 0;
    std::string t;
    source_origin o = origin(n);
    // its text: the leading children that hold text, joined
    for (; i < k.size() && textual(k[i]) && !(roles(k[i]) & r_list); ++i) {
      auto part = text_of(k[i]);
      if (part.empty()) continue;
      if (t.empty()) o = origin(k[i]);
      else t += "<br>";
      t += part;
    }
    if (!t.empty()) line(pad + marker + " " + t, o, true);
    // an item of no text of its own leaves no empty marker: what it holds takes its place
    nested(std::vector<pugi::xml_node>(k.begin() + static_cast<std::ptrdiff_t>(i), k.end()),
           t.empty() ? indent : indent + 2);
  }

  /// What follows an item's text inside it: nested lists, or more items.
  void nested(const std::vector<pugi::xml_node>& rest, std::size_t indent) {
    for (const auto& c : rest) {
      if (roles(c) & r_list) {
        list_items(kids(c), indent, (roles(c) & r_ordered) != 0);
      } else if (textual(c)) {
        item(c, indent, "-");
      } else {
        nested(kids(c), indent);
      }
    }
  }

  // -- tables

  /// Rows of cells: a table element, or repeated same-named children each
  /// holding two or more leaves, in the same number.
  bool table_shaped(const pugi::xml_node& n, const std::vector<pugi::xml_node>& k) {
    if (roles(n) & r_table) return true;
    if (k.size() < 2) return false;
    std::size_t cells = 0;
    for (const auto& row : k) {
      if (std::string_view(row.name()) != k.front().name() || (roles(row) & (r_item | r_paragraph))) return false;
      auto c = kids(row);
      if (c.size() < 2 || (cells && c.size() != cells) || has_text(row)) return false;
      for (const auto& cell : c)
        if (!leaf(cell)) return false;
      cells = c.size();
    }
    return true;
  }

  std::string cell_text(const pugi::xml_node& cell) {
    if (textual(cell)) return text_of(cell);
    std::string out;
    for (const auto& c : kids(cell)) {
      if (roles(c) & r_list) {
        for (const auto& it : kids(c)) {
          auto t = text_of(it);
          if (!t.empty()) out += "<br>- " + t;
        }
        continue;
      }
      auto t = text_of(c);
      if (t.empty()) continue;
      if (!out.empty()) out += "<br>";
      out += t;
    }
    return out;
  }

  void table_row(const std::vector<std::string>& cells, const source_origin& o) {
    std::string s = "|";
    for (const auto& c : cells) {
      s += ' ';
      for (char ch : c) {  // a pipe in a cell would open another column
        if (ch == '|') s += "\\|";
        else s.push_back(ch);
      }
      s += " |";
    }
    line(std::move(s), o, true);
  }

  void table(const pugi::xml_node& n, const std::vector<pugi::xml_node>& k, int level) {
    const bool marked = (roles(n) & r_table) != 0;
    if (!marked) {  // rows of named leaves: their names are the header
      std::vector<std::string> header;
      for (const auto& c : kids(k.front())) header.push_back(humanise(c.name()));
      table_row(header, origin(k.front()));
    }
    // rows may sit in thead/tbody/tgroup wrappers, and a caption may lead
    std::vector<pugi::xml_node> pending(k.rbegin(), k.rend());
    while (!pending.empty()) {
      auto r = pending.back();
      pending.pop_back();
      const auto rr = roles(r);
      if (marked && (rr & r_title)) {
        in_block_ = false;
        heading({}, text_of(r), level, origin(r));
        continue;
      }
      auto cells = kids(r);
      const bool row = (rr & r_row) || !marked ||
                       (!cells.empty() && std::all_of(cells.begin(), cells.end(),
                                                      [&](const pugi::xml_node& c) { return roles(c) & r_cell; }));
      if (!row) {
        if (textual(r)) {
          in_block_ = false;
          paragraph(r);
          continue;
        }
        for (auto it = cells.rbegin(); it != cells.rend(); ++it) pending.push_back(*it);
        continue;
      }
      std::vector<std::string> texts;
      for (const auto& c : cells) texts.push_back(cell_text(c));
      table_row(texts, origin(r));
    }
    in_block_ = false;
  }

  // -- sections

  /// The children of a structured element, at section depth `level`.
  void container(const pugi::xml_node& n, int level) {
    auto k = kids(n);
    if (k.empty()) return;
    if (table_shaped(n, k)) {
      table(n, k, level);
      return;
    }
    if (roles(n) & r_list) {
      list_items(k, 0, (roles(n) & r_ordered) != 0);
      in_block_ = false;
      return;
    }
    // all short leaves: fields, or one list when they repeat one name
    if (std::all_of(k.begin(), k.end(), [&](const pugi::xml_node& c) { return short_leaf(c); })) {
      const bool repeated = std::all_of(k.begin(), k.end(), [&](const pugi::xml_node& c) {
        return std::string_view(c.name()) == k.front().name();
      });
      if (!repeated && std::none_of(k.begin(), k.end(), [&](const pugi::xml_node& c) {
            return (roles(c) & (r_paragraph | r_item)) != 0;
          })) {
        for (const auto& c : k) field(c);
        in_block_ = false;
        return;
      }
    }

    // the section's heading: a title leaf, or a short leaf first among structured siblings
    std::size_t head = k.size();
    for (std::size_t i = 0; i < k.size(); ++i)
      if ((roles(k[i]) & r_title) && short_leaf(k[i])) {
        head = i;
        break;
      }
    const bool structured_after =
        k.size() > 1 && std::any_of(k.begin() + 1, k.end(), [&](const pugi::xml_node& c) { return !textual(c); });
    if (head == k.size() && structured_after && short_leaf(k[0]) && !lead_in(k[0]) &&
        !(roles(k[0]) & (r_paragraph | r_item)))
      head = 0;
    std::string label = label_attribute(n);
    std::size_t skip = k.size();
    int inner = level;
    if (head < k.size()) {
      auto title = text_of(k[head]);
      if (label.empty() && head == 0 && label_shaped(title) && k.size() > 1 && item_holder(k[1])) {
        // a code before the text it labels: an item ("2A.P1 Explain …")
        labelled_item(title, origin(k[0]), k[1]);
        skip = 0;
        rest(k, 2, level);
        return;
      }
      heading(label, title, level, label.empty() ? origin(k[head]) : origin(n));
      if (n == root_ && !attributes_written_) attribute_fields(n);
      skip = head;
      inner = level + 1;
    } else if (n.parent().parent().type() == pugi::node_document) {
      // a part of the document with no title of its own is named by its element
      heading(label, humanise(n.name()), level, origin(n));
      inner = level + 1;
    } else if (!label.empty()) {
      heading(label, {}, level, origin(n));
      inner = level + 1;
    }
    std::vector<pugi::xml_node> others;
    for (std::size_t i = 0; i < k.size(); ++i)
      if (i != skip) others.push_back(k[i]);
    if (n == root_ && !attributes_written_) attribute_fields(n);  // a root with no title: its fields first
    rest(others, 0, inner);
  }

  /// Holds the text a label labels: text itself, or a first child holding it.
  bool item_holder(const pugi::xml_node& n) {
    if (textual(n)) return true;
    auto k = kids(n);
    if (k.size() != 1) return false;
    return textual(k[0]) || item_like(k[0]) || lead_list(k[0]);
  }

  /// A lead-in followed by its list (<describedlist>).
  bool lead_list(const pugi::xml_node& n) {
    auto k = kids(n);
    return k.size() == 2 && textual(k[0]) && (roles(k[1]) & r_list);
  }

  void labelled_item(const std::string& label, const source_origin& o, const pugi::xml_node& holder) {
    if (textual(holder)) {
      line(label + " " + text_of(holder), o, false);
      in_block_ = true;
      return;
    }
    auto inner = kids(holder).front();
    if (textual(inner)) {
      line(label + " " + text_of(inner), o, false);
      in_block_ = true;
      return;
    }
    auto parts = kids(inner);
    line(label + " " + text_of(parts[0]), o, false);
    in_block_ = true;
    nested(std::vector<pugi::xml_node>(parts.begin() + 1, parts.end()), 2);
  }

  /// Siblings in order from `from`: paragraphs, fields, lists, sections.
  void rest(const std::vector<pugi::xml_node>& k, std::size_t from, int level) {
    std::size_t run = 0;  // the last sibling of the run of one name that k[i] is in
    for (std::size_t i = from; i < k.size(); ++i) {
      const auto& c = k[i];
      const auto r = roles(c);
      // a run of repeated item-like siblings is a list; measured once per run
      if (i == from || run < i) {
        run = i;
        while (run + 1 < k.size() && std::string_view(k[run + 1].name()) == c.name()) ++run;
      }
      const bool first_of_run = i == 0 || std::string_view(k[i - 1].name()) != c.name();
      if ((r & r_item) || (first_of_run && run > i && !(r & r_paragraph) && one_paragraph(c))) {
        std::vector<pugi::xml_node> items(k.begin() + static_cast<std::ptrdiff_t>(i),
                                          k.begin() + static_cast<std::ptrdiff_t>(run + 1));
        list_items(items, 0, false);
        in_block_ = false;
        i = run;
        continue;
      }
      if (textual(c)) {
        // a leaf whose label attribute numbers it (<criterion number="2.1">…): an item with that label
        if (auto label = label_attribute(c); !label.empty()) {
          if (auto t = text_of(c); !t.empty()) {
            in_block_ = false;
            line(label + " " + t, origin(c), false);
          }
          continue;
        }
        const bool is_field = !(r & r_paragraph) && short_leaf(c) && !lead_in(c) && run == i && first_of_run;
        if (is_field) {
          field(c);
        } else {
          in_block_ = false;
          paragraph(c);
        }
        continue;
      }
      in_block_ = false;
      container(c, level);
      in_block_ = false;
    }
  }

  /// Holds one paragraph: text, or one child holding text.
  bool one_paragraph(const pugi::xml_node& n) {
    if (textual(n)) return true;
    auto k = kids(n);
    return k.size() == 1 && textual(k[0]);
  }
};

/// Converts a non-UTF-8 XML file to UTF-8 so that offsets, lines and columns
/// count the text the reader sees; an encoding ICU does not know gives "".
std::string to_utf8(std::string_view bytes, pugi::xml_encoding e) {
  const char* name = nullptr;
  switch (e) {
    case pugi::encoding_utf16_le: name = "UTF-16LE"; break;
    case pugi::encoding_utf16_be: name = "UTF-16BE"; break;
    case pugi::encoding_utf32_le: name = "UTF-32LE"; break;
    case pugi::encoding_utf32_be: name = "UTF-32BE"; break;
    case pugi::encoding_latin1: name = "ISO-8859-1"; break;
    default: return {};
  }
  icu::UnicodeString u(bytes.data(), static_cast<std::int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX)), name);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string where(const line_index& idx, std::ptrdiff_t offset) {
  auto o = idx.at(offset);
  return "line " + std::to_string(o.line) + ", column " + std::to_string(o.column);
}

/// Deeper than `max` elements: the first element past it, or none. Iterative:
/// the tree may be far deeper than any stack.
pugi::xml_node too_deep(const pugi::xml_document& doc, std::uint32_t max) {
  pugi::xml_node n = doc.first_child();
  std::uint32_t depth = 1;
  while (n) {
    if (n.type() == pugi::node_element && depth > max) return n;
    if (auto c = n.first_child()) {
      n = c;
      ++depth;
      continue;
    }
    while (n && !n.next_sibling()) {
      n = n.parent();
      --depth;
      if (n == doc) return {};
    }
    if (n) n = n.next_sibling();
  }
  return {};
}

bool qspec_catalogue(const pugi::xml_node& root) {
  for (auto a = root.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    if (name == "xmlns" || name.rfind("xmlns:", 0) == 0)
      if (std::string_view(a.value()).rfind("urn:qspec:catalogue", 0) == 0) return true;
  }
  return false;
}

}  // namespace

loaded_text read_xml(std::string_view bytes, const read_limits& limits) {
  loaded_text refused;
  refused.format = to_string(input_format::xml);
  constexpr unsigned options = pugi::parse_default | pugi::parse_comments | pugi::parse_pi;

  pugi::xml_document doc;
  auto parsed = doc.load_buffer(bytes.data(), bytes.size(), options, pugi::encoding_auto);
  std::string converted;
  std::string_view source = bytes;
  if (parsed.encoding != pugi::encoding_utf8 && parsed.encoding != pugi::encoding_auto) {
    converted = to_utf8(bytes, parsed.encoding);
    if (!converted.empty()) {
      source = std::string_view(converted);
      parsed = doc.load_buffer(source.data(), source.size(), options, pugi::encoding_utf8);
    }
  }
  const line_index index(source);
  if (!parsed) {
    refused.error = "the XML is not well-formed at " + where(index, parsed.offset) + ": " + parsed.description();
    return refused;
  }
  pugi::xml_node root = doc.document_element();
  if (!root) {
    refused.error = "the XML holds no element";
    return refused;
  }
  if (qspec_catalogue(root)) {
    refused.error = "the input is a qspec catalogue, not a document: `qspec diff` reads catalogues; "
                    "`qspec parse` reads the documents they are made from";
    return refused;
  }
  if (auto deep = too_deep(doc, limits.max_depth)) {
    refused.error = "the XML nests elements more than " + std::to_string(limits.max_depth) + " deep (at " +
                    where(index, deep.offset_debug() - 1) + "); qspec follows markup that deep at most";
    return refused;
  }

  vocabulary vocab(builtin_profiles().vocabulary("xml"));
  block_writer w(vocab, index);
  w.document(root);

  std::size_t comments = 0, instructions = 0, furniture_elements = 0;
  {
    pugi::xml_node n = doc.first_child();
    while (n) {  // iterative: counted after the depth check, but cheap either way
      if (n.type() == pugi::node_comment) ++comments;
      if (n.type() == pugi::node_pi) ++instructions;
      if (n.type() == pugi::node_element && (vocab.roles(n.name()) & r_furniture)) {
        ++furniture_elements;  // not entered: what it holds is furniture too
      } else if (auto c = n.first_child()) {
        n = c;
        continue;
      }
      while (n && !n.next_sibling()) {
        n = n.parent();
        if (n == doc) n = {};
      }
      if (n) n = n.next_sibling();
    }
  }

  loaded_text out = load_bytes(w.text);
  if (!out) {
    refused.error = out.error;
    return refused;
  }
  out.format = to_string(input_format::xml);
  out.origins = std::move(w.origins);
  out.origins.resize(static_cast<std::size_t>(std::count(out.text.begin(), out.text.end(), '\n')) +
                     (out.text.empty() || out.text.back() == '\n' ? 0 : 1));
  if (comments || instructions || furniture_elements) {
    diagnostic d;
    d.code = diag::markup_converted;
    d.level = severity::note;
    std::string what;
    auto add = [&](std::size_t count, const char* one, const char* many) {
      if (!count) return;
      if (!what.empty()) what += ", ";
      what += std::to_string(count) + " " + (count == 1 ? one : many);
    };
    add(comments, "comment", "comments");
    add(instructions, "processing instruction", "processing instructions");
    add(furniture_elements, "furniture element (script, style, navigation)", "furniture elements (scripts, styles, navigation)");
    d.message = "XML read as blocks; left out as furniture: " + what;
    out.diagnostics.push_back(std::move(d));
  }
  return out;
}

}  // namespace qspec::formats
