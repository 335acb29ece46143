// DOCX (WordprocessingML) -> the block stream of qspec/formats.hpp.
// libzip opens the package, pugixml parses its parts. What is printed is
// what is written here: headings from the paragraph's style (its outline
// level, or a built-in "heading N" style, through basedOn chains), list
// labels computed from numbering.xml as Word prints them, tables row by
// row, tracked changes as accepted. Page headers, footers and comments live
// in their own parts: they are furniture by construction, counted, not read
// into the text. Footnotes follow the body as a last section.
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/list_numbering.hpp"
#include "common/nfc.hpp"
#include "readers.hpp"
#include "zip/ooxml.hpp"
#include "zip/zip_archive.hpp"

namespace qspec::formats {
namespace {

using pugi::xml_node;
using namespace ooxml;

std::string_view val(xml_node n) { return attr(n, "val"); }

/// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): absent is nullopt.
std::optional<bool> on_off(xml_node n) {
  if (!n) return std::nullopt;
  auto v = val(n);
  return !(v == "0" || v == "false" || v == "off" || v == "none");
}

/// A decimal attribute value; `fallback` when absent or not a number.
int to_int(std::string_view s, int fallback) {
  if (s.empty()) return fallback;
  bool negative = s.front() == '-';
  if (negative) s.remove_prefix(1);
  if (s.empty() || s.size() > 9) return fallback;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return fallback;
    v = v * 10 + (c - '0');
  }
  return negative ? -v : v;
}

// ---- styles.xml ----

struct style {
  std::string based_on;
  int outline = -1;        // w:outlineLvl, 0-based; 9 is body text
  int heading = 0;         // from a built-in name "heading N"
  std::optional<bool> bold, italic, hidden;
  std::optional<std::string> num_id;  // w:numPr of a style that numbers its paragraphs
  int ilvl = 0;
};

/// "heading 2" (Word's built-in name, any case) -> 2.
int heading_from_name(std::string_view name) {
  constexpr std::string_view word = "heading ";
  if (name.size() <= word.size() || name.size() > word.size() + 1) return 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return 0;
  }
  char d = name.back();
  return d >= '1' && d <= '9' ? d - '0' : 0;
}

class style_sheet {
 public:
  void load(xml_node styles) {
    for (xml_node s = styles.first_child(); s; s = s.next_sibling()) {
      if (!is(s, "style")) continue;
      auto type = attr(s, "type");
      auto& table = type == "character" ? character_ : paragraph_;
      if (type != "character" && type != "paragraph") continue;
      style st;
      st.based_on = std::string(val(child(s, "basedOn")));
      st.heading = heading_from_name(val(child(s, "name")));
      if (auto ppr = child(s, "pPr")) {
        st.outline = to_int(val(child(ppr, "outlineLvl")), -1);
        if (auto numpr = child(ppr, "numPr")) {
          st.num_id = std::string(val(child(numpr, "numId")));
          st.ilvl = to_int(val(child(numpr, "ilvl")), 0);
        }
      }
      if (auto rpr = child(s, "rPr")) read_run_props(rpr, st);
      std::string id(attr(s, "styleId"));
      if (type == "paragraph" && (attr(s, "default") == "1" || attr(s, "default") == "true")) default_paragraph_ = id;
      table.emplace(std::move(id), std::move(st));
    }
  }

  static void read_run_props(xml_node rpr, style& st) {
    st.bold = on_off(child(rpr, "b"));
    st.italic = on_off(child(rpr, "i"));
    st.hidden = on_off(child(rpr, "vanish"));
  }

  const std::string& default_paragraph() const { return default_paragraph_; }

  /// The heading level (1…9) a paragraph style gives, 0 for none.
  int heading_level(const std::string& id) const {
    int level = 0;
    walk(paragraph_, id, [&](const style& s) {
      if (s.outline >= 0) {
        level = s.outline < 9 ? s.outline + 1 : 0;
        return true;
      }
      if (s.heading) {
        level = s.heading;
        return true;
      }
      return false;
    });
    return level;
  }

  /// The numbering a paragraph style carries: num id and level.
  std::optional<std::pair<std::string, int>> numbering(const std::string& id) const {
    std::optional<std::pair<std::string, int>> out;
    walk(paragraph_, id, [&](const style& s) {
      if (!s.num_id) return false;
      out.emplace(*s.num_id, s.ilvl);
      return true;
    });
    return out;
  }

