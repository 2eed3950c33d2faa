#!/usr/bin/env bash
# Extracts the Linux kernel's device-tree sources from Debian's linux-source-6.1 package into a cache outside
# the repository, for the board importer's tests, the board library and bench/importer:
#   $TESSERA_CACHE/linux-dts/<package version>/   (TESSERA_CACHE defaults to ~/.cache/tessera)
#     arch/arm64/boot/dts  arch/arm/boot/dts  include/dt-bindings (+ the uapi header it links to)
#     scripts/dtc/include-prefixes  Makefile
#   $TESSERA_CACHE/linux-dts/current -> <package version>
# Installs linux-source-6.1 with apt-get when it is missing (root or sudo). Idempotent: an extracted version is
# kept and not extracted again. Prints the tree's directory.
set -euo pipefail
pkg=linux-source-6.1
cache="${TESSERA_CACHE:-$HOME/.cache/tessera}/linux-dts"

installed() { dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; }
if ! installed; then
  command -v apt-get >/dev/null 2>&1 || { echo "linux-dts: $pkg is not installed and there is no apt-get here" >&2; exit 2; }
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "linux-dts: installing $pkg (about 140 MB)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null
fi

version="$(dpkg-query -W -f='${Version}' "$pkg")"
tarball="$(ls /usr/src/linux-source-6.1.tar.* | head -n 1)"
dest="$cache/$version"
layout=2   # bump when the list of extracted paths changes
if [ "$(cat "$dest/.complete" 2>/dev/null)" != "$layout" ]; then
  echo "linux-dts: extracting the device trees of $pkg $version into $dest" >&2
  mkdir -p "$cache"
  tmp="$(mktemp -d "$cache/.extract.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  top=linux-source-6.1
  tar -xf "$tarball" -C "$tmp" \
    "$top/Makefile" "$top/arch/arm64/boot/dts" "$top/arch/arm/boot/dts" \
    "$top/include/dt-bindings" "$top/include/uapi/linux/input-event-codes.h" \
    "$top/scripts/dtc/include-prefixes"
  rm -rf "$dest"
  mv "$tmp/$top" "$dest"
  echo "$version" >"$dest/.debian-version"
  echo "$layout" >"$dest/.complete"
fi
ln -sfn "$version" "$cache/current"
echo "$dest"
