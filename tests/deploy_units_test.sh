#!/usr/bin/env bash
# systemd accepts deploy/'s units as they are: `systemd-analyze verify` must
# print nothing (it only warns, exit 0, on unknown keys) with the binary
# and the mirror script pointed at the build and the source. The cron line
# runs as cron runs it (/bin/sh, cron's PATH, no other environment) with the
# binary, the archive, the database and syslog's socket in a temporary
# folder and the site it mirrors served by nginx on a loopback port
# (tests/archive_server.sh): the archive is mirrored, then indexed, and both
# summary lines reach syslog. Usage: deploy_units_test.sh SOURCE_DIR EAVESEARCH_BIN
set -euo pipefail
src=$1 bin=$2
mirror=$src/scripts/mirror-archive
command -v systemd-analyze >/dev/null || { echo "systemd-analyze missing (apt-get install -y systemd)"; exit 1; }
. "$src/tests/archive_server.sh"
EAVESEARCH_REQUIRE_CORPUS=1 require_archive_tools  # as systemd-analyze: never skipped
dir=$(mktemp -d)
receiver=
trap 'stop_archive_server; [ -z "$receiver" ] || kill "$receiver" 2>/dev/null; rm -rf "$dir"' EXIT
# The mirror's name first: the binary's is its prefix.
at_test_paths() { sed -e "s|/usr/local/bin/eavesearch-mirror|$mirror|g" -e "s|/usr/local/bin/eavesearch|$bin|g" "$@"; }
units=(eavesearch-serve.service eavesearch-mirror.service eavesearch-index.service eavesearch-index.timer)
for unit in "${units[@]}"; do at_test_paths "$src/deploy/$unit" > "$dir/$unit"; done
out=$(cd "$dir" && systemd-analyze verify "${units[@]/#/./}" 2>&1) || { echo "$out"; exit 1; }
[ -z "$out" ] || { echo "systemd-analyze verify warned:"; echo "$out"; exit 1; }
grep -qx 'Persistent=true' "$dir/eavesearch-index.timer" || { echo "the timer is not Persistent"; exit 1; }
# The index runs after the mirror, which alone has the network.
grep -qx 'Wants=eavesearch-mirror.service' "$src/deploy/eavesearch-index.service" &&
  grep -qE '^After=.*eavesearch-mirror\.service' "$src/deploy/eavesearch-index.service" ||
  { echo "the index service does not want and follow the mirror"; exit 1; }
grep -qx 'PrivateNetwork=yes' "$src/deploy/eavesearch-index.service" || { echo "the index has the network"; exit 1; }
! grep -q '^PrivateNetwork=yes' "$src/deploy/eavesearch-mirror.service" || { echo "the mirror has no network"; exit 1; }
# The cron line runs the same commands as the services.
for service in eavesearch-mirror eavesearch-index; do
  cmd=$(sed -n 's/^ExecStart=//p' "$src/deploy/$service.service")
  grep -qF "$cmd" "$src/deploy/eavesearch-index.cron" || { echo "cron and $service.service differ"; exit 1; }
done

# The cron line itself: one job, as user eavesearch.
jobs=$(grep -Ev '^[[:space:]]*(#|$)' "$src/deploy/eavesearch-index.cron")
[ "$(printf '%s\n' "$jobs" | wc -l)" -eq 1 ] || { echo "not one cron job:"; echo "$jobs"; exit 1; }
read -r _ _ _ _ _ user job <<<"$jobs"
[ "$user" = eavesearch ] || { echo "the cron job runs as '$user', not eavesearch"; exit 1; }
# The site: two meetings and a channel's day.
cp -a "$src/tests/data/two_meetings" "$dir/site"
mkdir "$dir/site/irclogs"
cp -a "$src/data/sample/irclogs/#airshipit" "$dir/site/irclogs/"
start_archive_server "$dir/site" "$dir/nginx" || exit 1
job=$(printf '%s' "$job" | at_test_paths | sed -e "s|https://meetings.opendev.org|$archive_url|g" \
  -e "s|/srv/eavesdrop|$dir/archive|g" -e "s|/var/lib/eavesearch/db|$dir/db|g" \
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
# MIRROR_WAIT=0: no pause between requests to the test's own server.
env -i PATH=/usr/bin:/bin HOME="$dir" SHELL=/bin/sh MIRROR_WAIT=0 /bin/sh -c "$job" || status=$?
[ "$status" -eq 0 ] || { echo "the cron job failed ($status): $job"; exit 1; }
for _ in $(seq 50); do grep -q '"committed":true' "$dir/syslog" 2>/dev/null && break; sleep 0.1; done
grep -q 'eavesearch-index: {"committed":true' "$dir/syslog" ||
  { echo "no summary line in syslog from the cron job:"; cat "$dir/syslog" 2>/dev/null; exit 1; }
[ -f "$dir/db/XAPIANDB" ] || { echo "the cron job made no database"; exit 1; }
grep -q 'eavesearch-mirror: mirror-archive: 3 files fetched, 0 failed' "$dir/syslog" ||
  { echo "no mirror summary in syslog from the cron job:"; cat "$dir/syslog"; exit 1; }
diff -r "$dir/site" "$dir/archive" || { echo "the cron job's mirror differs (above)"; exit 1; }
echo "deploy units verified; the cron job ran and logged: $(cat "$dir/syslog")"
