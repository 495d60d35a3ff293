// `eavesearch index`: archive tree -> records -> the Xapian database of
// DESIGN.md 3. Single writer (guarded by DIR/lock); not thread-safe, but
// its shards are written by threads of its own (IndexOptions::jobs).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "eavesearch/bots.h"
#include "eavesearch/result.h"

namespace eavesearch {

// Where a run is, after each file: for a progress bar.
struct IndexProgress {
  long files_done = 0;
  long files_total = 0;
  std::uint64_t bytes_done = 0;  // sizes of the files done
  std::uint64_t bytes_total = 0;
};

inline constexpr long kDefaultCommitDocs = 50000;

// How records are split into databases (DESIGN.md 3): all in one, or one
// database per year of the files' dates, built side by side and searched as
// one through the stub.
enum class Sharding { kNone, kYear };

struct IndexOptions {
  std::vector<std::string> archives;  // archive roots; paths are stored relative to each
  std::string db_dir;                 // --db DIR, created if missing
  // Build a new generation from scratch beside the live one and switch to
  // it when done (DESIGN.md 6); the live one is removed on the next run.
  bool rebuild = false;
  // Documents added or deleted between two commits.
  long commit_docs = kDefaultCommitDocs;
  std::function<void(const IndexProgress&)> progress = {};  // may be empty
  // nullopt: the database's own (by year for a new one); another than the
  // database's needs `rebuild`.
  std::optional<Sharding> sharding = std::nullopt;
  // Shards indexed (and compacted) at once; 0: one per core.
  int jobs = 0;
  // Every shard has a termlist (DESIGN.md 9), as xapian-tcpsrv needs to
  // serve it: a full build makes them all with one, a run rebuilds those
  // without. Else a full build gives one to the newest year only.
  bool termlists = false;
  // The service bots, as persons (bots.h): their lines are kind "bot". A
  // change reindexes every file (its state's deps name the list).
  std::vector<std::string> bots = default_bots();
};

// What a run did; the keys of `index --json` (DESIGN.md 6).
struct IndexReport {
  int files_seen = 0;  // archive files looked at (ignored names excluded)
  int files_new = 0;
  int files_changed = 0;
  int files_removed = 0;  // indexed before, gone now
  int files_unchanged = 0;
  // Looked like logs but could not be read or indexed, and the entries and
  // folders the walk could not read; each named in a warning.
  int files_skipped = 0;
  // Of files_skipped, those that could not be read (entries, folders, files):
  // what the index holds of them is kept, never counted as removed.
  int files_unreadable = 0;
  int files_other = 0;  // recognised but not indexed as text (minutes, superseded .log.html)
  long records_added = 0;
  long records_removed = 0;
  int malformed_lines = 0;  // lines skipped inside files that were indexed
  int lines_cut = 0;        // lines longer than kMaxLineBytes (text.h), cut to it
  double seconds = 0;
  bool committed = false;
};

// Receives one warning at a time, naming the file (and line); called (like
// IndexOptions::progress) by one thread at a time, not always the caller's.
using WarningSink = std::function<void(const std::string&)>;

// Indexes the archives into options.db_dir incrementally: new and changed
// files are (re)indexed, removed files' records deleted, unchanged files
// (same size, mtime or content hash, and the same facts taken from other
// files) skipped; the result equals a clean build. Commits every
// options.commit_docs documents, so that a killed run leaves the last commit
// and the next run converges. An entry, folder or file that cannot be read
// is named in a warning and skipped (files_unreadable), keeping what the
// index holds of it; only files gone from the archive lose their records.
// kLocked if another writer holds the lock, kIo / kCorrupt / kInternal on
// failure (the database then stays at its last commit); kIo too for a
// --rebuild that could not read every file while a live index exists (the
// new one would lack their records: the live one stays).
Result<IndexReport> index_archives(const IndexOptions& options, const WarningSink& warn);

}  // namespace eavesearch
