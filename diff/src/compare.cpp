// Matching two catalogue trees and classifying what changed.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "qspec/catalogue.hpp"
#include "qspec/diff.hpp"

namespace qspec::diff {
namespace {

const std::set<std::string, std::less<>> ignored_kinds = {
    "diagnostic", "furniture", "form_field", "appearance", "conflict", "conflict_value", "source_document",
    "term_reference", "source_map"};
const std::set<std::string, std::less<>> text_kinds = {"paragraph", "list", "list_item"};
const std::set<std::string, std::less<>> number_fields = {"number", "letter"};
const std::set<std::string, std::less<>> label_fields = {"title", "text", "name", "term", "statement", "heading",
                                                         "audience"};

std::string value_text(const tree::value& v) {
  struct visitor {
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const source_span&) const { return {}; }
    std::string operator()(const std::vector<std::string>& l) const {
      std::string out;
      for (const auto& s : l) out += (out.empty() ? "" : ", ") + s;
      return out;
    }
  };
  return std::visit(visitor{}, v);
}

/// comparable_text plus line-wrap hyphenation: "values- based" is "values-based".
std::string normalise(std::string_view s) {
  std::string t = comparable_text(s);
  std::string out;
  out.reserve(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ' ' && i > 0 && t[i - 1] == '-' && i + 1 < t.size() && t[i + 1] >= 'a' && t[i + 1] <= 'z' &&
        i >= 2 && std::isalpha(static_cast<unsigned char>(t[i - 2])))
      continue;
    out.push_back(t[i]);
  }
  return out;
}

struct item {
  const tree::node* n = nullptr;
  int parent = -1;
  std::vector<std::string> context;
  std::vector<std::pair<std::string, std::string>> fields;  // name, text; spans left out
  std::string signature;
  std::vector<std::string> words;  // sorted, unique
  std::string local_id;
  std::string number;
  std::string label;
  int match = -1;
};

void collect_text(const tree::node& n, std::string& body) {
  if (n.kind == "paragraph" || n.kind == "list_item") {
    auto t = n.text("text");
    if (!body.empty()) body += "\n";
    if (n.kind == "list_item") body += "\u2022 ";
    body += t;
  }
  for (const auto& c : n.children)
    if (text_kinds.count(c.kind)) collect_text(c, body);
}

class flattener {
 public:
  explicit flattener(std::vector<item>& out) : out_(out) {}
  void run(const tree::node& root) {
    for (const auto& c : root.children) visit(c, -1, {});
  }

 private:
  std::vector<item>& out_;
  void visit(const tree::node& n, int parent, std::vector<std::string> context) {
    if (ignored_kinds.count(n.kind) || text_kinds.count(n.kind)) return;
    item it;
    it.n = &n;
    it.parent = parent;
    it.context = context;
    std::string body;
    for (const auto& f : n.fields) {
      if (std::holds_alternative<source_span>(f.value)) continue;
      std::string v = value_text(f.value);
      if (number_fields.count(f.name)) it.number = v;
      if (it.label.empty() && label_fields.count(f.name)) it.label = v;
      it.fields.emplace_back(f.name, std::move(v));
    }
    for (const auto& c : n.children)
      if (text_kinds.count(c.kind)) collect_text(c, body);
    if (!body.empty()) it.fields.emplace_back("body", body);
    std::string joined;
    it.signature = n.kind;
    // an item with a statement of its own ("S10", "Remove, repair and …") is
    // the same item under another code: its code and label number it
    const bool stated = std::any_of(it.fields.begin(), it.fields.end(), [](const auto& f) { return f.first == "text"; });
    for (const auto& [name, v] : it.fields) {
      if (number_fields.count(name)) continue;
      if (stated && (name == "code" || name == "label")) continue;
      std::string norm = normalise(v);
      it.signature += "\x1f" + name + "=" + norm;
      joined += norm + " ";
    }
    it.words = words_of(joined);
    std::sort(it.words.begin(), it.words.end());
    it.words.erase(std::unique(it.words.begin(), it.words.end()), it.words.end());
    const std::string& pid = parent >= 0 ? out_[static_cast<std::size_t>(parent)].n->id : std::string();
    it.local_id = (!pid.empty() && n.id.compare(0, pid.size(), pid) == 0) ? n.id.substr(pid.size()) : n.id;
    if (it.label.empty()) it.label = n.id;
    out_.push_back(std::move(it));
    int self = static_cast<int>(out_.size()) - 1;
    context.push_back(n.id);
    for (const auto& c : n.children) visit(c, self, context);
  }
};

