#!/usr/bin/env bash
# "-" reads standard input: JSON Lines, a JSON array or one wire text, sniffed from the first
# byte; the result is the one reading the same bytes from a file gives (the ids of wire texts
# aside), for extract and for build.
# Usage: stdin.sh path/to/diplograph   (env: DG_SOURCE_DIR)
set -u

bin="${1:?usage: stdin.sh path/to/diplograph}"
samples="${DG_SOURCE_DIR:?DG_SOURCE_DIR must name the source tree}/samples/dispatches"
# shellcheck source=common.bash
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

# run_in LABEL INPUT CMD...: runs CMD with INPUT on stdin into ${work}/LABEL.out and .err.
run_in() {
  local label="$1" input="$2"
  shift 2
  status=0
  "$@" <"${input}" >"${work}/${label}.out" 2>"${work}/${label}.err" || status=$?
  if grep -qE 'Sanitizer|runtime error:' "${work}/${label}.err"; then
    fail "${label}: sanitizer report:"
    cat "${work}/${label}.err" >&2
  fi
  if [[ "${status}" != 0 ]]; then
    fail "${label}: exit status ${status}; stderr:"
    cat "${work}/${label}.err" >&2
  fi
}

# JSON Lines and a JSON array: the same output from stdin as from the file.
for file in "${samples}/feeds/2021-caucasus.jsonl" "${samples}/feeds/array.json"; do
  name="$(basename "${file}")"
  run_in "file-${name}" /dev/null "${bin}" extract "${file}"
  run_in "stdin-${name}" "${file}" "${bin}" extract -
  if ! cmp -s "${work}/file-${name}.out" "${work}/stdin-${name}.out"; then
    fail "extract - < ${name} differs from extract ${name}"
  fi
  if [[ ! -s "${work}/stdin-${name}.out" ]]; then
    fail "extract - < ${name} wrote nothing"
  fi
done

# A wire text: the same record but for its id, which names standard input.
wire="${samples}/wire/reuters-en-mideast-2019-10-ankara.txt"
run_in file-wire /dev/null "${bin}" extract "${wire}"
run_in stdin-wire "${wire}" "${bin}" extract -
strip_id() {
  sed -E 's/^\{"id":"[^"]*",//' "$1"
}
if [[ "$(strip_id "${work}/file-wire.out")" != "$(strip_id "${work}/stdin-wire.out")" ]]; then
  fail "extract - < a wire text differs (but for the id) from extract of the file"
fi
if [[ "$(wc -l <"${work}/stdin-wire.out")" != 1 ]]; then
  fail "extract - < a wire text did not write exactly one line"
fi
if grep -qF "${wire}" "${work}/stdin-wire.out"; then
  fail "the stdin dispatch's id names the file it came from"
fi

# stdin among files, in order; and build reading stdin.
first="${work}/first.jsonl"
printf '%s\n' '{"id":"first","text":"La France soutient le Mali."}' >"${first}"
printf '%s\n' '{"id":"piped","text":"Germany supports Ukraine."}' >"${work}/piped.jsonl"
run_in mixed "${work}/piped.jsonl" "${bin}" extract - "${first}"
ids="$(sed -E 's/^\{"id":"([^"]*)".*/\1/' "${work}/mixed.out" | tr '\n' ' ')"
[[ "${ids}" == "piped first " ]] || fail "extract - FILE: ids '${ids}', expected 'piped first '"

run_in build "${work}/piped.jsonl" "${bin}" build --format jsonl -o "${work}/out" -
grep -qF '"id":"piped"' "${work}/out/assertions.jsonl" 2>/dev/null ||
  fail "build - wrote no record of the piped dispatch"

finish
