#!/usr/bin/env bash
# Prepares what the end-to-end boot tests need, in a cache directory:
#   - Debian's arm64 Xen 4.17 hypervisor (xen-hypervisor-4.17-arm64),
#   - a Xen hypervisor built from Debian's own xen source package with the embedded
#     features (static memory, static shared memory, boot-time cpupools, null/RTDS/ARINC 653),
#   - the arm64 Linux kernel Image of linux-image-cloud-arm64 (and its Xen driver modules),
#   - busybox-static:arm64,
#   - a minimal root of the arm64 Xen tools (xl, xenstored, ...) and the libraries they load, with
#     Xen's hotplug scripts (/etc/xen/scripts, from xen-utils-common) and the bash they run under;
# and, beyond those (item groups xen420 and arm32, see --items):
#   - Debian 13 (trixie)'s arm64 Xen 4.20 hypervisor, a minimal root of trixie's arm64 Xen 4.20 tools, and a
#     Xen 4.20 with the embedded features (and LLC cache colouring) built from trixie's xen source package,
#   - for 32-bit Arm (armhf, Debian 12): Xen 4.17, the armmp-lpae kernel zImage and its Xen modules,
#     busybox-static and a minimal root of the Xen 4.17 tools;
#   - for the real-time boots (group rt): dom0-tools/tessera-sched cross-built for arm64 against Debian 12's libxen
#     (Xen 4.17) and a bare CPU burner image for the partitions.
# Everything comes from Debian's archive through apt-get download / apt-get source --download-only.
# Trixie is only downloaded from, never installed from: its apt entry is pinned to priority -1.
# Each item has a stamp file; an item whose stamp exists is skipped. The last lines on stdout are
# KEY=path lines (also written to <cache>/assets.env); progress and timings go to stderr.
#
# Exit codes: 0 ready, 1 failed, 2 host prerequisites missing and not installable (not root / not Debian).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: e2e/assets.sh [--cache DIR] [--items GROUPS] [--refresh ITEM]... [--list-missing]
  --cache DIR      cache directory (default ${TESSERA_CACHE:-$HOME/.cache/tessera}/e2e)
  --items GROUPS   comma-separated item groups to prepare (default: base,xen420,arm32,rt):
                     base             linux busybox xen-debian xen-tools xen-source xen-features (Xen 4.17, arm64)
                     xen420           xen-debian-4.20 xen-tools-4.20 (Xen 4.20 arm64 binaries from trixie)
                     xen420-features  xen-source-4.20 xen-features-4.20 (a 4.20 feature build from trixie's xen
                                      source package; not in the default: trixie's archive lists a source version
                                      it does not serve today)
                     arm32            linux-armhf busybox-armhf xen-debian-armhf xen-tools-armhf (Xen 4.17, armhf)
                     rt               tessera-sched (dom0-tools/tessera-sched for arm64 against Debian 12's libxen
                                      4.17, and the CPU burner the real-time boots run as partitions)
                     all              all of them
                   base is always prepared; the keys of every item already in the cache are listed whatever
                   the selection
  --refresh ITEM   redo one item even if its stamp exists (any item name above)
  --list-missing   only print which host prerequisites are missing (exit 2 if any)
EOF
}

CACHE="${TESSERA_CACHE:-$HOME/.cache/tessera}/e2e"
REFRESH=" "
LIST_MISSING=0
GROUPS_ARG=base,xen420,arm32,rt
while [ $# -gt 0 ]; do
  case "$1" in
    --cache) CACHE="$2"; shift 2 ;;
    --items) GROUPS_ARG="$2"; shift 2 ;;
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

# --- group xen420: Xen 4.20 for arm64 from Debian 13 (trixie), downloaded only (see TRIXIE_* below)
XEN420_SERIES=4.20
# trixie's Xen tools: the same binaries; their libraries by DT_NEEDED from these trixie packages (trixie's own glibc:
# the root runs in an arm64 initramfs, never on the host, and must be self-consistent)
XEN420_TOOLS_PACKAGES=(
  "xen-utils-$XEN420_SERIES" "libxenmisc$XEN420_SERIES" libxenstore4 libxengnttab1 libxenforeignmemory1
  libxencall1 libxenevtchn1 libxentoollog1 libxentoolcore1 libxendevicemodel1 libxenhypfs1
  libyajl2 libuuid1 libfdt1 zlib1g libc6 libgcc-s1 xenstore-utils bash libtinfo6
)
# The 4.17 feature options, and LLC cache colouring (xen/common/Kconfig in 4.20: LLC_COLORING, "if EXPERT",
# depends on HAS_LLC_COLORING, which arm64 selects).
XEN420_FEATURE_OPTIONS=("${XEN_FEATURE_OPTIONS[@]}" CONFIG_LLC_COLORING=y)

