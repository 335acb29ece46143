// Invariants over every catalogue: each corpus document, in each format, read
// back from what was emitted, must satisfy them; hand-made broken trees show
// that each check can fail.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "helpers.hpp"
#include "qspec/catalogue.hpp"
#include "qspec/emit.hpp"
#include "qspec/read.hpp"

using namespace qspec;
using tree::node;

namespace {

struct finding {
  std::string rule;  ///< unique_ids, span_in_source, span_in_parent, source_order, text_from_source, coverage
  std::string detail;
};

std::string where(const source_span& s) { return qspec::test::pos(s); }

bool contains(const source_span& outer, const source_span& inner) {
  return !(inner.begin < outer.begin) && !(outer.end < inner.end);
}

/// The source cut into lines as spans count them: "\n", "\r\n" or a lone
/// "\r" ends a line, and a final terminator opens no further line.
class source_lines {
 public:
  explicit source_lines(std::string_view text) {
    std::size_t start = 0;
    for (;;) {
      auto end = text.find_first_of("\r\n", start);
      if (end == std::string_view::npos) end = text.size();
      lines_.push_back(text.substr(start, end - start));
      if (end >= text.size()) break;
      auto next = end + 1;
      if (text[end] == '\r' && next < text.size() && text[next] == '\n') ++next;
      if (next >= text.size()) break;
      start = next;
    }
  }
  [[nodiscard]] std::uint32_t count() const { return static_cast<std::uint32_t>(lines_.size()); }
  /// 1-based line.
  [[nodiscard]] std::string_view line(std::uint32_t l) const { return lines_[l - 1]; }

  /// Byte offset in line l of its code point number `column` (1-based); the
  /// line's size for the column just past its end; npos beyond that.
  [[nodiscard]] std::size_t offset(std::uint32_t l, std::uint32_t column) const {
    auto s = line(l);
    std::size_t i = 0;
    for (std::uint32_t c = 1; c < column; ++c) {
      if (i >= s.size()) return std::string_view::npos;
      U8_FWD_1(s.data(), i, s.size());
    }
    return i;
  }

  [[nodiscard]] bool holds(const source_span& s) const {
    if (s.begin.line < 1 || s.end.line > count() || s.end < s.begin || s.begin.column < 1 || s.end.column < 1)
      return false;
    auto b = offset(s.begin.line, s.begin.column), e = offset(s.end.line, s.end.column);
    return b < line(s.begin.line).size() && e < line(s.end.line).size();
  }

  /// The source text a span covers but for the holes in it (each left as a
  /// space), lines joined by "\n".
  [[nodiscard]] std::string text(const source_span& s, const std::vector<source_span>& holes = {}) const {
    std::string out;
    for (auto l = s.begin.line; l <= s.end.line && l <= count(); ++l) {
      auto t = line(l);
      std::uint32_t column = 1;
      for (std::size_t i = 0; i < t.size(); ++column) {
        auto start = i;
        U8_FWD_1(t.data(), i, t.size());
        const source_position at{l, column};
        if (at < s.begin || s.end < at) continue;
        if (std::any_of(holes.begin(), holes.end(), [&](auto& h) { return !(at < h.begin) && !(h.end < at); }))
          out += ' ';
        else
          out.append(t.substr(start, i - start));
      }
      out += '\n';
    }
    return out;
  }

 private:
  std::vector<std::string_view> lines_;
};

bool blank(std::string_view line) {
  for (std::size_t i = 0; i < line.size();) {
    UChar32 c;
    U8_NEXT(line.data(), i, line.size(), c);
    if (c != ' ' && c != '\t' && c != 0xA0) return false;
  }
  return true;
}

/// Runs of letters and digits: what survives every documented change of a
/// text (markup and emphasis markers removed, whitespace joined, entities
/// decoded, punctuation kept or not).
std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  for (std::size_t i = 0; i < s.size();) {
    auto start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, s.size(), c);
    if (c == '*') continue;  // an emphasis marker, also inside a word ("indu**strial"), is removed
    // a label glued to its text ("1.1Outline") is split from it: a digit then a letter parts words
    if (c >= 0 && u_isalpha(c) && !word.empty() && word.back() >= '0' && word.back() <= '9') {
      out.push_back(std::move(word));
      word.clear();
    }
    if (c >= 0 && u_isalnum(c)) {
      word.append(s.substr(start, i - start));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

bool in_order(const std::vector<std::string>& needle, const std::vector<std::string>& hay) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < hay.size() && k < needle.size(); ++i)
    if (hay[i] == needle[k]) ++k;
  return k == needle.size();
}

