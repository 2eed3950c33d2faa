#!/usr/bin/env bash
# Prepares what the end-to-end boot tests need, in a cache directory:
#   - Debian's arm64 Xen 4.17 hypervisor (xen-hypervisor-4.17-arm64),
#   - a Xen hypervisor built from Debian's own xen source package with the embedded
#     features (static memory, static shared memory, boot-time cpupools, null/RTDS/ARINC 653),
#   - the arm64 Linux kernel Image of linux-image-cloud-arm64 (and its Xen driver modules),
#   - busybox-static:arm64,
#   - a minimal root of the arm64 Xen tools (xl, xenstored, ...) and the libraries they load, with
#     Xen's hotplug scripts (/etc/xen/scripts, from xen-utils-common) and the bash they run under.
# Everything comes from Debian's archive through apt-get download / apt-get source --download-only.
# Each item has a stamp file; an item whose stamp exists is skipped. The last lines on stdout are
# KEY=path lines (also written to <cache>/assets.env); progress and timings go to stderr.
#
# Exit codes: 0 ready, 1 failed, 2 host prerequisites missing and not installable (not root / not Debian).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: e2e/assets.sh [--cache DIR] [--refresh ITEM]... [--list-missing]
  --cache DIR      cache directory (default ${TESSERA_CACHE:-$HOME/.cache/tessera}/e2e)
  --refresh ITEM   redo one item even if its stamp exists
                   (linux, busybox, xen-debian, xen-tools, xen-source, xen-features)
  --list-missing   only print which host prerequisites are missing (exit 2 if any)
EOF
}

CACHE="${TESSERA_CACHE:-$HOME/.cache/tessera}/e2e"
REFRESH=" "
LIST_MISSING=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cache) CACHE="$2"; shift 2 ;;
    --refresh) REFRESH+="$2 "; shift 2 ;;
    --list-missing) LIST_MISSING=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "assets.sh: unknown argument: $1" >&2; usage >&2; exit 1 ;;
  esac
done

XEN_SERIES=4.17
# Host packages: QEMU and firmware for the boots, dtc/U-Boot tools for the artifacts, and what
# building the hypervisor alone needs (cross compiler, make, flex, bison, python3, dpkg-source).
HOST_PACKAGES=(
  qemu-system-arm u-boot-qemu u-boot-tools device-tree-compiler ipxe-qemu qemu-efi-aarch64
  mtools dosfstools cpio
  gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu gcc libc6-dev make flex bison python3 dpkg-dev
  xz-utils binutils util-linux
)
# The Xen tools binaries put into dom0's root, and the packages their libraries come from
# (closure of DT_NEEDED, checked below: libext2fs2 and python3 are not needed; libgcc_s is not NEEDED but
# glibc loads it for pthread_cancel, which xl reaches when it cleans up after a failed create).
XEN_TOOLS_BINS=(xl xenstored xen-init-dom0 xenconsoled xenconsole init-dom0less)
XEN_TOOLS_PACKAGES=(
  "xen-utils-$XEN_SERIES" "libxenmisc$XEN_SERIES" libxenstore4 libxengnttab1 libxenforeignmemory1
  libxencall1 libxenevtchn1 libxentoollog1 libxentoolcore1 libxendevicemodel1 libxenhypfs1
  libyajl2 libuuid1 libfdt1 zlib1g libc6 libgcc-s1 xenstore-utils bash libtinfo6
)
# Xen's hotplug scripts (/etc/xen/scripts: vif-bridge, block, ...), which xl devd runs in a driver domain; taken
# from xen-utils-common at exactly the version of xen-utils (the scripts and libxl go together). They are bash
# scripts: bash (and libtinfo6, which it needs) come from the list above.
XEN_SCRIPTS_PACKAGE=xen-utils-common
# xenstore-read/-write (from xenstore-utils): a driver domain's own hotplug script writes the backend's device with them.
XENSTORE_CMDS=(xenstore-read xenstore-write)
# Xen driver modules of the cloud kernel that xl/xenstored need in dom0, in load order.
XEN_KMODS=(xen-evtchn xen-gntdev xen-gntalloc xen-privcmd xenfs)
# Split-driver modules a driver domain (backends, loop devices, the bridge its vifs join) or a guest (frontends) loads
# by name; not in load-order. bridge needs stp and llc.
DRIVER_KMODS=(xen-blkback xen-blkfront loop xen-netback xen-netfront llc stp bridge)
XEN_FEATURE_OPTIONS=(
  CONFIG_EXPERT=y CONFIG_UNSUPPORTED=y CONFIG_STATIC_MEMORY=y CONFIG_STATIC_SHM=y
  CONFIG_BOOT_TIME_CPUPOOLS=y CONFIG_SCHED_NULL=y CONFIG_SCHED_RTDS=y CONFIG_SCHED_ARINC653=y
)

