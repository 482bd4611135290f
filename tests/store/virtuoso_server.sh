#!/usr/bin/env bash
# A throwaway Virtuoso server for the store tests, on loopback only.
#
#   virtuoso_server.sh start DIR   creates an empty database in DIR with a minimal ini, starts it on
#                                  a free loopback port (SQL/ODBC only: no HTTP server) and prints
#                                  "virtuoso://127.0.0.1:PORT"; the password of user dba is in the
#                                  file DIR/password
#   virtuoso_server.sh stop DIR    stops it (the caller removes DIR)
#
# Exits 77 when no server can be started (virtuoso-t missing, or it did not come online): the
# caller reports a loud skip.
set -euo pipefail

action="${1:?usage: virtuoso_server.sh start|stop DIR}"
dir="${2:?usage: virtuoso_server.sh start|stop DIR}"

skip() {
  echo "virtuoso_server: SKIP: $*" >&2
  exit 77
}

write_ini() {
  local port="$1"
  cat >"${dir}/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = ${dir}/virtuoso.db
ErrorLogFile       = ${dir}/virtuoso.log
LockFile           = ${dir}/virtuoso.lck
TransactionFile    = ${dir}/virtuoso.trx
xa_persistent_file = ${dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = ${dir}/virtuoso-temp.db
TransactionFile    = ${dir}/virtuoso-temp.trx

[Parameters]
ServerPort           = 127.0.0.1:${port}
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 0
NumberOfBuffers      = 20000
MaxDirtyBuffers      = 15000
DirsAllowed          = ${dir}
ThreadsPerQuery      = 2
AsyncQueueMaxThreads = 2
EOF
}

# Waits until the log says the server is online, or the process died, or 60 s passed.
wait_online() {
  local pid="$1" i
  for i in $(seq 1 120); do
    if grep -q "Server online at" "${dir}/virtuoso.log" 2>/dev/null; then return 0; fi
    kill -0 "${pid}" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

start() {
  command -v virtuoso-t >/dev/null || skip "virtuoso-t not found (apt-get install virtuoso-opensource)"
  mkdir -p "${dir}"
  # A new database's dba password is "dba"; the tests pass it through the environment.
  printf 'dba\n' >"${dir}/password"
  local attempt port pid
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 30000))
    rm -f "${dir}"/virtuoso.{db,log,trx,lck,pxa} "${dir}"/virtuoso-temp.*
    write_ini "${port}"
    (cd "${dir}" && exec virtuoso-t +foreground +configfile "${dir}/virtuoso.ini" \
      >"${dir}/stdout.log" 2>&1) &
    pid=$!
    echo "${pid}" >"${dir}/pid"
    if wait_online "${pid}"; then
      echo "virtuoso://127.0.0.1:${port}"
      return
    fi
    kill "${pid}" 2>/dev/null || true
    wait "${pid}" 2>/dev/null || true
  done
  skip "virtuoso-t did not come online on a loopback port (see ${dir}/virtuoso.log)"
}

stop() {
  [[ -f "${dir}/pid" ]] || return 0
  local pid
  pid="$(cat "${dir}/pid")"
  kill "${pid}" 2>/dev/null || return 0
  local i
  for i in $(seq 1 40); do
    kill -0 "${pid}" 2>/dev/null || return 0
    sleep 0.25
  done
  kill -9 "${pid}" 2>/dev/null || true
}

case "${action}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: virtuoso_server.sh start|stop DIR" >&2; exit 2 ;;
esac
