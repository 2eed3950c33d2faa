# Tessera boot harness checks, sourced by the marker initramfs's /init (init.sh, which defines m and NAME).
# Every check is asked for by a tess_* boot argument that the harness added to the domain's command line
# (dev.tessera.boot.harness.CommandLines); every kind of marker it prints is registered in MarkerKind.java, which
# also says which kinds end a boot as failed.

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

# tess_gpio=DEVICE,...: a passed-through GPIO controller (QEMU virt's PL061), by its Linux device name
# (<unit address>.<node name>): its driver must bind it on the AMBA bus, register a gpiochip labelled with that name,
# and read line 0 through sysfs. Probing may be deferred (a missing clock defers it for ever): wait up to 20 s.
if [ -n "${tess_gpio:-}" ]; then
  for id in $(echo "$tess_gpio" | tr ',' ' '); do
    dev="/sys/bus/amba/devices/$id"; drv=""
    for i in $(seq 1 20); do
      [ -e "$dev/driver" ] && { drv=$(basename "$(readlink "$dev/driver")"); break; }
      sleep 1
    done
    if [ ! -e "$dev" ]; then m GPIOERR "$id absent: no such AMBA device"; continue; fi
    if [ -z "$drv" ]; then m GPIOERR "$id present but no driver bound it: $(dmesg | grep "$id" | tail -n 1 | sed 's/^\[[ 0-9.]*\] //')"; continue; fi
    chip=""
    for c in /sys/class/gpio/gpiochip*; do [ "$(cat "$c/label" 2>/dev/null)" = "$id" ] && chip=$c; done
    if [ -z "$chip" ]; then m GPIOERR "$id bound to $drv but no gpiochip is labelled $id"; continue; fi
    base=$(cat "$chip/base"); n=$(cat "$chip/ngpio")
    [ -e "/sys/class/gpio/gpio$base" ] || echo "$base" > /sys/class/gpio/export 2>/tmp/gpio.log
    v=$(cat "/sys/class/gpio/gpio$base/value" 2>>/tmp/gpio.log)
    case "$v" in
      0|1) m GPIO "$id bound $drv ${chip##*/} ngpio=$n line0=$v" ;;
      *) m GPIOERR "$id bound to $drv, line $base unreadable: $(tail -n 1 /tmp/gpio.log)" ;;
    esac
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

# A domain Xen started at boot with its PV interfaces (xen,enhanced) gets xenstore late: Linux binds the xenstore event
# channel as "xenstore_late_init" and waits until dom0's init-dom0less has given the domain a xenstore page and
# notified it; then it connects and binds the channel again as "xenbus". Nothing may talk to xenstore before that
# (a request would wake Linux's xenbus probe before the page exists), so this watches /proc/interrupts only.
if [ "${tess_latexs:-0}" = 1 ]; then
  late=no; up=""
  grep -q 'xenstore_late_init' /proc/interrupts && late=yes
  for i in $(seq 1 150); do
    grep -q ' xenbus$' /proc/interrupts && { up=$i; break; }
    sleep 1
  done
  if [ -n "$up" ]; then m XS "late=$late xenbus up after ${up}s"; else m XSERR "late=$late no xenstore after 150 s"; fi
fi

