#!/usr/bin/env bash
# Checks that extract and build give byte-identical output, messages and exit status for
# --threads 1, 2 and 8: on the samples, on generated corpora (JSON Lines and a directory of
# wire text files), and on input with errors, with and without --strict.
#
#   bench/check_determinism.sh [path/to/diplograph]
#
# Same calling convention as tests/cli/*.sh (the binary as first argument, DG_SOURCE_DIR for
# the source tree; exit 77 to skip), so ctest can run it as it is.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
source_dir=${DG_SOURCE_DIR:-$(dirname "$here")}
bin=${1:-${DIPLOGRAPH:-$source_dir/build-perf/diplograph}}
[[ -x $bin ]] || { echo "check_determinism: no binary at $bin" >&2; exit 1; }
bin=$(realpath "$bin")
command -v python3 >/dev/null || { echo "check_determinism: python3 missing, skipped" >&2; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

gen() { python3 "$source_dir/bench/gen_corpus.py" --seed 11 "$@" 2>/dev/null; }
gen --dispatches 600 --out "$work/gen.jsonl"
gen --dispatches 150 --format txt-dir --out "$work/gen.d"
# Input errors in the middle of the stream: a broken line, a duplicate id, a missing text.
{
  head -n 100 "$work/gen.jsonl"
  echo '{"id": "broken", "text": '
  sed -n 50p "$work/gen.jsonl"
  echo '{"id": "no-text"}'
  sed -n '101,200p' "$work/gen.jsonl"
} >"$work/errors.jsonl"

# Runs one subcommand with each thread count and compares stdout, stderr and exit status.
same_for_all_threads() {
  local label=$1 t
  shift
  for t in 1 2 8; do
    local status=0
    (cd "$work" && "$bin" "$@" --threads "$t") >"$work/out.$t" 2>"$work/err.$t" || status=$?
    echo "$status" >"$work/status.$t"
  done
  if (($(cat "$work/status.1") > 1)); then
    echo "FAIL $label: exit $(cat "$work/status.1"): $(head -c 300 "$work/err.1")"
    failures=$((failures + 1))
  fi
  for t in 2 8; do
    for part in out err status; do
      if ! cmp -s "$work/$part.1" "$work/$part.$t"; then
        echo "FAIL $label: $part differs between --threads 1 and --threads $t"
        failures=$((failures + 1))
      fi
    done
  done
  echo "ok   $label ($(wc -l <"$work/out.1") lines, exit $(cat "$work/status.1"))"
}

# build writes files: compare the output directories.
same_build_for_all_threads() {
  local label=$1 t formats=()
  shift
  # Until every exporter exists, build refuses its default formats (exit 2): check jsonl.
  "$bin" build -q --threads 1 -o "$work/probe" "$@" >/dev/null 2>&1 || formats=(--format jsonl)
  for t in 1 2 8; do
    rm -rf "$work/build.$t"
    "$bin" build -q --threads "$t" "${formats[@]}" -o "$work/build.$t" "$@" >/dev/null 2>&1 || true
  done
  for t in 2 8; do
    if ! diff -r "$work/build.1" "$work/build.$t" >/dev/null; then
      echo "FAIL $label: build output differs between --threads 1 and --threads $t"
      failures=$((failures + 1))
    fi
  done
  echo "ok   $label (${formats[*]:-default formats})"
}

same_for_all_threads "extract samples" extract "$source_dir/samples/dispatches"
same_for_all_threads "extract generated jsonl" extract gen.jsonl
same_for_all_threads "extract generated txt-dir" extract gen.d
same_for_all_threads "extract with input errors" extract errors.jsonl
same_for_all_threads "extract --strict with input errors" extract --strict errors.jsonl
same_for_all_threads "extract several inputs" extract gen.d errors.jsonl gen.jsonl
same_build_for_all_threads "build generated jsonl" "$work/gen.jsonl"

if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "identical for --threads 1, 2 and 8"
