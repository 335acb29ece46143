#!/usr/bin/env bash
# The whole test suite again, built with AddressSanitizer and UBSan
# (./build-asan): any memory error or undefined behaviour fails a test, and
# any compiler warning fails the build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQSPEC_SANITIZE=ON -DQSPEC_WERROR=ON >/dev/null
cmake --build build-asan -j "$(nproc)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure
