// The PDF reader on the PDF versions of corpus documents (corpus/formats/pdf/,
// made by scripts/make_format_fixtures.py: Chromium's print of pandoc's HTML).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "qspec/formats.hpp"

namespace {

std::string bytes_of(const std::string& name) {
  std::string bytes;
  auto error = qspec::read_input(qspec::test::corpus_path(name), bytes);
  REQUIRE_MESSAGE(error.empty(), error);
  return bytes;
}

struct pdf_lines {
  qspec::loaded_text loaded;
  std::vector<std::string> lines;

  explicit pdf_lines(const std::string& name, const qspec::read_limits& limits = {})
      : loaded(qspec::load_document(bytes_of(name), std::nullopt, limits)) {
    REQUIRE_MESSAGE(loaded, loaded.error);
    std::string_view t = loaded.text;
    while (!t.empty()) {
      auto nl = t.find('\n');
      lines.emplace_back(t.substr(0, nl));
      if (nl == std::string_view::npos) break;
      t.remove_prefix(nl + 1);
    }
    REQUIRE(loaded.origins.size() == lines.size());
  }

  /// The 0-based index of the line that reads exactly `text`; fails if none.
  std::size_t find(const std::string& text) const {
    auto at = std::find(lines.begin(), lines.end(), text);
    REQUIRE_MESSAGE(at != lines.end(), "no line reads \"" << text << "\"");
    return static_cast<std::size_t>(at - lines.begin());
  }
  [[nodiscard]] std::string where(std::size_t i) const { return qspec::describe(loaded.origins[i]); }
  [[nodiscard]] bool any_contains(const std::string& part) const {
    return std::any_of(lines.begin(), lines.end(), [&](const auto& l) { return l.find(part) != std::string::npos; });
  }
};

}  // namespace

TEST_CASE("pdf reader - lines and their pages from a printed page") {
  pdf_lines pdf("formats/pdf/nos-web-p-labels.pdf");
  CHECK(pdf.loaded.format == "pdf");
  CHECK(qspec::sniff_format(bytes_of("formats/pdf/nos-web-p-labels.pdf")) == qspec::input_format::pdf);
  REQUIRE(pdf.lines.size() > 40);
  // the running header is line 1 of each page: the title is line 2
  CHECK(pdf.lines[0] == "Prepare and maintain a clinical treatment area");
  CHECK(pdf.where(0) == "page 1, line 2");
  CHECK(pdf.lines[1] == "URN: SFHGEN117");
  // a line the printer wrapped runs on into the line it continues (P6 is two lines of page 1)
  auto p6 = pdf.find("P6 remove used items and dispose of clinical waste, sharps and linen in the correct containers");
  CHECK(pdf.where(p6) == "page 1, line 26");
  CHECK(pdf.lines[p6 + 1] == "P7 leave the area ready for use and record that it has been prepared");
  auto p1 = pdf.find("P1 confirm which procedure is planned and the equipment and consumables it needs");
  CHECK(pdf.lines[p1 - 1] == "You must be able to:");
  // a paragraph ends where the space between lines grows: a blank line
  auto heading = pdf.find("Performance criteria");
  CHECK(pdf.lines[heading - 1].empty());
  // text continues over the page break, the next page's lines counted from its header
  auto k4 = pdf.find("K4 the cleaning agents used in your area and the surfaces each is suitable for");
  CHECK(pdf.where(k4) == "page 2, line 2");
  CHECK(pdf.lines[k4 - 1] == "K3 how infections are spread and how cleaning breaks the chain of infection");
  // the metadata table's two cells, a tab apart
  CHECK(pdf.where(pdf.find("Version Number\t2")).rfind("page 2, line ", 0) == 0);
}

