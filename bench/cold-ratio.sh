#!/usr/bin/env bash
# Cold `./tessera generate` and `./tessera check` against two floors, in paired rounds, and the phases inside main.
#
#   bench/cold-ratio.sh [-n ROUNDS] [-p PHASE_RUNS] [SYSTEM.tess]     (default: 11 rounds, 5 phase runs,
#                                                                      examples/qemu/dom0-two-domus.tess)
#
# One round runs, in an order that rotates from round to round (so a burst of load on a shared machine hits
# every command alike), each of:
#   floor     the launcher's java with its flags running an empty main (the JVM's own start-up; the launcher's
#             class cache, which only fits Tessera's jar, is left out)
#   dtc       dtc compiling the host tree the system generates (host.dts), as ImageBuilder's only heavy step
#   generate  ./tessera generate SYSTEM -o <tmp>/out   (the launcher as a person runs it; <tmp>/out removed first)
#   check     ./tessera check SYSTEM
#   base-generate, base-check  only when BASELINE is set to another checkout's launcher (.../tessera, built):
#             the same commands through it, for a before/after in the same rounds
#   imagebuilder  only when IMAGEBUILDER_CMD is set: that shell command, timed as is (this script brings no
#             ImageBuilder: point it at a checkout, e.g. IMAGEBUILDER_CMD='bash ~/imagebuilder/scripts/uboot-script-gen -c cfg -d dir -t tftp')
# Prints per command min / median / max and the interquartile range (ms), then the ratios of each round's pair
# (generate/floor, generate/dtc, ...): their median and range. Then PHASE_RUNS runs of each command with
# -Dtessera.phases, and the median of each phase (ms).
# The launcher must be built (run ./tessera once); this script never builds.
set -euo pipefail

rounds=11
phase_runs=5
system=examples/qemu/dom0-two-domus.tess
while [ $# -gt 0 ]; do
  case "$1" in
    -n) rounds="${2:?-n needs a number}"; shift 2 ;;
    -p) phase_runs="${2:?-p needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "cold-ratio.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    *) system="$1"; shift ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -f cli/target/tessera.jar ] || { echo "cold-ratio.sh: cli/target/tessera.jar is missing: run ./tessera once to build it" >&2; exit 2; }
# the launcher's java command, without running it
mapfile -t javacmd < <(TESSERA_LAUNCHER_PRINT=1 ./tessera)
[ "${#javacmd[@]}" -ge 3 ] || { echo "cold-ratio.sh: the launcher did not print its java command" >&2; exit 2; }
# the flags alone: drop "-jar JAR" and the class cache (CDS archive or AOT cache) made for Tessera's class path
flags=()
for ((i = 1; i < ${#javacmd[@]}; i++)); do
  case "${javacmd[$i]}" in
    -jar) i=$((i + 1)) ;;
    -XX:SharedArchiveFile=* | -XX:AOTCache=*) ;;
    *) flags+=("${javacmd[$i]}") ;;
  esac
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/tessera-cold-ratio.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/floor"
printf 'public class Floor { public static void main(String[] a) { } }\n' >"$tmp/floor/Floor.java"
javac -d "$tmp/floor" "$tmp/floor/Floor.java"

# one untimed run of each: a broken command stops the script before any timing, and the host tree for dtc
./tessera generate "$system" -o "$tmp/ref" >/dev/null
./tessera check "$system" >/dev/null
[ -f "$tmp/ref/host.dts" ] || { echo "cold-ratio.sh: $system generates no host.dts to give dtc" >&2; exit 2; }

names=(floor dtc generate check)
[ -n "${BASELINE:-}" ] && names+=(base-generate base-check)
[ -n "${IMAGEBUILDER_CMD:-}" ] && names+=(imagebuilder)
run() {
  case "$1" in
    floor) "${javacmd[0]}" "${flags[@]}" -cp "$tmp/floor" Floor ;;
    dtc) dtc -q -I dts -O dtb -i "$tmp/ref" -o "$tmp/host.dtb" "$tmp/ref/host.dts" ;;
    generate) rm -rf "$tmp/out"; ./tessera generate "$system" -o "$tmp/out" ;;
    check) ./tessera check "$system" ;;
    base-generate) rm -rf "$tmp/out"; "$BASELINE" generate "$system" -o "$tmp/out" ;;
    base-check) "$BASELINE" check "$system" ;;
    imagebuilder) bash -c "$IMAGEBUILDER_CMD" ;;
  esac
}

