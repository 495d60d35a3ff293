#!/usr/bin/env bash
# Runs the fuzz targets of a fuzz build (all, or those named), each for
# SECONDS, from seeds made here out of tests/data and data/sample (and
# fuzz/seeds/ for the minutes, which neither holds). Each target's corpus
# grows in BUILD/fuzz/corpus/<target>/ from run to run; an input that
# crashes, leaks, hangs past 10 s or takes over 2 GB is written to
# BUILD/fuzz/crashes/<target>/. Exits 1 naming every target that failed and
# its files, after running the others.
#
# Usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]   (make fuzz)
# Replay: BUILD_DIR/fuzz/<target>_fuzzer BUILD_DIR/fuzz/crashes/<target>/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/usr/lib/llvm-14/bin:$PATH  # llvm-symbolizer: the sanitizers' stack traces
build=$(realpath "$1")
seconds=$2
shift 2
all=(meetbot_log meetbot_html flattened_log pasted_log channel_log channel_html classify
     text_minutes html_minutes query_parser http_params)
targets=("${@:-${all[@]}}")

# The archive files of tests/data and data/sample, by `find` name pattern.
archive_files() {
  find tests/data data/sample -type f -name "$1" ! -name expected.txt | sort
}

# FILE as a seed of a file reader (fuzz/fuzz_input.h): its archive-relative
# path, a newline, then its first 60 lines (enough for every kind of line;
# small inputs run fast).
archive_seed() {
  local rel
  rel=$(sed -E 's#^(data/sample|tests/data/golden/[^/]+|tests/data/[^/]+)/##' <<<"$1")
  printf '%s\n' "$rel"
  head -n 60 "$1"
}

# The request lines of tests/data/api_answers/requests.txt.
requests() {
  grep -v -e '^#' -e '^$' tests/data/api_answers/requests.txt
}

# The q parameter of each request, URL-decoded.
queries() {
  requests | sed -n 's/.*[?&]q=\([^&]*\).*/\1/p' | while IFS= read -r q; do
    printf '%b\n' "$(sed 's/+/ /g; s/%/\\x/g' <<<"$q")"
  done
}

# Writes the seeds of target $1 into folder $2, one file each.
make_seeds() {
  local pattern under=/
  case $1 in
    meetbot_log) pattern='*.log.txt' ;;
    meetbot_html) pattern='*.log.html' under=/meetings/ ;;
    flattened_log) pattern='*.flattened.txt' ;;
    pasted_log) pattern='*.rst' ;;
    channel_log) pattern='*.log' under=/irclogs/ ;;
    channel_html) pattern='*.log.html' under=/irclogs/ ;;
    classify) pattern='*' ;;
    text_minutes) cp fuzz/seeds/minutes.txt "$2/"; return ;;
    html_minutes) cp fuzz/seeds/minutes.html "$2/"; return ;;
    query_parser) query_seeds "$2"; return ;;
    http_params) request_seeds "$2"; return ;;
    *) echo "no fuzz target $1 (one of: ${all[*]})" >&2; return 1 ;;
  esac
  local n=0 f
  archive_files "$pattern" | grep -F "$under" | while IFS= read -r f; do
    archive_seed "$f" >"$2/$((n++))"
  done
}

# Each query alone, and with the text of a line of a meeting log
# (fuzz/query_parser_fuzzer.cc makes its snippet).
query_seeds() {
  local q t k
  mapfile -t q < <(queries)
  mapfile -t t < <(cut -d' ' -f3- tests/data/golden/meetbot_log/meetings/tc/2020/*.log.txt)
  for k in "${!q[@]}"; do
    printf '%s' "${q[k]}" >"$1/$k"
    printf '%s\n%s' "${q[k]}" "${t[k % ${#t[@]}]}" >"$1/text-$k"
  done
}

# Each request alone, and with the next one (fuzz/http_params_fuzzer.cc
# compares two requests' cache keys).
request_seeds() {
  local r k
  mapfile -t r < <(requests)
  for k in "${!r[@]}"; do
    printf '%s' "${r[k]}" >"$1/$k"
    printf '%s\n%s' "${r[k]}" "${r[k + 1]:-${r[0]}}" >"$1/pair-$k"
  done
}

dict_of() {
  case $1 in
    meetbot_log | meetbot_html | flattened_log | pasted_log | classify) echo fuzz/dicts/meetbot.dict ;;
    channel_log | channel_html) echo fuzz/dicts/channel.dict ;;
    text_minutes | html_minutes) echo fuzz/dicts/minutes.dict ;;
    query_parser | http_params) echo fuzz/dicts/query.dict ;;
  esac
}

max_len_of() {
  case $1 in
    query_parser | http_params) echo 4096 ;;
    *) echo 32768 ;;
  esac
}

# "N runs in S s (E exec/s), cov C, ft F, corpus K inputs, peak RSS R MB" from
# libFuzzer's log: its last status line and its final stats.
summary() {
  LC_ALL=C awk '/^#[0-9]+\t/ && / cov: / { for (i = 1; i < NF; ++i) f[$i] = $(i + 1) }
    /^Done [0-9]+ runs in/ { runs = $2; secs = $5 }
    /^stat::average_exec_per_sec:/ { execs = $2 }
    /^stat::peak_rss_mb:/ { rss = $2 }
    END { split(f["corp:"], corpus, "/")
          printf "%s runs in %s s (%s exec/s), cov %s, ft %s, corpus %s inputs, peak RSS %s MB\n",
                 runs, secs, execs, f["cov:"], f["ft:"], corpus[1], rss }' "$1"
}

failed=()
for t in "${targets[@]}"; do
  work=$build/fuzz
  seeds=$work/seeds/$t corpus=$work/corpus/$t crashes=$work/crashes/$t log=$work/logs/$t.log
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus" "$crashes" "$work/logs"
  make_seeds "$t" "$seeds"
  touch "$work/logs/$t.start"
  status=0
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$work/${t}_fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -max_len="$(max_len_of "$t")" -dict="$(dict_of "$t")" -artifact_prefix="$crashes/" \
    -print_final_stats=1 "$corpus" "$seeds" >"$log" 2>&1 || status=$?
  if [ "$status" -eq 0 ]; then
    echo "fuzz $t: ok, $(summary "$log")"
  else
    echo "fuzz $t: FAILED (exit $status); its log: $log; the inputs:" >&2
    find "$crashes" -type f -newer "$work/logs/$t.start" >&2
    grep -a -m 1 -A 30 -E '^==[0-9]+==ERROR|runtime error|broken contract|ERROR: libFuzzer' \
      "$log" >&2 || tail -n 30 "$log" >&2
    failed+=("$t")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]} (inputs in $build/fuzz/crashes/)" >&2
  exit 1
fi