# --- group arm32: 32-bit Arm (armhf) from Debian 12, the same Xen 4.17 as arm64
ARMHF_XEN_SERIES=4.17
ARMHF_TOOLS_PACKAGES=(
  "xen-utils-$ARMHF_XEN_SERIES" "libxenmisc$ARMHF_XEN_SERIES" libxenstore4 libxengnttab1 libxenforeignmemory1
  libxencall1 libxenevtchn1 libxentoollog1 libxentoolcore1 libxendevicemodel1 libxenhypfs1
  libyajl2 libuuid1 libfdt1 zlib1g libc6 libgcc-s1 xenstore-utils bash libtinfo6
)
UBOOT_QEMU_ARM=/usr/lib/u-boot/qemu_arm/u-boot.bin

# Item groups (--items); base is always prepared.
BASE_ITEMS=(linux busybox xen-debian xen-tools xen-source xen-features)
XEN420_ITEMS=(xen-debian-4.20 xen-tools-4.20 xen-source-4.20 xen-features-4.20)
ARM32_ITEMS=(linux-armhf busybox-armhf xen-debian-armhf xen-tools-armhf)
RT_ITEMS=(tessera-sched)
WANT_XEN420=0 WANT_XEN420_FEATURES=0 WANT_ARM32=0 WANT_RT=0
for g in $(echo "$GROUPS_ARG" | tr ',' ' '); do
  case "$g" in
    base) ;;
    xen420) WANT_XEN420=1 ;;
    xen420-features) WANT_XEN420=1; WANT_XEN420_FEATURES=1 ;; # its build starts from xen-debian-4.20's config
    arm32) WANT_ARM32=1 ;;
    rt) WANT_RT=1 ;;
    all) WANT_XEN420=1; WANT_XEN420_FEATURES=1; WANT_ARM32=1; WANT_RT=1 ;;
    *) echo "assets.sh: unknown item group: $g (base, xen420, xen420-features, arm32, rt, all)" >&2; exit 1 ;;
  esac
done

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
# What apt knows, read once per phase (each apt-cache call builds apt's cache anew: 5-30 s on a busy machine here).
APT_FACTS=
load_apt_facts() {
  APT_FACTS=$(apt-cache policy busybox-static:arm64 busybox-static:armhf "xen-hypervisor-$XEN420_SERIES-arm64:arm64" 2>/dev/null \
    | awk '/^[^ ]/ {p = $1} /Candidate: [0-9]/ {print p, "candidate"} / trixie(-[a-z]+)?\/main/ {print p, "trixie"}' | sort -u)
}
apt_fact() { printf '%s\n' "$APT_FACTS" | grep -x "$1" >/dev/null; }
has_arm64_lists() { apt_fact "busybox-static:arm64: candidate"; }
has_deb_src() { [ -n "$(apt-cache showsrc "xen" 2>/dev/null | sed -n 's/^Version: //p' | grep "^$XEN_SERIES\\." | awk 'NR==1')" ]; }
has_armhf() { dpkg --print-architecture | grep -x armhf >/dev/null || dpkg --print-foreign-architectures | grep -x armhf >/dev/null; }
has_armhf_lists() { apt_fact "busybox-static:armhf: candidate"; }

