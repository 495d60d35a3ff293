// Private to indexer/: the --db DIR layout of DESIGN.md 3.
//   DIR/XAPIANDB        stub database naming the live generation's databases:
//                       "auto gen-N" (one database) or one "auto gen-N/<shard>"
//                       line per shard (--shards year)
//   DIR/gen-N/          the generation's Xapian database, or
//   DIR/gen-N/<shard>/  one per shard: the records of one year's files
//   DIR/gen-N/<shard>.K a shard rebuilt by an incremental run (below)
//   DIR/lock            flock()ed by the one writer
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/stub.h"
#include "eavesearch/indexer.h"
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

// A generation's databases, as the stub names them.
struct Generation {
  std::string name;  // "gen-3"
  Sharding sharding = Sharding::kYear;
  // Made so far, as folders of the generation: "2020", or "2020.2" once
  // rebuilt (shard_name gives "2020"); kNone: the one shard "".
  std::vector<std::string> shards;
};

// "2020": four digits, as a year shard's name.
bool is_year(std::string_view s);

// A shard's database opened for writing. A shard built without a termlist
// (DESIGN.md 9: a full build's older years; a third of the build's time)
// takes documents but can neither delete nor replace one: when its files
// change, it is rebuilt (open_rebuilt_shard) instead.
struct ShardDb {
  Xapian::WritableDatabase db;
  bool has_termlist = true;
  std::string path;  // its folder, for messages
};

// The shard holding an archive file's records: the year its name (or a
// folder above it) gives, "2020"; "undated" when there is none. Stable for a
// path, so a file's records and state are always in the same shard.
std::string shard_of(Sharding sharding, std::string_view rel_path);

// Opens the live generation (a new empty one, named by no stub yet, when
// there is none), after removing the generations and shard folders the stub
// does not name (the one a --rebuild replaced, or one it left half-built). `want` is the
// sharding asked for: kUsage when the live one has another (that takes a
// --rebuild); nullopt keeps the live one's, kYear for a new one. The
// caller holds the WriterLock.
Result<Generation> open_live_generation(const std::string& db_dir, std::optional<Sharding> want);

// For --rebuild: an empty new generation beside the live one. The live one
// stays what readers see until switch_generation.
Result<Generation> open_new_generation(const std::string& db_dir, Sharding sharding);

// The database of `shard` in `generation`, made (afresh, if a killed run
// left part of it; with a termlist if `termlist`) when the generation has
// no such shard yet; a new shard of the live generation (`live`) is added to
// the stub once it exists. Errors here and below name the folder.
Result<ShardDb> open_shard(const std::string& db_dir, Generation& generation,
                           const std::string& shard, bool live, bool termlist);

// A new empty database, with a termlist, for `shard` of the live generation
// beside the one the stub names (which readers keep until replace_shard);
// its folder is returned in `folder`.
Result<Xapian::WritableDatabase> open_rebuilt_shard(const std::string& db_dir,
                                                    const Generation& generation,
                                                    const std::string& shard, std::string& folder);

// Removes the rebuilt database in `folder` (closed), abandoned: readers never
// had it.
void remove_rebuilt_shard(const std::string& db_dir, const Generation& generation,
                          const std::string& folder);

// Compacts the rebuilt database in `folder` into the shard's next folder,
// returned: the caller names it in the generation and switch_generation
// points readers at it.
Result<std::string> compact_rebuilt_shard(const std::string& db_dir, const Generation& generation,
                                          const std::string& folder);

// A compacted copy of `generation` (Xapian's compaction: full blocks, about
// a third smaller and quicker to search) as a new generation, its shards
// compacted `jobs` at a time. Readers keep the old one until
// switch_generation.
Result<Generation> compact_generation(const std::string& db_dir, const Generation& generation,
                                      int jobs);

// Points the stub at `generation` atomically (written, synced, renamed):
// readers see the old generation or the new one, never a mix.
Status switch_generation(const std::string& db_dir, const Generation& generation);

}  // namespace eavesearch
