#!/usr/bin/env bash
# Makes the PDF versions of corpus documents in corpus/formats/pdf/ (committed;
# run again only to remake them): pandoc writes each text or markdown document
# as an HTML page, and Chromium prints it to PDF as a user's browser would,
# with its running header (date, title) and footer (address, page n/m) on
# every page. tests/facts_check.py checks each NAME.pdf, and each variant
# NAME--VARIANT.pdf, against the facts of the text document NAME.
#
#   bash scripts/make_pdf_fixtures.sh
#
# Needs pandoc and chromium (fixture-making only: the tests read the PDFs).
# A text document keeps its lines as printed (white-space: pre-wrap), its
# tab-separated lines printed as a table; a markdown one is rendered as
# markdown. Quotes stay as typed (pandoc's `smart` extension off). Variants:
#   --two-columns    the page set in two columns (CSS columns: 2)
#   --label-column   each line that starts with an item's label (P1, K12,
#                    AC 1.2, LO3, 1.1, a)) printed as a table row, the label
#                    in a cell of its own left of its text: the layout whose
#                    text extraction detaches labels from their texts
set -euo pipefail
cd "$(dirname "$0")/.."
out=corpus/formats/pdf
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

print_pdf() {  # HTML -> PDF
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d -p "$work")" \
    --print-to-pdf="$2" "$1" >/dev/null 2>&1
  test -s "$2"
}

to_html() {  # DOCUMENT STYLE OUT.html
  local doc=$1 style=$2 html=$3 src=$work/source.md
  printf '<style>%s</style>\n' "$style" >"$work/style.html"
  cp "$doc" "$src"
  case $doc in
    *.txt)
      printf '<style>p { white-space: pre-wrap; } table { width: 100%%; } td { vertical-align: top; padding-right: 2em; } td:first-child { white-space: nowrap; }</style>\n' >>"$work/style.html"
      # a text document's tab-separated lines are a table (a web page's
      # metadata table copied as text): printed as one, a row a line
      python3 - "$doc" "$src" <<'EOF'
import html, sys
out, rows = [], []
def flush():
    if rows:
        out.extend(["", "<table>" + "".join(rows) + "</table>", ""])
        rows.clear()
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    if "\t" in line:
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t")) + "</tr>")
        continue
    flush()
    out.append(line)
flush()
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out) + "\n")
EOF
      ;;
  esac
  pandoc -f markdown-smart --wrap=preserve -H "$work/style.html" -t html -s \
    --metadata pagetitle="$(basename "${doc%.*}")" "$src" -o "$html" 2>/dev/null
}

label_table_html() {  # DOCUMENT OUT.html: label lines as two-cell table rows
  python3 - "$1" "$2" <<'EOF'
import html, re, sys
label = re.compile(r"^((?:[A-Z]{1,3} ?)?\d+(?:\.\d+)*\.?|[a-z]\)|\([a-z]\))\s+(.*)$")
blocks, rows, para = [], [], []
def flush():
    if para: blocks.append("<p>" + "<br>".join(html.escape(l) for l in para) + "</p>"); para.clear()
    if rows: blocks.append("<table>" + "".join(rows) + "</table>"); rows.clear()
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    m = label.match(line)
    if not line.strip():
        flush()
    elif m:
        if para: flush()
        rows.append(f"<tr><td class=l>{html.escape(m.group(1))}</td><td>{html.escape(m.group(2))}</td></tr>")
    else:
        if rows: flush()
        para.append(line)
flush()
title = sys.argv[1].rsplit("/", 1)[-1].rsplit(".", 1)[0]
style = ("@page{size:A5}body{font-family:serif;font-size:12pt;margin:0}"
         "td{vertical-align:top;padding:0 0 4pt 0}td.l{width:5em;padding-right:2em}table{border-collapse:collapse}")
open(sys.argv[2], "w", encoding="utf-8").write(
    f"<!doctype html><html><head><meta charset=utf-8><title>{title}</title><style>{style}</style></head>"
    f"<body>{''.join(blocks)}</body></html>\n")
EOF
}

make() {  # DOCUMENT [VARIANT]
  local doc=$1 variant=${2:-} name
  name=$(basename "${doc%.*}")${variant:+--$variant}
  case $variant in
    "") to_html "$doc" "" "$work/$name.html" ;;
    two-columns) to_html "$doc" "body { max-width: none; columns: 2; column-gap: 3em; } table { font-size: 60%; }" "$work/$name.html" ;;
    label-column) label_table_html "$doc" "$work/$name.html" ;;
  esac
  print_pdf "$work/$name.html" "$out/$name.pdf"
  echo "$out/$name.pdf"
}

make corpus/layouts/nos-web-p-labels.txt
make corpus/layouts/nos-web-p-labels.txt two-columns
make corpus/layouts/nos-web-p-labels.txt label-column
make corpus/layouts/qcf-lo-ac-labels-range-guidance.txt
make corpus/layouts/qcf-lo-ac-labels-range-guidance.txt label-column
make corpus/external/ifate-ST0116-software-developer-ksbs.md
make corpus/unit-spec-F36J04-LMC-B2.txt
