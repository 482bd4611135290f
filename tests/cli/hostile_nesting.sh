#!/usr/bin/env bash
# Deeply nested JSON (issue 8): a million '[' or '{' in a JSON document, in a JSON Lines line,
# on standard input, and in an assertion part given to `merge`, is refused with "nested deeper
# than 64 levels" at file:line:column, without a stack overflow, quickly and in little memory;
# the records around it are kept. (Before the fix, `merge` died of SIGSEGV on such a part.)
# Usage: hostile_nesting.sh path/to/diplograph
set -u

bin="${1:?usage: hostile_nesting.sh path/to/diplograph}"
# shellcheck source=hostile_common.bash
source "$(dirname "$0")/hostile_common.bash"

depth=1000000
nest() {  # nest OPEN CLOSE: OPEN x depth then CLOSE x depth
  python3 -c 'import sys; d = int(sys.argv[3]); sys.stdout.write(sys.argv[1] * d + sys.argv[2] * d)' \
    "$1" "$2" "${depth}"
}

good='{"id":"ok","text":"Turkey supports Azerbaijan, Ankara said."}'

# A JSON document.
{ nest '[' ']'; echo; } >"${work}/deep.json"
run json 30 "${bin}" extract "${work}/deep.json"
expect_status json 1
expect_error json "^error: ${work}/deep.json:1:[0-9]+: JSON nested deeper than 64 levels"
expect_memory json 300

# A JSON Lines line, between good ones; objects this time.
{
  echo "${good}"
  printf '{"id":"deep","text":"x","extra":'
  python3 -c 'import sys; d = int(sys.argv[1]); sys.stdout.write("{\"a\":" * d + "1" + "}" * d)' "${depth}"
  echo '}'
  echo '{"id":"ok2","text":"Qatar mediates between the United States and the Taliban."}'
} >"${work}/deep.jsonl"
run jsonl 30 "${bin}" extract "${work}/deep.jsonl"
expect_status jsonl 1
expect_error jsonl "^error: ${work}/deep.jsonl:2:[0-9]+: JSON nested deeper than 64 levels"
expect_json_lines jsonl 2
expect_memory jsonl 300

# Standard input, sniffed as a JSON document.
stdin="${work}/deep.json" run stdin 30 "${bin}" extract -
expect_status stdin 1
expect_error stdin "^error: <stdin>:1:[0-9]+: JSON nested deeper than 64 levels"

# An unclosed million '[': the same, not a wait for more input.
python3 -c 'import sys; sys.stdout.write("[" * int(sys.argv[1]))' "${depth}" >"${work}/open.json"
run open 30 "${bin}" extract "${work}/open.json"
expect_status open 1
expect_error open "^error: ${work}/open.json:1:[0-9]+: JSON nested deeper than 64 levels"

# 64 levels are fine: a dispatch object nested in 63 arrays of an unknown field.
printf '{"id":"d64","text":"Russia backs Syria.","x":%s%s}\n' \
  "$(printf '%.0s[' $(seq 63))" "$(printf '%.0s]' $(seq 63))" >"${work}/d64.jsonl"
run d64 30 "${bin}" extract "${work}/d64.jsonl"
expect_status d64 0
expect_json_lines d64 1

# merge: an assertion part with a deep line between two good records.
run parts 30 "${bin}" extract "${work}/d64.jsonl"
{
  cat "${work}/parts.out"
  printf '{"id":"deep","relations":'
  nest '[' ']'
  echo '}'
  sed 's/"id":"d64"/"id":"d65"/' "${work}/parts.out"
} >"${work}/part.jsonl"
run merge 30 "${bin}" merge -o "${work}/merged" --format ttl,jsonl "${work}/part.jsonl"
expect_status merge 1
expect_error merge "^error: ${work}/part.jsonl:2:[0-9]+: JSON nested deeper than 64 levels"
expect_memory merge 300
lines=$(wc -l <"${work}/merged/assertions.jsonl" 2>/dev/null || echo 0)
[[ ${lines} == 2 ]] || fail "merge: ${lines} records written, expected 2"

finish