/// `hay` with each run of `from` replaced by `to`.
std::vector<std::string> substituted(const std::vector<std::string>& hay, const std::vector<std::string>& from,
                                     const std::vector<std::string>& to) {
  if (from.empty()) return hay;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < hay.size();) {
    if (i + from.size() <= hay.size() && std::equal(from.begin(), from.end(), hay.begin() + static_cast<long>(i))) {
      out.insert(out.end(), to.begin(), to.end());
      i += from.size();
    } else {
      out.push_back(hay[i++]);
    }
  }
  return out;
}

/// Fields holding text read from the node's own span.
constexpr std::string_view text_fields[] = {"text",  "statement", "title",    "heading",           "term",
                                            "label", "name",      "relation", "requirement_label", "lead_in",
                                            "description", "guidance_statement", "reference"};

/// Fields read from a place of their own, named by a span field.
struct read_elsewhere {
  std::string_view kind, field, span_field;
};
constexpr read_elsewhere elsewhere[] = {
    {"evidence_method", "name", "legend_span"},  // the legend under the table expands the column's code
    {"unit", "reference", "reference_span"},     // printed on a line of its own in some layouts
};

/// Kinds whose facts are gathered from all their lines, children's included:
/// a qualification's title may stand in a table header, a group's name in
/// each row of its units, a standard's title in its "Unit title:" field.
bool gathers(std::string_view kind) {
  return kind == "qualification" || kind == "unit_group" || kind == "standard";  // a standard's title may be a field
}

bool is_root(const node& n) { return n.kind == "document" || n.kind == "merged_catalogue"; }

/// Children that are not content: the order qspec reported or found them in
/// is kept, and they are ordered among their own kind only.
bool annotation(const node& n) {
  return n.kind == "furniture" || n.kind == "diagnostic" || n.kind == "appearance" || n.kind == "conflict" ||
         n.kind == "source_document";
}

class checker {
 public:
  checker(const node& root, std::string_view source) : root_(root), src_(source) {
    for (const auto& c : root.children)
      if (c.kind == "diagnostic") diagnostics_.push_back(&c);
  }

  std::vector<finding> run() {
    visit(root_, nullptr);
    if (root_.kind == "document") coverage();
    return std::move(found_);
  }

 private:
  const node& root_;
  source_lines src_;
  std::vector<const node*> diagnostics_;
  std::set<std::string> ids_;
  std::vector<finding> found_;

  void fail(std::string rule, std::string detail) { found_.push_back({std::move(rule), std::move(detail)}); }

  void visit(const node& n, const node* parent) {
    if (!n.id.empty() && !ids_.insert(n.id).second) fail("unique_ids", "id " + n.id + " repeated");
    const bool held = n.span.empty() || src_.holds(n.span);
    if (!held) fail("span_in_source", n.kind + " " + n.id + " at " + where(n.span));
    for (const auto& f : n.fields)
      if (const auto* s = std::get_if<source_span>(&f.value); s && !s->empty() && !src_.holds(*s))
        fail("span_in_source", n.kind + " " + n.id + " " + f.name + " at " + where(*s));
    if (parent && !parent->span.empty() && !n.span.empty() && !contains(parent->span, n.span))
      fail("span_in_parent", n.kind + " " + n.id + " at " + where(n.span) + " outside " + parent->kind + " " +
                                 parent->id + " at " + where(parent->span));
    if (held && !n.span.empty() && n.kind != "diagnostic" && n.kind != "furniture") text_from_source(n);
    order(n);
    for (const auto& c : n.children) visit(c, &n);
  }

