#!/usr/bin/env bash
# scripts/mirror-archive against Debian's nginx listing a copy of data/sample
# on a loopback port (tests/archive_server.sh), with two folders shaped as on
# meetings.opendev.org: a meeting's four files under Apache's own listing
# page (sort links, an absolute parent link, icons) and a channel folder
# whose page is logs2html's index.html (links to the .log.html days and
# latest.log.html only). Each step reads what nginx was asked (its access
# log) and what landed in the copy; then `eavesearch index` over the copy
# must be incremental. Usage: mirror_archive_test.sh SOURCE_DIR EAVESEARCH_BIN
# (KEEP=1 keeps its temporary folder, for a look after a failure).
set -euo pipefail
src=$1 bin=$2
. "$src/tests/archive_server.sh"
require_archive_tools
dir=$(mktemp -d)
trap 'stop_archive_server; [ -n "${KEEP:-}" ] || rm -rf "$dir"' EXIT
mirror=$src/scripts/mirror-archive
export MIRROR_WAIT=0
fail() { echo "FAIL: $*"; exit 1; }

site=$dir/site
cp -a "$src/data/sample" "$site"

# A meeting as MeetBot leaves it, listed by Apache's mod_autoindex.
meeting=$site/meetings/tc/2020
mkdir -p "$meeting"
cp "$src/tests/data/golden/meetbot_log/meetings/tc/2020/tc.2020-05-14-15.00.log.txt" "$meeting/"
cp "$src/tests/data/golden/meetbot_html/meetings/tc/2020/tc.2020-12-31-23.59.log.html" \
  "$meeting/tc.2020-05-14-15.00.log.html"
cp "$src/fuzz/seeds/minutes.txt" "$meeting/tc.2020-05-14-15.00.txt"
cp "$src/fuzz/seeds/minutes.html" "$meeting/tc.2020-05-14-15.00.html"
{
  echo '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">'
  echo '<html><head><title>Index of /meetings/tc/2020</title></head><body>'
  echo '<h1>Index of /meetings/tc/2020</h1><table>'
  echo '<tr><th valign="top"><img src="/icons/blank.gif" alt="[ICO]"></th><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th><th><a href="?C=S;O=A">Size</a></th><th><a href="?C=D;O=A">Description</a></th></tr>'
  echo '<tr><td valign="top"><img src="/icons/back.gif" alt="[PARENTDIR]"></td><td><a href="/meetings/tc/">Parent Directory</a></td><td>&nbsp;</td><td align="right">  - </td><td>&nbsp;</td></tr>'
  for f in "$meeting"/tc.*; do
    echo "<tr><td valign=\"top\"><img src=\"/icons/text.gif\" alt=\"[TXT]\"></td><td><a href=\"${f##*/}\">${f##*/}</a></td><td align=\"right\">2020-05-14 16:01  </td><td align=\"right\">4.2K</td><td>&nbsp;</td></tr>"
  done
  echo '</table></body></html>'
} >"$meeting/index.html"

# A channel folder as the cron job of logs2html leaves it: its index.html
# links the .log.html pages (and latest.log.html), never the .log itself.
channel="$site/irclogs/#openstack-dev"
mkdir -p "$channel"
cp "$src/tests/data/golden/channel_html/irclogs/#openstack-tc/#openstack-tc.2020-05-14.log.html" \
  "$channel/#openstack-dev.2020-05-14.log.html"
cp "$src/tests/data/golden/channel_supybot/irclogs/#openstack-nova/#openstack-nova.2020-05-14.log" \
  "$channel/#openstack-dev.2020-05-14.log"
ln -s "#openstack-dev.2020-05-14.log.html" "$channel/latest.log.html"
echo 'body { color: black; }' >"$channel/irclog.css"
cat >"$channel/index.html" <<'EOF'
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html><head><title>IRC logs of #openstack-dev</title><link rel="stylesheet" href="irclog.css" /></head>
<body><h1>IRC logs of #openstack-dev</h1>
<ul><li><a href="latest.log.html">Latest (bookmarkable)</a></li></ul>
<h2>2020-05</h2><ul><li><a href="%23openstack-dev.2020-05-14.log.html">2020-05-14 (Thursday)</a></li></ul>
</body></html>
EOF

# A file its listing names but the server refuses (as one removed between
# the listing and the request): only present for the last step.
mkdir -p "$dir/nginx"
echo 'location = /meetings/gone/2020/gone.2020-01-02-00.00.log.txt { return 404; }' >"$dir/nginx/extra.conf"
start_archive_server "$site" "$dir/nginx" || exit 1

# What a mirror of the site must hold: its files less the listing pages,
# latest.log.html, the style sheet and the .log no page links.
not_kept=(index.html latest.log.html irclog.css '#openstack-dev.2020-05-14.log')
kept_only=()
for name in "${not_kept[@]}"; do kept_only+=(! -name "$name"); done
archive_files() {  # ROOT [SUBFOLDER]: relative paths, sorted
  (cd "$1" && find "${2:-.}" \( -type f -o -type l \) "${kept_only[@]}" |
    sed 's|^\./||' | LC_ALL=C sort)
}
mirrored_files() { (cd "$1" && find . -type f | sed 's|^\./||' | LC_ALL=C sort); }
same_tree() {  # SITE_FOLDER COPY_FOLDER: the same archive files, byte for byte
  diff -r "${not_kept[@]/#/--exclude=}" "$1" "$2" >"$dir/diff" ||
    fail "the copy differs from the site:"$'\n'"$(head -20 "$dir/diff")"
}
# Requests in the access log: "METHOD STATUS PATH", with # for %23.
requests() { sed 's/%23/#/g' "$archive_log" | awk '{ print $1, $2, $3 }'; }
agents() { sed 's/^[^"]*"//; s/"$//' "$archive_log" | sort -u; }
archive_gets() {  # archive files sent whole (200), as relative paths, sorted
  requests | awk '$1 == "GET" && $2 == 200 && $3 !~ /\/$/ && $3 !~ /\/index\.html$/ { print substr($3, 2) }' |
    LC_ALL=C sort
}
new_log() { : >"$archive_log"; }
run_mirror() {  # DEST [SUBPATH...]: its output in $dir/out, its exit code in $status
  status=0
  "$mirror" "$archive_url" "$@" >"$dir/out" 2>&1 || status=$?
}

dest=$dir/copy
expected=$(archive_files "$site")
count=$(echo "$expected" | wc -l)

# 1. The first run fetches every archive file once and nothing else.
new_log
SECONDS=0
run_mirror "$dest"
first_seconds=$SECONDS
[ "$status" -eq 0 ] || fail "first run: exit $status: $(cat "$dir/out")"
same_tree "$site" "$dest"
[ "$(archive_gets)" = "$expected" ] ||
  fail "first run: archive files fetched are not each file once:"$'\n'"$(diff <(echo "$expected") <(archive_gets) | head)"
! requests | grep -q '?' || fail "a listing's sort variant was requested: $(requests | grep '?' | head -3)"
! requests | awk '{ print $3 }' | grep -Ev '^/(meetings|irclogs)/|^/robots\.txt$' ||
  fail "wget wandered outside the trees (above)"
! requests | grep -E '(latest\.log\.html|irclog\.css|#openstack-dev\.2020-05-14\.log)$' ||
  fail "fetched what the copy does not keep (above)"
grep -qx "mirror-archive: $count files fetched, 0 failed, [0-9]* s" "$dir/out" ||
  fail "first run's summary: $(tail -1 "$dir/out")"
[[ $(agents) == 'eavesearch-mirror/1 ('*'README.md)' ]] || fail "User-Agent: $(agents)"
listings=$(requests | awk '$3 ~ /\/$/ || $3 ~ /\/index\.html$/' | wc -l)

