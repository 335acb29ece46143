// YAML catalogue through yaml-cpp. Every string is double-quoted so that no
// text ("yes", "no", "~", "04") is read back as anything but a string.
#include <yaml-cpp/yaml.h>

#include <ostream>
#include <string>

#include "tree_writer.hpp"
#include "writers.hpp"

namespace qspec::emitters {
namespace {

class yaml_writer final : public tree_writer {
 public:
  yaml_writer() {
    out_.SetIndent(2);
  }
  void begin_node(std::string_view kind, std::string_view id, const source_span& span) override {
    out_ << YAML::BeginMap;
    field("kind", kind);
    field("id", id);
    field_span("span", span);
  }
  void field(std::string_view name, std::string_view value) override {
    out_ << YAML::Key << std::string(name) << YAML::Value << YAML::DoubleQuoted;
    // yaml-cpp escapes C0 and C1 controls but writes DEL as it is, which YAML does not allow:
    // such a value is written with every non-ASCII character escaped
    if (value.find('\x7f') != std::string_view::npos) out_ << YAML::EscapeNonAscii;
    out_ << std::string(value);
  }
  void field(std::string_view name, std::int64_t value) override {
    out_ << YAML::Key << std::string(name) << YAML::Value << value;
  }
  void field(std::string_view name, bool value) override {
    out_ << YAML::Key << std::string(name) << YAML::Value << YAML::TrueFalseBool << value;
  }
  void field_span(std::string_view name, const source_span& s) override {
    out_ << YAML::Key << std::string(name) << YAML::Value << YAML::Flow << YAML::BeginMap;
    out_ << YAML::Key << "line" << YAML::Value << s.begin.line;
    out_ << YAML::Key << "column" << YAML::Value << s.begin.column;
    out_ << YAML::Key << "end_line" << YAML::Value << s.end.line;
    out_ << YAML::Key << "end_column" << YAML::Value << s.end.column;
    out_ << YAML::EndMap;
  }
  void field_list(std::string_view name, const std::vector<std::string>& values) override {
    out_ << YAML::Key << std::string(name) << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& v : values) out_ << YAML::DoubleQuoted << v;
    out_ << YAML::EndSeq;
  }
  void begin_children() override { out_ << YAML::Key << "children" << YAML::Value << YAML::BeginSeq; }
  void end_children() override { out_ << YAML::EndSeq; }
  void end_node() override { out_ << YAML::EndMap; }
  const char* c_str() const { return out_.c_str(); }
  std::size_t size() const { return out_.size(); }

 private:
  YAML::Emitter out_;
};

}  // namespace

void write_yaml(const walker& walk_into, std::ostream& out) {
  yaml_writer w;
  walk_into(w);
  out.write(w.c_str(), static_cast<std::streamsize>(w.size()));
  out << '\n';
}

}  // namespace qspec::emitters
