#!/usr/bin/env bash
# systemd accepts deploy/'s units as they are: `systemd-analyze verify` must
# print nothing (it only warns, exit 0, on unknown keys) with the binary
# path pointed at the build. Usage: deploy_units_test.sh SOURCE_DIR EAVESEARCH_BIN
set -euo pipefail
src=$1 bin=$2
command -v systemd-analyze >/dev/null || { echo "systemd-analyze missing (apt-get install -y systemd)"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
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
echo "deploy units verified"
