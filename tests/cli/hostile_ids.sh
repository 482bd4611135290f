#!/usr/bin/env bash
# Dispatch ids with path separators, traversal, control characters, markup and IRI syntax
# (issue 8): build writes only the files of OUTDIR, never a path made from an id, and every
# export stays valid for an independent reader (rapper for Turtle, N-Triples, N-Quads and
# RDF/XML; xmllint for GraphML and GEXF; python for JSON and CSV; dot for DOT); every IRI holds
# only characters IRIs allow; each id keeps its own dispatch IRI (no two collide).
# Usage: hostile_ids.sh path/to/diplograph
set -u

bin="${1:?usage: hostile_ids.sh path/to/diplograph}"
# shellcheck source=hostile_common.bash
source "$(dirname "$0")/hostile_common.bash"

# JSON-escaped ids, each on a dispatch with a relation (so each has event nodes too).
ids=(
  '../../../../tmp/evil'
  '/etc/passwd'
  'a\\b\\..\\c'
  'C:\\Windows\\x'
  '.'
  '..'
  'ctl\u0001\u0002\u001f\u007f'
  'nul\u0000byte'
  'line\nbreak\r\ttab'
  '<script>&amp;\"quoted\"</script>'
  'a b%20c%2F..%2e%2e'
  'http://example.org/x#frag?q=1'
  '_:blank'
  '{braces}|pipe^caret`tick'
  'é\u2028\u2029\ufeff\ufffe'
  '=cmd|'"'"'/C calc'"'"'!A0'
)
long_id=$(printf 'x%.0s' $(seq 5000))
ids+=("${long_id}")

input="${work}/ids.jsonl"
for id in "${ids[@]}"; do
  printf '{"id":"%s","lang":"en","date":"2020-10-01","text":"Turkey supports Azerbaijan, Ankara said."}\n' \
    "${id}"
done >"${input}"

mkdir -p "${work}/cwd"
( cd "${work}/cwd" && "${bin}" build -q -o out --format ttl,nt,nq,rdf,graphml,gexf,json,csv,dot,jsonl \
    "${input}" >"${work}/build.out" 2>"${work}/build.err" )
status=$?
[[ ${status} == 0 ]] || { fail "build: exit status ${status}"; cat "${work}/build.err" >&2; }

# Nothing outside OUTDIR, and nothing in it but the outputs.
found=$(cd "${work}" && find . -path ./cwd/out -prune -o -type f -newer "${input}" -print |
  grep -v -E '^\./(build\.(out|err))$')
[[ -z ${found} ]] || fail "files written outside OUTDIR: ${found}"
[[ ! -e /tmp/evil ]] || fail "an id made /tmp/evil"
expected="assertions.jsonl edges.csv graph.cyjs graph.dot graph.gexf graph.graphml graph.json graph.nq graph.nt graph.rdf graph.ttl nodes.csv"
listing=$(ls -A "${work}/cwd/out" | sort | tr '\n' ' ' | sed 's/ $//')
[[ ${listing} == "${expected}" ]] || fail "OUTDIR holds [${listing}], expected [${expected}]"

out="${work}/cwd/out"
expect_readable_exports build "${out}"

python3 - "${out}" "${#ids[@]}" <<'EOF' || fail "python checks failed (above)"
import csv, json, re, sys
out, n = sys.argv[1], int(sys.argv[2])
ok = True
def bad(msg):
    global ok
    ok = False
    print("FAIL: " + msg, file=sys.stderr)

json.load(open(f"{out}/graph.json", encoding="utf-8"))
json.load(open(f"{out}/graph.cyjs", encoding="utf-8"))
records = [json.loads(l) for l in open(f"{out}/assertions.jsonl", encoding="utf-8")]
if len(records) != n:
    bad(f"{len(records)} records in assertions.jsonl, expected {n}")
for name in ("nodes.csv", "edges.csv"):
    with open(f"{out}/{name}", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if any(len(r) != len(rows[0]) for r in rows):
        bad(f"{name}: rows of different lengths")

# Every IRI in N-Triples / N-Quads: absolute, no character outside what RFC 3987 allows
# unescaped (no space, controls, <>"{}|^`\).
iri = re.compile(r'<([^>]*)>')
dispatch_iris = set()
for name in ("graph.nt", "graph.nq"):
    for line in open(f"{out}/{name}", encoding="utf-8"):
        for m in iri.finditer(line.split('"')[0] + (line.rsplit('"', 1)[-1] if '"' in line else "")):
            v = m.group(1)
            if not re.match(r'^[a-z][a-z0-9+.-]*:', v) or re.search(r'[\x00-\x20<>"{}|^`\\]', v):
                bad(f"{name}: invalid IRI <{v}>")
            if v.startswith("https://w3id.org/diplograph/dispatch/"):
                dispatch_iris.add(v)
            # No dot segment: an IRI resolver would remove it, and two ids would meet.
            if re.search(r'/\.\.?(/|$)', v):
                bad(f"{name}: dot segment in <{v}>")
if len(dispatch_iris) != n:
    bad(f"{len(dispatch_iris)} distinct dispatch IRIs, expected {n}")
sys.exit(0 if ok else 1)
EOF

# A duplicate whose id would forge a line and clear the terminal if printed raw.
printf '{"id":"x\\nerror: forged\\u001b[2J","text":"a"}\n{"id":"x\\nerror: forged\\u001b[2J","text":"b"}\n' \
  >"${work}/dup.jsonl"
run dup 30 "${bin}" extract "${work}/dup.jsonl"
expect_status dup 1
expect_error dup "^error: ${work}/dup.jsonl:2: duplicate id 'x\\\\x0aerror: forged\\\\x1b\\[2J'"
if grep -q $'\x1b' "${work}/dup.err" || [[ $(wc -l <"${work}/dup.err") != 1 ]]; then
  fail "dup: a control character reached stderr raw: $(od -c "${work}/dup.err" | head -5)"
fi

finish
