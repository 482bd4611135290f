# Helpers shared by tests/cli/hostile_*.sh and crash_*.sh (sourced, not a test: ctest runs only
# *.sh), on top of common.bash. The caller sets `bin` first; this replaces common.bash's `run`
# with one that runs a command with a time limit, measures its peak memory and CPU time, and
# flags crashes and sanitizer reports.
# shellcheck shell=bash

# shellcheck source=common.bash
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
source_dir="${DG_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
bin="$(realpath "${bin}")"
export DIPLOGRAPH_ONTOLOGY="${DIPLOGRAPH_ONTOLOGY:-${source_dir}/ontology}"
# A sanitizer build reports leaks and errors with a non-zero status, which `run` catches.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"

# Huge inputs make huge messages: a failed check shows the start of stderr.
show_stderr() {
  head -n 20 "${work}/$1.err" >&2
}

# Whether the binary is built with AddressSanitizer: its memory figures are then meaningless.
sanitized=0
if grep -aq "__asan_init" "${bin}" 2>/dev/null; then sanitized=1; fi

# run LABEL SECONDS CMD... : runs CMD with stdin from ${stdin:-/dev/null}, stdout and stderr into
# ${work}/LABEL.out and .err. Sets $status, $rss_mb (peak resident MB), $cpu_s (user + system)
# and $wall_s. A timeout, a signal, or a sanitizer report is a failure.
run() {
  local label="$1" limit="$2"
  shift 2
  local stats="${work}/${label}.time"
  status=0
  timeout -s KILL "${limit}" /usr/bin/time -v -o "${stats}" "$@" <"${stdin:-/dev/null}" \
    >"${work}/${label}.out" 2>"${work}/${label}.err" || status=$?
  rss_mb=0
  cpu_s=0
  wall_s=0
  if [[ -s "${stats}" ]]; then
    rss_mb=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "${stats}")
    cpu_s=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "${stats}")
    wall_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0;
      for (i = 1; i <= n; ++i) s = s * 60 + p[i]; printf "%.2f", s}' "${stats}")
    # /usr/bin/time reports a signal in its own words and exits with the child's status.
    if grep -q "Command terminated by signal" "${stats}"; then
      fail "${label}: killed by a signal: $(grep 'Command terminated by signal' "${stats}")"
    fi
  fi
  if [[ ${status} == 137 ]]; then
    fail "${label}: did not finish within ${limit} s"
  elif [[ ${status} -gt 128 ]]; then
    fail "${label}: died with status ${status}"
  fi
  if grep -qE 'Sanitizer|runtime error:|terminate called|Segmentation fault|stack overflow' \
    "${work}/${label}.err"; then
    fail "${label}: crash or sanitizer report:"
    head -n 30 "${work}/${label}.err" >&2
  fi
}

# expect_error LABEL EXTENDED-REGEX: some stderr line matches (use it to require file:line).
expect_error() {
  local label="$1" pattern="$2"
  if ! grep -qE -- "${pattern}" "${work}/${label}.err"; then
    fail "${label}: no stderr line matches '${pattern}'; stderr:"
    show_stderr "${label}"
  fi
}

# expect_memory LABEL MB: peak resident memory at most MB (not checked under sanitizers).
expect_memory() {
  local label="$1" limit="$2"
  if [[ ${sanitized} == 0 && ${rss_mb} -gt ${limit} ]]; then
    fail "${label}: peak memory ${rss_mb} MB, more than ${limit} MB"
  fi
}

# Lines of the output, each a JSON object (python checks the whole file).
expect_json_lines() {
  local label="$1" want="$2"
  local got
  got=$(python3 - "${work}/${label}.out" <<'EOF'
import json, sys
n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        json.loads(line)
        n += 1
print(n)
EOF
  ) || got="invalid"
  if [[ "${got}" != "${want}" ]]; then
    fail "${label}: ${got} valid JSON lines on stdout, expected ${want}"
  fi
}

note() {  # a figure worth seeing in the ctest log
  echo "  $*"
}

# expect_readable_exports LABEL OUTDIR: every RDF export in OUTDIR parses with rapper, GraphML and
# GEXF with xmllint, DOT with Graphviz's dot (where installed).
expect_readable_exports() {
  local label="$1" out="$2" f
  for f in graph.ttl:turtle graph.nt:ntriples graph.nq:nquads graph.rdf:rdfxml; do
    [[ -e "${out}/${f%%:*}" ]] || continue
    rapper -q -i "${f#*:}" -c "file://${out}/${f%%:*}" >/dev/null 2>"${work}/rapper.err" ||
      fail "${label}: rapper rejects ${f%%:*}: $(head -c 400 "${work}/rapper.err")"
  done
  for f in graph.graphml graph.gexf; do
    [[ -e "${out}/${f}" ]] || continue
    xmllint --noout "${out}/${f}" 2>"${work}/xmllint.err" ||
      fail "${label}: xmllint rejects ${f}: $(head -c 400 "${work}/xmllint.err")"
  done
  if [[ -e "${out}/graph.dot" ]] && command -v dot >/dev/null; then
    dot -Tsvg "${out}/graph.dot" >/dev/null 2>"${work}/dot.err" ||
      fail "${label}: dot rejects graph.dot: $(head -c 400 "${work}/dot.err")"
  fi
}
