#!/usr/bin/env bash
# Output files: `build -o DIR` writes DIR/assertions.jsonl (the same bytes as `extract`) and its
# graph exports, the same bytes on every run and with any number of threads; `build` with no
# argument reads samples/dispatches into out/; a build that fails leaves no partial file and the
# previous output intact; -o onto a symbolic link or a FIFO writes through it, not over it.
# Usage: output_files.sh path/to/diplograph   (env: DG_SOURCE_DIR)
set -u

bin="${1:?usage: output_files.sh path/to/diplograph}"
samples="${DG_SOURCE_DIR:?DG_SOURCE_DIR must name the source tree}/samples"
# shellcheck source=common.bash
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
reader_pid=""
cleanup() {  # also stops the FIFO's reader, if one is still waiting
  if [[ -n "${reader_pid}" ]]; then kill "${reader_pid}" 2>/dev/null; fi
  rm -rf "${work}"
}
trap cleanup EXIT

expect_no_temp() {
  local leftovers
  leftovers="$(find "$1" -name '*.tmp-*')"
  if [[ -n "${leftovers}" ]]; then
    fail "temporary files left behind: ${leftovers}"
  fi
}

# --- a build writes DIR/assertions.jsonl, deterministically ----------------------------------
# (the default formats: assertions.jsonl and the default graph exports)
run build1 "${bin}" build -o "${work}/out1" "${samples}/dispatches"
expect_status build1 0
if [[ ! -s "${work}/out1/assertions.jsonl" ]]; then
  fail "build -o DIR wrote no DIR/assertions.jsonl"
fi
grep -qF "${work}/out1/assertions.jsonl" "${work}/build1.err" ||
  fail "build does not say where its output went"
