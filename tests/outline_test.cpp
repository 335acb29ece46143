// The outline engine's repairs on a real standard given damaged as conversions damage it.
#include <algorithm>
#include <vector>

#include "helpers.hpp"
#include "qspec/formats.hpp"

using namespace qspec;
using qspec::test::count_code;

namespace {

/// Each item of each part of the document's one standard: "P1 confirm which …".
std::vector<std::string> items_of(const parse_result& r) {
  std::vector<std::string> out;
  REQUIRE(r.doc.standards.size() == 1);
  for (const auto& p : r.doc.standards[0].parts)
    for (const auto& i : p.items) out.push_back(std::string(i.kind) + " " + i.code + " " + std::string(i.text));
  return out;
}

/// The text with the space after each line's opening label taken out ("P1confirm which …").
std::string glue_labels(const std::string& text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto nl = text.find('\n', at);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(at, nl - at);
    std::size_t d = 1;
    while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
    if ((line[0] == 'P' || line[0] == 'K') && d > 1 && d < line.size() && line[d] == ' ') line.erase(d, 1);
    out += line;
    if (nl < text.size()) out += '\n';
    at = nl + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("outline - labels run into their texts are read apart where their sequence proves it") {
  auto loaded = load_file(test::corpus_path("layouts/nos-web-p-labels.txt"));
  REQUIRE(loaded);
  const auto spaced = parse(loaded);
  const auto expected = items_of(spaced);
  REQUIRE(expected.size() == 20);
  CHECK(expected.front() == "performance_criterion P1 confirm which procedure is planned and the equipment and "
                            "consumables it needs");
  CHECK(count_code(spaced, "Q-W229") == 0);

  const std::string glued_text = glue_labels(loaded.text);
  REQUIRE(glued_text.find("\nP1confirm which") != std::string::npos);
  const auto glued = test::parse_text(glued_text);
  CHECK(items_of(glued) == expected);
  CHECK(count_code(glued, "Q-W229") == 20);
  for (const auto& d : glued.diagnostics)
    if (d.code == "Q-W229" && d.span.begin.line == 13) {
      CHECK(d.original == "P1confirm which procedure is planned and the equipment and consumables it needs");
      CHECK(d.repaired == "P1 confirm which procedure is planned and the equipment and consumables it needs");
    }

  // out of sequence, a run-together label is not read: "P9replenish" after P4 stays P4's text
  std::string skipped = glued_text;
  skipped.replace(skipped.find("P5replenish"), 2, "P9");
  const auto out_of_order = items_of(test::parse_text(skipped));
  CHECK(std::none_of(out_of_order.begin(), out_of_order.end(),
                     [](const std::string& i) { return i.starts_with("performance_criterion P9 "); }));
}

TEST_CASE("outline - a table cell that holds a list, its lines parted by line breaks or paragraphs, gives an item a line") {
  // an awarding body's unit page: each outcome's criteria in one cell (RQF unit M/650/2307's outcome 1)
  const std::string head =
      "<!doctype html><html><body><h1>Unit 2: Equality, diversity and inclusion</h1>"
      "<table><tr><th>Unit reference number</th><td>M/650/2307</td></tr><tr><th>Level</th><td>3</td></tr></table>"
      "<table><thead><tr><th>Learning outcomes<br>The learner will:</th><th>Assessment criteria<br>The learner "
      "can:</th></tr></thead><tbody><tr><td>1. Understand the importance of diversity, equality and inclusion</td><td>";
  const std::string tail = "</td></tr></tbody></table></body></html>";
  const std::vector<std::string> criteria = {
      "1.1 Explain what is meant by diversity, equality and inclusion",
      "1.2 Describe the potential effects of discrimination",
      "1.3 Explain how inclusive practice promotes equality and supports diversity"};
  std::string breaks, paragraphs;
  for (const auto& c : criteria) {
    breaks += (breaks.empty() ? "" : "<br>") + c;
    paragraphs += "<p>" + c + "</p>";
  }
  for (const auto& cell : {breaks, paragraphs}) {
    CAPTURE(cell);
    auto loaded = load_document(head + cell + tail);
    REQUIRE(loaded);
    const auto r = parse(loaded);
    REQUIRE(r.doc.standards.size() == 1);
    const auto& parts = r.doc.standards[0].parts;
    REQUIRE(parts.size() == 1);
    REQUIRE(parts[0].items.size() == 1);
    const auto& outcome = parts[0].items[0];
    CHECK(outcome.code == "1");
    CHECK(outcome.text == "Understand the importance of diversity, equality and inclusion");
    REQUIRE(outcome.children.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(outcome.children[i].kind == "assessment_criterion");
      CHECK(outcome.children[i].code + " " + std::string(outcome.children[i].text) == criteria[i]);
    }
  }
}

TEST_CASE("outline - in a part grouped under headings, a heading right before the next item is a group's, "
          "blank line or none") {
  auto loaded = load_file(test::corpus_path("layouts/nvq-unit-code-run-on-elements.txt"));
  REQUIRE(loaded);
  auto groups_of = [](const parse_result& r) {
    std::vector<std::string> out;
    REQUIRE(r.doc.standards.size() == 1);
    for (const auto& p : r.doc.standards[0].parts)
      if (p.role == "knowledge")
        for (const auto& g : p.items) {
          std::string line = std::string(g.text) + ":";
          for (const auto& i : g.children) line += " " + i.code;
          out.push_back(line);
        }
    return out;
  };
  const std::vector<std::string> expected = {"Values: 1 2", "Legislation and organisational policy and procedures: 3 4",
                                             "Theory and practice: 5 6"};
  CHECK(groups_of(parse(loaded)) == expected);
  // the sub-headings with no blank line above them: the first group proves the part grouped
  std::string tight = loaded.text;
  for (std::string_view heading : {"\n\nLegislation and organisational", "\n\nTheory and practice"})
    tight.erase(tight.find(heading), 1);
  CHECK(groups_of(test::parse_text(tight)) == expected);
}

TEST_CASE("outline - the unit specification seed without its SQA code: read by the nvq_unit profile, the same "
          "criteria, knowledge and sub-items as its own recogniser reads") {
  auto loaded = load_file(test::corpus_path("unit-spec-F36J04-LMC-B2.txt"));
  REQUIRE(loaded);
  const auto seed = parse(loaded);
  REQUIRE(seed.doc.units.size() == 1);
  const auto& unit = seed.doc.units[0];
  REQUIRE(unit.knowledge);

  // the same document as another awarding body prints it: the unit's own code only ("LMC B2"), no SQA code
  std::string text = loaded.text;
  const std::string sqa = "F36J 04 (LMC B2)";
  for (auto at = text.find(sqa); at != std::string::npos; at = text.find(sqa, at)) text.replace(at, sqa.size(), "LMC B2");
  const auto generic = test::parse_text(text);
  CHECK(generic.doc.kind_name == "nvq_unit");
  REQUIRE(generic.doc.standards.size() == 1);
  const auto& st = generic.doc.standards[0];
  CHECK(st.code == "LMC B2");
  CHECK(st.title == "Lead and manage provision of care services that promotes the well being of people");

  auto line = [](std::string_view stem, const auto& subs) {
    std::string out(stem);
    for (const auto& s : subs) out += " | " + std::string(s.text);
    return out;
  };
  auto generic_line = [](const outline_item& i) {
    std::string out(i.text);
    for (const auto& s : i.children) out += " | " + std::string(s.text);
    return out;
  };
  // each element a part, its id ending in the element's code, its criteria those the seed's element holds
  std::vector<const part*> elements;
  for (const auto& p : st.parts)
    if (p.role == "element") elements.push_back(&p);
  REQUIRE(elements.size() == unit.elements.size());
  for (std::size_t e = 0; e < elements.size(); ++e) {
    const auto& expected = unit.elements[e];
    CAPTURE(expected.code);
    std::string code(expected.code);  // "LMC B2.1": its id's end is "LMC-B2.1"
    std::replace(code.begin(), code.end(), ' ', '-');
    CHECK(elements[e]->id == "LMC-B2/element-" + code);
    REQUIRE(elements[e]->items.size() == expected.criteria.size());
    for (std::size_t c = 0; c < expected.criteria.size(); ++c) {
      CHECK(elements[e]->items[c].code == std::to_string(expected.criteria[c].number));
      CHECK(generic_line(elements[e]->items[c]) == line(expected.criteria[c].text, expected.criteria[c].sub_items));
    }
  }
  // the knowledge specification: its groups and points, sub-items and all
  const part* knowledge = nullptr;
  for (const auto& p : st.parts)
    if (p.role == "knowledge") knowledge = &p;
  REQUIRE(knowledge);
  REQUIRE(knowledge->items.size() == unit.knowledge->groups.size());
  for (std::size_t g = 0; g < knowledge->items.size(); ++g) {
    const auto& group = knowledge->items[g];
    const auto& expected = unit.knowledge->groups[g];
    CHECK(group.text == expected.title);
    REQUIRE(group.children.size() == expected.points.size());
    for (std::size_t k = 0; k < expected.points.size(); ++k)
      CHECK(generic_line(group.children[k]) == line(expected.points[k].text, expected.points[k].sub_items));
  }
}

TEST_CASE("outline - a table whose columns are parts side by side (Knowledge | Skills | Behaviours) is read a "
          "column at a time") {
  // ST0116's knowledge, skills and behaviours as its own page lists them
  const auto listed = test::parse_corpus("external/ifate-ST0116-software-developer-ksbs.md");
  REQUIRE(listed.doc.standards.size() == 1);
  std::vector<std::vector<std::pair<std::string, std::string>>> columns;  // knowledge, skills, behaviours
  std::vector<std::string> roles = {"knowledge", "skills", "behaviours"};
  std::vector<std::string> expected;
  for (const auto& role : roles)
    for (const auto& p : listed.doc.standards[0].parts)
      if (p.role == role) {
        columns.emplace_back();
        for (const auto& i : p.items) {
          columns.back().emplace_back(i.code, std::string(i.text));
          expected.push_back(role + " " + i.code + " " + std::string(i.text));
        }
      }
  REQUIRE(columns.size() == 3);
  CHECK(columns[0].size() == 12);
  CHECK(columns[1].size() == 17);
  CHECK(columns[2].size() == 9);
  std::size_t rows = 0;
  for (const auto& c : columns) rows = std::max(rows, c.size());

  // the same as an older standard prints them: one table, a column each, row i holding K i, S i and B i
  std::string html = "<html><body><h1>Software developer</h1><p>Reference: ST0116</p><table><thead><tr><th>Knowledge</th>"
                     "<th>Skills</th><th>Behaviours</th></tr></thead><tbody>";
  std::string tabs = "Software developer\nReference: ST0116\n\nKnowledge\tSkills\tBehaviours\n";
  for (std::size_t r = 0; r < rows; ++r) {
    html += "<tr>";
    for (std::size_t c = 0; c < 3; ++c) {
      const std::string cell = r < columns[c].size() ? columns[c][r].first + ": " + columns[c][r].second : "";
      html += "<td>" + cell + "</td>";
      tabs += (c ? "\t" : "") + cell;
    }
    html += "</tr>";
    tabs += "\n";
  }
  html += "</tbody></table></body></html>";
  for (const auto& source : {html, tabs}) {
    auto loaded = load_document(source);
    REQUIRE(loaded);
    const auto r = parse(loaded);
    CAPTURE(loaded.format);
    CHECK(r.doc.kind_name == "apprenticeship_standard");
    REQUIRE(r.doc.standards.size() == 1);
    std::vector<std::string> found;
    for (const auto& p : r.doc.standards[0].parts)
      for (const auto& i : p.items) found.push_back(std::string(p.role) + " " + i.code + " " + std::string(i.text));
    CHECK(found == expected);
    CHECK(r.doc.lines.unclassified == 0);
  }
}

TEST_CASE("outline - lettered criteria run on past (h): (i), (l), (v) are the next letters, not sub-items") {
  auto loaded = load_file(test::corpus_path("layouts/nvq-unit-element-headings-lettered-criteria.txt"));
  REQUIRE(loaded);
  std::string text = loaded.text;
  const std::string last = "(c) you dispose of waste in line with workplace policy\n";
  std::string more;
  for (char c = 'd'; c <= 'w'; ++c) more += std::string("(") + c + ") you check item " + c + " of the area\n";
  text.insert(text.find(last) + last.size(), more);
  const auto r = test::parse_text(text);
  REQUIRE(r.doc.standards.size() == 1);
  const part* second = nullptr;
  for (const auto& p : r.doc.standards[0].parts)
    if (p.id == "CU1/element-CU1.2") second = &p;
  REQUIRE(second);
  std::string codes;
  for (const auto& i : second->items) {
    codes += i.code;
    CHECK(i.children.empty());
  }
  CHECK(codes == "abcdefghijklmnopqrstuvw");
}

TEST_CASE("outline - pages parted by form feeds (pdftotext): running headers and footers by their place, an item "
          "over a page break, bullets of a symbol font") {
  auto loaded = load_file(test::corpus_path("layouts/nos-web-p-labels.txt"));
  REQUIRE(loaded);
  const auto plain = parse(loaded);
  const auto expected = items_of(plain);
  REQUIRE(expected.size() == 20);

  // the same text as pdftotext writes a three-page print: a form feed opens each page, a running
  // header (the code and title) on pages 2 and 3, a footer with the page's number on every page;
  // page 2 begins inside K1's sentence
  const std::string& text = loaded.text;
  const auto k1 = text.find("K1 the legislation, policies and procedures that apply to infection ");
  const auto k9 = text.find("K9 ");
  REQUIRE(k1 != std::string::npos);
  REQUIRE(k9 != std::string::npos);
  const auto cut = k1 + std::string_view("K1 the legislation, policies and procedures that apply to infection").size();
  auto footer = [](int n) { return "\nSkills for Health, 2022          Page " + std::to_string(n) + "\n"; };
  const std::string header = "\fSFHGEN117 Prepare and maintain a clinical treatment area\n";
  std::string paged = text.substr(0, cut) + footer(1) + header + text.substr(cut + 1, k9 - cut - 1) + footer(2) +
                      header + text.substr(k9);
  paged += footer(3) + "\f";
  const auto pages = test::parse_text(paged);
  CHECK(items_of(pages) == expected);
  std::size_t headers = 0, footers = 0;
  for (const auto& f : pages.doc.furniture_items) {
    headers += f.role == "page_header" ? 1 : 0;
    footers += f.role == "page_footer" ? 1 : 0;
  }
  CHECK(headers == 2);
  CHECK(footers == 3);
  CHECK(pages.doc.standards[0].title == "Prepare and maintain a clinical treatment area");
  // K1 goes on over the page break, and says so
  CHECK(count_code(pages, "Q-W201") == 1);
  // a form feed ends the file as a line break does: the last item is whole
  for (const auto& p : pages.doc.standards[0].parts)
    for (const auto& i : p.items) CHECK_FALSE(i.incomplete);

  // lines at the pages' tops that differ in a number that does not run with the pages are no
  // running header ("Unit 201 …", "Unit 204 …"; "Credit value: 3", "… 2": a handbook's units, a
  // page each), nor is a field a few lines in ("Level: 2" on every page); the pages' numbers are
  std::string handbook;
  const int credits[] = {3, 2, 4}, unit[] = {201, 204, 209};
  for (int page = 0; page < 3; ++page)
    handbook += std::string(page ? "\f" : "") + "Unit " + std::to_string(unit[page]) + " Principles of care\n" +
                "Credit value: " + std::to_string(credits[page]) + "\nLevel: 2\n\nThe learner will:\n" +
                "1. Understand the principles of care\n\nPage " + std::to_string(page + 1) + "\n";
  const auto units = test::parse_text(handbook);
  std::size_t page_numbers = 0, others = 0;
  for (const auto& f : units.doc.furniture_items) {
    if (f.role != "page_header" && f.role != "page_footer") continue;
    (f.text.starts_with("Page ") ? page_numbers : others) += 1;
  }
  CHECK(page_numbers == 3);
  CHECK(others == 0);
  // a page's number set between dashes ("– 2 –") is a footer too, not a list's item
  std::string dashed = handbook;
  for (int page = 1; page <= 3; ++page) {
    const std::string from = "Page " + std::to_string(page) + "\n";
    dashed.replace(dashed.find(from), from.size(), "\xE2\x80\x93 " + std::to_string(page) + " \xE2\x80\x93\n");
  }
  std::size_t dashed_footers = 0;
  for (const auto& f : test::parse_text(dashed).doc.furniture_items) dashed_footers += f.role == "page_footer" ? 1 : 0;
  CHECK(dashed_footers == 3);

  // the overview's sentences as a list whose bullets a symbol font printed (U+F0A7), and a bullet
  // alone on its line, apart from its text as pdftotext reads a column of bullets
  std::string bulleted = text;
  const std::string first = "This standard is about preparing";
  const auto at = bulleted.find(first);
  REQUIRE(at != std::string::npos);
  bulleted.insert(at, "Users must:\n\xEF\x82\xA7 wash their hands\n\xEF\x82\xA7 wear gloves\n\xE2\x80\xA2\n");
  const auto listed = test::parse_text(bulleted);
  CHECK(items_of(listed) == expected);
  std::size_t lone = 0;
  for (const auto& f : listed.doc.furniture_items) lone += f.role == "bullet" ? 1 : 0;
  CHECK(lone == 1);
  const auto& overview = listed.doc.standards[0].parts.front();
  REQUIRE(overview.blocks.size() >= 2);
  REQUIRE(overview.blocks[1].which == block::type::list);
  CHECK(overview.blocks[1].items.items.size() == 2);
  CHECK(overview.blocks[1].items.items[0].text == "wash their hands");
}

TEST_CASE("outline - a browser's print stamps at a page's edges (date and time, the page's title, its address, "
          "its number) are furniture, on a page of its own too; the same lines inside the text are not") {
  auto loaded = load_file(test::corpus_path("layouts/nos-web-p-labels.txt"));
  REQUIRE(loaded);
  const auto expected = items_of(parse(loaded));
  REQUIRE(expected.size() == 20);
  // one page as pdftotext writes a browser's print: the stamp and the page's title at the top, each
  // between blank lines, the address and the page's number at the foot
  const std::string printed = "12/2/26, 11:16 AM\n\nClinical treatment area | Standards\n\n" + loaded.text +
                              "\nfile:///home/user/nos/SFHGEN117.html\n\n1/1\n\n\f";
  const auto one = test::parse_text(printed);
  CHECK(items_of(one) == expected);
  CHECK(one.doc.standards[0].title == "Prepare and maintain a clinical treatment area");
  std::vector<std::string> stamps;
  for (const auto& f : one.doc.furniture_items) stamps.emplace_back(f.text);
  CHECK(stamps == std::vector<std::string>{"12/2/26, 11:16 AM", "Clinical treatment area | Standards",
                                           "file:///home/user/nos/SFHGEN117.html", "1/1"});
  // a 24-hour stamp with the title beside it a wide gap apart (pdftotext -layout): the line under it
  // is the page's own text
  const auto layout = test::parse_text("02/12/2026, 23:16          Clinical treatment area\n\n" + loaded.text +
                                       "\nhttps://www.example.org/nos/SFHGEN117          1/1\n");
  CHECK(items_of(layout) == expected);
  CHECK(layout.doc.furniture_items.size() == 2);
  // a page printed so has its stamps at both edges: an address as a document's last line, with no
  // stamp at its top, is the document's text
  const auto address = test::parse_text(loaded.text + "\nhttps://www.example.org/nos/SFHGEN117\n");
  CHECK(address.doc.furniture_items.empty());
  // an address and a fraction among the text are the text's
  std::string inside = loaded.text;
  const auto at = inside.find("Overview");
  REQUIRE(at != std::string::npos);
  inside.insert(at, "https://www.example.org/standards\n\n1/2\n\n");
  CHECK(test::parse_text(inside).doc.furniture_items.empty());
}

namespace {
std::vector<std::string> field_pairs(const parse_result& r) {
  std::vector<std::string> out;
  for (const auto& f : r.doc.standards.at(0).fields) out.push_back(std::string(f.name) + "=" + std::string(f.value));
  return out;
}
}  // namespace

TEST_CASE("outline - a table of fields printed a column at a time (its labels, then its values, some over two "
          "lines) is paired where the lines break and by the values' shapes; where the lines leave it open, not") {
  auto loaded = load_file(test::corpus_path("layouts/nos-web-p-labels.txt"));
  REQUIRE(loaded);
  const auto plain = parse(loaded);
  const auto expected = field_pairs(plain);
  REQUIRE(expected.size() == 13);
  const std::string& text = loaded.text;
  const auto table = text.find("Version Number\t");
  REQUIRE(table != std::string::npos);
  // as pdftotext writes the table: the labels' column, a blank line, the values' column wrapped
  // at its width (the occupations after a ";", the keywords in lower case)
  const std::string columns =
      "Version Number\nIndicative Review Date\nValidity\nStatus\nOriginating Organisation\nOriginal URN\n"
      "Relevant Occupations\nSuite\nKeywords\n\n2\n31 Mar 2027\nCurrent\nOriginal\nSkills for Health\nSFHGEN117\n"
      "Health Care Support Workers;\nHealthcare Assistants\nClinical Support Services\n"
      "infection control; cleaning;\nclinical area; waste; stock\n";
  const auto paired = test::parse_text(text.substr(0, table) + columns);
  CHECK(field_pairs(paired) == expected);
  CHECK(items_of(paired) == items_of(plain));
  CHECK(count_code(paired, diag::labels_detached) == 1);
  CHECK(paired.doc.lines.unclassified == 0);
  // each field spans its label and its value's lines
  for (const auto& f : paired.doc.standards[0].fields)
    if (f.name == "occupations") CHECK(f.span.end.line == f.span.begin.line + 11);
  // two ways as good (the occupations' second line could begin the suite, or the suite's second
  // line the keywords): nothing paired, and a warning says why
  const std::string open =
      "Relevant Occupations\nSuite\nKeywords\n\nHealth Care Support Workers\nHealthcare Assistants\n"
      "Clinical Support Services\nStock\n";
  const auto undecided = test::parse_text(text.substr(0, table) + open);
  std::size_t said = 0;
  for (const auto& d : undecided.diagnostics) said += d.message.find("more than one way") != std::string::npos;
  CHECK(said == 1);
  for (const auto& f : undecided.doc.standards[0].fields) CHECK(f.name != "suite");
  // no division the values' shapes allow (a version that is no number): nothing paired, said so
  const std::string unshaped = "Version Number\nIndicative Review Date\n\nCurrent\nOriginal\n";
  const auto none = test::parse_text(text.substr(0, table) + unshaped);
  std::size_t no_way = 0;
  for (const auto& d : none.diagnostics) no_way += d.message.find("in no way") != std::string::npos;
  CHECK(no_way == 1);
  for (const auto& f : none.doc.standards[0].fields) CHECK(f.name != "version");
}

TEST_CASE("outline - outcomes listed, then each printed again over its criteria under a heading of its own, are "
          "one list") {
  auto loaded = load_file(test::corpus_path("layouts/rqf-outcomes-listed-then-restated-over-criteria.txt"));
  REQUIRE(loaded);
  const auto r = parse(loaded);
  REQUIRE(r.doc.standards.size() == 1);
  const auto& parts = r.doc.standards[0].parts;
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].heading == "Learning Outcomes");
  REQUIRE(parts[0].items.size() == 3);
  CHECK(parts[0].items[0].code == "LO1");
  REQUIRE(parts[0].items[0].children.size() == 3);
  CHECK(parts[0].items[0].children[2].code == "1.3");
  CHECK(parts[0].items[2].children.size() == 2);
  CHECK(count_code(r, "Q-N116") == 3);
  CHECK(r.doc.lines.unclassified == 0);
  // the second heading is the layout's furniture
  CHECK(std::any_of(r.doc.furniture_items.begin(), r.doc.furniture_items.end(), [](const auto& f) {
    return f.role == "heading" && f.text == "Learning Outcomes and Assessment Criteria";
  }));

