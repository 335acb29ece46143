#!/usr/bin/env python3
"""Makes the HTML, DOCX and PDF versions of the corpus documents (corpus/formats/html, docx, pdf).

The tests read the committed files; this script is needed only to remake them, and needs pandoc,
Chromium and LibreOffice Writer (apt-get install pandoc chromium libreoffice-writer-nogui). Every corpus document that has facts (corpus/layouts/*.txt
and *.md, corpus/external/*.md) and every seed at the corpus root goes through the same route, as a
publisher's would:

  1. the document becomes one web page (NAME.html) with pandoc, straight quotes kept as typed (the
     published page links to pandoc's style sheet, kept once in corpus/formats/page.css)
     (markdown `-smart`: the facts quote the document as printed):
     - a markdown document (.md) is read as markdown;
     - a text document (.txt) keeps its line breaks (`+hard_line_breaks`: each a <br>), its lines'
       spacing (an indent or a run of spaces written as no-break spaces, as a word processor's
       export writes them), a line that is an item's label, a tab, then its text stays a line (the
       tab a wide gap), and each run of other tab-separated lines becomes a real table,
       one row a line — a table copied out of a web page or a Word file is what such lines are. The
       markup a cell holds (<b>, <p>, <ul>) stays markup, as it was in the original table;
  2. Word opens that page: pandoc writes NAME.docx from NAME.html (headings, lists with Word
     numbering, tables, emphasis);
  3. a browser prints it: Chromium writes NAME.pdf, with its running header (date, title) and footer
     (address, page n/m) on every page;
  4. a word processor prints the Word file: LibreOffice Writer (headless) writes NAME--from-docx.pdf
     from NAME.docx, as Word's "save as PDF" would (its fonts, its tables' column widths, its list
     numbers and bullets as text).
An excerpt that stops inside its last item (no final line break) is published as a page cut at the
same words (the file ends there); its Word file and PDF are whole files, and cannot tell.

  5. a pipeline turns the prints into text: pdftotext (poppler-utils) writes NAME--pdftotext.txt from
     NAME.pdf and NAME--from-docx-pdftotext.txt from NAME--from-docx.pdf (corpus/formats/pdftotext):
     pages parted by form feeds, each page's running header and footer at its edges, paragraphs
     wrapped at the page's width, a table's columns often one after another; and with -layout
     (NAME--pdftotext-layout.txt, NAME--from-docx-pdftotext-layout.txt) the page as set, its margin
     and a table's columns in spaces. Kept are the texts
     qspec reads as the document's text (PDFTOTEXT below); pdftotext changes the others itself (a
     hyphen at a line's end is dropped, "life-/cycle" written "lifecycle"; a table's labels written
     apart from their values; an excerpt's cut it cannot show), or they show gaps the README lists.

  6. a text browser turns the web page into text: w3m (-dump -cols 80 -O UTF-8) writes NAME--w3m.txt and
     lynx (-dump -width=80 -nolist -display_charset=UTF-8) NAME--lynx.txt from NAME.html
     (corpus/formats/dump): a table's columns
     side by side in spaces, each cell's text wrapped in its column, a label centred on its cell's
     lines (w3m), or a row's cells run into one line (lynx). Kept are the texts qspec reads as the
     document's text (DUMPS below).

Variants of a PDF (NAME--VARIANT.pdf, checked against NAME's facts too):
  --two-columns    the page set in two columns (CSS columns: 2)
  --two-columns-ruled   the same with a line drawn between the columns (CSS column-rule): a rule no table's
  --bordered       every table cell drawn with a border (a one-pixel rule on each side), as a site's style
                   sheet or a word processor's table grid prints them: the rules are drawn, not text
  --label-column   each line that starts with an item's label (P1, K12, AC 1.2, LO3, 1.1, a)) printed
                   as a table row, the label in a cell of its own left of its text: the layout whose
                   text extraction detaches labels from their texts

  python3 scripts/make_format_fixtures.py            every document
  python3 scripts/make_format_fixtures.py NAME...    only the documents whose file stem is NAME
  python3 scripts/make_format_fixtures.py --formats=docx,html [NAME...]   only those formats
                                                  (html, docx, pdf, docx-pdf: the Word file printed,
                                                  pdftotext: the prints' text, from the PDFs there are;
                                                  dump: the web pages' text, by w3m and lynx)
"""
import html
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

