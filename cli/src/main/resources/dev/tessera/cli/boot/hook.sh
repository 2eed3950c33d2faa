# Tessera boot harness checks, sourced by the marker initramfs's /init (which defines m and NAME).
# Every check is asked for by a tess_* boot argument that the harness added to the domain's command line.

# Where a passed-through device's node landed, and its first register cells.
if [ -n "${tess_dtreg:-}" ]; then
  for p in $(echo "$tess_dtreg" | tr ',' ' '); do
    if [ -e "/proc/device-tree$p/reg" ]; then
      m DTREG "$p $(hexdump -v -e '1/1 "%02x"' "/proc/device-tree$p/reg")"
    else
      m DTREG "$p absent"
    fi
  done
fi

# Static shared memory: the owner writes a word, a borrower waits until it reads it.
if [ -n "${tess_shmw:-}" ]; then
  devmem "$tess_shmw" 32 0x7e55a11d && m SHM "wrote $tess_shmw"
fi
if [ -n "${tess_shmr:-}" ]; then
  v=none
  for i in $(seq 1 60); do
    v=$(devmem "$tess_shmr" 32 2>/dev/null)
    [ "$v" = "0x7E55A11D" ] && break
    sleep 1
  done
  m SHM "read $tess_shmr $v"
fi

# In a driver domain started with xl (its initramfs has the xl tools): load the backend modules, write the disk
# images it serves (their first line: "tessera-disk PATH"), and serve with xl devd. Its block hotplug script,
# Tessera's own for busybox, puts an image on a loop device and hands blkback its device number.
if [ "${tess_domd:-0}" = 1 ]; then
  for k in $(cat /lib/modules/xen/load-order 2>/dev/null) xen-blkback loop; do
    insmod "/lib/modules/xen/$k.ko" 2>/dev/null
  done
  mkdir -p /proc/xen /var/run/xen /var/lib/xen /var/log/xen /etc/xen/scripts
  [ -e /etc/xen/xl.conf ] || : > /etc/xen/xl.conf
  mount -t xenfs xenfs /proc/xen 2>/dev/null
  for f in $(echo "${tess_diskimg:-}" | tr ',' ' '); do
    mkdir -p "$(dirname "$f")"
    dd if=/dev/zero of="$f" bs=1024 count=1024 2>/dev/null
    echo "tessera-disk $f" | dd of="$f" conv=notrunc 2>/dev/null
  done
  cat > /etc/xen/scripts/block <<'BLOCK'
#!/bin/sh
# Tessera's block hotplug script for a marker driver domain (xl devd runs it with XENBUS_PATH set).
p=$(xenstore-read "$XENBUS_PATH/params")
case "$1" in
  add)
    if [ -b "$p" ]; then dev="$p"; else dev=$(losetup -f) && losetup "$dev" "$p" || exit 1; fi
    xenstore-write "$XENBUS_PATH/physical-device" "$(stat -L -c '%t:%T' "$dev")" "$XENBUS_PATH/hotplug-status" connected
    ;;
esac
exit 0
BLOCK
  chmod 755 /etc/xen/scripts/block
  if xl devd >/tmp/xl-devd.log 2>&1; then m DEVD ready; else m DEVD "failed $(tail -n 1 /tmp/xl-devd.log)"; fi
fi

# In a guest served disks by a driver domain: load the frontend and read each disk's first line.
if [ -n "${tess_disk:-}" ]; then
  insmod /lib/modules/xen/xen-blkfront.ko 2>/dev/null
  for v in $(echo "$tess_disk" | tr ',' ' '); do
    for i in $(seq 1 30); do [ -b "/dev/$v" ] && break; sleep 1; done
    if [ -b "/dev/$v" ]; then m DISK "$v $(head -n 1 "/dev/$v" | tr -d '\000')"; else m DISK "$v absent"; fi
  done
fi

# In dom0: start the domains of the xl configs in /etc/xen, in order, and relay their consoles.
if [ -n "${tess_xlcreate:-}" ]; then
  mkdir -p /var/log/xen/console
  mkdir -p /var/run/xen /var/lib/xen /dev/pts
  # xenconsoled gives every guest console a pseudo-terminal: it needs devpts
  mount -t devpts devpts /dev/pts 2>/dev/null
  if ! xenconsoled --log=guest --log-dir=/var/log/xen/console >/tmp/xenconsoled.log 2>&1; then
    m XLERR "xenconsoled: $(tail -n 1 /tmp/xenconsoled.log)"
  fi
  for c in $(echo "$tess_xlcreate" | tr ',' ' '); do
    if xl create "/etc/xen/$c.cfg" >/tmp/xl-create-$c.log 2>&1; then
      m XLCREATE "ok $c"
      # a driver domain serves once its /init is done (xl devd started): wait for it before the next create
      case ",${tess_xlwait:-}," in *",$c,"*)
        for i in $(seq 1 60); do
          grep -q "TESS-DONE" "/var/log/xen/console/guest-$c.log" 2>/dev/null && break
          sleep 1
        done ;;
      esac
    else
      m XLCREATE "failed $c"
      tail -n 12 /tmp/xl-create-$c.log | while read -r l; do echo "TESS-XLERR name=$NAME $l" | cut -c1-300; done
      ps | grep -v grep | grep xen | while read -r l; do m XLERR "ps: $l"; done
      cat /tmp/xenconsoled.log 2>/dev/null | while read -r l; do m XLERR "xenconsoled: $l"; done
    fi
  done
  for i in $(seq 1 180); do
    pending=0
    for c in $(echo "$tess_xlcreate" | tr ',' ' '); do
      grep -q "TESS-DONE" "/var/log/xen/console/guest-$c.log" 2>/dev/null || pending=1
    done
    [ "$pending" = 0 ] && break
    sleep 1
  done
  for c in $(echo "$tess_xlcreate" | tr ',' ' '); do
    grep -a "TESS-" "/var/log/xen/console/guest-$c.log" 2>/dev/null | tr -d '\r' | while read -r l; do echo "$l"; done
  done
fi

# In dom0: dry-run every xl config under /etc/xen/check with Xen's own parser (xl -N create).
if [ -n "${tess_xlcheck:-}" ]; then
  for c in /etc/xen/check/*.cfg; do
    n=$(basename "$c")
    if xl -N create "$c" >/tmp/xln.log 2>&1; then m XLN "ok $n"
    else m XLN "failed $n $(grep -v '^Parsing' /tmp/xln.log | tail -n 1)"; fi
  done
fi
