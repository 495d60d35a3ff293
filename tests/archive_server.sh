# Sourced by the shell tests that mirror an archive: Debian's nginx on a
# loopback port lists a folder's subfolders as meetings.opendev.org's
# Apache does (autoindex on; a folder's own index.html wins, as Apache's
# DirectoryIndex), and logs each request as "METHOD STATUS PATH?QUERY".
#
#   start_archive_server ROOT WORK   sets archive_url and archive_log
#   stop_archive_server              (also on the caller's EXIT trap)
#
# WORK holds nginx's configuration, pid, logs and temp folders. A file
# WORK/extra.conf, if present, is included in the server block.
archive_nginx=/usr/sbin/nginx
archive_pid=

# nginx and wget present, or the caller ends: exit 77 (skipped) on a
# developer's machine, 1 (failed) where tests must not skip
# (EAVESEARCH_REQUIRE_CORPUS=1, as .ci/run sets it).
require_archive_tools() {
  local missing=()
  [ -x "$archive_nginx" ] || missing+=(nginx)
  command -v wget >/dev/null || missing+=(wget)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "missing: ${missing[*]} (apt-get install -y ${missing[*]})"
  [ -n "${EAVESEARCH_REQUIRE_CORPUS:-}" ] && exit 1
  exit 77
}

start_archive_server() {
  local root=$1 work=$2 port
  mkdir -p "$work/logs"
  touch "$work/extra.conf"
  for _ in 1 2 3 4 5; do  # a port another process took: another one
    port=$((20000 + RANDOM % 30000))
    {
      echo "worker_processes 1; daemon off; pid $work/nginx.pid;"
      echo "error_log $work/logs/error.log warn;"
      # Root's workers would otherwise run as nobody, who cannot read a mktemp folder.
      [ "$(id -u)" -ne 0 ] || echo "user root;"
      echo "events { worker_connections 64; }"
      echo "http {"
      echo "  include /etc/nginx/mime.types;"
      echo "  log_format requests '\$request_method \$status \$request_uri \"\$http_user_agent\"';"
      echo "  access_log $work/logs/access.log requests;"
      for t in client_body proxy fastcgi uwsgi scgi; do echo "  ${t}_temp_path $work/$t;"; done
      echo "  server {"
      echo "    listen 127.0.0.1:$port;"
      echo "    root $root;"
      echo "    autoindex on;"
      echo "    include $work/extra.conf;"
      echo "  }"
      echo "}"
    } >"$work/nginx.conf"
    "$archive_nginx" -p "$work/" -c "$work/nginx.conf" >"$work/logs/stderr" 2>&1 &
    archive_pid=$!
    for _ in $(seq 50); do  # up to 5 s
      if ! kill -0 "$archive_pid" 2>/dev/null; then break; fi
      if wget -q -O /dev/null "http://127.0.0.1:$port/"; then
        archive_url=http://127.0.0.1:$port
        archive_log=$work/logs/access.log
        return 0
      fi
      sleep 0.1
    done
    stop_archive_server
    grep -q 'Address already in use' "$work/logs/error.log" "$work/logs/stderr" 2>/dev/null || break
  done
  echo "nginx did not start:"
  cat "$work/logs/stderr" "$work/logs/error.log" 2>/dev/null
  return 1
}

stop_archive_server() {
  [ -n "$archive_pid" ] || return 0
  kill "$archive_pid" 2>/dev/null || true
  wait "$archive_pid" 2>/dev/null || true
  archive_pid=
}
