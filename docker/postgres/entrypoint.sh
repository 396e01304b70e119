#!/bin/sh
# strata-postgres [--init-only]: initialise the cluster in $PGDATA when it is empty (role strata,
# password strata, database strata; password logins from any address of the compose network), then
# run postgres in the foreground as PID 1. The image runs --init-only at build time, so a new named
# volume starts as a copy of an initialised cluster and the first start skips initdb.
set -eu
BIN=/usr/lib/postgresql/15/bin
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }

mkdir -p "$PGDATA" /var/run/postgresql
chown postgres:postgres "$PGDATA" /var/run/postgresql
chmod 700 "$PGDATA"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  echo "strata-postgres: initialising $PGDATA"
  as_postgres "$BIN/initdb" -D "$PGDATA" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  echo "host all all 0.0.0.0/0 scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  # A socket-only server for the set-up, so that the health check cannot pass before it is done.
  as_postgres "$BIN/pg_ctl" -D "$PGDATA" -o "-c listen_addresses=''" -w -s start
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -U postgres -d postgres \
    -c "CREATE ROLE strata LOGIN CREATEDB PASSWORD 'strata'" \
    -c "CREATE DATABASE strata OWNER strata"
  as_postgres "$BIN/pg_ctl" -D "$PGDATA" -m fast -w -s stop
  echo "strata-postgres: created role strata and database strata"
fi
if [ "${1:-}" = --init-only ]; then
  exit 0
fi
exec setpriv --reuid=postgres --regid=postgres --init-groups "$BIN/postgres" -D "$PGDATA"
