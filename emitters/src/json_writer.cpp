// JSON catalogue: streamed into a buffer, two-space indented; strings quoted
// and escaped by Boost.JSON's serializer.
#include <boost/json/serialize.hpp>
#include <boost/json/serializer.hpp>
#include <boost/json/string_view.hpp>

#include <charconv>
#include <cstring>
#include <ostream>
#include <string>
#include <vector>

#include "qspec/emit.hpp"
#include "tree_writer.hpp"
#include "writers.hpp"

namespace qspec::emitters {
namespace {

class json_writer final : public tree_writer {
 public:
  explicit json_writer(std::ostream& out) : out_(out) { buf_.reserve(flush_at + 4096); }

  void begin_node(std::string_view kind, std::string_view id, const source_span& span) override {
    value_start();
    buf_ += '{';
    first_.push_back(true);
    key("kind");
    str(kind);
    key("id");
    str(id);
    field_span("span", span);
  }
  void field(std::string_view name, std::string_view value) override {
    key(name);
    str(value);
  }
  void field(std::string_view name, std::int64_t value) override {
    key(name);
    number(value);
  }
  void field(std::string_view name, bool value) override {
    key(name);
    buf_ += value ? "true" : "false";
  }
  void field_span(std::string_view name, const source_span& s) override {
    key(name);
    buf_ += "{\"line\": ";
    number(s.begin.line);
    buf_ += ", \"column\": ";
    number(s.begin.column);
    buf_ += ", \"end_line\": ";
    number(s.end.line);
    buf_ += ", \"end_column\": ";
    number(s.end.column);
    buf_ += '}';
  }
  void field_list(std::string_view name, const std::vector<std::string>& values) override {
    key(name);
    buf_ += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) buf_ += ", ";
      str(values[i]);
    }
    buf_ += ']';
  }
  void begin_children() override {
    key("children");
    buf_ += '[';
    first_.push_back(true);
  }
  void end_children() override { close(']'); }
  void end_node() override { close('}'); }
  void finish() {
    buf_ += '\n';
    flush();
  }

 private:
  static constexpr std::size_t flush_at = 1 << 16;
  std::ostream& out_;
  std::string buf_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  boost::json::serializer serializer_;

  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  void number(std::int64_t v) {
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, r.ptr);
  }
  void newline() {
    if (buf_.size() > flush_at) flush();
    buf_ += '\n';
    buf_.append(2 * first_.size(), ' ');
  }
  void value_start() {
    if (first_.empty()) return;
    if (!first_.back()) buf_ += ',';
    first_.back() = false;
    newline();
  }
  void key(std::string_view k) {
    value_start();
    str(k);
    buf_ += ": ";
  }
  /// A quoted, escaped JSON string, written by Boost.JSON straight into the buffer.
  /// Most texts need no escaping at all (no quote, backslash or control
  /// character): those are copied between quotes as they are.
  void str(std::string_view s) {
    if (plain(s)) {
      buf_ += '"';
      buf_ += s;
      buf_ += '"';
      return;
    }
    serializer_.reset(boost::json::string_view(s.data(), s.size()));
    while (!serializer_.done()) {
      const std::size_t at = buf_.size();
      const std::size_t room = s.size() + 64;
      buf_.resize(at + room);
      auto written = serializer_.read(buf_.data() + at, room);
      buf_.resize(at + written.size());
    }
  }
  /// No byte of `s` needs escaping: eight bytes at a time (SWAR), then the tail.
  static bool plain(std::string_view s) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto has_zero = [](std::uint64_t x) { return ((x - ones) & ~x & highs) != 0; };
    const char* p = s.data();
    std::size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      bool control = ((w - ones * 0x20) & ~w & highs) != 0;  // a byte below 0x20
      if (control || has_zero(w ^ (ones * 0x22)) || has_zero(w ^ (ones * 0x5C)) || has_zero(w ^ (ones * 0x7F)))
        return false;
    }
    for (; n > 0; ++p, --n) {
      auto u = static_cast<unsigned char>(*p);
      if (u < 0x20 || u == 0x22 || u == 0x5C || u == 0x7F) return false;
    }
    return true;
  }
  void close(char c) {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    buf_ += c;
  }
};

}  // namespace

void write_json(const walker& walk_into, std::ostream& out) {
  json_writer w(out);
  walk_into(w);
  w.finish();
}

}  // namespace qspec::emitters

namespace qspec {

void emit_diagnostics_json(const std::vector<diagnostic>& diagnostics, std::string_view source, std::ostream& out) {
  auto s = [](std::string_view v) { return boost::json::serialize(boost::json::string_view(v.data(), v.size())); };
  out << '[';
  bool first = true;
  for (const auto& d : diagnostics) {
    out << (first ? "\n  " : ",\n  ");
    first = false;
    // a merged catalogue's diagnostics each name their own document
    out << "{\"file\": " << s(d.document.empty() ? source : std::string_view(d.document));
    // the span as the catalogue writes it; a diagnostic about the whole
    // document (line 0) has none
    if (d.span.begin.line > 0)
      out << ", \"span\": {\"line\": " << d.span.begin.line << ", \"column\": " << d.span.begin.column
          << ", \"end_line\": " << d.span.end.line << ", \"end_column\": " << d.span.end.column << '}';
    out << ", \"severity\": " << s(to_string(d.level)) << ", \"code\": " << s(d.code) << ", \"message\": " << s(d.message);
    if (!d.original.empty()) out << ", \"original\": " << s(d.original);
    if (!d.repaired.empty()) out << ", \"repaired\": " << s(d.repaired);
    out << '}';
  }
  out << (first ? "]\n" : "\n]\n");
}

}  // namespace qspec
