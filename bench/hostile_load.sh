#!/usr/bin/env bash
# Hostile queries against `eavesearch serve` (no cache of answers), as one
# JSON line for bench/run.sh: a query of 60 wildcards (its time, status and
# the server's memory before and after), then 16 clients looping the 17-byte
# query "a* b* c* d* e* f*" for SECONDS while one client sends the normal
# query mix one request at a time (its latencies). Every loop is bounded.
#   hostile_load.sh BIN DB SECONDS WORK
set -euo pipefail
BIN=$1 DB=$2 SECONDS_=$3 WORK=$4
# The server's own memory (RssAnon): what requests can make it hold. Its RSS
# also counts the index pages its Searchers have mapped (RssFile: shared page
# cache, server/mapped_reads.h), reported apart after the load.
rss_mb() { awk '/^RssAnon/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
mapped_mb() { awk '/^RssFile/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

. "$(dirname "$0")/serve.sh"
start_serve "$BIN" "$DB" "$WORK/hostile-serve.log" --cache-mb 0
base="http://127.0.0.1:$port/api/v1/search"
curl -s -o /dev/null "$base?q=review"  # opened and warm
sleep 1
rss_before=$(rss_mb "$server")

wild60=$(printf 's*%%20%.0s' $(seq 60))
read -r wild_status wild_s < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 30 \
  "$base?q=$wild60")
sleep 2
rss_after_wild=$(rss_mb "$server")

mix=(rootwrap review privsep%20migration %22ubuntu%2020.04%22 from%3Agmann%20release
  is%3Aagreed%20date%3A2016..2020 "upgrade&facets=person,meeting,channel,year,month,kind" priv*)
wrk -t2 -c16 -d"${SECONDS_}s" --timeout 10s "$base?q=a*%20b*%20c*%20d*%20e*%20f*" \
  >"$WORK/hostile-wrk.txt" 2>&1 &
wrk_pid=$!
sleep 1
: >"$WORK/hostile-normal.txt"
end=$((SECONDS + SECONDS_ - 2))
for ((k = 0; SECONDS < end && k < 100000; ++k)); do
  q=${mix[$((k % ${#mix[@]}))]}
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 10 "$base?q=$q" \
    >>"$WORK/hostile-normal.txt"
done
wait "$wrk_pid" || true
sleep 2
rss_after=$(rss_mb "$server")
mapped_after=$(mapped_mb "$server")
hostile_requests=$(awk '/requests in/ {print $1}' "$WORK/hostile-wrk.txt")
hostile_non_2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/hostile-wrk.txt")
normal=$(sort -k2 -n "$WORK/hostile-normal.txt" | awk '
  {t[NR] = $2 * 1000; if ($1 != 200) bad++}
  END {printf "\"normal_requests\":%d,\"normal_p50_ms\":%.1f,\"normal_max_ms\":%.1f,\"normal_non_200\":%d",
       NR, t[int((NR + 1) / 2)], t[NR], bad}')
stop_serve
printf '{"engine":"eavesearch-hostile","wild60_status":%s,"wild60_ms":%.0f,"rss_before_mb":%s,' \
  "$wild_status" "$(echo "$wild_s * 1000" | bc)" "$rss_before"
printf '"rss_after_wild60_mb":%s,"rss_after_mb":%s,"mapped_after_mb":%s,' \
  "$rss_after_wild" "$rss_after" "$mapped_after"
printf '"hostile_requests":%s,"hostile_non_2xx":%s,%s}\n' \
  "${hostile_requests:-0}" "${hostile_non_2xx:-0}" "$normal"
