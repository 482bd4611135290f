#!/usr/bin/env bash
# Bad input (issue 2, DESIGN.md section 3): malformed JSON, a missing "text", invalid UTF-8,
# binary junk, a duplicate id, an oversized dispatch, an empty file, a missing or unreadable
# path. Each gets exactly one message on stderr naming the file (and line, and column for JSON);
# the rest of the batch is still processed, in order; the exit status is 1. A Latin-1 text file
# is decoded with a warning and processed.
# Usage: bad_input.sh path/to/diplograph
set -u

bin="${1:?usage: bad_input.sh path/to/diplograph}"
# shellcheck source=common.bash
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

# The ids of the output lines, one per line.
ids() {
  sed -E 's/^\{"id":"([^"]*)".*/\1/' "${work}/$1.out"
}

expect_ids() {  # expect_ids LABEL ID...
  local label="$1"
  shift
  local want got
  want="$(printf '%s\n' "$@")"
  got="$(ids "${label}")"
  if [[ "${got}" != "${want}" ]]; then
    fail "${label}: output ids are [${got//$'\n'/ }], expected [$*]"
  fi
}

# expect_one_message LABEL TEXT: exactly one stderr line holds TEXT.
expect_one_message() {
  local label="$1" text="$2" count
  count="$(grep -cF -- "${text}" "${work}/${label}.err")"
  if [[ "${count}" != 1 ]]; then
    fail "${label}: ${count} stderr lines name '${text}', expected 1; stderr:"
    cat "${work}/${label}.err" >&2
  fi
}

expect_error_count() {
  local label="$1" want="$2" count
  count="$(grep -c '^error: ' "${work}/${label}.err")"
  if [[ "${count}" != "${want}" ]]; then
    fail "${label}: ${count} error lines on stderr, expected ${want}:"
    cat "${work}/${label}.err" >&2
  fi
}

# --- the inputs ---------------------------------------------------------------------------------
good="${work}/good.jsonl"
mixed="${work}/mixed.jsonl"
{
  printf '%s\n' '{"id":"a1","lang":"fr","text":"La France soutient le Mali, a déclaré Paris."}'
  printf '%s\n' '{"id":"a2","lang":"en","text":"Germany supports Ukraine, Berlin said on Monday."}'
} >"${good}"
{
  printf '%s\n' '{"id":"g1","text":"La Russie soutient la Syrie, selon le Kremlin."}'  # 1
  printf '%s\n' '{"id":"bad-json","text":"no closing brace"'                        # 2
  printf '%s\n' '{"id":"g2","text":"Russia backs Syria, the Kremlin said."}'         # 3
  printf '%s\n' '{"id":"no-text","title":"a title and no text"}'                    # 4
  printf '{"id":"bad-utf8","text":"caf\xe9 cr\xe8me"}\n'                           # 5
  printf '\x00\x01\x02\x03 binary junk \xff\xfe\n'                                   # 6
  printf '%s\n' '{"id":"g1","text":"The same id again."}'                           # 7
  printf '%s\n' '{"id":"g3","text":"Turkey supports Azerbaijan, Ankara said."}'      # 8
  printf '{"id":"big","text":"'                                                      # 9
  head -c 300000 /dev/zero | tr '\0' 'a'
  printf '"}\n'
  printf '%s\n' '{"id":"g4","text":"Qatar mediates between the United States and the Taliban."}'
  printf '%s\n' '{"id":"a1","text":"An id first seen in good.jsonl."}'               # 11
  printf '%s\n' '{"id":"g5","text":"Iran backs the Houthis, Saudi Arabia said."}'    # 12
} >"${mixed}"
: >"${work}/empty.txt"
head -c 4096 /dev/urandom >"${work}/junk.bin"
printf '\x00\x00\x00' >>"${work}/junk.bin"
# Latin-1: ï = EF, é = E9, à = E0.
printf "Moscou, 1 oct 2020 (AFP) - La Turquie soutient l'Azerba\xefdjan, a d\xe9clar\xe9 le ministre turc \xe0 Ankara.\n" \
  >"${work}/latin1.txt"

# --- one batch with everything ---------------------------------------------------------------
args=(extract --max-dispatch-bytes 100000 "${good}" "${mixed}" "${work}/empty.txt"
  "${work}/junk.bin" "${work}/no-such-file.jsonl" "${good}/not-a-directory.jsonl"
  "${work}/latin1.txt")
run batch "${bin}" "${args[@]}"
expect_status batch 1
expect_ids batch a1 a2 g1 g2 g3 g4 g5 "${work}/latin1.txt"
expect_error_count batch 11
for where in "${mixed}:2:" "${mixed}:4:" "${mixed}:5:" "${mixed}:6:" "${mixed}:7:" \
  "${mixed}:9:" "${mixed}:11:" "${work}/empty.txt:" "${work}/junk.bin:" \
  "${work}/no-such-file.jsonl:" "${good}/not-a-directory.jsonl:" "${work}/latin1.txt:"; do
  expect_one_message batch "${where}"
