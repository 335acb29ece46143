#!/usr/bin/env bash
# Installs the build and test dependencies from Debian packages (chromium renders
# the HTML diff report in a test). Idempotent:
# does nothing when every package is already present.
set -euo pipefail
packages=(
  build-essential cmake ninja-build ccache pkg-config
  libboost1.81-dev libboost-json1.81-dev
  libpugixml-dev libicu-dev libyaml-cpp-dev doctest-dev libcli11-dev libcsv-dev
  libzip-dev libgumbo-dev libpoppler-private-dev libsqlite3-dev
  python3 python3-jsonschema python3-yaml libxml2-utils chromium
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
