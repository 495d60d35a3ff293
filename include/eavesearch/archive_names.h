// The names of archive files (FORMATS.md): the one reader of what a file's
// name says (its stem, its meeting and date, its channel and day), and the
// one rule of which form of a log is primary. For indexer/ and server/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eavesearch {

// The archive-relative log stem: the path without .log.txt / .log.html /
// .flattened.txt / .txt / .html / .log / .rst / .eml.
std::string log_stem(std::string_view rel_path);

// The id of a log (its records' ids before "#<line>"): its stem, with the
// bytes that are not UTF-8 written %XX (text.h), so that every id is text a
// client can send back and a link can carry.
std::string log_id(std::string_view rel_path);

// What a meeting log's name tells: <meeting>.<YYYY-MM-DD>-<HH>.<MM>.
struct LogName {
  std::string meeting;         // normalised; "" when the name has no such pattern
  std::int64_t day_start = 0;  // midnight UTC of the date, when `dated`
  int start_seconds = -1;      // HH:MM of the name in seconds of the day; -1 unknown
  bool dated = false;
};
LogName parse_log_name(std::string_view rel_path);

// What a channel log's name tells (FORMATS.md 2.1): "#chan.YYYY-MM-DD.log",
// one file per day (ChannelLogger's rotateLogs), or "#chan.log", every day
// in one file (without it); ".log.html" too, and "%23" for '#' as on the web.
struct ChannelLogName {
  std::string channel;    // normalised, "#openstack-tc"
  bool one_file = false;  // "#chan.log": no date in the name, each line has its own
};
// nullopt when the name is neither. A one-file name must begin with '#' (or
// "%23"): with no date in it, nothing else tells a channel's log from any
// "notes.log". A name ending in ".<YYYY-MM-DD-shaped>.log" that is no real
// day is neither.
std::optional<ChannelLogName> channel_log_name(std::string_view rel_path);

// The first date "YYYY-MM-DD" in the file's name (not its folders), where
// no digit comes before it; nullopt when there is none.
std::optional<std::string_view> date_in_name(std::string_view rel_path);

// A channel log's path the day before ("#chan.2020-05-13.log" for
// "#chan.2020-05-14.log"); "" when `path` is not dated so.
std::string previous_day_path(const std::string& path);

// Whether a log file is the primary form of its log (.log.txt of a meeting,
// .log of a channel), read whenever present; other forms (.log.html) are
// read only while their primary form is missing.
bool is_primary_form(std::string_view rel_path);

}  // namespace eavesearch
