#!/usr/bin/env bash
# Configures and builds qspec (Release, Ninja, ccache when present) in ./build.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B "${QSPEC_BUILD_DIR:-build}" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "${QSPEC_BUILD_DIR:-build}" -j "$(nproc)"
