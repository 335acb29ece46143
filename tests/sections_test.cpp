// Documents of a kind not supported yet: one diagnostic, every line kept.
#include <algorithm>
#include <filesystem>

#include "helpers.hpp"

using namespace qspec;
using qspec::test::count_code;

namespace {
/// The text read with no kind's recogniser: its prose sections alone.
parse_result parse_prose(const std::string& text) {
  parse_options o;
  o.kind = document_kind::unknown;
  return parse(text, o);
}
}  // namespace

TEST_CASE("sections - unsupported document keeps its lines as sections") {
  parse_options o;
  o.kind = document_kind::unknown;
  o.source_name = "programme-overview-level5-diploma-hsc.txt";
  auto loaded = load_file(qspec::test::corpus_path(o.source_name));
  auto r = parse(loaded, o);
  CHECK(r.doc.type == document_kind::unknown);
  CHECK(count_code(r, diag::unsupported_kind) == 1);
  CHECK(r.doc.lines.unclassified == 0);
  CHECK(r.doc.lines.content + r.doc.lines.furniture + r.doc.lines.blank == r.doc.lines.lines);
  REQUIRE_FALSE(r.doc.sections.empty());
  CHECK(r.doc.sections.front().heading == "Occupation profile");
  CHECK(r.doc.units.empty());
}

TEST_CASE("sections - empty and whitespace-only input give an empty document that says so") {
  auto empty = qspec::test::parse_text("");
  CHECK(empty.doc.sections.empty());
  CHECK(empty.doc.lines.lines == 0);  // no text, no line
  CHECK(empty.doc.lines.unclassified == 0);
  REQUIRE(empty.diagnostics.size() == 1);
  CHECK(empty.diagnostics[0].code == diag::empty_input);
  CHECK(empty.diagnostics[0].message == "the file is empty: there is nothing to parse");
  CHECK(empty.diagnostics[0].span.begin.line == 0);
  auto blank = qspec::test::parse_text("  \n\t\n\n");
  CHECK(blank.doc.sections.empty());
  CHECK(blank.doc.lines.lines == 3);
  CHECK(blank.doc.lines.blank == 3);
  REQUIRE(blank.diagnostics.size() == 1);
  CHECK(blank.diagnostics[0].code == diag::empty_input);
  CHECK(blank.diagnostics[0].message == "the file holds only blank lines (3): there is nothing to parse");
  // a BOM alone decodes to nothing: empty too
  auto bom = qspec::test::parse_text("\xEF\xBB\xBF");
  CHECK(bom.doc.lines.lines == 0);
  CHECK(count_code(bom, diag::empty_input) == 1);
  CHECK(count_code(bom, diag::unsupported_kind) == 0);
}

TEST_CASE("sections - forcing the unit kind on a document without a unit header") {
  parse_options o;
  o.kind = document_kind::unit_specification;
  auto r = parse(std::string("Some heading\n\nA paragraph of text.\n"), o);
  CHECK(r.doc.units.empty());
  // nothing was recognised: every non-blank line is reported, none dropped
  CHECK(r.doc.lines.unclassified == 2);
  CHECK(count_code(r, diag::unclassified_line) == 2);
  std::vector<std::string> lines_reported;
  for (const auto& d : r.diagnostics)
    if (d.code == diag::unclassified_line) lines_reported.push_back(std::to_string(d.span.begin.line) + " " + d.original);
  CHECK(lines_reported == std::vector<std::string>{"1 Some heading", "3 A paragraph of text."});
}

TEST_CASE("regressions - glossary row continuing a term whose definition is empty") {
  // found by mutating the corpus: the continuation was joined to a definition that did not exist
  auto r = qspec::test::parse_corpus("regressions/glossary-continuation-after-empty-definition.txt");
  REQUIRE(r.doc.units.size() == 1);
  REQUIRE(r.doc.units[0].glossary_part);
  const auto& terms = r.doc.units[0].glossary_part->terms;
  REQUIRE(terms.size() == 1);
  CHECK(terms[0].term == "Abuse");
  REQUIRE(terms[0].definition.size() == 1);
  CHECK(terms[0].definition[0].para.text == "continues a definition that was never started.");
  CHECK(count_code(r, diag::continued_row) == 1);
}