# the web pages' text dumps (step 6) that are kept: those qspec reads as the document's text
DUMPS = {
    "apprenticeship2-ksb-lists--lynx",
    "apprenticeship2-ksb-lists--w3m",
    "apprenticeship4-colon-duties--lynx",
    "apprenticeship4-colon-duties--w3m",
    "graded-unit-grid-learning-aim-rows--lynx",
    "graded-unit-nationals-aims-repeated--lynx",
    "graded-unit-nationals-aims-repeated--w3m",
    "ifate-ST0116-software-developer-ksbs--lynx",
    "ifate-ST0116-software-developer-ksbs--w3m",
    "nos-hosted-sub-bullets-markup-lost-apostrophes--lynx",
    "nos-hosted-sub-bullets-markup-lost-apostrophes--w3m",
    "nos-numbered-indented-blank-separated--lynx",
    "nos-numbered-indented-blank-separated--w3m",
    "nos-pdf-footer-in-sentence-split-headings--lynx",
    "nos-pdf-footer-in-sentence-split-headings--w3m",
    "nos-pdf-knowledge-labels-one-line--lynx",
    "nos-pdf-knowledge-labels-one-line--w3m",
    "nos-pdf-labels-detached-one-per-line--lynx",
    "nos-pdf-labels-detached-one-per-line--w3m",
    "nos-run-together-misspelt-heading--lynx",
    "nos-run-together-misspelt-heading--w3m",
    "nos-web-p-labels--lynx",
    "nos-web-p-labels--w3m",
    "nos-wide-gap-grouped--lynx",
    "nos-wide-gap-grouped--w3m",
    "nos2-markdown-headings--lynx",
    "nos2-markdown-headings--w3m",
    "nos2-no-headings-labels-only--lynx",
    "nos2-no-headings-labels-only--w3m",
    "nos2-pdf-two-pages-footer--lynx",
    "nos2-pdf-two-pages-footer--w3m",
    "nos3-html-remnants--lynx",
    "nos3-html-remnants--w3m",
    "nos3-pdf-label-row--lynx",
    "nos3-pdf-label-row--w3m",
    "nos3-scope-behaviours--lynx",
    "nos3-scope-behaviours--w3m",
    "nos4-criteria-dashes--lynx",
    "nos4-criteria-dashes--w3m",
    "nos4-lowercase-headings--lynx",
    "nos4-lowercase-headings--w3m",
    "nos4-overview-bullets--lynx",
    "nos4-overview-bullets--w3m",
    "nos4-two-standards-merged-pdf--lynx",
    "nos4-two-standards-merged-pdf--w3m",
    "nos5-metadata-table-at-end-unknown-heading--lynx",
    "nos5-metadata-table-at-end-unknown-heading--w3m",
    "nvq-unit-code-run-on-elements--lynx",
    "nvq-unit-code-run-on-elements--w3m",
    "nvq-unit-element-headings-lettered-criteria--lynx",
    "nvq-unit-element-headings-lettered-criteria--w3m",
    "own-layout-wd-unit--lynx",
    "own-layout-wd-unit--w3m",
    "programme-overview-level5-diploma-hsc--lynx",
    "qcf-bold-header-same-bullet-lettered-subitems--lynx",
    "qcf-bold-header-same-bullet-lettered-subitems--w3m",
    "qcf-label-value-next-line-no-title--lynx",
    "qcf-label-value-next-line-no-title--w3m",
    "qcf-lo-ac-labels-range-guidance--lynx",
    "qcf-lo-ac-labels-range-guidance--w3m",
    "qcf2-outcome-heading-lines--lynx",
    "qcf2-outcome-heading-lines--w3m",
    "qcf2-table-tabs--lynx",
    "qcf2-table-tabs--w3m",
    "qcf3-bullets-same-marker--lynx",
    "qcf3-bullets-same-marker--w3m",
    "qcf3-outcome-number-alone--lynx",
    "qcf3-outcome-number-alone--w3m",
    "qcf4-criteria-sentences-wrapped--lynx",
    "qcf4-criteria-sentences-wrapped--w3m",
    "qcf4-no-outcome-heading--lynx",
    "qcf4-no-outcome-heading--w3m",
    "qcf4-unit-n-title--lynx",
    "qcf4-unit-n-title--w3m",
    "qcf5-tab-table-unit-number-cell--lynx",
    "qcf5-tab-table-unit-number-cell--w3m",
    "rqf-M6502307-equality-diversity-inclusion-assessment-plan--lynx",
    "rqf-M6502307-equality-diversity-inclusion-assessment-plan--w3m",
    "structure-list-nvq4-leadership-management-care--lynx",
    "unit-spec-F36J04-variant-element-code-slash-title--lynx",
    "unit-spec-F36J04-variant-element-code-slash-title--w3m",
    "unit-spec-F36J04-variant-elements-on-one-line--lynx",
    "unit-spec-F36J04-variant-elements-on-one-line--w3m",
    "unit-spec-F36J04-variant-header-no-space--lynx",
    "unit-spec-F36J04-variant-header-no-space--w3m",
    "unit-spec-F36J04-variant-plain-no-markup--lynx",
    "unit-spec-F36J04-variant-plain-no-markup--w3m",
    "unknown-kind-meeting-agenda--lynx",
    "unknown-kind-meeting-agenda--w3m",
    "unknown2-news-article--lynx",
    "unknown2-news-article--w3m",
}

