// Private to query/: the database at DIR opened shard by shard (its stub
// read by core/stub.h), and what tells when the index changed.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eavesearch {

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

// The newest modification time (seconds) of the files index_version reads;
// nullopt when it would be.
std::optional<std::int64_t> index_modified(const std::string& dir);

}  // namespace eavesearch