  /// Content children in source order. A document's children are grouped
  /// (content by kind, then furniture, then diagnostics), and so are a
  /// qualification's (a merge gathers them by kind from several documents):
  /// there each group is in source order.
  void order(const node& n) {
    const bool by_kind = is_root(n) || n.kind == "qualification";
    std::map<std::string, source_position> last;  // group -> begin of its last child
    for (const auto& c : n.children) {
      if (c.span.empty() || c.kind == "diagnostic") continue;
      std::string group = by_kind || annotation(c) ? c.kind : "";
      auto [it, first] = last.try_emplace(group, c.span.begin);
      if (!first && c.span.begin < it->second)
        fail("source_order", c.kind + " " + c.id + " at " + where(c.span) + " after a sibling starting later, in " +
                                 n.kind + " " + n.id);
      it->second = std::max(it->second, c.span.begin);
    }
  }

  /// The words of each text field occur in order in the node's own source
  /// text (its span but for its children's), but where a diagnostic over the
  /// span says what it repaired. Term references mark words of the text
  /// itself: they are not taken out (nor anything, for the kinds that gather
  /// their facts from all their lines).
  void text_from_source(const node& n) {
    std::vector<std::string> own;
    bool have_own = false;
    for (auto name : text_fields) {
      auto value = n.text(name);
      if (value.empty()) continue;
      if (n.kind == "field" && name == "name") continue;  // a metadata field's name is the profile's key
      source_span span = n.span;
      bool own_span = true;
      for (const auto& e : elsewhere)
        if (e.kind == n.kind && e.field == name)
          if (const auto* f = n.find(e.span_field))
            if (const auto* s = std::get_if<source_span>(&f->value); s && src_.holds(*s)) span = *s, own_span = false;
      std::vector<std::string> hay;
      if (!own_span) {
        hay = words(src_.text(span));
      } else {
        if (!have_own) {
          std::vector<source_span> holes;
          for (const auto& c : n.children)
            if (!c.span.empty() && c.kind != "term_reference" && !gathers(n.kind)) holes.push_back(c.span);
          own = words(src_.text(n.span, holes));
          have_own = true;
        }
        hay = own;
      }
      auto needle = words(value);
      if (in_order(needle, hay)) continue;
      bool read_as_repaired = false;  // a diagnostic over the span says the text was read so (reading order)
      for (const node* d : diagnostics_)
        if (!d->span.empty() && !(d->span.end < span.begin) && !(span.end < d->span.begin)) {
          hay = substituted(hay, words(d->text("original")), words(d->text("repaired")));
          read_as_repaired = read_as_repaired || in_order(needle, words(d->text("repaired")));
        }
      if (!in_order(needle, hay) && !read_as_repaired)
        fail("text_from_source", n.kind + " " + n.id + " " + std::string(name) + " \"" + std::string(value) +
                                     "\" is not the text at " + where(span));
    }
  }

  std::int64_t count(std::string_view name) const {
    const auto* f = root_.find(name);
    const auto* v = f ? std::get_if<std::int64_t>(&f->value) : nullptr;
    return v ? *v : -1;
  }

  /// Every line counted once: blank, in a node, in furniture or unclassified
  /// (with its diagnostic).
  void coverage() {
    const auto lines = count("lines"), blanks = count("blank_lines"), content = count("content_lines"),
               furniture = count("furniture_lines"), unclassified = count("unclassified_lines");
    if (blanks + content + furniture + unclassified != lines)
      fail("coverage", "blank + content + furniture + unclassified lines != lines");
    if (lines != src_.count()) fail("coverage", "lines != " + std::to_string(src_.count()) + " in the source");
    std::vector<char> covered(src_.count() + 1, 0);
    std::int64_t source_blanks = 0;
    for (std::uint32_t l = 1; l <= src_.count(); ++l) {
      covered[l] = blank(src_.line(l));
      source_blanks += covered[l];
    }
    if (blanks != source_blanks) fail("coverage", "blank_lines != " + std::to_string(source_blanks) + " in the source");
    std::int64_t diagnosed = 0;
    std::vector<char> in_text(src_.count() + 1, 0);
    for (const auto& c : root_.children) mark_text(c, in_text);
    for (const node* d : diagnostics_) {
      if (d->text("code") != diag::unclassified_line) continue;
      ++diagnosed;
      if (d->span.empty() || d->span.begin.line > src_.count()) continue;
      covered[d->span.begin.line] = 1;
      if (in_text[d->span.begin.line])  // counted twice: unclassified and in a node's text
        fail("coverage", "line " + std::to_string(d->span.begin.line) + " is unclassified and in a node's text");
    }
    if (diagnosed != unclassified)
      fail("coverage", "unclassified_lines != " + std::to_string(diagnosed) + " unclassified-line diagnostics");
    for (const auto& c : root_.children) mark(c, covered);
    for (std::uint32_t l = 1; l <= src_.count(); ++l)
      if (!covered[l]) fail("coverage", "line " + std::to_string(l) + " is in no node, furniture or diagnostic");
  }

