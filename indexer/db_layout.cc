#include "indexer/db_layout.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "core/parallel.h"
#include "core/stub.h"
#include "core/xapian_errors.h"
#include "eavesearch/archive_names.h"
#include "eavesearch/schema.h"

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
constexpr std::string_view kUndated = "undated";
// In a shard's metadata when it was made without a termlist: it must then
// be opened with DB_NO_TERMLIST.
constexpr std::string_view kTermlistKey = "eavesearch:termlist";
constexpr std::string_view kNoTermlist = "none";

Error not_our_stub(const std::string& stub) {
  return Error{ErrorCode::kCorrupt, stub + " is not a stub eavesearch wrote"};
}

// The generation the stub names; nullopt when there is no stub yet.
Result<std::optional<Generation>> live_generation(const std::string& db_dir) {
  auto entries = read_stub(db_dir);
  if (!entries) return std::optional<Generation>();
  std::string stub = db_dir + "/XAPIANDB";
  Generation g;
  for (const StubEntry& e : *entries) {
    std::size_t slash = e.target.find('/');
    std::string name = e.target.substr(0, slash);
    std::string shard = slash == std::string::npos ? "" : e.target.substr(slash + 1);
    bool first = g.name.empty();
    Sharding sharding = shard.empty() ? Sharding::kNone : Sharding::kYear;
    if (e.kind != StubEntry::Kind::kLocal || !name.starts_with(kGenerationPrefix) ||
        shard.find('/') != std::string::npos ||
        (!first && (name != g.name || sharding != g.sharding))) {
      return not_our_stub(stub);
    }
    g.name = name;
    g.sharding = sharding;
    g.shards.push_back(shard);
  }
  if (g.name.empty()) return not_our_stub(stub);
  return std::optional<Generation>(std::move(g));
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

std::string shard_path(const std::string& db_dir, const Generation& g, const std::string& folder) {
  return db_dir + "/" + g.name + (folder.empty() ? "" : "/" + folder);
}

// The generation's folder holding `shard` ("2020.2" for "2020"); nullopt
// when it has none yet.
std::optional<std::string> folder_of(const Generation& g, std::string_view shard) {
  for (const std::string& folder : g.shards) {
    if (shard_name(folder) == shard) return folder;
  }
  return std::nullopt;
}

// Shard folders in a generation that its stub entries do not name: what a
// killed rebuild of a shard left, or the folder a rebuilt one replaced.
void remove_unnamed_shards(const std::string& db_dir, const Generation& g) {
  if (g.sharding == Sharding::kNone) return;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(db_dir + "/" + g.name, ec)) {
    std::string folder = entry.path().filename().string();
    if (std::find(g.shards.begin(), g.shards.end(), folder) == g.shards.end()) {
      fs::remove_all(entry.path(), ec);
    }
  }
}

// "<shard>.K" with K past every folder of the shard in the generation's
// folder, named or not.
std::string next_shard_folder(const std::string& db_dir, const Generation& g,
                              std::string_view shard) {
  long last = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(db_dir + "/" + g.name, ec)) {
    std::string folder = entry.path().filename().string();
    if (shard_name(folder) != shard || folder.size() == shard.size()) continue;
    last = std::max(last, std::strtol(folder.c_str() + shard.size() + 1, nullptr, 10));
  }
  return std::string(shard) + "." + std::to_string(last + 1);
}

Xapian::WritableDatabase open_writable(const std::string& path, bool has_termlist) {
  return Xapian::WritableDatabase(path,
                                  Xapian::DB_OPEN | (has_termlist ? 0 : Xapian::DB_NO_TERMLIST));
}

}  // namespace

