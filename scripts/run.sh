#!/usr/bin/env bash
# Quick start, first command: install what is missing, build, and parse every
# document of the bundled corpus into out/ (one catalogue per document, one
# summary line each). FORMAT=yaml or FORMAT=xml picks another format.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
mkdir -p out
status=0
./build/qspec parse corpus -o out --format "${FORMAT:-json}" 2>out/diagnostics.txt || status=$?
echo "catalogues in out/, diagnostics in out/diagnostics.txt"
# exit 1 only means some document has errors; anything else is trouble
[ "$status" -le 1 ]