  /// Lines of the nodes that are text themselves (paragraphs, items, criteria
  /// with no sub-items…): the leaves of the content.
  void mark_text(const node& n, std::vector<char>& in_text) const {
    if (annotation(n) || n.span.empty() || !src_.holds(n.span)) return;
    bool leaf = true;
    for (const auto& c : n.children) leaf = leaf && c.kind == "term_reference";
    if (leaf) std::fill(in_text.begin() + n.span.begin.line, in_text.begin() + n.span.end.line + 1, 1);
    else
      for (const auto& c : n.children) mark_text(c, in_text);
  }

  void mark(const node& n, std::vector<char>& covered) const {
    if (n.kind == "diagnostic" || n.span.empty() || !src_.holds(n.span)) return;
    for (auto l = n.span.begin.line; l <= n.span.end.line; ++l) covered[l] = 1;
    for (const auto& c : n.children) mark(c, covered);
  }
};

std::vector<finding> check(const node& root, std::string_view source) { return checker(root, source).run(); }

std::set<std::string> rules(const std::vector<finding>& found) {
  std::set<std::string> out;
  for (const auto& f : found) out.insert(f.rule);
  return out;
}

std::string report(const std::vector<finding>& found) {
  std::string out;
  for (std::size_t i = 0; i < found.size() && i < 40; ++i) out += found[i].rule + ": " + found[i].detail + "\n";
  if (found.size() > 40) out += "… and " + std::to_string(found.size() - 40) + " more\n";
  return out;
}

std::string emitted(const node& root, format f) {
  std::ostringstream out;
  emit(root, f, out);
  return out.str();
}

