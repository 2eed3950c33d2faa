#!/bin/bash
# Boots a scheduling test system under the harness's feature Xen 4.17 in QEMU (TCG, 2 CPUs): dom0 in Pool-0 on
# CPU 0, the scheduled domains in a boot-time cpupool on CPU 1, each burning its vCPU. dom0 applies a schedule
# (or not), then measures every domain's share of the CPU from Xen's cpu_time (dom0-hook.sh).
#
#   applier/e2e/boot.sh MODE OUTDIR
#   MODE  arinc       ARINC 653 pool, dom0 runs tessera-sched apply on examples/seed-5-6-10.sched
#         arinc-keep  the same with --keep-handles (the domains keep Xen's all-zero handle)
#         arinc-none  no schedule (negative control)
#         rtds        RTDS pool, dom0 runs xl sched-rtds: domain 1 2 ms / 10 ms, domain 2 5 ms / 10 ms, no extratime
#         rtds-extra  the same with extratime on
#         rtds-x10    20 ms / 100 ms and 50 ms / 100 ms, no extratime (same shares, a tenth of the switches)
#         rtds-none   Xen's RTDS defaults (negative control)
#   env   WINDOWS (6) measurement windows of WINDOW (20) seconds; TIMEOUT (900) seconds for the whole boot;
#         SCHEDULE the schedule file for the arinc modes (default ../examples/seed-5-6-10.sched);
#         CLOCK=icount: QEMU's clock counts instructions (-icount shift=auto, single-threaded TCG) instead of
#         following the host's clock, so the time the host takes QEMU's threads off the CPU is not guest time;
#         BURNER=bare: the scheduled domains run burner.S (a branch to itself) instead of Linux with the marker
#         initramfs and a busy loop, so they burn from their first instruction and never block
#
# It uses the project's own generator and marker initramfs: `tessera boot --marker --route direct --keep` writes
# host.dtb and the initramfs (QEMU is stopped after a second), then this script adds tessera-sched, the schedule
# and the hook snippets to the initramfs, adds boot arguments in host.dtb with fdtput, and runs QEMU itself the way
# the harness's direct route does (QemuBoot.DEFAULT_MACHINE, -kernel xen -dtb host.dtb, one loader per module).
# Results: OUTDIR/serial.log, OUTDIR/timed.log (host time before every line), OUTDIR/shares.txt.
set -euo pipefail
mode=${1:?usage: boot.sh MODE OUTDIR}
out=${2:?usage: boot.sh MODE OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
applier=$(cd "$here/.." && pwd)
wt=$(cd "$applier/.." && pwd)
# shellcheck disable=SC1090
. "${ASSETS_ENV:-$HOME/.cache/tessera/e2e/assets.env}"
windows=${WINDOWS:-6}
window=${WINDOW:-20}
timeout=${TIMEOUT:-900}
schedule=${SCHEDULE:-$applier/examples/seed-5-6-10.sched}
burner=${BURNER:-linux}
case "$burner" in linux|bare) ;; *) echo "boot.sh: BURNER is linux or bare" >&2; exit 2 ;; esac
case "${CLOCK:-host}" in
  host)   accel=(-accel tcg,thread=multi) ;;
  icount) accel=(-accel tcg,thread=single -icount "shift=${ICOUNT_SHIFT:-auto}") ;;
  *) echo "boot.sh: CLOCK is host or icount" >&2; exit 2 ;;
esac

case "$mode" in
  arinc)      system=arinc653; dom0args="tess_sched=arinc tess_pool=1" ;;
  arinc-keep) system=arinc653; dom0args="tess_sched=arinc-keep tess_pool=1" ;;
  arinc-none) system=arinc653; dom0args="tess_sched=none" ;;
  rtds)       system=rtds; dom0args="tess_sched=rtds tess_rtds=1:10000:2000:0,2:10000:5000:0" ;;
  rtds-extra) system=rtds; dom0args="tess_sched=rtds tess_rtds=1:10000:2000:1,2:10000:5000:1" ;;
  rtds-x10)   system=rtds; dom0args="tess_sched=rtds tess_rtds=1:100000:20000:0,2:100000:50000:0" ;;
  rtds-none)  system=rtds; dom0args="tess_sched=none tess_rtdsshow=1" ;;
  *) echo "boot.sh: unknown mode $mode" >&2; exit 2 ;;