# the prints' texts (step 5) that are kept: those qspec reads as the document's text
PDFTOTEXT = {
    "apprenticeship2-ksb-lists--from-docx-pdftotext",
    "apprenticeship2-ksb-lists--from-docx-pdftotext-layout",
    "apprenticeship2-ksb-lists--pdftotext",
    "apprenticeship2-ksb-lists--pdftotext-layout",
    "apprenticeship4-colon-duties--from-docx-pdftotext",
    "apprenticeship4-colon-duties--from-docx-pdftotext-layout",
    "apprenticeship4-colon-duties--pdftotext",
    "apprenticeship4-colon-duties--pdftotext-layout",
    "graded-unit-nationals-aims-repeated--from-docx-pdftotext",
    "graded-unit-nationals-aims-repeated--from-docx-pdftotext-layout",
    "graded-unit-nationals-aims-repeated--pdftotext",
    "graded-unit-nationals-aims-repeated--pdftotext-layout",
    "nos-hosted-sub-bullets-markup-lost-apostrophes--from-docx-pdftotext",
    "nos-hosted-sub-bullets-markup-lost-apostrophes--from-docx-pdftotext-layout",
    "nos-hosted-sub-bullets-markup-lost-apostrophes--pdftotext",
    "nos-hosted-sub-bullets-markup-lost-apostrophes--pdftotext-layout",
    "nos-numbered-indented-blank-separated--from-docx-pdftotext-layout",
    "nos-numbered-indented-blank-separated--pdftotext",
    "nos-numbered-indented-blank-separated--pdftotext-layout",
    "nos-pdf-footer-in-sentence-split-headings--from-docx-pdftotext",
    "nos-pdf-footer-in-sentence-split-headings--from-docx-pdftotext-layout",
    "nos-pdf-footer-in-sentence-split-headings--pdftotext",
    "nos-pdf-footer-in-sentence-split-headings--pdftotext-layout",
    "nos-pdf-knowledge-labels-one-line--from-docx-pdftotext-layout",
    "nos-pdf-knowledge-labels-one-line--pdftotext-layout",
    "nos-pdf-labels-detached-one-per-line--from-docx-pdftotext",
    "nos-pdf-labels-detached-one-per-line--from-docx-pdftotext-layout",
    "nos-pdf-labels-detached-one-per-line--pdftotext",
    "nos-pdf-labels-detached-one-per-line--pdftotext-layout",
    "nos-run-together-misspelt-heading--from-docx-pdftotext",
    "nos-run-together-misspelt-heading--from-docx-pdftotext-layout",
    "nos-run-together-misspelt-heading--pdftotext",
    "nos-run-together-misspelt-heading--pdftotext-layout",
    "nos-web-p-labels--from-docx-pdftotext",
    "nos-web-p-labels--from-docx-pdftotext-layout",
    "nos-web-p-labels--pdftotext",
    "nos-web-p-labels--pdftotext-layout",
    "nos-wide-gap-grouped--from-docx-pdftotext",
    "nos-wide-gap-grouped--from-docx-pdftotext-layout",
    "nos-wide-gap-grouped--pdftotext-layout",
    "nos2-no-headings-labels-only--from-docx-pdftotext",
    "nos2-no-headings-labels-only--from-docx-pdftotext-layout",
    "nos2-no-headings-labels-only--pdftotext",
    "nos2-no-headings-labels-only--pdftotext-layout",
    "nos2-pdf-two-pages-footer--from-docx-pdftotext",
    "nos2-pdf-two-pages-footer--from-docx-pdftotext-layout",
    "nos2-pdf-two-pages-footer--pdftotext",
    "nos2-pdf-two-pages-footer--pdftotext-layout",
    "nos2-word-export-tabs--from-docx-pdftotext-layout",
    "nos2-word-export-tabs--pdftotext",
    "nos2-word-export-tabs--pdftotext-layout",
    "nos3-html-remnants--from-docx-pdftotext",
    "nos3-html-remnants--from-docx-pdftotext-layout",
    "nos3-html-remnants--pdftotext",
    "nos3-pdf-label-row--from-docx-pdftotext",
    "nos3-pdf-label-row--from-docx-pdftotext-layout",
    "nos3-scope-behaviours--from-docx-pdftotext",
    "nos3-scope-behaviours--from-docx-pdftotext-layout",
    "nos3-scope-behaviours--pdftotext",
    "nos3-scope-behaviours--pdftotext-layout",
    "nos4-criteria-dashes--from-docx-pdftotext",
    "nos4-criteria-dashes--from-docx-pdftotext-layout",
    "nos4-criteria-dashes--pdftotext",
    "nos4-criteria-dashes--pdftotext-layout",
    "nos4-lowercase-headings--from-docx-pdftotext",
    "nos4-lowercase-headings--from-docx-pdftotext-layout",
    "nos4-lowercase-headings--pdftotext",
    "nos4-lowercase-headings--pdftotext-layout",
    "nos4-overview-bullets--from-docx-pdftotext",
    "nos4-overview-bullets--from-docx-pdftotext-layout",
    "nos4-overview-bullets--pdftotext",
    "nos4-overview-bullets--pdftotext-layout",
    "nos4-two-standards-merged-pdf--from-docx-pdftotext",
    "nos4-two-standards-merged-pdf--from-docx-pdftotext-layout",
    "nos4-two-standards-merged-pdf--pdftotext",
    "nos4-two-standards-merged-pdf--pdftotext-layout",
    "nos5-metadata-table-at-end-unknown-heading--from-docx-pdftotext-layout",
    "nos5-metadata-table-at-end-unknown-heading--pdftotext",
    "nos5-metadata-table-at-end-unknown-heading--pdftotext-layout",
    "nvq-unit-element-headings-lettered-criteria--from-docx-pdftotext",
    "nvq-unit-element-headings-lettered-criteria--from-docx-pdftotext-layout",
    "nvq-unit-element-headings-lettered-criteria--pdftotext",
    "nvq-unit-element-headings-lettered-criteria--pdftotext-layout",
    "own-layout-wd-unit--from-docx-pdftotext",
    "own-layout-wd-unit--from-docx-pdftotext-layout",
    "own-layout-wd-unit--pdftotext",
    "own-layout-wd-unit--pdftotext-layout",
    "programme-overview-level5-diploma-hsc--from-docx-pdftotext",
    "programme-overview-level5-diploma-hsc--from-docx-pdftotext-layout",
    "programme-overview-level5-diploma-hsc--pdftotext-layout",
    "qcf-bold-header-same-bullet-lettered-subitems--from-docx-pdftotext",
    "qcf-bold-header-same-bullet-lettered-subitems--from-docx-pdftotext-layout",
    "qcf-bold-header-same-bullet-lettered-subitems--pdftotext",
    "qcf-bold-header-same-bullet-lettered-subitems--pdftotext-layout",
    "qcf-label-value-next-line-no-title--from-docx-pdftotext",
    "qcf-label-value-next-line-no-title--from-docx-pdftotext-layout",
    "qcf-label-value-next-line-no-title--pdftotext",
    "qcf-label-value-next-line-no-title--pdftotext-layout",
    "qcf-lo-ac-labels-range-guidance--from-docx-pdftotext",
    "qcf-lo-ac-labels-range-guidance--from-docx-pdftotext-layout",
    "qcf-lo-ac-labels-range-guidance--pdftotext",
    "qcf-lo-ac-labels-range-guidance--pdftotext-layout",
    "qcf2-outcome-heading-lines--from-docx-pdftotext",
    "qcf2-outcome-heading-lines--from-docx-pdftotext-layout",
    "qcf2-outcome-heading-lines--pdftotext",
    "qcf2-outcome-heading-lines--pdftotext-layout",
    "qcf2-table-tabs--from-docx-pdftotext-layout",
    "qcf2-table-tabs--pdftotext-layout",
    "qcf3-bullets-same-marker--from-docx-pdftotext",
    "qcf3-bullets-same-marker--from-docx-pdftotext-layout",
    "qcf3-bullets-same-marker--pdftotext",
    "qcf3-bullets-same-marker--pdftotext-layout",
    "qcf3-outcome-number-alone--from-docx-pdftotext",
    "qcf3-outcome-number-alone--from-docx-pdftotext-layout",
    "qcf3-outcome-number-alone--pdftotext",
    "qcf3-outcome-number-alone--pdftotext-layout",
    "qcf4-criteria-sentences-wrapped--from-docx-pdftotext",
    "qcf4-criteria-sentences-wrapped--from-docx-pdftotext-layout",
    "qcf4-criteria-sentences-wrapped--pdftotext-layout",
    "qcf4-no-outcome-heading--from-docx-pdftotext",
    "qcf4-no-outcome-heading--from-docx-pdftotext-layout",
    "qcf4-no-outcome-heading--pdftotext",
    "qcf4-no-outcome-heading--pdftotext-layout",
    "qcf4-unit-n-title--from-docx-pdftotext",
    "qcf4-unit-n-title--from-docx-pdftotext-layout",
    "qcf4-unit-n-title--pdftotext",
    "qcf4-unit-n-title--pdftotext-layout",
    "qcf5-tab-table-unit-number-cell--pdftotext-layout",
    "structure-list-nvq4-leadership-management-care--from-docx-pdftotext",
    "structure-list-nvq4-leadership-management-care--from-docx-pdftotext-layout",
    "structure-list-nvq4-leadership-management-care--pdftotext",
    "structure-list-nvq4-leadership-management-care--pdftotext-layout",
    "unknown-kind-meeting-agenda--from-docx-pdftotext",
    "unknown-kind-meeting-agenda--from-docx-pdftotext-layout",
    "unknown-kind-meeting-agenda--pdftotext",
    "unknown-kind-meeting-agenda--pdftotext-layout",
    "unknown2-news-article--from-docx-pdftotext",
    "unknown2-news-article--from-docx-pdftotext-layout",
    "unknown2-news-article--pdftotext",
    "unknown2-news-article--pdftotext-layout",
}

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
OUT = CORPUS / "formats"

