#!/usr/bin/env bash
# Crash safety of `build` (issue 8):
# - SIGKILL at random moments (5 times): every output file is byte-identical to the previous
#   run's or to a complete new run's, never partial; assertions.jsonl is renamed last, so when it
#   is new every other output is new too; what a kill leaves behind is only temporary files named
#   <output>.tmp-XXXXXX, which match no output name; a re-run completes.
# - ENOSPC (a 300 KB tmpfs, where mounting is permitted) and EFBIG (`ulimit -f`): a clear error
#   naming the file, exit status 3, the previous outputs intact, no temporary file left.
# - EACCES (run as nobody on a directory owned by root) and EROFS (the tmpfs remounted read-only):
#   the same. Skipped, and said so, where the mechanism is unavailable.
# Under sanitizers (every build 10 to 50 times slower) the input is 120 dispatches and there is
# one kill; the Release build runs 600 dispatches and five kills.
# Usage: crash_safety.sh path/to/diplograph
set -u

bin="${1:?usage: crash_safety.sh path/to/diplograph}"
# shellcheck source=hostile_common.bash
source "$(dirname "$0")/hostile_common.bash"
chmod 755 "${work}"  # readable by the unprivileged user of the EACCES case

formats=ttl,nt,nq,graphml,gexf,json,csv,dot,jsonl
outputs=(assertions.jsonl edges.csv graph.cyjs graph.dot graph.gexf graph.graphml graph.json
  graph.nq graph.nt graph.ttl nodes.csv)

gen() {
  python3 "${source_dir}/bench/gen_corpus.py" --seed "$1" --dispatches "$2" --out "$3" >/dev/null 2>&1
}
dispatches=600
kills=5
if [[ ${sanitized} == 1 ]]; then
  dispatches=120
  kills=1
fi
gen 1 "${dispatches}" "${work}/old.jsonl" && gen 2 "${dispatches}" "${work}/new.jsonl" ||
  { echo "crash_safety: bench/gen_corpus.py failed; skipped" >&2; exit 77; }
head -n 1 "${work}/old.jsonl" >"${work}/tiny.jsonl"

build() {  # build OUTDIR INPUT [extra args]: a complete run, stdout/stderr in OUTDIR.log
  local out="$1" input="$2"
  shift 2
  "${bin}" build -q --threads 2 -o "${out}" --format "${formats}" "$@" "${input}" \
    >"${out}.log" 2>&1
}

# same_as DIR REF: every output in DIR is byte-identical to REF's.
same_as() {
  local f
  for f in "${outputs[@]}"; do cmp -s "$1/${f}" "$2/${f}" || return 1; done
}

# only_outputs DIR [REF]: DIR holds the outputs, plus (when REF is not given) temporary files
# named <output>.tmp-XXXXXX; prints what else it holds.
stray_files() {
  local dir="$1" allow_temp="$2" f name
  for f in $(ls -A "${dir}"); do
    name="${f}"
    [[ ${allow_temp} == 1 ]] && name="${f%.tmp-??????}"
    name="${name#.}"
    printf '%s\n' "${outputs[@]}" | grep -qxF "${name}" || echo "${f}"
  done
}

# --- references: the previous outputs, and what the new run writes when left alone -----------
start=$(date +%s.%N)
build "${work}/ref-new" "${work}/new.jsonl" || fail "reference build failed: $(cat "${work}/ref-new.log")"
new_seconds=$(awk -v s="${start}" -v e="$(date +%s.%N)" 'BEGIN {printf "%.2f", e - s}')
build "${work}/ref-old" "${work}/old.jsonl" || fail "reference build failed: $(cat "${work}/ref-old.log")"
same_as "${work}/ref-old" "${work}/ref-new" && fail "old and new outputs are the same; the test proves nothing"
note "a build takes ${new_seconds} s here"

# --- SIGKILL at random moments ----------------------------------------------------------------
for i in $(seq "${kills}"); do
  victim="${work}/victim-${i}"
  cp -a "${work}/ref-old" "${victim}"
  # Anywhere from the start-up to just past the end of a normal run.
  delay=$(awk -v s="${new_seconds}" -v r="${RANDOM}" 'BEGIN {srand(r); printf "%.3f", rand() * s * 1.1}')
  "${bin}" build -q --threads 2 -o "${victim}" --format "${formats}" "${work}/new.jsonl" \
    >/dev/null 2>&1 &
  pid=$!
  sleep "${delay}"
  kill -KILL "${pid}" 2>/dev/null
  wait "${pid}" 2>/dev/null
  old=0
  new=0
  for f in "${outputs[@]}"; do
    if cmp -s "${victim}/${f}" "${work}/ref-old/${f}"; then
      old=$((old + 1))
    elif cmp -s "${victim}/${f}" "${work}/ref-new/${f}"; then
      new=$((new + 1))
    else
      fail "kill ${i} after ${delay} s: ${f} is neither the previous nor a complete new file"
    fi
  done
  if cmp -s "${victim}/assertions.jsonl" "${work}/ref-new/assertions.jsonl" && [[ ${new} != "${#outputs[@]}" ]]; then
    fail "kill ${i}: assertions.jsonl is new but ${old} other outputs are not"
  fi
  temps=$(ls -A "${victim}" | grep -c '\.tmp-' || true)
  stray=$(stray_files "${victim}" 1)
  [[ -z ${stray} ]] || fail "kill ${i}: unexpected files in OUTDIR: ${stray}"
  note "kill ${i} after ${delay} s: ${old} previous, ${new} new outputs, ${temps} temporary files left"
  # A re-run completes and writes exactly the new outputs.
  build "${victim}" "${work}/new.jsonl" || fail "re-run ${i} failed: $(cat "${victim}.log")"
  same_as "${victim}" "${work}/ref-new" || fail "re-run ${i}: outputs differ from a clean run"