"$bin" index "$dest" --db "$dir/db" --json >"$dir/index1.json" 2>"$dir/index1.err" ||
  fail "index of the first copy: exit $?: $(cat "$dir/index1.err")"
grep -q '"files_new":'"$count"',' "$dir/index1.json" ||
  fail "index of the first copy did not take all $count files: $(cat "$dir/index1.json")"

# 2. Nothing changed: no archive file is sent again (each is asked for its
# date and size, HEAD); the listing pages are read again, which nothing avoids.
new_log
run_mirror "$dest"
[ "$status" -eq 0 ] || fail "second run: exit $status: $(cat "$dir/out")"
[ -z "$(archive_gets)" ] || fail "second run fetched again: $(archive_gets | head)"
heads=$(requests | awk '$1 == "HEAD"' | wc -l)
[ "$heads" -eq "$count" ] || fail "second run: $heads HEAD requests for $count files"
grep -qx 'mirror-archive: 0 files fetched, 0 failed, [0-9]* s' "$dir/out" ||
  fail "second run's summary: $(tail -1 "$dir/out")"
same_tree "$site" "$dest"

# 3. A channel log grows (new content, new time) and a day is added: the
# third run fetches exactly those two, and the index takes exactly those.
grown="irclogs/#airshipit/#airshipit.2019-03-26.log"
added="irclogs/#cloudkitty/#cloudkitty.2019-08-03.log"
echo "2019-03-26T23:59:00  <someone> one more line before midnight" >>"$site/$grown"
touch -d "@$(($(stat -c %Y "$site/$grown") + 3600))" "$site/$grown"
echo "2019-08-03T10:00:00  <someone> a new day in #cloudkitty" >"$site/$added"
new_log
run_mirror "$dest"
[ "$status" -eq 0 ] || fail "third run: exit $status: $(cat "$dir/out")"
[ "$(archive_gets)" = "$(printf '%s\n' "$added" "$grown" | LC_ALL=C sort)" ] ||
  fail "third run fetched: $(archive_gets | tr '\n' ' ')"
grep -qx "fetched $grown" "$dir/out" && grep -qx "fetched $added" "$dir/out" ||
  fail "third run's output does not name both files: $(cat "$dir/out")"
same_tree "$site" "$dest"
[ "$(stat -c %Y "$dest/$grown")" -eq "$(stat -c %Y "$site/$grown")" ] ||
  fail "the copy does not carry the server's time"

"$bin" index "$dest" --db "$dir/db" --json >"$dir/index3.json" 2>"$dir/index3.err" ||
  fail "index of the third copy: exit $?: $(cat "$dir/index3.err")"
summary=$(cat "$dir/index3.json")
for field in '"files_new":1,' '"files_changed":1,' '"files_removed":0,' \
  "\"files_unchanged\":$((count - 1))," '"files_skipped":0,'; do
  [[ $summary == *"$field"* ]] || fail "the index after the third run is not incremental ($field): $summary"
done

# 4. An interrupted run left a copy cut short (newer than the server's,
# smaller); meanwhile a file changed on the server with its size kept, only
# its time newer. One run mends both.
cut=meetings/zun/2019/zun.2019-04-09-03.00.log.txt
truncate -s 100 "$dest/$cut"
rewritten="irclogs/#heat/#heat.2020-08-12.log"
printf 'ZZZZ' | dd of="$site/$rewritten" bs=1 seek=30 conv=notrunc status=none
touch -d "@$(($(stat -c %Y "$site/$rewritten") + 7200))" "$site/$rewritten"
cmp -s "$site/$rewritten" "$dest/$rewritten" && fail "the rewrite did not change $rewritten"
new_log
run_mirror "$dest"
[ "$status" -eq 0 ] || fail "run after an interruption: exit $status: $(cat "$dir/out")"
[ "$(archive_gets)" = "$(printf '%s\n' "$cut" "$rewritten" | LC_ALL=C sort)" ] ||
  fail "run after an interruption fetched: $(archive_gets | tr '\n' ' ')"