TEXT_STYLE = ("table { width: 100%; border-collapse: collapse; } "
              "td { vertical-align: top; padding-right: 2em; } td:first-child { white-space: nowrap; } "
              "td.words:first-child { white-space: normal; width: 30%; }")
TWO_COLUMNS_STYLE = "body { max-width: none; columns: 2; column-gap: 3em; } table { font-size: 60%; }"
BORDERED_STYLE = "td, th { border: 1px solid #000; padding: 2pt 4pt; }"
RULED_COLUMNS_STYLE = TWO_COLUMNS_STYLE + " body { column-rule: 1px solid #000; }"
PDF_VARIANTS = {  # document stem -> the PDF variants made of it
    "nos-web-p-labels": ["two-columns", "two-columns-ruled", "label-column"],
    "qcf-lo-ac-labels-range-guidance": ["label-column"],
    "apprenticeship6-ksb-columns-side-by-side": ["bordered"],
    "apprenticeship3-duties-table": ["bordered"],
    "nos2-word-export-tabs": ["bordered"],
    "qcf2-table-tabs": ["bordered"],
    "qcf5-tab-table-unit-number-cell": ["bordered"],
}


def documents():
    docs = sorted(CORPUS.glob("*.txt"))
    docs += sorted(p for p in (CORPUS / "layouts").iterdir() if p.suffix in (".txt", ".md"))
    docs += sorted(p for p in (CORPUS / "external").glob("*.md") if p.name != "README.md")
    return docs