double dice(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::size_t common = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    int c = a[i].compare(b[j]);
    if (c == 0) ++common, ++i, ++j;
    else if (c < 0) ++i;
    else ++j;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

class matcher {
 public:
  matcher(std::vector<item>& a, std::vector<item>& b, const options& o) : a_(a), b_(b), o_(o) {}

  void run() {
    same_content(true);
    same_content(false);
    same_id();
    similar();
  }

 private:
  std::vector<item>& a_;
  std::vector<item>& b_;
  const options& o_;

  void pair(int i, int j) {
    a_[static_cast<std::size_t>(i)].match = j;
    b_[static_cast<std::size_t>(j)].match = i;
  }
  bool parent_agrees(int i, int j) const {
    int pi = a_[static_cast<std::size_t>(i)].parent, pj = b_[static_cast<std::size_t>(j)].parent;
    if (pi < 0 || pj < 0) return pi < 0 && pj < 0;
    return a_[static_cast<std::size_t>(pi)].match == pj;
  }

  /// Same kind and content: with the same id first, then anywhere (moved,
  /// renumbered), preferring a candidate under the matching parent.
  void same_content(bool require_id) {
    std::unordered_map<std::string, std::vector<int>> by_signature;
    for (int i = 0; i < static_cast<int>(a_.size()); ++i)
      if (a_[static_cast<std::size_t>(i)].match < 0) by_signature[a_[static_cast<std::size_t>(i)].signature].push_back(i);
    for (int j = 0; j < static_cast<int>(b_.size()); ++j) {
      auto& nb = b_[static_cast<std::size_t>(j)];
      if (nb.match >= 0) continue;
      auto it = by_signature.find(nb.signature);
      if (it == by_signature.end()) continue;
      int best = -1;
      for (int i : it->second) {
        if (a_[static_cast<std::size_t>(i)].match >= 0) continue;
        bool same = a_[static_cast<std::size_t>(i)].n->id == nb.n->id;
        if (require_id && !same) continue;
        if (best < 0 || (!require_id && parent_agrees(i, j) && !parent_agrees(best, j))) best = i;
        if (same) {
          best = i;
          break;
        }
      }
      if (best >= 0) pair(best, j);
    }
  }

  /// Same kind and id, text similar (half the threshold is enough here).
  void same_id() {
    std::unordered_map<std::string, int> by_id;
    for (int i = 0; i < static_cast<int>(a_.size()); ++i)
      if (a_[static_cast<std::size_t>(i)].match < 0) by_id.emplace(a_[static_cast<std::size_t>(i)].n->kind + "\x1f" + a_[static_cast<std::size_t>(i)].n->id, i);
    for (int j = 0; j < static_cast<int>(b_.size()); ++j) {
      auto& nb = b_[static_cast<std::size_t>(j)];
      if (nb.match >= 0) continue;
      auto it = by_id.find(nb.n->kind + "\x1f" + nb.n->id);
      if (it == by_id.end() || a_[static_cast<std::size_t>(it->second)].match >= 0) continue;
      if (dice(a_[static_cast<std::size_t>(it->second)].words, nb.words) >= o_.threshold / 2) pair(it->second, j);
    }
  }

  /// The rest by similarity, through an index of words: only nodes that
  /// share one of a node's rarest words are compared with it.
  void similar() {
    std::unordered_map<std::string, std::vector<int>> index;
    for (int i = 0; i < static_cast<int>(a_.size()); ++i) {
      const auto& ia = a_[static_cast<std::size_t>(i)];
      if (ia.match >= 0) continue;
      for (const auto& w : ia.words) index[w].push_back(i);
    }
    for (int j = 0; j < static_cast<int>(b_.size()); ++j) {
      auto& nb = b_[static_cast<std::size_t>(j)];
      if (nb.match >= 0 || nb.words.empty()) continue;
      std::vector<std::pair<std::size_t, const std::string*>> rare;
      for (const auto& w : nb.words) {
        auto it = index.find(w);
        if (it != index.end()) rare.emplace_back(it->second.size(), &w);
      }
      std::sort(rare.begin(), rare.end());
      std::set<int> candidates;
      for (std::size_t k = 0; k < rare.size() && k < 6 && candidates.size() < 400; ++k)
        for (int i : index[*rare[k].second]) {
          if (a_[static_cast<std::size_t>(i)].match < 0 && a_[static_cast<std::size_t>(i)].n->kind == nb.n->kind) candidates.insert(i);
          if (candidates.size() >= 400) break;
        }
      int best = -1;
      double best_score = o_.threshold;
      for (int i : candidates) {
        double s = dice(a_[static_cast<std::size_t>(i)].words, nb.words);
        if (s > best_score || (s == best_score && best >= 0 && parent_agrees(i, j) && !parent_agrees(best, j)) ||
            (s >= best_score && best < 0)) {
          best = i;
          best_score = s;
        }
      }
      if (best >= 0) pair(best, j);
    }
  }
};

side side_of(const item& it) { return {it.n->id, it.n->span, it.number, it.label}; }

std::vector<field_change> changed_fields(const item& a, const item& b, bool numbers_apart) {
  std::vector<field_change> out;
  std::vector<std::string> names;
  for (const auto& [n, v] : a.fields) names.push_back(n);
  for (const auto& [n, v] : b.fields)
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  auto get = [](const item& it, const std::string& name) {
    for (const auto& [n, v] : it.fields)
      if (n == name) return v;
    return std::string();
  };
  for (const auto& name : names) {
    if (numbers_apart && number_fields.count(name)) continue;
    std::string x = get(a, name), y = get(b, name);
    if (x == y) continue;
    field_change fc;
    fc.field = name;
    fc.before = x;
    fc.after = y;
    fc.words = word_diff(x, y);
    out.push_back(std::move(fc));
  }
  return out;
}

bool inside_unmatched(const std::vector<item>& items, const item& it) {
  for (int p = it.parent; p >= 0; p = items[static_cast<std::size_t>(p)].parent)
    if (items[static_cast<std::size_t>(p)].match < 0) return true;
  return false;
}

}  // namespace