  // with a part between the list and the second heading (a unit's content, as Higher National units
  // print it), the second heading opens the outcomes' part again: the same one list
  std::string apart = loaded.text;
  const std::string second = "Learning Outcomes and Assessment Criteria\n";
  REQUIRE(apart.find(second) != std::string::npos);
  apart.insert(apart.find(second), "Essential content\nDiversity, equality and inclusion: what each means.\n\n");
  const auto resumed = test::parse_text(apart);
  REQUIRE(resumed.doc.standards.size() == 1);
  const auto& resumed_parts = resumed.doc.standards[0].parts;
  REQUIRE(resumed_parts.size() == 2);
  CHECK(resumed_parts[0].role == "learning_outcomes");
  CHECK(resumed_parts[1].role == "indicative_content");
  REQUIRE(resumed_parts[0].items.size() == 3);
  CHECK(resumed_parts[0].items[0].children.size() == 3);
  CHECK(resumed_parts[0].items[2].children.size() == 2);
  CHECK(count_code(resumed, "Q-N116") == 3);
  CHECK(resumed.doc.lines.unclassified == 0);

  // printed with other words, an outcome over criteria is not the listed one: its label repeats
  std::string reworded = apart;
  const std::string restated = "\nLO1 Understand the importance of diversity, equality and inclusion\n1.1";
  REQUIRE(reworded.find(restated) != std::string::npos);
  reworded.replace(reworded.find(restated), restated.size(),
                   "\nLO1 Understand why diversity, equality and inclusion matter\n1.1");
  const auto other = test::parse_text(reworded);
  REQUIRE(other.doc.standards.size() == 1);
  CHECK(other.doc.standards[0].parts.size() == 3);
  CHECK(other.doc.standards[0].parts[0].items[0].children.empty());
}

