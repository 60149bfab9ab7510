# Streaming standbys of the private cluster: standby <i> lives in $DATA_DIR/pg-standby-<i> (cluster/, run/, port,
# server.log), copied from the primary with pg_basebackup -R and fed through replication slot standby_<i>, so the primary
# keeps the WAL a stopped standby still needs. Source after pg-cluster.sh, with DATA_DIR, PG_BIN and PG_DIR (the primary's) set.

standby_dir() {
  echo "$DATA_DIR/pg-standby-$1"
}

standby_indexes() {
  local dir
  for dir in "$DATA_DIR"/pg-standby-*; do
    [ -f "$dir/cluster/PG_VERSION" ] && echo "${dir##*-}"
  done
  return 0
}

standby_running() {
  local PG_DIR
  PG_DIR=$(standby_dir "$1")
  pg_running
}

# A standby copied from an earlier primary (data/pg deleted and created again) can never follow this one.
standby_follows_primary() {
  local dir=$1 ours theirs
  ours=$(as_owner "$PG_BIN/pg_controldata" -D "$dir/cluster" | sed -n 's/^Database system identifier: *//p')
  theirs=$(pg_psql -d postgres -tAc "SELECT system_identifier FROM pg_control_system()")
  [ "$ours" = "$theirs" ]
}

standby_drop_slot() {
  pg_running || return 0
  pg_psql -d postgres -tAc \
    "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = 'standby_$1' AND NOT active" >/dev/null
}

standby_create() {
  local i=$1 dir
  dir=$(standby_dir "$i")
  if [ -f "$dir/cluster/PG_VERSION" ]; then
    standby_follows_primary "$dir" && return
    echo "db-replicas: standby $i was copied from another primary; copying again" >&2
    standby_remove "$i"
  fi
  mkdir -p "$dir/run"
  [ -f "$dir/port" ] || pg_pick_port > "$dir/port"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$dir"; fi
  rm -rf "$dir/cluster"
  standby_drop_slot "$i"
  echo "db-replicas: pg_basebackup into $dir/cluster" >&2
  # -R writes primary_conninfo and standby.signal; -C -S creates the slot the standby then streams from.
  if ! as_owner env PGPASSWORD="$(cat "$PG_DIR/password")" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$(cat "$PG_DIR/port")" \
      -U "$PG_USER" -D "$dir/cluster" -R -X stream -c fast -C -S "standby_$i" >&2; then
    rm -rf "$dir/cluster"
    echo "db-replicas: pg_basebackup of standby $i failed" >&2
    exit 1
  fi
  # The copy carries the primary's port and socket folder; later lines win.
  as_owner tee -a "$dir/cluster/postgresql.conf" >/dev/null <<CONF

# scripts/db-replicas.sh: standby $i
port = $(cat "$dir/port")
unix_socket_directories = '$dir/run'
shared_buffers = 128MB
hot_standby = on
CONF
}

standby_start() {
  local PG_DIR
  PG_DIR=$(standby_dir "$1")
  pg_start_server
}

standby_stop() {
  local dir
  dir=$(standby_dir "$1")
  if standby_running "$1"; then
    as_owner "$PG_BIN/pg_ctl" -D "$dir/cluster" -m fast -w stop >/dev/null
    echo "db-replicas: standby $1 stopped" >&2
  else
    echo "db-replicas: standby $1 not running" >&2
  fi
}

standby_remove() {
  standby_stop "$1"
  standby_drop_slot "$1"
  rm -rf "$(standby_dir "$1")"
}

# Standbys first, the primary last: with prefer-standby the primary serves reads only while no standby answers.
standby_read_url() {
  local hosts="" i
  for i in $(standby_indexes); do
    hosts+="127.0.0.1:$(cat "$(standby_dir "$i")/port"),"
  done
  echo "Host=${hosts}127.0.0.1:$(cat "$PG_DIR/port");Database=$PG_DB;Username=$PG_USER;Password=$(cat "$PG_DIR/password");Target Session Attributes=prefer-standby;Load Balance Hosts=true"
}
