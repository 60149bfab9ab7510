#!/usr/bin/env bash
# Streaming standbys of the private cluster, for read replicas in development and tests (docs/database.md#read-replicas).
#   scripts/db-replicas.sh start [n]   start the private primary (scripts/db.sh start) and standbys 1..n (n = 1 or 2,
#                                      default 2) under data/pg-standby-<i>, creating missing ones with pg_basebackup -R
#                                      on free loopback ports; print the read connection string (idempotent)
#   scripts/db-replicas.sh stop [i]    stop standby i, or every standby (the primary stays: scripts/db.sh stop)
#   scripts/db-replicas.sh status      say which standbys run; exit 0 when at least one does, 3 when none
#   scripts/db-replicas.sh url         print the read connection string of the standbys that exist
#   scripts/db-replicas.sh remove      stop and delete every standby and its replication slot on the primary
# The read connection string lists the standbys, then the primary (used for reads only while no standby answers).
# Standbys need the private cluster: with RETRIEVAL_DB set this refuses, since another server cannot be copied here.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA_DIR=${DATA_DIR:-$ROOT/data}
PRIMARY_DIR=$DATA_DIR/pg
PG_DIR=$PRIMARY_DIR
source "$ROOT/scripts/lib/pg-version.sh"
source "$ROOT/scripts/lib/pg-cluster.sh"
source "$ROOT/scripts/lib/pg-standby.sh"

command=${1:-}
if [ -n "${RETRIEVAL_DB:-}" ]; then
  echo "db-replicas: RETRIEVAL_DB is set; standbys are copies of the private cluster only (unset RETRIEVAL_DB)" >&2
  exit 1
fi

mkdir -p "$DATA_DIR"
# Not data/pg.lock: `start` calls scripts/db.sh, which takes that one. Descriptor 9, which the servers started here
# never inherit (pg_start_server closes it), so no server holds this lock for its whole life.
exec 9> "$DATA_DIR/pg-replicas.lock"
flock 9
# The standbys run the primary's server; `start` selects it again once db.sh has made the primary.
pg_select_version

case "$command" in
  start)
    count=${2:-2}
    [[ "$count" =~ ^[12]$ ]] || { echo "db-replicas: n must be 1 or 2; got '$count'" >&2; exit 2; }
    DATA_DIR=$DATA_DIR "$ROOT/scripts/db.sh" start >/dev/null
    pg_select_version
    for i in $(seq 1 "$count"); do
      standby_create "$i"
      standby_start "$i"
    done
    standby_read_url
    ;;
  stop)
    if [ -n "${2:-}" ]; then
      standby_stop "$2"
    else
      for i in $(standby_indexes); do standby_stop "$i"; done
    fi
    ;;
  status)
    running=0
    for i in $(standby_indexes); do
      if standby_running "$i"; then
        echo "db-replicas: standby $i running on 127.0.0.1:$(cat "$(standby_dir "$i")/port")" >&2
        running=$((running + 1))
      else
        echo "db-replicas: standby $i stopped" >&2
      fi
    done
    [ "$running" -gt 0 ] || { echo "db-replicas: no standby runs" >&2; exit 3; }
    standby_read_url
    ;;
  url)
    [ -n "$(standby_indexes)" ] || { echo "db-replicas: no standby yet; run 'scripts/db-replicas.sh start'" >&2; exit 1; }
    standby_read_url
    ;;
  remove)
    for i in $(standby_indexes); do standby_remove "$i"; done
    ;;
  *)
    echo "usage: scripts/db-replicas.sh start [1|2] | stop [i] | status | url | remove" >&2
    exit 2
    ;;
esac
