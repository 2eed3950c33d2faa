#!/bin/busybox sh
# Tessera marker init: prints TESS-<KIND> name=<domain> lines on the console, each below 100 characters (Xen relays a
# domU's console in 128-byte chunks). Every kind it and hook.sh print is registered in MarkerKind.java.
# Linux hands unknown key=value boot arguments to /init as environment variables; this script reads:
#   guest=NAME              the domain's name, repeated in every marker line
#   tess_iomem=1            print each System RAM line of /proc/iomem (IOMEM)
#   tess_dt=/a,/b           print whether each node exists under /proc/device-tree (DT)
#   tess_dom0=1             dom0: with the Xen tools included, load the Xen driver modules, mount xenfs, start
#                           xenstored, run xen-init-dom0 and init-dom0less (XL)
#   tess_xl=a,b+c           (dom0 with the tools) run xl with each argument list, + standing for a space (XLOUT)
#   tess_xencmd=1           (dom0 with the tools) print Xen's command line from xl info in numbered pieces (XENCMD)
#   tess_poweroff_after=N   wait N seconds after DONE, then poweroff -f (in dom0 Xen, and so QEMU, exits)
# /tess/hook (hook.sh, when the initramfs has it) is sourced before DONE, with m and NAME defined; its own
# tess_* arguments are described there.
/bin/busybox mkdir -p /proc /sys /dev /tmp /run /sbin /usr/bin /usr/sbin \
  /var/run /var/log /var/lib
/bin/busybox --install -s
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
NAME="${guest:-unnamed}"
m() { echo "TESS-$1 name=$NAME${2:+ $2}" | cut -c1-99; }
m UP
m MEM "kib=$(sed -n 's/^MemTotal: *\([0-9]*\) kB$/\1/p' /proc/meminfo)"
m CPUS "n=$(grep -c '^processor' /proc/cpuinfo)"
if [ "${tess_iomem:-0}" = 1 ]; then
  grep ': System RAM$' /proc/iomem | sed 's/^ *//' | while read -r l; do m IOMEM "$l"; done
fi
if [ -n "${tess_dt:-}" ]; then
  for p in $(echo "$tess_dt" | tr ',' ' '); do
    if [ -e "/proc/device-tree$p" ]; then m DT "present $p"; else m DT "absent $p"; fi
  done
fi
if [ "${tess_dom0:-0}" = 1 ] && [ -x /usr/sbin/xl ]; then
  for k in $(cat /lib/modules/xen/load-order 2>/dev/null); do
    insmod "/lib/modules/xen/$k.ko" 2>/dev/null
  done
  mkdir -p /proc/xen /var/run/xenstored /var/lib/xenstored /var/log/xen /var/lib/xen \
    /var/run/xen /etc/xen
  [ -e /etc/xen/xl.conf ] || : > /etc/xen/xl.conf
  mount -t xenfs xenfs /proc/xen 2>/dev/null
  if xenstored --pid-file /var/run/xenstored.pid >/tmp/xenstored.log 2>&1 \
     && xen-init-dom0 >/tmp/xen-init-dom0.log 2>&1; then
    init-dom0less >/tmp/init-dom0less.log 2>&1
    m XL ready
  else
    m XL "failed $(tail -n 1 /tmp/xenstored.log /tmp/xen-init-dom0.log | tr '\n' ' ')"
  fi
  if [ "${tess_xencmd:-0}" = 1 ]; then
    # Xen's command line as Xen kept it, in numbered pieces a marker line can hold: "N[piece]"
    xl info | sed -n 's/^xen_commandline *: //p' | fold -w 60 | { i=0; while IFS= read -r l; do m XENCMD "$i[$l]"; i=$((i+1)); done; }
  fi
  if [ -n "${tess_xl:-}" ]; then
    for c in $(echo "$tess_xl" | tr ',' ' '); do
      xl $(echo "$c" | tr '+' ' ') 2>&1 | tr -s ' \t' ' ' | while read -r l; do
        m XLOUT "$l"
      done
    done
  fi
fi
if [ -r /tess/hook ]; then . /tess/hook; fi
m DONE
if [ -n "${tess_poweroff_after:-}" ]; then
  sleep "$tess_poweroff_after"
  poweroff -f
fi
while true; do sleep 3600; done
