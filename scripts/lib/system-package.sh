# Installs a Debian package into the system when the command it provides is missing, for tools the scripts run
# (unlike the photo pool's packages, which are unpacked, never installed). Source it; needs root only to install.

# ensure_command <caller> <command> <package...>
ensure_command() {
  local caller=$1 command=$2
  shift 2
  if command -v "$command" >/dev/null; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "$caller: installing $* needs root; run this script as root (or install Debian's $*)" >&2
    exit 1
  fi
  command -v apt-get >/dev/null || { echo "$caller: apt-get (Debian/Ubuntu) is required to install $*" >&2; exit 1; }
  echo "$caller: installing $*" >&2
  # A fresh machine may have no package lists yet.
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
}
