// Private to indexer/: the action ledger (action_ledger.h) at index time. A
// meeting log's action items take their fate from the next kLedgerLookAhead
// meetings of its series (its folder under meetings/), read from the archive
// when the log is indexed; those meetings' files are in its deps
// ("next:<path>=<size>:<mtime>"), so that a new or changed later meeting
// has it indexed again, and an incremental run equals a clean build.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/parser.h"
#include "indexer/archive_walker.h"

namespace eavesearch {

inline constexpr std::string_view kNextDep = "next:";

// Each meeting log of the archive (meetings/<folder>/<year>/<stem>.log.txt,
// or its .log.html where it has no .log.txt) -> the next ones of its folder,
// kLedgerLookAhead at most, in order.
using SeriesNext = std::map<std::string, std::vector<ArchiveFile>>;
SeriesNext next_meetings(const std::vector<ArchiveFile>& files,
                         const std::set<std::string>& primary_stems);

// The deps lines of `rel_path`'s next meetings; "" for a file of no series.
std::string next_deps(const SeriesNext& next, const std::string& rel_path);

// `deps` with the next: line of `later` saying it could not be read, so
// that the file is indexed again once it can.
std::string unreadable_next(const std::string& deps, const ArchiveFile& later);

// Meeting logs read and parsed, the last few kept: in path order, a log is
// read once as a later meeting of the one before it, and not again as itself.
class MeetingLogs {
 public:
  using Parse = Result<ParsedLog> (*)(std::string_view, std::string_view);
  // `file`'s `content` parsed by `parser` (kept from ahead() if the file's
  // size and mtime are those it was read with).
  Result<ParsedLog> parse(const ArchiveFile& file, std::string_view content, Parse parser);
  // `file` read from the archive: an error when it cannot be read; nullptr
  // when it is not a meeting log.
  Result<std::shared_ptr<const ParsedLog>> ahead(const ArchiveFile& file);

 private:
  struct Parsed {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::shared_ptr<ParsedLog> log;
  };
  std::map<std::string, Parsed>::iterator find(const ArchiveFile& file);
  std::map<std::string, Parsed> kept_;  // by path
};

// Gives the action items of `records` their status and evidence, from the
// meetings `later` (in order).
void set_action_fates(std::vector<Record>& records,
                      const std::vector<std::shared_ptr<const ParsedLog>>& later);

// Gives each ACTION item of `minutes` the status of its record in `records`
// (the one said at its line and time).
void copy_action_status(const std::vector<Record>& records, Meeting& minutes);

}  // namespace eavesearch
