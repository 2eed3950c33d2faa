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
    if xl create "/etc/xen/$c.cfg" >/tmp/xl-create-$c.log 2>&1; then m XLCREATE "ok $c"
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
