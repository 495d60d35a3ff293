// The stub DIR/XAPIANDB, in Xapian's stub database format, as eavesearch
// writes it and reads it back: the one reader and writer of that file for
// the indexer (indexer/db_layout.h), the Searcher (query/local_shards.h)
// and `stats` (query/database_stats.cc). One database a line:
//   auto gen-3/2020        a local database, relative to DIR (or absolute)
//   remote 10.0.0.2:7001   one served by xapian-tcpsrv (written by hand)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/result.h"

namespace eavesearch {

struct StubEntry {
  enum class Kind { kLocal, kRemote, kOther };
  Kind kind = Kind::kLocal;
  std::string target;  // as written: "gen-3/2020", "10.0.0.2:7001"
  friend bool operator==(const StubEntry&, const StubEntry&) = default;
};

// The entries of DIR/XAPIANDB, in order; nullopt when there is no stub.
// "auto" and "glass" lines are local, "remote" ones remote; other lines
// Xapian understands are kOther.
std::optional<std::vector<StubEntry>> read_stub(const std::string& db_dir);

// Where a local entry's database is: DIR/target, or target when absolute.
std::string local_path(const std::string& db_dir, const StubEntry& entry);

// The shard a folder of a generation holds: "2020" of "2020" and of
// "2020.2" (the same shard rebuilt by an incremental run).
inline std::string_view shard_name(std::string_view folder) {
  return folder.substr(0, folder.find('.'));
}

// Replaces DIR/XAPIANDB with `entries` (local ones as "auto") atomically:
// written to a temporary file, synced, renamed over, and the rename synced.
// Readers see the old stub or the new one. kIo on failure.
Status write_stub(const std::string& db_dir, const std::vector<StubEntry>& entries);

}  // namespace eavesearch
