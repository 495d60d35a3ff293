#include <algorithm>
#include <chrono>
#include <filesystem>

#include "core/stub.h"
#include "core/xapian_errors.h"
#include "eavesearch/schema.h"
#include "eavesearch/searcher.h"
#include "query/xapian_query.h"

namespace eavesearch {
namespace {

long type_count(const Xapian::Database& db, std::string_view type) {
  return static_cast<long>(db.get_termfreq(std::string(fields::kType.prefix).append(type)));
}

// Records by kind ("say", "bot", "join", ...), most first.
std::vector<std::pair<std::string, long>> kinds_of(const Xapian::Database& db) {
  std::vector<std::pair<std::string, long>> out;
  std::string prefix(fields::kKind.prefix);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    out.emplace_back((*it).substr(prefix.size()), static_cast<long>(it.get_termfreq()));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

// The size of the files under `path` and when the newest changed.
std::pair<std::uint64_t, std::filesystem::file_time_type> files_of(const std::string& path) {
  std::uint64_t bytes = 0;
  auto newest = std::filesystem::file_time_type::min();  // (its epoch is not 1970)
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    bytes += entry.file_size(ec);
    newest = std::max(newest, entry.last_write_time(ec));
  }
  return {bytes, newest};
}

std::int64_t epoch_seconds(std::filesystem::file_time_type t) {
  auto system = std::chrono::file_clock::to_sys(t);
  return std::chrono::duration_cast<std::chrono::seconds>(system.time_since_epoch()).count();
}

}  // namespace

Result<DatabaseStats> database_stats(const std::string& db_dir) {
  return with_xapian_errors([&]() -> Result<DatabaseStats> {
    if (!std::filesystem::exists(db_dir + "/XAPIANDB")) {
      return Error{ErrorCode::kUnavailable,
                   "no eavesearch database at " + db_dir + " (eavesearch index makes one)"};
    }
    Xapian::Database db(db_dir);
    DatabaseStats out;
    out.records = type_count(db, kTypeRecord);
    out.meetings = type_count(db, kTypeMeeting);
    out.documents = static_cast<long>(db.get_doccount());
    out.by_kind = kinds_of(db);
    if (auto span = time_span(db)) out.logs_until = static_cast<std::int64_t>(span->last);
    // Each database the stub names on this machine (a remote one, served by
    // xapian-tcpsrv, is counted in the totals only); the live generation's
    // files only: others are leftovers the next run removes.
    auto newest = std::filesystem::file_time_type::min();
    for (const StubEntry& e : read_stub(db_dir).value_or(std::vector<StubEntry>{})) {
      ++out.databases;
      if (e.kind != StubEntry::Kind::kLocal) continue;
      std::string path = local_path(db_dir, e);
      Xapian::Database shard(path);
      ShardStats s;
      // "gen-2/2020", or "gen-2/2020.2" once the indexer rebuilt it.
      std::size_t slash = e.target.find('/');
      s.name = std::string(
          shard_name(slash == std::string::npos ? e.target : e.target.substr(slash + 1)));
      s.documents = static_cast<long>(shard.get_doccount());
      if (auto span = time_span(shard)) {
        s.first = static_cast<std::int64_t>(span->first);
        s.last = static_cast<std::int64_t>(span->last);
      }
      auto [bytes, changed] = files_of(path);
      s.bytes = bytes;
      out.bytes += bytes;
      newest = std::max(newest, changed);
      out.shards.push_back(std::move(s));
    }
    if (newest != std::filesystem::file_time_type::min()) out.last_commit = epoch_seconds(newest);
    return out;
  });
}

}  // namespace eavesearch
