#!/bin/bash
# Runs the measurement boots one after the other (never two at once: they would load the host more) and
# collects every shares.txt into OUTBASE/summary.txt.  applier/e2e/run-all.sh OUTBASE [LABEL:MODE[:SCHEDULE]]...
set -u
here=$(cd "$(dirname "$0")" && pwd)
base=${1:?usage: run-all.sh OUTBASE LABEL:MODE[:SCHEDULE]...}; shift
mkdir -p "$base"
for spec in "$@"; do
  IFS=: read -r label mode sched <<< "$spec"
  if [ -n "$sched" ]; then export SCHEDULE="$here/$sched"; else unset SCHEDULE; fi
  echo "== $label ($mode ${sched:-seed}) $(date -u +%H:%M:%S)"
  "$here/boot.sh" "$mode" "$base/$label" > "$base/$label.out" 2>&1
  echo "   exit $?"
  { echo "== $label"; cat "$base/$label/shares.txt" 2>/dev/null; } >> "$base/summary.txt"
done
