#!/usr/bin/env bash
# Peer benchmark: the query classes of query_latency.cc as ripgrep searches over
# the raw archive (meetings/ and irclogs/). Each class runs ROUNDS times (default
# 5), timed with `date +%s%N`; prints one JSON line per class:
# {"engine":"rg","class":"..","hits":<matching lines>,"p50_ms":..,"p99_ms":..[,"note":".."]}
# Percentiles are nearest-rank. rg counts lines in files, so a meeting held in a
# channel is counted twice (meetings/ and irclogs/), where eavesearch indexes it once.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 ARCHIVE [ROUNDS]" >&2
  exit 2
fi
archive=$1
rounds=${2:-5}
[[ -d $archive ]] || { echo "$0: $archive: not a directory" >&2; exit 2; }
if ! [[ $rounds =~ ^[0-9]+$ ]] || ((rounds < 1 || rounds > 10000)); then
  echo "$0: ROUNDS must be 1..10000" >&2
  exit 2
fi

# rg with exit status 1 (no match) counted as success.
rgq() { rg --no-config -j2 "$@" || [[ $? -eq 1 ]]; }
# Sums rg -c's per-file counts.
sum() { awk '{ s += $1 } END { print s + 0 }'; }
# Prints the number of matching lines in the archive.
count() { rgq -c --no-filename "$@" "$archive" | sum; }

q_rare() { count -i -w rootwrap; }
q_common() { count -i -w review; }
q_and() { rgq -i -w --no-filename privsep "$archive" | rgq -i -w -c migration | sum; }
q_phrase() { count -i 'ubuntu 20\.04'; }
q_from() { count -i '<gmann[^>]*>.*\brelease'; }
# A MeetBot command right after the nick: bare '#agreed' also matches the
# "Useful Commands: #action #agreed ..." banner of every meeting.
q_agreed() { count -i -g '*.201[6-9]-*' -g '*.2020-*' '<[^>]*> #agreed\b'; }
q_wildcard() { count -i -w 'priv\w*'; }

# bench NAME NOTE FUNCTION: runs FUNCTION `rounds` times, prints the JSON line.
bench() {
  local name=$1 note=$2 fn=$3 hits="" t0 t1 r
  local -a ms=()
  for ((r = 0; r < rounds; r++)); do
    t0=$(date +%s%N)
    hits=$("$fn")
    t1=$(date +%s%N)
    ms+=("$(((t1 - t0) / 1000))")  # microseconds
  done
  printf '%s\n' "${ms[@]}" | sort -n | awk -v name="$name" -v hits="$hits" -v note="$note" '
    { v[NR] = $1 / 1000 }
    function nearest(p,   r) { r = int(p * NR); if (r < p * NR) r++; if (r < 1) r = 1; return v[r] }
    END {
      printf "{\"engine\":\"rg\",\"class\":\"%s\",\"hits\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f", \
        name, hits, nearest(0.50), nearest(0.99)
      if (note != "") printf ",\"note\":\"%s\"", note
      print "}"
    }'
}

bench "rare word" "" q_rare
bench "common word" "whole word, no stemming (eavesearch also matches reviews, reviewed)" q_common
bench "two words (AND)" "both whole words on one line, no stemming" q_and
bench "phrase" "" q_phrase
bench "from: + word" "nick starting gmann, no person normalisation; release as a prefix" q_from
bench "is:agreed + date range" "#agreed command lines; date from the file name" q_agreed
echo '{"engine":"rg","class":"facets (6 fields)","hits":null,"p50_ms":null,"p99_ms":null,"note":"no facets"}'
bench "wildcard" "" q_wildcard