std::string_view to_string(op o) {
  switch (o) {
    case op::added: return "added";
    case op::removed: return "removed";
    case op::modified: return "modified";
    case op::moved: return "moved";
    case op::renumbered: return "renumbered";
  }
  return "modified";
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return out;
  it->setText(u);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    if (it->getRuleStatus() == UBRK_WORD_NONE) continue;
    std::string w;
    u.tempSubStringBetween(start, end).toUTF8String(w);
    out.push_back(std::move(w));
  }
  return out;
}

result compare(const tree::node& old_root, const tree::node& new_root, const options& o) {
  std::vector<item> a, b;
  a.reserve(1024);
  b.reserve(1024);
  flattener(a).run(old_root);
  flattener(b).run(new_root);
  matcher(a, b, o).run();
  result r;
  r.old_name = std::string(old_root.text("source"));
  r.new_name = std::string(new_root.text("source"));
  r.old_nodes = a.size();
  r.new_nodes = b.size();
  for (const auto& nb : b) {
    if (nb.match < 0) {
      if (inside_unmatched(b, nb)) continue;  // reported with the node that holds it
      change c;
      c.what = op::added;
      c.kind = nb.n->kind;
      c.after = side_of(nb);
      c.context = nb.context;
      r.changes.push_back(std::move(c));
      continue;
    }
    const auto& na = a[static_cast<std::size_t>(nb.match)];
    bool parent_same = (na.parent < 0 && nb.parent < 0) ||
                       (na.parent >= 0 && nb.parent >= 0 && a[static_cast<std::size_t>(na.parent)].match == nb.parent);
    bool moved = !parent_same;
    bool renumbered = !moved && na.local_id != nb.local_id;
    auto fields = changed_fields(na, nb, moved || renumbered);
    if (!moved && !renumbered && fields.empty()) continue;
    change c;
    c.what = moved ? op::moved : renumbered ? op::renumbered : op::modified;
    c.kind = nb.n->kind;
    c.before = side_of(na);
    c.after = side_of(nb);
    c.fields = std::move(fields);
    c.context = nb.context;
    if (moved) {
      const tree::node* from = na.parent >= 0 ? a[static_cast<std::size_t>(na.parent)].n : nullptr;
      const tree::node* to = nb.parent >= 0 ? b[static_cast<std::size_t>(nb.parent)].n : nullptr;
      if (from && to && from->kind == "unit_group" && to->kind == "unit_group")
        c.detail = "group " + std::string(from->text("type")) + " -> " + std::string(to->text("type"));
      else
        c.detail = "from " + (from ? from->id : std::string("the top")) + " to " + (to ? to->id : std::string("the top"));
    }
    r.changes.push_back(std::move(c));
  }
  for (const auto& na : a) {
    if (na.match >= 0 || inside_unmatched(a, na)) continue;
    change c;
    c.what = op::removed;
    c.kind = na.n->kind;
    c.before = side_of(na);
    c.context = na.context;
    r.changes.push_back(std::move(c));
  }
  return r;
}

}  // namespace qspec::diff
