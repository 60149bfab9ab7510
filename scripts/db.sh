#!/usr/bin/env bash
# The gallery's database for development, tests and CI (docs/database.md).
#   scripts/db.sh start    install PostgreSQL + pgvector (the distribution's) if missing, create and start the private cluster
#                          under data/pg on a free loopback port, print its connection string (idempotent)
#   scripts/db.sh stop     stop the private cluster
#   scripts/db.sh status   say whether it runs (exit 0) or not (exit 3)
#   scripts/db.sh url      print the connection string
# With RETRIEVAL_DB set (a connection string), every command prints it and does nothing else: that
# server is used as is and nothing is installed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA_DIR=${DATA_DIR:-$ROOT/data}
PG_DIR=$DATA_DIR/pg
source "$ROOT/scripts/lib/pg-version.sh"
source "$ROOT/scripts/lib/private-apt.sh"
source "$ROOT/scripts/lib/pg-install.sh"
source "$ROOT/scripts/lib/pg-cluster.sh"

command=${1:-}
if [ -n "${RETRIEVAL_DB:-}" ]; then
  echo "$RETRIEVAL_DB"
  exit 0
fi

mkdir -p "$DATA_DIR"
# One start or stop at a time: tests, CI and a developer may call this together.
exec 9> "$DATA_DIR/pg.lock"
flock 9
pg_select_version

case "$command" in
  start)
    pg_select_version --install
    pg_install_server
    pg_install_pgvector
    mkdir -p "$PG_DIR"
    pg_init_cluster
    pg_start_server
    pg_create_database
    pg_url
    ;;
  stop)
    if pg_running; then
      as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/cluster" -m fast -w stop >/dev/null
      echo "db: stopped" >&2
    else
      echo "db: not running" >&2
    fi
    ;;
  status)
    if pg_running; then
      echo "db: running on 127.0.0.1:$(cat "$PG_DIR/port") (data $PG_DIR/cluster)" >&2
      pg_url
    else
      echo "db: not running" >&2
      exit 3
    fi
    ;;
  url)
    [ -f "$PG_DIR/port" ] && [ -f "$PG_DIR/password" ] \
      || { echo "db: no private cluster yet; run 'scripts/db.sh start'" >&2; exit 1; }
    pg_url
    ;;
  *)
    echo "usage: scripts/db.sh start|stop|status|url   (RETRIEVAL_DB set: prints it, nothing else)" >&2
    exit 2
    ;;
esac