  /// Bold, italic, hidden as a style gives them (paragraph or character).
  void run_props(const std::string& id, bool character, std::optional<bool>& bold, std::optional<bool>& italic,
                 std::optional<bool>& hidden) const {
    walk(character ? character_ : paragraph_, id, [&](const style& s) {
      if (!bold && s.bold) bold = s.bold;
      if (!italic && s.italic) italic = s.italic;
      if (!hidden && s.hidden) hidden = s.hidden;
      return bold && italic && hidden;
    });
  }

 private:
  using table = std::unordered_map<std::string, style>;
  table paragraph_, character_;
  std::string default_paragraph_;

  /// Visits a style and its basedOn chain (cycles and runaway chains cut)
  /// until `f` says it found what it wanted.
  template <class F>
  static void walk(const table& t, const std::string& id, F&& f) {
    const std::string* at = &id;
    for (int hops = 0; hops < 32 && !at->empty(); ++hops) {
      auto it = t.find(*at);
      if (it == t.end()) return;
      if (f(it->second)) return;
      at = &it->second.based_on;
    }
  }
};

// ---- numbering.xml ----

struct level_def {
  int start = 1;
  std::string format = "decimal";
  std::string text;
  bool has_text = false;
  int restart = -1;  // w:lvlRestart: -1 default (after any higher level), 0 never, n after level n (1-based)
  bool legal = false;
};

struct num_def {
  std::string abstract_id;
  std::array<std::optional<int>, 9> start_override;
  std::array<std::optional<level_def>, 9> level_override;
};

level_def read_level(xml_node lvl) {
  level_def d;
  d.start = to_int(val(child(lvl, "start")), 1);
  if (auto f = child(lvl, "numFmt")) d.format = std::string(val(f));
  if (auto t = child(lvl, "lvlText")) {
    d.text = std::string(val(t));
    d.has_text = true;
  }
  if (auto r = child(lvl, "lvlRestart")) d.restart = to_int(val(r), -1);
  d.legal = on_off(child(lvl, "isLgl")).value_or(false);
  return d;
}

/// A counter value as a number format prints it (Word's rules: letters
/// repeat after z — 27 is "aa" —, roman numerals up to 3999).
std::string format_number(int n, std::string_view format) {
  if (format == "lowerLetter" || format == "upperLetter") return repeated_letter_number(n, format == "upperLetter");
  if (format == "lowerRoman" || format == "upperRoman") return roman_numeral(n, format == "upperRoman");
  if (format == "decimalZero" && n >= 0 && n < 10) return "0" + std::to_string(n);
  return std::to_string(n);
}

class numbering {
 public:
  void load(xml_node root) {
    for (xml_node n = root.first_child(); n; n = n.next_sibling()) {
      if (is(n, "abstractNum")) {
        auto& levels = abstract_[std::string(attr(n, "abstractNumId"))];
        for (xml_node l = n.first_child(); l; l = l.next_sibling()) {
          if (!is(l, "lvl")) continue;
          int i = to_int(attr(l, "ilvl"), -1);
          if (i >= 0 && i < 9) levels[static_cast<std::size_t>(i)] = read_level(l);
        }
      } else if (is(n, "num")) {
        num_def d;
        d.abstract_id = std::string(val(child(n, "abstractNumId")));
        for (xml_node o = n.first_child(); o; o = o.next_sibling()) {
          if (!is(o, "lvlOverride")) continue;
          int i = to_int(attr(o, "ilvl"), -1);
          if (i < 0 || i >= 9) continue;
          if (auto s = child(o, "startOverride")) d.start_override[static_cast<std::size_t>(i)] = to_int(val(s), 1);
          if (auto l = child(o, "lvl")) d.level_override[static_cast<std::size_t>(i)] = read_level(l);
        }
        nums_.emplace(std::string(attr(n, "numId")), std::move(d));
      }
    }
  }