same_tree "$site" "$dest"

# 5. SUBPATHs: only those folders are asked for and copied ('#' or %23). A
# listing page an interrupted whole run left elsewhere (wget names it *.tmp
# until it removes it) goes too.
mkdir -p "$dir/part/irclogs/#heat"
echo '<html>listing</html>' >"$dir/part/irclogs/#heat/index.html.tmp"
new_log
MIRROR_CONTACT="ops@example.org" run_mirror "$dir/part" meetings/tc "irclogs/#openstack-tc"
[ "$status" -eq 0 ] || fail "SUBPATH run: exit $status: $(cat "$dir/out")"
expected_part=$( (archive_files "$site" meetings/tc; archive_files "$site" "irclogs/#openstack-tc") | LC_ALL=C sort)
[ "$(mirrored_files "$dir/part")" = "$expected_part" ] ||
  fail "SUBPATH run copied:"$'\n'"$(diff <(echo "$expected_part") <(mirrored_files "$dir/part") | head)"
same_tree "$site/meetings/tc" "$dir/part/meetings/tc"
same_tree "$site/irclogs/#openstack-tc" "$dir/part/irclogs/#openstack-tc"
! requests | awk '{ print $3 }' | grep -Ev '^/meetings/tc/|^/irclogs/#openstack-tc/|^/robots\.txt$' ||
  fail "the SUBPATH run asked for other folders (above)"
[[ $(agents) == *'; contact: ops@example.org)' ]] || fail "User-Agent with MIRROR_CONTACT: $(agents)"

# 6. Failures: a missing SUBPATH (4), a listed file refused (1, named, the
# rest copied), another run holding the copy (3), usage (2).
run_mirror "$dir/none" meetings/no_such_meeting
[ "$status" -eq 4 ] && grep -q 'the server does not list .*/meetings/no_such_meeting/' "$dir/out" ||
  fail "a missing SUBPATH: exit $status: $(cat "$dir/out")"
mkdir -p "$site/meetings/gone/2020"
echo "10:00:00 <a> one" >"$site/meetings/gone/2020/gone.2020-01-01-00.00.log.txt"
echo "10:00:00 <a> two" >"$site/meetings/gone/2020/gone.2020-01-02-00.00.log.txt"
run_mirror "$dir/gone" meetings/gone
[ "$status" -eq 1 ] && grep -q "failed $archive_url/meetings/gone/2020/gone.2020-01-02-00.00.log.txt: 404" "$dir/out" ||
  fail "a refused file: exit $status: $(cat "$dir/out")"
[ "$(mirrored_files "$dir/gone")" = "meetings/gone/2020/gone.2020-01-01-00.00.log.txt" ] ||
  fail "a refused file: the rest was not copied: $(mirrored_files "$dir/gone")"
exec 8<"$dest"
flock -n 8
run_mirror "$dest"
[ "$status" -eq 3 ] || fail "a locked copy: exit $status: $(cat "$dir/out")"
exec 8<&-
for args in "" "$archive_url" "ftp://example.org $dest" "$archive_url $dest ../etc" \
  "$archive_url $dest meetings/../../etc" "$archive_url $dest doc"; do
  status=0
  # shellcheck disable=SC2086  # each case is words
  "$mirror" $args >"$dir/out" 2>&1 || status=$?
  [ "$status" -eq 2 ] || fail "usage '$args': exit $status: $(cat "$dir/out")"
done
for setting in MIRROR_WAIT=soon MIRROR_CONTACT=$'ops\r\nX-Injected: 1'; do
  status=0
  env "$setting" "$mirror" "$archive_url" "$dest" >"$dir/out" 2>&1 || status=$?
  [ "$status" -eq 2 ] || fail "$setting: exit $status"
done

echo "mirror verified: $count files in ${first_seconds} s, then $heads HEADs and $listings listing pages a run with nothing new"