TEST_CASE("pdf reader - running headers and footers left out and counted") {
  pdf_lines pdf("formats/pdf/nos-web-p-labels.pdf");
  // Chromium prints the date and the page's title at the top, its address and "n/m" at the bottom
  CHECK_FALSE(pdf.any_contains("nos-web-p-labels"));
  CHECK_FALSE(pdf.any_contains("file:"));
  CHECK_FALSE(pdf.any_contains("1/2"));
  REQUIRE(pdf.loaded.diagnostics.size() == 1);
  CHECK(pdf.loaded.diagnostics[0].code == "Q-N130");
  CHECK(pdf.loaded.diagnostics[0].level == qspec::severity::note);
  CHECK(pdf.loaded.diagnostics[0].message == "4 lines of running headers and footers left out (on 2 of 2 pages)");
}

TEST_CASE("pdf reader - a two-column page is read column by column") {
  pdf_lines pdf("formats/pdf/nos-web-p-labels--two-columns.pdf");
  // the left column ends inside P6, the right one goes on with it (the right column's own wrap
  // joined; the column break is not, as the next column is no wrap of the line above)
  auto p6 = pdf.find("P6 remove used items and dispose");
  CHECK(pdf.lines[p6 + 1] == "of clinical waste, sharps and linen in the correct containers");
  CHECK(pdf.lines[p6 + 2] == "P7 leave the area ready for use and record that it has been prepared");
  CHECK(pdf.where(p6) == "page 1, line 37");
  CHECK(pdf.where(p6 + 1) == "page 1, line 38");
  // in a narrow column short lines look full: a line there that begins with a capital is not run on
  auto sectors = pdf.find("Business Sectors (Suites):");
  CHECK(pdf.lines[sectors + 1] == "Health,Clinical Support Services");
  CHECK(pdf.lines[sectors + 2] == "Developed by: Skills for Health");
  // every criterion and knowledge point once, in order
  std::vector<std::size_t> at;
  for (auto [letter, count] : {std::pair{'P', 8}, std::pair{'K', 12}})
    for (int i = 1; i <= count; ++i) {
      std::string label(1, letter);
      label += std::to_string(i);
      label += ' ';
      for (std::size_t k = 0; k < pdf.lines.size(); ++k)
        if (pdf.lines[k].rfind(label, 0) == 0) at.push_back(k);
    }
  CHECK(at.size() == 20);
  CHECK(std::is_sorted(at.begin(), at.end()));
  CHECK(pdf.find("Prepare and maintain a clinical treatment area") == 0);
}

TEST_CASE("pdf reader - a column of labels joined to the texts beside it") {
  pdf_lines pdf("formats/pdf/qcf-lo-ac-labels-range-guidance--label-column.pdf");
  auto ac = pdf.find("AC 1.1 Describe how dementia can affect a person's appetite and ability to eat and drink");
  CHECK(pdf.where(ac) == "page 1, line 14");
  pdf.find("LO2 Be able to support individuals living with dementia at mealtimes");
  pdf_lines nos("formats/pdf/nos-web-p-labels--label-column.pdf");
  nos.find("P1 confirm which procedure is planned and the equipment and consumables it needs");
  // no label left on a line of its own
  for (const auto& l : nos.lines) CHECK_MESSAGE((l.empty() || l.size() > 3), "a line of its own: \"" << l << "\"");
}

TEST_CASE("pdf reader - headings by their larger type") {
  pdf_lines pdf("formats/pdf/ifate-ST0116-software-developer-ksbs.pdf");
  CHECK(pdf.lines[0] == "# Software Engineering Apprenticeship");
  CHECK(pdf.lines[1].empty());
  pdf.find("## Duties");
}

TEST_CASE("pdf reader - the page limit") {
  qspec::read_limits limits;
  limits.max_pages = 1;
  pdf_lines pdf("formats/pdf/nos-web-p-labels.pdf", limits);
  for (const auto& o : pdf.loaded.origins) CHECK(o.page == 1);
  REQUIRE(!pdf.loaded.diagnostics.empty());
  CHECK(pdf.loaded.diagnostics.back().code == "Q-W140");
  CHECK(pdf.loaded.diagnostics.back().message == "the PDF has 2 pages: only the first 1 are read (the page limit)");
}

