#!/usr/bin/env bash
# Benchmarks `diplograph extract` (per thread count), `build` and each export on generated corpora,
# against `wc -w` on the same corpus in the same run, and prints one table per corpus size.
#
#   bench/run.sh                 # a 50 MB corpus: the quick run
#   bench/run.sh 500 2000        # the issue's 500 MB and 2 GB runs (minutes to generate)
#   bench/run.sh --assertions 1000000 --no-corpus   # only the N-Quads export of 1M assertions
#
#   bench/run.sh --replicate 10 50   # also build 10 copies of the 50 MB corpus: same graph, 10x input
#
# Options: --repeat N (rounds of the main table, and runs of each other measurement; medians
# reported; default 3), --threads "1 2 4"
# (default: 1, 2 and nproc), --format jsonl|txt-dir (default jsonl), --seed S, --no-build,
# --exports "ttl nq ..." (formats timed one by one with `merge` over the build's assertions;
# default every format, "" for none), --assertions N (also time `merge --format nq` over N
# generated assertions, bench/store_gen.py, and print quads/s), --no-corpus (no corpus tables),
# --replicate K (also build K copies of each corpus, ids renamed, whose graph is the corpus's
# own: the peak RSS of both builds shows whether memory follows the graph or the input).
#
# Per thread count, "build" is extract + graph + Turtle + GraphML (--format ttl,graphml) and
# "x extract" its wall time over extract's with as many threads. "build-all" writes the default
# formats. The main table (wc -w, extract, build, build-all) is measured in rounds: each round
# runs every command once, and each ratio is the median of the ratios within a round, so that
# a change in the machine's speed during the run moves the ratios little.
# Environment: BUILD_DIR (default build-perf), CORPUS_DIR (default $BUILD_DIR/bench-corpus),
# DIPLOGRAPH (a binary to use instead of building one).
#
# Times are wall-clock medians; "best MB/s" is from the shortest run; "cpu s" is user + system
# time, and "MB/cpu-s" the input over it: on a shared machine these two are disturbed less. MB
# are 10^6 bytes of input files; dispatch and sentence counts come from the generator's
# .meta.json. "x wc" is our MB/s over `LC_ALL=C wc -w`'s on the same corpus (in the main table,
# the median of that ratio within each round), so that figures compare across machines.
# Corpora are kept in $CORPUS_DIR, named by seed, size and a hash of generator and gazetteer.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(dirname "$here")
build_dir=${BUILD_DIR:-$source_dir/build-perf}
corpus_dir=${CORPUS_DIR:-$build_dir/bench-corpus}
repeat=3
threads=""
format=jsonl
seed=1
build=1
exports="ttl nt nq rdf graphml gexf json csv dot"
assertions=0
corpora=1
replicate=0
sizes=()

