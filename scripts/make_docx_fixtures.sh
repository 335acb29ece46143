#!/usr/bin/env bash
# Makes the DOCX versions of corpus documents in corpus/formats/docx/ with
# pandoc (needed only to remake them; the tests read the committed files).
# Each NAME.docx is checked against the facts of the text document NAME
# (tests/facts_check.py). A plain-text document keeps its line breaks (each
# becomes a line break in the Word paragraph) and its own quotes; a markdown
# document is read as markdown: its ordered lists become Word numbering.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/corpus/formats/docx"
mkdir -p "$out"
make() {  # make SOURCE PANDOC_READER
  local src="$root/$1" name
  name="$(basename "${1%.*}")"
  pandoc -f "$2" -t docx "$src" -o "$out/$name.docx"
  echo "$out/$name.docx"
}
make corpus/layouts/nos-web-p-labels.txt markdown-smart+hard_line_breaks
make corpus/layouts/qcf-lo-ac-labels-range-guidance.txt markdown-smart+hard_line_breaks
make corpus/unit-spec-F36J04-LMC-B2.txt markdown-smart+hard_line_breaks
make corpus/external/ifate-ST0116-software-developer-ksbs.md markdown-smart
make corpus/external/rqf-M6502307-equality-diversity-inclusion-assessment-plan.md markdown-smart
