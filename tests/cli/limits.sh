#!/usr/bin/env bash
# The input limits (issue 8) are wired to the command line and never silent:
# - --max-sentence-tokens: a longer sentence is cut into pieces (no text lost, relations on both
#   sides still found), with a warning naming file:line and the dispatch id, even with -q; a
#   value below 16 is refused; ordinary text gives no warning;
# - --max-dispatch-bytes: a larger dispatch is reported with file:line and skipped, the others
#   kept, exit status 1.
# Usage: limits.sh path/to/diplograph
set -u

bin="${1:?usage: limits.sh path/to/diplograph}"
# shellcheck source=hostile_common.bash
source "$(dirname "$0")/hostile_common.bash"

# 200 tokens without a full stop, a relation at each end; then an ordinary dispatch.
filler=$(printf 'et puis %.0s' $(seq 90))
long="La Russie soutient l'Arménie ${filler} la Turquie soutient l'Azerbaïdjan"
{
  printf '{"id":"short","lang":"fr","text":"La France soutient le Mali."}\n'
  printf '{"id":"long\\u001b[31m","lang":"fr","text":"%s"}\n' "${long}"
} >"${work}/in.jsonl"

run default 60 "${bin}" extract -q --threads 1 "${work}/in.jsonl"
expect_status default 0
[[ ! -s "${work}/default.err" ]] || fail "default: a warning under the default limit: $(cat "${work}/default.err")"

run cut 60 "${bin}" extract -q --threads 2 --max-sentence-tokens 64 "${work}/in.jsonl"
expect_status cut 0
# The id's escape character is shown as \x1b, not sent to the terminal.
expect_error cut "^warning: ${work}/in.jsonl:2: dispatch 'long\\\\x1b\[31m': [0-9]+ sentence\(s\) reached --max-sentence-tokens and were cut$"
[[ $(wc -l <"${work}/cut.err") == 1 ]] || fail "cut: expected one warning: $(cat "${work}/cut.err")"
expect_json_lines cut 2
python3 - "${work}/cut.out" <<'EOF' || fail "cut: relations lost at the cut"
import json, sys
rec = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")][1]
pairs = {(r["source"]["id"], r["target"]["id"]) for r in rec["relations"] if r["type"] == "supports"}
want = {("state/RUS", "state/ARM"), ("state/TUR", "state/AZE")}
sys.exit(0 if want <= pairs else f"supports pairs: {sorted(pairs)}")
EOF

# A whole-file dispatch: the line is that of the first cut sentence.
printf 'Titre\n\nLa France soutient le Mali.\n\n%s\n' "${long}" >"${work}/wire.txt"
run wire 60 "${bin}" extract -q --max-sentence-tokens 64 "${work}/wire.txt"
expect_status wire 0
expect_error wire "^warning: ${work}/wire.txt:5: dispatch '[^']+': "

run too-small 10 "${bin}" extract --max-sentence-tokens 3 "${work}/in.jsonl"
expect_status too-small 2

# --max-dispatch-bytes: the long dispatch (about 1 KB) is over 500 bytes.
run bytes 60 "${bin}" extract -q --max-dispatch-bytes 500 "${work}/in.jsonl"
expect_status bytes 1
expect_error bytes "^error: ${work}/in.jsonl:2:.*max_dispatch_bytes \(500\)"
expect_json_lines bytes 1

finish