  /// The printed label of the next paragraph of list `num_id` at `ilvl`,
  /// advancing the counters: "-" for a bullet, nullopt when the paragraph
  /// is not numbered after all (numId 0, an unknown list, an empty label).
  std::optional<std::string> next_label(const std::string& num_id, int ilvl) {
    auto nit = nums_.find(num_id);
    if (nit == nums_.end()) return std::nullopt;
    auto ait = abstract_.find(nit->second.abstract_id);
    if (ait == abstract_.end()) return std::nullopt;
    ilvl = std::clamp(ilvl, 0, 8);  // Word has nine levels; a writer's deeper ilvl is read as the last
    const auto& num = nit->second;
    auto level = [&](int i) -> const level_def& {
      const auto k = static_cast<std::size_t>(i);
      return num.level_override[k] ? *num.level_override[k] : ait->second[k];
    };
    auto start = [&](int i) {
      const auto k = static_cast<std::size_t>(i);
      return num.start_override[k] ? *num.start_override[k] : level(i).start;
    };
    // counters run per list instance (num): another num restarts
    auto& c = counters_[num_id];
    const auto me = static_cast<std::size_t>(ilvl);
    c.value[me] = c.set[me] ? c.value[me] + 1 : start(ilvl);
    c.set[me] = true;
    for (int k = ilvl + 1; k < 9; ++k) {
      const int r = level(k).restart;
      if (r == -1 || (r > 0 && ilvl < r)) c.set[static_cast<std::size_t>(k)] = false;
    }
    const level_def& here = level(ilvl);
    if (here.format == "bullet") return std::string("-");
    std::string label;
    const std::string_view text = here.has_text ? std::string_view(here.text) : std::string_view("%1.");
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
        const int k = text[i + 1] - '1';
        const auto kk = static_cast<std::size_t>(k);
        const int v = c.set[kk] ? c.value[kk] : start(k);
        if (!(k == ilvl && here.format == "none"))  // "none": the level's own number is not printed
          label += format_number(v, here.legal && k < ilvl ? std::string_view("decimal") : std::string_view(level(k).format));
        ++i;
      } else {
        label.push_back(text[i]);
      }
    }
    auto b = label.find_first_not_of(" \t\xC2\xA0");
    if (b == std::string::npos) return std::nullopt;
    label.erase(0, b);
    while (!label.empty() && (label.back() == ' ' || label.back() == '\t')) label.pop_back();
    return label;
  }

 private:
  struct counter {
    std::array<int, 9> value{};
    std::array<bool, 9> set{};
  };
  std::unordered_map<std::string, std::array<level_def, 9>> abstract_;
  std::unordered_map<std::string, num_def> nums_;
  std::unordered_map<std::string, counter> counters_;
};

// ---- the block stream ----

class block_writer {
 public:
  /// A block of one or more lines ('\n' between them), each with `origin`.
  void block(std::string_view body, const source_origin& origin, bool joined_to_previous = false) {
    if (any_ && !joined_to_previous) {
      text_ += '\n';
      origins_.push_back({});
    }
    any_ = true;
    for (;;) {
      auto nl = body.find('\n');
      text_.append(body.substr(0, nl));
      text_ += '\n';
      origins_.push_back(origin);
      if (nl == std::string_view::npos) break;
      body.remove_prefix(nl + 1);
    }
  }
  std::string& text() { return text_; }
  std::vector<source_origin>& origins() { return origins_; }

 private:
  std::string text_;
  std::vector<source_origin> origins_;
  bool any_ = false;
};

/// A piece of a paragraph's text with its emphasis.
struct piece {
  std::string text;
  bool bold = false;
  bool italic = false;
};

bool blank_char(char c) { return c == ' ' || c == '\t'; }

