#!/usr/bin/env bash
# Makes the HTML versions of corpus documents that the facts test reads beside
# their text originals (corpus/formats/html/NAME.html is checked against the
# facts of NAME.txt or NAME.md): pandoc reads each as markdown and writes a
# whole page. Straight quotes stay straight (-smart: the facts quote the
# document as printed). A plain-text document (.txt) keeps its line breaks
# (+hard_line_breaks: each becomes a <br>), as its lines are its layout; a
# markdown document (.md) is read as markdown alone.
#
#   bash scripts/make_html_fixtures.sh        (needs pandoc; the tests do not)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pandoc >/dev/null || { echo "make_html_fixtures: pandoc is needed (apt-get install pandoc)" >&2; exit 2; }
out=corpus/formats/html
mkdir -p "$out"
for doc in corpus/layouts/nos-web-p-labels.txt \
           corpus/layouts/qcf-lo-ac-labels-range-guidance.txt \
           corpus/layouts/apprenticeship3-duties-table.txt \
           corpus/external/ifate-ST0116-software-developer-ksbs.md; do
  name=$(basename "${doc%.*}")
  from=markdown-smart
  [ "${doc##*.}" = txt ] && from=markdown+hard_line_breaks-smart
  pandoc -f "$from" -t html -s --metadata pagetitle="$name" "$doc" -o "$out/$name.html"
done