TEST_CASE("outline - a page heading, code over title, printed after the overview is the standard's code and title") {
  const auto r = test::parse_corpus("layouts/nos2-pdf-page-heading-after-overview.txt");
  REQUIRE(r.doc.standards.size() == 1);
  const auto& st = r.doc.standards[0];
  CHECK(st.code == "LANDC42");
  CHECK(st.title == "Monitor the health and welfare of dairy cattle");
  CHECK(st.id == "LANDC42");
  CHECK(count_code(r, "Q-N118") == 1);
  for (const auto& d : r.diagnostics)
    if (d.code == "Q-N118") {
      CHECK(d.span.begin.line == 6);
      CHECK(d.span.end.line == 7);
    }
  REQUIRE(!st.parts.empty());
  CHECK(st.parts[0].role == "overview");
  CHECK(r.doc.lines.unclassified == 0);
  // the overview's paragraph is the overview's alone: the code and title are not in it
  for (const auto& b : st.parts[0].blocks)
    if (b.which == block::type::paragraph) CHECK(b.para.text.find("LANDC42") == std::string_view::npos);
}

TEST_CASE("outline - a text browser's table: columns one space apart, a label centred on its value's lines") {
  // w3m sets a table's column one space after the widest text of the one before, and prints a cell's
  // label on the middle one of its value's lines
  const auto tight = test::parse_corpus("formats/dump/qcf5-tab-table-unit-number-cell--w3m.txt");
  REQUIRE(tight.doc.standards.size() == 1);
  REQUIRE(!tight.doc.standards[0].parts.empty());
  const auto& outcomes = tight.doc.standards[0].parts[0];
  REQUIRE(outcomes.items.size() == 2);
  CHECK(outcomes.items[0].text == "Understand requirements for handling information");
  REQUIRE(outcomes.items[0].children.size() == 2);
  CHECK(outcomes.items[0].children[0].text ==
        "Identify legislation that relates to the recording, storage and sharing of information");

  const auto centred = test::parse_corpus("formats/dump/qcf2-table-tabs--w3m.txt");
  REQUIRE(centred.doc.standards.size() == 1);
  const auto& fields = centred.doc.standards[0].fields;
  const auto aim = std::find_if(fields.begin(), fields.end(), [](const auto& f) { return f.name == "unit_aim"; });
  REQUIRE(aim != fields.end());
  CHECK(aim->value == "This unit is about preparing for and carrying out eyelash and eyebrow tinting, including the "
                      "skin sensitivity test that must come before the service.");
  CHECK(aim->span.begin.line == 11);
  bool noted = false;
  for (const auto& d : centred.diagnostics)
    if (d.code == "Q-W218" && d.span.begin.line == 11) noted = d.repaired.starts_with("Unit aim This unit is about");
  CHECK(noted);
  CHECK(centred.doc.lines.unclassified == 0);
}

