#!/usr/bin/env bash
# Installs every Debian package the build, the tests and the HTML screenshot test need.
set -euo pipefail
pkgs=(cmake g++ make pkg-config libsqlite3-dev libsqlitecpp-dev libfmt-dev doctest-dev libicu-dev
      libcli11-dev nlohmann-json3-dev iso-codes sqlite3 libjemalloc-dev)
[[ "${1:-}" == "--with-browser" ]] && pkgs+=(chromium)
[[ "${1:-}" == "--with-fuzz" ]] && pkgs+=(clang libclang-rt-14-dev)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
