#!/usr/bin/env bash
# `diplograph eval` on the shared dev set: a table with P, R and F1 for the whole set, each core
# relation type and each language, and the actor coverage; --json gives the same as JSON.
# Usage: eval_dev.sh path/to/diplograph   (env: DG_SHARED_DIR)
set -u

bin="${1:?usage: eval_dev.sh path/to/diplograph}"
dev="${DG_SHARED_DIR:-}/eval/dev"
if [[ -z "${DG_SHARED_DIR:-}" || ! -f "${dev}/gold.jsonl" || ! -f "${dev}/dispatches.jsonl" ]]; then
  echo "SKIPPED: eval_dev.sh: no dev set under '${dev}' (DG_SHARED_DIR='${DG_SHARED_DIR:-}');" \
    "the shared/ folder must sit beside the repository" >&2
  exit 77
fi
# shellcheck source=common.bash
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

status=0
"${bin}" eval --gold "${dev}/gold.jsonl" "${dev}/dispatches.jsonl" </dev/null \
  >"${work}/table.txt" 2>"${work}/table.err" || status=$?
if [[ "${status}" != 0 ]] || grep -qE 'Sanitizer|runtime error:' "${work}/table.err"; then
  fail "eval exited ${status}; stderr:"
  cat "${work}/table.err" >&2
fi
cat "${work}/table.txt"

# The header names the columns; each row ends with P R F1, numbers between 0 and 1.
head -n 1 "${work}/table.txt" | grep -qE '\bP\b.*\bR\b.*\bF1\b' ||
  fail "the table's header does not name P, R and F1"
number='(0|1)\.[0-9]+'
for row in overall supports allied-with mediates accuses "lang fr" "lang en"; do
  if ! grep -qE "^${row} .* ${number} +${number} +${number}\$" "${work}/table.txt"; then
    fail "no '${row}' row with P, R and F1 values"
  fi
done
grep -qE '^actor coverage: [0-9]+/[0-9]+' "${work}/table.txt" || fail "no 'actor coverage' line"

# --json: one JSON document.
status=0
"${bin}" eval --json --gold "${dev}/gold.jsonl" "${dev}/dispatches.jsonl" </dev/null \
  >"${work}/report.json" 2>"${work}/json.err" || status=$?
[[ "${status}" == 0 ]] || fail "eval --json exited ${status}"
if ! python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "${work}/report.json"; then
  fail "eval --json did not print valid JSON"
fi

# A gold file that does not exist: a message naming it, status 3.
status=0
"${bin}" eval --gold "${work}/no-gold.jsonl" "${dev}/dispatches.jsonl" </dev/null \
  >/dev/null 2>"${work}/nogold.err" || status=$?
[[ "${status}" == 3 ]] || fail "eval with a missing gold file exited ${status}, expected 3"
grep -qF "${work}/no-gold.jsonl" "${work}/nogold.err" || fail "the message does not name the gold file"

finish