def text_as_markdown(text):
    """A text document as pandoc markdown: its lines kept, each run of tab-separated lines a table."""
    out, rows = [], []

    def flush():
        if rows:
            out.extend(["", "<table>" + "".join(rows) + "</table>", ""])
            rows.clear()

    label_first = re.compile(r"^\s*((?:[A-Z]{1,3} ?)?\d+(?:\.\d+)*\.?|\(?[a-z]\))\t")
    # a word marked with an asterisk ("E5*") has a footnote: the line that begins with the asterisk is
    # that note, printed with its mark, not a bulleted list
    footnoted = re.search(r"\w\*(\s|$)", text, re.M) is not None
    for line in text.splitlines():
        if footnoted and line.startswith("* "):
            flush()
            out.append("\\" + line)
            continue
        if label_first.match(line) and len([c for c in line.split("\t") if c.strip()]) == 2:
            # "1.<TAB>text": an item's label and its text a tab apart, as a Word file's numbered
            # paragraph is exported, not a table: the tab a wide gap of no-break spaces
            flush()
            out.append(re.sub(r"\t+", lambda m: "\u00a0" * (4 * len(m.group())), line.strip()))
            continue
        if "\t" in line:
            # a cell's markup is the original table's markup; its plain text is text
            cells = [c if re.search(r"</?[a-z]+[ >/]", c) else html.escape(c, quote=False) for c in line.split("\t")]
            # a first cell is a label and is not wrapped, unless it is words (a glossary's term): a
            # term kept on one line would leave its definition a column one word wide
            words = len(re.sub(r"<[^>]*>", "", cells[0]).split()) >= 3
            rows.append("<tr>" + "".join(f"<td class=\"words\">{c.strip()}</td>" if i == 0 and words else f"<td>{c.strip()}</td>"
                                         for i, c in enumerate(cells)) + "</tr>")
            continue
        flush()
        # a bullet whose text begins with a number ("- 4. how the ratings…") prints the number as text
        # after its bullet: not a list of its own inside the item, which Word would number anew
        line = re.sub(r"^(\s*[-*+] +)(\d+)\. ", r"\1\2\\. ", line)
        # the spaces that lay a line out (an indent, a wide gap between a label and its text) are
        # no-break spaces: a page and a Word file keep their width, where ordinary spaces collapse
        out.append(re.sub(r"^ +| {2,}", lambda m: "\u00a0" * len(m.group()), line))
    flush()
    return "\n".join(out) + "\n"