# Debian 13 (trixie): an apt entry copied from the machine's own Debian entries with the suites renamed
# (bookworm -> trixie, bookworm-updates -> trixie-updates, bookworm-security -> trixie-security), binary and
# source, and a pin of priority -1 on every trixie suite, so apt never installs or upgrades anything from trixie
# on the host: trixie is only for apt-get download / apt-get source --download-only of explicit versions.
TRIXIE_LIST=/etc/apt/sources.list.d/tessera-trixie.sources
TRIXIE_PIN=/etc/apt/preferences.d/tessera-trixie
TRIXIE_PIN_TEXT='Package: *
Pin: release n=trixie*
Pin-Priority: -1'
has_trixie_pin() { [ -r "$TRIXIE_PIN" ] && [ "$(cat "$TRIXIE_PIN")" = "$TRIXIE_PIN_TEXT" ]; }
has_trixie_lists() { apt_fact "xen-hypervisor-$XEN420_SERIES-arm64:arm64: trixie"; }
has_trixie_src() { apt-cache showsrc xen 2>/dev/null | grep "^Version: $XEN420_SERIES\\." >/dev/null; }
write_trixie_entry() {
  local tmp; tmp=$(mktemp)
  printf '%s\n' "$TRIXIE_PIN_TEXT" >"$tmp"; install -m 0644 "$tmp" "$TRIXIE_PIN" # the pin first
  if [ -r /etc/apt/sources.list.d/debian.sources ]; then
    sed -e 's/^Types:.*$/Types: deb deb-src/' \
        -e '/^Suites:/{s/bookworm-security/trixie-security/g;s/bookworm-updates/trixie-updates/g;s/bookworm\b/trixie/g}' \
        /etc/apt/sources.list.d/debian.sources >"$tmp"
  elif [ -r /etc/apt/sources.list ] && grep -qE '^deb ' /etc/apt/sources.list; then
    TRIXIE_LIST=/etc/apt/sources.list.d/tessera-trixie.list
    sed -n 's/^deb \(.*\)$/\1/p' /etc/apt/sources.list \
      | sed -e 's/ bookworm-security / trixie-security /;s/ bookworm-updates / trixie-updates /;s/ bookworm / trixie /' \
      | awk '{print "deb " $0; print "deb-src " $0}' >"$tmp"
  else
    rm -f "$tmp"; die "cannot find the machine's Debian apt entries to derive a trixie entry from"
  fi
  grep -q trixie "$tmp" || { rm -f "$tmp"; die "the machine's Debian apt entries name no bookworm suite to turn into trixie"; }
  install -m 0644 "$tmp" "$TRIXIE_LIST"; rm -f "$tmp"
  log "added $TRIXIE_PIN (priority -1) and $TRIXIE_LIST"
}
# The proof that the pin holds: a simulated upgrade and dist-upgrade of the host take nothing from trixie.
check_trixie_pinned() {
  local bad
  bad=$(apt-get -s -o Debug::NoLocking=1 dist-upgrade 2>/dev/null | grep '^Inst' | grep -E 'trixie|Debian(-Security)?:13' || true)
  [ -z "$bad" ] || die "apt would install from trixie on this host (is $TRIXIE_PIN in force?): $bad"
}

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
  local need_arch=0 need_src=0 need_armhf=0 need_trixie=0 need_lists=0
  all_stamped || load_apt_facts
  if ! base_stamped; then
    has_arm64 || need_arch=1
    has_deb_src || need_src=1
    has_arm64_lists || need_lists=1
  fi
  if ! group_stamped "${XEN420_ITEMS[@]}"; then
    has_arm64 || need_arch=1
    { has_trixie_pin && [ -r "$TRIXIE_LIST" ]; } || need_trixie=1
    { has_trixie_lists && has_trixie_src; } || need_lists=1
  fi
  if ! group_stamped "${ARM32_ITEMS[@]}"; then
    has_armhf || need_armhf=1
    has_armhf_lists || need_lists=1
  fi
  if [ $LIST_MISSING -eq 1 ] || ! is_root; then
    if [ -n "$missing" ] || [ $need_arch -eq 1 ] || [ $need_src -eq 1 ] || [ $need_armhf -eq 1 ] \
       || [ $need_trixie -eq 1 ] || [ $need_lists -eq 1 ]; then
      {
        echo "assets.sh: host prerequisites missing:"
        [ -n "$missing" ] && echo "  packages: $missing"
        [ $need_arch -eq 1 ] && echo "  dpkg foreign architecture arm64 (dpkg --add-architecture arm64)"
        [ $need_armhf -eq 1 ] && echo "  dpkg foreign architecture armhf (dpkg --add-architecture armhf; item group arm32)"
        [ $need_src -eq 1 ] && echo "  a deb-src entry for Debian's archive (for: apt-get source xen)"
        [ $need_trixie -eq 1 ] && echo "  a Debian 13 (trixie) entry pinned to priority -1 (item group xen420: download only)"
        [ $need_lists -eq 1 ] && echo "  package lists (apt-get update)"
        echo "run e2e/assets.sh as root to set these up, or as root:"
        [ $need_arch -eq 1 ] && echo "  dpkg --add-architecture arm64"
        [ $need_armhf -eq 1 ] && echo "  dpkg --add-architecture armhf"
        [ $need_src -eq 1 ] && echo "  sed 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > $SRC_LIST"
        if [ $need_trixie -eq 1 ]; then
          echo "  printf 'Package: *\\nPin: release n=trixie*\\nPin-Priority: -1\\n' > $TRIXIE_PIN"
          echo "  sed -e 's/^Types:.*/Types: deb deb-src/' -e '/^Suites:/{s/bookworm-security/trixie-security/g;s/bookworm-updates/trixie-updates/g;s/bookworm\\b/trixie/g}' /etc/apt/sources.list.d/debian.sources > $TRIXIE_LIST"
        fi
        echo "  apt-get update"
        [ -n "$missing" ] && echo "  apt-get install --no-install-recommends $missing"
        echo "(or prepare fewer item groups: --items base)"
      } >&2
      exit 2
    fi
    [ $LIST_MISSING -eq 1 ] && { echo "assets.sh: no host prerequisite missing" >&2; exit 0; }
    return 0
  fi
  local need_update=$need_lists
  if [ $need_arch -eq 1 ]; then dpkg --add-architecture arm64; log "added dpkg architecture arm64"; need_update=1; fi
  if [ $need_armhf -eq 1 ]; then dpkg --add-architecture armhf; log "added dpkg architecture armhf"; need_update=1; fi
  if [ $need_src -eq 1 ]; then
    [ -e "$SRC_LIST" ] || write_deb_src
    need_update=1
  fi
  if [ $need_trixie -eq 1 ]; then write_trixie_entry; need_update=1; fi
  [ -n "$missing" ] && need_update=1
  if [ $need_update -eq 1 ]; then timed "apt-get update" apt-get "${APT_OPTS[@]}" update >&2; load_apt_facts; fi
  # the proof that the pin holds, once, when the entry was written (a simulated dist-upgrade takes 30-70 s here)
  if [ $need_trixie -eq 1 ]; then
    timed "trixie pin check" check_trixie_pinned; log "trixie pin holds: apt-get -s dist-upgrade takes nothing from trixie"
  fi
  all_stamped && return 0
  if ! base_stamped; then
    has_arm64_lists || die "no arm64 packages visible after apt-get update"
    has_deb_src || die "apt-get showsrc xen finds no $XEN_SERIES version after apt-get update (deb-src entry: $SRC_LIST)"
  fi
  if ! group_stamped "${XEN420_ITEMS[@]}"; then
    has_trixie_lists || die "no trixie packages visible after apt-get update (entry: $TRIXIE_LIST)"
    has_trixie_src || die "apt-get showsrc xen finds no $XEN420_SERIES version after apt-get update (entry: $TRIXIE_LIST)"
  fi
  if ! group_stamped "${ARM32_ITEMS[@]}"; then
    has_armhf_lists || die "no armhf packages visible after apt-get update"
  fi
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
ITEMS=("${BASE_ITEMS[@]}")
[ $WANT_XEN420 -eq 1 ] && ITEMS+=(xen-debian-4.20 xen-tools-4.20)
[ $WANT_XEN420_FEATURES -eq 1 ] && ITEMS+=(xen-source-4.20 xen-features-4.20)
[ $WANT_ARM32 -eq 1 ] && ITEMS+=("${ARM32_ITEMS[@]}")
[ $WANT_RT -eq 1 ] && ITEMS+=("${RT_ITEMS[@]}")
selected() { [[ " ${ITEMS[*]} " == *" $1 "* ]]; }
# group_stamped ITEM... -> true when every one of the items that is selected has its stamp
group_stamped() {
  local i
  for i in "$@"; do selected "$i" || continue; stamp_ok "$i" || return 1; done
}
base_stamped() { group_stamped "${BASE_ITEMS[@]}"; }
all_stamped() { group_stamped "${ITEMS[@]}"; }
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
      [ -n "$p" ] || die "$n (needed by $f) is in none of the packages extracted to $from"
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

