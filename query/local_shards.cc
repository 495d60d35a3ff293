#include "query/local_shards.h"

#include <sys/stat.h>

#include <algorithm>

#include "core/stub.h"

namespace eavesearch {
namespace {

// Identity of a file that is replaced (renamed over) when it changes.
bool append_file_id(const std::string& path, std::string& out) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  out += std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_size) + ";";
  return true;
}

}  // namespace

namespace {

// What the stub names: the local shards' paths, and how many remote
// databases. Without a stub, `dir` itself is the one local shard.
struct StubShards {
  std::vector<std::string> local;
  int remote = 0;
};

StubShards stub_shards(const std::string& dir) {
  StubShards out;
  auto entries = read_stub(dir);
  if (!entries) out.local.push_back(dir);
  for (const StubEntry& e : entries.value_or(std::vector<StubEntry>{})) {
    if (e.kind == StubEntry::Kind::kRemote) ++out.remote;
    if (e.kind == StubEntry::Kind::kLocal) out.local.push_back(local_path(dir, e));
  }
  return out;
}

}  // namespace

OpenedDatabase open_database(const std::string& dir) {
  StubShards stub = stub_shards(dir);
  OpenedDatabase out;
  out.remote = stub.remote;
  if (stub.remote > 0) {
    out.db = Xapian::Database(dir);
    return out;
  }
  for (const std::string& path : stub.local) {
    out.shards.push_back({path, Xapian::Database(path)});
    out.db.add_database(out.shards.back().db);
  }
  return out;
}

std::optional<std::string> index_version(const std::string& dir) {
  std::string version;
  if (!append_file_id(dir + "/XAPIANDB", version)) return std::nullopt;
  StubShards stub = stub_shards(dir);
  if (stub.remote > 0) return std::nullopt;
  for (const std::string& path : stub.local) {
    if (!append_file_id(path + "/iamglass", version)) return std::nullopt;
  }
  return version;
}

std::optional<std::int64_t> index_modified(const std::string& dir) {
  std::int64_t newest = 0;
  auto see = [&newest](const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    newest = std::max<std::int64_t>(newest, st.st_mtim.tv_sec);
    return true;
  };
  if (!see(dir + "/XAPIANDB")) return std::nullopt;
  StubShards stub = stub_shards(dir);
  if (stub.remote > 0) return std::nullopt;
  for (const std::string& path : stub.local) {
    if (!see(path + "/iamglass")) return std::nullopt;
  }
  return newest;
}

}  // namespace eavesearch
