#!/bin/sh
# Makes a sysroot for cross-compiling tessera-sched: Debian's arm64 Xen headers and libraries (libxen-dev and
# the libraries it depends on, at exactly its version) and the C library of the same release (libc6-dev,
# libc6, linux-libc-dev), so the program links against what the target runs. Nothing is installed on the
# host: the packages are fetched with apt-get download and unpacked with dpkg-deb -x.
#   ./sysroot.sh [RELEASE [DIR]]   RELEASE: bookworm (Xen 4.17, default) or trixie (Xen 4.20)
# Needs: dpkg --add-architecture arm64 and apt-get update done once; RELEASE in the apt sources.
set -eu
release=${1:-bookworm}
dir=${2:-build/sysroot-$release}
debs="$dir.debs"
rm -rf "$dir" "$debs"
mkdir -p "$dir" "$debs"
cd "$debs"
# bookworm is this host's release: its candidates are its newest (security updates included); another
# release is asked for by name ("/bookworm" would pick bookworm's point release, not its security update)
# (linux-libc-dev is arm64 in bookworm, "all" in trixie)
fetch() {
  if [ "$release" = bookworm ]; then r=""; else r="/$release"; fi
  apt-get download -q "$1:arm64$r" >/dev/null 2>&1 || apt-get download -q "$1$r" >/dev/null 2>&1 || apt-get download "$1:arm64$r"
}
for p in libxen-dev libc6-dev libc6 linux-libc-dev; do fetch "$p"; done
dev=$(ls libxen-dev_*_arm64.deb)
version=$(dpkg-deb -f "$dev" Version)
case "$version" in 4.17.*|4.20.*) ;; *) echo "sysroot.sh: note: libxen-dev $version is neither 4.17 nor 4.20" >&2 ;; esac
# every library libxen-dev depends on, at the version it names
for p in $(dpkg-deb -f "$dev" Depends | tr ',' '\n' | sed -n 's/^ *\([a-z0-9.+-]*\) (= \(.*\))$/\1:arm64=\2/p'); do
  apt-get download -q "$p" >/dev/null 2>&1 || apt-get download "$p"
done
cd - >/dev/null
for f in "$debs"/*.deb; do dpkg-deb -x "$f" "$dir"; done
# merged-/usr releases ship libc in /usr/lib only; libc.so (a linker script) names /lib/...
[ -e "$dir/lib" ] || ln -s usr/lib "$dir/lib"
echo "$version" > "$dir/XEN_VERSION"
echo "sysroot.sh: $dir has libxen-dev $version ($(ls "$debs" | wc -l) packages)"
