#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests, on loopback only.
#
#   pg_server.sh start DIR    creates a cluster in DIR (user "diplograph", password from the file
#                             DIR/password, written here), starts it on a free loopback port and
#                             prints "postgresql://diplograph@127.0.0.1:PORT/diplograph"
#   pg_server.sh stop DIR     stops it (the caller removes DIR)
#
# Exits 77 when no server can be started (no PostgreSQL binaries, initdb or the server failed):
# the caller reports a loud skip. initdb refuses to run as root, so as root the cluster belongs to
# the "postgres" system user that Debian's package creates.
set -euo pipefail

action="${1:?usage: pg_server.sh start|stop DIR}"
dir="${2:?usage: pg_server.sh start|stop DIR}"

pg_bin() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "${found}" && -x "${found}/initdb" ]] || return 1
  echo "${found}"
}

# Runs a command as the cluster's owner: ourselves, or "postgres" when we are root.
as_owner() {
  if ((EUID == 0)); then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

skip() {
  echo "pg_server: SKIP: $*" >&2
  exit 77
}

start() {
  local bin
  bin="$(pg_bin)" || skip "no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)"
  if ((EUID == 0)) && ! id postgres >/dev/null 2>&1; then
    skip "running as root and there is no 'postgres' user to own the cluster"
  fi
  mkdir -p "${dir}"
  # A password that a shell would mangle, to prove it never goes through one.
  printf '%s\n' "s3cret pass'word" >"${dir}/password"
  head -n 1 "${dir}/password" | tr -d '\n' >"${dir}/pwfile"
  if ((EUID == 0)); then chown -R postgres "${dir}"; fi
  as_owner "${bin}/initdb" -D "${dir}/data" -U diplograph --pwfile="${dir}/pwfile" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"${dir}/initdb.log" 2>&1 ||
    skip "initdb failed (see ${dir}/initdb.log)"
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 30000))
    if as_owner "${bin}/pg_ctl" -D "${dir}/data" -l "${dir}/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off" \
      >/dev/null 2>&1; then
      echo "${port}" >"${dir}/port"
      # The database named in the URI; createdb reads the password from PGPASSFILE, not argv.
      printf '127.0.0.1:%s:*:diplograph:%s\n' "${port}" "$(cat "${dir}/pwfile")" >"${dir}/pgpass"
      chmod 600 "${dir}/pgpass"
      if ((EUID == 0)); then chown postgres "${dir}/pgpass"; fi
      as_owner env PGPASSFILE="${dir}/pgpass" "${bin}/createdb" -h 127.0.0.1 -p "${port}" \
        -U diplograph diplograph || skip "createdb failed"
      echo "postgresql://diplograph@127.0.0.1:${port}/diplograph"
      return
    fi
  done
  skip "the server did not start on a loopback port (see ${dir}/server.log)"
}

stop() {
  local bin
  bin="$(pg_bin)" || return 0
  [[ -d "${dir}/data" ]] || return 0
  as_owner "${bin}/pg_ctl" -D "${dir}/data" -m immediate -w stop >/dev/null 2>&1 || true
}

case "${action}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: pg_server.sh start|stop DIR" >&2; exit 2 ;;
esac