done
# JSON errors give the column too; duplicates say where the id was first seen.
grep -qE "^error: ${mixed}:2:[0-9]+: " "${work}/batch.err" ||
  fail "batch: the malformed JSON line's message has no column"
grep -qE "^error: ${mixed}:5:[0-9]+: " "${work}/batch.err" ||
  fail "batch: the invalid UTF-8 line's message has no column"
grep -F "${mixed}:11:" "${work}/batch.err" | grep -qF "${good}:1" ||
  fail "batch: the duplicate id's message does not say where it was first seen"
grep -F "${work}/latin1.txt" "${work}/batch.err" | grep -q '^warning: ' ||
  fail "batch: the Latin-1 file gives no warning"
if ! grep -F "\"id\":\"${work}/latin1.txt\"" "${work}/batch.out" | grep -qF 'Azerbaïdjan'; then
  fail "batch: the Latin-1 dispatch was not decoded (no mention of 'Azerbaïdjan')"
fi

# Threads change neither the output nor the messages.
run batch-1 "${bin}" "${args[0]}" --threads 1 "${args[@]:1}"
run batch-4 "${bin}" "${args[0]}" --threads 4 "${args[@]:1}"
for label in batch-1 batch-4; do
  if ! cmp -s "${work}/${label}.out" "${work}/batch.out" ||
    ! cmp -s "${work}/${label}.err" "${work}/batch.err"; then
    fail "${label}: output or messages differ from the default run"
  fi
done

# --- each bad line alone, between two good ones ---------------------------------------------
bad_lines=(
  'malformed:{"id":"x","text":"unterminated}'
  'missing-text:{"id":"x","title":"no text"}'
  'not-an-object:["id","text"]'
  'text-not-string:{"id":"x","text":42}'
  'bad-utf8:{"id":"x","text":"caf\xe9"}'
  'junk:\x00\x01\x02\xff'
  'duplicate:{"id":"one","text":"Russia backs Syria."}'
)
for entry in "${bad_lines[@]}"; do
  kind="${entry%%:*}"
  line="${entry#*:}"
  file="${work}/${kind}.jsonl"
  {
    printf '%s\n' '{"id":"one","text":"La France soutient le Mali."}'
    printf '%b\n' "${line}"
    printf '%s\n' '{"id":"two","text":"Germany supports Ukraine."}'
  } >"${file}"
  run "line-${kind}" "${bin}" extract "${file}"
  expect_status "line-${kind}" 1
  expect_ids "line-${kind}" one two
  expect_error_count "line-${kind}" 1
  expect_one_message "line-${kind}" "${file}:2:"
done

# --- each bad file alone ---------------------------------------------------------------------
for kind in empty.txt junk.bin no-such-file.jsonl; do
  run "file-${kind}" "${bin}" extract "${work}/${kind}"
  expect_status "file-${kind}" 1
  expect_error_count "file-${kind}" 1
  expect_one_message "file-${kind}" "${work}/${kind}"
  if [[ -s "${work}/file-${kind}.out" ]]; then
    fail "file-${kind}: wrote output for a file with no dispatch"
  fi
done

# A Latin-1 file loses nothing: a warning, the dispatch, and status 0 ("1: some input was
# skipped" in --help does not apply).
run latin1 "${bin}" extract "${work}/latin1.txt"
expect_status latin1 0
expect_one_message latin1 "${work}/latin1.txt"
expect_ids latin1 "${work}/latin1.txt"

# An empty JSON Lines file holds no dispatch: whatever it says, no crash and no output.
: >"${work}/empty.jsonl"
run empty-jsonl "${bin}" extract "${work}/empty.jsonl"
if [[ "${status}" != 0 && "${status}" != 1 ]] || [[ -s "${work}/empty-jsonl.out" ]]; then
  fail "empty.jsonl: exit status ${status}, or output written"
fi

# A directory holding a broken symbolic link: the link is reported, the rest read.
mkdir -p "${work}/dir/sub"
cp "${good}" "${work}/dir/sub/good.jsonl"
ln -s "${work}/nowhere.jsonl" "${work}/dir/broken.jsonl"
run dir "${bin}" extract "${work}/dir"
expect_status dir 1
expect_ids dir a1 a2
expect_one_message dir "${work}/dir/broken.jsonl"

# A 1 MB single line over a 64 KB limit: one message, the next line read.
{
  printf '{"id":"huge","text":"'
  head -c 1000000 /dev/zero | tr '\0' 'a'
  printf '"}\n'
  printf '%s\n' '{"id":"after","text":"Germany supports Ukraine."}'
} >"${work}/huge.jsonl"
run huge "${bin}" extract --max-dispatch-bytes 65536 "${work}/huge.jsonl"
expect_status huge 1
expect_ids huge after
expect_one_message huge "${work}/huge.jsonl:1:"

finish
