# Installs what the private cluster needs, once: PostgreSQL 15 from Debian (bookworm) and pgvector built
# from Debian trixie's source package against it, because bookworm has no pgvector binary and trixie's
# needs a newer glibc (docs/platform.md#pgvector-from-debians-source-package). Source after private-apt.sh; needs PG_BIN and DATA_DIR.

pg_require_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "db: $1 is missing and installing it needs root; run 'scripts/db.sh start' once as root," >&2
    echo "db: or set RETRIEVAL_DB to the connection string of an existing PostgreSQL with pgvector" >&2
    exit 1
  fi
}

pg_install_server() {
  if [ -x "$PG_BIN/initdb" ] && [ -f "$("$PG_BIN/pg_config" --includedir-server 2>/dev/null)/postgres.h" ]; then
    return
  fi
  pg_require_root "postgresql-15 / postgresql-server-dev-15"
  echo "db: installing postgresql-15 and postgresql-server-dev-15 with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  # A stale package index is the usual reason for a failed install: refresh once and retry.
  apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-server-dev-15 >&2 \
    || { apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-server-dev-15 >&2; }
}

pg_install_pgvector() {
  local sharedir
  sharedir=$("$PG_BIN/pg_config" --sharedir)
  if [ -f "$sharedir/extension/vector.control" ]; then
    return
  fi
  pg_require_root "pgvector (vector.control in $sharedir/extension)"
  echo "db: building pgvector from Debian trixie's source package" >&2
  private_apt_init trixie deb-src
  local build="$DATA_DIR/build/pgvector"
  rm -rf "$build"
  mkdir -p "$build"
  # No pinned Debian revision: old ones leave the mirror (docs/platform.md#pgvector-from-debians-source-package).
  (cd "$build" && private_apt source -qq pgvector >&2)
  local src
  src=$(find "$build" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' -print -quit)
  [ -n "$src" ] || { echo "db: apt-get source pgvector produced no source folder in $build" >&2; exit 1; }
  # with_llvm=no: bookworm's server-dev has no matching clang for bitcode; OPTFLAGS= drops -march=native
  # so the library runs on any x86-64 host this data folder is copied to.
  make -s -C "$src" PG_CONFIG="$PG_BIN/pg_config" with_llvm=no OPTFLAGS= >&2
  make -s -C "$src" PG_CONFIG="$PG_BIN/pg_config" with_llvm=no install >&2
  echo "db: installed pgvector $(basename "$src" | sed 's/^pgvector-//')" >&2
}