# ---------------------------------------------------------------------------------------------
# Items of the groups xen420 and arm32. They share these helpers; the base items above are left as they were.

# deb_of_arch DIR PACKAGE ARCH -> path of the newest downloaded .deb of PACKAGE for ARCH (or all) in DIR
deb_of_arch() {
  local f
  f=$(ls -1 "$1/$2"_*_"$3".deb "$1/$2"_*_all.deb 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$f" ] || die "no .deb of $2 ($3) in $1"
  printf '%s\n' "$f"
}
deb_version() { dpkg-deb -f "$1" Version; }

# download_trixie DIR ARCH PKG... -> downloads each PKG:ARCH at its newest trixie version into DIR
# (one apt-cache call for all: each builds apt's cache anew, 5-10 s here)
download_trixie() {
  local dir="$1" arch="$2"; shift 2
  local specs=() p v table
  table=$(apt-cache madison "${@/%/:$arch}" 2>/dev/null \
    | awk -F'|' '$3 ~ / trixie(-[a-z]+)?\// {gsub(/ /, "", $1); gsub(/ /, "", $2); print $1, $2}' | sort -k1,1 -k2,2V)
  for p in "$@"; do
    v=$(printf '%s\n' "$table" | awk -v p="$p" -v pa="$p:$arch" '$1 == p || $1 == pa {v = $2} END {print v}')
    [ -n "$v" ] || die "trixie lists no $p:$arch (apt-get update with $TRIXIE_LIST?)"
    specs+=("$p:$arch=$v")
  done
  apt_download "$dir" "${specs[@]}"
}

# extract_xen DIR-NAME DEBS-DIR PACKAGE ARCH BOOT-NAME: Xen and its build config from a xen-hypervisor .deb
extract_xen() {
  local name="$1" debs="$2" pkg="$3" arch="$4" boot="$5"
  local x="$CACHE/$name.tmp"; rm -rf "$x"; mkdir -p "$x/out"
  dpkg-deb -x "$(deb_of_arch "$debs" "$pkg" "$arch")" "$x/root"
  cp "$x/root/boot/$boot" "$x/out/xen"
  cp "$x/root/boot/$boot.config" "$x/out/xen.config"
  mv "$x/out" "$CACHE/$name"; rm -rf "$x"
}

step_xen_debian_420() {
  local pkg="xen-hypervisor-$XEN420_SERIES-arm64"
  rm -rf "$DEBS/xen-debian-4.20" "$CACHE/xen-debian-4.20"
  download_trixie "$DEBS/xen-debian-4.20" arm64 "$pkg"
  extract_xen xen-debian-4.20 "$DEBS/xen-debian-4.20" "$pkg" arm64 "xen-$XEN420_SERIES-arm64"
  stamp_write xen-debian-4.20 "$pkg $(deb_version "$(deb_of_arch "$DEBS/xen-debian-4.20" "$pkg" arm64)") (trixie)"
}

# tools_root NAME SERIES ARCH TRIPLET LOADER SOURCE PACKAGE...
#   A root of Xen's tools like the xen-tools item's: SOURCE "trixie" (newest trixie versions) or "default" (the
#   host's candidates, Debian 12). Packages merged into /usr (trixie's) get the two compatibility links a root
#   without /lib and /bin symlinks needs: lib/LOADER (the ELF interpreter path) and bin/bash (the hotplug
#   scripts' #!/bin/bash). The marker initramfs lays the root over its own /lib, /bin, /usr directories.
tools_root() {
  local name="$1" series="$2" arch="$3" triplet="$4" loader="$5" source="$6"; shift 6
  local pkgs=("$@") p
  rm -rf "$DEBS/$name" "$CACHE/$name"
  if [ "$source" = trixie ]; then
    download_trixie "$DEBS/$name" "$arch" "${pkgs[@]}"
  else
    local specs=(); for p in "${pkgs[@]}"; do specs+=("$p:$arch"); done
    apt_download "$DEBS/$name" "${specs[@]}"
  fi
  # the hotplug scripts at exactly the version of the xen-utils just downloaded
  local xv; xv=$(deb_version "$(deb_of_arch "$DEBS/$name" "xen-utils-$series" "$arch")")
  apt_download "$DEBS/$name" "$XEN_SCRIPTS_PACKAGE:$arch=$xv"
  local x="$CACHE/$name.tmp"; rm -rf "$x"; mkdir -p "$x/all/lib" "$x/out/root" # lib/: finds look there
  for p in "${pkgs[@]}" "$XEN_SCRIPTS_PACKAGE"; do dpkg-deb -x "$(deb_of_arch "$DEBS/$name" "$p" "$arch")" "$x/all"; done
  local bins=() b
  for b in "${XEN_TOOLS_BINS[@]}"; do bins+=("usr/lib/xen-$series/bin/$b"); done
  local bash=bin/bash loaderpath libgcc
  [ -e "$x/all/bin/bash" ] || bash=usr/bin/bash
  loaderpath=$(cd "$x/all" && { find lib usr/lib -maxdepth 2 -name "$loader" 2>/dev/null || true; } | sort | awk 'NR==1')
  libgcc=$(cd "$x/all" && { find lib usr/lib -name libgcc_s.so.1 2>/dev/null || true; } | awk 'NR==1')
  [ -n "$loaderpath" ] && [ -n "$libgcc" ] || die "$name: no $loader or libgcc_s.so.1 in ${pkgs[*]}"
  copy_with_libs "$x/all" "$x/out/root" "${bins[@]}" usr/bin/xenstore "$bash" "$loaderpath" "$libgcc"
  local r="$x/out/root"
  if [ ! -e "$r/lib/$loader" ]; then # the interpreter path the binaries ask for (/usr-merged packages lack it)
    local real; real=$(cd "$r" && { find lib usr/lib -name "$loader" -type f 2>/dev/null || true; } | awk 'NR==1')
    [ -n "$real" ] || die "$name: no $loader in the root"
    mkdir -p "$r/lib"; rm -f "$r/lib/$loader"
    ln -s "../$real" "$r/lib/$loader"
  fi
  [ -e "$r/bin/bash" ] || { mkdir -p "$r/bin"; ln -s ../usr/bin/bash "$r/bin/bash"; }
  [ -x "$x/all/etc/xen/scripts/vif-bridge" ] || die "$name: $XEN_SCRIPTS_PACKAGE has no /etc/xen/scripts/vif-bridge"
  mkdir -p "$r/etc/xen" "$r/usr/sbin"
  cp -a "$x/all/etc/xen/scripts" "$r/etc/xen/scripts"
  for b in "${XENSTORE_CMDS[@]}"; do ln -s xenstore "$r/usr/bin/$b"; done
  for b in "${XEN_TOOLS_BINS[@]}"; do ln -s "../lib/xen-$series/bin/$b" "$r/usr/sbin/$b"; done
  # every ELF file's interpreter and libraries are in the root (checked, not assumed)
  local f n i
  while IFS= read -r f; do
    i=$(readelf -l "$f" 2>/dev/null | sed -n 's/.*Requesting program interpreter: \(.*\)\]/\1/p')
    if [ -n "$i" ] && [ ! -f "$(readlink -f "$r/${i#/}")" ]; then die "$name: interpreter $i of ${f#"$r"/} is not in the root"; fi
    for n in $(readelf -d "$f" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
      [ -n "$(cd "$r" && { find lib usr/lib -name "$n" 2>/dev/null || true; } | awk 'NR==1')" ] || die "$name: $n (needed by ${f#"$r"/}) missing from the root"
    done
  done < <(find "$r" -type f -exec sh -c 'head -c4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)
  mv "$x/out" "$CACHE/$name"; rm -rf "$x"
  stamp_write "$name" "xen-utils-$series $xv ($source) $XEN_SCRIPTS_PACKAGE $(deb_version "$(deb_of_arch "$DEBS/$name" "$XEN_SCRIPTS_PACKAGE" "$arch")") libc6 $(deb_version "$(deb_of_arch "$DEBS/$name" libc6 "$arch")") bash $(deb_version "$(deb_of_arch "$DEBS/$name" bash "$arch")")"
}

step_xen_tools_420() {
  tools_root xen-tools-4.20 "$XEN420_SERIES" arm64 aarch64-linux-gnu ld-linux-aarch64.so.1 trixie "${XEN420_TOOLS_PACKAGES[@]}"
}

# xen_source NAME SERIES: apt-get source --download-only of the newest xen SERIES version that downloads, unpacked
xen_source() {
  local name="$1" series="$2" d="$CACHE/$1"
  rm -rf "$d" "$d.tmp"; mkdir -p "$d.tmp/dl"
  local v got=
  for v in $(apt-cache showsrc xen | sed -n 's/^Version: //p' | grep "^$series\." | sort -uVr); do
    log "$name: trying xen=$v"
    if (cd "$d.tmp/dl" && apt-get "${APT_OPTS[@]}" source --download-only "xen=$v" >&2 2>"$d.tmp/err"); then
      got="$v"; break
    fi
    grep -E '^E:' "$d.tmp/err" | head -2 | sed 's/^/[assets]   /' >&2 || true
    rm -f "$d.tmp/dl"/*
  done
  [ -n "$got" ] || die "no xen $series source version could be downloaded (apt lists versions the archive may not serve: see the E: lines above)"
  log "$name: got xen=$got"
  (cd "$d.tmp/dl" && dpkg-source --no-check -x ./*.dsc ../src >&2)
  mv "$d.tmp" "$d"
  stamp_write "$name" "xen $got"
}
step_xen_source_420() { xen_source xen-source-4.20 "$XEN420_SERIES"; }

# xen_features NAME SOURCE-ITEM CONFIG OPTION...: the hypervisor alone, cross-built out of tree from Debian's
# config plus the options, each checked to have survived olddefconfig; keeps config and build log.
xen_features() {
  local name="$1" srcitem="$2" config="$3"; shift 3
  local opts=("$@")
  local src="$CACHE/$srcitem/src/xen" b="$CACHE/$name.tmp"
  rm -rf "$b" "$CACHE/$name"
  mkdir -p "$b/build" "$b/out"
  cp "$config" "$b/build/.config"
  printf '%s\n' "${opts[@]}" >>"$b/build/.config"
  local mk=(make -C "$src" O="$b/build" XEN_TARGET_ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-)
  "${mk[@]}" olddefconfig >"$b/build.log" 2>&1 || { tail -30 "$b/build.log" >&2; die "$name: olddefconfig failed"; }
  local o
  for o in "${opts[@]}"; do
    grep -qx "$o" "$b/build/.config" || die "$name: $o did not survive olddefconfig"
  done
  local t0; t0=$(now)
  "${mk[@]}" -j"$(nproc)" >>"$b/build.log" 2>&1 || { tail -40 "$b/build.log" >&2; die "$name: build failed (log: $b/build.log)"; }
  log "$name: hypervisor built in $(awk -v a="$t0" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}') s"
  cp "$b/build/xen" "$b/out/xen"
  cp "$b/build/.config" "$b/out/xen.config"
  cp "$b/build.log" "$b/out/build.log"
  mv "$b/out" "$CACHE/$name"; rm -rf "$b"
  stamp_write "$name" "$(cat "$STAMPS/$srcitem") ${opts[*]}"
}
step_xen_features_420() {
  xen_features xen-features-4.20 xen-source-4.20 "$CACHE/xen-debian-4.20/xen.config" "${XEN420_FEATURE_OPTIONS[@]}"
}

# --- arm32 (armhf, Debian 12)

step_linux_armhf() {
  local meta=linux-image-armmp-lpae:armhf
  local pkg
  pkg=$(apt-cache depends "$meta" 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*\).*/\1/p' | awk 'NR==1')
  [ -n "$pkg" ] || die "cannot resolve the versioned kernel package from $meta"
  log "linux-armhf: $meta -> $pkg"
  rm -rf "$DEBS/linux-armhf" "$CACHE/linux-armhf"
  apt_download "$DEBS/linux-armhf" "$pkg:armhf"
  local deb; deb=$(deb_of_arch "$DEBS/linux-armhf" "$pkg" armhf)
  local x="$CACHE/linux-armhf.tmp"; rm -rf "$x"; mkdir -p "$x"
  dpkg-deb -x "$deb" "$x/root"
  mkdir -p "$x/out/xen-modules"
  cp "$(ls "$x"/root/boot/vmlinuz-* | awk 'NR==1')" "$x/out/zImage"
  cp "$(ls "$x"/root/boot/config-* | awk 'NR==1')" "$x/out/config"
  # a module of the lists, or built in (CONFIG_...=y: nothing to load), or an error
  local m f sym order=()
  for m in "${XEN_KMODS[@]}" "${DRIVER_KMODS[@]}"; do
    f=$(find "$x/root/lib/modules" -name "$m.ko" -o -name "$m.ko.xz" | awk 'NR==1')
    if [ -n "$f" ]; then
      cp "$f" "$x/out/xen-modules/"
      [[ " ${XEN_KMODS[*]} " == *" $m "* ]] && order+=("$m")
      continue
    fi
    case "$m" in
      xen-evtchn) sym=XEN_DEV_EVTCHN ;; xen-gntdev) sym=XEN_GNTDEV ;; xen-gntalloc) sym=XEN_GRANT_DEV_ALLOC ;;
      xen-privcmd) sym=XEN_PRIVCMD ;; xenfs) sym=XENFS ;; xen-blkback) sym=XEN_BLKDEV_BACKEND ;;
      xen-blkfront) sym=XEN_BLKDEV_FRONTEND ;; loop) sym=BLK_DEV_LOOP ;; xen-netback) sym=XEN_NETDEV_BACKEND ;;
      xen-netfront) sym=XEN_NETDEV_FRONTEND ;; llc) sym=LLC ;; stp) sym=STP ;; bridge) sym=BRIDGE ;; *) sym= ;;
    esac
    [ -n "$sym" ] && grep -qx "CONFIG_$sym=y" "$x/out/config" || die "kernel module $m not found in $pkg (and not built in)"
    log "linux-armhf: $m is built in (CONFIG_$sym=y)"
  done
  printf '%s\n' "${order[@]}" >"$x/out/xen-modules/load-order"
  mv "$x/out" "$CACHE/linux-armhf"; rm -rf "$x"
  stamp_write linux-armhf "$pkg $(deb_version "$deb")"
}

