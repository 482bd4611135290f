#!/usr/bin/env bash
# stats, render and report on the samples: stats in its three formats; SVG that is valid XML
# and names every actor, PNG that is a PNG, a focused and a dated slice; report.html loaded in
# headless Chromium (Debian's `chromium`), which must show the graph and the tables with no
# console error. Without Chromium every other check still runs, then the test is skipped
# (exit 77) loudly.
# Usage: render_report.sh path/to/diplograph   (env: DG_SOURCE_DIR)
set -u

bin="${1:?usage: render_report.sh path/to/diplograph}"
samples="${DG_SOURCE_DIR:?DG_SOURCE_DIR must name the source tree}/samples/dispatches"
# shellcheck source=common.bash
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

expect_in() {  # expect_in LABEL FILE TEXT
  if ! grep -qF -- "$3" "$2"; then
    fail "$1: $(basename "$2") lacks '$3'"
  fi
}

out="${work}/out"
run build "${bin}" build -q -o "${out}" --format jsonl,csv "${samples}"
expect_status build 0
if [[ ! -s "${out}/assertions.jsonl" || ! -s "${out}/nodes.csv" ]]; then
  echo "render_report.sh: the samples did not build; nothing else to check" >&2
  exit 1
fi

# ---- stats
run stats "${bin}" stats "${out}"
expect_status stats 0
for text in "Actors, most central first" "Blocs" "Mediators per conflict" "Structural balance"; do
  expect_in stats "${work}/stats.out" "${text}"
done
run stats-json "${bin}" stats "${out}/assertions.jsonl" --by year --format json
expect_status stats-json 0
if ! python3 - "${work}/stats-json.out" <<'PY'; then
import json, sys
doc = json.load(open(sys.argv[1]))
periods = [p["period"] for p in doc["periods"]]
assert doc["by"] == "year" and len(periods) > 5, periods
assert periods == sorted(periods), periods
assert all(p["actors"] for p in doc["periods"])
PY
  fail "stats --by year --format json: not the expected JSON"
fi
run stats-csv "${bin}" stats "${out}" --by month --format csv
expect_status stats-csv 0
expect_in stats-csv "${work}/stats-csv.out" "period,id,label,kind,degree,in_degree,out_degree"
# From a store: the samples' assertions loaded into sqlite give the same statistics.
run load "${bin}" load -q --store "sqlite:${work}/store.db" "${out}/assertions.jsonl"
expect_status load 0
run stats-store "${bin}" stats --store "sqlite:${work}/store.db" --by year --format json
expect_status stats-store 0
if ! cmp -s "${work}/stats-json.out" "${work}/stats-store.out"; then
  fail "stats --store differs from stats OUTDIR: $(diff "${work}/stats-json.out" "${work}/stats-store.out" | head -c 400)"
fi
run stats-both "${bin}" stats "${out}" --store "sqlite:${work}/store.db"
expect_status stats-both 2
run stats-missing "${bin}" stats "${work}/no-such-dir"
expect_status stats-missing 3

# ---- render: SVG
run svg "${bin}" render "${out}" -o "${work}/graph.svg"
expect_status svg 0
if ! xmllint --noout --nonet "${work}/graph.svg" 2>"${work}/xmllint.err"; then
  fail "graph.svg is not valid XML: $(head -c 500 "${work}/xmllint.err")"
fi
# The label of every actor with an edge (nodes.csv and edges.csv, written by the CSV exporter
# from the same graph) is the text of an element of the SVG.
if ! python3 - "${out}/nodes.csv" "${work}/graph.svg" "${out}/edges.csv" <<'PY'; then
import csv, sys
import xml.etree.ElementTree as ET
ends = set()
for row in csv.DictReader(open(sys.argv[3], encoding="utf-8")):
    ends.update((row["Source"], row["Target"]))
labels = {row["Label"] for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if row["Id"] in ends}
texts = {"".join(t.itertext()).strip() for t in ET.parse(sys.argv[2]).iter("{http://www.w3.org/2000/svg}text")}
missing = sorted(l for l in labels if l.strip() not in texts)
if missing or len(labels) < 50:
    sys.exit(f"{len(labels)} actors; labels missing from the SVG: {missing}")
PY
  fail "graph.svg does not show every actor"
fi

# ---- render: PNG
run png "${bin}" render "${out}" -o "${work}/graph.png"
expect_status png 0
if [[ "$(head -c 8 "${work}/graph.png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]]; then
  fail "graph.png does not start with the PNG signature"