/// corpus/*.txt, corpus/revisions/*.txt, corpus/regressions/*.txt, the
/// layout variants corpus/layouts/*.txt and the external documents read as
/// text, corpus/external/*.md (not hostile/).
std::vector<std::string> corpus_documents() {
  std::vector<std::string> names;
  for (std::string folder : {"", "revisions/", "regressions/", "layouts/", "external/"})
    for (const auto& e : std::filesystem::directory_iterator(qspec::test::corpus_path(folder)))
      if (e.is_regular_file() && (e.path().extension() == ".txt" || e.path().extension() == ".md") &&
          e.path().filename() != "README.md")
        names.push_back(folder + e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// -- hand-made catalogues --------------------------------------------------

source_span at(std::uint32_t l, std::uint32_t c, std::uint32_t el, std::uint32_t ec) { return {{l, c}, {el, ec}}; }

node make(std::string kind, std::string id, source_span span, std::vector<tree::field> fields = {},
          std::vector<node> children = {}) {
  return node{std::move(kind), std::move(id), span, std::move(fields), std::move(children)};
}

constexpr std::string_view tiny_source = "Title of it\n\n1 first point\n2 second point\n";

/// A well-formed catalogue of tiny_source: every check passes on it.
node tiny() {
  auto point = [](std::string id, std::uint32_t l, std::string text) {
    auto end = static_cast<std::uint32_t>(text.size()) + 2;  // after "N "
    return make("list_item", std::move(id), at(l, 1, l, end), {{"text", std::move(text)}});
  };
  return make("document", "doc", at(1, 1, 4, 14),
              {{"lines", std::int64_t{4}},
               {"blank_lines", std::int64_t{1}},
               {"content_lines", std::int64_t{3}},
               {"furniture_lines", std::int64_t{0}},
               {"unclassified_lines", std::int64_t{0}}},
              {make("section", "doc/s1", at(1, 1, 4, 14), {{"heading", std::string("Title of it")}},
                    {make("list", "doc/s1/list1", at(3, 1, 4, 14), {},
                          {point("doc/s1/list1/1", 3, "first point"), point("doc/s1/list1/2", 4, "second point")})})});
}

node& first_list(node& root) { return root.children[0].children[0]; }

}  // namespace

TEST_CASE("invariants - a well-formed catalogue passes") {
  auto found = check(tiny(), tiny_source);
  CHECK_MESSAGE(found.empty(), report(found));
}

TEST_CASE("invariants - a repeated id is found") {
  auto root = tiny();
  first_list(root).children[1].id = "doc/s1/list1/1";
  auto found = check(root, tiny_source);
  CHECK(rules(found) == std::set<std::string>{"unique_ids"});
  REQUIRE(found.size() == 1);
  CHECK(found[0].detail == "id doc/s1/list1/1 repeated");
}

TEST_CASE("invariants - spans outside the source or outside the parent are found") {
  auto root = tiny();
  first_list(root).children[1].span = at(4, 1, 4, 15);  // one column past the line
  CHECK(rules(check(root, tiny_source)) == std::set<std::string>{"span_in_source", "span_in_parent"});
  root = tiny();
  first_list(root).children[1].span = at(2, 1, 2, 1);  // the blank line has no column 1
  CHECK(rules(check(root, tiny_source)).count("span_in_source") == 1);
  root = tiny();
  first_list(root).span = at(3, 1, 3, 13);  // the list stops before its second item
  auto found = check(root, tiny_source);
  CHECK(rules(found) == std::set<std::string>{"span_in_parent"});
  REQUIRE(found.size() == 1);
  CHECK(found[0].detail == "list_item doc/s1/list1/2 at 4:1-4:14 outside list doc/s1/list1 at 3:1-3:13");
}

TEST_CASE("invariants - children out of source order are found") {
  auto root = tiny();
  std::swap(first_list(root).children[0], first_list(root).children[1]);
  CHECK(rules(check(root, tiny_source)) == std::set<std::string>{"source_order"});
}

TEST_CASE("invariants - a text that is not the text of its span is found, unless a diagnostic says so") {
  auto root = tiny();
  first_list(root).children[1].fields[0].value = std::string("second pointer");
  CHECK(rules(check(root, tiny_source)) == std::set<std::string>{"text_from_source"});
  first_list(root).children[1].fields[0].value = std::string("point second");  // words out of order
  CHECK(rules(check(root, tiny_source)) == std::set<std::string>{"text_from_source"});

  // a repair with a diagnostic over the node: exempt as far as it says
  first_list(root).children[1].fields[0].value = std::string("second pointer");
  auto diagnostic = make("diagnostic", "diagnostic/1", at(4, 3, 4, 14),
                         {{"code", std::string("Q-W999")}, {"original", std::string("point")},
                          {"repaired", std::string("pointer")}});
  root.children.push_back(diagnostic);
  CHECK(check(root, tiny_source).empty());
  first_list(root).children[1].fields[0].value = std::string("second pointer indeed");  // more than it says
  CHECK(rules(check(root, tiny_source)) == std::set<std::string>{"text_from_source"});

  // the same diagnostic elsewhere exempts nothing
  first_list(root).children[1].fields[0].value = std::string("second pointer");
  root.children.back().span = at(3, 1, 3, 13);
  CHECK(rules(check(root, tiny_source)) == std::set<std::string>{"text_from_source"});
}

TEST_CASE("invariants - line counts that do not add up, or a line nothing accounts for, are found") {
  auto root = tiny();
  root.fields[2].value = std::int64_t{2};  // content_lines
  CHECK(rules(check(root, tiny_source)) == std::set<std::string>{"coverage"});

  root = tiny();
  root.fields[2].value = std::int64_t{2};
  root.fields[4].value = std::int64_t{1};  // one unclassified line, but no diagnostic for it
  CHECK(rules(check(root, tiny_source)) == std::set<std::string>{"coverage"});
  root.children.push_back(make("diagnostic", "diagnostic/1", at(4, 1, 4, 14),
                               {{"code", std::string(diag::unclassified_line)}}));
  // line 4 is still the text of the second item: counted twice
  auto found = check(root, tiny_source);
  REQUIRE(found.size() == 1);
  CHECK(found[0].detail == "line 4 is unclassified and in a node's text");
  first_list(root).children.pop_back();
  first_list(root).span = at(3, 1, 3, 13);
  CHECK(check(root, tiny_source).empty());  // the section still holds line 4, but not as any node's text

  root = tiny();
  first_list(root).children.pop_back();  // line 4 now belongs to no node
  first_list(root).span = at(3, 1, 3, 13);
  root.children[0].span = at(1, 1, 3, 13);
  found = check(root, tiny_source);
  CHECK(rules(found) == std::set<std::string>{"coverage"});
  REQUIRE(found.size() == 1);
  CHECK(found[0].detail == "line 4 is in no node, furniture or diagnostic");
}

TEST_CASE("invariants - a real catalogue broken by hand is found") {
  auto r = qspec::test::parse_corpus("unit-spec-F36J04-LMC-B2.txt");
  auto loaded = load_file(qspec::test::corpus_path("unit-spec-F36J04-LMC-B2.txt"));
  const auto root = to_tree(r.doc, r.diagnostics);
  REQUIRE(check(root, loaded.text).empty());
  // the unit's first two elements, in a copy of the tree
  auto elements = [](node& n) {
    auto unit = std::find_if(n.children.begin(), n.children.end(), [](auto& c) { return c.kind == "unit"; });
    REQUIRE(unit != n.children.end());
    std::vector<node*> out;
    for (auto& c : unit->children)
      if (c.kind == "element") out.push_back(&c);
    REQUIRE(out.size() >= 2);
    return std::pair{out[0], out[1]};
  };

  auto broken = root;
  auto [a, b] = elements(broken);
  b->id = a->id;
  CHECK(rules(check(broken, loaded.text)) == std::set<std::string>{"unique_ids"});

  broken = root;
  std::tie(a, b) = elements(broken);
  std::swap(*a, *b);
  CHECK(rules(check(broken, loaded.text)) == std::set<std::string>{"source_order"});

  broken = root;
  std::tie(a, b) = elements(broken);
  for (auto& f : a->fields)
    if (f.name == "title") f.value = std::string(b->text("title"));  // the next element's title
  CHECK(rules(check(broken, loaded.text)) == std::set<std::string>{"text_from_source"});
}

TEST_CASE("invariants - every corpus catalogue, in every format, read back") {
  for (const auto& name : corpus_documents()) {
    INFO(name);
    auto loaded = load_file(qspec::test::corpus_path(name));
    REQUIRE_MESSAGE(loaded, loaded.error);
    auto r = qspec::test::parse_corpus(name);
    for (auto f : {format::json, format::yaml, format::xml}) {
      INFO("format " << static_cast<int>(f));
      std::ostringstream direct;
      emit(r.doc, r.diagnostics, f, direct);
      auto back = read_catalogue(direct.str());
      REQUIRE_MESSAGE(back, back.error);
      CHECK(emitted(back.root, f) == direct.str());  // emit, read, emit: the same bytes
      auto found = check(back.root, loaded.text);
      CHECK_MESSAGE(found.empty(), report(found));
    }
  }
}

TEST_CASE("invariants - ids are unique in a catalogue merged from the whole corpus") {
  // spans there refer to several documents: only the ids are checked
  std::vector<document> docs;
  std::vector<std::vector<diagnostic>> diags;
  for (const auto& name : corpus_documents()) {
    if (name.find('/') != std::string::npos) continue;  // revisions and regressions would repeat the corpus
    auto r = qspec::test::parse_corpus(name);
    docs.push_back(std::move(r.doc));
    diags.push_back(std::move(r.diagnostics));
  }
  auto root = to_tree(merge(std::move(docs), std::move(diags)));
  std::vector<finding> repeated;
  for (auto& f : check(root, ""))
    if (f.rule == "unique_ids") repeated.push_back(f);
  CHECK_MESSAGE(repeated.empty(), report(repeated));
}
