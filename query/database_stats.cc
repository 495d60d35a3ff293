#include <algorithm>
#include <chrono>
#include <filesystem>

#include "core/stub.h"
#include "core/xapian_errors.h"
#include "eavesearch/schema.h"
#include "eavesearch/searcher.h"

namespace eavesearch {

Result<std::vector<std::pair<std::string, long>>> database_stats(const std::string& db_dir) {
  return with_xapian_errors([&]() -> Result<std::vector<std::pair<std::string, long>>> {
    if (!std::filesystem::exists(db_dir + "/XAPIANDB")) {
      return Error{ErrorCode::kUnavailable,
                   "no eavesearch database at " + db_dir + " (eavesearch index makes one)"};
    }
    Xapian::Database db(db_dir);
    std::vector<std::pair<std::string, long>> out;
    for (std::string_view type : {kTypeRecord, kTypeMeeting}) {
      out.emplace_back(
          std::string(type),
          static_cast<long>(db.get_termfreq(std::string(fields::kType.prefix).append(type))));
    }
    out.emplace_back("total", static_cast<long>(db.get_doccount()));
    // Each database the stub names on this machine (a remote one, served by
    // xapian-tcpsrv, is counted in the totals only); the live generation's
    // files only: others are leftovers the next run removes.
    std::vector<std::pair<std::string, long>> shards;
    long revision = 0, databases = 0;
    std::uintmax_t bytes = 0;
    auto newest = std::filesystem::file_time_type::min();  // (its epoch is not 1970)
    for (const StubEntry& e : read_stub(db_dir).value_or(std::vector<StubEntry>{})) {
      ++databases;
      if (e.kind != StubEntry::Kind::kLocal) continue;
      std::string path = local_path(db_dir, e);
      Xapian::Database shard(path);
      revision += static_cast<long>(shard.get_revision());
      if (auto slash = e.target.find('/'); slash != std::string::npos) {
        // "gen-2/2020", or "gen-2/2020.2" once the indexer rebuilt it.
        shards.emplace_back("shard:" + std::string(shard_name(e.target.substr(slash + 1))),
                            static_cast<long>(shard.get_doccount()));
      }
      std::error_code ec;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
        if (!entry.is_regular_file(ec)) continue;
        bytes += entry.file_size(ec);
        newest = std::max(newest, entry.last_write_time(ec));
      }
    }
    out.emplace_back("revision", revision);  // the sum of the shards' commits
    out.emplace_back("shards", databases);
    out.insert(out.end(), shards.begin(), shards.end());
    out.emplace_back("size_bytes", static_cast<long>(bytes));
    auto age = std::filesystem::file_time_type::clock::now() - newest;
    out.emplace_back(
        "age_seconds",
        static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(age).count()));
    return out;
  });
}

}  // namespace eavesearch