/// Pieces as text: emphasis marked around each line's non-blank part,
/// adjacent pieces of the same emphasis merged first; `plain` drops the
/// marks (a heading is emphasis enough). Line breaks become `line_break`.
std::string render(const std::vector<piece>& pieces, bool plain, std::string_view line_break) {
  std::vector<piece> merged;
  for (const auto& p : pieces) {
    if (p.text.empty()) continue;
    if (!merged.empty() && merged.back().bold == p.bold && merged.back().italic == p.italic)
      merged.back().text += p.text;
    else
      merged.push_back(p);
  }
  std::string out;
  for (const auto& p : merged) {
    std::string_view marks = plain ? "" : p.bold && p.italic ? "***" : p.bold ? "**" : p.italic ? "*" : "";
    std::string_view s = p.text;
    for (;;) {
      auto nl = s.find('\n');
      std::string_view line = s.substr(0, nl);
      std::size_t b = 0, e = line.size();
      while (b < e && blank_char(line[b])) ++b;
      while (e > b && blank_char(line[e - 1])) --e;
      out.append(line.substr(0, b));
      if (b < e) {
        out.append(marks);
        out.append(line.substr(b, e - b));
        out.append(marks);
      }
      out.append(line.substr(e));
      if (nl == std::string_view::npos) break;
      out.append(line_break);
      s.remove_prefix(nl + 1);
    }
  }
  // each line trimmed, but for an indent of two spaces or more (no-break
  // spaces, read as spaces, that set the line out); blank lines inside dropped
  std::string trimmed;
  std::string_view rest = out;
  const std::string_view sep = line_break;
  bool first = true;
  for (;;) {
    auto at = rest.find(sep);
    std::string_view line = rest.substr(0, at);
    std::size_t b = 0, e = line.size();
    while (b < e && blank_char(line[b])) ++b;
    while (e > b && blank_char(line[e - 1])) --e;
    if (b >= 2 && b < e && line.substr(0, b).find_first_not_of(' ') == std::string_view::npos) b = 0;
    if (b < e) {
      if (!first) trimmed.append(sep);
      trimmed.append(line.substr(b, e - b));
      first = false;
    }
    if (at == std::string_view::npos) break;
    rest.remove_prefix(at + sep.size());
  }
  return trimmed;
}

struct paragraph_text {
  std::string body;         // rendered text
  int heading = 0;          // 1…9, 0 for none
  std::optional<std::string> label;
  int ilvl = 0;
};

class docx_reader {
 public:
  docx_reader(std::string_view bytes, const read_limits& limits) : zip_(bytes, limits.max_unpacked), limits_(limits) {}

  loaded_text run() {
    loaded_text r;
    r.format = to_string(input_format::docx);
    if (!zip_.ok()) return refuse(r, zip_.error());
    const std::string main_part = main_document_part();
    std::string bytes;
    if (!zip_.read(main_part, bytes)) {
      if (!zip_.error().empty()) return refuse(r, zip_.error());
      return refuse(r, "the ZIP archive holds no " + main_part + ": it is not a Word document");
    }
    pugi::xml_document doc;
    std::string why;
    if (!parse_part(bytes, doc, why)) return refuse(r, main_part + " is not well-formed XML: " + why);
    xml_node body = child(doc.document_element(), "body");
    if (!is(doc.document_element(), "document") || !body)
      return refuse(r, main_part + " holds no document body (w:document/w:body)");

    read_relationships(main_part);
    if (!load_part(styles_part_, [&](xml_node root) { styles_.load(root); }) && !zip_.error().empty())
      return refuse(r, zip_.error());
    if (!load_part(numbering_part_, [&](xml_node root) { numbering_.load(root); }) && !zip_.error().empty())
      return refuse(r, zip_.error());

    out_.text().reserve(bytes.size() / 4);  // the text is a fraction of its markup
    walk_blocks(body, 0);
    if (!zip_.error().empty()) return refuse(r, zip_.error());
    footnotes();
    if (!zip_.error().empty()) return refuse(r, zip_.error());
    count_furniture();
    if (!zip_.error().empty()) return refuse(r, zip_.error());

    r.text = nfc(std::move(out_.text()));
    r.origins = std::move(out_.origins());
    r.diagnostics = std::move(diagnostics_);
    return r;
  }

 private:
  zip::archive zip_;
  const read_limits& limits_;
  style_sheet styles_;
  numbering numbering_;
  block_writer out_;
  std::vector<diagnostic> diagnostics_;
  std::string styles_part_ = "word/styles.xml", numbering_part_ = "word/numbering.xml",
              footnotes_part_ = "word/footnotes.xml", comments_part_;
  std::vector<std::string> headers_, footers_;
  std::uint32_t paragraph_ = 0;   // body paragraphs seen, those in tables counted
  std::size_t inserted_ = 0, deleted_ = 0;
  std::vector<std::string> footnote_marks_;  // footnote ids in the order they are referenced
  bool depth_warned_ = false;

