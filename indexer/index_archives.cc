// `eavesearch index`: the run over the whole --db DIR. The archive's files
// are split by shard (DESIGN.md 3), the shards are indexed side by side,
// and a database built from empty is compacted before readers get it.
#include <chrono>
#include <map>
#include <mutex>

#include "core/parallel.h"
#include "eavesearch/indexer.h"
#include "indexer/archive_walker.h"
#include "indexer/db_layout.h"
#include "indexer/index_run.h"

namespace eavesearch {
namespace {

void add_report(IndexReport& total, const IndexReport& shard) {
  total.files_seen += shard.files_seen;
  total.files_new += shard.files_new;
  total.files_changed += shard.files_changed;
  total.files_removed += shard.files_removed;
  total.files_unchanged += shard.files_unchanged;
  total.files_skipped += shard.files_skipped;
  total.files_other += shard.files_other;
  total.records_added += shard.records_added;
  total.records_removed += shard.records_removed;
  total.malformed_lines += shard.malformed_lines;
  total.committed = total.committed || shard.committed;
}

// The archive's files by shard, with every shard the generation has (a
// shard whose files are all gone still has records to remove) and at least
// one (a stub naming no database could not be searched).
std::map<std::string, std::vector<ArchiveFile>> files_by_shard(std::vector<ArchiveFile> files,
                                                               const Generation& generation) {
  std::map<std::string, std::vector<ArchiveFile>> out;
  for (const std::string& shard : generation.shards) out[shard];
  for (ArchiveFile& f : files)
    out[shard_of(generation.sharding, f.rel_path)].push_back(std::move(f));
  if (out.empty()) out[shard_of(generation.sharding, "")];
  return out;
}

}  // namespace

Result<IndexReport> index_archives(const IndexOptions& options, const WarningSink& warn) {
  auto started = std::chrono::steady_clock::now();
  if (options.commit_docs < 1) return Error{ErrorCode::kUsage, "commit_docs must be 1 or more"};
  auto lock = WriterLock::acquire(options.db_dir);
  if (!lock) return lock.error();
  std::vector<std::string> walk_warnings;
  auto files = walk_archives(options.archives, walk_warnings);
  if (!files) return files.error();
  auto generation =
      options.rebuild
          ? open_new_generation(options.db_dir, options.sharding.value_or(Sharding::kYear))
          : open_live_generation(options.db_dir, options.sharding);
  if (!generation) return generation.error();
  const std::set<std::string> primary_stems = stems_with_log_txt(*files);
  IndexProgress progress;
  progress.files_total = static_cast<long>(files->size());
  for (const ArchiveFile& f : *files) progress.bytes_total += f.size;

  // Each shard's database, opened (made, and named in the stub) here.
  struct Shard {
    std::vector<ArchiveFile> files;
    std::optional<Xapian::WritableDatabase> db;
    Result<IndexReport> report = IndexReport{};
  };
  std::vector<Shard> shards;
  bool from_empty = true;
  for (auto& [name, shard_files] : files_by_shard(std::move(*files), *generation)) {
    auto db = open_shard(options.db_dir, *generation, name, !options.rebuild);
    if (!db) return db.error();
    from_empty = from_empty && db->get_doccount() == 0;
    shards.push_back({std::move(shard_files), std::move(*db)});
  }
  // The biggest first, so that the last to finish is a small one.
  auto bytes = [](const Shard& s) {
    std::uint64_t n = 0;
    for (const ArchiveFile& f : s.files) n += f.size;
    return n;
  };
  std::stable_sort(shards.begin(), shards.end(),
                   [&](const Shard& a, const Shard& b) { return bytes(a) > bytes(b); });

  std::mutex sinks;  // warnings and progress come from every builder
  auto warn_locked = [&](const std::string& w) {
    std::lock_guard hold(sinks);
    warn(w);
  };
  for (const std::string& w : walk_warnings) warn(w);
  int jobs = job_count(options.jobs);
  run_parallel(shards.size(), jobs, [&](std::size_t k) {
    Shard& shard = shards[k];
    shard.report = index_shard(*shard.db, shard.files, primary_stems, options.commit_docs,
                               warn_locked, [&](const ArchiveFile& file) {
                                 std::lock_guard hold(sinks);
                                 ++progress.files_done;
                                 progress.bytes_done += file.size;
                                 if (options.progress) options.progress(progress);
                               });
    try {
      shard.db->close();
    } catch (const Xapian::Error& e) {
      if (shard.report) shard.report = Error{ErrorCode::kIo, e.get_description()};
    }
  });
  IndexReport report;
  report.files_skipped = static_cast<int>(walk_warnings.size());
  for (const Shard& shard : shards) {
    if (!shard.report) return shard.report.error();
    add_report(report, *shard.report);
  }
  if (options.rebuild) report.committed = true;  // a new generation, even if empty

  // A database built from empty is compacted into the generation readers
  // get; a rebuild switches to its new generation in any case.
  Generation live = *generation;
  if (from_empty && report.records_added > 0) {
    auto compacted = compact_generation(options.db_dir, *generation, jobs);
    if (!compacted) return compacted.error();
    live = std::move(*compacted);
  }
  if (options.rebuild || live.name != generation->name) {
    if (auto switched = switch_generation(options.db_dir, live); !switched) {
      return switched.error();
    }
  }
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace eavesearch