TEST_CASE("pdf reader - damaged input is refused with a reason") {
  auto bytes = bytes_of("formats/pdf/nos-web-p-labels.pdf");
  for (std::size_t keep : {std::size_t{8}, std::size_t{200}, bytes.size() / 2}) {
    auto loaded = qspec::load_document(std::string_view(bytes).substr(0, keep));
    INFO("first " << keep << " bytes");
    // poppler rebuilds what it can of a truncated file: either refused, or text with origins
    if (!loaded) {
      CHECK(loaded.text.empty());
      CHECK(loaded.error.find("PDF") != std::string::npos);
    } else {
      const auto ends = std::count(loaded.text.begin(), loaded.text.end(), '\n');
      CHECK(ends + (!loaded.text.empty() && loaded.text.back() != '\n') ==
            static_cast<std::ptrdiff_t>(loaded.origins.size()));
    }
  }
  auto none = qspec::load_document("%PDF-1.4\nnot a PDF at all\n");
  CHECK_FALSE(none);
  CHECK(none.error == "the PDF is damaged or truncated: poppler could not open it");
}

TEST_CASE("pdf reader - a table whose cells wrap is read row by row, each row's cells a tab apart") {
  // a learning-outcome table: the outcome's cell wraps over four lines beside its first criterion's three;
  // the rows with an empty first cell keep it (a tab first), as the text's rows do
  pdf_lines pdf("formats/pdf/qcf2-table-tabs.pdf");
  auto row = pdf.find("1. Be able to prepare for eyelash and eyebrow tinting\t1.1 Consult with the client to establish "
                      "the service they want and any factors that could affect it");
  CHECK(pdf.where(row) == "page 1, line 14");
  CHECK(pdf.lines[row + 1] == "\t1.2 Carry out a skin sensitivity test and record the result on the client's record card");
  CHECK(pdf.lines[row - 1] == "The learner will:\tThe learner can:");
  // a grid of five columns, its code column apart from the criteria's, a row going on over a page break
  pdf_lines grid("formats/pdf/graded-unit-grid-learning-aim-rows.pdf");
  grid.find("1A.1\tIdentify two features of a site that affect what can grow there.\t2A.P1 Describe the soil, light and "
            "water on a given site.\t2A.M1 Compare two sites for their fitness as a community garden.\t2A.D1 Justify "
            "the choice of one site, weighing its drawbacks.");
  auto b = grid.find("1B.2\tSketch a layout for beds and paths, with guidance.\t2B.P2 Produce a scaled layout of beds, "
                     "paths and a shed.\t2B.M2 Explain how the layout meets the needs of different users.\t2B.D2 "
                     "Evaluate the plan against the needs found in the survey.");
  CHECK(grid.where(b) == "page 1, line 28");
  // its header row, each cell wrapped over two lines: no gutter runs where a word space happens to
  // fall ("Level 2 | Merit"), so the row is read across, cell by cell
  CHECK(grid.lines.at(grid.find("Level 1\tLevel 2 Pass\tLevel 2 Merit\tLevel 2 Distinction") + 2) ==
        "Learning aim A: Survey a possible garden site");
  // a cell set in the middle of its row (a web page's default) is read with the row
  pdf_lines middle("formats/pdf/nos2-markdown-headings.pdf");
  middle.find("Relevant occupations\tSales Assistants; Retail Cashiers and Check-out Operators");
  middle.find("Keywords\treturns; refunds; exchanges; customer service; till");
  // a key's value that runs on as a name ("Restaurant / Supervisors") and a number alone ("Level / 2")
  pdf_lines names("formats/pdf/nos-wide-gap-grouped.pdf");
  names.find("Relevant Occupations\tWaiting staff; Restaurant Supervisors");
  names.find("Originating Organisation\tPeople 1st International");
  names.find("Original URN\tPPL3FBS27");
}

TEST_CASE("pdf reader - a one-page print: the page's number and its title in small print are furniture") {
  pdf_lines pdf("formats/pdf/qcf5-tab-table-unit-number-cell.pdf");
  CHECK(pdf.lines.front() == "Unit 203 Principles of handling information in care settings");
  CHECK_FALSE(pdf.any_contains("qcf5-tab-table-unit-number-cell"));
  CHECK_FALSE(pdf.any_contains("1/1"));
  REQUIRE_FALSE(pdf.loaded.diagnostics.empty());
  CHECK(pdf.loaded.diagnostics[0].message == "2 lines of running headers and footers left out (on 1 of 1 pages)");
}

