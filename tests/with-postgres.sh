#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on loopback, then stops it.
#
#   tests/with-postgres.sh pytest ...
#
# The server lives in a temporary folder, listens on 127.0.0.1 and a Unix socket
# in that folder only, trusts local connections, and is stopped and deleted when
# the command ends (also on failure or Ctrl+C). The command sees its address in
# READINESS_TEST_PG_URL. Without PostgreSQL's server programs installed the
# command runs alone and the PostgreSQL tests say they were skipped.
set -euo pipefail

if [ -n "${READINESS_TEST_PG_URL:-}" ]; then
  exec "$@"  # a server was given from outside: use it
fi

bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bindir=$candidate
done
if [ -z "$bindir" ]; then
  echo "with-postgres: PostgreSQL server programs not found; running without a server." >&2
  exec "$@"
fi

workdir=$(mktemp -d /tmp/readiness-pg.XXXXXX)
chmod 755 "$workdir"
# PostgreSQL refuses to run as root: run it as the postgres user then.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  id "$owner" >/dev/null 2>&1 || useradd --system --home-dir "$workdir" --no-create-home "$owner"
  chown "$owner" "$workdir"
  as_owner=(runuser -u "$owner" --)
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap stop EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$workdir/data" -U readiness --auth=trust \
  --encoding=UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 \
  || { cat "$workdir/initdb.log" >&2; exit 1; }
# 20 concurrent writer processes plus the test's own need connections. Tests skip
# durability (the server is deleted afterwards); benchmarks keep it, as a real
# server would (READINESS_PG_DURABLE=1), so timings compare with SQLite's.
options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$workdir"
options="$options -c max_connections=200"
if [ "${READINESS_PG_DURABLE:-0}" != 1 ]; then
  options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
"${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w -s \
  -o "$options" start \
  || { cat "$workdir/server.log" >&2; exit 1; }

export READINESS_TEST_PG_URL="postgresql+psycopg://readiness@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
set +e
"$@"
status=$?
set -e
exit $status
