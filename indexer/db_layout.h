// Private to indexer/: the --db DIR layout of DESIGN.md 3.
//   DIR/XAPIANDB  stub database naming the live generation ("auto gen-N")
//   DIR/gen-N/    the generation's Xapian database
//   DIR/lock      flock()ed by the one writer
#pragma once

#include <xapian.h>

#include <string>

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
// for writing. The caller holds the WriterLock.
Result<Xapian::WritableDatabase> open_live_generation(const std::string& db_dir);

}  // namespace eavesearch
