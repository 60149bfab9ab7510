# Runs what needs root (apt-get, make install) as root: directly when the script already runs as root, else through
# sudo, so a developer can run the scripts as themselves. Source it.

# as_root <caller> <command...>
as_root() {
  local caller=$1
  shift
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo -- "$@"
  else
    echo "$caller: '$*' needs root; run this script as root, or install sudo" >&2
    exit 1
  fi
}

# apt_install <caller> <package...>: with one refresh of the package lists when they are missing or stale.
apt_install() {
  local caller=$1
  shift
  command -v apt-get >/dev/null || { echo "$caller: apt-get (Debian/Ubuntu) is required to install $*" >&2; exit 1; }
  echo "$caller: installing $* with apt-get" >&2
  as_root "$caller" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || { as_root "$caller" apt-get update -qq >&2 \
      && as_root "$caller" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
}