TEST_CASE("outline - a table's cells a space apart: labels and values, an outcome and its first criterion") {
  // lynx writes a table's row as its cells one after the other: "Credit value 1", "1. Understand
  // requirements for handling information 1.1 Identify" (then the criterion's wrapped lines)
  const auto r = test::parse_corpus("formats/dump/qcf5-tab-table-unit-number-cell--lynx.txt");
  CHECK(r.doc.kind_name == "regulated_unit");
  REQUIRE(r.doc.standards.size() == 1);
  const auto& st = r.doc.standards[0];
  CHECK(st.code == "J/601/8150");
  REQUIRE(!st.parts.empty());
  const auto& outcomes = st.parts[0];
  REQUIRE(outcomes.items.size() == 2);
  CHECK(outcomes.items[0].text == "Understand requirements for handling information");
  REQUIRE(outcomes.items[0].children.size() == 2);
  CHECK(outcomes.items[0].children[0].code == "1.1");
  CHECK(outcomes.items[0].children[0].text ==
        "Identify legislation that relates to the recording, storage and sharing of information");
  CHECK(outcomes.items[0].children[1].text ==
        "Describe why it is important to have secure systems for recording and storing information");
  CHECK(count_code(r, "Q-W219") == 2);
  CHECK(count_code(r, "Q-W228") == 0);
  CHECK(r.doc.lines.unclassified == 0);
}

