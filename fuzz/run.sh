#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for a bounded
# time on seed corpora made from corpus/. Prints one line per target: seconds,
# executions, and the result (a crash or hang leaves its input in
# build-fuzz/artifacts/).
#
#   bash fuzz/run.sh [SECONDS_PER_TARGET] [PARALLEL] [TARGET...]     (defaults: 60, 2, all)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
parallel=${2:-2}
shift $(( $# > 2 ? 2 : $# )) || true
bash scripts/setup.sh
command -v clang++ >/dev/null || { echo "fuzz: clang++ is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DQSPEC_FUZZ=ON -DQSPEC_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz >/dev/null
cmake --build build >/dev/null 2>&1 || bash scripts/build.sh >/dev/null

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_load fuzz_parse_detect fuzz_parse_unit_specification fuzz_parse_qualification_structure
           fuzz_parse_qualification_datasheet fuzz_parse_programme_overview fuzz_parse_criteria_framework
           fuzz_parse_unknown fuzz_parse_nos fuzz_parse_regulated_unit fuzz_parse_apprenticeship_standard fuzz_parse_nvq_unit
           fuzz_read_json fuzz_read_yaml fuzz_read_xml fuzz_xml fuzz_docx fuzz_xlsx fuzz_pdf fuzz_html)
fi

# seed corpora: the corpus documents, and for the readers their catalogues
seeds=build-fuzz/seeds
mkdir -p "$seeds/text" "$seeds/json" "$seeds/yaml" "$seeds/xml" "$seeds/xml-documents" "$seeds/pdf" "$seeds/html" build-fuzz/artifacts build-fuzz/logs
cp corpus/formats/pdf/*.pdf "$seeds/pdf/"
find corpus -name '*.html' -size -2M -exec cp {} "$seeds/html/" \;
find corpus -name '*.txt' -size -2M -exec cp {} "$seeds/text/" \;
find corpus -name '*.xml' -size -2M -exec cp {} "$seeds/xml-documents/" \;
for doc in corpus/*.txt corpus/revisions/*.txt; do
  for f in json yaml xml; do
    ./build/qspec parse "$doc" -f "$f" -o "$seeds/$f/$(basename "$doc" .txt).$f" 2>/dev/null || true
  done
done

# the DOCX and XLSX fixtures, whole and as their main parts (what the targets wrap)
mkdir -p "$seeds/docx" "$seeds/xlsx"
for f in corpus/formats/docx/*.docx corpus/formats/xlsx/*.xlsx; do
  [ -e "$f" ] || continue
  ext=${f##*.}
  cp "$f" "$seeds/$ext/"
  part=word/document.xml
  [ "$ext" = xlsx ] && part=xl/worksheets/sheet1.xml
  python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' \
    "$f" "$part" > "$seeds/$ext/$(basename "$f" ".$ext").part.xml" 2>/dev/null || true
done

run_one() {
  local t=$1 seconds=$2 seed=text
  case $t in fuzz_read_*) seed=${t#fuzz_read_} ;; fuzz_xml) seed=xml-documents ;; fuzz_docx) seed=docx ;; fuzz_xlsx) seed=xlsx ;; fuzz_pdf) seed=pdf ;; fuzz_html) seed=html ;; esac
  local work=build-fuzz/work/$t
  mkdir -p "$work"
  local t0
  t0=$(date +%s)
  set +e
  ./build-fuzz/fuzz/$t "$work" "build-fuzz/seeds/$seed" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
    -max_len=200000 -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$t-" >"build-fuzz/logs/$t.log" 2>&1
  local status=$?
  set -e
  local elapsed=$(( $(date +%s) - t0 ))
  local runs
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "build-fuzz/logs/$t.log" | grep -o '[0-9]*$' || echo "?")
  local result=ok
  [ $status -ne 0 ] && result="FOUND (exit $status): $(ls build-fuzz/artifacts/$t-* 2>/dev/null | tr '\n' ' ')"
  printf '%-40s %6ss %12s executions  %s\n' "$t" "$elapsed" "$runs" "$result"
}
export -f run_one
printf '%s\n' "${targets[@]}" | xargs -P "$parallel" -I{} bash -c "run_one {} $seconds"