TEST_CASE("pdf reader - a list whose bullets were drawn, not printed, is read as a list") {
  pdf_lines pdf("formats/pdf/datasheet-ocr-04639-nvq4-leadership-management-care.pdf");
  auto first = pdf.find("- Develop, lead and manage a diverse provision and workforce in the context of continual change");
  CHECK(pdf.lines[first + 4] == "- Manage the strategy, policy, finances and operations of the provision");
  CHECK(pdf.lines[first - 1].empty());
  // the browser drew the bullets as discs: each item begins at its disc, the one that begins in lower
  // case under a full line too, and a sentence at an item's hanging indent is the item's
  const auto hold = pdf.find("- hold or be working towards, an appropriate assessor qualification. Achievement of the "
                             "qualification will need to be within appropriate timescales");
  CHECK(pdf.lines[hold - 1].ends_with("at the time any assessment is taking place."));
  // (no indented run is left to be guessed a list: no Q-N134 note)
  for (const auto& d : pdf.loaded.diagnostics) CHECK(d.code != "Q-N134");
  // a paragraph does not end inside a bracket it opened ("(publication ref. code: / A850).")
  CHECK(pdf.any_contains("(publication ref. code: A850). Our **Fees List**"));
  // a paragraph that wraps at a sentence's end goes on, in a document that parts its paragraphs by space
  CHECK(pdf.any_contains("in a work situation. NVQs are based on National Occupational Standards (NOS)."));
}

TEST_CASE("pdf reader - wrapped lines: hyphens of a run-together list, a code alone, a pipe row") {
  pdf_lines ksbs("formats/pdf/ifate-ST0116-software-developer-ksbs.pdf");
  CHECK(ksbs.any_contains("linked lists- trees- graphs- hash tables-"));
  pdf_lines alone("formats/pdf/qcf3-outcome-number-alone.pdf");
  auto c = alone.find("Take each measurement using the correct technique and equipment");
  CHECK(alone.lines[c + 1] == "2.3");
  pdf_lines pipes("formats/pdf/qcf-table-flattened-pipes.pdf");
  pipes.find("| 1 Understand the requirements for installing final circuits | 1.1 Identify the regulations that apply "
             "to the installation of final circuits in dwellings |");
}

TEST_CASE("pdf reader - a table whose rows are parted by space: a cell's paragraphs and list stay in it") {
  pdf_lines seed("formats/pdf/unit-spec-F36J04-LMC-B2.pdf");
  // the definition's first paragraph is set lower than the term beside it; its paragraphs and the
  // items of its lists (bullets printed as text) are the cell's, in the readers' cell form
  const auto at = seed.find(
      "**Positive outcomes**\tBeneficial outcomes for adults as specified in regulation and guidance for each of "
      "the countries of the UK and agreed as appropriate with and for each person within the provision. They "
      "include:<br>- improved health, emotional well being and quality of life<br>- staying safe and being free "
      "from discrimination and harassment<br>- enjoying, achieving and making a positive contribution<br>- "
      "exercising choice and control<br>- achieving economic well being, dignity and respect<br>Beneficial "
      "outcomes for children and young people as specified in the regulation of each of the countries of the UK "
      "and as agreed with children and young people. They include:<br>- being healthy<br>- staying safe<br>- "
      "enjoying and achieving<br>- making a positive contribution<br>- achieving economic well being");
  CHECK(seed.where(at) == "page 6, line 12");
  // a row whose second cell is empty keeps it: the knowledge table's group rows
  CHECK(seed.where(seed.find("**Values**\t")) == "page 11, line 28");

  pdf_lines plain("formats/pdf/unit-spec-F36J04-variant-plain-no-markup.pdf");
  // a group heading wrapped in a narrow first column is one row: the table parts its rows by space
  CHECK(plain.where(plain.find("Legislation and Policy\t")) == "page 13, line 32");
  // a word in lower case under the table's header repeated, space above it, is a row of its own
  // (the rest of criterion 8, cut by the page break): no paragraph of the header's cell
  CHECK(plain.where(plain.find("\tworkers.\t\t\t\t")) == "page 28, line 2");

  // two cells side by side under space are a row, whatever the first column holds
  pdf_lines data("formats/pdf/datasheet-ocr-04639-nvq4-leadership-management-care.pdf");
  const auto total = data.find("\tTotal Mandatory Units\t\t4");
  CHECK(data.lines[total + 1] == "\tTotal Optional Units\t\t4");
  CHECK(data.lines[total + 2] == "\tTotal Units for full NVQ\t\t8");
}

