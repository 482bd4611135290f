#!/usr/bin/env bash
# Hostile encodings (issue 8): invalid UTF-8 of every kind (overlong forms, surrogates, code
# points past U+10FFFF, truncated and lone continuation bytes), raw NUL bytes and "\u0000"
# escapes, in JSON Lines, JSON documents, wire text and standard input. Each bad record is
# reported once with file:line:column and skipped, the others are extracted, nothing crashes;
# an overlong "/" (C0 AF) is never read as "/". Text with a NUL escape still gives valid exports.
# Usage: hostile_encoding.sh path/to/diplograph
set -u

bin="${1:?usage: hostile_encoding.sh path/to/diplograph}"
# shellcheck source=hostile_common.bash
source "$(dirname "$0")/hostile_common.bash"

good='{"id":"good-%d","text":"La France soutient le Mali, a déclaré Paris."}\n'
bad_sequences=(
  '\xc0\xaf'          # overlong "/"
  '\xe0\x80\xaf'      # overlong "/", three bytes
  '\xf0\x80\x80\xaf'  # overlong "/", four bytes
  '\xc1\xbf'          # overlong DEL
  '\xed\xa0\x80'      # UTF-16 surrogate D800
  '\xed\xbf\xbf'      # surrogate DFFF
  '\xf4\x90\x80\x80'  # past U+10FFFF
  '\xf8\x88\x80\x80\x80'  # five-byte form
  '\xfe\xff'          # never valid
  '\x80'              # lone continuation
  '\xe2\x82'          # truncated sequence
)

# --- JSON Lines: one bad line between good ones, per sequence -------------------------------
jsonl="${work}/bad.jsonl"
{
  n=0
  for seq in "${bad_sequences[@]}"; do
    # shellcheck disable=SC2059
    printf "${good}" "${n}"
    printf '{"id":"bad-%d","text":"Paris%b/etc"}\n' "${n}" "${seq}"
    n=$((n + 1))
  done
  printf '{"id":"nul-raw","text":"a\x00b"}\n'
  printf '{"id":"surrogate-escape","text":"x\\udc00y"}\n'
  printf '{"id":"nul-escape","text":"Russia backs\\u0000 Syria, the Kremlin said."}\n'
  printf "${good}" 99
} >"${jsonl}"
run jsonl 30 "${bin}" extract --threads 2 "${jsonl}"
expect_status jsonl 1
expect_json_lines jsonl $((${#bad_sequences[@]} + 2))
# Every bad line is named with its line and column, and only once.
line=2
for seq in "${bad_sequences[@]}"; do
  expect_error jsonl "^error: ${jsonl}:${line}:[0-9]+: invalid UTF-8"
  line=$((line + 2))
done
# The loop left ${line} one past the NUL line.
expect_error jsonl "^error: ${jsonl}:$((line - 1)):[0-9]+: NUL byte"
expect_error jsonl "^error: ${jsonl}:${line}: \"text\" is not valid UTF-8"
errors=$(grep -c '^error: ' "${work}/jsonl.err")
[[ ${errors} == $((${#bad_sequences[@]} + 2)) ]] ||
  fail "jsonl: ${errors} error lines, expected $((${#bad_sequences[@]} + 2))"
grep -q '"id":"nul-escape"' "${work}/jsonl.out" || fail "jsonl: the \\u0000 dispatch was lost"
if grep -q '"id":"bad-' "${work}/jsonl.out"; then fail "jsonl: a bad line was extracted"; fi

# --- JSON document: one bad string fails the document with its position ----------------------
printf '[{"id":"a","text":"ok"},\n {"id":"b","text":"caf\xc0\xafe"}]\n' >"${work}/bad.json"
run json 30 "${bin}" extract "${work}/bad.json"
expect_status json 1
expect_error json "^error: ${work}/bad.json:2:[0-9]+: "

# --- wire text: a file that is not UTF-8 is Windows-1252, never reinterpreted ----------------
printf 'PARIS, 1 oct 2020 (AFP) - La France soutient le Mali. Chemin ..\xc0\xaf..\xc0\xaf etc\xed\xa0\x80.\n' \
  >"${work}/overlong.txt"
run wire 30 "${bin}" extract "${work}/overlong.txt"
expect_status wire 0
expect_error wire "^warning: ${work}/overlong.txt: not UTF-8"
expect_json_lines wire 1
if grep -q '\.\./\.\.' "${work}/wire.out"; then fail "wire: an overlong '/' was decoded as '/'"; fi

printf 'PARIS (AFP) - La France\x00 soutient le Mali.\n' >"${work}/nul.txt"
run wire-nul 30 "${bin}" extract "${work}/nul.txt"
expect_status wire-nul 1
expect_error wire-nul "^error: ${work}/nul.txt: binary data"

# --- standard input ----------------------------------------------------------------------------
printf '{"id":"s1","text":"Turkey supports Azerbaijan."}\n{"id":"s2","text":"\xf4\x90\x80\x80"}\n' \
  >"${work}/stdin.jsonl"
stdin="${work}/stdin.jsonl" run stdin 30 "${bin}" extract -
expect_status stdin 1
expect_error stdin '^error: <stdin>:2:[0-9]+: invalid UTF-8'
expect_json_lines stdin 1

# --- exports of text holding NUL and C0 controls: still valid for their readers ---------------
printf '{"id":"ctl\\u0001\\u0000id","text":"Russia backs\\u0000 Syria\\u0007, the Kremlin\\u001b[31m said. Turkey supports\\u000b Azerbaijan."}\n' \
  >"${work}/controls.jsonl"
run controls 60 "${bin}" build -q -o "${work}/out" --format ttl,nq,rdf,graphml,gexf,json,jsonl \
  "${work}/controls.jsonl"
expect_status controls 0
expect_readable_exports controls "${work}/out"
python3 -c 'import json,sys; json.load(open(sys.argv[1])); [json.loads(l) for l in open(sys.argv[2])]' \
  "${work}/out/graph.json" "${work}/out/assertions.jsonl" || fail "controls: invalid JSON output"

finish
