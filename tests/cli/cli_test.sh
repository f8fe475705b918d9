#!/usr/bin/env bash
# Runs the real `disarm` binary: exit codes, usage errors, and output on the sample.
# usage: cli_test.sh PATH_TO_DISARM SOURCE_DIR [own|upstream|web]
#   own       the cases on our own data (the default)
#   upstream  the cases on upstream's pages and STIX bundle in ../shared/disarm
#   web       the cases on the web build in build/web/web
# A group whose data is missing exits 77, which ctest reports as skipped.
set -u
disarm=$1 src=$2 group=${3:-own}
section=own  # the group the cases below belong to; only the chosen group's cases run
sample="$src/data/sample/snapshot.json"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# expect NAME EXPECTED_EXIT PATTERN -- COMMAND...: runs it, checks exit code and that the
# output (stdout and stderr) matches the extended regex PATTERN.
expect() {
  [ "$section" = "$group" ] || return 0
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
# Every help and usage text ends its last line, so the shell's prompt starts on a line of its own.
ends_line() {
  [ "$section" = "$group" ] || return 0
  local name=$1; shift
  local out
  out=$("$@" 2>&1; echo .)
  out=${out%.}
  if [ -n "$out" ] && [ "${out: -1}" = $'\n' ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    printf 'FAIL %s: the output does not end with a newline: %q\n' "$name" "${out: -40}"
  fi
}
ends_line help-newline "$disarm" --help
ends_line usage-newline "$disarm"
for command in stats import validate show search diff bundle; do ends_line "$command-help-newline" "$disarm" "$command" --help; done
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

corpus="$src/tests/corpus/snapshots"
expect validate-help 0 'usage: disarm validate' -- "$disarm" validate --help
expect validate-sample 0 '^data/sample/snapshot.json: 0 errors, 1 warning$' -- bash -c "cd '$src' && '$disarm' validate data/sample/snapshot.json"
expect validate-sample-warning 0 '^warning: TA03: has a page but is listed in no index$' -- "$disarm" validate "$sample"
expect validate-errors 1 '^error: T0001: defined 2 times$' -- "$disarm" validate "$corpus/duplicate-ids.json"
expect validate-summary 1 'dangling-ids.json: 3 errors, 0 warnings$' -- "$disarm" validate "$corpus/dangling-ids.json"
expect validate-missing-arg 2 'missing SNAPSHOT' -- "$disarm" validate
expect validate-missing-file 2 'cannot read /nonexistent/x.json' -- "$disarm" validate /nonexistent/x.json
# A snapshot that does not load is one line on stderr, the same from every command.
one_line_error() {
  [ "$section" = "$group" ] || return 0
  local name=$1 file=$2 pattern=$3; shift 3
  local out rc
  out=$("$@" "$corpus/$file" 2>&1 >/dev/null); rc=$?
  if [ "$rc" = 2 ] && [ "$(wc -l <<<"$out")" = 1 ] && grep -Eq -- "$pattern" <<<"$out"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    printf 'FAIL %s: exit %s (wanted 2), stderr:\n%s\n' "$name" "$rc" "$out"
  fi
}
one_line_error validate-truncated truncated-object.json 'truncated-object.json: line 2, column 23: invalid JSON: unexpected end of input' "$disarm" validate
one_line_error stats-truncated truncated-object.json 'line 2, column 23: invalid JSON' "$disarm" stats
one_line_error validate-nul nul-in-string.json 'control character U\+0000 must be escaped' "$disarm" validate
one_line_error stats-invalid-utf8 invalid-utf8.json 'ill-formed UTF-8' "$disarm" stats
one_line_error validate-version wrong-version.json '/version: snapshot version 3 is not supported' "$disarm" validate
one_line_error stats-licence missing-licence.json '/provenance: missing required member "licence"' "$disarm" stats

expect show-help 0 'usage: disarm show' -- "$disarm" show --help
expect show-heading 0 '^T0154\.002  AI media service$' -- "$disarm" show "$sample" t0154.002
expect show-links 0 '^  T0154 +Content creation asset$' -- "$disarm" show "$sample" T0154.002
expect show-evidence 0 '^ +"The maker used an online speech service' -- "$disarm" show "$sample" T0154.002
expect show-references 0 '^  1\. How a fake recording split a town' -- "$disarm" show "$sample" I00001
expect show-json 0 '"subtechniques": \[' -- "$disarm" show "$sample" T0154 --json
expect show-json-evidence 0 '"I00002": "The images came from' -- "$disarm" show "$sample" T0154.002 --json
expect show-unknown 2 '^disarm: no object T0155 in .*snapshot.json \(did you mean T0154\.002, T0154, T0146\?\)$' -- "$disarm" show "$sample" T0155
expect show-unknown-far 2 '^disarm: no object ZZZ in .*snapshot.json$' -- "$disarm" show "$sample" ZZZ
expect show-missing-id 2 'missing ID' -- "$disarm" show "$sample"
if command -v python3 >/dev/null; then
  expect show-json-valid 0 '^T0154\.002 technique tactic,parent,incidents$' -- bash -c \
    "'$disarm' show '$sample' T0154.002 --json | python3 -c 'import json,sys; o=json.load(sys.stdin); print(o[\"id\"], o[\"kind\"], \",\".join(o[\"links\"]))'"
fi

expect search-help 0 'usage: disarm search SNAPSHOT.json QUERY' -- "$disarm" search --help
expect search-id 0 '^ 1\. T0154 +technique +Content creation asset' -- "$disarm" search "$sample" t0154
expect search-subtechnique 0 '^ 2\. T0154\.002 ' -- "$disarm" search "$sample" T0154
expect search-snippet 0 '^    name: \[Clone\] a \[voice\]$' -- "$disarm" search "$sample" clone voice
expect search-typo 0 '^ 1\. T0016 ' -- "$disarm" search "$sample" clikbait
expect search-kind 0 '^ 1\. I00001 +incident' -- "$disarm" search "$sample" voice --kind incident
expect search-kind-in-query 0 '^ 1\. C00012 ' -- "$disarm" search "$sample" 'kind:counter label'
expect search-json 0 '"field": "name"' -- "$disarm" search "$sample" "AI media" --json
expect search-json-fields 0 '^T0154\.002 technique name AI media service [0-9.]+ \[\[0, 2\], \[3, 8\]\]$' -- bash -c \
  "'$disarm' search '$sample' 'ai media' --json --limit 1 | python3 -c 'import json,sys; h=json.load(sys.stdin)[0]; print(h[\"id\"], h[\"kind\"], h[\"field\"], h[\"snippet\"], h[\"score\"], h[\"highlights\"])'"
expect search-none 0 '^no results$' -- "$disarm" search "$sample" zzzzqqq
expect search-missing-query 2 'missing QUERY' -- "$disarm" search "$sample"
expect search-bad-kind 2 "unknown kind 'frob'" -- "$disarm" search "$sample" voice --kind frob
expect search-bad-limit 2 "--limit wants a number, not 'x'" -- "$disarm" search "$sample" voice --limit x

# disarm diff: two releases of our own making, one of each kind of change.
cat >"$tmp/old.json" <<'JSON'
{"format": "disarm-snapshot", "version": 2, "provenance": {"licence": "MIT", "date": "2024-01-01", "commit": "aaa"},
 "release": {"framework": "DISARM Red/Blue 1.x", "version": "1.0"},
 "objects": [
  {"id": "P01", "kind": "phase", "name": "Plan"}, {"id": "P02", "kind": "phase", "name": "Act"},
  {"id": "TA01", "kind": "tactic", "name": "Prepare"}, {"id": "TA02", "kind": "tactic", "name": "Spread"},
  {"id": "T0001", "kind": "technique", "name": "Make accounts", "summary": "Open many accounts on one site."},
  {"id": "T0002", "kind": "technique", "name": "Write posts"},
  {"id": "T0003", "kind": "technique", "name": "Share posts"},
  {"id": "T0005", "kind": "technique", "name": "Old trick"},
  {"id": "I00001", "kind": "incident", "name": "A campaign"}],
 "relations": [{"type": "tactic-phase", "from": "TA01", "to": "P01"}, {"type": "tactic-phase", "from": "TA02", "to": "P02"},
  {"type": "technique-tactic", "from": "T0001", "to": "TA01"}, {"type": "technique-tactic", "from": "T0002", "to": "TA01"},
  {"type": "technique-tactic", "from": "T0003", "to": "TA02"}, {"type": "technique-tactic", "from": "T0005", "to": "TA02"},
  {"type": "incident-technique", "from": "I00001", "to": "T0001"}]}
JSON
cat >"$tmp/new.json" <<'JSON'
{"format": "disarm-snapshot", "version": 2, "provenance": {"licence": "MIT", "date": "2025-01-01", "commit": "bbb"},
 "release": {"framework": "DISARM Red/Blue 1.x", "version": "1.1"},
 "objects": [
  {"id": "P01", "kind": "phase", "name": "Plan"}, {"id": "P02", "kind": "phase", "name": "Act"},
  {"id": "TA01", "kind": "tactic", "name": "Prepare"}, {"id": "TA02", "kind": "tactic", "name": "Spread"},
  {"id": "T0001", "kind": "technique", "name": "Make accounts", "summary": "Open many fake accounts on one site."},
  {"id": "T0002", "kind": "technique", "name": "Write short posts"},
  {"id": "T0003", "kind": "technique", "name": "Share posts"},
  {"id": "T0004", "kind": "technique", "name": "Buy ads, widely"},
  {"id": "I00001", "kind": "incident", "name": "A campaign"}],
 "relations": [{"type": "tactic-phase", "from": "TA01", "to": "P01"}, {"type": "tactic-phase", "from": "TA02", "to": "P02"},
  {"type": "technique-tactic", "from": "T0001", "to": "TA01"}, {"type": "technique-tactic", "from": "T0002", "to": "TA01"},
  {"type": "technique-tactic", "from": "T0003", "to": "TA01"}, {"type": "technique-tactic", "from": "T0004", "to": "TA02"},
  {"type": "incident-technique", "from": "I00001", "to": "T0001"}, {"type": "incident-technique", "from": "I00001", "to": "T0003"}]}
JSON
expect diff-help 0 'usage: disarm diff OLD.json NEW.json' -- "$disarm" diff --help
expect diff-summary-from 0 '^from DISARM Red/Blue 1.x, version 1.0 \(2024-01-01\)$' -- "$disarm" diff "$tmp/old.json" "$tmp/new.json"
expect diff-summary-counts 0 '^  Techniques +1 +1 +1 +1 +1 +1$' -- "$disarm" diff "$tmp/old.json" "$tmp/new.json"
expect diff-summary-renamed 0 '^  T0002  "Write posts" -> "Write short posts"$' -- "$disarm" diff "$tmp/old.json" "$tmp/new.json"
expect diff-summary-moved 0 '^  T0003  tactic TA02 -> TA01$' -- "$disarm" diff "$tmp/old.json" "$tmp/new.json"
expect diff-same 0 '0 added, removed or changed$' -- "$disarm" diff "$tmp/old.json" "$tmp/old.json"
if command -v python3 >/dev/null; then
  cat >"$tmp/diffjson.py" <<'PY'
import json, sys
d = json.load(sys.stdin)
print(sorted(d), d["old"], d["new"]["version"], d["added"], d["removed"], d["renamed"], d["moved"])
print(" ".join("%s=%s" % (c["id"], ",".join(c["fields"])) for c in d["changed"]))
PY
  expect diff-json-keys 0 "^\['added', 'changed', 'moved', 'new', 'old', 'removed', 'renamed'\] \{'framework': 'DISARM Red/Blue 1.x', 'version': '1.0', 'date': '2024-01-01', 'commit': 'aaa'\} 1.1 \['T0004'\] \['T0005'\] \[\{'id': 'T0002', 'old': 'Write posts', 'new': 'Write short posts'\}\] \[\{'id': 'T0003', 'old': 'TA02', 'new': 'TA01'\}\]$" -- \
    bash -c "'$disarm' diff '$tmp/old.json' '$tmp/new.json' --json | python3 '$tmp/diffjson.py'"
  expect diff-json-changed 0 '^TA01=techniques TA02=techniques T0001=summary T0002=name T0003=tactic,incidents I00001=techniques$' -- \
    bash -c "'$disarm' diff '$tmp/old.json' '$tmp/new.json' --json | python3 '$tmp/diffjson.py'"
  expect diff-layer 0 '^T0001 #f0e442 T0002 #56b4e9 T0003 #e69f00 T0004 #009e73 removed: T0005$' -- bash -c \
    "'$disarm' diff '$tmp/old.json' '$tmp/new.json' --layer | python3 -c 'import json,sys,re; l=json.load(sys.stdin); print(\" \".join(t[\"techniqueID\"]+\" \"+t[\"color\"] for t in l[\"techniques\"]), \"removed:\", re.search(r\"\\): ([^.]*)\\.\", l[\"description\"]).group(1))'"
fi
expect diff-markdown 0 '^## Moved \(1\)$' -- "$disarm" diff "$tmp/old.json" "$tmp/new.json" --markdown
expect diff-markdown-row 0 '^\| T0003 \| Share posts \| tactic TA02 \| tactic TA01 \|$' -- "$disarm" diff "$tmp/old.json" "$tmp/new.json" --markdown
expect diff-csv 0 '^T0004,Technique,added,,"Buy ads, widely",,,,,'$'\r''$' -- "$disarm" diff "$tmp/old.json" "$tmp/new.json" --csv
expect diff-two-formats 2 'give one of --json, --markdown, --csv and --layer' -- "$disarm" diff "$tmp/old.json" "$tmp/new.json" --json --csv
expect diff-missing-arg 2 'missing NEW.json' -- "$disarm" diff "$tmp/old.json"
expect diff-missing-file 2 '^disarm: cannot read /nonexistent/x.json$' -- "$disarm" diff "$tmp/old.json" /nonexistent/x.json
one_line_error diff-broken truncated-object.json 'truncated-object.json: line 2, column 23: invalid JSON' "$disarm" diff "$tmp/old.json"
sed 's/"DISARM Red\/Blue 1.x", "version": "1.1"/"DISARM 2.0 Observations", "version": "2.0"/' "$tmp/new.json" >"$tmp/obs.json"
expect diff-across 0 'upstream publishes no mapping between them: only the 8 IDs both define' -- "$disarm" diff "$tmp/old.json" "$tmp/obs.json"

# disarm import: a tree of our own, upstream's pages when they are there, and what is no tree.
pages="$tmp/pages"
mkdir -p "$pages/tactics" "$tmp/notpages"
printf '# Tactic TA01: Light Up\n\n* **Summary:** Get the first lanterns burning.\n\n* **Belongs to phase:** P01\n\nDO NOT EDIT ABOVE THIS LINE\n' >"$pages/tactics/TA01.md"
printf '# Stray\n' >"$pages/stray.md"
echo notes >"$tmp/notpages/readme.txt"
expect import-help 0 'usage: disarm import PAGES_DIR' -- "$disarm" import --help
expect import-tree 0 'Tactics +1$' -- "$disarm" import "$pages" -o "$tmp/tree.json"
expect import-tree-warning 0 '^warning: stray.md: not a DISARM generated page; ignored$' -- "$disarm" import "$pages" -o "$tmp/tree.json"
expect import-tree-stats 0 'Phases +1$' -- "$disarm" stats "$tmp/tree.json"
expect import-missing-dir 2 '^disarm: /nonexistent/pages: no such directory$' -- "$disarm" import /nonexistent/pages -o "$tmp/x.json"
expect import-not-pages 2 'notpages is not a DISARM generated_pages directory' -- "$disarm" import "$tmp/notpages" -o "$tmp/x.json"
expect import-missing-output 2 'missing -o SNAPSHOT.json' -- "$disarm" import "$pages"
expect import-bad-date 2 'wants YYYY-MM-DD' -- "$disarm" import "$pages" -o "$tmp/x.json" --date 2025-2-10
expect import-bad-option 2 "unknown option '--frob'" -- "$disarm" import "$pages" -o "$tmp/x.json" --frob
upstream="$src/../shared/disarm/generated_pages"
bundle="$src/../shared/disarm/generated_files/DISARM_STIX/DISARM.json"
if [ "$group" = upstream ] && { [ ! -d "$upstream" ] || [ ! -f "$bundle" ]; }; then
  echo "cli: skipped: no upstream pages at $upstream or no STIX bundle at $bundle"
  exit 77
fi
section=upstream
up=(import "$upstream" --commit 49df5f649e16dfbf11e3859913c256c875c02692 --date 2025-02-10)
expect import-upstream 0 'Techniques +395$' -- "$disarm" "${up[@]}" -o "$tmp/up.json"
expect import-upstream-warnings 0 '^70 70$' -- bash -c "'$disarm' ${up[*]} -o '$tmp/up2.json' 2>&1 >/dev/null |
  awk '/^warning: [^ ]+:[0-9]+: /{w++} END {print NR, w}'"
expect import-upstream-identical 0 '' -- cmp "$tmp/up.json" "$tmp/up2.json"
expect import-upstream-stats 0 'Incidents +129$' -- "$disarm" stats "$tmp/up.json"
expect import-upstream-provenance 0 '"licence":"CC BY-SA 4.0"' -- grep -m1 '"provenance"' "$tmp/up.json"
expect import-upstream-release 0 '^release: DISARM Red/Blue 1.x, version 1.6, date 2025-02-10, commit 49df5f6' -- \
  "$disarm" "${up[@]}" -o "$tmp/up.json"
expect stats-json-release 0 '^DISARM Red/Blue 1.x 1.6 2025-02-10 49df5f649e16dfbf11e3859913c256c875c02692 395$' -- bash -c \
  "'$disarm' stats '$tmp/up.json' --json | python3 -c 'import json,sys; s=json.load(sys.stdin); r=s[\"release\"]; print(r[\"framework\"], r[\"version\"], r[\"date\"], r[\"commit\"], s[\"counts\"][\"technique\"])'"
expect show-disputed 0 '^TA04 tactic True$' -- bash -c \
  "'$disarm' show '$tmp/up.json' T0016 --json | python3 -c 'import json,sys; o=json.load(sys.stdin); d=o[\"disputed\"][0]; print(d[\"id\"], d[\"link\"], \"TA04\" in o[\"links\"][\"tactic\"] and \"TA05\" in o[\"links\"][\"tactic\"])'"
expect show-disputed-text 0 'TA04 .*\[disputed\]$' -- "$disarm" show "$tmp/up.json" T0016
expect validate-disputed 0 '^warning: T0016: disputed technique-tactic relation to TA04: ' -- bash -c "'$disarm' validate '$tmp/up.json'; true"
expect import-flags 0 '^release: Our fork, version 7-rc, date 2025-02-10' -- \
  "$disarm" "${up[@]}" -o "$tmp/flags.json" --framework 'Our fork' --version 7-rc
expect import-flags-stats 0 '^Our fork, version 7-rc$' -- "$disarm" stats "$tmp/flags.json"

# Every other release ../shared/disarm keeps: imported with exit 0 and recognised.
releases="$src/../shared/disarm/releases"
for rel in "1.4/generated_pages:DISARM Red/Blue 1.x, version 1.4" "1.7-stix/DISARM.json:DISARM Red/Blue 1.x, version 1.7" \
           "2.0-observations/generated_pages:DISARM 2.0 Observations, version 2.0" \
           "2.0-assessments/generated_pages:DISARM 2.0 Assessments, version 2.0 beta"; do
  input="$releases/${rel%%:*}"
  if [ -e "$input" ]; then
    expect "import-release-${rel%%/*}" 0 "^release: ${rel#*:}, " -- "$disarm" import "$input" -o "$tmp/rel.json"
  else
    echo "cli: import of $input skipped: not there"
  fi
done
if [ -d "$releases/2.0-assessments/generated_pages" ]; then
  "$disarm" import "$releases/2.0-assessments/generated_pages" -o "$tmp/assess.json" 2>/dev/null >/dev/null
  expect assess-import-words 0 '^  Assessments +140$' -- "$disarm" import "$releases/2.0-assessments/generated_pages" -o "$tmp/assess.json"
  expect assess-stats-words 0 '^  Categories +6$' -- "$disarm" stats "$tmp/assess.json"
  expect assess-stats-keys 0 '"technique": 140' -- "$disarm" stats "$tmp/assess.json" --json
  expect assess-show 0 '^Assessment$' -- "$disarm" show "$tmp/assess.json" a0001.001
  expect assess-show-links 0 '^A0001.001 technique Assessment A0001 TA80$' -- bash -c \
    "'$disarm' show '$tmp/assess.json' A0001.001 --json | python3 -c 'import json,sys; o=json.load(sys.stdin); print(o[\"id\"], o[\"kind\"], o[\"kind_label\"], o[\"links\"][\"parent\"][0], o[\"links\"][\"tactic\"][0])'"
  expect assess-actor-type-id 2 'no object A001 in' -- "$disarm" show "$tmp/assess.json" A001
fi
# disarm diff on two real releases: 1.4's pages against 1.6's. From ls of the two trees: 133
# technique pages new, 86 gone, of which 4 IDs are still listed (named anew) on 1.6's stale
# TA03 and TA04 pages, so are there without a page; renamed by their headings T0039 and T0097.
if [ "$group" = upstream ] && [ -d "$releases/1.4/generated_pages" ]; then
  "$disarm" import "$releases/1.4/generated_pages" -o "$tmp/up14.json" >/dev/null 2>&1
  expect diff-upstream-counts 0 '^133 82 T0011,T0012,T0013,T0019 T0011,T0013,T0019,T0039,T0097$' -- bash -c "'$disarm' diff '$tmp/up14.json' '$tmp/up.json' --json |
    python3 -c 'import json,sys; d=json.load(sys.stdin); t=lambda ids: [i for i in ids if i.startswith(\"T0\")]; print(len(t(d[\"added\"])), len(t(d[\"removed\"])), \",\".join(c[\"id\"] for c in d[\"changed\"] if \"page\" in c[\"fields\"]), \",\".join(r[\"id\"] for r in d[\"renamed\"] if r[\"id\"].startswith(\"T0\")))'"
  expect diff-upstream-summary 0 '^  Incidents +63 +0 ' -- "$disarm" diff "$tmp/up14.json" "$tmp/up.json"
fi
section=own

# disarm import of a STIX bundle file: one of our own, a file that is no bundle, upstream's.
printf '{"type": "bundle", "objects": [{"type": "x-mitre-tactic", "id": "x-mitre-tactic--1", "name": "Light Up",
  "x_mitre_shortname": "light-up", "external_references": [{"external_id": "TA01"}]}]}' >"$tmp/bundle.json"
