#!/usr/bin/env bash
# --strict stops at the first input error with a non-zero status: nothing after the error is
# read, and no output file is replaced by a partial one.
# Usage: strict.sh path/to/diplograph
set -u

bin="${1:?usage: strict.sh path/to/diplograph}"
# shellcheck source=common.bash
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

ids() {
  sed -E 's/^\{"id":"([^"]*)".*/\1/' "$1" | tr '\n' ' '
}

# No temporary file may be left beside an output.
expect_no_temp() {
  local leftovers
  leftovers="$(find "$1" -name '*.tmp-*')"
  if [[ -n "${leftovers}" ]]; then
    fail "temporary files left behind: ${leftovers}"
  fi
}

first="${work}/first.jsonl"
bad="${work}/bad.jsonl"
last="${work}/last.jsonl"
printf '%s\n' '{"id":"a1","text":"La France soutient le Mali."}' >"${first}"
{
  printf '%s\n' '{"id":"b1","text":"Germany supports Ukraine."}'
  printf '%s\n' '{"id":"b2","text":"broken'
  printf '%s\n' '{"id":"b3","text":"Russia backs Syria."}'
  printf '%s\n' '{"id":"b4"}'
} >"${bad}"
printf '%s\n' '{"id":"c1","text":"Turkey supports Azerbaijan."}' >"${last}"

# Without --strict: two errors, everything else read.
run lenient "${bin}" extract "${first}" "${bad}" "${last}"
[[ "${status}" == 1 ]] || fail "lenient: exit status ${status}, expected 1"
[[ "$(ids "${work}/lenient.out")" == "a1 b1 b3 c1 " ]] ||
  fail "lenient: output ids '$(ids "${work}/lenient.out")', expected 'a1 b1 b3 c1 '"
[[ "$(grep -c '^error: ' "${work}/lenient.err")" == 2 ]] || fail "lenient: expected 2 errors"

# With --strict: the first error only, and nothing after it.
run strict "${bin}" extract --strict "${first}" "${bad}" "${last}"
if [[ "${status}" == 0 ]]; then
  fail "extract --strict: exit status 0 after an input error"
fi
[[ "$(grep -c '^error: ' "${work}/strict.err")" == 1 ]] ||
  fail "extract --strict: expected exactly one error line: $(cat "${work}/strict.err")"
grep -qF "${bad}:2:" "${work}/strict.err" || fail "extract --strict: the error does not name ${bad}:2"
[[ "$(ids "${work}/strict.out")" == "a1 b1 " ]] ||
  fail "extract --strict: output ids '$(ids "${work}/strict.out")', expected 'a1 b1 '"

# With --strict on a missing file: stops there too.
run strict-missing "${bin}" extract --strict "${work}/missing.jsonl" "${last}"
[[ "${status}" != 0 ]] || fail "extract --strict on a missing file: exit status 0"
[[ ! -s "${work}/strict-missing.out" ]] || fail "extract --strict read past a missing file"

# --strict on clean input changes nothing.
run clean "${bin}" extract "${first}" "${last}"
run clean-strict "${bin}" extract --strict "${first}" "${last}"
if [[ "${status}" != 0 ]] || ! cmp -s "${work}/clean.out" "${work}/clean-strict.out"; then
  fail "extract --strict on clean input: status ${status} or different output"
fi

# extract --strict -o FILE: the previous FILE stays as it was.
out="${work}/extract-out/assertions.jsonl"
mkdir -p "${work}/extract-out"
run previous "${bin}" extract -o "${out}" "${first}" "${last}"
cp "${out}" "${work}/previous.jsonl"
run strict-file "${bin}" extract --strict -o "${out}" "${first}" "${bad}" "${last}"
[[ "${status}" != 0 ]] || fail "extract --strict -o: exit status 0"
cmp -s "${out}" "${work}/previous.jsonl" ||
  fail "extract --strict -o replaced the previous output with a partial one"
expect_no_temp "${work}/extract-out"

# build --strict -o DIR: the previous DIR/assertions.jsonl stays as it was.
outdir="${work}/build-out"
run build-previous "${bin}" build --format jsonl -o "${outdir}" "${first}" "${last}"
[[ "${status}" == 0 ]] || fail "build: exit status ${status}"
cp "${outdir}/assertions.jsonl" "${work}/build-previous.jsonl"
run build-strict "${bin}" build --format jsonl --strict -o "${outdir}" "${first}" "${bad}" "${last}"
[[ "${status}" != 0 ]] || fail "build --strict: exit status 0 after an input error"
cmp -s "${outdir}/assertions.jsonl" "${work}/build-previous.jsonl" ||
  fail "build --strict replaced the previous output with a partial one"
expect_no_temp "${outdir}"

finish
