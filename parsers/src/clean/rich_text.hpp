#pragma once
// Cleaned text with a map back to the source. Markup (HTML tags, entities,
// markdown emphasis) is removed and whitespace collapsed, but every character
// still knows the source byte it came from, so spans stay exact.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qspec::clean {

/// From text offset `text` on, characters come from source offset `source`
/// onwards, one for one, until the next anchor.
struct anchor {
  std::uint32_t text;
  std::uint32_t source;
};

enum class emphasis { none = 0, bold = 1, italic = 2 };

struct emphasis_run {
  std::uint32_t begin;  // text offsets, end exclusive
  std::uint32_t end;
  emphasis style;
};

class rich_text {
 public:
  /// Appends one character (its bytes) that came from source offset `src`;
  /// `src_len` is how many source bytes it stood for.
  /// `same` is false when the bytes differ from the source bytes.
  void append(std::string_view bytes, std::uint32_t src, std::uint32_t src_len, bool same = true);
  /// Appends a single space standing for a run of `len` source bytes of
  /// whitespace, unless the text is empty; trailing space is dropped.
  void space(std::uint32_t src, std::uint32_t len, bool single_space);
  /// Appends another rich text, separated by one space (none after a hyphen
  /// that ends a word wrapped over two lines: "life-" + "cycle").
  void join(const rich_text& other);
  void trim_end();
  void open_emphasis(emphasis style);
  void close_emphasis(emphasis style);

  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] bool empty() const { return text_.empty(); }
  [[nodiscard]] const std::vector<emphasis_run>& emphasis_runs() const { return runs_; }
  /// Source offset of the character at text offset `t`.
  [[nodiscard]] std::uint32_t source_of(std::uint32_t t) const;
  /// Source byte range [begin, end) of text [tb, te).
  [[nodiscard]] std::uint32_t source_begin() const { return source_of(0); }
  [[nodiscard]] std::uint32_t source_end() const { return last_source_end_; }
  [[nodiscard]] std::uint32_t source_end_of(std::uint32_t te) const;
  /// A sub-range of this text with its own anchors.
  [[nodiscard]] rich_text slice(std::uint32_t tb, std::uint32_t te) const;
  /// True when the text equals the source bytes it came from (no markup, no
  /// collapsed whitespace), so a view into the source can stand for it.
  [[nodiscard]] bool verbatim() const { return anchors_.size() == 1 && !broken_; }
  void clear();
  void reserve(std::size_t n) { text_.reserve(n); }

 private:
  std::string text_;
  std::vector<anchor> anchors_;
  std::vector<emphasis_run> runs_;
  std::uint32_t next_source_ = UINT32_MAX;  // source offset that would continue the text
  std::uint32_t last_source_end_ = 0;
  bool broken_ = false;                     // a character stood for a different number of bytes
  bool pending_space_ = false;
  std::uint32_t pending_space_src_ = 0;
  std::uint32_t pending_space_len_ = 0;
  bool pending_space_exact_ = true;
  int open_[3] = {-1, -1, -1};
  void flush_space();
};

enum class block_type { paragraph, list_item };

struct block {
  block_type type = block_type::paragraph;
  std::uint32_t list = 0;  // which <ul> a list item belongs to (1-based), 0 for paragraphs
  rich_text content;
};

/// Whether a line ends with an HTML block's end tag (</p>, </div>, </ul>, </ol>, </li>) or a line
/// break (<br>): a paragraph ends there, whatever room the line leaves.
[[nodiscard]] bool ends_html_block(std::string_view line);

struct markup_report {
  std::uint32_t html_tags = 0;
  std::uint32_t entities = 0;
  std::uint32_t markdown_emphasis = 0;
  [[nodiscard]] std::uint32_t total() const { return html_tags + entities + markdown_emphasis; }
};

/// Reads one table cell or line, source bytes [begin, end) of `source`, into
/// paragraphs and list items. HTML <p>, <ul>, <li>, <b>, <i>, <u>, <strong>,
/// <em>, <br>, entities and markdown ** / * emphasis become structure.
std::vector<block> read_blocks(std::string_view source, std::uint32_t begin, std::uint32_t end,
                               markup_report& report);

/// Reads a span into a single rich text: blocks joined by spaces.
rich_text read_text(std::string_view source, std::uint32_t begin, std::uint32_t end, markup_report& report);

}  // namespace qspec::clean