expect import-stix 0 'bundle.json: STIX bundle, 1 objects, 0 relations \(0 disputed\), 1 warnings$' -- "$disarm" import "$tmp/bundle.json" -o "$tmp/stix.json"
expect import-stix-warning 0 '^warning: /objects: no x-mitre-matrix' -- "$disarm" import "$tmp/bundle.json" -o "$tmp/stix.json"
expect import-stix-stats 0 'Tactics +1$' -- "$disarm" stats "$tmp/stix.json"
expect import-not-bundle 2 'snapshot.json: /: not a STIX bundle' -- "$disarm" import "$sample" -o "$tmp/x.json"
section=upstream
expect import-upstream-stix 0 'Techniques +391$' -- "$disarm" import "$bundle" -o "$tmp/upstix.json"
expect import-upstream-stix-provenance 0 'from its STIX 2.1 bundle' -- grep -m1 '"provenance"' "$tmp/upstix.json"
section=own

# disarm bundle: usage and I/O errors, a viewer of our own making, and the real web build.
expect bundle-help 0 'usage: disarm bundle -o FILE.html' -- "$disarm" bundle --help
expect bundle-missing-output 2 'missing -o FILE.html' -- "$disarm" bundle --viewer "$tmp"
expect bundle-bad-option 2 "unknown option '--frob'" -- "$disarm" bundle -o "$tmp/b.html" --frob
expect bundle-extra-arg 2 "unexpected argument 'extra'" -- "$disarm" bundle -o "$tmp/b.html" extra
expect bundle-no-viewer 2 '^disarm: /nonexistent/web: no such directory' -- "$disarm" bundle -o "$tmp/b.html" --viewer /nonexistent/web
expect bundle-default-viewer 2 '^disarm: build/web/web: no such directory' -- bash -c "cd '$tmp' && '$disarm' bundle -o b.html"
viewer="$tmp/viewer"
mkdir -p "$viewer"
printf '<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src '"'none'"'; script-src '"'self'"' '"'wasm-unsafe-eval'"'">\n<script src="viewer.js"></script>\n<script src="gone.js"></script>\n' >"$viewer/index.html"
expect bundle-incomplete 2 'viewer: missing disarm_viewer.js: not a built viewer' -- "$disarm" bundle -o "$tmp/b.html" --viewer "$viewer"
printf 'var createDisarmViewer = 1; // "</script>"\n' >"$viewer/disarm_viewer.js"
printf '\0asm\1\0\0\0' >"$viewer/disarm_viewer.wasm"
printf 'window.viewerLoaded = true;\n' >"$viewer/viewer.js"
expect bundle-missing-script 2 'index.html: names gone.js, which is missing$' -- "$disarm" bundle -o "$tmp/b.html" --viewer "$viewer"
printf 'window.gone = false;\n' >"$viewer/gone.js"
expect bundle-unwritable 2 '^disarm: cannot write /nonexistent/b.html$' -- "$disarm" bundle -o /nonexistent/b.html --viewer "$viewer"
expect bundle-made 0 "^wrote $tmp/b.html \\([0-9]+ bytes\\)$" -- "$disarm" bundle -o "$tmp/b.html" --viewer "$viewer"
expect bundle-no-src 1 '' -- grep -q 'src=' "$tmp/b.html"
expect bundle-wasm 0 'id="disarm-wasm">AGFzbQEAAAA=</script>' -- cat "$tmp/b.html"
expect bundle-escaped 0 '// "<\\/script>"' -- cat "$tmp/b.html"
if command -v python3 >/dev/null; then
  # Every inline script's SHA-256 is in the policy, and the policy names nothing else.
  cat >"$tmp/hashes.py" <<'PY'