fi

# ---- render: slices
nodes() { grep -c 'class="node"' "$1"; }
run focus "${bin}" render "${out}" -o "${work}/focus.svg" --focus Turkey --depth 1
expect_status focus 0
expect_in focus "${work}/focus.svg" "Turkey"
if (($(nodes "${work}/focus.svg") >= $(nodes "${work}/graph.svg"))); then
  fail "--focus Turkey --depth 1 draws as many actors as the whole graph"
fi
run dated "${bin}" render "${out}" -o "${work}/dated.svg" --since 2021 --until 2021-12
expect_status dated 0
if (($(nodes "${work}/dated.svg") >= $(nodes "${work}/graph.svg"))); then
  fail "--since 2021 --until 2021-12 draws as many actors as the whole graph"
fi
xmllint --noout --nonet "${work}/focus.svg" "${work}/dated.svg" || fail "a slice is not valid XML"
run unknown-focus "${bin}" render "${out}" -o "${work}/x.svg" --focus Atlantis
expect_status unknown-focus 2
run bad-date "${bin}" render "${out}" -o "${work}/x.svg" --since yesterday
expect_status bad-date 2
run depth-alone "${bin}" render "${out}" -o "${work}/x.svg" --depth 2
expect_status depth-alone 2
run bad-extension "${bin}" render "${out}" -o "${work}/x.pdf"
expect_status bad-extension 2
if [[ -e "${work}/x.svg" || -e "${work}/x.pdf" ]]; then
  fail "a refused render wrote its output"
fi

# ---- report
run report "${bin}" report "${out}" -o "${work}/report.html"
expect_status report 0
for text in "<svg" "id=\"actors\"" "id=\"relations\"" "Content-Security-Policy"; do
  expect_in report "${work}/report.html" "${text}"
done
if grep -qiE '<script|<link|<img| src="http' "${work}/report.html"; then
  fail "report.html loads or runs something: $(grep -oiE '<script|<link|<img| src="http' "${work}/report.html" | head -3)"
fi

# ---- the report in a browser
chromium_bin="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "${chromium_bin}" ]]; then
  exit_if_failed
  echo "==================================================================================" >&2
  echo "SKIPPED: chromium is not installed, so report.html was not loaded in a browser."    >&2
  echo "Every other check passed. Install it (Debian: apt-get install chromium) to run it." >&2
  echo "==================================================================================" >&2
  exit 77
fi
chromium_run() {  # chromium_run LABEL ARGS...: headless, offline, a fresh profile
  local label="$1"
  shift
  run "${label}" timeout 25 "${chromium_bin}" --headless --no-sandbox --disable-gpu \
    --disable-quic --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$(mktemp -d -p "${work}")" --enable-logging=stderr --v=0 \
    --window-size=1280,2000 "$@" "file://${work}/report.html"
}
chromium_run screenshot --screenshot="${work}/report.png"
expect_status screenshot 0
# A page of text, tables and a graph compresses far less than a blank one (a few KB).
if [[ ! -s "${work}/report.png" ]] || (($(stat -c %s "${work}/report.png") < 30000)); then
  fail "the screenshot of report.html is missing or blank"
fi
chromium_run dom --dump-dom
expect_status dom 0
for text in "<svg" "<table" "Top actors" "Relations and their evidence" "class=\"evidence\""; do
  expect_in dom "${work}/dom.out" "${text}"
done
# The console: a page error, a refused load (Content-Security-Policy) or a failed resource.
# A control page with a script error shows that such errors do reach the log.
printf '<!DOCTYPE html><html><body><script>no_such_function()</script></body></html>' \
  >"${work}/control.html"
run control timeout 25 "${chromium_bin}" --headless --no-sandbox --disable-gpu --no-first-run \
  --user-data-dir="$(mktemp -d -p "${work}")" --enable-logging=stderr --v=0 --dump-dom \
  "file://${work}/control.html"
if ! grep -q 'Uncaught ReferenceError' "${work}/control.err"; then
  fail "Chromium's console log does not show a control page's script error; the check below is blind"
fi
for label in screenshot dom; do
  if grep -E 'CONSOLE|Refused to|Uncaught|Failed to load' "${work}/${label}.err" >"${work}/console"; then
    fail "Chromium's console reported errors on report.html: $(head -5 "${work}/console")"
  fi
done

finish