# In a driver domain (its initramfs has the xl tools and the generated xl folder as /etc/xen): the image's part first —
# the Xen device modules, the disk images it serves (their first line: "tessera-disk PATH"), the bridges its vifs join
# and a block hotplug script for busybox — then the generated xl/serve-<name>.sh, unchanged: it loads the backend
# drivers (modprobe), waits for the bridges, runs xl devd and writes data/tessera/serving, which dom0's generated
# start script waits for before it creates or attaches anything this domain serves. Tessera's block hotplug script (it
# replaces Debian's) puts an image on a loop device and hands blkback its device number. Vifs get Debian's own
# vif-bridge (from xen-utils-common, run by bash), which enslaves each backend interface to the bridge its xl config
# names.
if [ "${tess_domd:-0}" = 1 ]; then
  for k in $(cat /lib/modules/xen/load-order 2>/dev/null) loop; do
    insmod "/lib/modules/xen/$k.ko" 2>/dev/null
  done
  # the serve script loads the backend drivers with modprobe: the kernel's modules where modprobe looks
  ln -sfn /lib/modules/xen "/lib/modules/$(uname -r)"
  depmod 2>/dev/null
  mkdir -p /proc/xen /var/run/xen /var/lib/xen /var/log/xen /etc/xen/scripts
  [ -e /etc/xen/xl.conf ] || : > /etc/xen/xl.conf
  mount -t xenfs xenfs /proc/xen 2>/dev/null
  for f in $(echo "${tess_diskimg:-}" | tr ',' ' '); do
    mkdir -p "$(dirname "$f")"
    dd if=/dev/zero of="$f" bs=1024 count=1024 2>/dev/null
    echo "tessera-disk $f" | dd of="$f" conv=notrunc 2>/dev/null
  done
  # tess_br=BRIDGE:ADDRESS,...: the bridges the served vifs join, each with an address in a /24
  if [ -n "${tess_br:-}" ]; then
    for k in llc stp bridge; do insmod "/lib/modules/xen/$k.ko" 2>/dev/null; done
    for b in $(echo "$tess_br" | tr ',' ' '); do
      br=${b%%:*}
      # busybox's brctl has no stp/setfd: no spanning tree and no forwarding delay through sysfs
      if { brctl addbr "$br" && echo 0 > "/sys/class/net/$br/bridge/stp_state" \
           && echo 0 > "/sys/class/net/$br/bridge/forward_delay" && ip addr add "${b#*:}/24" dev "$br" && ip link set "$br" up; } 2>/tmp/bridge.log; then
        m BRIDGE "$br ${b#*:}/24"
      else
        m BRIFERR "$br could not be made: $(tail -n 1 /tmp/bridge.log)"
      fi
    done
  fi
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
  # tess_servedelay=N: a driver domain that comes up slowly, its serve script N seconds late
  [ -n "${tess_servedelay:-}" ] && sleep "$tess_servedelay"
  if sh "/etc/xen/serve-$NAME.sh" >/tmp/serve.log 2>&1; then
    m SERVE "ok at $(cut -d. -f1 /proc/uptime)s"
  else
    tail -n 8 /tmp/serve.log | while read -r l; do m STARTLOG "serve-$NAME.sh: $l"; done
    echo "TESS-SERVE name=$NAME failed: $(tail -n 1 /tmp/serve.log)" | cut -c1-300
  fi
  # tess_brif=BRIDGE:MAC,...: once a guest is up (after this domain's TESS-DONE, so in the background), each served
  # vif's backend interface must be a port of its bridge, the bridge must have learnt the guest's MAC (MAC "any": no
  # MAC was declared) on that very port (the guest's traffic came in through it), and the vif's hotplug script must
  # have reported "connected" in xenstore.
  if [ -n "${tess_brif:-}" ]; then
    (
      for e in $(echo "$tess_brif" | tr ',' ' '); do
        br=${e%%:*}; mac=$(echo "${e#*:}" | tr 'A-F' 'a-f'); on=""
        for i in $(seq 1 120); do
          for p in "/sys/class/net/$br/brif/"vif*; do
            [ -e "$p/port_no" ] || continue
            if [ "$mac" = any ]; then on=${p##*/}; break; fi
            no=$(( $(cat "$p/port_no") ))
            # the bridge's forwarding table: 16-byte entries (MAC, port, is_local, ageing timer, port's high byte)
            learnt=$(hexdump -v -e '16/1 "%02x " "\n"' "/sys/class/net/$br/brforward" 2>/dev/null \
              | while read -r a b c d e2 f pn loc t1 t2 t3 t4 ph rest; do
                  [ "$a:$b:$c:$d:$e2:$f" = "$mac" ] && [ "$loc" = 00 ] && [ $((0x$pn + 256 * 0x$ph)) = "$no" ] && echo y
                done)
            [ -n "$learnt" ] && { on=${p##*/}; break; }
          done
          [ -n "$on" ] && break
          sleep 1
        done
        # vif<domid>.<devid>: and the hotplug status its script wrote in the backend's xenstore directory
        v=${on#vif}
        st=$([ -n "$on" ] && xenstore-read "backend/vif/${v%.*}/${v#*.}/hotplug-status" 2>&1)
        if [ -n "$on" ] && [ "$st" = connected ]; then
          m BRIF "$on connected $br $mac"
        else
          m BRIFERR "$br $mac on ${on:-no vif} ${st:+hotplug $st}; ports: $(ls "/sys/class/net/$br/brif" 2>/dev/null | tr '\n' ' ')"
          tail -n 8 /var/log/xen/xen-hotplug.log /var/log/xen/xldevd.log 2>/dev/null | while read -r l; do m BRIFERR "$l"; done
        fi
      done
    ) &
  fi
fi

# In a guest served disks by a driver domain: load the frontend and read each disk's first line.
if [ -n "${tess_disk:-}" ]; then
  insmod /lib/modules/xen/xen-blkfront.ko 2>/dev/null
  for v in $(echo "$tess_disk" | tr ',' ' '); do
    for i in $(seq 1 "${tess_pvwait:-30}"); do [ -b "/dev/$v" ] && break; sleep 1; done
    if [ -b "/dev/$v" ]; then m DISK "$v $(head -n 1 "/dev/$v" | tr -d '\000')"; else m DISK "$v absent"; fi
  done
fi

# In a guest whose vifs a driver domain serves: load the frontend; tess_net=IFACE/ADDRESS/PEER,... gives each
# interface an address in a /24 and the bridge address to ping. TESS-NET only when the ping gets replies.
if [ -n "${tess_net:-}" ]; then
  insmod /lib/modules/xen/xen-netfront.ko 2>/dev/null
  for n in $(echo "$tess_net" | tr ',' ' '); do
    ifc=${n%%/*}; rest=${n#*/}; addr=${rest%%/*}; peer=${rest#*/}
    for i in $(seq 1 "${tess_pvwait:-30}"); do [ -e "/sys/class/net/$ifc" ] && break; sleep 1; done
    if [ ! -e "/sys/class/net/$ifc" ]; then m NETERR "$ifc absent"; continue; fi
    mac=$(cat "/sys/class/net/$ifc/address")
    ip addr add "$addr/24" dev "$ifc"
    ip link set "$ifc" up
    got=0
    for i in $(seq 1 30); do
      if ping -c 1 -W 1 "$peer" >/dev/null 2>&1; then
        got=$(ping -c 3 -W 2 "$peer" 2>/dev/null | sed -n 's/.* \([0-9][0-9]*\) packets received.*/\1/p')
        break
      fi
      sleep 1
    done
    if [ "${got:-0}" -gt 0 ]; then m NET "ping $peer from $ifc $mac $got/3"
    else m NETERR "no reply to ping $peer from $ifc $mac $addr"; fi
  done
fi

# In dom0: relay the consoles of the domains the generated start script creates with xl (tess_relay: their names).
if [ -n "${tess_relay:-}" ]; then
  mkdir -p /var/log/xen/console
  mkdir -p /var/run/xen /var/lib/xen /dev/pts
  # xenconsoled gives every guest console a pseudo-terminal: it needs devpts
  mount -t devpts devpts /dev/pts 2>/dev/null
  if ! xenconsoled --log=guest --log-dir=/var/log/xen/console >/tmp/xenconsoled.log 2>&1; then
    m XLERR "xenconsoled: $(tail -n 1 /tmp/xenconsoled.log)"
  fi
  # Relays, once a second for as long as dom0 runs, every new complete TESS- line of the xl domains' consoles (what
  # xenconsoled logs): a domain's markers appear as it prints them, also those it prints after its TESS-DONE.
  (
    while true; do
      for c in $(echo "$tess_relay" | tr ',' ' '); do
        f="/var/log/xen/console/guest-$c.log"
        [ -r "$f" ] || continue
        old=$(cat "/tmp/relayed-$c" 2>/dev/null || echo 0)
        head -n "$(wc -l < "$f")" "$f" | grep -a "TESS-" | tr -d '\r' > "/tmp/relay-$c"
        new=$(wc -l < "/tmp/relay-$c")
        [ "$new" -gt "$old" ] || continue
        tail -n "$((new - old))" "/tmp/relay-$c" | while read -r l; do echo "$l"; done
        echo "$new" > "/tmp/relayed-$c"
      done
      sleep 1
    done
  ) &
fi

# In dom0: run the generated xl/start-domains.sh unchanged. It renames the domains Xen started at boot with PV interfaces
# (init-dom0less, run by /init after xen-init-dom0, named them dom0less-<id>), creates the xl domains and attaches the
# boot domains' PV devices, each only once the driver domains that serve it say they do (its wait_serving lines).
if [ "${tess_start:-0}" = 1 ]; then
  # what init-dom0less said: "Checking domid: N", "Init dom0less domain: N", and its errors
  grep -av '^$' /tmp/init-dom0less.log 2>/dev/null | while read -r l; do m DOM0LESS "$l"; done
  if sh /etc/xen/start-domains.sh >/tmp/start-domains.log 2>&1; then
    m START ok
    # the names xl knows the domains by now (the script renamed the dom0less-<id> ones), and the cpupool each is in
    xl list -c | tail -n +2 | while read -r n id mem vcpus state time pool; do m XLLIST "$n $id $pool"; done
    # under FLASK (xl getenforce names a mode only then; its exit status is the mode, 1 when enforcing), the label
    # each domain runs with
    if xl getenforce 2>/dev/null | grep -qE '^(Enforcing|Permissive)$'; then
      xl list -Z | tail -n +2 | while read -r n id mem vcpus state time label; do m XLLABEL "$n $id $label"; done
    fi
  else
    # the script's output first, then the verdict with its last line (the harness stops QEMU at the verdict)
    tail -n 12 /tmp/start-domains.log | while read -r l; do echo "TESS-STARTLOG name=$NAME $l" | cut -c1-300; done
    echo "TESS-START name=$NAME failed: $(tail -n 1 /tmp/start-domains.log)" | cut -c1-300
  fi
fi

if [ -n "${tess_relay:-}" ]; then
  # dom0 is done when every xl domain is (or after three minutes); the relay goes on
  for i in $(seq 1 180); do
    pending=0
    for c in $(echo "$tess_relay" | tr ',' ' '); do
      grep -q "TESS-DONE" "/var/log/xen/console/guest-$c.log" 2>/dev/null || pending=1
    done
    [ "$pending" = 0 ] && break
    sleep 1
  done
fi

# In dom0: dry-run every xl config under /etc/xen/check with Xen's own parser (xl -N create).
if [ -n "${tess_xlcheck:-}" ]; then
  for c in /etc/xen/check/*.cfg; do
    n=$(basename "$c")
    if xl -N create "$c" >/tmp/xln.log 2>&1; then
      # the text fields and the limits of the configuration xl built, one JSON line each, for the tests to read back
      grep -E '"(cmdline|kernel|ramdisk|bridge|pdev_path|short_name|max_grant_frames|max_maptrack_frames|shadow_memkb|nr_spis|tee|on_crash|on_reboot|pool_name|ssid_label)": ' /tmp/xln.log | while read -r l; do
        echo "TESS-XLNOUT name=$NAME $n $l" | cut -c1-400
      done
      m XLN "ok $n"
    else m XLN "failed $n $(grep -v '^Parsing' /tmp/xln.log | tail -n 1)"; fi
  done
  # ... and every attach line of the generated start scripts, as a dry run (xl -N <kind>-attach) on Domain-0: xl
  # parses the device spec as the real attach would and prints what it parsed
  for f in /etc/xen/check-attach/*.sh; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .sh)
    if sh "$f" >/tmp/xla.log 2>&1; then
      echo "TESS-XLAOUT name=$NAME $n $(tr '\n' ' ' < /tmp/xla.log | tr -s ' ')" | cut -c1-400
      m XLA "ok $n"
    else
      echo "TESS-XLA name=$NAME failed $n $(tail -n 1 /tmp/xla.log)" | cut -c1-300
    fi
  done
fi

# In dom0, after the start script (which put the schedules in place): every domain's share of one CPU over
# tess_shares seconds, from Xen's cpu_time (tessera-sched cputime: "# monotonic_ns N", then "DOMID POOL CPU_TIME_NS").
# A boot domain that only burns (the harness's burner) says nothing itself: this is how its CPU time is seen.
if [ -n "${tess_shares:-}" ]; then
  if tessera-sched cputime > /tmp/cpu.0 2>/tmp/cpu.log && sleep "$tess_shares" && tessera-sched cputime > /tmp/cpu.1 2>>/tmp/cpu.log; then
    m SHARES "window=${tess_shares}s $(awk 'FNR == 1 { f++ } $2 == "monotonic_ns" { t[f] = $3 } $1 != "#" { c[f ":" $1] = $3; d[$1] = 1 }
      END { for (i in d) if ((1 ":" i) in c) printf "d%s=%.1f\n", i, 100 * (c["2:" i] - c["1:" i]) / (t[2] - t[1]) }' /tmp/cpu.0 /tmp/cpu.1 \
      | sort -n | tr '\n' ' ')"
  else
    m SHARES "failed: $(tail -n 1 /tmp/cpu.log)"
  fi
fi
