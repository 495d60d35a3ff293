#!/usr/bin/env bash
# Installs the Debian 12 packages eavesearch needs, when run as root; otherwise
# prints the exact apt-get line and fails if anything is missing.
set -euo pipefail
packages=(cmake ninja-build g++ make pkg-config libxapian-dev libicu-dev libcpp-httplib-dev
          nlohmann-json3-dev libcli11-dev libgtest-dev libyaml-cpp-dev libsqlite3-dev curl
          chromium systemd xapian-tools libjemalloc-dev nginx
          wget  # scripts/mirror-archive
          python3-feedparser  # the Atom feeds' test reads them with a real parser
          clang-14 libclang-rt-14-dev llvm-14)  # make fuzz: clang, libFuzzer, llvm-symbolizer
# `make bench` (--bench): the peers and the tools that measure them.
if [ "${1:-}" = --bench ]; then
  packages=(xapian-omega ripgrep wrk jq time sqlite3 hyperfine)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
line="apt-get install -y ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y "${missing[@]}" || { apt-get update && apt-get install -y "${missing[@]}"; }
else
  echo "missing Debian packages; run as root:" >&2
  echo "  $line" >&2
  exit 1
fi