TEST_CASE("pdf reader - a paragraph in a narrow column wraps at that column's edge") {
  // the knowledge table's rows with an empty second column print as one narrow column
  pdf_lines v("formats/pdf/unit-spec-F36J04-variant-header-no-space.pdf");
  const auto b = v.find("(b) your own roles, responsibilities and accountability");
  CHECK(v.where(b) == "page 15, line 2");
  // a comma or an abbreviation at a line's start is no label beginning an item
  v.find("27. The effect that the people's religion, race, gender, **culture** , linguistic background, sexual "
         "orientation and disability has on the development of self and a positive identity.");
  v.find("(a) how reports and records should be accessed, manually and through Information and Communication "
         "Technologies (ICT)");
  // the running header left in the page's flow, at its foot, stands apart from the next page's text
  CHECK(v.lines[b - 2] ==
        "**F36J 04(LMC B2) Lead and manage provision of care services that promotes the well being of people**");
  CHECK(v.where(b - 2) == "page 14, line 39");
  CHECK(v.lines[b - 1].empty());
}

TEST_CASE("pdf reader - bold: runs between **, lead-ins, a column of terms read with its definitions") {
  pdf_lines seed("formats/pdf/unit-spec-F36J04-LMC-B2.pdf");
  // a term referenced in bold, the full stop after it plain; the word a line's end, a page's end, cut
  // from the rest is joined to it ("…of being a / citizen.")
  CHECK(seed.any_contains("the rights and responsibilities of being a **citizen**."));
  // a glossary page whose terms are few beside their definitions: read row by row, not as two columns
  const auto service = seed.find(
      "Service\tThe overall organisation, agency or service within which your specific provision resides and "
      "for which you are the manager.");
  CHECK(seed.where(service) == "page 8, line 2");
  CHECK(seed.lines[service + 1].starts_with("**Social well being**\tThe ability of the child/person"));
  // items begun by a bold lead-in, their bullets drawn: each its own item, the lines under it its text,
  // over a page break too
  seed.find("- **Professional Discussion:** This should take the form of a planned and structured review of your "
            "practice, based on evidence, with the outcomes captured by means of recording or written record. These "
            "are particularly useful to provide evidence that you can evaluate your knowledge and practice across the "
            "qualification.");
  CHECK(seed.where(seed.find("- **Case Studies:** These must be based on real work practice and experiences, and "
                             "must not be a theoretical exercise.")) == "page 10, line 6");
  // over a page break, a capital after a full line of a paragraph that ends no sentence goes on
  seed.find("- The evidence must, at all times, reflect the policies and procedures of your workplace and be linked to "
            "current legislation, values and the principles of best practice within the Health and Social Care "
            "Sector. This will include the National Service Standards for your areas of work and the individuals you "
            "care for.");

  // items with drawn bullets and labels of their own ("• 2. establish…") keep both, as the text has them
  pdf_lines framework("formats/pdf/criteria-skills-for-care-level5-lmac-2021.pdf");
  const auto first = framework.find("- adapt leadership styles to reflect different stages and cycles in the team's "
                                    "development");
  CHECK(framework.lines[first + 1] == "- 2. establish trust and accountability within the team");
}

