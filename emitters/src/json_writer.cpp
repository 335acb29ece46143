// JSON catalogue: streamed, two-space indented; strings escaped by Boost.JSON.
#include <boost/json/serialize.hpp>
#include <boost/json/string_view.hpp>

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
  explicit json_writer(std::ostream& out) : out_(out) {}

  void begin_node(std::string_view kind, std::string_view id, const source_span& span) override {
    value_start();
    out_ << '{';
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
    out_ << value;
  }
  void field(std::string_view name, bool value) override {
    key(name);
    out_ << (value ? "true" : "false");
  }
  void field_span(std::string_view name, const source_span& s) override {
    key(name);
    out_ << "{\"line\": " << s.begin.line << ", \"column\": " << s.begin.column << ", \"end_line\": " << s.end.line
         << ", \"end_column\": " << s.end.column << '}';
  }
  void begin_children() override {
    key("children");
    out_ << '[';
    first_.push_back(true);
  }
  void end_children() override { close(']'); }
  void end_node() override { close('}'); }
  void finish() { out_ << '\n'; }

 private:
  std::ostream& out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet

  void newline() {
    out_ << '\n';
    for (std::size_t i = 0; i < first_.size(); ++i) out_ << "  ";
  }
  void value_start() {
    if (first_.empty()) return;
    if (!first_.back()) out_ << ',';
    first_.back() = false;
    newline();
  }
  void key(std::string_view k) {
    value_start();
    str(k);
    out_ << ": ";
  }
  void str(std::string_view s) { out_ << boost::json::serialize(boost::json::string_view(s.data(), s.size())); }
  void close(char c) {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ << c;
  }
};

}  // namespace

void write_json(const document& doc, const std::vector<diagnostic>& diagnostics, std::ostream& out) {
  json_writer w(out);
  walk(doc, diagnostics, w);
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
    out << "{\"file\": " << s(source) << ", \"line\": " << d.span.begin.line << ", \"column\": " << d.span.begin.column
        << ", \"end_line\": " << d.span.end.line << ", \"end_column\": " << d.span.end.column
        << ", \"severity\": " << s(to_string(d.level)) << ", \"code\": " << s(d.code) << ", \"message\": " << s(d.message);
    if (!d.original.empty()) out << ", \"original\": " << s(d.original);
    if (!d.repaired.empty()) out << ", \"repaired\": " << s(d.repaired);
    out << '}';
  }
  out << (first ? "]\n" : "\n]\n");
}

}  // namespace qspec
