#!/usr/bin/env bash
# Fuzzes the inputs a stranger controls, one libFuzzer target each (tests/fuzz/*_fuzzer.cpp),
# for SECONDS each (default 20): builds them with clang, libFuzzer, ASan and UBSan in
# build/fuzz, seeds each with make_seeds.py's corpus (from our tests and the sample, written
# to a temporary folder: nothing new is written into the sources) and its dictionary
# (TARGET.dict without "_fuzzer"), prints each target's executions, and exits non-zero on a
# crash.
#
# Regressions: every input that once crashed a target is kept in tests/fuzz/regressions/
# TARGET/ and replayed at the start of each run of that target. A crashing input found now is
# copied there (and into build/fuzz/artifacts/): fix the bug, then commit the input.
#
# usage: tests/fuzz/run_fuzz.sh [SECONDS] [TARGET...]   all targets when none is named
#        tests/fuzz/run_fuzz.sh --list                  the targets, one a line
# FUZZ_RUNS=N stops each target after N executions instead of after SECONDS (a long run:
# FUZZ_RUNS=1500000 nice -n 10 tests/fuzz/run_fuzz.sh 0). FUZZ_JOBS=N fuzzes with N processes.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
here="$src/tests/fuzz"
build="$src/build/fuzz"

all_targets() {
  for f in "$here"/*_fuzzer.cpp; do basename "$f" .cpp; done
}

if [ "${1:-}" = --list ]; then
  all_targets
  exit 0
fi
seconds=20
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
runs=${FUZZ_RUNS:-0}
jobs=${FUZZ_JOBS:-1}
if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < <(all_targets); fi
for t in "${targets[@]}"; do
  [ -f "$here/$t.cpp" ] || { echo "run_fuzz.sh: no target $t (see --list)"; exit 2; }
done

mkdir -p "$build" "$build/artifacts"
CC=clang CXX=clang++ cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDISARM_FUZZ=ON \
  >"$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 2; }
cmake --build "$build" --target "${targets[@]}" >"$build/build.log" 2>&1 || { cat "$build/build.log"; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
total=0
for t in "${targets[@]}"; do
  mkdir -p "$work/$t/corpus"
  python3 "$here/make_seeds.py" "$t" "$work/$t/seeds" >/dev/null
  log="$build/$t.log"
  # The timeout is wall time, and generous: on a shared machine a niced fuzzer can wait
  # seconds for a CPU, while a real hang still stops the run.
  options=(-print_final_stats=1 -timeout=30 -rss_limit_mb=2048 -dict="$here/${t%_fuzzer}.dict"
           -artifact_prefix="$work/$t/")
  if [ "$runs" -gt 0 ]; then options+=(-runs="$runs"); else options+=(-max_total_time="$seconds"); fi
  if [ "$jobs" -gt 1 ]; then options+=(-fork="$jobs"); fi
  corpora=("$work/$t/corpus" "$work/$t/seeds")
  regressions="$here/regressions/$t"
  [ -d "$regressions" ] && corpora+=("$regressions")
  status=0
  "$build/tests/fuzz/$t" "${options[@]}" "${corpora[@]}" >"$log" 2>&1 || status=$?

  count=$({ grep -Eo 'stat::number_of_executed_units: [0-9]+' "$log" || true; } | awk '{s += $2} END {print s + 0}')
  # With -fork there are no final stats: the last progress line has the count.
  if [ "$count" = 0 ]; then count=$({ grep -Eo '^#[0-9]+' "$log" || echo 0; } | tail -1 | tr -d '#'); fi
  total=$((total + count))
  echo "$t: $count executions, $(ls "$work/$t/corpus" | wc -l) new corpus inputs, $( (ls "$regressions" 2>/dev/null || true) | wc -l) regressions replayed (log: $log)"
  if [ "$status" != 0 ]; then
    { grep -E 'ERROR|SUMMARY|_fuzzer:|runtime error|Test unit written|ParseDictionaryFile' "$log" || tail -5 "$log"; } | head -20
    for crash in "$work/$t"/crash-* "$work/$t"/leak-* "$work/$t"/timeout-* "$work/$t"/oom-*; do
      [ -f "$crash" ] || continue
      cp "$crash" "$build/artifacts/"
      mkdir -p "$regressions"
      cp "$crash" "$regressions/"
      echo "$t: kept $(basename "$crash") in tests/fuzz/regressions/$t/"
    done
    echo "$t: FAILED with status $status"
    failed=1
  fi
done
echo "fuzzing: $total executions in all"
exit $failed
