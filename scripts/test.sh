#!/usr/bin/env bash
# The README's second command, and what CI runs (.ci/run): installs what is missing, then builds
# and runs the whole test suite twice, a Release build in build/ and an AddressSanitizer +
# UndefinedBehaviorSanitizer Debug build in build-asan/. Exits non-zero when a build or a test
# fails. The last line sums both runs: "tests: N passed, N failed, N skipped", where a build
# that failed counts as one failed test.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source_dir="$(pwd)"
jobs="${DIPLOGRAPH_JOBS:-$(nproc)}"

bash scripts/setup.sh

# Any sanitizer report aborts the process, so that the test that ran it fails; leaks included.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1"
# None is needed today; should a system library (librdf, raptor) leak at exit, name only it in
# tests/lsan.supp ("leak:libraptor2.so").
if [[ -f tests/lsan.supp ]]; then
  export LSAN_OPTIONS="suppressions=${source_dir}/tests/lsan.supp:print_suppressions=0"
fi

passed=0
failed=0
skipped=0
broken=()

# run_suite NAME DIR CMAKE-ARGS...: configure, build everything, run ctest; adds to the counts.
run_suite() {
  local name="$1" dir="$2"
  shift 2
  echo
  echo "=== ${name}: configure ${dir}/"
  if ! cmake -S . -B "${dir}" -G Ninja "$@"; then
    broken+=("${name} (configure)")
    failed=$((failed + 1))
    return
  fi
  echo "=== ${name}: build (-j${jobs})"
  local phase_start=${SECONDS}
  if ! cmake --build "${dir}" -j "${jobs}"; then
    broken+=("${name} (build)")
    failed=$((failed + 1))
    return
  fi
  echo "=== ${name}: built in $((SECONDS - phase_start)) s; ctest"
  phase_start=${SECONDS}
  local log="${dir}/ctest-summary.log"
  local status=0
  ctest --test-dir "${dir}" --output-on-failure --timeout 600 -j "${jobs}" 2>&1 |
    tee "${log}" || status=$?
  # "100% tests passed, 0 tests failed out of 24"; skipped tests count as passed there.
  local summary total fail skip
  summary="$(grep -E '[0-9]+ tests failed out of [0-9]+' "${log}" | tail -n 1 || true)"
  if [[ -z "${summary}" ]]; then
    broken+=("${name} (ctest printed no summary)")
    failed=$((failed + 1))
    return
  fi
  fail="$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"${summary}")"
  total="$(sed -E 's/.* tests failed out of ([0-9]+).*/\1/' <<<"${summary}")"
  skip="$(grep -cE '^[[:space:]]*[0-9]+ - .*\(Skipped\)' "${log}" || true)"
  echo "=== ${name}: tests ran in $((SECONDS - phase_start)) s"
  if ((skip > 0)); then
    echo "=== ${name}: WARNING: ${skip} test(s) skipped (see why: ctest --test-dir ${dir} -V -R NAME):"
    grep -E '^[[:space:]]*[0-9]+ - .*\(Skipped\)' "${log}"
  fi
  passed=$((passed + total - fail - skip))
  failed=$((failed + fail))
  skipped=$((skipped + skip))
  if ((status != 0 || fail != 0)); then
    broken+=("${name} (${fail} failed)")
  fi
}

start=${SECONDS}
run_suite "release" build -DCMAKE_BUILD_TYPE=Release
run_suite "asan+ubsan" build-asan -DCMAKE_BUILD_TYPE=Debug -DDIPLOGRAPH_SANITIZE=ON

echo
echo "test.sh: both suites ran in $((SECONDS - start)) s"
if ((${#broken[@]} > 0)); then
  echo "test.sh: FAILED: ${broken[*]}"
fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
((${#broken[@]} == 0))
