#!/usr/bin/env bash
# Runs every test of Tessera on a Debian machine that has only a JDK (and optionally Maven):
#   1. installs dtc, mkimage, QEMU, U-Boot for QEMU and firmware from Debian's packages (scripts/install-tools.sh)
#   2. fetches the arm64 Xen, Linux and busybox the boot tests run, and builds a Xen with the embedded
#      features, all cached under ~/.cache/tessera (e2e/assets.sh; needs root or sudo for apt-get)
#   3. builds and tests every module with the Maven wrapper
#   4. builds the Eclipse plugin against the server jar of step 3 and runs its UI tests in a workbench under xvfb-run
#      (editors/eclipse/build.sh: its own Tycho build with Maven 3.9 and a JDK 21+; without a JDK 21+ it says it
#      skips, and TESSERA_ECLIPSE=require makes that an error)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/install-tools.sh --boot --eclipse
if [ "$(id -u)" -eq 0 ]; then e2e/assets.sh >/dev/null; else sudo --preserve-env=TESSERA_CACHE,HOME e2e/assets.sh >/dev/null; fi
# the kernel device trees the board library is re-imported from in the importer's tests (Debian's linux-source-6.1,
# extracted under ~/.cache/tessera/linux-dts; apt-get through sudo when not root)
scripts/linux-dts.sh >/dev/null
mkdir -p target
exec 9>target/.build.lock
flock 9
./mvnw -B -ntp verify
editors/eclipse/build.sh