def web_page(doc, work, style=""):
    """The document as one standalone web page written by pandoc."""
    src = work / "source.md"
    head = work / "head.html"
    if doc.suffix == ".txt":
        src.write_text(text_as_markdown(doc.read_text(encoding="utf-8")), encoding="utf-8")
        reader = "markdown+hard_line_breaks-smart-line_blocks-fancy_lists-markdown_in_html_blocks"
        style = TEXT_STYLE + " " + style
    else:
        shutil.copy(doc, src)
        reader = "markdown-smart"
    head.write_text(f"<style>{style}</style>\n" if style.strip() else "", encoding="utf-8")
    page = work / f"{doc.stem}.html"
    subprocess.run(["pandoc", "-f", reader, "-t", "html", "-s", "--wrap=preserve", "-H", str(head),
                    "--metadata", f"pagetitle={doc.stem}", str(src), "-o", str(page)],
                   check=True, stderr=subprocess.DEVNULL)
    return page


PAGE_CSS = OUT / "page.css"


def publish_page(page, to):
    """The page as a site serves it: pandoc's style sheet, the same in every page, in one file the pages
    link to (corpus/formats/page.css); the page printed to PDF keeps it inline, so both look the same."""
    text = page.read_text(encoding="utf-8")
    m = re.search(r"  <style>\n(.*?)  </style>\n", text, re.S)
    if not m:
        sys.exit(f"make_format_fixtures: no style sheet in pandoc's page {page.name}")
    if PAGE_CSS.exists() and PAGE_CSS.read_text(encoding="utf-8") != m.group(1):
        sys.exit("make_format_fixtures: pandoc's style sheet differs from corpus/formats/page.css: remake every page")
    PAGE_CSS.write_text(m.group(1), encoding="utf-8")
    to.write_text(text[:m.start()] + '  <link rel="stylesheet" href="../page.css" />\n' + text[m.end():], encoding="utf-8")


