#!/usr/bin/env bash
# No ambient authority (issue 8):
# - the program runs no shell and no other program: no call of system, popen, the exec family,
#   posix_spawn or fork in its sources (a new one must be justified here);
# - a store password is never echoed: a URI that embeds one is refused, and neither the message
#   nor anything else on stdout or stderr repeats it.
# Usage: no_shell.sh path/to/diplograph
set -u

bin="${1:?usage: no_shell.sh path/to/diplograph}"
# shellcheck source=hostile_common.bash
source "$(dirname "$0")/hostile_common.bash"

calls=$(grep -rnE '(^|[^_a-zA-Z0-9.>])(system|popen|execl|execlp|execle|execv|execvp|execvpe|execve|posix_spawnp?|fork|vfork)[[:space:]]*\(' \
  "${source_dir}/src" "${source_dir}/exporters" --include='*.cpp' --include='*.h' |
  grep -vE ':[0-9]+:[[:space:]]*//')
[[ -z ${calls} ]] || fail "a program is run from the sources: ${calls}"

secret="hunter2-$$"
printf '<http://a> <http://b> <http://c> .\n' >"${work}/one.nt"
for uri in "postgresql://me:${secret}@localhost:1/db" "virtuoso://dba:${secret}@localhost:1"; do
  run load 30 "${bin}" load --store "${uri}" "${work}/one.nt"
  [[ ${status} != 0 ]] || fail "load accepted a password in the URI ${uri%%:*}"
  expect_error load "DIPLOGRAPH_STORE_PASSWORD"
  if grep -q "${secret}" "${work}/load.out" "${work}/load.err"; then
    fail "the password was echoed: $(cat "${work}/load.err")"
  fi
done

finish
