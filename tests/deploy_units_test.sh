#!/usr/bin/env bash
# systemd accepts deploy/'s units as they are: `systemd-analyze verify` must
# print nothing (it only warns, exit 0, on unknown keys) with the binary
# path pointed at the build. The cron line runs as cron runs it (/bin/sh,
# cron's PATH, no other environment) with the binary, the archive, the
# database and syslog's socket in a temporary folder, and its summary line
# reaches syslog. Usage: deploy_units_test.sh SOURCE_DIR EAVESEARCH_BIN
set -euo pipefail
src=$1 bin=$2
command -v systemd-analyze >/dev/null || { echo "systemd-analyze missing (apt-get install -y systemd)"; exit 1; }
dir=$(mktemp -d)
receiver=
trap '[ -z "$receiver" ] || kill "$receiver" 2>/dev/null; rm -rf "$dir"' EXIT
for unit in eavesearch-serve.service eavesearch-index.service eavesearch-index.timer; do
  sed "s|/usr/local/bin/eavesearch|$bin|g" "$src/deploy/$unit" > "$dir/$unit"
done
out=$(cd "$dir" && systemd-analyze verify ./eavesearch-serve.service ./eavesearch-index.service \
      ./eavesearch-index.timer 2>&1) || { echo "$out"; exit 1; }
[ -z "$out" ] || { echo "systemd-analyze verify warned:"; echo "$out"; exit 1; }
grep -qx 'Persistent=true' "$dir/eavesearch-index.timer" || { echo "the timer is not Persistent"; exit 1; }
# The cron line runs the same command as the index service.
cmd=$(sed -n 's/^ExecStart=//p' "$src/deploy/eavesearch-index.service")
grep -qF "$cmd" "$src/deploy/eavesearch-index.cron" || { echo "cron and service differ"; exit 1; }

# The cron line itself: one job, as user eavesearch.
jobs=$(grep -Ev '^[[:space:]]*(#|$)' "$src/deploy/eavesearch-index.cron")
[ "$(printf '%s\n' "$jobs" | wc -l)" -eq 1 ] || { echo "not one cron job:"; echo "$jobs"; exit 1; }
read -r _ _ _ _ _ user job <<<"$jobs"
[ "$user" = eavesearch ] || { echo "the cron job runs as '$user', not eavesearch"; exit 1; }
job=$(printf '%s' "$job" | sed -e "s|/usr/local/bin/eavesearch|$bin|g" \
  -e "s|/srv/eavesdrop|$src/tests/data/two_meetings|g" -e "s|/var/lib/eavesearch/db|$dir/db|g" \
  -e "s|logger |logger --socket $dir/log |g")
# A syslog: each message on its socket appended to a file (perl-base is
# Essential in Debian).
perl -MIO::Socket::UNIX -MSocket -e '
  my $s = IO::Socket::UNIX->new(Type => SOCK_DGRAM, Local => $ARGV[0]) or die "syslog: $!";
  open(my $out, ">>", $ARGV[1]) or die "syslog: $!";
  $out->autoflush(1);
  print $out "$m\n" while defined $s->recv($m, 65536);' "$dir/log" "$dir/syslog" &
receiver=$!
for _ in $(seq 50); do [ -S "$dir/log" ] && break; sleep 0.1; done
status=0
env -i PATH=/usr/bin:/bin HOME="$dir" SHELL=/bin/sh /bin/sh -c "$job" || status=$?
[ "$status" -eq 0 ] || { echo "the cron job failed ($status): $job"; exit 1; }
for _ in $(seq 50); do grep -q '"committed":true' "$dir/syslog" 2>/dev/null && break; sleep 0.1; done
grep -q 'eavesearch-index: {"committed":true' "$dir/syslog" ||
  { echo "no summary line in syslog from the cron job:"; cat "$dir/syslog" 2>/dev/null; exit 1; }
[ -f "$dir/db/XAPIANDB" ] || { echo "the cron job made no database"; exit 1; }
echo "deploy units verified; the cron job ran and logged: $(cat "$dir/syslog")"
