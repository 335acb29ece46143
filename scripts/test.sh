#!/usr/bin/env bash
# Quick start, second command: install what is missing, build, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
ctest --test-dir build --output-on-failure
