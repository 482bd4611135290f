#!/usr/bin/env bash
# Time stays linear in input size (issue 8): CPU time of extract and build on 1x and 10x inputs,
# after subtracting the fixed start-up cost (loading the ontology), must grow by less than 25x
# (a quadratic stage would give about 100x). Two shapes: many dispatches (corpus size), and one
# dispatch of growing length (a stage quadratic in the dispatch or the sentence). Peak memory
# of the big single dispatch must also stay within 25x of the small one's growth.
# CPU time (user + system) rather than wall-clock, and the best of two runs, so that a loaded
# machine disturbs the ratio less. Measured in the Release build only: under sanitizers the
# times are 10 to 50 times longer and mostly instrumentation (skipped, exit 77).
# Usage: hostile_linear.sh path/to/diplograph
set -u

bin="${1:?usage: hostile_linear.sh path/to/diplograph}"
# shellcheck source=hostile_common.bash
source "$(dirname "$0")/hostile_common.bash"

if [[ ${sanitized} == 1 ]]; then
  echo "hostile_linear: sanitizer build; time ratios are measured in the Release build" >&2
  exit 77
fi

max_ratio=25

# best LABEL CMD...: the smaller CPU time of two runs, in $best (seconds); memory in $best_rss.
# (For the small inputs, whose times are the most easily disturbed.)
best() {
  local label="$1"
  shift
  run "${label}" 300 "$@"
  best="${cpu_s}"
  best_rss="${rss_mb}"
  run "${label}" 300 "$@"
  best=$(awk -v a="${best}" -v b="${cpu_s}" 'BEGIN {print (a < b) ? a : b}')
  [[ ${rss_mb} -lt ${best_rss} ]] && best_rss="${rss_mb}"
}

once() {  # once LABEL CMD...: one run, same outputs as best
  local label="$1"
  shift
  run "${label}" 300 "$@"
  best="${cpu_s}"
  best_rss="${rss_mb}"
}

# ratio T0 T1 T10: (T10 - T0) / (T1 - T0), with T1 - T0 at least 0.05 s.
ratio() {
  awk -v t0="$1" -v t1="$2" -v t10="$3" 'BEGIN {
    d1 = t1 - t0; if (d1 < 0.05) d1 = 0.05;
    d10 = t10 - t0; if (d10 < 0) d10 = 0;
    printf "%.1f", d10 / d1 }'
}

check_ratio() {  # check_ratio WHAT T0 T1 T10
  local what="$1" r
  r=$(ratio "$2" "$3" "$4")
  note "${what}: start-up $2 s, 1x $3 s, 10x $4 s CPU: ratio ${r}"
  if awk -v r="${r}" -v m="${max_ratio}" 'BEGIN {exit !(r >= m)}'; then
    fail "${what}: 10x the input took ${r}x the time (limit ${max_ratio}x)"
  fi
}

# --- many dispatches: extract 800 (about 0.5 MB) and 8,000; build, whose pretty Turtle costs
# more, 300 and 3,000 -------------------------------------------------------------------------------
gen() {
  python3 "${source_dir}/bench/gen_corpus.py" --seed 8 --dispatches "$1" --out "$2" >/dev/null 2>&1
}
if ! gen 8000 "${work}/c10.jsonl"; then
  echo "hostile_linear: bench/gen_corpus.py failed; skipped" >&2
  exit 77
fi
head -n 1 "${work}/c10.jsonl" >"${work}/c0.jsonl"
for cmd in extract build; do
  args=("${cmd}" --threads 1 -q)
  n=800
  if [[ ${cmd} == build ]]; then
    args+=(-o "${work}/out" --format ttl,graphml,jsonl)
    n=300
  fi
  head -n "${n}" "${work}/c10.jsonl" >"${work}/c1.jsonl"
  head -n "$((n * 10))" "${work}/c10.jsonl" >"${work}/c10x.jsonl"
  best "${cmd}0" "${bin}" "${args[@]}" "${work}/c0.jsonl"
  t0="${best}"
  best "${cmd}1" "${bin}" "${args[@]}" "${work}/c1.jsonl"
  t1="${best}"
  once "${cmd}10" "${bin}" "${args[@]}" "${work}/c10x.jsonl"
  t10="${best}"
  check_ratio "${cmd}, ${n} and $((n * 10)) dispatches" "${t0}" "${t1}" "${t10}"
done

# --- one dispatch: 1x = 400 KB of wire text, 10x = 4 MB. The small one must need well more memory
# than the allocator can serve from what loading the ontology freed (1 to 2 MB), or its growth
# reads as nearly nothing and any 10x growth as a large ratio. ---------------------------------------
python3 - "${work}/c10.jsonl" "${work}" <<'EOF'
import json, sys
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
body = "\n\n".join(texts)
for name, size in (("one1.txt", 400_000), ("one10.txt", 4_000_000)):
    out, n = [], 0
    for t in texts:
        out.append(t)
        n += len(t.encode()) + 2
        if n >= size:
            break
    open(f"{sys.argv[2]}/{name}", "w", encoding="utf-8").write("\n\n".join(out) + "\n")
open(f"{sys.argv[2]}/one0.txt", "w", encoding="utf-8").write(texts[0] + "\n")
EOF
best one0 "${bin}" extract --threads 1 -q "${work}/one0.txt"
t0="${best}"
r0="${best_rss}"
best one1 "${bin}" extract --threads 1 -q "${work}/one1.txt"
t1="${best}"
r1="${best_rss}"
once one10 "${bin}" extract --threads 1 -q "${work}/one10.txt"
t10="${best}"
r10="${best_rss}"
check_ratio "extract, one dispatch" "${t0}" "${t1}" "${t10}"
if [[ ${sanitized} == 0 ]]; then
  grow1=$((r1 - r0 > 1 ? r1 - r0 : 1))
  grow10=$((r10 - r0))
  note "extract, one dispatch: memory ${r0} / ${r1} / ${r10} MB"
  [[ ${grow10} -lt $((grow1 * max_ratio)) ]] ||
    fail "one dispatch: memory grew ${grow10} MB for 10x, ${grow1} MB for 1x"
fi

finish
