# The private cluster under $PG_DIR: data in cluster/, unix socket in run/, the port chosen once in port,
# the superuser's password in password. Never the system cluster and never port 5432 (docs/platform.md#a-private-postgresql-cluster).
# Source with PG_BIN and PG_DIR set.

PG_DB=retrieval
PG_USER=retrieval

# Root runs the server as the `postgres` account (initdb refuses root); anyone else runs it as themselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Captures ss's output rather than piping it into grep -q: with pipefail, grep quitting early could
# SIGPIPE ss and turn a taken port into a "free" one.
pg_port_taken() {
  [[ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]]
}

# Ports below the kernel's ephemeral range, which outgoing connections (of the tests' own clients, say) draw from:
# a port chosen there can be taken by a connection between the check and the server's bind.
pg_port_range() {
  local low high
  read -r low high < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || { low=32768; high=60999; }
  if [ "$low" -gt 21000 ]; then
    echo "20000 $((low - 1))"
  elif [ "$high" -lt 65000 ]; then
    echo "$((high + 1)) 65000"
  else
    # The ephemeral range leaves no room on either side: share part of it, where a port is rarely taken for long.
    echo "20000 32767"
  fi
}

pg_pick_port() {
  local port first last
  read -r first last <<< "$(pg_port_range)"
  for _ in $(seq 1 200); do
    port=$((first + RANDOM % (last - first + 1)))
    if ! pg_port_taken "$port"; then
      echo "$port"
      return
    fi
  done
  echo "db: found no free loopback port" >&2
  exit 1
}

pg_url() {
  echo "Host=127.0.0.1;Port=$(cat "$PG_DIR/port");Database=$PG_DB;Username=$PG_USER;Password=$(cat "$PG_DIR/password")"
}

pg_running() {
  [ -f "$PG_DIR/cluster/PG_VERSION" ] && as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/cluster" status >/dev/null 2>&1
}

pg_init_cluster() {
  [ -f "$PG_DIR/cluster/PG_VERSION" ] && return
  mkdir -p "$PG_DIR/run"
  [ -f "$PG_DIR/port" ] || pg_pick_port > "$PG_DIR/port"
  [ -f "$PG_DIR/password" ] || (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$PG_DIR/password")
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$PG_DIR"; fi
  as_owner test -w "$PG_DIR" || { echo "db: the postgres account cannot write $PG_DIR (set DATA_DIR elsewhere)" >&2; exit 1; }
  echo "db: initdb $PG_DIR/cluster" >&2
  as_owner "$PG_BIN/initdb" -D "$PG_DIR/cluster" -U "$PG_USER" --pwfile="$PG_DIR/password" \
    --auth=scram-sha-256 -E UTF8 --no-locale >/dev/null
  # Settings live in the cluster so a plain `pg_ctl start` serves the same port and socket.
  # maintenance_work_mem: an HNSW build that fits in memory is several times faster (pgvector README).
  as_owner tee -a "$PG_DIR/cluster/postgresql.conf" >/dev/null <<CONF

# scripts/db.sh: private cluster
port = $(cat "$PG_DIR/port")
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DIR/run'
shared_buffers = 256MB
maintenance_work_mem = 1GB
max_parallel_maintenance_workers = 1
# scripts/db-replicas.sh streams this cluster to standbys. These are PostgreSQL 15's defaults, written out because
# changing wal_level later needs a restart, which the tests running against this cluster would not survive.
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
CONF
}

# 9>&-: the server must not inherit db.sh's lock, or it would hold it for its whole life.
pg_start_server() {
  pg_running && return
  local port
  port=$(cat "$PG_DIR/port")
  if pg_port_taken "$port"; then
    echo "db: port $port (from $PG_DIR/port) is taken by another process; stop it or delete $PG_DIR/port" >&2
    exit 1
  fi
  as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/cluster" -l "$PG_DIR/server.log" -w -t 60 start >/dev/null 9>&- \
    || { echo "db: the server did not start; see $PG_DIR/server.log" >&2; tail -n 20 "$PG_DIR/server.log" >&2; exit 1; }
}

pg_psql() {
  PGPASSWORD=$(cat "$PG_DIR/password") "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR/run" \
    -p "$(cat "$PG_DIR/port")" -U "$PG_USER" "$@"
}

pg_create_database() {
  if [ -z "$(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]; then
    pg_psql -d postgres -c "CREATE DATABASE $PG_DB" >/dev/null
  fi
  pg_psql -d "$PG_DB" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS vector" >/dev/null
}