step_busybox_armhf() {
  rm -rf "$DEBS/busybox-armhf" "$CACHE/busybox-armhf"
  apt_download "$DEBS/busybox-armhf" busybox-static:armhf
  local deb; deb=$(deb_of_arch "$DEBS/busybox-armhf" busybox-static armhf)
  local x="$CACHE/busybox-armhf.tmp"; rm -rf "$x"; mkdir -p "$x/out"
  dpkg-deb -x "$deb" "$x/root"
  cp "$x/root/bin/busybox" "$x/out/busybox"
  mv "$x/out" "$CACHE/busybox-armhf"; rm -rf "$x"
  stamp_write busybox-armhf "busybox-static $(deb_version "$deb")"
}

step_xen_debian_armhf() {
  local pkg="xen-hypervisor-$ARMHF_XEN_SERIES-armhf"
  rm -rf "$DEBS/xen-debian-armhf" "$CACHE/xen-debian-armhf"
  apt_download "$DEBS/xen-debian-armhf" "$pkg:armhf"
  extract_xen xen-debian-armhf "$DEBS/xen-debian-armhf" "$pkg" armhf "xen-$ARMHF_XEN_SERIES-armhf"
  stamp_write xen-debian-armhf "$pkg $(deb_version "$(deb_of_arch "$DEBS/xen-debian-armhf" "$pkg" armhf)")"
}

