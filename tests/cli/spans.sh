#!/usr/bin/env bash
# Offsets in the output are code points into the dispatch's original text (DESIGN.md section 6):
# for every mention of every actor, text[begin:end] (Python slicing) is exactly the mention's
# text, and every relation span lies inside the text. Checked on the samples (every input
# format: JSON Lines, a JSON array, wire text files read from disk) and on the shared dev set.
# Usage: spans.sh path/to/diplograph   (env: DG_SOURCE_DIR, DG_SHARED_DIR)
set -u

bin="${1:?usage: spans.sh path/to/diplograph}"
samples="${DG_SOURCE_DIR:?DG_SOURCE_DIR must name the source tree}/samples/dispatches"
dev="${DG_SHARED_DIR:-}/eval/dev/dispatches.jsonl"
python="$(command -v python3 || true)"
if [[ -z "${python}" ]]; then
  echo "FAIL: spans.sh: python3 is missing (scripts/setup.sh installs it)" >&2
  exit 1
fi
# shellcheck source=common.bash
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

# check_spans OUTPUT INPUT...: the Python check of OUTPUT against the texts of INPUT (files or
# directories, read the way diplograph reads them).
check_spans() {
  "${python}" - "$@" <<'EOF'
import json
import os
import sys

out_path, inputs = sys.argv[1], sys.argv[2:]
texts = {}  # dispatch id -> original text


def read_text(path):
    # newline="" keeps \r\n; a UTF-8 byte order mark is not part of the text.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read().removeprefix("\ufeff")


def add_file(path):
    if path.endswith(".jsonl"):
        for number, line in enumerate(read_text(path).split("\n"), 1):
            if line.strip():
                item = json.loads(line)
                texts[item.get("id") or f"{path}:{number}"] = item["text"]
    elif path.endswith(".json"):
        for number, item in enumerate(json.loads(read_text(path)), 1):
            texts[item.get("id") or f"{path}:{number}"] = item["text"]
    else:  # wire text: one dispatch, named by its path
        texts[path] = read_text(path)


for name in inputs:
    if os.path.isdir(name):
        for root, _, files in os.walk(name):
            for f in sorted(files):
                add_file(os.path.join(root, f))
    else:
        add_file(name)

problems = []
records = mentions = relations = 0
with open(out_path, encoding="utf-8") as f:
    for line in f:
        record = json.loads(line)
        records += 1
        rid = record["id"]
        if rid not in texts:
            problems.append(f"{rid!r}: no such dispatch in the input")
            continue
        text = texts[rid]
        for actor in record["actors"]:
            if not actor.get("mentions"):
                problems.append(f"{rid!r}: actor {actor.get('id')!r} has no mention")
            for m in actor.get("mentions", []):
                mentions += 1
                begin, end = m["span"]
                if not (0 <= begin < end <= len(text)):
                    problems.append(f"{rid!r}: mention span {m['span']} outside 0..{len(text)}")
                elif text[begin:end] != m["text"]:
                    problems.append(f"{rid!r}: mention {m['text']!r} at {m['span']}"
                                    f" but the text there is {text[begin:end]!r}")
        for r in record["relations"]:
            relations += 1
            begin, end = r["span"]
            if not (0 <= begin < end <= len(text)):
                problems.append(f"{rid!r}: relation span {r['span']} outside 0..{len(text)}")
if records != len(texts):
    problems.append(f"{records} output lines for {len(texts)} dispatches")
if mentions == 0:
    problems.append("no mention at all: nothing was checked")
for p in problems[:50]:
    print("FAIL:", p, file=sys.stderr)
print(f"  {records} dispatches, {mentions} mentions, {relations} relations checked;"
      f" {len(problems)} problems")
sys.exit(1 if problems else 0)
EOF
}

# The samples: every input format, .txt files included.
status=0
"${bin}" extract "${samples}" >"${work}/samples.jsonl" 2>"${work}/samples.err" || status=$?
if [[ "${status}" != 0 ]] || grep -qE 'Sanitizer|runtime error:' "${work}/samples.err"; then
  fail "extract of the samples exited ${status}; stderr:"
  cat "${work}/samples.err" >&2
fi
echo "samples:"
check_spans "${work}/samples.jsonl" "${samples}" || fail "mention spans on the samples (above)"

# A wire text with a byte order mark, CRLF line ends and text beyond the BMP (an emoji counts
# as one code point, as Python counts).
printf '\xef\xbb\xbfPARIS, 3 mars 2021 (AFP) - \xf0\x9f\x87\xab\xf0\x9f\x87\xb7 La France soutient le Mali.\r\n\r\nLe Premier ministre fran\xc3\xa7ais a d\xc3\xa9clar\xc3\xa9 que Paris soutenait Bamako face aux jihadistes.\r\n' \
  >"${work}/crlf-bom.txt"
status=0
"${bin}" extract "${work}/crlf-bom.txt" >"${work}/crlf.jsonl" 2>"${work}/crlf.err" || status=$?
if [[ "${status}" != 0 ]]; then
  fail "extract of a CRLF text with a BOM exited ${status}"
  cat "${work}/crlf.err" >&2
fi
echo "a CRLF wire text with a byte order mark and an emoji:"
check_spans "${work}/crlf.jsonl" "${work}/crlf-bom.txt" || fail "mention spans on crlf-bom.txt (above)"

# The dev set, when shared/ is there.
if [[ -n "${DG_SHARED_DIR:-}" && -f "${dev}" ]]; then
  status=0
  "${bin}" extract "${dev}" >"${work}/dev.jsonl" 2>"${work}/dev.err" || status=$?
  if [[ "${status}" != 0 ]]; then
    fail "extract of the dev set exited ${status}"
    cat "${work}/dev.err" >&2
  fi
  echo "dev set:"
  check_spans "${work}/dev.jsonl" "${dev}" || fail "mention spans on the dev set (above)"
else
  echo "NOTE: spans.sh: no dev set at '${dev}'; checked the samples only" >&2
fi

finish
