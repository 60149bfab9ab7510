# Private apt configuration under the repository's data folder: package indexes and downloads go
# there and the system's own apt sources, lists and cache are left untouched (docs/platform.md#pgvector-from-debians-source-package).
# Usage: source this file, then `private_apt_init SUITE TYPES` and call `private_apt ...`.
source "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

private_apt_mirror() {
  # Reuse the system's Debian mirror when it has one (air-gapped mirrors, proxies), else the public one.
  local uri
  uri=$(awk '/^URIs:/ && /debian\/?$/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

private_apt_init() {
  local suite=$1 types=$2
  APT_DIR="$DATA_DIR/apt/$suite-${types// /-}"
  mkdir -p "$APT_DIR/parts" "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial"
  : > "$APT_DIR/empty.list"
  # Debian's archive keys, which Ubuntu does not install (its universe component has them).
  [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || apt_install apt debian-archive-keyring
  cat > "$APT_DIR/parts/debian.sources" <<SOURCES
Types: $types
URIs: $(private_apt_mirror)
Suites: $suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  if [ ! -f "$APT_DIR/lists/.updated" ]; then
    private_apt update -qq
    touch "$APT_DIR/lists/.updated"
  fi
}

private_apt() {
  apt-get \
    -o Dir::Etc::SourceList="$APT_DIR/empty.list" \
    -o Dir::Etc::SourceParts="$APT_DIR/parts" \
    -o Dir::State::Lists="$APT_DIR/lists" \
    -o Dir::Cache="$APT_DIR/cache" \
    -o APT::Sandbox::User="$(id -un)" \
    "$@"
}
