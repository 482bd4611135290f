# Helpers shared by tests/cli/*.sh (sourced, not a test: ctest runs only *.sh). Sets up ${work}
# (removed on exit), `fail`, `run`, `expect_status`, `exit_if_failed` and `finish`.
# hostile_common.bash builds on it with a timed `run`.
# shellcheck shell=bash

test_name="$(basename "$0")"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# show_stderr LABEL: what a failed check prints of ${work}/LABEL.err (hostile_common.bash,
# whose inputs can make it huge, shows only its start).
show_stderr() {
  cat "${work}/$1.err" >&2
}

# run LABEL CMD...: runs CMD (stdin empty) into ${work}/LABEL.out and .err; sets $status.
# A sanitizer report is a failure.
run() {
  local label="$1"
  shift
  status=0
  "$@" <"/dev/null" >"${work}/${label}.out" 2>"${work}/${label}.err" || status=$?
  if grep -qE 'Sanitizer|runtime error:' "${work}/${label}.err"; then
    fail "${label}: sanitizer report:"
    show_stderr "${label}"
  fi
}

expect_status() {  # expect_status LABEL STATUS...: the last run's status is one of these
  local label="$1" want
  shift
  for want in "$@"; do
    [[ "${status}" == "${want}" ]] && return 0
  done
  fail "${label}: exit status ${status}, expected $*; stderr:"
  show_stderr "${label}"
}

# exit_if_failed: ends the test with status 1 when a check has failed (before a skip, say).
exit_if_failed() {
  if ((failures > 0)); then
    echo "${test_name}: ${failures} check(s) failed" >&2
    exit 1
  fi
}

finish() {  # the last line of every test
  exit_if_failed
  echo "${test_name}: all checks passed"
  exit 0
}
