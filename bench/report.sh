#!/usr/bin/env bash
# Renders bench/run.sh's results.jsonl as the Markdown table of bench/RESULTS.md.
# Usage: report.sh RESULTS.jsonl LINES ARCHIVE_LINES ARCHIVE_BYTES
set -euo pipefail
results=$1 lines=$2 archive_lines=$3 archive_bytes=$4

# get ENGINE KEY [CLASS]: a value from the results, "" when absent or null.
get() {
  jq -r --arg e "$1" --arg k "$2" --arg c "${3:-}" \
    'select(.engine == $e and ($c == "" or .class == $c)) | .[$k] | select(. != null)' "$results" | head -1
}
# fmt NUMBER [DECIMALS]: "–" for no value.
fmt() { [ -z "$1" ] && echo "–" || LC_ALL=C printf "%'.${2:-0}f" "$1"; }
# ratio A B: A/B as "1.23x", "–" when either is missing or zero.
ratio() {
  if [ -z "$1" ] || [ -z "$2" ]; then echo "–"; return; fi
  awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "–"; else printf "%.2fx\n", a / b }'
}
per_second() { [ -z "$1" ] && echo "" || awk -v n="$2" -v s="$1" 'BEGIN { printf "%.0f\n", n / s }'; }
mb() { [ -z "$1" ] && echo "" || awk -v b="$1" 'BEGIN { printf "%.1f\n", b / 1048576 }'; }

rows=$(get eavesearch rows)
eav_s=$(get eavesearch load_seconds)
fts_s=$(get fts5 wall_seconds)
omega_s=$(get scriptindex load_seconds)
eav_rate=$(per_second "$eav_s" "$rows")
fts_rate=$(per_second "$fts_s" "$rows")
omega_rate=$(per_second "$omega_s" "$rows")
eav_mem=$(mb "$(($(get eavesearch peak_rss_kb) * 1024))")
fts_kb=$(get fts5 peak_rss_kb) omega_kb=$(get scriptindex peak_rss_kb)
fts_mem=$([ -n "$fts_kb" ] && mb $((fts_kb * 1024)) || true)
omega_mem=$([ -n "$omega_kb" ] && mb $((omega_kb * 1024)) || true)
eav_size=$(mb "$(get eavesearch db_bytes)")
fts_size=$(mb "$(get fts5 db_bytes)")
omega_size=$(mb "$(get scriptindex db_bytes)")

cat <<EOF
# Benchmark results

