#!/usr/bin/env bash
# `diplograph extract` on the shared dev set: exactly one valid JSON line per dispatch, in input
# order, with the input's id, lang and date (the seed dispatch dated 2020-10-01), the same
# output with -o FILE and with any number of threads.
# Usage: extract_dev.sh path/to/diplograph   (env: DG_SHARED_DIR)
set -u

bin="${1:?usage: extract_dev.sh path/to/diplograph}"
dev="${DG_SHARED_DIR:-}/eval/dev/dispatches.jsonl"
if [[ -z "${DG_SHARED_DIR:-}" || ! -f "${dev}" ]]; then
  echo "SKIPPED: extract_dev.sh: no dev set at '${dev}' (DG_SHARED_DIR='${DG_SHARED_DIR:-}');" \
    "the shared/ folder must sit beside the repository" >&2
  exit 77
fi
python="$(command -v python3 || true)"
if [[ -z "${python}" ]]; then
  echo "FAIL: extract_dev.sh: python3 is missing (scripts/setup.sh installs it)" >&2
  exit 1
fi
# shellcheck source=common.bash
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

run extract "${bin}" extract "${dev}"
if [[ "${status}" != 0 ]]; then
  fail "extract of the dev set exited ${status}; stderr:"
  cat "${work}/extract.err" >&2
fi

if ! "${python}" - "${dev}" "${work}/extract.out" <<'EOF'; then
import json
import sys

dev_path, out_path = sys.argv[1], sys.argv[2]
problems = []
inputs = []
with open(dev_path, encoding="utf-8") as f:
    for line in f:
        if line.strip():
            inputs.append(json.loads(line))
outputs = []
with open(out_path, encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        try:
            record = json.loads(line)
        except ValueError as e:
            problems.append(f"output line {number} is not JSON: {e}")
            continue
        if not isinstance(record, dict):
            problems.append(f"output line {number} is not a JSON object")
            continue
        outputs.append(record)

if len(outputs) != len(inputs):
    problems.append(f"{len(outputs)} output lines for {len(inputs)} dispatches")
for given, record in zip(inputs, outputs):
    where = f"dispatch {given['id']!r}"
    for key in ("id", "date", "lang", "relations", "actors"):
        if key not in record:
            problems.append(f"{where}: no {key!r} in the output")
    if record.get("id") != given["id"]:
        problems.append(f"{where}: output id {record.get('id')!r} (input order lost?)")
    if given.get("lang"):
        if record.get("lang") != given["lang"]:
            problems.append(f"{where}: lang {record.get('lang')!r}, input {given['lang']!r}")
    elif record.get("lang") not in ("fr", "en"):
        problems.append(f"{where}: detected lang {record.get('lang')!r}, expected fr or en")
    if given.get("date") and record.get("date") != given["date"]:
        problems.append(f"{where}: date {record.get('date')!r}, input {given['date']!r}")
    if not isinstance(record.get("relations"), list) or not isinstance(record.get("actors"), list):
        problems.append(f"{where}: relations and actors must be lists")

seed = [r for r in outputs if r.get("id") == "seed-afp-2020-10-01-moscou"]
if len(seed) != 1:
    problems.append(f"the seed dispatch appears {len(seed)} times")
elif seed[0].get("date") != "2020-10-01":
    problems.append(f"the seed dispatch is dated {seed[0].get('date')!r}, expected '2020-10-01'")

for p in problems:
    print("FAIL:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
  fail "the dev set's output does not match its input (above)"
fi

# -o FILE writes the same bytes as standard output; so do one thread and two.
run extract-file "${bin}" extract -o "${work}/dev.jsonl" "${dev}"
if [[ "${status}" != 0 ]] || ! cmp -s "${work}/dev.jsonl" "${work}/extract.out"; then
  fail "extract -o FILE (status ${status}) differs from extract to stdout"
fi
for threads in 1 2 3; do
  run "threads-${threads}" "${bin}" extract --threads "${threads}" "${dev}"
  if [[ "${status}" != 0 ]] || ! cmp -s "${work}/threads-${threads}.out" "${work}/extract.out"; then
    fail "extract --threads ${threads} (status ${status}) differs from the default run"
  fi
done
# --quiet leaves stderr empty on a clean input.
run quiet "${bin}" extract --quiet "${dev}"
if [[ -s "${work}/quiet.err" ]]; then
  fail "extract --quiet printed on stderr:"
  cat "${work}/quiet.err" >&2
fi

finish
