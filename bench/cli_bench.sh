#!/usr/bin/env bash
# Whole-process queries, as a person at a terminal (or a script, an editor)
# meets them: one `eavesearch search` process per query against one `sqlite3`
# CLI process over the FTS5 table of the same records, the classes of
# query_latency.cc (facets excepted: the CLI shows none), each timed by
# hyperfine (-N: no shell; 3 warm-up runs, then ROUNDS). Prints one JSON line
# per engine and class:
# {"engine":"eavesearch-cli"|"sqlite3-cli","class":"..","p50_ms":..,"p99_ms":..}
# (nearest-rank percentiles of hyperfine's runs).
set -euo pipefail

if [[ $# -lt 3 || $# -gt 4 ]]; then
  echo "usage: $0 EAVESEARCH DB FTS5_DB [ROUNDS]" >&2
  exit 2
fi
bin=$1 db=$2 fts=$3 rounds=${4:-30}
if ! [[ $rounds =~ ^[0-9]+$ ]] || ((rounds < 2 || rounds > 10000)); then
  echo "$0: ROUNDS must be 2..10000" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A page of 20, as each engine's CLI gives it: eavesearch's text output,
# sqlite3's rows of the columns a page shows.
page() { echo "SELECT id, time, speaker, meeting, channel, text FROM records WHERE $1 ORDER BY rank LIMIT 20;"; }
# is:agreed date:2016..2020: 2016-01-01T00:00:00Z .. 2020-12-31T23:59:59Z, as fts5_bench.cc.
classes=(
  "rare word|rootwrap|records MATCH 'text:rootwrap'"
  "common word|review|records MATCH 'text:review'"
  "two words (AND)|privsep migration|records MATCH 'text:privsep AND text:migration'"
  'phrase|"ubuntu 20.04"|records MATCH '"'"'text:"ubuntu 20 04"'"'"
  "from: + word|from:gmann release|records MATCH 'person:gmann AND text:release'"
  "is:agreed + date range|is:agreed date:2016..2020|records MATCH 'item:agreed' AND time BETWEEN 1451606400 AND 1609459199"
  "wildcard|priv*|records MATCH 'text:priv*'"
)

# timed ENGINE CLASS COMMAND...: hyperfine's runs of COMMAND, as one JSON line.
timed() {
  local engine=$1 class=$2
  shift 2
  hyperfine -N --style none --warmup 3 --runs "$rounds" -i --export-json "$work/h.json" \
    -- "$(printf '%q ' "$@")" >/dev/null 2>"$work/h.err" || { cat "$work/h.err" >&2; return 1; }
  jq -c --arg e "$engine" --arg c "$class" '.results[0].times | map(. * 1000) | sort
    | {engine: $e, class: $c,
       p50_ms: (.[(length * 0.5 | ceil) - 1] * 1000 | round / 1000),
       p99_ms: (.[(length * 0.99 | ceil) - 1] * 1000 | round / 1000)}' "$work/h.json"
}

for entry in "${classes[@]}"; do
  IFS='|' read -r class q where <<<"$entry"
  timed eavesearch-cli "$class" "$bin" search --db "$db" "$q"
  timed sqlite3-cli "$class" sqlite3 -readonly "$fts" "$(page "$where")"
done