bool is_year(std::string_view s) {
  return s.size() == 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string shard_of(Sharding sharding, std::string_view rel_path) {
  if (sharding == Sharding::kNone) return "";
  // The date in the name: "#chan.2020-05-14.log", "tc.2020-05-14-15.00.log.txt".
  if (auto date = date_in_name(rel_path)) return std::string(date->substr(0, 4));
  std::string_view name = rel_path.substr(rel_path.rfind('/') + 1);
  // Else a year folder: "meetings/tc/2020/...".
  std::string_view dirs = rel_path.substr(0, rel_path.size() - name.size());
  for (std::size_t end = dirs.rfind('/'); end != std::string_view::npos && end > 0;
       end = dirs.rfind('/', end - 1)) {
    std::size_t begin = dirs.rfind('/', end - 1);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    if (is_year(dirs.substr(begin, end - begin)))
      return std::string(dirs.substr(begin, end - begin));
    if (begin == 0) break;
  }
  return std::string(kUndated);
}

Status switch_generation(const std::string& db_dir, const Generation& generation) {
  std::vector<StubEntry> entries;
  for (const std::string& shard : generation.shards) {
    entries.push_back(
        {StubEntry::Kind::kLocal, generation.name + (shard.empty() ? "" : "/" + shard)});
  }
  return write_stub(db_dir, entries);
}

Result<Generation> open_live_generation(const std::string& db_dir, std::optional<Sharding> want) {
  auto live = live_generation(db_dir);
  if (!live) return live.error();
  if (!*live) {
    // Without a stub, a generation folder is what a run killed while making
    // the database left: made afresh.
    remove_other_generations(db_dir, "");
    return Generation{"gen-1", want.value_or(Sharding::kYear), {}};
  }
  Generation g = std::move(**live);
  if (want && *want != g.sharding) {
    return Error{ErrorCode::kUsage,
                 db_dir + " is " +
                     (g.sharding == Sharding::kYear ? "sharded by year" : "one database") +
                     "; another --shards needs --rebuild"};
  }
  remove_other_generations(db_dir, g.name);
  remove_unnamed_shards(db_dir, g);
  return g;
}

Result<Generation> open_new_generation(const std::string& db_dir, Sharding sharding) {
  auto live = live_generation(db_dir);
  if (!live) return live.error();
  remove_other_generations(db_dir, *live ? (*live)->name : "");
  return Generation{next_generation(db_dir), sharding, {}};
}

Result<ShardDb> open_shard(const std::string& db_dir, Generation& generation,
                           const std::string& shard, bool live, bool termlist) {
  if (auto folder = folder_of(generation, shard)) {
    std::string path = shard_path(db_dir, generation, *folder);
    auto opened = with_xapian_errors([&]() -> Result<ShardDb> {
      bool has_termlist =
          Xapian::Database(path).get_metadata(std::string(kTermlistKey)) != kNoTermlist;
      ShardDb shard_db{open_writable(path, has_termlist), has_termlist, path};
      Xapian::WritableDatabase& db = shard_db.db;
      if (db.get_metadata(std::string(kSchemaKey)) != kSchemaVersion) {
        if (db.get_doccount() > 0) {
          return Error{ErrorCode::kUsage, path +
                                              " was made by an eavesearch whose documents "
                                              "differ: index --rebuild makes it anew"};
        }
        db.set_metadata(std::string(kSchemaKey), std::string(kSchemaVersion));
      }
      return shard_db;
    });
    if (!opened) return error_at(path, opened.error());
    return opened;
  }
  std::string path = shard_path(db_dir, generation, shard);
  std::error_code ec;
  fs::remove_all(path, ec);  // what a killed run left of it
  fs::create_directories(fs::path(path).parent_path(), ec);
  auto db = with_xapian_errors([&]() -> Result<ShardDb> {
    ShardDb made{
        Xapian::WritableDatabase(path, Xapian::DB_CREATE | (termlist ? 0 : Xapian::DB_NO_TERMLIST)),
        termlist, path};
    made.db.set_metadata(std::string(kSchemaKey), std::string(kSchemaVersion));
    if (!termlist) made.db.set_metadata(std::string(kTermlistKey), std::string(kNoTermlist));
    made.db.commit();  // before the stub names it: read by the next run's open_shard
    return made;
  });
  if (!db) return error_at(path, db.error());
  generation.shards.push_back(shard);
  std::sort(generation.shards.begin(), generation.shards.end());
  if (live) {
    if (auto switched = switch_generation(db_dir, generation); !switched) return switched.error();
  }
  return db;
}

Result<Xapian::WritableDatabase> open_rebuilt_shard(const std::string& db_dir,
                                                    const Generation& generation,
                                                    const std::string& shard, std::string& folder) {
  folder = next_shard_folder(db_dir, generation, shard);
  std::string path = shard_path(db_dir, generation, folder);
  auto made = with_xapian_errors([&]() -> Result<Xapian::WritableDatabase> {
    Xapian::WritableDatabase fresh(path, Xapian::DB_CREATE);
    fresh.set_metadata(std::string(kSchemaKey), std::string(kSchemaVersion));
    return fresh;
  });
  if (!made) return error_at(path, made.error());
  return made;
}

void remove_rebuilt_shard(const std::string& db_dir, const Generation& generation,
                          const std::string& folder) {
  std::error_code ec;
  fs::remove_all(shard_path(db_dir, generation, folder), ec);
}

Result<std::string> compact_rebuilt_shard(const std::string& db_dir, const Generation& generation,
                                          const std::string& folder) {
  std::string_view shard = shard_name(folder);
  std::string target = next_shard_folder(db_dir, generation, shard);
  std::string built = shard_path(db_dir, generation, folder);
  std::string target_path = shard_path(db_dir, generation, target);
  Status compacted = with_xapian_errors([&]() -> Status {
    Xapian::Database(built).compact(target_path);
    return Ok{};
  });
  if (!compacted) return error_at(target_path, compacted.error());
  std::error_code ec;
  fs::remove_all(built, ec);  // never named: readers never had it
  return target;
}

Result<Generation> compact_generation(const std::string& db_dir, const Generation& generation,
                                      int jobs) {
  Generation target{next_generation(db_dir), generation.sharding, {}};
  for (const std::string& folder : generation.shards)
    target.shards.emplace_back(shard_name(folder));
  std::vector<Status> done(generation.shards.size(), Ok{});
  run_parallel(generation.shards.size(), jobs, [&](std::size_t k) {
    const std::string& folder = generation.shards[k];
    std::string target_path = shard_path(db_dir, target, target.shards[k]);
    done[k] = with_xapian_errors([&]() -> Status {
      if (!folder.empty()) fs::create_directories(db_dir + "/" + target.name);
      Xapian::Database(shard_path(db_dir, generation, folder)).compact(target_path);
      return Ok{};
    });
    if (!done[k]) done[k] = error_at(target_path, done[k].error());
  });
  for (const Status& s : done) {
    if (!s) return s.error();
  }
  return target;
}

}  // namespace eavesearch
