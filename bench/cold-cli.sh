#!/usr/bin/env bash
# Times the Tessera CLI from a cold JVM, as a person runs it: every run is a new `java -jar` process.
#
#   bench/cold-cli.sh [-n RUNS] [--loop]
#
#   -n RUNS   timed runs of each command (default 5); one untimed run of each goes first, so the
#             page cache holds the jar and a failing command stops the script before any timing
#   --loop    time with the plain bash loop even when hyperfine is installed
#
# Commands, from the repository root:
#   java -jar cli/target/tessera.jar generate examples/ivi/cockpit.tess -o <tmp>/out   (fresh <tmp>/out each run)
#   java -jar cli/target/tessera.jar check examples/ivi/cockpit.tess
# Prints min / median / max wall time of each in ms, and the ratio generate / check (of the medians, and of
# the minima, which a busy machine disturbs least).
# Uses hyperfine when it is on the PATH, else a bash loop timed with `date +%s%N`.
# JAVA=/path/to/java picks another JVM.
set -euo pipefail

runs=5
force_loop=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    -n*) runs="${1#-n}"; shift ;;
    --loop) force_loop=1; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "cold-cli.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "cold-cli.sh: RUNS must be a positive whole number, not '$runs'" >&2; exit 2 ;; esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java="${JAVA:-java}"
jar="cli/target/tessera.jar"
example="examples/ivi/cockpit.tess"
if [ ! -f "$jar" ]; then
  echo "cold-cli.sh: $jar is missing: build it with  mvn -q -B -DskipTests install -pl cli -am  (or run ./tessera once)" >&2
  exit 2
fi
[ -f "$example" ] || { echo "cold-cli.sh: $example is missing" >&2; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/tessera-cold-cli.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
out="$tmp/out"

gen_cmd=("$java" -jar "$jar" generate "$example" -o "$out")
chk_cmd=("$java" -jar "$jar" check "$example")

# One untimed run of each: fails loudly on a broken CLI, and leaves the jar in the page cache.
for cmd in gen chk; do
  if [ "$cmd" = gen ]; then c=("${gen_cmd[@]}"); else c=("${chk_cmd[@]}"); fi
  if ! "${c[@]}" >"$tmp/first.log" 2>&1; then
    echo "cold-cli.sh: '${c[*]}' failed:" >&2
    cat "$tmp/first.log" >&2
    exit 1
  fi
done
rm -rf "$out"

cpus="$(nproc 2>/dev/null || echo '?')"
echo "Tessera cold CLI: $runs run(s) of each command, a new JVM each run ($("$java" -version 2>&1 | head -1), $cpus CPUs)"

# prints "min median max" in ms, from one number (ms) a line on stdin
stats() {
  sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) exit 1
    med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f %.1f %.1f\n", v[1], med, v[NR] }'
}

if [ "$force_loop" = 0 ] && command -v hyperfine >/dev/null 2>&1; then
  echo "timer: $(hyperfine --version)"
  # hyperfine takes command strings: quote each word for the shell it runs them with
  gen_str="$(printf '%q ' "${gen_cmd[@]}")"
  chk_str="$(printf '%q ' "${chk_cmd[@]}")"
  hyperfine --style basic --runs "$runs" --export-json "$tmp/gen.json" \
    --prepare "rm -rf $(printf '%q' "$out")" --command-name generate "$gen_str"
  hyperfine --style basic --runs "$runs" --export-json "$tmp/chk.json" \
    --command-name check "$chk_str"
  # the run times (seconds) of the one result in each file, one per line, in ms
  times_of() {
    tr -d ' \n' <"$1" | sed -e 's/.*"times":\[\([^]]*\)\].*/\1/' | tr ',' '\n' | awk 'NF { printf "%.3f\n", $1 * 1000 }'
  }
  times_of "$tmp/gen.json" >"$tmp/gen.ms"
  times_of "$tmp/chk.json" >"$tmp/chk.ms"
else
  echo "timer: bash loop with date +%s%N"
  : >"$tmp/gen.ms"
  : >"$tmp/chk.ms"
  for ((i = 1; i <= runs; i++)); do
    rm -rf "$out"
    t0=$(date +%s%N)
    "${gen_cmd[@]}" >/dev/null 2>"$tmp/run.err" || { echo "cold-cli.sh: generate failed:" >&2; cat "$tmp/run.err" >&2; exit 1; }
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 )) | awk '{ printf "%.3f\n", $1 / 1000 }' >>"$tmp/gen.ms"

    t0=$(date +%s%N)
    "${chk_cmd[@]}" >/dev/null 2>"$tmp/run.err" || { echo "cold-cli.sh: check failed:" >&2; cat "$tmp/run.err" >&2; exit 1; }
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 )) | awk '{ printf "%.3f\n", $1 / 1000 }' >>"$tmp/chk.ms"
  done
fi

read -r gmin gmed gmax < <(stats <"$tmp/gen.ms")
read -r cmin cmed cmax < <(stats <"$tmp/chk.ms")
echo
printf '%-10s %10s %10s %10s   (wall time, ms, %d runs)\n' command min median max "$runs"
printf '%-10s %10s %10s %10s\n' generate "$gmin" "$gmed" "$gmax"
printf '%-10s %10s %10s %10s\n' check "$cmin" "$cmed" "$cmax"
awk -v g="$gmed" -v c="$cmed" -v gm="$gmin" -v cm="$cmin" \
  'BEGIN { printf "\ngenerate / check: %.2fx (medians), %.2fx (minima)\n", g / c, gm / cm }'