TEST_CASE("repeated labels are structure, not page headers (seed 004)") {
  auto r = qspec::test::parse_corpus("criteria-skills-for-care-level5-lmac-2021.txt");
  // "Knowledge requirements" labels 6 sub-topics and "Knowledge and skill requirements" 13 (once in a
  // table row): they are sub-topic labels and must stay content
  CHECK(std::count_if(r.doc.furniture_items.begin(), r.doc.furniture_items.end(),
                      [](const furniture& f) { return f.role == "page_header"; }) == 0);
  CHECK(r.doc.furniture_items.size() == 67);
  REQUIRE(r.doc.frameworks.size() == 1);
  std::size_t labels = 0;
  for (const auto& t : r.doc.frameworks[0].topics)
    for (const auto& s : t.subtopics)
      labels += s.requirement_label == "Knowledge requirements" || s.requirement_label == "Knowledge and skill requirements";
  CHECK(labels == 19);
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("regressions - a numbered point repeated in every copy of a standard is not a page header") {
  // found by the 10,000-criteria benchmark: the same isolated "4. …" line in 35 concatenated copies of a
  // framework was taken for a running header and dropped from the criteria
  std::string text = "Title of the collection\n\n";
  for (int k = 0; k < 4; ++k)
    text += "Heading " + std::to_string(k) + "\n\n4. the interaction between the values and culture of an organisation.\n\n"
            "- a list item that repeats in every copy, 2021\n\n";
  auto r = qspec::test::parse_text(text);
  CHECK(r.doc.furniture_items.empty());
  CHECK(r.doc.lines.furniture == 0);
  CHECK(r.doc.lines.content == 13);  // the title, and per copy its heading, the numbered point and the item
}

TEST_CASE("diagnostics - a repaired value never merely repeats the original, across the corpus") {
  // a repair shows what was done: "this evidence." repaired as "this evidence." showed nothing
  std::size_t documents = 0, repairs = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(QSPEC_CORPUS_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    ++documents;
    auto name = std::filesystem::relative(entry.path(), QSPEC_CORPUS_DIR).string();
    auto loaded = load_file(entry.path().string());
    if (!loaded) continue;  // the hostile binaries are refused before any repair
    for (const auto& d : parse(loaded).diagnostics) {
      if (d.repaired.empty()) continue;
      ++repairs;
      INFO(name << ": " << d.code << " at line " << d.span.begin.line);
      CHECK(d.repaired != d.original);
    }
  }
  // the seeds, revisions, regressions, hostile inputs, the layout variants, the prints' pdftotext texts
  // and the web pages' text dumps
  CHECK(documents == 314);
  CHECK(repairs == 416);
}

TEST_CASE("sections - a paragraph and a list item hard-wrapped over lines are one paragraph and one item; short "
          "lines one under another stay apart") {
  const std::string text =
      "About the qualification\n"
      "\n"
      "The qualification is for leaders and managers of care services who work\n"
      "with adults, children and young people in residential, day and\n"
      "domiciliary settings and in the community.\n"
      "It is suitable for candidates who:\n"
      "- develop, lead and manage a diverse provision and workforce in the\n"
      "  context of continual change\n"
      "- lead and manage provision which is healthy and safe\n"
      "\n"
      "Job roles\n"
      "\n"
      "Registered managers\n"
      "Deputy managers\n"
      "Team leaders in day services\n";
  auto r = parse_prose(text);
  REQUIRE(r.doc.sections.size() == 2);
  const auto& first = r.doc.sections[0];
  REQUIRE(first.blocks.size() == 3);
  CHECK(first.blocks[0].para.text ==
        "The qualification is for leaders and managers of care services who work with adults, children and young "
        "people in residential, day and domiciliary settings and in the community.");
  CHECK(first.blocks[0].para.span.begin.line == 3);
  CHECK(first.blocks[0].para.span.end.line == 5);
  CHECK(first.blocks[1].para.text == "It is suitable for candidates who:");
  REQUIRE(first.blocks[2].which == block::type::list);
  REQUIRE(first.blocks[2].items.items.size() == 2);
  CHECK(first.blocks[2].items.items[0].text ==
        "develop, lead and manage a diverse provision and workforce in the context of continual change");
  // a list of short lines, no paragraph's width: each its own
  CHECK(r.doc.sections[1].blocks.size() == 3);
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("sections - a heading set right above its text (a PDF's text) heads a section; a short line ending a "
          "paragraph, a field's line and a list of short lines do not") {
  const std::string text =
      "Occupation profile\n"
      "This qualification is to assess knowledge, understanding and skills in\n"
      "management within health and social care and children and young\n"
      "people's services.\n"
      "Pathways\n"
      "The Level 5 Diploma has a variety of pathways available to you, each\n"
      "with its own mandatory units and a choice of optional units.\n"
      "Number of credits that must be achieved: 90\n"
      "The credits come from the mandatory units and from the optional units of\n"
      "the pathway chosen, at level 5 or below.\n";
  auto r = parse_prose(text);
  REQUIRE(r.doc.sections.size() == 2);
  CHECK(r.doc.sections[0].heading == "Occupation profile");
  CHECK(r.doc.sections[1].heading == "Pathways");
  REQUIRE(r.doc.sections[0].blocks.size() == 1);
  CHECK(r.doc.sections[0].blocks[0].para.text ==
        "This qualification is to assess knowledge, understanding and skills in management within health and "
        "social care and children and young people's services.");
  // the label and its value stays a paragraph of the section
  REQUIRE(r.doc.sections[1].blocks.size() == 3);
  CHECK(r.doc.sections[1].blocks[1].para.text == "Number of credits that must be achieved: 90");
}

TEST_CASE("sections - an underlined heading (markdown's setext, a plain text's \"=====\") heads its section") {
  auto r = parse_prose(
      "Entry requirements\n==================\nLearners must be 19 or over.\n\n"
      "Assessment\n----------\nEach unit is assessed in the workplace.\n\n"
      "- first item\n----------\n\nUnit   Title\n-------------\n");
  REQUIRE(r.doc.sections.size() == 2);
  CHECK(r.doc.sections[0].heading == "Entry requirements");
  CHECK(r.doc.sections[1].heading == "Assessment");
  REQUIRE(!r.doc.sections[0].blocks.empty());
  CHECK(r.doc.sections[0].blocks.front().para.text == "Learners must be 19 or over.");
  // the underlines are the headings' markup; a rule under a list's item, or under columns set with
  // spaces, underlines nothing
  CHECK(std::count_if(r.doc.furniture_items.begin(), r.doc.furniture_items.end(),
                      [](const auto& f) { return f.role == "heading_underline"; }) == 2);
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("sections - a wrapped paragraph is not joined over a page break by the wrap; going on in lower case "
          "after the page's footer and header, it is joined and the repair said") {
  const std::string text =
      "About the qualification\n"
      "\n"
      "The qualification is for leaders and managers of care services who work\n"
      "with adults, children and young people in residential, day and\n"
      "\n"
      "Page 1 of 2\n"
      "\f\n"
      "domiciliary settings and in the community.\n"
      "Candidates are assessed in the workplace by an assessor.\n"
      "\n"
      "Assessment\n"
      "\n"
      "An assessor observes the candidate at work and reads the records the candidate\n"
      "keeps of the care given to each person over the weeks of the programme.\n"
      "\n"
      "Page 2 of 2\n";
  auto r = parse_prose(text);
  REQUIRE(r.doc.sections.size() == 2);
  const auto& blocks = r.doc.sections[0].blocks;
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].para.text ==
        "The qualification is for leaders and managers of care services who work with adults, children and young "
        "people in residential, day and domiciliary settings and in the community.");
  CHECK(blocks[1].para.text == "Candidates are assessed in the workplace by an assessor.");
  CHECK(count_code(r, diag::rejoined_page_break) == 1);
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("page furniture - a running footer set in the run of the text, with no form feed, is furniture where it "
          "stands inside a sentence; a heading repeated with a growing number and a contents page are not") {
  auto roles = [](const parse_result& r) {
    std::vector<std::string> out;
    for (const auto& f : r.doc.furniture_items) out.push_back(std::string(f.role) + ": " + std::string(f.text));
    return out;
  };
  // undated, no wide gap: only where it parts a sentence ("... keep them" / footer / "secure")
  const std::string footer =
      "Keep records of waste\n"
      "\n"
      "You need to know the records you must keep and how to keep them\n"
      "Workforce standards for waste handling 1\n"
      "secure when they are stored on paper or on a computer.\n"
      "You need to know who may see the records and when.\n"
      "Workforce standards for waste handling 2\n"
      "Records are kept for five years.\n";
  auto r = parse_prose(footer);
  CHECK(roles(r) == std::vector<std::string>{"page_footer: Workforce standards for waste handling 1",
                                             "page_footer: Workforce standards for waste handling 2"});
  const char* not_footers[] = {
      // a heading repeated with a growing number opens its part's text: it parts no sentence
      "Knowledge\n\nKnowledge for the whole of element 1\nK1 the records you must keep\n"
      "Knowledge for the whole of element 2\nK2 the people who may see the records\n"
      "Knowledge for the whole of element 3\nK3 how long the records are kept\n",
      // a contents page: its numbers grow by more than a page or three, however far apart they are set
      "Contents\n\nUnit 201 assessment guidance            14\nUnit 202 assessment guidance            22\n"
      "Unit 203 assessment guidance            31\n",
      // a table's rows whose last number grows by one, set a wide gap apart, that differ in another
      "Revision history\n\nVersion 1 of the standard approved            2017\n"
      "Version 2 of the standard approved            2018\nVersion 3 of the standard approved            2019\n",
      // the same rows but for a year: pages are numbered from below a thousand
      "Reviews\n\nStandard reviewed and approved            2017\nStandard reviewed and approved            2018\n"
      "Standard reviewed and approved            2019\n",
  };
  for (const char* text : not_footers) {
    INFO(text);
    CHECK(parse_prose(text).doc.furniture_items.empty());
  }
}

TEST_CASE("page furniture - a criterion's number at a page's head is no page's number, though it grows with the "
          "pages") {
  const std::string text =
      "Measure and record vital signs\n"
      "\n"
      "Learning outcome 1\n"
      "\f1.1\n"
      "Explain why vital signs are monitored\n"
      "1.2\n"
      "Describe the normal range of each sign\n"
      "\f2.4\n"
      "Calculate an early warning score\n";
  auto r = parse_prose(text);
  for (const auto& f : r.doc.furniture_items) CHECK_MESSAGE(f.role != "page_header", std::string(f.text));
}

TEST_CASE("clean - a markdown link and bold text that run over a line break are markup on both lines") {
  const std::string text =
      "Duties\n"
      "\n"
      "- [D1: take and interpret given software development requirements to\n"
      "  estimate effort.](./duties/d01.md)\n"
      "- D2: **break software development activities down into logical\n"
      "  units** of work\n";
  auto r = parse_prose(text);
  REQUIRE(r.doc.sections.size() == 1);
  const auto& blocks = r.doc.sections[0].blocks;
  REQUIRE(blocks.size() == 1);
  REQUIRE(blocks[0].items.items.size() == 2);
  CHECK(blocks[0].items.items[0].text == "D1: take and interpret given software development requirements to estimate effort.");
  CHECK(blocks[0].items.items[1].text == "D2: break software development activities down into logical units of work");
}

TEST_CASE("sections - a sentence that ends where the wrap cut a wrapped paragraph goes on with the next; one that "
          "ends short of the edge ends its paragraph") {
  const std::string text =
      "What is its purpose?\n"
      "\n"
      "This NVQ aims to accredit the skills of candidates who are leaders and\n"
      "managers of care services (adults and children and young people) against the\n"
      "National Occupational Standards (NOS) developed by the Sector Skills Council.\n"
      "It will provide a nationally accredited focus for training and individual\n"
      "personal development activity. Candidates need to be in a post that allows\n"
      "them to show their competence in the workplace.\n"
      "Assessment is carried out in the workplace.\n";
  auto r = parse_prose(text);
  REQUIRE(r.doc.sections.size() == 1);
  const auto& blocks = r.doc.sections[0].blocks;
  REQUIRE(blocks.size() == 3);  // (a question alone on its line, with no profile, is a paragraph)
  CHECK(blocks[1].para.text.starts_with("This NVQ aims to accredit"));
  CHECK(blocks[1].para.text.ends_with("Sector Skills Council. It will provide a nationally accredited focus for "
                                      "training and individual personal development activity. Candidates need to "
                                      "be in a post that allows them to show their competence in the workplace."));
  CHECK(blocks[2].para.text == "Assessment is carried out in the workplace.");
}

TEST_CASE("sections - a short heading right under a paragraph's full last line is no text of the paragraph") {
  const std::string text =
      "About the programme\n"
      "\n"
      "The programme is predominantly work-based, with additional knowledge sessions\n"
      "and regular reviews that contain activity planning and target setting by a\n"
      "visiting assessor, who agrees each step with the candidate and their manager.\n"
      "Programme delivery\n"
      "In order to achieve, you must demonstrate that you meet the relevant stated\n"
      "outcomes and the required knowledge and understanding in your workplace.\n";
  auto r = parse_prose(text);
  REQUIRE(r.doc.sections.size() == 2);
  REQUIRE(r.doc.sections[0].blocks.size() == 1);
  CHECK(r.doc.sections[0].blocks[0].para.text.ends_with("who agrees each step with the candidate and their manager."));
  CHECK(r.doc.sections[1].heading == "Programme delivery");
}
