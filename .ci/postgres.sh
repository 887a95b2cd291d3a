#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the store tests. Source it (`. .ci/postgres.sh`):
# it exports DAYLIGHT_TEST_PG_URL, a role that may create one database per test file.
# Installs Debian's postgresql when no initdb is found; reuses a server already running on the port.
set -euo pipefail
PG_PORT="${DAYLIGHT_TEST_PG_PORT:-54329}"
PG_DIR="${DAYLIGHT_TEST_PG_DIR:-/tmp/daylight-test-pg}"
PG_PASSWORD='daylight-test'
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
PG_BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
# The server refuses to run as root: run it as the postgres user (created by the package).
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR"
    as_postgres "$PG_BIN/initdb" -D "$PG_DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w \
    -o "-h 127.0.0.1 -p $PG_PORT -k /tmp -c max_connections=300 -c fsync=on" start >/dev/null
fi
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL >/dev/null
SELECT 'CREATE ROLE daylight LOGIN CREATEDB PASSWORD ''$PG_PASSWORD'''
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'daylight') \gexec
-- Dropping a test database ends what still runs in it (an autovacuum worker after a large load).
GRANT pg_signal_backend TO daylight;
SQL
export DAYLIGHT_TEST_PG_URL="postgres://daylight:$PG_PASSWORD@127.0.0.1:$PG_PORT/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT: DAYLIGHT_TEST_PG_URL=$DAYLIGHT_TEST_PG_URL" >&2
