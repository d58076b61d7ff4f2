#!/usr/bin/env bash
# Starts or stops a private PostgreSQL server for a developer's test runs: initdb into a temporary folder (as the postgres
# user when run as root, since the server refuses to run as root), listening on 127.0.0.1 on a free port.
#   eval "$(eng/postgres.sh start)"   # exports CONTACTKIT_POSTGRES for dotnet test
#   eng/postgres.sh stop
# The tests start such a server by themselves when CONTACTKIT_POSTGRES is not set; this script keeps one across runs.
set -euo pipefail
state="${TMPDIR:-/tmp}/contactkit-postgres-dev"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "No PostgreSQL binaries under /usr/lib/postgresql/*/bin: apt-get install -y postgresql" >&2; exit 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
    if [ -f "$state/port" ] && as_postgres "$bin/pg_ctl" -D "$state/data" status >/dev/null 2>&1; then
        port=$(cat "$state/port")
    else
        rm -rf "$state" && mkdir -p "$state"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$state"
        as_postgres "$bin/initdb" -D "$state/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        as_postgres "$bin/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c max_connections=200" start >/dev/null
        echo "$port" > "$state/port"
    fi
    echo "export CONTACTKIT_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
    ;;
stop)
    if [ -d "$state/data" ]; then
        as_postgres "$bin/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$state"
    fi
    ;;
*)
    echo "usage: eng/postgres.sh start|stop" >&2
    exit 2
    ;;
esac
