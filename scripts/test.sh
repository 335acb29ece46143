#!/usr/bin/env bash
# Quick start, second command: install what is missing, build, run every test.
# Compiler warnings fail the build here (QSPEC_WERROR): this is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh -DQSPEC_WERROR=ON
ctest --test-dir build --output-on-failure