def cut_excerpt(page, text):
    """An excerpt that stops inside its last item (its text has no final line break) is, as a web page,
    the page cut at the same words: the file ends there, with no tag after them. (A Word file or a PDF
    cut short is no file at all: those are made whole, and lose the evidence.)"""
    html_text = page.read_text(encoding="utf-8")
    tail = html.escape(text.rstrip().rsplit("\n", 1)[-1][-24:], quote=False)
    at = html_text.rfind(tail)
    if at < 0:
        sys.exit(f"make_format_fixtures: the last words of {page.name}'s excerpt are not in its page")
    page.write_text(html_text[:at + len(tail)], encoding="utf-8")


def label_column_page(doc, work):
    """Each line that starts with an item's label as a two-cell table row, the label left of its text."""
    label = re.compile(r"^((?:[A-Z]{1,3} ?)?\d+(?:\.\d+)*\.?|[a-z]\)|\([a-z]\))\s+(.*)$")
    blocks, rows, para = [], [], []

    def flush():
        if para:
            blocks.append("<p>" + "<br>".join(html.escape(l) for l in para) + "</p>")
            para.clear()
        if rows:
            blocks.append("<table>" + "".join(rows) + "</table>")
            rows.clear()

    for line in doc.read_text(encoding="utf-8").splitlines():
        m = label.match(line)
        if not line.strip():
            flush()
        elif m:
            if para:
                flush()
            rows.append(f"<tr><td class=l>{html.escape(m.group(1))}</td><td>{html.escape(m.group(2))}</td></tr>")
        else:
            if rows:
                flush()
            para.append(line)
    flush()
    style = ("@page{size:A5}body{font-family:serif;font-size:12pt;margin:0}"
             "td{vertical-align:top;padding:0 0 4pt 0}td.l{width:5em;padding-right:2em}table{border-collapse:collapse}")
    page = work / f"{doc.stem}--label-column.html"
    page.write_text(f"<!doctype html><html><head><meta charset=utf-8><title>{doc.stem}</title><style>{style}</style>"
                    f"</head><body>{''.join(blocks)}</body></html>\n", encoding="utf-8")
    return page


def print_pdf(page, pdf, work):
    profile = tempfile.mkdtemp(dir=work)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", str(page)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not pdf.exists() or pdf.stat().st_size == 0:
        sys.exit(f"make_format_fixtures: Chromium printed nothing for {page.name}")


def print_docx(docx, pdf, work):
    out = pathlib.Path(tempfile.mkdtemp(dir=work))
    profile = pathlib.Path(tempfile.mkdtemp(dir=work))
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(docx)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    printed = out / f"{docx.stem}.pdf"
    if not printed.exists() or printed.stat().st_size == 0:
        sys.exit(f"make_format_fixtures: LibreOffice printed nothing for {docx.name}")
    shutil.move(printed, pdf)