log() { printf '[assets] %s\n' "$*" >&2; }
die() { printf '[assets] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
TIMINGS=()
timed() { # timed NAME command...   runs the command, records its wall time
  local name="$1"; shift
  local t0; t0=$(now)
  "$@"
  local dt; dt=$(awk -v a="$t0" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}')
  TIMINGS+=("$name ${dt}s")
  log "$name: ${dt} s"
}
is_root() { [ "$(id -u)" -eq 0 ]; }
is_debian() { [ -r /etc/debian_version ] && command -v apt-get >/dev/null && command -v dpkg >/dev/null; }
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep 'install ok installed' >/dev/null; }
APT_OPTS=(-q)
is_root && APT_OPTS+=(-o APT::Sandbox::User=root)

# ---------------------------------------------------------------------------------------------
# Host prerequisites

SRC_LIST=/etc/apt/sources.list.d/tessera-deb-src.sources

missing_host_packages() {
  local p
  for p in "${HOST_PACKAGES[@]}"; do pkg_installed "$p" || printf '%s\n' "$p"; done
}
has_arm64() { dpkg --print-architecture | grep -x arm64 >/dev/null || dpkg --print-foreign-architectures | grep -x arm64 >/dev/null; }
has_arm64_lists() { apt-cache policy busybox-static:arm64 2>/dev/null | grep 'Candidate: [0-9]' >/dev/null; }
has_deb_src() { [ -n "$(apt-cache showsrc "xen" 2>/dev/null | sed -n 's/^Version: //p' | awk 'NR==1')" ]; }

