// Private to indexer/: FileState::deps, what a file's records took from
// other files, one "key=value" line each; when that differs now, the file is
// indexed again although it did not change (DESIGN.md 6).
//   bots=<hash>          every file: the bot list it was indexed with
//   primary=0|1          a .log.html, flattened log or minutes: is the primary
//                        form of its log (.log.txt, a channel's .log) here
//   channel=<#chan>      a meeting's .log.txt: the channel a channel log gave it
//   meeting:<stem>=0|1   a channel log: is that meeting's own log in meetings/
//   previous:<path>=<s>  a channel log read with the day before's: that file's
//                        size and mtime ("none" when missing), as on disk, so
//                        that it holds across shards (31 Dec -> 1 Jan)
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "eavesearch/archive_names.h"
#include "indexer/archive_walker.h"

namespace eavesearch {

inline constexpr std::string_view kPrimaryDep = "primary=";
inline constexpr std::string_view kBotsDep = "bots=";  // a hash of IndexOptions::bots
inline constexpr std::string_view kChannelDep = "channel=";
inline constexpr std::string_view kMeetingDep = "meeting:";
inline constexpr std::string_view kPreviousDep = "previous:";

// Calls f(line) for each line of `deps`.
template <typename F>
void for_each_dep(std::string_view deps, F&& f) {
  while (!deps.empty()) {
    std::size_t nl = deps.find('\n');
    f(deps.substr(0, nl));
    deps.remove_prefix(nl == std::string_view::npos ? deps.size() : nl + 1);
  }
}

// "meeting:<stem>=1" -> "<stem>"; the key between the prefix and the last '='.
std::string dep_key(std::string_view line, std::string_view prefix);

// The previous: line of a channel log: its day before's file as on disk.
std::string previous_dep(const ArchiveFile& file);

// The meeting: and previous: lines of `deps`, with their values as now.
std::string channel_deps(const ArchiveFile& file, std::string_view deps,
                         const std::set<std::string>& primary_stems);

}  // namespace eavesearch
