#!/usr/bin/env bash
# Pathological sizes (issue 8), each in bounded time and memory, without a crash:
# - a 50 MB dispatch (wire text and a JSON line) over --max-dispatch-bytes: reported with the
#   file (and line) and skipped, read no further than the limit, the other dispatches kept;
# - a 5 MB dispatch processed whole, its memory within a multiple of its size;
# - a single 5 MB sentence with no punctuation: cut into bounded sentences, time linear;
# - 100,000 repetitions of an actor name: one actor with 100,000 mentions.
# Memory limits are checked only on builds without sanitizers, and there (10 to 50 times slower)
# the 5 MB dispatch and sentence are 250 KB: the Release build runs the full sizes.
# Usage: hostile_size.sh BINARY
set -u

bin="${1:?usage: hostile_size.sh path/to/diplograph}"
# shellcheck source=hostile_common.bash
source "$(dirname "$0")/hostile_common.bash"

# repeat FILE BYTES TEXT: TEXT repeated to about BYTES bytes, no newline; FILE "-": stdout.
repeat() {
  python3 - "$@" <<'EOF'
import sys
path, size, text = sys.argv[1], int(sys.argv[2]), sys.argv[3]
data = text.encode()
data = data * (size // len(data))
if path == "-":
    sys.stdout.buffer.write(data)
else:
    with open(path, "wb") as f:
        f.write(data)
EOF
}

kb=5000
[[ ${sanitized} == 1 ]] && kb=250

paragraph="La Russie soutient l'Arménie, a déclaré le Kremlin. Le président turc a accusé la France \
de soutenir les séparatistes. Germany supports Ukraine, Berlin said. "

# --- 50 MB: over the limit, reported and skipped -----------------------------------------------
{
  printf 'PARIS, 1 oct 2020 (AFP) - '
  repeat - $((50 * 1000 * 1000)) "${paragraph}"
} >"${work}/big.txt"
{
  printf '%s\n' '{"id":"small-1","text":"Turkey supports Azerbaijan, Ankara said."}'
  printf '{"id":"big","text":"'
  repeat - $((50 * 1000 * 1000)) "${paragraph}"
  printf '"}\n'
  printf '%s\n' '{"id":"small-2","text":"Qatar mediates between the United States and the Taliban."}'
} >"${work}/big.jsonl"
run big 120 "${bin}" extract --max-dispatch-bytes 10000000 "${work}/big.txt" "${work}/big.jsonl"
expect_status big 1
expect_error big "^error: ${work}/big.txt: dispatch larger than max_dispatch_bytes \(10000000\)"
expect_error big "^error: ${work}/big.jsonl:2:? ?.*max_dispatch_bytes"
expect_json_lines big 2
expect_memory big 400
note "50 MB over the limit: ${cpu_s} s CPU, ${rss_mb} MB peak"

# The same dispatch from standard input: same limit, same message, named <stdin>.
stdin="${work}/big.txt" run big-stdin 120 "${bin}" extract --max-dispatch-bytes 10000000 -
expect_status big-stdin 1
expect_error big-stdin "^error: <stdin>: dispatch larger than max_dispatch_bytes"
expect_memory big-stdin 400

# --- 5 MB: processed whole ------------------------------------------------------------------------
{
  printf 'PARIS, 1 oct 2020 (AFP) - '
  repeat - $((kb * 1000)) "${paragraph}"
} >"${work}/five.txt"
run five 120 "${bin}" extract --threads 1 "${work}/five.txt"
expect_status five 0
expect_json_lines five 1
# About 90 bytes of memory per input byte today (the record repeats each actor, aliases and
# all, in every assertion): 1 GB leaves room, and catches anything quadratic.
expect_memory five 1000
note "${kb} KB dispatch: ${cpu_s} s CPU, ${rss_mb} MB peak, $(wc -c <"${work}/five.out") bytes out"

# --- a 5 MB sentence with no punctuation ---------------------------------------------------------
repeat "${work}/sentence.txt" $((kb * 1000)) \
  "la Russie soutient l Arménie et le président turc accuse la France de soutenir les séparatistes et Germany supports Ukraine and "
run sentence 120 "${bin}" extract --threads 1 "${work}/sentence.txt"
expect_status sentence 0
expect_json_lines sentence 1
expect_memory sentence 1000
# Sentences are cut at --max-sentence-tokens (400) tokens, with a warning: indexes run to
# about one per 2.5 KB.
max_sentence=$(python3 -c '
import json, sys
r = json.loads(open(sys.argv[1]).readline())
print(max((a["sentence"] for a in r["relations"]), default=-1))' "${work}/sentence.out")
[[ ${max_sentence} -gt $((kb / 5)) ]] ||
  fail "sentence: highest sentence index ${max_sentence}; the sentence was not cut"
expect_error sentence "^warning: ${work}/sentence.txt:1: dispatch '[^']+': [0-9]+ sentence\\(s\\) reached --max-sentence-tokens"
note "${kb} KB sentence: ${cpu_s} s CPU, ${rss_mb} MB peak, ${max_sentence} sentences"

# --- 100,000 repetitions of an actor name -----------------------------------------------------
repeat "${work}/names.txt" $((100000 * 7)) "Russia "
run names 60 "${bin}" extract --threads 1 "${work}/names.txt"
expect_status names 0
mentions=$(python3 -c '
import json, sys
r = json.loads(open(sys.argv[1]).readline())
print(sum(len(a["mentions"]) for a in r["actors"] if a["id"] == "state/RUS"))' "${work}/names.out")
[[ ${mentions} == 100000 ]] || fail "names: ${mentions} mentions of Russia, expected 100000"
expect_memory names 300
note "100,000 names: ${cpu_s} s CPU, ${rss_mb} MB peak"

# The same names through build: one node, every export written.
run names-build 60 "${bin}" build -q --threads 1 -o "${work}/out" --format ttl,graphml,csv,jsonl \
  "${work}/names.txt"
expect_status names-build 0
nodes=$(grep -c '<node ' "${work}/out/graph.graphml")
[[ ${nodes} == 1 ]] || fail "names-build: ${nodes} nodes in graph.graphml, expected 1"

finish