step_xen_tools_armhf() {
  tools_root xen-tools-armhf "$ARMHF_XEN_SERIES" armhf arm-linux-gnueabihf ld-linux-armhf.so.3 default "${ARMHF_TOOLS_PACKAGES[@]}"
}

# --- rt: the dom0 tool that puts ARINC 653 schedules in place, built as a product would build it (its Makefile and
# sysroot.sh: Debian 12's arm64 libxen-dev and C library, fetched with apt-get download, nothing installed), and the bare
# burner (an arm64 Image that branches to itself) the real-time boots run as partitions to measure CPU shares.
TESSERA_SCHED_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../dom0-tools/tessera-sched" && pwd)
TESSERA_SCHED_SOURCES=(tessera-sched.c Makefile sysroot.sh e2e/burner.S)
# the item is rebuilt when its sources change: their hash is in the stamp
tessera_sched_digest() { (cd "$TESSERA_SCHED_DIR" && cat "${TESSERA_SCHED_SOURCES[@]}" | sha256sum | cut -c1-16); }
step_tessera_sched() {
  local x="$CACHE/tessera-sched.tmp"; rm -rf "$x" "$CACHE/tessera-sched"; mkdir -p "$x/out"
  # out of the source tree: the sysroot and the build go into the cache
  make -s -C "$TESSERA_SCHED_DIR" SYSROOT="$x/sysroot" OUT="$x/out/tessera-sched" >&2
  aarch64-linux-gnu-gcc -c -o "$x/burner.o" "$TESSERA_SCHED_DIR/e2e/burner.S"
  aarch64-linux-gnu-objcopy -O binary "$x/burner.o" "$x/out/burner.img"
  # the hypercall interface is per release: the tool must be linked against the libxenctrl dom0 runs (4.17's)
  readelf -d "$x/out/tessera-sched" | grep -q 'libxenctrl.so.4.17' || die "tessera-sched: not linked against libxenctrl 4.17"
  local v; v=$(cat "$x/sysroot/XEN_VERSION")
  mv "$x/out" "$CACHE/tessera-sched"; rm -rf "$x"
  stamp_write tessera-sched "$(tessera_sched_digest) libxen-dev $v"
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

# the feature build of 4.20, like the one of 4.17, is redone when its options or its source change
rebuild_if_changed() { # rebuild_if_changed ITEM SOURCE-ITEM OPTION...
  local item="$1" srcitem="$2"; shift 2
  if [ -f "$STAMPS/$item" ] && [ -f "$STAMPS/$srcitem" ] && [ "$(cat "$STAMPS/$item")" != "$(cat "$STAMPS/$srcitem") $*" ]; then
    log "$item: options or source changed, rebuilding"
    REFRESH+="$item "
  fi
}
if [ $WANT_XEN420 -eq 1 ]; then
  run_item xen-debian-4.20 step_xen_debian_420
  run_item xen-tools-4.20 step_xen_tools_420
fi
if [ $WANT_XEN420_FEATURES -eq 1 ]; then
  run_item xen-source-4.20 step_xen_source_420
  rebuild_if_changed xen-features-4.20 xen-source-4.20 "${XEN420_FEATURE_OPTIONS[@]}"
  run_item xen-features-4.20 step_xen_features_420 xen-source-4.20 xen-debian-4.20
fi
if [ $WANT_ARM32 -eq 1 ]; then
  [ -f "$UBOOT_QEMU_ARM" ] || die "$UBOOT_QEMU_ARM is missing (package u-boot-qemu)"
  run_item linux-armhf step_linux_armhf
  run_item busybox-armhf step_busybox_armhf
  run_item xen-debian-armhf step_xen_debian_armhf
  run_item xen-tools-armhf step_xen_tools_armhf
fi
if [ $WANT_RT -eq 1 ]; then
  if [ -f "$STAMPS/tessera-sched" ] && [ "$(cut -d' ' -f1 "$STAMPS/tessera-sched")" != "$(tessera_sched_digest)" ]; then
    log "tessera-sched: its sources changed, rebuilding"
    REFRESH+="tessera-sched "
  fi
  run_item tessera-sched step_tessera_sched
fi

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
# The keys of the other groups' items, for every such item in the cache (prepared now or by an earlier run),
# whatever --items selected: a run for fewer groups never drops keys that others use.
optional_keys() { # optional_keys ITEM KEY=path...
  local item="$1"; shift
  [ -f "$STAMPS/$(stamp_name "$item")" ] || return 0
  OUT+=("$@")
}
optional_keys xen-debian-4.20 "XEN_DEBIAN_420=$CACHE/xen-debian-4.20/xen" "XEN_DEBIAN_420_CONFIG=$CACHE/xen-debian-4.20/xen.config"
optional_keys xen-tools-4.20 "XEN_TOOLS_ROOT_420=$CACHE/xen-tools-4.20/root" \
  "XEN_HOTPLUG_SCRIPTS_420=$CACHE/xen-tools-4.20/root/etc/xen/scripts"
optional_keys xen-features-4.20 "XEN_FEATURES_420=$CACHE/xen-features-4.20/xen" \
  "XEN_FEATURES_420_CONFIG=$CACHE/xen-features-4.20/xen.config"
optional_keys xen-debian-armhf "XEN_DEBIAN_ARMHF=$CACHE/xen-debian-armhf/xen" \
  "XEN_DEBIAN_ARMHF_CONFIG=$CACHE/xen-debian-armhf/xen.config" "UBOOT_QEMU_ARM=$UBOOT_QEMU_ARM"
optional_keys linux-armhf "LINUX_ZIMAGE_ARMHF=$CACHE/linux-armhf/zImage" "LINUX_XEN_MODULES_ARMHF=$CACHE/linux-armhf/xen-modules"
optional_keys tessera-sched "TESSERA_SCHED=$CACHE/tessera-sched/tessera-sched" "TESSERA_BURNER=$CACHE/tessera-sched/burner.img"
optional_keys busybox-armhf "BUSYBOX_ARMHF=$CACHE/busybox-armhf/busybox"
optional_keys xen-tools-armhf "XEN_TOOLS_ROOT_ARMHF=$CACHE/xen-tools-armhf/root" \
  "XEN_HOTPLUG_SCRIPTS_ARMHF=$CACHE/xen-tools-armhf/root/etc/xen/scripts"
for kv in "${OUT[@]}"; do
  [ -e "${kv#*=}" ] || die "expected output is missing: ${kv#*=}"
done
printf '%s\n' "${OUT[@]}" >"$CACHE/assets.env.tmp"
mv "$CACHE/assets.env.tmp" "$CACHE/assets.env"
TOTAL=$(awk -v a="$T0" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}')
log "timings: $(IFS=';'; echo "${TIMINGS[*]}"); total ${TOTAL}s"
printf '%s\n' "${OUT[@]}"
