#include "clean/rich_text.hpp"

#include <algorithm>
#include <array>
#include <unicode/utf8.h>

namespace qspec::clean {

void rich_text::flush_space() {
  if (!pending_space_) return;
  pending_space_ = false;
  if (text_.empty()) return;
  append(" ", pending_space_src_, pending_space_len_, pending_space_exact_);
}

void rich_text::append(std::string_view bytes, std::uint32_t src, std::uint32_t src_len, bool same) {
  if (pending_space_) flush_space();
  if (src != next_source_) anchors_.push_back({static_cast<std::uint32_t>(text_.size()), src});
  text_.append(bytes);
  if (src_len != bytes.size() || !same) {
    broken_ = true;
    next_source_ = UINT32_MAX;  // force an anchor for the next character
  } else {
    next_source_ = src + src_len;
  }
  last_source_end_ = src + src_len;
}

void rich_text::space(std::uint32_t src, std::uint32_t len, bool single_space) {
  if (text_.empty() || pending_space_) return;
  pending_space_ = true;
  pending_space_src_ = src;
  pending_space_len_ = len;
  pending_space_exact_ = single_space;
}

void rich_text::trim_end() { pending_space_ = false; }

void rich_text::join(const rich_text& other) {
  if (other.empty()) return;
  pending_space_ = false;
  // a line that ends in a word's hyphen ("life-" then "cycle") wrapped inside a
  // compound word: the hyphen is the word's own, and no space is read there --
  // unless the text sets its words' hyphens before a space ("arrays- stacks-
  // queues-", a list run together: two such in its last 600 bytes, one may be
  // a suspended hyphen, "full- or part-time")
  const auto n = text_.size();
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto hyphens_spaced = [&] {
    int hits = 0;
    for (auto at = text_.find("- ", n > 600 ? n - 600 : 0); at != std::string::npos && hits < 2;
         at = text_.find("- ", at + 2))
      hits += at > 0 && letter(text_[at - 1]);
    return hits >= 2;
  };
  const bool hyphen_wrap = n >= 2 && text_[n - 1] == '-' && letter(text_[n - 2]) && other.text_[0] >= 'a' &&
                           other.text_[0] <= 'z' && !hyphens_spaced();
  if (!text_.empty() && !hyphen_wrap) {
    // the separator stands for the gap between the two pieces
    anchors_.push_back({static_cast<std::uint32_t>(text_.size()), last_source_end_});
    text_.push_back(' ');
    broken_ = true;
  }
  const auto shift = static_cast<std::uint32_t>(text_.size());
  for (auto a : other.anchors_) anchors_.push_back({a.text + shift, a.source});
  for (auto r : other.runs_) {
    // a run that ends this text and one of the same style that begins the
    // other are one run over the break ("**all** / **aspects**" wrapped)
    if (r.begin == 0 && !runs_.empty() && runs_.back().style == r.style && runs_.back().end + 1 >= shift &&
        runs_.back().end <= shift) {
      runs_.back().end = r.end + shift;
      continue;
    }
    runs_.push_back({r.begin + shift, r.end + shift, r.style});
  }
  text_ += other.text_;
  broken_ = true;
  next_source_ = UINT32_MAX;
  last_source_end_ = other.last_source_end_;
}

void rich_text::open_emphasis(emphasis style) {
  int i = static_cast<int>(style);
  if (open_[i] >= 0) return;
  flush_space();
  open_[i] = static_cast<int>(text_.size());
}

void rich_text::close_emphasis(emphasis style) {
  int i = static_cast<int>(style);
  if (open_[i] < 0) return;
  auto b = static_cast<std::uint32_t>(open_[i]);
  auto e = static_cast<std::uint32_t>(text_.size());
  // trailing whitespace inside the markup is not part of the term
  while (e > b && text_[e - 1] == ' ') --e;
  while (b < e && text_[b] == ' ') ++b;
  if (e > b) runs_.push_back({b, e, style});
  open_[i] = -1;
}

std::uint32_t rich_text::source_of(std::uint32_t t) const {
  if (anchors_.empty()) return 0;
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), t,
                             [](std::uint32_t v, const anchor& a) { return v < a.text; });
  if (it == anchors_.begin()) return anchors_.front().source;
  --it;
  auto next = it + 1;
  std::uint32_t off = it->source + (t - it->text);
  // inside a character that stood for fewer source bytes (an entity): its start
  if (next != anchors_.end() && t >= next->text) return next->source;
  return off;
}

