// Private to indexer/: one database's part of an index run (all of it, or
// one shard's), the incremental work of DESIGN.md 6.
#pragma once

#include <xapian.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "eavesearch/indexer.h"
#include "indexer/archive_walker.h"
#include "indexer/file_state.h"
#include "indexer/series_ledger.h"

namespace eavesearch {

// Ends the warning about a path that could not be read whose records the
// index holds.
inline constexpr std::string_view kKeptNote = "; what the index holds of it is kept";

// The stems of the primary forms of logs (.log.txt, a channel's .log) in the
// whole archive, its files and the files kept unread (`kept`: the paths of
// indexed files an unreadable folder hides): the other forms of the same log
// (.log.html, flattened) are read only when these are missing.
std::set<std::string> stems_with_log_txt(const std::vector<ArchiveFile>& files,
                                         const std::vector<std::string>& kept = {});

// What every file of a run is indexed against.
struct RunInputs {
  const std::set<std::string>& primary_stems;  // stems_with_log_txt
  const UnreadablePaths& unreadable;           // what the walk could not read
  const std::set<std::string>& bots;           // persons (bots.h; IndexOptions::bots)
  const SeriesNext& series_next;               // next_meetings (series_ledger.h)
  long commit_docs;                            // IndexOptions::commit_docs
};

// The indexed files' states by path, as a database holds them.
using FileStates = std::map<std::string, FileState>;
FileStates read_file_states(const Xapian::Database& db);

// What index_shard did. `needs_rebuild`: the database has no termlist and
// a document had to be deleted or replaced; the run stopped before that
// file's first write (what it wrote before is committed: new files'
// records, file states), and the shard is to be rebuilt (rebuild_shard),
// reporting against `states_before`, the states it began with.
struct ShardRun {
  IndexReport report;
  bool needs_rebuild = false;
  FileStates states_before;
};

// Indexes `files` (sorted by path: all the archive files whose records this
// database holds) into `db` incrementally: removed files' records go first,
// then new and changed files are (re)indexed; commits every `commit_docs`
// documents and at the end. A file `unreadable` covers, or one that cannot
// be read, keeps its records and state. `file_done` is called after each
// file.
Result<ShardRun> index_shard(Xapian::WritableDatabase& db, bool has_termlist,
                             const std::vector<ArchiveFile>& files, const RunInputs& inputs,
                             const WarningSink& warn,
                             const std::function<void(const ArchiveFile&)>& file_done);

// What rebuild_shard did. `abandoned`: a file whose records the shard holds
// could not be read (named in a warning), so the fresh database lacks them
// and must not replace the shard; `report` is then empty.
struct ShardRebuild {
  IndexReport report;
  bool abandoned = false;
};

// Indexes all of `files` into `fresh` (an empty database), reporting what
// changed since the file states `before` (of the shard it replaces), as
// index_shard would have; warnings only for files that changed.
Result<ShardRebuild> rebuild_shard(Xapian::WritableDatabase& fresh, const FileStates& before,
                                   const std::vector<ArchiveFile>& files, const RunInputs& inputs,
                                   const WarningSink& warn,
                                   const std::function<void(const ArchiveFile&)>& file_done);

}  // namespace eavesearch
