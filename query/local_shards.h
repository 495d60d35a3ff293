// Private to query/: the stub DIR/XAPIANDB read once, for opening the
// database shard by shard and for telling when the index changed.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace eavesearch {

// What the stub names: the local shards' paths (its "auto <path>" lines,
// indexer/db_layout.h, made absolute), and how many remote databases.
// Without a stub, `dir` itself is the one local shard.
struct StubShards {
  std::vector<std::string> local;
  int remote = 0;
};
StubShards read_stub(const std::string& dir);

// A local shard as a Searcher opened it: its path, and the database (which
// shares its state with the Searcher's combined database, so it follows
// reopen()).
struct LocalShard {
  std::string path;
  Xapian::Database db;
};

// The database at `dir` as Xapian would open it, and its shards when they
// are all local (otherwise none, and how many are remote).
struct OpenedDatabase {
  Xapian::Database db;
  std::vector<LocalShard> shards;
  int remote = 0;
};
OpenedDatabase open_database(const std::string& dir);

// What changes whenever the index at `dir` does: the identity of its stub
// and of the version file every commit of each shard replaces (Glass's
// iamglass). nullopt when that cannot be seen from here (no stub, or
// remote shards).
std::optional<std::string> index_version(const std::string& dir);

}  // namespace eavesearch
