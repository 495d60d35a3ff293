// Private to indexer/: the --db DIR layout of DESIGN.md 3.
//   DIR/XAPIANDB  stub database naming the live generation ("auto gen-N")
//   DIR/gen-N/    the generation's Xapian database
//   DIR/lock      flock()ed by the one writer
#pragma once

#include <xapian.h>

#include <string>
#include <utility>

#include "eavesearch/result.h"

namespace eavesearch {

class WriterLock {
 public:
  // kLocked when another process holds DIR/lock; kIo when it cannot be made.
  static Result<WriterLock> acquire(const std::string& db_dir);
  WriterLock(WriterLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  WriterLock& operator=(WriterLock&&) = delete;
  ~WriterLock();

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_;
};

// Opens (creating DIR, gen-1 and the stub when missing) the live generation
// for writing, after removing the generations the stub does not name (the
// one a --rebuild replaced, or one it left half-built). The caller holds the
// WriterLock.
// Returns the database and the generation's name.
Result<std::pair<Xapian::WritableDatabase, std::string>> open_live_generation(
    const std::string& db_dir);

// For --rebuild: an empty new generation beside the live one, and its name.
// The live one stays what readers see until switch_generation.
Result<std::pair<Xapian::WritableDatabase, std::string>> open_new_generation(
    const std::string& db_dir);

// A compacted copy of `generation` (Xapian's compaction: full blocks, about
// a third smaller and quicker to search) as a new generation; its name.
// Readers keep the old one until switch_generation.
Result<std::string> compact_generation(const std::string& db_dir, const std::string& generation);

// Points the stub at `generation` atomically (written, synced, renamed):
// readers see the old generation or the new one, never a mix.
Status switch_generation(const std::string& db_dir, const std::string& generation);

}  // namespace eavesearch
