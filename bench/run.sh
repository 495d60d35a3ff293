#!/usr/bin/env bash
# `make bench`: eavesearch and its peers (SQLite FTS5, Omega's scriptindex,
# ripgrep) on one generated archive, in one run; one table, written to
# bench/RESULTS.md with the machine and the date. See bench/README.md.
#
#   LINES=1000000   archive size, in the generator's meeting lines
#   ROUNDS=50       runs of each query class (rg: ROUNDS/10, at least 3)
#   CLI_ROUNDS=30   whole `eavesearch search` and `sqlite3` processes per class (bench/cli_bench.sh)
#   HTTP_SECONDS=10 duration of the wrk run
#   HOSTILE_SECONDS=30 duration of the hostile load (bench/hostile_load.sh)
#   SCRIPTINDEX=auto  run scriptindex (auto: only up to 2M lines; it takes ~30 min at 10M)
#   REPORT=bench/RESULTS.md  where the table goes
#   BIN_DIR=build   the binaries measured (a copy keeps a long run apart from rebuilds)
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-1000000}
ROUNDS=${ROUNDS:-50}
CLI_ROUNDS=${CLI_ROUNDS:-30}
HTTP_SECONDS=${HTTP_SECONDS:-10}
HOSTILE_SECONDS=${HOSTILE_SECONDS:-30}
SCRIPTINDEX=${SCRIPTINDEX:-auto}
WORK=${BENCH_DIR:-build/bench-run}
REPORT=${REPORT:-bench/RESULTS.md}
BIN_DIR=${BIN_DIR:-build}
BIN=$BIN_DIR/eavesearch
TOOLS=$BIN_DIR/bench
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
RESULTS=$WORK/results.jsonl
: >"$RESULTS"

note() { echo "bench: $*" >&2; }
# Runs a command under /usr/bin/time; sets $secs (wall) and $kb (peak RSS).
timed() { /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@"; read -r secs kb <"$WORK/time.txt"; }
record() { echo "$1" >>"$RESULTS"; }

# 1. The archive (kept between runs of the same size) and one more day of logs.
archive=$WORK/archive-$LINES
if [ ! -f "$archive/.complete" ]; then
  note "generating $LINES lines into $archive"
  rm -rf "$archive"
  "$BIN_DIR"/data/generator/eavesearch-generate --out "$archive" --seed 11 --lines "$LINES" \
    --to 2025-06-29 >/dev/null
  touch "$archive/.complete"
fi
nextday=$WORK/next-day
rm -rf "$nextday"
"$BIN_DIR"/data/generator/eavesearch-generate --out "$nextday" --seed 12 --meetings 10 \
  --from 2025-06-30 --to 2025-06-30 >/dev/null
archive_lines=$(find "$archive" -type f \( -name '*.log.txt' -o -name '*.log' \) -print0 |
  xargs -0 cat | wc -l)
archive_bytes=$(du -sb --exclude=.complete "$archive" | cut -f1)

# 2. eavesearch: a full build, then the incremental run that adds the day.
db=$WORK/eavesearch-db
rm -rf "$db"
note "eavesearch index (full build)"
timed "$BIN" index "$archive" --db "$db" --quiet
# The live generation's size (the one compacted from stays until the next run).
stats=$("$BIN" stats --db "$db" --json)
record "{\"engine\":\"eavesearch\",\"load_seconds\":$secs,\"peak_rss_kb\":$kb,\"rows\":$(jq .records <<<"$stats"),\"db_bytes\":$(jq .bytes <<<"$stats")}"
note "eavesearch index (no change)"
timed "$BIN" index "$archive" --db "$db" --quiet
record "{\"engine\":\"eavesearch-noop\",\"load_seconds\":$secs,\"peak_rss_kb\":$kb}"
day=$WORK/archive-plus-day
rm -rf "$day" && cp -al "$archive" "$day" && cp -r --remove-destination "$nextday"/. "$day"/
note "eavesearch index (incremental: one more day)"
timed "$BIN" index "$day" --db "$db" --quiet
record "{\"engine\":\"eavesearch-incremental\",\"load_seconds\":$secs,\"peak_rss_kb\":$kb}"
rm -rf "$day"

# 3. The same records for the peers (not charged to them).
note "exporting the records"
record "$("$TOOLS"/eavesearch-export-records --db "$db" --out "$WORK")"

# 4. The peers' builds.
fts=$WORK/fts5.sqlite
rm -f "$fts"
note "SQLite FTS5 load"
timed "$TOOLS"/eavesearch-bench-fts5 load --tsv "$WORK/records.tsv" --db "$fts" >"$WORK/fts5-load.json"
record "$(jq -c --argjson s "$secs" --argjson kb "$kb" '. + {wall_seconds: $s, peak_rss_kb: $kb}' \
  "$WORK/fts5-load.json")"
if [ "$SCRIPTINDEX" = yes ] || { [ "$SCRIPTINDEX" = auto ] && [ "$LINES" -le 2000000 ]; }; then
  note "Omega scriptindex"
  rm -rf "$WORK/omega-db"
  record "$(bench/scriptindex_bench.sh "$WORK" "$WORK/omega-db")"
fi

# 5. Queries: in-process, FTS5, rg; then HTTP with wrk.
note "queries: eavesearch in-process"
"$TOOLS"/eavesearch-bench-queries --db "$db" --rounds "$ROUNDS" --json >>"$RESULTS"
note "queries: SQLite FTS5"
"$TOOLS"/eavesearch-bench-fts5 query --db "$fts" --rounds "$ROUNDS" >>"$RESULTS"
note "queries: whole processes, eavesearch search against the sqlite3 CLI"
bench/cli_bench.sh "$BIN" "$db" "$fts" "$CLI_ROUNDS" >>"$RESULTS"
note "queries: rg"
rg_rounds=$((ROUNDS / 10 > 3 ? ROUNDS / 10 : 3))
bench/rg_bench.sh "$archive" "$rg_rounds" >>"$RESULTS"
# One wrk run against `serve` with the given options, as engine $1.
. bench/serve.sh
http_run() {
  local engine=$1
  shift
  note "HTTP ($engine): wrk for ${HTTP_SECONDS}s"
  start_serve "$BIN" "$db" "$WORK/serve.log" "$@"
  ENGINE=$engine wrk -t2 -c16 -d"${HTTP_SECONDS}s" -s bench/query_mix.lua \
    "http://127.0.0.1:$port" | grep '^{' >>"$RESULTS"
  stop_serve
}
http_run eavesearch-http
http_run eavesearch-http-uncached --cache-mb 0
note "HTTP: hostile queries for ${HOSTILE_SECONDS}s"
record "$(bench/hostile_load.sh "$BIN" "$db" "$HOSTILE_SECONDS" "$WORK")"

# 6. The table.
bench/report.sh "$RESULTS" "$LINES" "$archive_lines" "$archive_bytes" | tee "$REPORT"
