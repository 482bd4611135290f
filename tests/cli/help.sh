#!/usr/bin/env bash
# The command line's surface: --version, --help of every subcommand, exit status 2 for bad
# options and for the subcommands of DESIGN.md that are not built yet.
# Usage: help.sh path/to/diplograph
set -u

bin="${1:?usage: help.sh path/to/diplograph}"
# shellcheck source=common.bash
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

expect_in() {  # expect_in LABEL out|err TEXT
  local label="$1" stream="$2" text="$3"
  if ! grep -qF -- "${text}" "${work}/${label}.${stream}"; then
    fail "${label}: std${stream} lacks '${text}':"
    cat "${work}/${label}.${stream}" >&2
  fi
}

# The subcommands of DESIGN.md section 1. Those not built yet say "(not built yet)" in --help;
# build, extract and eval are built.
all=(build extract merge load query explain stats render report eval)
run help "${bin}" --help
built=()
planned=()
for sub in "${all[@]}"; do
  if grep -qE "^  ${sub} .*not built yet" "${work}/help.out"; then
    planned+=("${sub}")
  else
    built+=("${sub}")
  fi
done
for sub in build extract eval; do
  if [[ " ${planned[*]} " == *" ${sub} "* ]]; then
    fail "--help says '${sub}' is not built yet"
  fi
done

run version "${bin}" --version
expect_status version 0
if ! grep -qxE 'diplograph [0-9]+\.[0-9]+\.[0-9]+' "${work}/version.out"; then
  fail "--version prints '$(cat "${work}/version.out")', expected 'diplograph X.Y.Z'"
fi

expect_status help 0
for sub in "${all[@]}"; do
  expect_in help out "${sub}"
done
expect_in help out "Exit status"

for sub in "${built[@]}" "${planned[@]}"; do
  run "help-${sub}" "${bin}" "${sub}" --help
  expect_status "help-${sub}" 0
  expect_in "help-${sub}" out "Usage:"
  expect_in "help-${sub}" out "${sub}"
  expect_in "help-${sub}" out "Exit status"
done
for sub in build extract eval; do
  for option in --quiet --strict --threads --ontology; do
    expect_in "help-${sub}" out "${option}"
  done
done

# Subcommands not built yet say so and exit 2, whatever their arguments.
for sub in "${planned[@]}"; do
  expect_in "help-${sub}" out "not built yet"
  run "planned-${sub}" "${bin}" "${sub}" --store "sqlite:${work}/store.db" x
  expect_status "planned-${sub}" 2
  expect_in "planned-${sub}" err "not built yet"
  expect_in "planned-${sub}" err "${sub}"
  if [[ -s "${work}/planned-${sub}.out" ]]; then
    fail "planned-${sub}: wrote to stdout"
  fi
done

# Usage errors: exit 2 and a message on stderr.
run no-subcommand "${bin}"
expect_status no-subcommand 2
run unknown-subcommand "${bin}" frobnicate
expect_status unknown-subcommand 2
run unknown-option "${bin}" extract --no-such-option "${work}/x.jsonl"
expect_status unknown-option 2
run extract-no-input "${bin}" extract
expect_status extract-no-input 2
run eval-no-gold "${bin}" eval "${work}/x.jsonl"
expect_status eval-no-gold 2
run bad-threads "${bin}" extract --threads many "${work}/x.jsonl"
expect_status bad-threads 2
for label in no-subcommand unknown-subcommand unknown-option extract-no-input eval-no-gold \
  bad-threads; do
  if [[ ! -s "${work}/${label}.err" ]]; then
    fail "${label}: no message on stderr"
  fi
done

# An unknown export format is a usage error.
run bad-format "${bin}" build --format no-such-format -o "${work}/out" "${work}/x.jsonl"
expect_status bad-format 2
expect_in bad-format err "no-such-format"
if [[ -e "${work}/out/assertions.jsonl" ]]; then
  fail "bad-format: wrote assertions.jsonl"
fi

finish
