#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang, ASan + UBSan) and runs each for SECONDS (default
# 60), then prints one line per target: runs, executions per second, edge coverage (libFuzzer's
# "cov:"), features ("ft:"), corpus size, and whether it crashed.
#
#   bench/fuzz.sh                      # every target, 60 s each
#   bench/fuzz.sh 600                  # the issue's acceptance run (70 minutes in all)
#   bench/fuzz.sh 30 fuzz_text fuzz_extract
#   bench/fuzz.sh --build-only         # just build
#
# Environment: FUZZ_BUILD_DIR (default build-fuzz in the source tree), FUZZ_JOBS (build jobs,
# default 2), FUZZ_ARGS (extra libFuzzer flags), DG_ONTOLOGY_DIR (fuzz_extract's ontology).
# The seed corpus fuzz/corpus/<target> is read, never written: new inputs go to
# $FUZZ_BUILD_DIR/corpus/<target>, kept between runs so coverage grows; crashes, leaks and
# timeouts go to $FUZZ_BUILD_DIR/artifacts/, and the script exits 1 naming them. Reproduce one
# with: $FUZZ_BUILD_DIR/fuzz/<target> ARTIFACT
set -u

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "${here}")"
build="${FUZZ_BUILD_DIR:-${root}/build-fuzz}"
jobs="${FUZZ_JOBS:-2}"
all_targets=(fuzz_ingest_jsonl fuzz_ingest_json fuzz_ingest_wire fuzz_text fuzz_extract
  fuzz_writers fuzz_record_json)

seconds=60
build_only=0
targets=()
for arg in "$@"; do
  case "${arg}" in
    --build-only) build_only=1 ;;
    -h | --help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) seconds="${arg}" ;;
    fuzz_*) targets+=("${arg}") ;;
    *) echo "fuzz.sh: unknown argument ${arg}" >&2; exit 2 ;;
  esac
done
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is missing (Debian: apt-get install clang)" >&2; exit 77; }

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
# The project itself, configured for fuzzing (fuzz/instrument.cmake): same modules, clang.
if [[ ! -f "${build}/CMakeCache.txt" ]]; then
  mkdir -p "${build}"
  cmake -S "${root}" -B "${build}" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIPLOGRAPH_FUZZ=ON -DDIPLOGRAPH_TESTS=OFF \
    >"${build}/configure.log" 2>&1 || { cat "${build}/configure.log" >&2; exit 1; }
fi
cmake --build "${build}" -j "${jobs}" --target "${targets[@]}" >"${build}/build.log" 2>&1 ||
  { tail -n 40 "${build}/build.log" >&2; echo "fuzz.sh: build failed (${build}/build.log)" >&2; exit 1; }
[[ ${build_only} == 0 ]] || exit 0

# Per-target flags: a dictionary, and room for a few sentences where the text matters.
flags_for() {
  case "$1" in
    fuzz_ingest_jsonl | fuzz_ingest_json | fuzz_record_json) echo "-dict=${root}/fuzz/dicts/json.dict" ;;
    fuzz_ingest_wire) echo "-dict=${root}/fuzz/dicts/text.dict" ;;
    fuzz_text | fuzz_extract) echo "-dict=${root}/fuzz/dicts/text.dict -max_len=8192" ;;
    *) echo "" ;;
  esac
}

mkdir -p "${build}/artifacts" "${build}/logs"
printf '%-18s %6s %10s %8s %7s %7s %7s  %s\n' target secs runs exec/s cov ft corpus result
failed=0
for target in "${targets[@]}"; do
  work="${build}/corpus/${target}"
  seeds="${root}/fuzz/corpus/${target#fuzz_}"
  log="${build}/logs/${target}.log"
  mkdir -p "${work}"
  # shellcheck disable=SC2046  # the flags are words
  "${build}/fuzz/${target}" -max_total_time="${seconds}" -timeout=10 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="${build}/artifacts/${target}-" \
    $(flags_for "${target}") ${FUZZ_ARGS:-} "${work}" "${seeds}" >"${log}" 2>&1
  status=$?
  # The last status line: "#123 DONE cov: 1234 ft: 5678 corp: 90/12Kb ... exec/s: 456 ..."
  last="$(grep -E '^#[0-9]+' "${log}" | tail -n 1)"
  runs="$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "${log}")"
  rate="$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "${log}")"
  cov="$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"${last}")"
  ft="$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"${last}")"
  corp="$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"${last}")"
  result=ok
  if [[ ${status} != 0 ]]; then
    result="FAILED (status ${status}): $(grep -oE "Test unit written to [^ ]+" "${log}" | tail -n 1)"
    failed=1
  fi
  # Leaks of raptor URIs are only visible with the slow unwinder (see fuzz/sanitizer_options.cpp):
  # the writers' corpus is replayed once so.
  if [[ ${target} == fuzz_writers && ${status} == 0 ]]; then
    ASAN_OPTIONS=fast_unwind_on_malloc=0 DG_FUZZ_PRECISE_LEAKS=1 "${build}/fuzz/${target}" -runs=0 \
      -artifact_prefix="${build}/artifacts/${target}-" "${work}" "${seeds}" >"${log%.log}-leaks.log" 2>&1 ||
      { result="FAILED: leak on replay (${log%.log}-leaks.log)"; failed=1; }
  fi
  printf '%-18s %6s %10s %8s %7s %7s %7s  %s\n' "${target}" "${seconds}" "${runs:-?}" \
    "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${result}"
done
echo "logs: ${build}/logs/"
exit "${failed}"