import base64, hashlib, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
policy = re.search(r'script-src ([^;"]*)', page).group(1).split()
wanted = ["'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts]
print(len(scripts), "scripts, policy", "matches" if policy == wanted + ["'wasm-unsafe-eval'"] else "differs: %s" % policy)
PY
  expect bundle-hashes 0 '^3 scripts, policy matches$' -- python3 "$tmp/hashes.py" "$tmp/b.html"
fi
web="$src/build/web/web"
if [ "$group" = web ] && { [ ! -f "$web/disarm_viewer.wasm" ] || [ ! -f "$web/index.html" ]; }; then
  echo "cli: skipped: no built viewer in $web"
  exit 77
fi
section=web
expect bundle-web 0 "^wrote $tmp/disarm.html \\([0-9]+ bytes\\)$" -- "$disarm" bundle -o "$tmp/disarm.html" --viewer "$web"
expect bundle-web-no-src 1 '' -- grep -Eq '<script[^>]* src=' "$tmp/disarm.html"
if command -v python3 >/dev/null; then
  expect bundle-web-hashes 0 'scripts, policy matches$' -- python3 "$tmp/hashes.py" "$tmp/disarm.html"
fi
# The bundle carries the wasm gzipped, in base64: it cannot be smaller than the gzipped wasm.
expect bundle-web-holds-wasm 0 '^yes$' -- bash -c "[ \$(stat -c %s '$tmp/disarm.html') -gt \$(gzip -9c '$web/disarm_viewer.wasm' | wc -c) ] && echo yes"

echo "cli ($group): $pass passed, $fail failed"
[ "$fail" = 0 ]
