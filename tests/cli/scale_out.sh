#!/usr/bin/env bash
# Scale-out gives the files of a single-process build (issue 7, docs/SCALE-OUT.md), byte for
# byte, in every export format: `build --threads 1` and `--threads 8`; extract in parts then
# merge, the parts in input order and shuffled; `mpirun -np 4 build --mpi`, also with an id
# repeated in files of different ranks. Skips (exit 77) only when the binary was built without
# MPI or mpirun is missing.
set -euo pipefail

bin=$(realpath "$1")
source_dir=${DG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck source=common.bash
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$source_dir"  # dispatch ids are the file paths: every run must name the files alike
formats=ttl,nt,nq,rdf,graphml,gexf,json,csv,dot,jsonl

# same_files LABEL DIR [FILE...]: DIR holds the reference's files (only FILE... when given).
same_files() {
  local label=$1 dir=$2 file
  shift 2
  local files=("$@")
  ((${#files[@]})) || mapfile -t files < <(cd "$work/ref" && ls)
  for file in "${files[@]}"; do
    cmp -s "$work/ref/$file" "$dir/$file" || fail "$label: $file differs from the single-process build"
  done
  echo "ok   $label (${#files[@]} files)"
}

"$bin" build -q --threads 2 --format "$formats" -o "$work/ref" samples/dispatches
grep -q '"relations": *\[{' "$work/ref/assertions.jsonl" || fail "the reference build found no relation"
[[ $(ls "$work/ref" | wc -l) -ge 12 ]] || fail "the reference build wrote $(ls "$work/ref" | wc -l) files"

for threads in 1 8; do
  "$bin" build -q --threads "$threads" --format "$formats" -o "$work/threads$threads" samples/dispatches
  same_files "build --threads $threads" "$work/threads$threads"
done

# The map step in three parts of consecutive files, in the order build reads them.
mapfile -t files < <(find samples/dispatches -type f ! -name '.*' | LC_ALL=C sort)
((${#files[@]} >= 6)) || fail "only ${#files[@]} sample files"
third=$(((${#files[@]} + 2) / 3))
for part in 0 1 2; do
  "$bin" extract -q -o "$work/part$part.jsonl" "${files[@]:part*third:third}"
done
"$bin" merge -q --format "$formats" -o "$work/merged" "$work"/part{0,1,2}.jsonl
same_files "extract in 3 parts, merge" "$work/merged"
# Merge is commutative for the graph; files that list dispatches list them in the order of the
# parts (cmd_merge.cpp), so those are compared as sets of lines.
"$bin" merge -q --format "$formats" -o "$work/shuffled" "$work"/part{2,0,1}.jsonl
same_files "merge of shuffled parts" "$work/shuffled" graph.graphml graph.gexf graph.json \
  graph.cyjs nodes.csv edges.csv graph.dot
for file in assertions.jsonl graph.nt graph.nq; do
  cmp -s <(LC_ALL=C sort "$work/ref/$file") <(LC_ALL=C sort "$work/shuffled/$file") ||
    fail "merge of shuffled parts: $file holds other lines than the single-process build"
done

# A part given twice, or parts that overlap: each dispatch counts once, as in build, and the
# repeats are reported as input errors (exit 1), the files still written.
status=0
"$bin" merge -q --format "$formats" -o "$work/repeated" "$work"/part{0,1,2,1}.jsonl \
  2>"$work/repeated.err" || status=$?
[[ $status == 1 ]] || fail "merge with a repeated part: exit $status, expected 1"
grep -q "part1.jsonl:1: duplicate id '.*', first seen at .*part1.jsonl:1; skipped" \
  "$work/repeated.err" || fail "merge with a repeated part: no duplicate-id error"
same_files "merge with a repeated part" "$work/repeated"

exit_if_failed

# MPI last: everything above holds whether or not this binary has it.
if ! command -v mpirun >/dev/null; then
  echo "SKIPPED: mpirun is missing (Debian openmpi-bin): build --mpi not checked" >&2
  exit 77
fi
if ((EUID == 0)); then export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1; fi
# OpenMPI's and PMIx's components stay loaded until exit and stacks are unwound fully, so that
# LeakSanitizer names the library of OpenMPI's own leaks at MPI_Finalize (tests/lsan.supp).
export OMPI_MCA_mca_base_component_disable_dlclose=1 PMIX_MCA_mca_base_component_disable_dlclose=1
[[ -n ${LSAN_OPTIONS:-} ]] && export LSAN_OPTIONS="$LSAN_OPTIONS:fast_unwind_on_malloc=0"
mpi_build() {  # OUTDIR INPUT...: exit status in $status, stderr in $work/mpi.err
  local outdir=$1
  shift
  status=0
  mpirun --oversubscribe -np 4 "$bin" build --mpi --threads 1 --format "$formats" \
    -o "$outdir" "$@" 2>"$work/mpi.err" >/dev/null || status=$?
}
mpi_build "$work/mpi" samples/dispatches
if grep -q 'built without MPI' "$work/mpi.err"; then
  echo "SKIPPED: this diplograph was built without MPI (DIPLOGRAPH_MPI=OFF): build --mpi not checked" >&2
  exit 77
fi
((status == 0)) || fail "build --mpi: exit $status: $(head -c 600 "$work/mpi.err")"
grep -q "^build --mpi: 4 ranks, files per rank: [0-9]" "$work/mpi.err" ||
  fail "build --mpi: no plan of 4 ranks on stderr"
grep -q "files per rank:.* 0\b" "$work/mpi.err" && fail "build --mpi: a rank got no file: $(grep 'files per rank' "$work/mpi.err")"
same_files "mpirun -np 4 build --mpi" "$work/mpi"

# An id that comes again in a file of a later rank: skipped and reported, as in one process.
feed=samples/dispatches/feeds/1998-2024-world.jsonl
sed -n 1,2p "$feed" >"$work/a.jsonl"
sed -n 3p "$feed" >"$work/b.jsonl"
sed -n 4p "$feed" >"$work/c.jsonl"
sed -n '5,6p;2p' "$feed" >"$work/d.jsonl"
single_status=0
"$bin" build -q --threads 1 --format "$formats" -o "$work/ref" "$work"/{a,b,c,d}.jsonl 2>/dev/null ||
  single_status=$?
mpi_build "$work/mpi-dup" "$work"/{a,b,c,d}.jsonl
((single_status == 1 && status == 1)) ||
  fail "duplicate id: exit $single_status in one process, $status under MPI (both should be 1)"
grep -q "duplicate id" "$work/mpi.err" || fail "build --mpi did not report the duplicate id"
same_files "build --mpi with a duplicate id across ranks" "$work/mpi-dup"

finish
