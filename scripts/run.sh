#!/usr/bin/env bash
# Quick start, first command: install what is missing, build, parse every
# document of the bundled corpus into out/ (one catalogue per document, one
# summary line each), and merge the corpus into one catalogue,
# out/catalogue.json. FORMAT=yaml or FORMAT=xml picks another format.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# the build's progress goes to stderr, so the first build (about a minute) is not silent
echo "building qspec in build/ ..." >&2
bash scripts/build.sh >&2
mkdir -p out
status=0
./build/qspec parse corpus -o out --format "${FORMAT:-json}" 2>out/diagnostics.txt || status=$?
merged=0
./build/qspec catalogue corpus/*.txt --format "${FORMAT:-json}" -o "out/catalogue.${FORMAT:-json}" \
  2>out/catalogue-diagnostics.txt || merged=$?
echo "catalogues in out/, diagnostics in out/diagnostics.txt; the qspec command is build/qspec"
echo "the corpus merged into out/catalogue.${FORMAT:-json} ($(grep -c 'Q-W301' out/catalogue-diagnostics.txt || true) conflicts between documents, listed in out/catalogue-diagnostics.txt)"
# corpus/hostile/ holds inputs made to be refused (a PDF that is no PDF, a Word file with no body):
# their refusals (exit 3) are expected; a refusal anywhere else is trouble
if [ "$status" -eq 3 ] && ! grep -E '^[^:]+: error: ' out/diagnostics.txt | grep -qv '^corpus/hostile/'; then
  echo "$(grep -cE '^corpus/hostile/[^:]+: error: ' out/diagnostics.txt) inputs of corpus/hostile/ refused, as they are made to be"
  status=0
fi
[ "$merged" -le 1 ] || status=$merged
# exit 1 only means some document has errors; anything else is trouble
[ "$status" -le 1 ]