esac
dom0args="$dom0args tess_windows=$windows tess_window=$window tess_poweroff_after=3"

jar="$wt/cli/target/tessera.jar"
[ -f "$jar" ] || { echo "boot.sh: build the CLI first: ./mvnw -q -B -ntp package -DskipTests -pl cli -am" >&2; exit 2; }
make -s -C "$applier" >/dev/null
sched_bin="$applier/build/bookworm/tessera-sched"

rm -rf "$out"
mkdir -p "$out"
keep="$out/keep"
# 1. the generator and the harness: host.dtb, dom0's and the domains' initramfs (QEMU stops at the timeout)
java -jar "$jar" boot --marker --route direct --timeout 1 --keep "$keep" "$here/$system.tess" >"$out/generate.log" 2>&1 || true
dtb="$out/host.dtb"
cp "$keep/out/host.dtb" "$dtb"

repack() { # DIR OUT
  (cd "$1" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) | gzip -9 > "$2"
}
reg() { # NODE -> "ADDRESS SIZE" (hex, no 0x)
  set -- $(fdtget -t x "$dtb" "$1" reg)
  echo "$2 $4"
}

# 2. dom0's initramfs: + tessera-sched, the schedule, dom0-hook.sh; padded to the size planned in host.dtb
rm -rf "$out/dom0-root" && mkdir -p "$out/dom0-root"
(cd "$out/dom0-root" && { gzip -dc < "$keep/files/tess-dom0.cpio.gz" 2>/dev/null || true; } | cpio -idm --quiet)
[ -x "$out/dom0-root/init" ] || { echo "boot.sh: could not unpack dom0's initramfs" >&2; exit 1; }
install -D -m 755 "$sched_bin" "$out/dom0-root/usr/sbin/tessera-sched"
install -D -m 644 "$schedule" "$out/dom0-root/etc/tessera/schedule"
cat "$here/dom0-hook.sh" >> "$out/dom0-root/tess/hook"
repack "$out/dom0-root" "$out/dom0.cpio.gz"
read -r d0addr d0size < <(reg /chosen/dom0-ramdisk)
[ "$(stat -c %s "$out/dom0.cpio.gz")" -le $((16#$d0size)) ] || { echo "boot.sh: dom0's initramfs outgrew its slot" >&2; exit 1; }
truncate -s $((16#$d0size)) "$out/dom0.cpio.gz"
rm -rf "$out/dom0-root"
fdtput -t s "$dtb" /chosen/dom0-kernel bootargs "$(fdtget -t s "$dtb" /chosen/dom0-kernel bootargs) $dom0args"

# 3. the scheduled domains' initramfs: + domu-hook.sh (burn); their ramdisk size and boot arguments in host.dtb
rm -rf "$out/domu-root" && mkdir -p "$out/domu-root"
(cd "$out/domu-root" && gzip -dc < "$keep/files/tess-initrd.cpio.gz" | cpio -idm --quiet)
cat "$here/domu-hook.sh" >> "$out/domu-root/tess/hook"
repack "$out/domu-root" "$out/domu.cpio.gz"
rm -rf "$out/domu-root"
domus=$(for n in $(fdtget -l "$dtb" /chosen); do
  [ "$(fdtget -t s "$dtb" "/chosen/$n" compatible 2>/dev/null)" = "xen,domain" ] && echo "$n"; done)
loaders=()
declare -A seen=()
add_loader() { # FILE ADDRESS
  [ -n "${seen[$2]:-}" ] && return 0
  seen[$2]=1
  loaders+=(-device "loader,file=$1,addr=0x$2,force-raw=on")
}
read -r kaddr _ < <(reg /chosen/dom0-kernel)
add_loader "$LINUX_IMAGE" "$kaddr"
add_loader "$out/dom0.cpio.gz" "$d0addr"
for n in $domus; do
  read -r kaddr _ < <(reg "/chosen/$n/kernel")
  read -r raddr _ < <(reg "/chosen/$n/ramdisk")
  fdtput -t x "$dtb" "/chosen/$n/ramdisk" reg 0 "$raddr" 0 "$(printf %x "$(stat -c %s "$out/domu.cpio.gz")")"
  fdtput -t s "$dtb" "/chosen/$n/kernel" bootargs "$(fdtget -t s "$dtb" "/chosen/$n/kernel" bootargs) tess_burn=1"
  add_loader "$LINUX_IMAGE" "$kaddr"
  add_loader "$out/domu.cpio.gz" "$raddr"
done
# the bare burner: one loaded copy at a free address below the DTB QEMU puts at 0x48000000 (the modules end
# below 0x44000000 and dom0's initramfs starts at 0x48200000), named by every scheduled domain's kernel node
if [ "$burner" = bare ]; then
  aarch64-linux-gnu-gcc -c -o "$out/burner.o" "$here/burner.S"
  aarch64-linux-gnu-objcopy -O binary "$out/burner.o" "$out/burner.img"
  for n in $domus; do
    fdtput -t x "$dtb" "/chosen/$n/kernel" reg 0 46000000 0 "$(printf %x "$(stat -c %s "$out/burner.img")")"
  done
  add_loader "$out/burner.img" 46000000
fi
dtc -I dtb -O dts -o "$out/host.dts" "$dtb" 2>/dev/null

# 4. QEMU as the harness's direct route runs it; every console line gets the host time in front
qemu=(qemu-system-aarch64 -machine virt,virtualization=on,gic-version=3 -cpu cortex-a57 -smp 2 -m 2048
      "${accel[@]}" -nographic -net none -monitor none -no-reboot -serial stdio
      -kernel "$XEN_FEATURES" -dtb "$dtb" "${loaders[@]}")
printf '%q ' "${qemu[@]}" > "$out/qemu-cmd.sh"; echo >> "$out/qemu-cmd.sh"
mkfifo "$out/console"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$EPOCHREALTIME
(while IFS= read -r l; do printf '%s %s\n' "$EPOCHREALTIME" "$l"; done < "$out/console" > "$out/timed.log") &
reader=$!
"${qemu[@]}" < /dev/null > "$out/console" 2> "$out/qemu.err" &
qpid=$!
echo "boot.sh: $mode: QEMU $qpid started at $(date -u +%H:%M:%S), log $out/timed.log"
result=timeout
for _ in $(seq 1 $((timeout / 2))); do
  if ! kill -0 "$qpid" 2>/dev/null; then result=exited; break; fi
  if grep -qa "TESS-MEASURED" "$out/timed.log"; then result=measured; break; fi
  if grep -qa -e "Panic on CPU" -e "Kernel panic" -e "TESS-SCHEDERR" "$out/timed.log"; then result=failed; break; fi
  sleep 2
done
# dom0 powers off 3 s after its last marker, which stops Xen and QEMU; stop QEMU ourselves otherwise
for _ in $(seq 1 15); do kill -0 "$qpid" 2>/dev/null || break; sleep 1; done
kill "$qpid" 2>/dev/null || true
wait "$qpid" 2>/dev/null || true
wait "$reader" 2>/dev/null || true
rm -f "$out/console"
cut -d' ' -f2- "$out/timed.log" > "$out/serial.log"

# 5. what happened: boot times (seconds after QEMU started) and the measured shares
{
  echo "mode=$mode schedule=$(basename "$schedule") clock=${CLOCK:-host} burner=$burner result=$result windows=$windows window=${window}s"
  echo "host load average (1, 5, 15 min) before: $load_before  after: $(cut -d' ' -f1-3 /proc/loadavg)"
  awk -v s="$start" '
    / TESS-(UP|DONE|SCHED|MEASURED) / || /TESS-XL name=dom0 ready/ {
      line = $0; sub(/^[^ ]+ /, "", line); printf "%7.1f s  %s\n", $1 - s, substr(line, 1, 150) }' "$out/timed.log"
  grep -a "TESS-SHARE" "$out/serial.log" | sed 's/.*TESS-SHARE name=dom0 //'
} > "$out/shares.txt"
cat "$out/shares.txt"
[ "$result" = measured ]
