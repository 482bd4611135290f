#!/usr/bin/env bash
# 10^6 tiny dispatches (issue 8), generated as a stream: extract reads them from standard input
# and writes one line each, in order, in bounded time and memory (the id table is the only thing
# that grows with the count); a duplicate id at the end is still caught. Then the same stream
# through build, whose graph stays small whatever the number of dispatches.
# Under sanitizers (about 30 times slower) the stream is 10^4 dispatches; the Release build runs
# 10^6. Usage: hostile_many.sh path/to/diplograph
set -u

bin="${1:?usage: hostile_many.sh path/to/diplograph}"
# shellcheck source=hostile_common.bash
source "$(dirname "$0")/hostile_common.bash"

count=1000000
[[ ${sanitized} == 1 ]] && count=10000
# Four tiny texts in turn, one of them with a relation; then a duplicate of the first id.
awk -v n="${count}" 'BEGIN {
  split("Russia backs Syria.|Bonjour.|Hello.|Paris.", t, "|");
  for (i = 0; i < n; ++i) printf "{\"id\":\"d%d\",\"lang\":\"en\",\"text\":\"%s\"}\n", i, t[i % 4 + 1];
  print "{\"id\":\"d0\",\"text\":\"again\"}";
}' >"${work}/many.jsonl"

stdin="${work}/many.jsonl" run extract 240 "${bin}" extract -
expect_status extract 1
expect_error extract "^error: <stdin>:$((count + 1)): duplicate id 'd0', first seen at <stdin>:1"
lines=$(wc -l <"${work}/extract.out")
[[ ${lines} == "${count}" ]] || fail "extract: ${lines} output lines, expected ${count}"
want_first='{"id":"d0",'
want_last="{\"id\":\"d$((count - 1))\","
first=$(head -c "${#want_first}" "${work}/extract.out")
last=$(tail -n 1 "${work}/extract.out" | head -c "${#want_last}")
[[ ${first} == "${want_first}" && ${last} == "${want_last}" ]] ||
  fail "extract: output out of order: first ${first}, last ${last}"
expect_memory extract 600
note "${count} dispatches, extract: ${wall_s} s, ${cpu_s} s CPU, ${rss_mb} MB peak"

# build: the graph holds two actors and one edge of weight 250,000.
run build 240 "${bin}" build -q -o "${work}/out" --format graphml,csv "${work}/many.jsonl"
expect_status build 1
weight=$(sed -n 's/.*<data key="weight">\([0-9]*\)<.*/\1/p' "${work}/out/graph.graphml" | head -n 1)
[[ ${weight} == $((count / 4)) ]] || fail "build: edge weight ${weight}, expected $((count / 4))"
expect_memory build 1000
note "${count} dispatches, build: ${wall_s} s, ${cpu_s} s CPU, ${rss_mb} MB peak"

finish
