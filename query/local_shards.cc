#include "query/local_shards.h"

#include <sys/stat.h>

#include <fstream>

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

StubShards read_stub(const std::string& dir) {
  StubShards out;
  std::ifstream stub(dir + "/XAPIANDB");
  if (!stub) out.local.push_back(dir);
  for (std::string line; std::getline(stub, line);) {
    if (line.starts_with("remote ")) {
      ++out.remote;
    } else if (line.starts_with("auto ")) {
      std::string path = line.substr(5);
      out.local.push_back(path.starts_with('/') ? path : dir + "/" + path);
    }
  }
  return out;
}

OpenedDatabase open_database(const std::string& dir) {
  StubShards stub = read_stub(dir);
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
  StubShards stub = read_stub(dir);
  if (stub.remote > 0) return std::nullopt;
  for (const std::string& path : stub.local) {
    if (!append_file_id(path + "/iamglass", version)) return std::nullopt;
  }
  return version;
}

}  // namespace eavesearch
