# Sourced by bench/run.sh and bench/hostile_load.sh: start_serve BIN DB LOG
# [OPTIONS...] starts `eavesearch serve` on a free port of 127.0.0.1 and sets
# $server (its pid) and $port; stop_serve stops it.
start_serve() {
  local bin=$1 db=$2 log=$3
  shift 3
  # Every client of a benchmark is 127.0.0.1, as behind nginx: no per-address limit.
  "$bin" serve --db "$db" --port 0 --max-connections-per-client 0 "$@" >"$log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  port=
  for _ in $(seq 100); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$log" >&2; exit 4; }
}

# A server that died under the load fails the run, with its status.
stop_serve() {
  trap - EXIT
  if ! kill "$server" 2>/dev/null; then
    local status=0
    wait "$server" || status=$?
    echo "bench: eavesearch serve died during the run (status $status)" >&2
    return 1
  fi
  wait "$server" || true
}
