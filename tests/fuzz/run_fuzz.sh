#!/usr/bin/env bash
# Fuzzes the snapshot loader (tests/fuzz/snapshot_fuzzer.cpp) for SECONDS (default 20):
# builds it with clang, libFuzzer, ASan and UBSan in build/fuzz, seeds it with the
# malformed-snapshot corpus and the sample (copied to a temporary folder: nothing is written
# into the sources), prints the number of executions, and exits non-zero on a crash.
# A crashing input is kept in build/fuzz/artifacts/.
#
# usage: tests/fuzz/run_fuzz.sh [SECONDS]
# A longer run, say before a release or after changing core/src/json_tree.cpp or
# snapshot.cpp: FUZZ_JOBS=2 tests/fuzz/run_fuzz.sh 3600 (an hour on two cores, some
# 10 million executions; FUZZ_JOBS is the number of fuzzing processes, default 1).
set -euo pipefail
seconds=${1:-20}
jobs=${FUZZ_JOBS:-1}
src=$(cd "$(dirname "$0")/../.." && pwd)
build="$src/build/fuzz"

mkdir -p "$build"
CC=clang CXX=clang++ cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDISARM_FUZZ=ON \
  >"$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 2; }
cmake --build "$build" --target snapshot_fuzzer >"$build/build.log" 2>&1 || { cat "$build/build.log"; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/seeds" "$build/artifacts"
cp "$src"/tests/corpus/snapshots/*.json "$work/seeds/"
cp "$src/data/sample/snapshot.json" "$work/seeds/sample-snapshot.json"

log="$build/fuzz.log"
status=0
options=(-max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048
         -dict="$src/tests/fuzz/snapshot.dict" -artifact_prefix="$build/artifacts/")
if [ "$jobs" -gt 1 ]; then options+=(-fork="$jobs"); fi
"$build/tests/fuzz/snapshot_fuzzer" "${options[@]}" "$work/corpus" "$work/seeds" >"$log" 2>&1 || status=$?

runs=$({ grep -Eo 'stat::number_of_executed_units: [0-9]+' "$log" || true; } | awk '{s += $2} END {print s + 0}')
# With -fork there are no final stats: the last progress line has the count.
if [ "$runs" = 0 ]; then runs=$({ grep -Eo '^#[0-9]+' "$log" || echo 0; } | tail -1 | tr -d '#'); fi
echo "snapshot_fuzzer: $runs executions in $seconds s, $(ls "$work/corpus" | wc -l) corpus inputs (log: $log)"
if [ "$status" != 0 ]; then
  grep -E 'ERROR|SUMMARY|snapshot_fuzzer:|Test unit written' "$log" | head -20
  echo "snapshot_fuzzer: FAILED with status $status"
  exit 1
fi