std::uint32_t rich_text::source_end_of(std::uint32_t te) const {
  if (te == 0) return source_of(0);
  if (te >= text_.size()) return last_source_end_;
  return source_of(te - 1) + 1;
}

rich_text rich_text::slice(std::uint32_t tb, std::uint32_t te) const {
  rich_text r;
  te = std::min<std::uint32_t>(te, static_cast<std::uint32_t>(text_.size()));
  if (tb >= te) return r;
  r.text_ = text_.substr(tb, te - tb);
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), tb,
                             [](std::uint32_t v, const anchor& a) { return v < a.text; });
  r.anchors_.push_back({0, source_of(tb)});
  for (; it != anchors_.end() && it->text < te; ++it) r.anchors_.push_back({it->text - tb, it->source});
  for (auto run : runs_) {
    auto b = std::max(run.begin, tb), e = std::min(run.end, te);
    if (b < e) r.runs_.push_back({b - tb, e - tb, run.style});
  }
  r.broken_ = broken_;
  r.last_source_end_ = source_end_of(te);
  r.next_source_ = UINT32_MAX;
  return r;
}

void rich_text::clear() { *this = rich_text{}; }

namespace {

struct entity {
  std::string_view name;
  std::string_view utf8;
};
constexpr std::array<entity, 14> named_entities{{
    {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "},
    {"ndash", "\xE2\x80\x93"}, {"mdash", "\xE2\x80\x94"}, {"lsquo", "\xE2\x80\x98"},
    {"rsquo", "\xE2\x80\x99"}, {"ldquo", "\xE2\x80\x9C"}, {"rdquo", "\xE2\x80\x9D"},
    {"bull", "\xE2\x80\xA2"}, {"hellip", "\xE2\x80\xA6"},
}};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

enum class tag_kind { none, p, ul, li, bold, italic, underline, br, other };

struct tag {
  tag_kind kind = tag_kind::none;
  bool closing = false;
  std::uint32_t length = 0;
};

/// Recognises an HTML tag at s[0] == '<'. Unknown names are not tags: a
/// literal "<" in text (e.g. "< 5 days") stays text.
tag read_tag(std::string_view s) {
  tag t;
  std::size_t i = 1;
  if (i < s.size() && s[i] == '/') {
    t.closing = true;
    ++i;
  }
  std::size_t name_begin = i;
  while (i < s.size() && i - name_begin < 12 && (is_alpha(s[i]) || (i > name_begin && s[i] >= '0' && s[i] <= '9'))) ++i;
  std::string name;
  for (std::size_t k = name_begin; k < i; ++k) name.push_back(lower(s[k]));
  if (name.empty()) return {};
  // attributes up to '>' on the same cell, bounded so a stray '<' stays cheap
  std::size_t close = s.find('>', i);
  if (close == std::string_view::npos || close - i > 400) return {};
  if (i < s.size() && s[i] != '>' && s[i] != ' ' && s[i] != '/') return {};
  t.length = static_cast<std::uint32_t>(close + 1);
  if (name == "p" || name == "div") t.kind = tag_kind::p;
  else if (name == "ul" || name == "ol") t.kind = tag_kind::ul;
  else if (name == "li") t.kind = tag_kind::li;
  else if (name == "b" || name == "strong") t.kind = tag_kind::bold;
  else if (name == "i" || name == "em") t.kind = tag_kind::italic;
  else if (name == "u") t.kind = tag_kind::underline;
  else if (name == "br") t.kind = tag_kind::br;
  else if (name == "span" || name == "font" || name == "sup" || name == "sub") t.kind = tag_kind::other;
  else return {};
  return t;
}

}  // namespace

bool ends_html_block(std::string_view line) {
  if (line.empty() || line.back() != '>') return false;
  const auto lt = line.rfind('<');
  if (lt == std::string_view::npos) return false;
  const tag t = read_tag(line.substr(lt));
  if (lt + t.length != line.size()) return false;
  return t.kind == tag_kind::br || (t.closing && (t.kind == tag_kind::p || t.kind == tag_kind::ul || t.kind == tag_kind::li));
}

namespace {

/// Decodes an entity at s[0] == '&'; returns its length, 0 when it is none.
std::uint32_t read_entity(std::string_view s, std::string& out) {
  std::size_t semi = s.find(';');
  if (semi == std::string_view::npos || semi < 2 || semi > 10) return 0;
  std::string_view body = s.substr(1, semi - 1);
  if (body[0] == '#') {
    std::uint32_t cp = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::size_t k = hex ? 2 : 1;
    if (k >= body.size()) return 0;
    for (; k < body.size(); ++k) {
      char c = body[k];
      int d = (c >= '0' && c <= '9') ? c - '0'
              : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (d < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      if (cp > 0x10FFFF) return 0;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(cp), err);
    if (err) return 0;
    out.assign(buf, static_cast<std::size_t>(len));
    return static_cast<std::uint32_t>(semi + 1);
  }
  for (const auto& e : named_entities)
    if (e.name == body) {
      out.assign(e.utf8);
      return static_cast<std::uint32_t>(semi + 1);
    }
  return 0;
}

/// Bytes that may start markup, whitespace or a no-break space.
constexpr auto special_byte = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '<', '&', '*', '_', '[', ']', '\xC2'}) t[c] = true;
  return t;
}();