  static loaded_text refuse(loaded_text& r, std::string why) {
    r.error = std::move(why);
    r.text.clear();
    r.origins.clear();
    return r;
  }

  void warn(std::string message) {
    diagnostic d;
    d.code = std::string(diag::part_damaged);
    d.level = severity::warning;
    d.message = std::move(message);
    diagnostics_.push_back(std::move(d));
  }
  void note(std::string_view code, std::string message) {
    diagnostic d;
    d.code = std::string(code);
    d.level = severity::note;
    d.message = std::move(message);
    diagnostics_.push_back(std::move(d));
  }

  /// The main part named by the package relationships, else the usual name.
  std::string main_document_part() {
    std::string rels;
    if (zip_.read("_rels/.rels", rels)) {
      pugi::xml_document doc;
      std::string why;
      if (parse_part(rels, doc, why))
        for (xml_node rel = doc.document_element().first_child(); rel; rel = rel.next_sibling()) {
          auto type = attr(rel, "Type");
          if (is(rel, "Relationship") && type.ends_with("/officeDocument") && attr(rel, "TargetMode") != "External") {
            auto target = zip::resolve_target("", attr(rel, "Target"));
            if (zip_.has(target)) return target;
          }
        }
    }
    return "word/document.xml";
  }

  /// Where the document's own parts are: styles, numbering, footnotes,
  /// comments, headers and footers.
  void read_relationships(const std::string& main_part) {
    auto slash = main_part.rfind('/');
    std::string rels_name = (slash == std::string::npos ? std::string() : main_part.substr(0, slash + 1)) + "_rels/" +
                            main_part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
    std::string rels;
    if (!zip_.read(rels_name, rels)) return;
    pugi::xml_document doc;
    std::string why;
    if (!parse_part(rels, doc, why)) {
      warn(rels_name + " is not well-formed XML (" + why + "): the document's styles and numbering are looked for by their usual names");
      return;
    }
    for (xml_node rel = doc.document_element().first_child(); rel; rel = rel.next_sibling()) {
      if (!is(rel, "Relationship") || attr(rel, "TargetMode") == "External") continue;
      auto type = attr(rel, "Type");
      auto kind = type.substr(type.rfind('/') == std::string_view::npos ? 0 : type.rfind('/') + 1);
      std::string target = zip::resolve_target(main_part, attr(rel, "Target"));
      if (kind == "styles") styles_part_ = target;
      else if (kind == "numbering") numbering_part_ = target;
      else if (kind == "footnotes") footnotes_part_ = target;
      else if (kind == "comments") comments_part_ = target;
      else if (kind == "header") headers_.push_back(target);
      else if (kind == "footer") footers_.push_back(target);
    }
  }

  /// Reads and parses a part, hands its root to `use`. False when it is
  /// missing, unreadable (zip_.error() set) or not XML (a warning).
  template <class F>
  bool load_part(const std::string& name, F&& use) {
    std::string bytes;
    if (name.empty() || !zip_.read(name, bytes)) return false;
    pugi::xml_document doc;
    std::string why;
    if (!parse_part(bytes, doc, why)) {
      warn(name + " is not well-formed XML (" + why + "): left out");
      return false;
    }
    use(doc.document_element());
    return true;
  }

  bool too_deep(int depth) {
    if (depth < static_cast<int>(limits_.max_depth)) return false;
    if (!depth_warned_) warn("content nested more than " + std::to_string(limits_.max_depth) + " deep is left out");
    depth_warned_ = true;
    return true;
  }

  // ---- body ----

  /// Block-level content: paragraphs, tables, and the containers around
  /// them (content controls, custom XML, tracked insertions).
  void walk_blocks(xml_node parent, int depth) {
    if (too_deep(depth)) return;
    for (xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      auto name = local_name(n.name());
      if (name == "p") {
        ++paragraph_;
        source_origin o;
        o.paragraph = paragraph_;
        emit_paragraph(read_paragraph(n, depth), o);
      } else if (name == "tbl") {
        table(n, depth + 1);
      } else if (name == "sdt") {
        walk_blocks(child(n, "sdtContent"), depth + 1);
      } else if (name == "customXml" || name == "ins" || name == "moveTo" || name == "smartTag") {
        if (name == "ins" || name == "moveTo") ++inserted_;
        walk_blocks(n, depth + 1);
      } else if (name == "del" || name == "moveFrom") {
        ++deleted_;
      }
    }
  }

