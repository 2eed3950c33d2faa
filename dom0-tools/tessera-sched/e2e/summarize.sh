#!/bin/sh
# Per run and domain: the mean, lowest and highest share over the run's windows, from run-all.sh's summary.txt
# (or boot.sh's shares.txt files).  applier/e2e/summarize.sh FILE...
awk '
  /^== / { run = $2 }
  /^mode=/ { if (run == "") run = FILENAME; split($0, f, " "); desc[run] = f[1] " " f[2] " " f[3] " " f[4] }
  /^window=/ {
    split($0, kv, " "); d = substr(kv[2], 5); p = substr(kv[4], 5) + 0
    k = run SUBSEP d
    if (!(k in n)) { order[++nk] = k; lo[k] = p; hi[k] = p }
    n[k]++; sum[k] += p; if (p < lo[k]) lo[k] = p; if (p > hi[k]) hi[k] = p
  }
  END {
    for (i = 1; i <= nk; i++) {
      split(order[i], a, SUBSEP)
      if (a[1] != last) { printf "%s  (%s)\n", a[1], desc[a[1]]; last = a[1] }
      printf "  dom %s: mean %5.1f %%  min %5.1f  max %5.1f  (%d windows)\n", a[2], sum[order[i]] / n[order[i]], lo[order[i]], hi[order[i]], n[order[i]]
    }
  }' "$@"
