#!/usr/bin/env bash
# Installs qspec from BUILD_DIR into a temporary prefix, then builds and runs
# a consumer that finds it with find_package(qspec).
set -euo pipefail
build_dir=$1 source_dir=$2
shift 2  # further arguments go to the consumer's configure step (sanitizer flags)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build_dir" --prefix "$tmp/prefix" >/dev/null
cmake -S "$source_dir/tests/find-package-test" -B "$tmp/build" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix" "$@" >/dev/null
cmake --build "$tmp/build" >/dev/null
"$tmp/build/consumer"