TEST_CASE("pdf reader - a Word file's print (LibreOffice): table rows, tables set right under text, bold headings") {
  // a table of names and wrapped texts is read row by row, not as two columns of text: wherever a cell
  // begins on the left, one begins on the right on the same line
  pdf_lines unit("formats/pdf/qcf2-table-tabs--from-docx.pdf");
  const auto ref = unit.find("Unit reference\tK/650/3321");
  CHECK(unit.where(ref) == "page 1, line 2");
  CHECK(unit.lines[ref + 1] == "Level\t2");
  CHECK(unit.lines[ref + 3] == "Guided learning hours\t24");
  // a cell's text may come closer to the next column than two em: "…carry out eyelash   2.1 Mix…"
  unit.find("2. Be able to carry out eyelash and eyebrow tinting\t2.1 Mix tint to the manufacturer's instructions to "
            "achieve the agreed colour");
  // a table set right under a list, no space between: a blank line before it all the same
  pdf_lines nos("formats/pdf/nos2-markdown-headings--from-docx.pdf");
  const auto table = nos.find("Field\tValue");
  CHECK(nos.lines[table - 1].empty());
  CHECK(nos.lines[table - 2] == "- **K8** ways of calming customers who are angry or upset");
  // a heading in the body's size and weight, space above and below it, is a line of its own: the
  // print sets its lines closer than their fonts' height (each line's box overlaps the one above),
  // and the space between paragraphs is still told from the space within one
  pdf_lines framework("formats/pdf/criteria-skills-for-care-level5-lmac-2021--from-docx.pdf");
  const auto context = framework.find("Context");
  CHECK(framework.lines.at(context - 1).empty());
  CHECK(framework.lines.at(context + 1).empty());
  CHECK(framework.lines.at(context + 2).starts_with("Through consultation with the adult care sector, Skills for Care has "
                                                 "reviewed and updated the content of the Level 5 Diploma."));
  // a word longer than its narrow cell is wide, broken there with no hyphen ("Manageme / nt"), is one
  // word again where the document prints it whole elsewhere, and a note says so
  CHECK(framework.lines.at(framework.find("LMAC5A/ LM\tLeadership and Management") + 1) ==
        "LMAC5A/ GR\tGovernance and regulatory processes");
  const auto& notes = framework.loaded.diagnostics;
  const auto broken = std::find_if(notes.begin(), notes.end(), [](const qspec::diagnostic& d) {
    return d.code == "Q-N135" && d.original == "Manageme nt" && d.repaired == "Management";
  });
  REQUIRE(broken != notes.end());
  CHECK(framework.lines.at(broken->span.begin.line - 1) == "LMAC5A/ LM\tLeadership and Management");
  // a word broken over four lines of a very narrow cell ("envi / ron / men / t"): each part alone on
  // its line runs on while the parts make the start of a word the document prints, and the last makes it
  pdf_lines narrow("formats/pdf/unit-spec-F36J04-LMC-B2--from-docx.pdf");
  auto repaired = [&](const std::string& printed, const std::string& whole) {
    return std::any_of(narrow.loaded.diagnostics.begin(), narrow.loaded.diagnostics.end(), [&](const auto& d) {
      return d.code == "Q-N135" && d.original == printed && d.repaired == whole;
    });
  };
  CHECK(repaired("envi ron", "environ"));
  CHECK(repaired("environ men", "environmen"));
  CHECK(repaired("environmen t", "environment"));
  CHECK(narrow.any_contains("an environment which"));
  // in a column the document proves breaks words so, a line of one word that fills the column runs on
  // into a part neither of whose halves the document prints as a word ("crea / te"), into a part that
  // is no word where the two make one ("decision / s", "the / m"), and into a word where the two make
  // one it prints ("with / in"); a word a join made goes on only where the part below does not go on
  // in turn ("rece / ives / indi / vidu / al": two words)
  CHECK(repaired("crea te", "create"));
  CHECK(repaired("decision s", "decisions"));
  CHECK(repaired("the m", "them"));
  CHECK(repaired("with in", "within"));
  CHECK(narrow.any_contains("1. You create an environment which empowers **people** and their **advocates** to: "
                            "(a) make decisions about"));
  CHECK(narrow.any_contains("(b) receives individual advice, guidance and support"));
  CHECK(narrow.any_contains("are accurate, up-to-date and regularly checked."));
  // (a possessive's "'s" is no part of the word: "peo / ple's")
  CHECK(narrow.any_contains("and practice within your provision supports people’s **social,"));
  // over a page break, a number alone under a header's last word begins the first criterion's row
  const auto first = std::find_if(narrow.lines.begin(), narrow.lines.end(), [](const std::string& l) {
    return l.starts_with("1. You ensure that **management** and practice within your provision supports people’s "
                         "**social, emotional, cultural, spiritual and intellectual well being** and complies with");
  });
  REQUIRE(first != narrow.lines.end());
  REQUIRE(first != narrow.lines.begin());
  CHECK(narrow.where(static_cast<std::size_t>(first - narrow.lines.begin())) == "page 27, line 1");
  CHECK(*(first - 1) == "ormance criteria\tA/A");
  // ("extr / a" stays two: "a" is a word the document prints, and "extra" one it does not)
  CHECK(narrow.any_contains("require extr a support"));
  // a word at the end of a line or cell before a mark of punctuation is whole ("themselves."), and
  // proves "the / msel / ves" one word; a number alone under a cell's last line begins the next row
  // ("lives / 4. / You"), letters and a full stop do not ("achievemen / ts.", over a page break)
  pdf_lines plain("formats/pdf/unit-spec-F36J04-variant-plain-no-markup--from-docx.pdf");
  CHECK(plain.any_contains("positive outcomes for themselves (b) receives individual advice"));
  CHECK(plain.any_contains("(d) is involved in decisions about all aspects of their lives\t"));
  const auto fourth = plain.find("4. You work with people, workers and relevant others to monitor, evaluate and "
                                 "recognise achievements.\t");
  CHECK(plain.lines.at(fourth - 1).ends_with("(d) is involved in decisions about all aspects of their lives\t"));
  // a paragraph under a list whose labels stand a gap before their texts: a space between two of its
  // words that falls where that gap does is no gutter, and the paragraph is read line after line
  pdf_lines spec("formats/pdf/unit-spec-F36J04-LMC-B2--from-docx.pdf");
  CHECK(spec.lines.at(spec.find("**About this Unit**") + 2).starts_with(
      "This unit is about leading and managing care services provision that promotes the well being of people."));
  // a glossary's page whose terms, one wrapped, stand beside the start of their definitions: rows, not
  // two columns of text
  CHECK(spec.any_contains("**Positive, secure and healthy attachments and relationships**\tAttachments and "
                          "relationships that can make a positive contribution to"));
  // a list in a table's narrow cell, its bullets left of the cell's text: its items wrap at the cell's
  // edge (the edge of the text around it), over a page break too, where the item's first line ends a
  // page and its next ones begin the next; a line printed alike in several cells is still wrapped text
  pdf_lines variant("formats/pdf/unit-spec-F36J04-variant-header-no-space--from-docx.pdf");
  const auto b = variant.find("- (b) your own roles, responsibilities and accountability");
  CHECK(variant.where(b) == "page 11, line 43");
  CHECK(variant.lines.at(b + 1) == "- (c) the roles, responsibilities and accountability of others in relation to "
                                   "leading and managing provision that promotes the well being of people");
  variant.find("- (a) the need to achieve positive outcomes for people");
  variant.find("- (a) how reports and records should be accessed, manually and through Information and "
               "Communication Technologies (ICT)");
  pdf_lines qcf("formats/pdf/qcf-bold-header-same-bullet-lettered-subitems--from-docx.pdf");
  const auto heading = qcf.find("**Learning outcomes and assessment criteria**");
  CHECK(qcf.lines.at(heading - 1).empty());
  CHECK(qcf.lines.at(heading - 2).starts_with("**Unit aim:** This unit is about preparing, cooking and finishing complex "
                                           "fish and shellfish dishes"));
}