bool is_space_at(std::string_view s, std::size_t i, std::uint32_t& len) {
  char c = s[i];
  if (c == ' ' || c == '\t') {
    len = 1;
    return true;
  }
  if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // no-break space
    len = 2;
    return true;
  }
  return false;
}

// a link's text and target are short: bounded look-ups keep hostile runs of brackets linear
constexpr std::uint32_t max_link_text = 500, max_target = 2000;

/// Where the "(target)" after the "]" at `k` ends (one past its ")"), npos where none follows.
std::size_t link_target_end(std::string_view s, std::size_t k) {
  if (k + 1 >= s.size() || s[k] != ']' || s[k + 1] != '(') return std::string_view::npos;
  const auto close = s.substr(k + 2, max_target).find(')');
  if (close == std::string_view::npos) return std::string_view::npos;
  const auto target = s.substr(k + 2, close);
  if (target.find_first_of(" \t\n") != std::string_view::npos) return std::string_view::npos;
  return k + 2 + close + 1;
}

/// Where the paragraph that goes on from `from` ends: a blank line, or `limit` bytes on.
std::size_t paragraph_end(std::string_view source, std::size_t from, std::size_t limit) {
  const auto window = source.substr(from, limit);
  return from + std::min(window.find("\n\n"), std::min(window.find("\n\r\n"), window.size()));
}

/// A link's text that runs over a line break: the lines read one at a time hold its "[" on one
/// line and its "](target)" on a later one ("- [D1: take … to estimate" / "effort … established.](./d01.md)"),
/// a link's text long at the most, with no blank line nor other bracket between.
bool link_text_between(std::string_view source, std::size_t open, std::size_t close) {
  if (close <= open || close - open > max_link_text) return false;
  const auto inner = source.substr(open + 1, close - open - 1);
  return inner.find_first_of("[]") == std::string_view::npos && paragraph_end(source, open, close - open) == close;
}

