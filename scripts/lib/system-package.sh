# Installs a Debian/Ubuntu package into the system when the command it provides is missing, for tools the scripts run
# (unlike the photo pool's packages, which are unpacked, never installed). Source it; installing needs root or sudo.
source "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

# ensure_command <caller> <command> <package...>
ensure_command() {
  local caller=$1 command=$2
  shift 2
  if command -v "$command" >/dev/null; then
    return 0
  fi
  apt_install "$caller" "$@"
}
