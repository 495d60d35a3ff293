// `eavesearch index`: archive tree -> records -> the Xapian database of
// DESIGN.md 3. Single writer (guarded by DIR/lock); not thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "eavesearch/result.h"

namespace eavesearch {

struct IndexOptions {
  std::vector<std::string> archives;  // archive roots; paths are stored relative to each
  std::string db_dir;                 // --db DIR, created if missing
};

// What a run did; the keys of `index --json` (DESIGN.md 6).
struct IndexReport {
  int files_seen = 0;  // archive files looked at (ignored names excluded)
  int files_new = 0;
  int files_changed = 0;
  int files_removed = 0;  // indexed before, gone (or unreadable) now
  int files_unchanged = 0;
  int files_skipped = 0;  // looked like logs but could not be read
  int files_other = 0;    // recognised but not indexed as text (minutes, superseded .log.html)
  long records_added = 0;
  long records_removed = 0;
  int malformed_lines = 0;  // lines skipped inside files that were indexed
  double seconds = 0;
  bool committed = false;
};

// Receives one warning at a time, naming the file (and line).
using WarningSink = std::function<void(const std::string&)>;

// Indexes the archives into options.db_dir incrementally: new and changed
// files are (re)indexed, removed files' records deleted, unchanged files
// (same size, mtime or content hash) skipped. kLocked if another writer holds
// the lock, kIo / kCorrupt / kInternal on failure (the database then stays at
// its last commit).
Result<IndexReport> index_archives(const IndexOptions& options, const WarningSink& warn);

}  // namespace eavesearch
