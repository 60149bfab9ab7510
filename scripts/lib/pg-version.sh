# Which PostgreSQL the private cluster runs: the distribution's, so that the same scripts work on Debian 12 (15),
# Ubuntu 24.04 (16) and Debian 13 (17). Source with PG_DIR set; uses as_root (as-root.sh) to refresh apt's lists.
source "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

# The major version of the private cluster: the one it was created with, else the newest server installed, else the
# one the distribution's `postgresql` package depends on (15 on Debian 12, 16 on Ubuntu 24.04, 17 on Debian 13).
pg_major() {
  if [ -f "$PG_DIR/cluster/PG_VERSION" ]; then
    cat "$PG_DIR/cluster/PG_VERSION"
    return
  fi
  local installed
  installed=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null \
    | sed 's|^/usr/lib/postgresql/\([0-9]*\)/.*|\1|' | sort -n | tail -n1)
  if [ -n "$installed" ] || [ "${1:-}" != --install ]; then
    echo "$installed"
    return
  fi
  local offered
  offered=$(pg_offered_major)
  if [ -z "$offered" ]; then
    # A fresh machine may have no package lists yet.
    as_root db apt-get update -qq >&2
    offered=$(pg_offered_major)
  fi
  [ -n "$offered" ] || { echo "db: this system's apt offers no PostgreSQL ('apt-cache depends postgresql' names none)" >&2; exit 1; }
  echo "$offered"
}

pg_offered_major() {
  apt-cache depends postgresql 2>/dev/null | sed -n 's/^ *Depends: postgresql-\([0-9][0-9]*\)$/\1/p' | head -n1
}

# pg_select_version [--install]: sets PG_MAJOR and PG_BIN. Without --install, only a cluster or server already here
# count (stop, status and url never reach for apt); PG_MAJOR is then empty when there is neither.
pg_select_version() {
  PG_MAJOR=$(pg_major "${1:-}")
  PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
}