dispatches="$(find "${samples}/dispatches" -name '*.txt' | wc -l)"
dispatches=$((dispatches + $(cat "${samples}"/dispatches/feeds/*.jsonl | grep -c '"id"')))
dispatches=$((dispatches + $(grep -o '"id"' "${samples}/dispatches/feeds/array.json" | wc -l)))
lines="$(wc -l <"${work}/out1/assertions.jsonl")"
[[ "${lines}" == "${dispatches}" ]] ||
  fail "assertions.jsonl has ${lines} lines for ${dispatches} sample dispatches"

run build2 "${bin}" build -o "${work}/out2" "${samples}/dispatches"
run build-threads "${bin}" build --threads 1 -o "${work}/out3" "${samples}/dispatches"
for file in "${work}"/out1/*; do
  name="$(basename "${file}")"
  cmp -s "${file}" "${work}/out2/${name}" || fail "two builds of the same input differ in ${name}"
  cmp -s "${file}" "${work}/out3/${name}" ||
    fail "a build with one thread differs from the default in ${name}"
done
if [[ "$(ls "${work}/out1")" != "$(ls "${work}/out2")" ]]; then
  fail "two builds of the same input wrote different files"
fi
run extract "${bin}" extract "${samples}/dispatches"
cmp -s "${work}/out1/assertions.jsonl" "${work}/extract.out" ||
  fail "build's assertions.jsonl differs from extract's output"
expect_no_temp "${work}"

# --- the embedded default: `diplograph build` reads samples/dispatches into out/ -------------
mkdir "${work}/cwd"
ln -s "${samples}" "${work}/cwd/samples"
status=0
(cd "${work}/cwd" && "${bin}" build </dev/null >"${work}/default.out" 2>"${work}/default.err") ||
  status=$?
expect_status default 0
[[ -f "${work}/cwd/out/assertions.jsonl" ]] || fail "build with no argument wrote no out/assertions.jsonl"
# (its relative input paths give different ids to the .txt dispatches, so only count lines)
[[ "$(wc -l <"${work}/cwd/out/assertions.jsonl")" == "${dispatches}" ]] ||
  fail "the default build did not read every sample"

# --- failing builds leave the previous output intact ----------------------------------------
good="${work}/good.jsonl"
printf '%s\n' '{"id":"a1","text":"La France soutient le Mali."}' >"${good}"
cp -r "${work}/out1" "${work}/keep"

# The output directory is a regular file.
printf 'not a directory\n' >"${work}/plain-file"
run outdir-is-file "${bin}" build --format jsonl -o "${work}/plain-file" "${good}"
expect_status outdir-is-file 3
grep -qF "${work}/plain-file" "${work}/outdir-is-file.err" ||
  fail "outdir-is-file: the message does not name the path"
[[ "$(cat "${work}/plain-file")" == "not a directory" ]] || fail "outdir-is-file: the file changed"

# The output directory lies under a regular file.
run outdir-under-file "${bin}" build --format jsonl -o "${work}/plain-file/sub" "${good}"
expect_status outdir-under-file 3

# The output directory cannot be created (under /proc).
run outdir-proc "${bin}" build --format jsonl -o "/proc/diplograph-test-$$" "${good}"
expect_status outdir-proc 3

# assertions.jsonl is a directory: nothing can replace it; no temporary file stays.
mkdir -p "${work}/blocked/assertions.jsonl/inside"
run target-is-dir "${bin}" build --format jsonl -o "${work}/blocked" "${good}"
expect_status target-is-dir 3
[[ -d "${work}/blocked/assertions.jsonl/inside" ]] || fail "target-is-dir: the directory changed"
expect_no_temp "${work}/blocked"

# A bad option or an unknown format touches nothing.
run bad-format "${bin}" build --format no-such-format -o "${work}/out1" "${good}"
expect_status bad-format 2
diff -rq "${work}/keep" "${work}/out1" >&2 || fail "a build with a bad format changed the output"
# Every input missing: status 1, and an empty result does not replace the previous one.
run all-missing "${bin}" build --format jsonl -o "${work}/out1" "${work}/missing.jsonl"
expect_status all-missing 1
diff -rq "${work}/keep" "${work}/out1" >&2 ||
  fail "a build that read no dispatch changed the previous output"
run strict-failure "${bin}" build --format jsonl --strict -o "${work}/out1" "${good}" \
  "${work}/missing.jsonl"
[[ "${status}" != 0 ]] || fail "strict-failure: exit status 0"
diff -rq "${work}/keep" "${work}/out1" >&2 ||
  fail "a failed --strict build changed the previous output"
expect_no_temp "${work}"

# extract -o into a missing directory: status 3, a message naming the path.
run extract-missing-dir "${bin}" extract -o "${work}/no/such/dir/x.jsonl" "${good}"
expect_status extract-missing-dir 3
grep -qF "${work}/no/such/dir/x.jsonl" "${work}/extract-missing-dir.err" ||
  fail "extract-missing-dir: the message does not name the path"

# --- -o onto a symbolic link or a FIFO -------------------------------------------------------
printf 'old\n' >"${work}/real.jsonl"
ln -s "${work}/real.jsonl" "${work}/link.jsonl"
run link "${bin}" extract -o "${work}/link.jsonl" "${good}"
expect_status link 0
[[ -L "${work}/link.jsonl" ]] || fail "extract -o LINK replaced the symbolic link by a file"
grep -qF '"id":"a1"' "${work}/real.jsonl" || fail "extract -o LINK did not write the linked file"

mkfifo "${work}/fifo"
timeout 60 cat "${work}/fifo" >"${work}/from-fifo.jsonl" &
reader_pid=$!
run fifo timeout 60 "${bin}" extract -o "${work}/fifo" "${good}"
expect_status fifo 0
wait "${reader_pid}"
reader_pid=""
[[ -p "${work}/fifo" ]] || fail "extract -o FIFO replaced the FIFO by a file"
grep -qF '"id":"a1"' "${work}/from-fifo.jsonl" || fail "extract -o FIFO: the reader got nothing"

run dev-stdout "${bin}" extract -o /dev/stdout "${good}"
expect_status dev-stdout 0
grep -qF '"id":"a1"' "${work}/dev-stdout.out" || fail "extract -o /dev/stdout wrote nothing"
[[ -L /dev/stdout || -c /dev/stdout ]] || fail "extract -o /dev/stdout replaced /dev/stdout"

finish
