#!/usr/bin/env bash
# Load throughput of each store: generates N assertions (bench/store_gen.py, default 100000) and
# loads them with `diplograph load`, printing statements/s per store. Throwaway PostgreSQL and
# Virtuoso servers come from tests/store/*.sh; a store whose server cannot start is reported as
# skipped. Usage: bench/store_bench.sh DIPLOGRAPH [N]; STORES="sqlite postgresql virtuoso" (the
# default) picks the stores.
set -euo pipefail
bin="${1:?usage: store_bench.sh DIPLOGRAPH [N]}"
n="${2:-100000}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
# As root, the PostgreSQL cluster belongs to the postgres user, who must reach it.
chmod 755 "${work}"
trap 'bash "${here}/../tests/store/pg_server.sh" stop "${work}/pg" || true;
      bash "${here}/../tests/store/virtuoso_server.sh" stop "${work}/vt" || true;
      rm -rf "${work}"' EXIT
python3 "${here}/store_gen.py" "${n}" >"${work}/bench.jsonl"
echo "store_bench: ${n} assertions"

measure() {  # NAME URI
  local start end
  start=$(date +%s.%N)
  "${bin}" load --store "$2" "${work}/bench.jsonl" 2>&1 | tail -n 1
  end=$(date +%s.%N)
  echo "store_bench: $1: $(python3 -c "print(round(${end} - ${start}, 1))") s"
}

stores=" ${STORES:-sqlite postgresql virtuoso} "
wanted() { [[ "${stores}" == *" $1 "* ]]; }

if wanted sqlite; then
  measure sqlite "sqlite:${work}/bench.sqlite"
fi
if wanted postgresql; then
  if uri="$(bash "${here}/../tests/store/pg_server.sh" start "${work}/pg")"; then
    PGPASSFILE="${work}/pg/pgpass" measure postgresql "${uri}"
  else
    echo "store_bench: postgresql: SKIPPED (server did not start)"
  fi
fi
if wanted virtuoso; then
  if uri="$(bash "${here}/../tests/store/virtuoso_server.sh" start "${work}/vt")"; then
    DIPLOGRAPH_STORE_PASSWORD_FILE="${work}/vt/password" measure virtuoso "${uri}"
  else
    echo "store_bench: virtuoso: SKIPPED (server did not start)"
  fi
fi
