# Installs what the private cluster needs, once: the distribution's PostgreSQL server and pgvector for it, from the
# distribution's own package where it has one (Debian 13, Ubuntu 24.04), else built from Debian trixie's source
# package (Debian 12 has no pgvector binary, and trixie's needs a newer glibc: docs/platform.md#pgvector-from-debians-source-package).
# Source after private-apt.sh and pg-version.sh, with DATA_DIR set and `pg_select_version --install` run.

pg_install_server() {
  if [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_config" ]; then
    return
  fi
  apt_install db "postgresql-$PG_MAJOR"
}

pg_install_pgvector() {
  local sharedir
  sharedir=$("$PG_BIN/pg_config" --sharedir)
  if [ -f "$sharedir/extension/vector.control" ]; then
    return
  fi
  if apt-cache show "postgresql-$PG_MAJOR-pgvector" >/dev/null 2>&1; then
    apt_install db "postgresql-$PG_MAJOR-pgvector"
    return
  fi
  pg_build_pgvector "$sharedir"
}

pg_build_pgvector() {
  local sharedir=$1
  [ -f "$("$PG_BIN/pg_config" --includedir-server)/postgres.h" ] || apt_install db "postgresql-server-dev-$PG_MAJOR"
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
  as_root db make -s -C "$src" PG_CONFIG="$PG_BIN/pg_config" with_llvm=no install >&2
  [ -f "$sharedir/extension/vector.control" ] || { echo "db: pgvector's install left no vector.control in $sharedir/extension" >&2; exit 1; }
  echo "db: installed pgvector $(basename "$src" | sed 's/^pgvector-//')" >&2
}
