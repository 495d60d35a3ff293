#include "indexer/db_layout.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <vector>

#include "core/xapian_errors.h"

namespace eavesearch {
namespace fs = std::filesystem;

Result<WriterLock> WriterLock::acquire(const std::string& db_dir) {
  std::error_code ec;
  fs::create_directories(db_dir, ec);
  if (ec) return Error{ErrorCode::kIo, "cannot create " + db_dir + ": " + ec.message()};
  std::string path = db_dir + "/lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Error{ErrorCode::kIo, "cannot open " + path + ": " + std::strerror(errno)};
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return Error{ErrorCode::kLocked, db_dir + " is locked by another eavesearch index"};
    }
    return Error{ErrorCode::kIo, "cannot lock " + path + ": " + std::strerror(err)};
  }
  return WriterLock(fd);
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {

constexpr std::string_view kGenerationPrefix = "gen-";

// The generation the stub names; "" when there is no stub yet.
Result<std::string> live_generation(const std::string& db_dir) {
  std::string stub = db_dir + "/XAPIANDB";
  std::ifstream in(stub);
  if (!in) return std::string();
  std::string backend, generation;
  if (!(in >> backend >> generation) || backend != "auto" ||
      !generation.starts_with(kGenerationPrefix) || generation.find('/') != std::string::npos) {
    return Error{ErrorCode::kCorrupt, stub + " is not a stub eavesearch wrote"};
  }
  return generation;
}

// The gen-N folders in DIR.
std::vector<std::pair<long, std::string>> generations(const std::string& db_dir) {
  std::vector<std::pair<long, std::string>> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(db_dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_directory() || !name.starts_with(kGenerationPrefix)) continue;
    char* end = nullptr;
    long n = std::strtol(name.c_str() + kGenerationPrefix.size(), &end, 10);
    if (end && *end == '\0' && n > 0) out.emplace_back(n, name);
  }
  return out;
}

void remove_other_generations(const std::string& db_dir, const std::string& keep) {
  for (const auto& [n, name] : generations(db_dir)) {
    std::error_code ec;
    if (name != keep) fs::remove_all(db_dir + "/" + name, ec);
  }
}

// The name after the highest gen-N in DIR.
std::string next_generation(const std::string& db_dir) {
  long last = 0;
  for (const auto& [n, name] : generations(db_dir)) last = std::max(last, n);
  return std::string(kGenerationPrefix) + std::to_string(last + 1);
}

}  // namespace

Status switch_generation(const std::string& db_dir, const std::string& generation) {
  std::string stub = db_dir + "/XAPIANDB";
  std::string tmp = stub + ".tmp";
  std::string content = "auto " + generation + "\n";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Error{ErrorCode::kIo, "cannot write " + tmp + ": " + std::strerror(errno)};
  bool written =
      ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  written = ::fsync(fd) == 0 && written;
  ::close(fd);
  if (!written) return Error{ErrorCode::kIo, "cannot write " + tmp + ": " + std::strerror(errno)};
  if (::rename(tmp.c_str(), stub.c_str()) != 0) {
    return Error{ErrorCode::kIo, "cannot replace " + stub + ": " + std::strerror(errno)};
  }
  int dir = ::open(db_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);  // the rename itself outlives a crash
    ::close(dir);
  }
  return Ok{};
}

Result<std::pair<Xapian::WritableDatabase, std::string>> open_live_generation(
    const std::string& db_dir) {
  auto live = live_generation(db_dir);
  if (!live) return live.error();
  // Without a stub, a generation folder is what a run killed while making
  // the database left: made afresh.
  std::string generation = live->empty() ? "gen-1" : *live;
  remove_other_generations(db_dir, live->empty() ? "" : generation);
  auto db = with_xapian_errors([&]() -> Result<Xapian::WritableDatabase> {
    return Xapian::WritableDatabase(db_dir + "/" + generation, Xapian::DB_CREATE_OR_OPEN);
  });
  if (!db) return db.error();
  if (live->empty()) {
    if (auto switched = switch_generation(db_dir, generation); !switched) return switched.error();
  }
  return std::pair{std::move(*db), generation};
}

Result<std::string> compact_generation(const std::string& db_dir, const std::string& generation) {
  std::string target = next_generation(db_dir);
  return with_xapian_errors([&]() -> Result<std::string> {
    Xapian::Database(db_dir + "/" + generation).compact(db_dir + "/" + target);
    return target;
  });
}

Result<std::pair<Xapian::WritableDatabase, std::string>> open_new_generation(
    const std::string& db_dir) {
  auto live = live_generation(db_dir);
  if (!live) return live.error();
  remove_other_generations(db_dir, *live);
  std::string generation = next_generation(db_dir);
  return with_xapian_errors([&]() -> Result<std::pair<Xapian::WritableDatabase, std::string>> {
    return std::pair{
        Xapian::WritableDatabase(db_dir + "/" + generation, Xapian::DB_CREATE_OR_OVERWRITE),
        generation};
  });
}

}  // namespace eavesearch
