// Catalogues read back: emit -> read -> emit gives the same bytes, in every
// format, for every corpus document and for a merged catalogue.
#include <filesystem>
#include <sstream>

#include "helpers.hpp"
#include "qspec/catalogue.hpp"
#include "qspec/emit.hpp"
#include "qspec/read.hpp"

using namespace qspec;

namespace {

std::string emitted(const tree::node& root, format f) {
  std::ostringstream out;
  emit(root, f, out);
  return out.str();
}

}  // namespace

TEST_CASE("readers - emit, read, emit is byte-identical for the whole corpus in all formats") {
  std::size_t documents = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(QSPEC_CORPUS_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    ++documents;
    auto name = std::filesystem::relative(entry.path(), QSPEC_CORPUS_DIR).string();
    INFO(name);
    auto r = qspec::test::parse_corpus(name);
    auto root = to_tree(r.doc, r.diagnostics);
    for (auto f : {format::json, format::yaml, format::xml}) {
      std::ostringstream direct;
      emit(r.doc, r.diagnostics, f, direct);
      CHECK(emitted(root, f) == direct.str());  // the tree is what the emitters write
      auto back = read_catalogue(direct.str());
      REQUIRE_MESSAGE(back, back.error);
      // XML 1.0 cannot hold C0 controls: they come back as U+FFFD, so only the bytes are compared there
      if (f != format::xml) CHECK(back.root == root);
      CHECK(emitted(back.root, f) == direct.str());
    }
  }
  // the five seed documents, their revisions, regressions, hostile inputs, layout variants, the prints'
  // pdftotext texts and the web pages' text dumps: none skipped
  CHECK(documents == 314);
}

TEST_CASE("readers - a merged catalogue reads back too") {
  std::vector<document> docs;
  std::vector<std::vector<diagnostic>> diags;
  for (const char* n : {"structure-list-nvq4-leadership-management-care.txt",
                        "datasheet-ocr-04639-nvq4-leadership-management-care.txt", "unit-spec-F36J04-LMC-B2.txt"}) {
    auto r = qspec::test::parse_corpus(n);
    docs.push_back(std::move(r.doc));
    diags.push_back(std::move(r.diagnostics));
  }
  auto cat = merge(std::move(docs), std::move(diags));
  auto root = to_tree(cat);
  for (auto f : {format::json, format::yaml, format::xml}) {
    auto text = emitted(root, f);
    auto back = read_catalogue(text);
    REQUIRE_MESSAGE(back, back.error);
    CHECK(emitted(back.root, f) == text);
  }
}

TEST_CASE("readers - what is not a catalogue is an error, not a crash") {
  CHECK_FALSE(read_catalogue(""));
  CHECK_FALSE(read_catalogue("plain text"));
  CHECK_FALSE(read_catalogue("{\"kind\": \"document\", \"id\": "));
  CHECK_FALSE(read_catalogue("{\"kind\": \"paragraph\", \"id\": \"p\", \"span\": {\"line\": 1, \"column\": 1, "
                             "\"end_line\": 1, \"end_column\": 1}}"));
  CHECK_FALSE(read_catalogue("kind: [unclosed"));
  CHECK_FALSE(read_catalogue("<catalogue><document id='x'/></catalogue>"));  // no span
  CHECK_FALSE(read_catalogue("<nope/>"));
  auto deep = std::string(100000, '[');
  CHECK_FALSE(read_catalogue("{\"kind\": " + deep));
  auto r = read_catalogue("{\"kind\": \"document\", \"id\": \"d\", \"span\": {\"line\": -1, \"column\": 1, "
                          "\"end_line\": 1, \"end_column\": 1}}");
  CHECK_FALSE(r);
  CHECK(r.error.find("span") != std::string::npos);
}

TEST_CASE("readers - CASE identifiers are UUIDv5 of the stable id under the documented namespace") {
  // the same value as Python's uuid.uuid5(UUID("6b0d3c3e-…"), "LMC-B2")
  CHECK(case_identifier("LMC-B2") == "fb3985d3-67ce-530d-983d-d69d594da09c");
  CHECK(case_identifier("LMC-B2/knowledge/values/kp-2/c") != case_identifier("LMC-B2/knowledge/values/kp-2/b"));
}

TEST_CASE("readers - a CASE package reads back into the tree it was exported from") {
  auto r = qspec::test::parse_corpus("unit-spec-F36J04-LMC-B2.txt");
  std::ostringstream package;
  emit(r.doc, r.diagnostics, format::case_package, package);
  auto back = read_catalogue(package.str());
  REQUIRE_MESSAGE(back, back.error);
  CHECK(back.case_package);
  CHECK(back.root.kind == "document");
  CHECK(back.root.id == "document/LMC-B2");
  REQUIRE(!back.root.children.empty());
  const auto& unit = back.root.children.front();
  CHECK(unit.kind == "unit");
  CHECK(unit.text("code") == "F36J 04");
  CHECK(emitted(back.root, format::case_package) == package.str());
  // the package's view of the document is the tree read back
  CHECK(case_view(to_tree(r.doc, r.diagnostics)) == back.root);
  // CSV is written, never read back
  CHECK_FALSE(read_catalogue("id,kind\r\n", format::csv));
}