# A deb-src entry for Debian's archive, copied from the machine's own Debian entries (so the
# project never names a mirror): deb822 files get Types: deb-src, one-line lists get deb-src lines.
write_deb_src() {
  local tmp; tmp=$(mktemp)
  if [ -r /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types:.*$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources >"$tmp"
  elif [ -r /etc/apt/sources.list ] && grep -qE '^deb ' /etc/apt/sources.list; then
    SRC_LIST=/etc/apt/sources.list.d/tessera-deb-src.list
    sed -n 's/^deb \(.*\)$/deb-src \1/p' /etc/apt/sources.list >"$tmp"
  else
    rm -f "$tmp"; die "cannot find the machine's Debian apt entries to derive a deb-src entry from"
  fi
  install -m 0644 "$tmp" "$SRC_LIST"; rm -f "$tmp"
  log "added $SRC_LIST"
}

prepare_host() {
  is_debian || { echo "assets.sh: needs a Debian system with apt-get and dpkg" >&2; exit 2; }
  local missing; missing=$(missing_host_packages | tr '\n' ' ')
  local need_arch=0 need_src=0
  if all_stamped; then # nothing to download: only the host packages matter
    has_arm64_lists() { true; }
  else
    has_arm64 || need_arch=1
    has_deb_src || need_src=1
  fi
  if [ $LIST_MISSING -eq 1 ] || ! is_root; then
    if [ -n "$missing" ] || [ $need_arch -eq 1 ] || [ $need_src -eq 1 ] || ! has_arm64_lists; then
      {
        echo "assets.sh: host prerequisites missing:"
        [ -n "$missing" ] && echo "  packages: $missing"
        [ $need_arch -eq 1 ] && echo "  dpkg foreign architecture arm64 (dpkg --add-architecture arm64)"
        [ $need_src -eq 1 ] && echo "  a deb-src entry for Debian's archive (for: apt-get source xen)"
        has_arm64_lists || echo "  arm64 package lists (apt-get update)"
        echo "run e2e/assets.sh as root to set these up, or as root:"
        [ $need_arch -eq 1 ] && echo "  dpkg --add-architecture arm64"
        [ $need_src -eq 1 ] && echo "  sed 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > $SRC_LIST"
        echo "  apt-get update"
        [ -n "$missing" ] && echo "  apt-get install --no-install-recommends $missing"
      } >&2
      exit 2
    fi
    [ $LIST_MISSING -eq 1 ] && { echo "assets.sh: no host prerequisite missing" >&2; exit 0; }
    return 0
  fi
  local need_update=0
  if [ $need_arch -eq 1 ]; then dpkg --add-architecture arm64; log "added dpkg architecture arm64"; need_update=1; fi
  if [ $need_src -eq 1 ]; then
    [ -e "$SRC_LIST" ] || write_deb_src
    need_update=1
  fi
  has_arm64_lists || need_update=1
  [ -n "$missing" ] && need_update=1
  if [ $need_update -eq 1 ]; then timed "apt-get update" apt-get "${APT_OPTS[@]}" update >&2; fi
  all_stamped && return 0
  has_arm64_lists || die "no arm64 packages visible after apt-get update"
  has_deb_src || die "apt-get showsrc xen finds nothing after apt-get update (deb-src entry: $SRC_LIST)"
  if [ -n "$missing" ]; then
    log "installing host packages: $missing"
    # shellcheck disable=SC2086
    timed "install host packages" env DEBIAN_FRONTEND=noninteractive \
      apt-get "${APT_OPTS[@]}" install -y --no-install-recommends $missing >&2
  fi
}

# ---------------------------------------------------------------------------------------------
# Cached items

mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)
STAMPS="$CACHE/stamps"
DEBS="$CACHE/debs"

# An item whose recipe changed gets a new stamp name, so caches made by the old recipe are rebuilt.
stamp_name() { case "$1" in xen-tools) echo "$1.4" ;; linux) echo "$1.3" ;; *) echo "$1" ;; esac; }
stamp_ok() { [ -f "$STAMPS/$(stamp_name "$1")" ] && [[ "$REFRESH" != *" $1 "* ]]; }
ITEMS=(linux busybox xen-debian xen-tools xen-source xen-features)
all_stamped() {
  local i
  for i in "${ITEMS[@]}"; do stamp_ok "$i" || return 1; done
}
stamp_write() { mkdir -p "$STAMPS"; printf '%s\n' "$2" >"$STAMPS/$(stamp_name "$1")"; }

