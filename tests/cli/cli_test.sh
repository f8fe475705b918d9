#!/usr/bin/env bash
# Runs the real `disarm` binary: exit codes, usage errors, and output on the sample.
# usage: cli_test.sh PATH_TO_DISARM SOURCE_DIR
set -u
disarm=$1 src=$2
sample="$src/data/sample/snapshot.json"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# expect NAME EXPECTED_EXIT PATTERN -- COMMAND...: runs it, checks exit code and that the
# output (stdout and stderr) matches the extended regex PATTERN.
expect() {
  local name=$1 code=$2 pattern=$3; shift 4
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" = "$code" ] && grep -Eq -- "$pattern" <<<"$out"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    printf 'FAIL %s: exit %s (wanted %s), output:\n%s\n' "$name" "$rc" "$code" "$out"
  fi
}

expect version 0 '^disarm [0-9]+\.[0-9]+\.[0-9]+$' -- "$disarm" --version
expect help 0 'usage: disarm COMMAND' -- "$disarm" --help
expect no-args 2 'usage: disarm COMMAND' -- "$disarm"
expect unknown-command 2 "unknown command 'frobnicate'" -- "$disarm" frobnicate
expect stats-help 0 'usage: disarm stats' -- "$disarm" stats --help
expect stats 0 'Techniques +12' -- "$disarm" stats "$sample"
expect stats-json 0 '"technique": 12' -- "$disarm" stats "$sample" --json
expect stats-missing-arg 2 'missing SNAPSHOT' -- "$disarm" stats
expect stats-bad-option 2 "unknown option '--frob'" -- "$disarm" stats "$sample" --frob
expect stats-missing-file 2 'cannot read /nonexistent/x.json' -- "$disarm" stats /nonexistent/x.json
printf '{"format": "disarm-snapshot", "version": 1, "provenance": {"licence": "x"}, "objects": [{"id": "T0001"}]}' >"$tmp/bad.json"
expect stats-bad-data 2 'bad.json: /objects/0: missing required member "kind"' -- "$disarm" stats "$tmp/bad.json"

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
