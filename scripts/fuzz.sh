#!/usr/bin/env bash
# A longer run of the fuzz target the suite runs briefly (pipeline's MutatedModelsFuzzTest): mutated examples through
# the parser, the rules, the generators, dtc and mkimage.
#   scripts/fuzz.sh [CASES [SEED]]      default 5000 cases, seed 16
# Failing mutants are saved under pipeline/target/fuzz-failures/; each should become a test.
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-5000}"
seed="${2:-16}"
exec ./mvnw -B -q test -pl pipeline -am -Dtest=MutatedModelsFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtessera.fuzz.cases="$cases" -Dtessera.fuzz.seed="$seed"