  void emit_paragraph(const paragraph_text& p, const source_origin& o) {
    if (p.body.empty()) {
      // an empty numbered paragraph still shows its number (a column of
      // numbers printed apart from the texts they number); an empty bullet
      // shows nothing worth reading
      if (p.label && std::any_of(p.label->begin(), p.label->end(), [](char c) { return c >= '0' && c <= '9'; }))
        out_.block(std::string(static_cast<std::size_t>(p.ilvl) * 2, ' ') + *p.label, o);
      return;
    }
    if (p.heading) {
      out_.block(std::string(static_cast<std::size_t>(p.heading), '#') + " " + p.body, o);
    } else if (p.label) {
      out_.block(std::string(static_cast<std::size_t>(p.ilvl) * 2, ' ') + *p.label + " " + p.body, o);
    } else {
      out_.block(p.body, o);
    }
  }

  paragraph_text read_paragraph(xml_node p, int depth, std::string_view line_break = "\n") {
    paragraph_text out;
    xml_node ppr = child(p, "pPr");
    std::string style_id(val(child(ppr, "pStyle")));
    if (style_id.empty()) style_id = styles_.default_paragraph();
    out.heading = styles_.heading_level(style_id);
    if (auto ol = child(ppr, "outlineLvl")) {
      int v = to_int(val(ol), -1);
      if (v >= 0) out.heading = v < 9 ? v + 1 : 0;
    }
    // numbering: the paragraph's own numPr, else its style's
    std::optional<std::pair<std::string, int>> num;
    if (auto numpr = child(ppr, "numPr")) {
      auto id = val(child(numpr, "numId"));
      auto style_num = styles_.numbering(style_id);
      int ilvl = to_int(val(child(numpr, "ilvl")), style_num ? style_num->second : 0);
      if (!id.empty()) num.emplace(std::string(id), ilvl);
      else if (style_num) num.emplace(style_num->first, ilvl);
    } else {
      num = styles_.numbering(style_id);
    }
    std::optional<bool> bold, italic, hidden;
    styles_.run_props(style_id, false, bold, italic, hidden);
    run_context ctx{bold.value_or(false), italic.value_or(false), hidden.value_or(false)};
    std::vector<piece> pieces;
    std::vector<bool> fields;
    inline_content(p, ctx, pieces, fields, depth + 1);
    out.body = render(pieces, out.heading > 0, line_break);
    if (num && num->first != "0" && !out.heading) {
      out.label = numbering_.next_label(num->first, num->second);
      out.ilvl = std::clamp(num->second, 0, 8);
    }
    return out;
  }

  struct run_context {
    bool bold = false, italic = false, hidden = false;
  };

  /// Runs and the inline containers around them. `fields` is the stack of
  /// open complex fields: true while in a field's instruction, whose text
  /// is code, not print.
  void inline_content(xml_node parent, const run_context& ctx, std::vector<piece>& pieces, std::vector<bool>& fields,
                      int depth) {
    if (too_deep(depth)) return;
    for (xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      auto name = local_name(n.name());
      if (name == "r") {
        run(n, ctx, pieces, fields);
      } else if (name == "ins" || name == "moveTo") {
        ++inserted_;
        inline_content(n, ctx, pieces, fields, depth + 1);
      } else if (name == "del" || name == "moveFrom") {
        ++deleted_;
      } else if (name == "hyperlink" || name == "smartTag" || name == "customXml" || name == "fldSimple" ||
                 name == "bdo" || name == "dir") {
        inline_content(n, ctx, pieces, fields, depth + 1);  // a simple field's runs are its result
      } else if (name == "sdt") {
        inline_content(child(n, "sdtContent"), ctx, pieces, fields, depth + 1);
      }
    }
  }