echo "cold-ratio: $system, $rounds rounds, $("${javacmd[0]}" -version 2>&1 | head -1), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tessera runs: ${javacmd[*]}"
echo "floor runs:   ${javacmd[0]} ${flags[*]} -cp <tmp> Floor"
TIMEFORMAT='%3R %3U %3S'
for n in "${names[@]}"; do : >"$tmp/$n.ms"; : >"$tmp/$n.cpu"; done
for ((r = 0; r < rounds; r++)); do
  k=${#names[@]}
  for ((j = 0; j < k; j++)); do
    n="${names[$(((j + r) % k))]}"
    # bash's time: wall, user and system seconds of the command and its children
    if ! { time run "$n" >/dev/null 2>"$tmp/err"; } 2>"$tmp/t"; then
      echo "cold-ratio.sh: $n failed:" >&2; cat "$tmp/err" >&2; exit 1
    fi
    awk -v w="$tmp/$n.ms" -v c="$tmp/$n.cpu" '{ printf "%.1f\n", $1 * 1000 >>w; printf "%.1f\n", ($2 + $3) * 1000 >>c }' "$tmp/t"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# "min q1 median q3 max" of one number a line
stats() { # [decimals]
  sort -n | awk -v d="${1:-1}" '{ v[NR] = $1 } END {
    if (NR == 0) exit 1
    f = "%." d "f"; printf f " " f " " f " " f " " f "\n", v[1], v[int((NR + 3) / 4)], (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[int((3 * NR + 3) / 4)], v[NR] }'
}
echo
printf '%-13s %9s %9s %9s %9s %9s   (wall ms)\n' command min q1 median q3 max
for n in "${names[@]}"; do
  read -r a b c d e < <(stats <"$tmp/$n.ms")
  printf '%-13s %9s %9s %9s %9s %9s\n' "$n" "$a" "$b" "$c" "$d" "$e"
done
printf '%-13s %9s %9s %9s %9s %9s   (CPU ms: user + system, children included)\n' command min q1 median q3 max
for n in "${names[@]}"; do
  read -r a b c d e < <(stats <"$tmp/$n.cpu")
  printf '%-13s %9s %9s %9s %9s %9s\n' "$n" "$a" "$b" "$c" "$d" "$e"
done
echo
printf '%-26s %9s %9s %9s %12s   (per-round ratios, wall; CPU median last)\n' ratio min median max "CPU median"
ratio() { # numerator denominator
  paste "$tmp/$1.ms" "$tmp/$2.ms" | awk '{ printf "%.3f\n", $1 / $2 }' >"$tmp/ratio"
  read -r a _ c _ e < <(stats 2 <"$tmp/ratio")
  paste "$tmp/$1.cpu" "$tmp/$2.cpu" | awk '{ printf "%.3f\n", $1 / ($2 > 0 ? $2 : 1) }' >"$tmp/ratio"
  read -r _ _ cc _ _ < <(stats 2 <"$tmp/ratio")
  printf '%-26s %9s %9s %9s %12s\n' "$1 / $2" "$a" "$c" "$e" "$cc"
}
ratio generate floor
ratio check floor
ratio generate dtc
ratio check dtc
ratio dtc floor
if [ -n "${BASELINE:-}" ]; then
  ratio base-generate floor
  ratio base-check floor
  ratio generate base-generate
  ratio check base-check
fi
if [ -n "${IMAGEBUILDER_CMD:-}" ]; then
  ratio generate imagebuilder
  ratio check imagebuilder
  ratio floor imagebuilder
fi

[ "$phase_runs" -gt 0 ] || exit 0
echo
echo "phases inside main, median of $phase_runs runs (ms; render excludes tools and yaml; before = JVM start to main):"
for cmd in generate check; do
  : >"$tmp/phases"
  for ((i = 0; i < phase_runs; i++)); do
    rm -rf "$tmp/out"
    if [ "$cmd" = generate ]; then args=(generate "$system" -o "$tmp/out"); else args=(check "$system"); fi
    "${javacmd[0]}" "${javacmd[@]:1:${#javacmd[@]}-3}" -Dtessera.phases -jar "${javacmd[-1]}" "${args[@]}" 2>&1 >/dev/null \
      | sed -n 's/^tessera phases (ms)://p' >>"$tmp/phases"
  done
  printf '%-9s' "$cmd"
  for ph in $(head -1 "$tmp/phases"); do
    key="${ph%%=*}"
    med=$(tr ' ' '\n' <"$tmp/phases" | sed -n "s/^$key=//p" | stats | cut -d' ' -f3)
    printf ' %s=%.0f' "$key" "$med"
  done
  echo
done
