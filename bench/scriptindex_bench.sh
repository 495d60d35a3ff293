#!/usr/bin/env bash
# Peer benchmark: index DIR/records.scriptindex with Xapian Omega's scriptindex
# (bench/scriptindex.index) into OUTDB (--overwrite: a new database each run).
# Prints one JSON line: {"engine":"scriptindex","load_seconds":..,"peak_rss_kb":..,"db_bytes":..}
# scriptindex's own messages go to stderr.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 DIR OUTDB" >&2
  exit 2
fi
dir=$1
outdb=$2
script="$(dirname "$(readlink -f "$0")")/scriptindex.index"
input="$dir/records.scriptindex"
[[ -r $input ]] || { echo "$0: cannot read $input" >&2; exit 2; }

timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
/usr/bin/time -f '%e %M' -o "$timing" \
  scriptindex --overwrite --stemmer=english "$outdb" "$script" "$input" >&2
read -r seconds rss_kb <"$timing"
bytes=$(du -sb "$outdb" | cut -f1)
printf '{"engine":"scriptindex","load_seconds":%s,"peak_rss_kb":%s,"db_bytes":%s}\n' \
  "$seconds" "$rss_kb" "$bytes"