def make(doc, work, formats):
    if not formats & {"html", "docx", "docx-pdf", "pdf"}:  # only texts made from the files there are
        extract_texts(doc, formats)
        dump_texts(doc, formats)
        print(doc.relative_to(ROOT))
        return
    for fmt in ("html", "docx", "pdf"):
        (OUT / fmt).mkdir(parents=True, exist_ok=True)
    page = web_page(doc, work)
    if "html" in formats:
        publish_page(page, OUT / "html" / page.name)
        text = doc.read_text(encoding="utf-8")
        if text and not text.endswith("\n"):
            cut_excerpt(OUT / "html" / page.name, text)
    if "docx" in formats:
        # the page's <title> is the browser tab's, not a line of the document: Word is not given it
        body = work / f"{doc.stem}.body.html"
        body.write_text(re.sub(r"<title>.*?</title>", "", page.read_text(encoding="utf-8"), flags=re.S), encoding="utf-8")
        subprocess.run(["pandoc", "-f", "html-smart", "-t", "docx", str(body), "-o", str(OUT / "docx" / f"{doc.stem}.docx")],
                       check=True, stderr=subprocess.DEVNULL)
    if "docx-pdf" in formats:
        print_docx(OUT / "docx" / f"{doc.stem}.docx", OUT / "pdf" / f"{doc.stem}--from-docx.pdf", work)
    if "pdf" not in formats:
        extract_texts(doc, formats)
        dump_texts(doc, formats)
        print(doc.relative_to(ROOT))
        return
    print_pdf(page, OUT / "pdf" / f"{doc.stem}.pdf", work)
    for variant in PDF_VARIANTS.get(doc.stem, []):
        styles = {"two-columns": TWO_COLUMNS_STYLE, "two-columns-ruled": RULED_COLUMNS_STYLE, "bordered": BORDERED_STYLE}
        variant_page = (label_column_page(doc, work) if variant == "label-column"
                        else web_page(doc, work, styles[variant]))
        print_pdf(variant_page, OUT / "pdf" / f"{doc.stem}--{variant}.pdf", work)
    extract_texts(doc, formats)
    dump_texts(doc, formats)
    print(doc.relative_to(ROOT))


def extract_texts(doc, formats):
    """Step 5: pdftotext of the document's two prints, where kept (PDFTOTEXT)."""
    if "pdftotext" not in formats:
        return
    (OUT / "pdftotext").mkdir(parents=True, exist_ok=True)
    for pdf, name in ((f"{doc.stem}.pdf", f"{doc.stem}--pdftotext"),
                      (f"{doc.stem}--from-docx.pdf", f"{doc.stem}--from-docx-pdftotext")):
        for layout, suffix in (([], ""), (["-layout"], "-layout")):
            if name + suffix in PDFTOTEXT and (OUT / "pdf" / pdf).exists():
                subprocess.run(["pdftotext", *layout, str(OUT / "pdf" / pdf), str(OUT / "pdftotext" / f"{name}{suffix}.txt")],
                               check=True)


def dump_texts(doc, formats):
    """Step 6: the web page's text as w3m and lynx dump it, where kept (DUMPS)."""
    page = OUT / "html" / f"{doc.stem}.html"
    if "dump" not in formats or not page.exists():
        return
    (OUT / "dump").mkdir(parents=True, exist_ok=True)
    for tool, command in (("w3m", ["w3m", "-dump", "-cols", "80", "-O", "UTF-8", "-T", "text/html", str(page)]),
                          ("lynx", ["lynx", "-dump", "-width=80", "-nolist", "-display_charset=UTF-8", "-force_html",
                                    str(page)])):
        if f"{doc.stem}--{tool}" in DUMPS:
            text = subprocess.run(command, check=True, capture_output=True).stdout
            (OUT / "dump" / f"{doc.stem}--{tool}.txt").write_bytes(text)


def main():
    args = sys.argv[1:]
    formats = {"html", "docx", "pdf", "docx-pdf", "pdftotext", "dump"}
    if args and args[0].startswith("--formats="):
        formats = set(args.pop(0).split("=", 1)[1].split(","))
    for tool in ((("pandoc", "chromium") if formats & {"html", "docx", "docx-pdf", "pdf"} else ()) +
                 (("soffice",) if "docx-pdf" in formats else ()) +
                 (("pdftotext",) if "pdftotext" in formats else ()) +
                 (("w3m", "lynx") if "dump" in formats else ())):
        if not shutil.which(tool):
            sys.exit(f"make_format_fixtures: {tool} is needed "
                     "(apt-get install pandoc chromium libreoffice-writer-nogui poppler-utils w3m lynx)")
    wanted = set(args)
    with tempfile.TemporaryDirectory() as tmp:
        for doc in documents():
            if not wanted or doc.stem in wanted:
                make(doc, pathlib.Path(tmp), formats)


if __name__ == "__main__":
    main()