$(date -u +'%Y-%m-%d %H:%M UTC'), \`make bench LINES=$lines\` on $(nproc) cores
($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'),
$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)).
Archive: $(fmt "$archive_lines") raw lines ($(mb "$archive_bytes") MB) from the generator
(\`--lines $lines\`: meeting lines; the channel logs hold them again plus their own),
$(fmt "$rows") records once de-duplicated. Every engine loads the same records
(exported in $(fmt "$(get export seconds)" 1) s, not charged to the peers); rg reads the raw archive.

## Build

| | eavesearch | SQLite FTS5 | Omega scriptindex | eavesearch / FTS5 | eavesearch / scriptindex |
|---|---|---|---|---|---|
| full build (s) | $(fmt "$eav_s" 1) | $(fmt "$fts_s" 1) | $(fmt "$omega_s" 1) | $(ratio "$eav_s" "$fts_s") | $(ratio "$eav_s" "$omega_s") |
| throughput (records/s) | $(fmt "$eav_rate") | $(fmt "$fts_rate") | $(fmt "$omega_rate") | $(ratio "$eav_rate" "$fts_rate") | $(ratio "$eav_rate" "$omega_rate") |
| peak memory (MB) | $(fmt "$eav_mem" 1) | $(fmt "$fts_mem" 1) | $(fmt "$omega_mem" 1) | $(ratio "$eav_mem" "$fts_mem") | $(ratio "$eav_mem" "$omega_mem") |
| index size (MB) | $(fmt "$eav_size" 1) | $(fmt "$fts_size" 1) | $(fmt "$omega_size" 1) | $(ratio "$eav_size" "$fts_size") | $(ratio "$eav_size" "$omega_size") |
| incremental, one more day (s) | $(fmt "$(get eavesearch-incremental load_seconds)" 2) | – | – | | |
| incremental, nothing changed (s) | $(fmt "$(get eavesearch-noop load_seconds)" 2) | – | – | | |

## Queries (ms per query, p50 / p99)

eavesearch in-process (a Searcher reading the index from memory maps as the server does, top 20
with snippets); FTS5 \`MATCH ... ORDER BY rank LIMIT 20\`
through the C API; rg over the raw archive (its semantics differ where noted in results.jsonl).
"x faster" is the peer's p99 over eavesearch's. "~" marks eavesearch's estimated totals (it
counts exactly only where that is cheap; FTS5's and rg's counts come from separate counting runs).
eavesearch's hits leave out bots' lines and channel events, as its searches do unless asked to
include them; FTS5 counts every record. (Checked at 1M lines: with \`--include bots --include
events\` eavesearch finds FTS5's 269 for two words, and 3,260 against 3,258 for the rare word.)

| query class | eavesearch hits | eavesearch | FTS5 hits | FTS5 | rg hits | rg | vs FTS5 | vs rg |
|---|---|---|---|---|---|---|---|---|
EOF
jq -r 'select(.engine == "eavesearch" and .class != null) | .class' "$results" | while read -r class; do
  e50=$(get eavesearch p50_ms "$class") e99=$(get eavesearch p99_ms "$class")
  f50=$(get fts5 p50_ms "$class") f99=$(get fts5 p99_ms "$class")
  r50=$(get rg p50_ms "$class") r99=$(get rg p99_ms "$class")
  about=$([ "$(get eavesearch hits_exact "$class")" = false ] && echo "~" || true)
  echo "| $class | $about$(fmt "$(get eavesearch hits "$class")") | $(fmt "$e50" 2) / $(fmt "$e99" 2)" \
    "| $(fmt "$(get fts5 hits "$class")") | $(fmt "$f50" 2) / $(fmt "$f99" 2)" \
    "| $(fmt "$(get rg hits "$class")") | $(fmt "$r50" 1) / $(fmt "$r99" 1)" \
    "| $(ratio "$f99" "$e99") faster | $(ratio "$r99" "$e99") faster |"
done
cat <<EOF

## Queries as a person at a terminal meets them (whole processes, ms, p50 / p99)

One \`eavesearch search --db DB QUERY\` process per query (its text output, a page of 20) against
one \`sqlite3 -readonly fts5.sqlite "SELECT ... MATCH ... ORDER BY rank LIMIT 20"\` process,
timed by hyperfine (\`bench/cli_bench.sh\`: no shell, 3 warm-up runs). Opening the database,
loading the libraries and printing are in the figures; facets are not (the CLI shows none).

| query class | eavesearch search | sqlite3 | sqlite3 p50 / eavesearch p50 |
|---|---|---|---|
EOF
jq -r 'select(.engine == "eavesearch-cli") | .class' "$results" | while read -r class; do
  e50=$(get eavesearch-cli p50_ms "$class") e99=$(get eavesearch-cli p99_ms "$class")
  s50=$(get sqlite3-cli p50_ms "$class") s99=$(get sqlite3-cli p99_ms "$class")
  echo "| $class | $(fmt "$e50" 1) / $(fmt "$e99" 1) | $(fmt "$s50" 1) / $(fmt "$s99" 1)" \
    "| $(ratio "$s50" "$e50") |"
done
cat <<EOF

## HTTP

\`wrk -t2 -c16\` on the same query mix, in turn, against \`eavesearch serve\` on 127.0.0.1.
With its cache of answers (the default; the mix repeats, so nearly every answer comes from it)
and with \`--cache-mb 0\` (every request searches):

| serve | requests/s | p50 ms | p99 ms | answers other than 2xx | socket errors (refused, reset, timed out) |
|---|---|---|---|---|---|
| cache on | $(fmt "$(get eavesearch-http requests_per_s)") | $(fmt "$(get eavesearch-http p50_ms)" 2) | $(fmt "$(get eavesearch-http p99_ms)" 2) | $(get eavesearch-http non_2xx) | $(get eavesearch-http socket_errors) |
| \`--cache-mb 0\` | $(fmt "$(get eavesearch-http-uncached requests_per_s)") | $(fmt "$(get eavesearch-http-uncached p50_ms)" 2) | $(fmt "$(get eavesearch-http-uncached p99_ms)" 2) | $(get eavesearch-http-uncached non_2xx) | $(get eavesearch-http-uncached socket_errors) |
EOF
if [ -n "$(get eavesearch-hostile wild60_ms)" ]; then
  cat <<EOF

## Hostile queries

\`bench/hostile_load.sh\` against \`serve --cache-mb 0\`: one query of 60 wildcards (\`s* s* ...\`),
then 16 clients looping \`a* b* c* d* e* f*\` while one client sends the query mix above, one
request at a time.

| | |
|---|---|
| 60 wildcards: status, time | $(get eavesearch-hostile wild60_status), $(get eavesearch-hostile wild60_ms) ms |
| its own memory (RssAnon) before / after it (MB) | $(get eavesearch-hostile rss_before_mb) / $(get eavesearch-hostile rss_after_wild60_mb) |
| hostile requests (answers other than 2xx) | $(get eavesearch-hostile hostile_requests) ($(get eavesearch-hostile hostile_non_2xx)) |
| normal requests meanwhile: p50 / max ms (other than 200) | $(fmt "$(get eavesearch-hostile normal_p50_ms)" 1) / $(fmt "$(get eavesearch-hostile normal_max_ms)" 1) ($(get eavesearch-hostile normal_non_200) of $(get eavesearch-hostile normal_requests)) |
| its own memory after the load (MB) | $(get eavesearch-hostile rss_after_mb) |
| index pages mapped after the load (RssFile, shared page cache, MB) | $(get eavesearch-hostile mapped_after_mb) |
EOF
fi