  void run(xml_node r, const run_context& ctx, std::vector<piece>& pieces, std::vector<bool>& fields) {
    xml_node rpr = child(r, "rPr");
    std::optional<bool> bold = on_off(child(rpr, "b")), italic = on_off(child(rpr, "i")),
                        hidden = on_off(child(rpr, "vanish"));
    if (auto rs = child(rpr, "rStyle")) styles_.run_props(std::string(val(rs)), true, bold, italic, hidden);
    piece p;
    p.bold = bold.value_or(ctx.bold);
    p.italic = italic.value_or(ctx.italic);
    const bool skip = hidden.value_or(ctx.hidden);
    for (xml_node n = r.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      auto name = local_name(n.name());
      if (name == "fldChar") {
        auto type = attr(n, "fldCharType");
        if (type == "begin") fields.push_back(true);
        else if (type == "separate" && !fields.empty()) fields.back() = false;
        else if (type == "end" && !fields.empty()) fields.pop_back();
        continue;
      }
      const bool in_code = std::find(fields.begin(), fields.end(), true) != fields.end();
      if (skip || in_code) continue;
      if (name == "t") {
        // a no-break space holds its width as a space does in the block stream
        for (std::string_view t = n.text().get(); !t.empty();) {
          const auto at = t.find("\xC2\xA0");
          p.text += t.substr(0, at);
          if (at == std::string_view::npos) break;
          p.text += ' ';
          t.remove_prefix(at + 2);
        }
      }
      else if (name == "tab" || name == "ptab") p.text += '\t';
      else if (name == "br" || name == "cr") {
        auto type = attr(n, "type");
        if (type != "page" && type != "column") p.text += '\n';
      } else if (name == "noBreakHyphen") p.text += '-';
      else if (name == "footnoteReference") {
        footnote_marks_.emplace_back(attr(n, "id"));
        p.text += "[" + std::to_string(footnote_marks_.size()) + "]";
      }
    }
    pieces.push_back(std::move(p));
  }

  // ---- tables ----

  void table(xml_node tbl, int depth) {
    if (too_deep(depth)) return;
    std::uint32_t row_no = 0;
    bool first_row = true;
    for (xml_node tr = tbl.first_child(); tr; tr = tr.next_sibling()) {
      if (!is(tr, "tr")) continue;
      ++row_no;
      source_origin o;
      o.paragraph = paragraph_ + 1;
      o.row = row_no;
      o.cell = 1;
      std::string line = "|";
      for_each_cell(tr, depth + 1, [&](xml_node tc) {
        xml_node tcpr = child(tc, "tcPr");
        const int span = std::max(1, std::min(to_int(val(child(tcpr, "gridSpan")), 1), 64));
        xml_node vmerge = child(tcpr, "vMerge");
        const bool continued = vmerge && val(vmerge) != "restart";
        std::string text = cell_text(tc, depth + 1);
        if (continued) text.clear();  // a merged cell's text stays in its first row
        line += " " + text + " |";
        for (int k = 1; k < span; ++k) line += "  |";
      });
      if (line.size() > 1) {
        out_.block(line, o, !first_row);
        first_row = false;
      }
    }
  }

  template <class F>
  void for_each_cell(xml_node tr, int depth, F&& f) {
    if (too_deep(depth)) return;
    for (xml_node tc = tr.first_child(); tc; tc = tc.next_sibling()) {
      if (is(tc, "tc")) f(tc);
      else if (is(tc, "sdt")) for_each_cell(child(tc, "sdtContent"), depth + 1, f);
      else if (is(tc, "customXml")) for_each_cell(tc, depth + 1, f);
    }
  }

  /// A cell's paragraphs joined by `<br>`, list items as `<br>label item`;
  /// a table inside a cell gives its cells' text the same way.
  std::string cell_text(xml_node tc, int depth) {
    std::string out;
    collect_cell(tc, depth, out);
    return out;
  }

  void collect_cell(xml_node parent, int depth, std::string& out) {
    if (too_deep(depth)) return;
    for (xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      auto name = local_name(n.name());
      if (name == "p") {
        ++paragraph_;
        auto p = read_paragraph(n, depth, "<br>");
        if (p.body.empty()) continue;
        if (!out.empty()) out += "<br>";
        if (p.label) out += *p.label + " ";
        out += p.body;
      } else if (name == "tbl") {
        for (xml_node tr = n.first_child(); tr; tr = tr.next_sibling())
          if (is(tr, "tr")) for_each_cell(tr, depth + 1, [&](xml_node tc) { collect_cell(tc, depth + 2, out); });
      } else if (name == "sdt") {
        collect_cell(child(n, "sdtContent"), depth + 1, out);
      } else if (name == "customXml" || name == "ins" || name == "moveTo") {
        if (name != "customXml") ++inserted_;
        collect_cell(n, depth + 1, out);
      } else if (name == "del" || name == "moveFrom") {
        ++deleted_;
      }
    }
  }

