#!/usr/bin/env bash
# Benchmark (not a test): tessera board import on every .dts of the kernel's arm64 and arm trees, side by side with
# what the kernel's build does on the same file (cpp + dtc -O dtb). Prints how many import, why the others do not,
# and the time per file of both; writes one CSV line per file.
#
#   bench/importer/sweep.sh [OUT.csv] [SUBDIR ...]     (default: bench/importer/target/sweep.csv, arm64 and arm trees)
#
# The kernel tree is Debian's linux-source-6.1, extracted by scripts/linux-dts.sh. Takes about 10 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tree="$("$root/scripts/linux-dts.sh")"
out="${1:-$root/bench/importer/target/sweep.csv}"
shift || true
mkdir -p "$(dirname "$out")"
"$root/tessera" --version >/dev/null   # builds the CLI jar (with the importer) when it is missing or stale
echo "sweep: $(cpp --version | head -n 1); $(dtc --version); $(nproc) CPU(s)" >&2
exec java -cp "$root/cli/target/tessera.jar" dev.tessera.importer.Sweep "$tree" "$out" "$@"