/// A "**" that something closes later in its paragraph, on a later line too (bold text wrapped).
bool bold_closes_later(std::string_view source, std::size_t from) {
  constexpr std::size_t max_bold_text = 2000;
  const auto close = source.substr(from, max_bold_text).find("**");
  return close != std::string_view::npos && paragraph_end(source, from, close) == from + close;
}

bool is_bullet_at(std::string_view s, std::size_t i) {
  return s.substr(i, 3) == "\xE2\x80\xA2";  // •
}

}  // namespace

std::vector<block> read_blocks(std::string_view source, std::uint32_t begin, std::uint32_t end,
                               markup_report& report) {
  std::vector<block> blocks;
  std::uint32_t list_count = 0, current_list = 0;
  block current;
  auto finish = [&]() {
    current.content.trim_end();
    if (!current.content.empty()) blocks.push_back(std::move(current));
    current = block{};
  };
  auto start = [&](block_type type) {
    finish();
    current.type = type;
    current.list = type == block_type::list_item ? current_list : 0;
  };
  current.content.reserve(end - begin);
  std::string_view s = source.substr(0, end);
  std::string decoded;
  bool at_item_start = false;
  bool br_list = false;  // in a list written `<br>- item`
  // the last '*' of the span: a marker after it can close nothing, and one
  // opening at it has nothing to close it, so either is text ("*starred")
  const std::size_t last_star = s.substr(begin).rfind('*') == std::string_view::npos
                                    ? std::string_view::npos
                                    : begin + s.substr(begin).rfind('*');
  // a markdown link "[text](target)" keeps its text; the target is dropped
  std::uint32_t link_close = UINT32_MAX, link_end = 0;
  std::size_t next_bracket = begin;
  // a cell whose first block is a list item, in the readers' cell form (`- item<br>- item`)
  std::uint32_t first = begin;
  while (first < end && s[first] == ' ') ++first;
  if (first + 1 < end && s[first] == '-' && s[first + 1] == ' ' && s.substr(first, end - first).find("<br>- ") != std::string_view::npos) {
    current_list = ++list_count;
    start(block_type::list_item);
    at_item_start = true;
    br_list = true;
    begin = first + 2;
  }
  for (std::uint32_t i = begin; i < end;) {
    char c = s[i];
    std::uint32_t len = 0;
    if (i == link_close) {
      i = link_end;
      link_close = UINT32_MAX;
      continue;
    }
    if (c == '[' && link_close == UINT32_MAX) {
      // the next "]" is looked up once for every "[" before it (a run of "[" stays linear)
      if (next_bracket != std::string_view::npos && next_bracket <= i) next_bracket = s.substr(0, end).find(']', i + 1);
      if (next_bracket != std::string_view::npos) {
        const auto k = static_cast<std::uint32_t>(next_bracket);
        const auto target_end = k - i <= max_link_text ? link_target_end(s, k) : std::string_view::npos;
        if (target_end != std::string_view::npos && s.substr(i + 1, k - i - 1).find('[') == std::string_view::npos) {
          ++report.markdown_emphasis;
          link_close = k;
          link_end = static_cast<std::uint32_t>(target_end);
          ++i;
          continue;
        }
      } else if (const auto k = source.substr(0, std::min<std::size_t>(source.size(), i + 1 + max_link_text))
                                    .find(']', end);
                 k != std::string_view::npos && link_text_between(source, i, k) &&
                 link_target_end(source, k) != std::string_view::npos) {
        // the link's text goes on over the line's end: its "[" is markup
        ++report.markdown_emphasis;
        ++i;
        continue;
      }
    }
    if (c == ']' && link_close == UINT32_MAX) {
      // the end of a link whose text began on an earlier line: its "](target)" is markup
      const auto after = link_target_end(s, i);
      const auto from = i > max_link_text ? i - max_link_text : 0;
      const auto open = after == std::string_view::npos || from >= begin
                            ? std::string_view::npos
                            : source.substr(from, begin - from).rfind('[');
      if (open != std::string_view::npos && link_text_between(source, from + open, i)) {
        ++report.markdown_emphasis;
        i = static_cast<std::uint32_t>(after);
        continue;
      }
    }
    if (is_space_at(s, i, len)) {
      std::uint32_t j = i + len;
      while (j < end && is_space_at(s, j, len)) j += len;
      current.content.space(i, j - i, j - i == 1 && c == ' ');
      i = j;
      continue;
    }
    if (c == '<') {
      tag t = read_tag(s.substr(i));
      if (t.kind != tag_kind::none) {
        ++report.html_tags;
        switch (t.kind) {
          case tag_kind::p: finish(); break;
          case tag_kind::br: {
            // a line break in a paragraph is a space; a cell's list item written `<br>- item` (the
            // readers' cell form) starts an item, and a paragraph after a list starts anew
            std::uint32_t k = i + t.length;
            while (k < end && s[k] == ' ') ++k;
            if (k + 1 < end && s[k] == '-' && s[k + 1] == ' ') {
              if (current_list == 0) current_list = ++list_count;
              start(block_type::list_item);
              at_item_start = true;
              br_list = true;
              i = k + 2;
              continue;
            }
            if (br_list) {
              start(block_type::paragraph);
              current_list = 0;
              br_list = false;
            } else {
              current.content.space(i, t.length, false);
            }
            break;
          }
          case tag_kind::ul:
            finish();
            if (!t.closing) current_list = ++list_count;
            else current_list = 0;
            break;
          case tag_kind::li:
            if (!t.closing) {
              if (current_list == 0) current_list = ++list_count;
              start(block_type::list_item);
              at_item_start = true;
            } else {
              finish();
            }
            break;
          case tag_kind::bold:
          case tag_kind::underline:
            t.closing ? current.content.close_emphasis(emphasis::bold) : current.content.open_emphasis(emphasis::bold);
            break;
          case tag_kind::italic:
            t.closing ? current.content.close_emphasis(emphasis::italic)
                      : current.content.open_emphasis(emphasis::italic);
            break;
          default: break;
        }
        i += t.length;
        continue;
      }
    }
    if (c == '&') {
      if (auto n = read_entity(s.substr(i), decoded)) {
        ++report.entities;
        if (decoded == " ") current.content.space(i, n, false);
        else current.content.append(decoded, i, n);
        i += n;
        continue;
      }
    }
    if (c == '*') {
      // markdown emphasis: ** toggles bold, a lone * toggles italic when it
      // sits at a word edge; a "*" glued inside a word stays text (footnotes)
      std::uint32_t run = 1;
      while (i + run < end && s[i + run] == '*') ++run;
      bool before_space = i == begin || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '>';
      bool after_space = i + run >= end || s[i + run] == ' ' || s[i + run] == '\t' || s[i + run] == '<';
      if (run >= 2) {
        // "**bold**." and "(**bold**)": punctuation is a word edge for a double marker
        // (a single "*" glued to punctuation, as in "qualification*.", stays a footnote mark)
        auto punct = [](char p) { return p == '.' || p == ',' || p == ';' || p == ':' || p == '!' || p == '?' ||
                                         p == ')' || p == '(' || p == '"' || p == '\''; };
        before_space = before_space || (i > begin && punct(s[i - 1]));
        after_space = after_space || (i + run < end && punct(s[i + run]));
        if (before_space && after_space && i > begin && i + run < end) before_space = s[i - 1] == '(' || s[i - 1] == ' ';
      }
      // "indu**strial": a double marker inside a word is emphasis too (CommonMark), opening when none is open
      // (its closing marker may be on a later line: a paragraph wrapped inside the bold text)
      if (run == 2 && !before_space && !after_space && i > begin && i + run < end) {
        auto alnum = [](char a) { return (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9'); };
        if (alnum(s[i - 1]) && alnum(s[i + run]) && bold_closes_later(source, i + run)) {
          ++report.markdown_emphasis;
          current.content.open_emphasis(emphasis::bold);
          i += run;
          continue;
        }
      }
      const bool opening_marker = before_space && !after_space;
      // no '*' after it on this span: "*starred" is text (a double one may open bold text that a
      // wrapped paragraph closes on a later line)
      const bool unclosed =
          opening_marker && i + run > last_star && (run != 2 || !bold_closes_later(source, i + run));
      if (!unclosed && (before_space != after_space || (before_space && after_space && run >= 2))) {
        ++report.markdown_emphasis;
        bool opening = opening_marker;
        if (run >= 2) opening ? current.content.open_emphasis(emphasis::bold) : current.content.close_emphasis(emphasis::bold);
        if (run != 2) opening ? current.content.open_emphasis(emphasis::italic) : current.content.close_emphasis(emphasis::italic);
        i += run;
        continue;
      }
    }
    if (c == '_' && i + 1 < end && s[i + 1] == '_' && (i + 2 >= end || s[i + 2] != '_') &&
        (i == begin || s[i - 1] != '_')) {
      // markdown "__strong__": a double underscore at a word edge (a single one is part of names),
      // flanking its text as CommonMark has it: an opening one has no space after it, a closing
      // one none before it, and one between a word and punctuation ("__Level:__ 3") sides with the
      // punctuation ("indu__strial" is no emphasis)
      auto space = [](char a) { return a == ' ' || a == '\t' || a == '\r' || a == '\n'; };
      auto punct = [](char a) {
        return (a >= '!' && a <= '/') || (a >= ':' && a <= '@') || (a >= '[' && a <= '`') || (a >= '{' && a <= '~');
      };
      const char before = i == begin ? ' ' : s[i - 1], after = i + 2 >= end ? ' ' : s[i + 2];
      const bool left = !space(after) && (!punct(after) || space(before) || punct(before));
      const bool right = !space(before) && (!punct(before) || space(after) || punct(after));
      const bool closes_later = s.substr(i + 2, end - i - 2).find("__") != std::string_view::npos;
      if (left && (!right || punct(before)) && closes_later) {
        ++report.markdown_emphasis;
        current.content.open_emphasis(emphasis::bold);
        i += 2;
        continue;
      }
      if (right && (!left || punct(after))) {
        ++report.markdown_emphasis;
        current.content.close_emphasis(emphasis::bold);
        i += 2;
        continue;
      }
    }
    if (at_item_start && is_bullet_at(s, i)) {  // "• " inside <li> is the list marker
      at_item_start = false;
      i += 3;
      continue;
    }
    at_item_start = false;
    // a run of bytes with no markup, space or no-break space: appended at once
    // (a single space between two such bytes is part of the run: it maps one for one)
    if (c != '\xC2') {
      std::uint32_t j = i + 1;
      for (;;) {
        while (j < end && !special_byte[static_cast<unsigned char>(s[j])]) ++j;
        if (j + 1 < end && s[j] == ' ' && !special_byte[static_cast<unsigned char>(s[j + 1])]) {
          j += 2;
          continue;
        }
        break;
      }
      if (j > i + 1) {
        current.content.append(s.substr(i, j - i), i, j - i);
        i = j;
        continue;
      }
    }
    // one UTF-8 character
    std::uint32_t n = 1;
    auto u = static_cast<unsigned char>(c);
    if (u >= 0xF0) n = 4;
    else if (u >= 0xE0) n = 3;
    else if (u >= 0xC0) n = 2;
    n = std::min(n, end - i);
    current.content.append(s.substr(i, n), i, n);
    i += n;
  }
  finish();
  return blocks;
}

rich_text read_text(std::string_view source, std::uint32_t begin, std::uint32_t end, markup_report& report) {
  auto blocks = read_blocks(source, begin, end, report);
  if (blocks.empty()) return {};
  rich_text out = std::move(blocks.front().content);
  for (std::size_t k = 1; k < blocks.size(); ++k) out.join(blocks[k].content);
  return out;
}

}  // namespace qspec::clean
