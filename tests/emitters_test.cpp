// Emitters: the same content in three formats, byte-identical across runs.
#include <sstream>

#include "helpers.hpp"
#include "qspec/emit.hpp"

using namespace qspec;

namespace {
std::string emitted(const parse_result& r, format f) {
  std::ostringstream out;
  emit(r.doc, r.diagnostics, f, out);
  return out.str();
}
std::size_t occurrences(const std::string& s, std::string_view needle) {
  std::size_t n = 0;
  for (auto p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("emitters - deterministic output") {
  auto a = qspec::test::parse_corpus("unit-spec-F36J04-LMC-B2.txt");
  auto b = qspec::test::parse_corpus("unit-spec-F36J04-LMC-B2.txt");
  for (auto f : {format::json, format::yaml, format::xml}) CHECK(emitted(a, f) == emitted(b, f));
}

TEST_CASE("emitters - each format names the same nodes") {
  auto r = qspec::test::parse_corpus("unit-spec-F36J04-LMC-B2.txt");
  auto json = emitted(r, format::json), yaml = emitted(r, format::yaml), xml = emitted(r, format::xml);
  CHECK(occurrences(json, "\"kind\": \"performance_criterion\"") == 22);
  CHECK(occurrences(yaml, "kind: \"performance_criterion\"") == 22);
  CHECK(yaml.find("\"kind\":") == std::string::npos);  // keys stay plain
  CHECK(occurrences(xml, "<performance_criterion ") == 22);
  CHECK(occurrences(json, "\"kind\": \"glossary_term\"") == 27);
  CHECK(occurrences(xml, "<glossary_term ") == 27);
  CHECK(json.find("\"id\": \"LMC-B2/B2.3/pc-8\"") != std::string::npos);
  CHECK(xml.find("id=\"LMC-B2/B2.3/pc-8\" line=\"225\" column=\"1\" end_line=\"228\" end_column=\"9\"") !=
        std::string::npos);
  CHECK(format_from_name("yaml") == format::yaml);
  CHECK_FALSE(format_from_name("toml"));
}

TEST_CASE("emitters - hostile strings stay strings and XML stays well-formed") {
  auto r = qspec::test::parse_text("no\n\nyes\n\n~\n\n]]> <!-- \x01 control\n");
  auto yaml = emitted(r, format::yaml);
  CHECK(yaml.find("heading: \"no\"") != std::string::npos);
  CHECK(yaml.find("heading: \"~\"") != std::string::npos);
  CHECK(yaml.find("id: \"section/3\"") != std::string::npos);
  auto xml = emitted(r, format::xml);
  CHECK(xml.find("]]&gt; &lt;!-- \xEF\xBF\xBD control") != std::string::npos);
  auto json = emitted(r, format::json);
  CHECK(json.find("\\u0001 control") != std::string::npos);
}