while [[ $# -gt 0 ]]; do
  case $1 in
    --repeat) repeat=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --format) format=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --exports) exports=$2; shift 2 ;;
    --assertions) assertions=$2; shift 2 ;;
    --no-corpus) corpora=0; shift ;;
    --replicate) replicate=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[[ ${#sizes[@]} -gt 0 || $corpora == 0 ]] || sizes=(50)
[[ -n $threads ]] || threads=$(printf '%s\n' 1 2 "$(nproc)" | sort -nu | tr '\n' ' ')

if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh: /usr/bin/time is missing (Debian package 'time'); installing" >&2
  apt-get install -y time >/dev/null
fi

if [[ -n ${DIPLOGRAPH:-} ]]; then
  bin=$DIPLOGRAPH
else
  bin=$build_dir/diplograph
  if [[ $build == 1 ]]; then
    [[ -f $build_dir/build.ninja || -f $build_dir/Makefile ]] ||
      cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build_dir" --target diplograph -j"$(nproc)" >/dev/null
  fi
fi
[[ -x $bin ]] || { echo "run.sh: no binary at $bin" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The median of numbers on standard input.
median() {
  sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Runs a command $repeat times; prints "wall best cpu rss_kb status": the median and the
# shortest wall-clock time, the median CPU time, the peak RSS over the runs and the last exit
# status. The command's standard output is discarded.
measure() {
  local walls=() cpus=() rss=0 status=0 i
  for ((i = 0; i < repeat; i++)); do
    status=0
    /usr/bin/time -f '%e %U %S %M' -o "$scratch/time" "$@" >/dev/null 2>"$scratch/stderr" ||
      status=$?
    # A failing command adds a "Command exited with non-zero status" line before the figures.
    read -r wall user sys kb < <(tail -n 1 "$scratch/time")
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
    ((kb > rss)) && rss=$kb
    [[ $status == 0 ]] || break
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${walls[@]}" | sort -g | head -n 1)" \
       "$(printf '%s\n' "${cpus[@]}" | median) $rss $status"
}

# The corpus of a size, generated once and kept in $corpus_dir. Its bytes depend on the seed,
# the generator and the gazetteer, so the name carries a hash of the last two.
corpus_for() {
  local mb=$1 path key
  key=$(cat "$here/gen_corpus.py" "$source_dir"/ontology/actors/{states,persons,organizations}.json |
    sha1sum | cut -c1-8)
  path=$corpus_dir/seed$seed-${mb}mb-$key.$([[ $format == jsonl ]] && echo jsonl || echo d)
  if [[ ! -f $path.meta.json ]]; then
    mkdir -p "$corpus_dir"
    rm -rf "$path"
    echo "generating $path ..." >&2
    python3 "$here/gen_corpus.py" --mb "$mb" --seed "$seed" --format "$format" --out "$path" \
      2>/dev/null
  fi
  echo "$path"
}

meta() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

row() {  # name threads wall best cpu rss_kb [x_wc: else this row's MB/s over wc_rate]
  awk -v name="$1" -v t="$2" -v wall="$3" -v best="$4" -v cpu="$5" -v kb="$6" -v x="${7:-}" \
      -v bytes="$bytes" -v disp="$dispatches" -v sent="$sentences" -v wc="$wc_rate" 'BEGIN {
    mbs = bytes / 1e6 / wall
    printf "%-13s %7s %7.2f %7.2f %7.1f %9.1f %8.1f %10.0f %11.0f %6.0f %6.3f\n", name, t, wall,
           cpu, mbs, bytes / 1e6 / best, bytes / 1e6 / cpu, disp / wall, sent / wall, kb / 1024,
           x != "" ? x : mbs / wc }'
}

echo "diplograph bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$repeat runs per figure (medians)"
awk -v n="$(nproc)" '$1 > n / 2 { exit 1 }' /proc/loadavg ||
  echo "warning: the machine is busy; wall-clock figures will be noisy"
for mb in "${sizes[@]}"; do
  corpus=$(corpus_for "$mb")
  bytes=$(meta "$corpus.meta.json" bytes)
  dispatches=$(meta "$corpus.meta.json" dispatches)
  sentences=$(meta "$corpus.meta.json" sentences)
  words_input=$corpus
  if [[ $format != jsonl ]]; then
    find "$corpus" -type f | sort >"$scratch/files"
    words_input="--files0-from=$scratch/files0"
    tr '\n' '\0' <"$scratch/files" >"$scratch/files0"
  fi
  cat "$corpus" >/dev/null 2>&1 || find "$corpus" -type f -exec cat {} + >/dev/null

  echo
  echo "corpus $corpus: $((bytes / 1000000)) MB, $dispatches dispatches, $sentences sentences"
  printf "%-13s %7s %7s %7s %7s %9s %8s %10s %11s %6s %6s\n" command threads "wall s" "cpu s" \
    "MB/s" "best MB/s" "MB/cpu-s" dispatch/s sentences/s "RSS MB" "x wc"
  # The table's commands run in rounds, each round every command once, so that a drift in the
  # machine's speed (minutes long on shared machines) touches them all alike; the ratios ("x
  # wc", "x extract") are medians of ratios taken within one round.
  names=(wc)
  for t in $threads; do names+=("extract-$t"); done
  for t in $threads; do names+=("build-$t"); done
  names+=(build-all)
  mkdir -p "$scratch/rounds"
  rm -f "$scratch/rounds"/*
  for ((r = 0; r < repeat; r++)); do
    for name in "${names[@]}"; do
      case $name in
        wc) command=(env LC_ALL=C wc -w "$words_input") ;;
        extract-*) command=("$bin" extract -q --threads "${name#extract-}" "$corpus") ;;
        build-all) command=("$bin" build -q -o "$scratch/out" "$corpus") ;;
        build-*) command=("$bin" build -q --threads "${name#build-}" --format ttl,graphml
                          -o "$scratch/tg" "$corpus") ;;
      esac
      status=0
      /usr/bin/time -f '%e %U %S %M' -o "$scratch/time" "${command[@]}" >/dev/null \
        2>"$scratch/stderr" || status=$?
      [[ $status == 0 ]] || { echo "$name failed ($status):"; cat "$scratch/stderr"; exit 1; }
      tail -n 1 "$scratch/time" | awk '{ print $1, $2 + $3, $4 }' >>"$scratch/rounds/$name"
    done
  done
  # "wall best cpu rss_kb" of a command over the rounds.
  summary() {
    local f=$scratch/rounds/$1
    echo "$(cut -d' ' -f1 "$f" | median) $(cut -d' ' -f1 "$f" | sort -g | head -n 1)" \
         "$(cut -d' ' -f2 "$f" | median) $(cut -d' ' -f3 "$f" | sort -g | tail -n 1)"
  }
  # The median over the rounds of the first command's wall time over the second's.
  paired() { paste -d' ' "$scratch/rounds/$1" "$scratch/rounds/$2" | awk '{ print $1 / $4 }' | median; }
  read -r wall best cpu kb < <(summary wc)
  wc_rate=$(awk -v b="$bytes" -v w="$wall" 'BEGIN { print b / 1e6 / w }')
  row "wc -w" - "$wall" "$best" "$cpu" "$kb" 1
  for t in $threads; do
    read -r wall best cpu kb < <(summary "extract-$t")
    row extract "$t" "$wall" "$best" "$cpu" "$kb" "$(paired wc "extract-$t")"
  done
  for t in $threads; do
    read -r wall best cpu kb < <(summary "build-$t")
    row build "$t" "$wall" "$best" "$cpu" "$kb" "$(paired wc "build-$t")"
    awk -v r="$(paired "build-$t" "extract-$t")" \
      'BEGIN { printf "%-13s %7s %7.2f x extract\n", "", "", r }'
  done
  read -r wall best cpu kb < <(summary build-all)
  row build-all "$(nproc)" "$wall" "$best" "$cpu" "$kb" "$(paired wc build-all)"
  if ((replicate > 1)); then
    # K copies of the corpus under new ids: K times the input, the same actors and edges.
    copies=$scratch/replicated.jsonl
    python3 - "$corpus" "$replicate" "$copies" <<'PY'
import json, sys
source, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(out, "w", encoding="utf-8") as w:
    for k in range(copies):
        with open(source, encoding="utf-8") as r:
            for line in r:
                d = json.loads(line)
                d["id"] = f"{d['id']}/copy{k}"
                w.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
    echo "build --format ttl,graphml --threads $(nproc): peak RSS against input size"
    for input in "$corpus" "$copies"; do
      /usr/bin/time -f '%e %M' -o "$scratch/time" "$bin" build --threads "$(nproc)" \
        --format ttl,graphml -o "$scratch/rep" "$input" 2>"$scratch/stderr" >/dev/null
      read -r wall kb < <(tail -n 1 "$scratch/time")
      summary=$(grep -m1 'in the graph' "$scratch/stderr")
      awk -v mb="$(($(stat -c %s "$input") / 1000000))" -v w="$wall" -v kb="$kb" -v s="$summary" \
        'BEGIN { printf "  %6d MB input, %7.2f s: peak RSS %4.0f MB; %s\n", mb, w, kb / 1024, s }'
    done
    rm -f "$copies"
  fi
  # Each export alone: `merge` reads the build's assertions back and writes one format; rates
  # are over the same corpus, so a row compares directly with extract and build.
  for f in $exports; do
    read -r wall best cpu kb status < <(measure "$bin" merge -q --format "$f" -o "$scratch/exp" \
      "$scratch/out/assertions.jsonl")
    [[ $status == 0 ]] || { echo "merge --format $f failed ($status):"; cat "$scratch/stderr"; exit 1; }
    row "merge>$f" 1 "$wall" "$best" "$cpu" "$kb"
  done
done

# The N-Quads export of N generated assertions (issue 5): quads/s of the whole `merge` run
# (reading, graph, writing and fsync) and its peak RSS.
if ((assertions > 0)); then
  set_file=$corpus_dir/assertions-$assertions-$(sha1sum <"$here/store_gen.py" | cut -c1-8).jsonl
  if [[ ! -f $set_file ]]; then
    mkdir -p "$corpus_dir"
    echo "generating $set_file ..." >&2
    python3 "$here/store_gen.py" "$assertions" >"$set_file.tmp" && mv "$set_file.tmp" "$set_file"
  fi
  read -r wall best cpu kb status < <(measure "$bin" merge -q --format nq -o "$scratch/nq" "$set_file")
  [[ $status == 0 ]] || { echo "merge --format nq failed ($status):"; cat "$scratch/stderr"; exit 1; }
  quads=$(wc -l <"$scratch/nq/graph.nq")
  echo
  echo "N-Quads of $assertions assertions ($set_file, $(($(stat -c %s "$set_file") / 1000000)) MB):"
  awk -v q="$quads" -v a="$assertions" -v w="$wall" -v b="$best" -v c="$cpu" -v kb="$kb" \
      -v mb="$(($(stat -c %s "$scratch/nq/graph.nq") / 1000000))" 'BEGIN {
    printf "%d quads (%d MB) in %.2f s wall (best %.2f), %.2f s cpu: %.0f quads/s, best %.0f," \
           " %.0f quads/cpu-s, %.0f assertions/s; peak RSS %.0f MB\n", q, mb, w, b, c, q / w,
           q / b, q / c, a / w, kb / 1024 }'
fi