done

# check_failed_build LABEL OUTDIR REF PATTERN: the last build failed cleanly.
check_failed_build() {
  local label="$1" dir="$2" ref="$3" pattern="$4"
  expect_status "${label}" 3
  expect_error "${label}" "${pattern}"
  same_as "${dir}" "${ref}" || fail "${label}: the previous outputs changed"
  local stray
  stray=$(stray_files "${dir}" 0)
  [[ -z ${stray} ]] || fail "${label}: left behind: ${stray}"
  note "${label}: status ${status}: $(head -n 1 "${work}/${label}.err")"
}

# --- EFBIG: a file size limit (no privilege needed) -----------------------------------------------
build "${work}/ref-tiny" "${work}/tiny.jsonl" || fail "tiny build failed"
cp -a "${work}/ref-tiny" "${work}/efbig"
# SIGXFSZ ignored, so that the write fails with EFBIG instead of killing the process.
run efbig 120 bash -c 'trap "" XFSZ; ulimit -f 256; exec "$@"' _ \
  "${bin}" build -q --threads 2 -o "${work}/efbig" --format "${formats}" "${work}/new.jsonl"
check_failed_build efbig "${work}/efbig" "${work}/ref-tiny" "^diplograph: cannot write ${work}/efbig/[a-z.]+: File too large"

# --- ENOSPC and EROFS: a 200 KB tmpfs -------------------------------------------------------------
small="${work}/small"
mkdir -p "${small}"
if mount -t tmpfs -o size=300k tmpfs "${small}" 2>/dev/null; then
  trap 'umount "${small}" 2>/dev/null; rm -rf "${work}"' EXIT
  cp -a "${work}/ref-tiny/." "${small}/"
  run enospc 120 "${bin}" build -q --threads 2 -o "${small}" --format "${formats}" "${work}/new.jsonl"
  check_failed_build enospc "${small}" "${work}/ref-tiny" "^diplograph: cannot write ${small}/[a-z.]+: No space left on device"
  if mount -o remount,ro "${small}" 2>/dev/null; then
    run erofs 60 "${bin}" build -q -o "${small}" --format "${formats}" "${work}/tiny.jsonl"
    check_failed_build erofs "${small}" "${work}/ref-tiny" "^diplograph: .*${small}/[^:]*: Read-only file system"
  else
    echo "crash_safety: cannot remount read-only; EROFS case skipped" >&2
  fi
  umount "${small}"
else
  echo "crash_safety: mounting a tmpfs is not permitted here; ENOSPC case skipped (EFBIG covers a full disk's code path)" >&2
fi

# --- EACCES: a directory the user may not write ---------------------------------------------------
denied="${work}/denied"
cp -a "${work}/ref-tiny" "${denied}"
chmod 755 "${denied}"
if [[ $(id -u) == 0 ]] && command -v setpriv >/dev/null &&
  setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null &&
  setpriv --reuid=65534 --regid=65534 --clear-groups test -r "${DIPLOGRAPH_ONTOLOGY}/actors"; then
  run eacces 60 setpriv --reuid=65534 --regid=65534 --clear-groups \
    "${bin}" build -q -o "${denied}" --format "${formats}" "${work}/tiny.jsonl"
  check_failed_build eacces "${denied}" "${work}/ref-tiny" "^diplograph: .*${denied}/[^:]*: Permission denied"
elif [[ $(id -u) != 0 ]]; then
  chmod 555 "${denied}"
  run eacces 60 "${bin}" build -q -o "${denied}" --format "${formats}" "${work}/tiny.jsonl"
  chmod 755 "${denied}"
  check_failed_build eacces "${denied}" "${work}/ref-tiny" "^diplograph: .*${denied}/[^:]*: Permission denied"
else
  echo "crash_safety: root without setpriv cannot meet EACCES (root ignores permission bits); skipped" >&2
fi

# An OUTDIR below a regular file cannot even be created: one clear message.
: >"${work}/plain-file"
run enotdir 60 "${bin}" build -q -o "${work}/plain-file/out" --format "${formats}" "${work}/tiny.jsonl"
expect_status enotdir 3
expect_error enotdir "^diplograph: cannot create ${work}/plain-file/out: Not a directory"

finish