TEST_CASE("outline - what the new repairs leave alone") {
  auto loaded = load_file(test::corpus_path("layouts/nos2-pdf-page-heading-after-overview.txt"));
  REQUIRE(loaded);
  // a code alone after the overview with no title under it (a list of related standards' codes)
  // names nothing: the standard keeps the code its running footers print, and no Q-N118
  std::string listed = loaded.text;
  const std::string heading = "LANDC42\nMonitor the health and welfare of dairy cattle\n\n";
  REQUIRE(listed.find(heading) != std::string::npos);
  listed.replace(listed.find(heading), heading.size(), "Related standards:\nLANDC41\n\n");
  const auto related = test::parse_text(listed);
  CHECK(count_code(related, "Q-N118") == 0);

  // a criterion's text naming another criterion ("as in 1.1 Above") splits nothing: only an
  // outcome's own first criterion, right after the outcome's words, is split off
  const std::string text = "Unit reference number: J/601/8150\nLevel: 2\nCredit value: 1\nGuided learning hours: 10\n\n"
                           "Learning outcomes\n"
                           "1. Understand the duty of care\n"
                           "1.1 Define duty of care\n"
                           "1.2 Describe how the duty of care applies as in 1.1 Above all in practice\n";
  const auto r = test::parse_text(text);
  REQUIRE(r.doc.standards.size() == 1);
  REQUIRE(!r.doc.standards[0].parts.empty());
  const auto& items = r.doc.standards[0].parts[0].items;
  REQUIRE(items.size() == 1);
  CHECK(items[0].children.size() == 2);
  CHECK(count_code(r, "Q-W219") == 0);
}