  // ---- footnotes, furniture ----

  /// The footnotes the body refers to, in the order of their marks, as a
  /// last section: `[n] text`.
  void footnotes() {
    if (footnote_marks_.empty()) return;
    load_part(footnotes_part_, [&](xml_node root) {
      std::unordered_map<std::string, xml_node> by_id;
      for (xml_node f = root.first_child(); f; f = f.next_sibling())
        if (is(f, "footnote") && attr(f, "type").empty()) by_id.emplace(std::string(attr(f, "id")), f);
      bool heading = false;
      for (std::size_t i = 0; i < footnote_marks_.size(); ++i) {
        auto it = by_id.find(footnote_marks_[i]);
        if (it == by_id.end()) continue;
        std::string text;
        for (xml_node p = it->second.first_child(); p; p = p.next_sibling()) {
          if (!is(p, "p")) continue;
          auto para = read_paragraph(p, 1, " ");
          if (para.body.empty()) continue;
          if (!text.empty()) text += ' ';
          text += para.body;
        }
        if (text.empty()) continue;
        if (!heading) out_.block("# Footnotes", {});
        heading = true;
        out_.block("[" + std::to_string(i + 1) + "] " + text, {});
      }
    });
  }

  static bool has_text(xml_node p) {
    for (xml_node at = p.first_child(); at;) {
      if (is(at, "t") && *at.text().get()) return true;
      if (at.first_child()) {
        at = at.first_child();
        continue;
      }
      while (at && at != p && !at.next_sibling()) at = at.parent();
      if (!at || at == p) break;
      at = at.next_sibling();
    }
    return false;
  }

  /// Paragraphs with text in a part (header, footer, comments).
  std::size_t paragraphs_with_text(const std::string& part) {
    std::size_t n = 0;
    load_part(part, [&](xml_node root) {
      // every w:p, however deep (tables, text boxes), without recursion
      for (xml_node at = root; at;) {
        if (is(at, "p") && has_text(at)) ++n;
        if (at.first_child() && !is(at, "p")) {
          at = at.first_child();
          continue;
        }
        while (at && at != root && !at.next_sibling()) at = at.parent();
        if (!at || at == root) break;
        at = at.next_sibling();
      }
    });
    return n;
  }

  void count_furniture() {
    std::size_t header_lines = 0, footer_lines = 0, comment_lines = 0;
    for (const auto& h : headers_) header_lines += paragraphs_with_text(h);
    for (const auto& f : footers_) footer_lines += paragraphs_with_text(f);
    if (!comments_part_.empty()) comment_lines = paragraphs_with_text(comments_part_);
    auto plural = [](std::size_t n, std::string_view one, std::string_view many) {
      return std::to_string(n) + " " + std::string(n == 1 ? one : many);
    };
    std::vector<std::string> what;
    if (!headers_.empty())
      what.push_back(plural(headers_.size(), "page header", "page headers") + " (" +
                     plural(header_lines, "paragraph", "paragraphs") + " of text)");
    if (!footers_.empty())
      what.push_back(plural(footers_.size(), "page footer", "page footers") + " (" +
                     plural(footer_lines, "paragraph", "paragraphs") + " of text)");
    if (comment_lines) what.push_back(plural(comment_lines, "paragraph", "paragraphs") + " of comments");
    if (!what.empty()) {
      std::string m = "left out as furniture, from their own parts of the file: ";
      for (std::size_t i = 0; i < what.size(); ++i) m += (i ? (i + 1 == what.size() ? " and " : ", ") : "") + what[i];
      note(diag::furniture_left_out, m);
    }
    if (inserted_ || deleted_)
      note(diag::changes_resolved, "tracked changes read as accepted: " + plural(inserted_, "insertion", "insertions") +
                                       " kept, " + plural(deleted_, "deletion", "deletions") + " dropped");
  }
};

}  // namespace

loaded_text read_docx(std::string_view bytes, const read_limits& limits) {
  return docx_reader(bytes, limits).run();
}

}  // namespace qspec::formats
