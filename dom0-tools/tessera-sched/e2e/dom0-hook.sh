# Appended to the marker initramfs's /tess/hook in dom0 by boot.sh (sourced by /init, which defines m and NAME).
# tess_sched says what dom0 does once the domains exist:
#   arinc       tessera-sched apply /etc/tessera/schedule (unique handles, set, read back)
#   arinc-keep  the same with --keep-handles: the domains keep the all-zero handle Xen gave them at boot
#   rtds        xl sched-rtds for each tess_rtds=DOMID:PERIOD_US:BUDGET_US:EXTRATIME,...
#   none        nothing (the negative control)
# then measures every domain's CPU time over tess_windows windows of tess_window seconds and prints each
# domain's share of one CPU (TESS-SHARE), with tessera-sched cputime (Xen's cpu_time, in ns).
if [ -n "${tess_sched:-}" ]; then
  case "$tess_sched" in
    arinc|arinc-keep)
      opt=""; [ "$tess_sched" = arinc-keep ] && opt=--keep-handles
      if tessera-sched apply $opt /etc/tessera/schedule >/tmp/sched.log 2>&1; then rc=0; else rc=$?; fi
      while read -r l; do m SCHEDLOG "$l"; done < /tmp/sched.log
      m SCHED "$tess_sched exit=$rc"
      tessera-sched show "${tess_pool:-1}" 2>&1 | while read -r l; do m SCHEDSHOW "$l"; done
      # error cases: each must fail with its exit code and change nothing (TESS-APPLYTEST ... want=N got=N)
      t() { # WANT NAME ARGS... (the schedule on stdin, for apply -)
        w=$1; n=$2; shift 2
        tessera-sched "$@" >/tmp/at.log 2>&1; rc=$?
        m APPLYTEST "$n want=$w got=$rc $(grep -v '^tessera-sched: domain\|^tessera-sched: cpupool' /tmp/at.log | tail -n 1 | cut -c1-60)"
      }
      printf 'major_frame_ns 3O000000\nentry 1 0 1000000\n' | t 2 malformed apply -
      printf 'major_frame_ns 1000000\nentry 1 0 2000000\n' | t 2 over-frame apply -
      awk 'BEGIN { print "major_frame_ns 64000000"; for (i = 0; i < 64; i++) print "entry 1 0 1000000" }' | t 2 64-entries apply -
      printf 'major_frame_ns 30000000\nentry 7 0 1000000\n' | t 3 no-domain apply -
      printf 'major_frame_ns 30000000\nentry 1 1 1000000\n' | t 3 no-vcpu apply -
      printf 'major_frame_ns 30000000\nentry p5 0 1000000\n' | t 3 unnamed apply -
      printf 'major_frame_ns 30000000\nentry 1 0 1000000\nentry 0 0 1000000\n' | t 3 two-pools apply -
      printf 'cpupool 0\nmajor_frame_ns 30000000\nidle 1000000\n' | t 3 credit2-pool apply -
      t 3 show-credit2 show 0
      t 0 dry-run apply --dry-run /etc/tessera/schedule
      ;;
    rtds)
      for spec in $(echo "${tess_rtds:-}" | tr ',' ' '); do
        set -- $(echo "$spec" | tr ':' ' ')
        if xl sched-rtds -d "$1" -v all -p "$2" -b "$3" -e "$4" >/tmp/rtds.log 2>&1; then
          m SCHED "rtds domain $1 period $2 budget $3 extratime $4 ok"
        else
          m SCHED "rtds domain $1 failed: $(tail -n 1 /tmp/rtds.log)"
        fi
      done
      xl sched-rtds -v all 2>&1 | tr -s ' \t' ' ' | while read -r l; do m SCHEDSHOW "$l"; done
      ;;
    none)
      m SCHED "none (negative control)"
      [ "${tess_rtdsshow:-0}" = 1 ] && xl sched-rtds -v all 2>&1 | tr -s ' \t' ' ' | while read -r l; do m SCHEDSHOW "$l"; done
      ;;
  esac
  i=1
  tessera-sched cputime > /tmp/ct.0
  while [ "$i" -le "${tess_windows:-6}" ]; do
    sleep "${tess_window:-20}"
    tessera-sched cputime > "/tmp/ct.$i"
    # "# monotonic_ns N" then "DOMID POOL CPU_TIME_NS" lines, before and after the window
    awk -v w="$i" 'FNR == 1 { f++ }
      $2 == "monotonic_ns" { t[f] = $3 }
      $1 != "#" { c[f ":" $1] = $3; pool[$1] = $2 }
      END { for (d in pool) if ((1 ":" d) in c)
              printf "window=%d dom=%s pool=%s pct=%.1f\n", w, d, pool[d], 100 * (c["2:" d] - c["1:" d]) / (t[2] - t[1]) }' \
      "/tmp/ct.$((i - 1))" "/tmp/ct.$i" | sort -t= -k3n | while read -r l; do m SHARE "$l"; done
    i=$((i + 1))
  done
  xl vcpu-list 2>&1 | tr -s ' \t' ' ' | while read -r l; do m VCPULIST "$l"; done
  m MEASURED "windows=${tess_windows:-6} of ${tess_window:-20}s"
fi