# apt_download DIR PKG:arch...  -> downloads the .deb files into DIR (kept for later runs)
apt_download() {
  local dir="$1"; shift
  mkdir -p "$dir"
  (cd "$dir" && apt-get "${APT_OPTS[@]}" download "$@" >&2)
}
deb_of() { # deb_of DIR PACKAGE -> path of the newest downloaded .deb of PACKAGE in DIR
  local f
  f=$(ls -1 "$1/$2"_*_arm64.deb "$1/$2"_*_all.deb 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$f" ] || die "no .deb of $2 in $1"
  printf '%s\n' "$f"
}

step_linux() {
  local meta=linux-image-cloud-arm64:arm64
  local pkg
  pkg=$(apt-cache depends "$meta" 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*\).*/\1/p' | awk 'NR==1')
  [ -n "$pkg" ] || die "cannot resolve the versioned kernel package from $meta"
  log "linux: $meta -> $pkg"
  rm -rf "$DEBS/linux" "$CACHE/linux"
  apt_download "$DEBS/linux" "$pkg:arm64"
  local x="$CACHE/linux.tmp"; rm -rf "$x"; mkdir -p "$x"
  dpkg-deb -x "$(deb_of "$DEBS/linux" "$pkg")" "$x/root"
  local vmlinuz; vmlinuz=$(ls "$x"/root/boot/vmlinuz-* | awk 'NR==1')
  mkdir -p "$x/out/xen-modules"
  cp "$vmlinuz" "$x/out/Image"
  cp "$(ls "$x"/root/boot/config-* | awk 'NR==1')" "$x/out/config"
  local m f
  for m in "${XEN_KMODS[@]}" "${DRIVER_KMODS[@]}"; do
    f=$(find "$x/root/lib/modules" -name "$m.ko" -o -name "$m.ko.xz" | awk 'NR==1')
    [ -n "$f" ] || die "kernel module $m not found in $pkg"
    cp "$f" "$x/out/xen-modules/"
  done
  printf '%s\n' "${XEN_KMODS[@]}" >"$x/out/xen-modules/load-order"
  mv "$x/out" "$CACHE/linux"; rm -rf "$x"
  stamp_write linux "$pkg $(dpkg-deb -f "$(deb_of "$DEBS/linux" "$pkg")" Version)"
}

step_busybox() {
  rm -rf "$DEBS/busybox" "$CACHE/busybox"
  apt_download "$DEBS/busybox" busybox-static:arm64
  local x="$CACHE/busybox.tmp"; rm -rf "$x"; mkdir -p "$x/out"
  dpkg-deb -x "$(deb_of "$DEBS/busybox" busybox-static)" "$x/root"
  cp "$x/root/bin/busybox" "$x/out/busybox"
  mv "$x/out" "$CACHE/busybox"; rm -rf "$x"
  stamp_write busybox "busybox-static $(dpkg-deb -f "$(deb_of "$DEBS/busybox" busybox-static)" Version)"
}

step_xen_debian() {
  local pkg="xen-hypervisor-$XEN_SERIES-arm64"
  rm -rf "$DEBS/xen-debian" "$CACHE/xen-debian"
  apt_download "$DEBS/xen-debian" "$pkg:arm64"
  local x="$CACHE/xen-debian.tmp"; rm -rf "$x"; mkdir -p "$x/out"
  dpkg-deb -x "$(deb_of "$DEBS/xen-debian" "$pkg")" "$x/root"
  cp "$x/root/boot/xen-$XEN_SERIES-arm64" "$x/out/xen"
  cp "$x/root/boot/xen-$XEN_SERIES-arm64.config" "$x/out/xen.config"
  mv "$x/out" "$CACHE/xen-debian"; rm -rf "$x"
  stamp_write xen-debian "$pkg $(dpkg-deb -f "$(deb_of "$DEBS/xen-debian" "$pkg")" Version)"
}

# Copies a binary and, recursively, every shared library it needs (DT_NEEDED) from the
# extracted packages in $1 into the root $2, keeping paths. Fails if a library is missing.
copy_with_libs() {
  local from="$1" to="$2"; shift 2
  local queue=("$@") seen=" " f n p
  while [ ${#queue[@]} -gt 0 ]; do
    f="${queue[0]}"; queue=("${queue[@]:1}")
    mkdir -p "$to/$(dirname "$f")"
    cp -a "$from/$f" "$to/$f"
    if [ -L "$from/$f" ]; then # the symlink and its target
      p=$(dirname "$f")/$(readlink "$from/$f")
      queue+=("$p"); continue
    fi
    for n in $(readelf -d "$from/$f" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
      [[ "$seen" == *" $n "* ]] && continue
      seen+="$n "
      p=$(cd "$from" && find lib usr/lib -name "$n" \( -type f -o -type l \) 2>/dev/null | awk 'NR==1')
      [ -n "$p" ] || die "xen-tools: $n (needed by $f) is in none of: ${XEN_TOOLS_PACKAGES[*]}"
      queue+=("$p")
    done
  done
}

step_xen_tools() {
  rm -rf "$DEBS/xen-tools" "$CACHE/xen-tools"
  local pkgs=() p
  for p in "${XEN_TOOLS_PACKAGES[@]}"; do pkgs+=("$p:arm64"); done
  apt_download "$DEBS/xen-tools" "${pkgs[@]}"
  # the hotplug scripts at the version of the xen-utils just downloaded
  local xv; xv=$(dpkg-deb -f "$(deb_of "$DEBS/xen-tools" "xen-utils-$XEN_SERIES")" Version)
  apt_download "$DEBS/xen-tools" "$XEN_SCRIPTS_PACKAGE:arm64=$xv"
  local x="$CACHE/xen-tools.tmp"; rm -rf "$x"; mkdir -p "$x/all" "$x/out/root"
  for p in "${XEN_TOOLS_PACKAGES[@]}" "$XEN_SCRIPTS_PACKAGE"; do dpkg-deb -x "$(deb_of "$DEBS/xen-tools" "$p")" "$x/all"; done
  local bins=() b
  for b in "${XEN_TOOLS_BINS[@]}"; do bins+=("usr/lib/xen-$XEN_SERIES/bin/$b"); done
  copy_with_libs "$x/all" "$x/out/root" "${bins[@]}" usr/bin/xenstore bin/bash lib/ld-linux-aarch64.so.1 lib/aarch64-linux-gnu/libgcc_s.so.1
  [ -x "$x/all/etc/xen/scripts/vif-bridge" ] || die "xen-tools: $XEN_SCRIPTS_PACKAGE has no /etc/xen/scripts/vif-bridge"
  mkdir -p "$x/out/root/etc/xen"
  cp -a "$x/all/etc/xen/scripts" "$x/out/root/etc/xen/scripts"
  mkdir -p "$x/out/root/usr/sbin"
  for b in "${XENSTORE_CMDS[@]}"; do ln -s xenstore "$x/out/root/usr/bin/$b"; done
  for b in "${XEN_TOOLS_BINS[@]}"; do ln -s "../lib/xen-$XEN_SERIES/bin/$b" "$x/out/root/usr/sbin/$b"; done
  mv "$x/out" "$CACHE/xen-tools"; rm -rf "$x"
  stamp_write xen-tools "xen-utils-$XEN_SERIES $xv $XEN_SCRIPTS_PACKAGE $(dpkg-deb -f "$(deb_of "$DEBS/xen-tools" "$XEN_SCRIPTS_PACKAGE")" Version) bash $(dpkg-deb -f "$(deb_of "$DEBS/xen-tools" bash)" Version)"
}

# Debian's archive may list a source version it no longer serves (security updates): try the
# xen 4.17 source versions apt knows, newest first, until one downloads.
step_xen_source() {
  local d="$CACHE/xen-source"
  rm -rf "$d" "$d.tmp"; mkdir -p "$d.tmp/dl"
  local v got=
  for v in $(apt-cache showsrc xen | sed -n 's/^Version: //p' | grep "^$XEN_SERIES\." | sort -uVr); do
    log "xen-source: trying xen=$v"
    if (cd "$d.tmp/dl" && apt-get "${APT_OPTS[@]}" source --download-only "xen=$v" >&2 2>"$d.tmp/err"); then
      got="$v"; break
    fi
    grep -E '^E:' "$d.tmp/err" | head -2 | sed 's/^/[assets]   /' >&2 || true
    rm -f "$d.tmp/dl"/*
  done
  [ -n "$got" ] || die "no xen $XEN_SERIES source version could be downloaded"
  log "xen-source: got xen=$got"
  (cd "$d.tmp/dl" && dpkg-source --no-check -x ./*.dsc ../src >&2)
  mv "$d.tmp" "$d"
  stamp_write xen-source "xen $got"
}

step_xen_features() {
  local src="$CACHE/xen-source/src/xen" b="$CACHE/xen-features.tmp"
  rm -rf "$b" "$CACHE/xen-features"
  # Build out of tree so the source stays pristine and a rebuild starts clean.
  mkdir -p "$b/build" "$b/out"
  cp "$CACHE/xen-debian/xen.config" "$b/build/.config"
  printf '%s\n' "${XEN_FEATURE_OPTIONS[@]}" >>"$b/build/.config"
  local mk=(make -C "$src" O="$b/build" XEN_TARGET_ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-)
  "${mk[@]}" olddefconfig >"$b/build.log" 2>&1 || { tail -30 "$b/build.log" >&2; die "xen olddefconfig failed"; }
  local o
  for o in "${XEN_FEATURE_OPTIONS[@]}"; do
    grep -qx "$o" "$b/build/.config" || die "xen-features: $o did not survive olddefconfig"
  done
  "${mk[@]}" -j"$(nproc)" >>"$b/build.log" 2>&1 || { tail -40 "$b/build.log" >&2; die "xen build failed (log: $b/build.log)"; }
  cp "$b/build/xen" "$b/out/xen"
  cp "$b/build/.config" "$b/out/xen.config"
  cp "$b/build.log" "$b/out/build.log"
  mv "$b/out" "$CACHE/xen-features"; rm -rf "$b"
  stamp_write xen-features "$(cat "$STAMPS/xen-source") ${XEN_FEATURE_OPTIONS[*]}"
}

run_item() { # run_item NAME FUNCTION [DEPENDS-ON...]
  local name="$1" fn="$2"; shift 2
  local dep
  for dep in "$@"; do # a refreshed dependency refreshes its dependants
    [[ "$REFRESH" == *" $dep "* ]] && REFRESH+="$name "
  done
  if stamp_ok "$name"; then
    log "$name: cached ($(cat "$STAMPS/$(stamp_name "$name")"))"
    TIMINGS+=("$name cached")
    return 0
  fi
  rm -f "$STAMPS/$(stamp_name "$name")"
  timed "$name" "$fn"
}

exec 9>"$CACHE/.lock"
flock 9

T0=$(now)
timed "host prerequisites" prepare_host
run_item linux step_linux
run_item busybox step_busybox
run_item xen-debian step_xen_debian
run_item xen-tools step_xen_tools
run_item xen-source step_xen_source
# the feature build is redone when its option list (or the source it was built from) changes
if [ -f "$STAMPS/xen-features" ] && [ -f "$STAMPS/xen-source" ] \
   && [ "$(cat "$STAMPS/xen-features")" != "$(cat "$STAMPS/xen-source") ${XEN_FEATURE_OPTIONS[*]}" ]; then
  log "xen-features: options or source changed, rebuilding"
  REFRESH+="xen-features "
fi
run_item xen-features step_xen_features xen-source xen-debian

OUT=(
  "XEN_DEBIAN=$CACHE/xen-debian/xen"
  "XEN_DEBIAN_CONFIG=$CACHE/xen-debian/xen.config"
  "XEN_FEATURES=$CACHE/xen-features/xen"
  "XEN_FEATURES_CONFIG=$CACHE/xen-features/xen.config"
  "LINUX_IMAGE=$CACHE/linux/Image"
  "LINUX_XEN_MODULES=$CACHE/linux/xen-modules"
  "BUSYBOX=$CACHE/busybox/busybox"
  "XEN_TOOLS_ROOT=$CACHE/xen-tools/root"
  "XEN_HOTPLUG_SCRIPTS=$CACHE/xen-tools/root/etc/xen/scripts"
  "UBOOT_QEMU_ARM64=/usr/lib/u-boot/qemu_arm64/u-boot.bin"
  "CACHE_DIR=$CACHE"
)
for kv in "${OUT[@]}"; do
  [ -e "${kv#*=}" ] || die "expected output is missing: ${kv#*=}"
done
printf '%s\n' "${OUT[@]}" >"$CACHE/assets.env.tmp"
mv "$CACHE/assets.env.tmp" "$CACHE/assets.env"
TOTAL=$(awk -v a="$T0" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}')
log "timings: $(IFS=';'; echo "${TIMINGS[*]}"); total ${TOTAL}s"
printf '%s\n' "${OUT[@]}"
