#!/usr/bin/env bash
# Benchmarks `diplograph extract` (per thread count) and `build` on generated corpora, against
# `wc -w` on the same corpus in the same run, and prints one table per corpus size.
#
#   bench/run.sh                 # a 50 MB corpus: the quick run
#   bench/run.sh 500 2000        # the issue's 500 MB and 2 GB runs (minutes to generate)
#
# Options: --repeat N (runs per measurement, median reported; default 3), --threads "1 2 4"
# (default: 1, 2 and nproc), --format jsonl|txt-dir (default jsonl), --seed S, --no-build.
# Environment: BUILD_DIR (default build-perf), CORPUS_DIR (default $BUILD_DIR/bench-corpus),
# DIPLOGRAPH (a binary to use instead of building one).
#
# Times are wall-clock medians; "cpu s" is user + system time, and "MB/cpu-s" the input over
# it, which a shared machine disturbs less than the wall-clock rates. MB are 10^6 bytes of
# input files; dispatch and sentence counts come from the generator's .meta.json. "x wc" is
# our MB/s over `LC_ALL=C wc -w`'s on the same corpus, so that figures compare across machines.
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
sizes=()

while [[ $# -gt 0 ]]; do
  case $1 in
    --repeat) repeat=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --format) format=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[[ ${#sizes[@]} -gt 0 ]] || sizes=(50)
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

# Runs a command $repeat times; prints "wall cpu rss_kb status" (medians, peak RSS over runs,
# the last exit status). The command's standard output is discarded.
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
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median) $rss $status"
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

row() {  # name threads wall cpu rss_kb
  awk -v name="$1" -v t="$2" -v wall="$3" -v cpu="$4" -v kb="$5" -v bytes="$bytes" \
      -v disp="$dispatches" -v sent="$sentences" -v wc="$wc_rate" 'BEGIN {
    mbs = bytes / 1e6 / wall
    printf "%-8s %7s %8.2f %8.2f %8.1f %8.1f %10.0f %11.0f %7.0f %7.3f\n", name, t, wall, cpu,
           mbs, bytes / 1e6 / cpu, disp / wall, sent / wall, kb / 1024, mbs / wc }'
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
  printf "%-8s %7s %8s %8s %8s %8s %10s %11s %7s %7s\n" \
    command threads "wall s" "cpu s" "MB/s" "MB/cpu-s" dispatch/s sentences/s "RSS MB" "x wc"
  read -r wall cpu kb _ < <(LC_ALL=C measure wc -w "$words_input")
  wc_rate=$(awk -v b="$bytes" -v w="$wall" 'BEGIN { print b / 1e6 / w }')
  row "wc -w" - "$wall" "$cpu" "$kb"
  for t in $threads; do
    read -r wall cpu kb status < <(measure "$bin" extract -q --threads "$t" "$corpus")
    [[ $status == 0 ]] || { echo "extract failed ($status):"; cat "$scratch/stderr"; exit 1; }
    row extract "$t" "$wall" "$cpu" "$kb"
  done
  # `build` writes its default formats; until every exporter exists it refuses them (exit 2),
  # and then only the assertions (jsonl) are timed, which the table says.
  name=build
  read -r wall cpu kb status < <(measure "$bin" build -q -o "$scratch/out" "$corpus")
  if [[ $status == 2 ]]; then
    name=build*
    read -r wall cpu kb status < <(measure "$bin" build -q --format jsonl -o "$scratch/out" "$corpus")
  fi
  [[ $status == 0 ]] || { echo "build failed ($status):"; cat "$scratch/stderr"; exit 1; }
  row "$name" "$(nproc)" "$wall" "$cpu" "$kb"
  [[ $name == build ]] || echo "build*: default formats not available yet; --format jsonl timed"
done
