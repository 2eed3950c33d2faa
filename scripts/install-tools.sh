#!/usr/bin/env bash
# Installs the external tools Tessera uses, from Debian's packages, when they are missing:
#   dtc, fdtget (device-tree-compiler)  - compile and read back every device tree Tessera emits
#   mkimage     (u-boot-tools)          - wrap boot.cmd into boot.scr
#   cpp         (cpp)                   - preprocess kernel .dts files for tessera board import
#   m4, checkpolicy (m4, checkpolicy)   - compile the FLASK policy of a system with 'xsm flask'
# With --boot also what the QEMU boot tests need (QEMU, U-Boot for QEMU, firmware, cpio, mtools, a cross
# compiler for building Xen). With --eclipse also what the Eclipse plugin's UI tests need (editors/eclipse/build.sh):
# a virtual X server (xvfb, xauth: xvfb-run) and GTK 3 for SWT.
# Options combine (--boot --eclipse). Safe to run again: it installs nothing that is already there.
set -euo pipefail

want=(device-tree-compiler:dtc u-boot-tools:mkimage)
want+=(cpp:cpp)   # tessera board import preprocesses a .dts as the kernel does
want+=(m4:m4 checkpolicy:checkpolicy)   # a system with xsm flask: its policy, compiled against Xen's sources
for option in "$@"; do
  case "$option" in
    --boot)
      want+=(qemu-system-arm:qemu-system-aarch64 u-boot-qemu:/usr/lib/u-boot/qemu_arm64/u-boot.bin
             ipxe-qemu:/usr/lib/ipxe/qemu/efi-virtio.rom cpio:cpio mtools:mcopy dosfstools:mkfs.vfat
             qemu-efi-aarch64:/usr/share/AAVMF/AAVMF_CODE.fd) ;;
    --eclipse)
      want+=(xvfb:xvfb-run xauth:xauth libgtk-3-0:/usr/share/doc/libgtk-3-0/copyright) ;;
    *) echo "install-tools: unknown option $option (--boot, --eclipse)" >&2; exit 2 ;;
  esac
done

missing=()
for entry in "${want[@]}"; do
  pkg="${entry%%:*}"; probe="${entry#*:}"
  if [[ "$probe" == /* ]]; then [ -e "$probe" ] || missing+=("$pkg")
  else command -v "$probe" >/dev/null 2>&1 || missing+=("$pkg"); fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-tools: missing packages (${missing[*]}) and no apt-get here: install them with your package manager" >&2
  exit 2
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-tools: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
