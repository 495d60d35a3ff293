// `eavesearch index`: the run over the whole --db DIR. The archive's files
// are split by shard (DESIGN.md 3), the shards are indexed side by side,
// and a database built from empty is compacted before readers get it.
#include <chrono>
#include <map>
#include <mutex>

#include "core/parallel.h"
#include "core/xapian_errors.h"
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
  for (const std::string& folder : generation.shards) out[std::string(shard_name(folder))];
  for (ArchiveFile& f : files)
    out[shard_of(generation.sharding, f.rel_path)].push_back(std::move(f));
  if (out.empty()) out[shard_of(generation.sharding, "")];
  return out;
}

// Whether a shard made now keeps its termlist (DESIGN.md 9). A full build
// (a generation made from nothing) leaves it out of every year but the
// newest, whose files still change: about 40% less CPU, and a year without
// one is rebuilt when a document of it must go (index_one_shard). One database,
// "undated" and a shard added to a live generation keep it.
bool keeps_termlist(const IndexOptions& options, bool full_build, const std::string& shard,
                    const std::string& newest_year) {
  return options.termlists || !full_build || !is_year(shard) || shard == newest_year;
}

// The shard rebuilt, with a termlist, beside its database (one without,
// where a document had to go, or --termlists): its compacted database's
// folder, and the run's report against the file states `before` it had.
Result<std::pair<std::string, IndexReport>> rebuild(
    const IndexOptions& options, const Generation& generation, const std::string& shard,
    const FileStates& before, const std::vector<ArchiveFile>& files,
    const std::set<std::string>& primary_stems, const WarningSink& warn,
    const std::function<void(const ArchiveFile&)>& file_done) {
  std::string folder;
  auto fresh = open_rebuilt_shard(options.db_dir, generation, shard, folder);
  if (!fresh) return fresh.error();
  auto report =
      rebuild_shard(*fresh, before, files, primary_stems, options.commit_docs, warn, file_done);
  if (!report) return report.error();
  Status closed = with_xapian_errors([&]() -> Status {
    fresh->close();
    return Ok{};
  });
  if (!closed) return closed.error();
  auto compacted = compact_rebuilt_shard(options.db_dir, generation, folder);
  if (!compacted) return compacted.error();
  return std::pair{std::move(*compacted), *report};
}

// One shard of a run, with its database opened.
struct Shard {
  std::string name;
  std::vector<ArchiveFile> files;
  std::optional<ShardDb> db;
  Result<IndexReport> report = IndexReport{};
  std::string rebuilt;  // the folder of its rebuilt database, if it was rebuilt
};

// Indexes the shard incrementally, or rebuilds it where it has no termlist
// and one is needed (a document to delete or replace, or --termlists), then
// closes its database; `count_file` is called once for each file either way.
void index_one_shard(const IndexOptions& options, const Generation& generation,
                     const std::set<std::string>& primary_stems, const WarningSink& warn,
                     const std::function<void(const ArchiveFile&)>& count_file, Shard& shard) {
  std::size_t files_done = 0;  // a rebuild reports progress past these only
  std::size_t files_redone = 0;
  auto file_done = [&](const ArchiveFile& file) {
    if (files_redone > 0) {
      --files_redone;
      return;
    }
    ++files_done;
    count_file(file);
  };
  // --termlists rebuilds a shard without one at once.
  auto run = options.termlists && !shard.db->has_termlist
                 ? with_xapian_errors([&]() -> Result<ShardRun> {
                     return ShardRun{{}, true, read_file_states(shard.db->db)};
                   })
                 : index_shard(shard.db->db, shard.db->has_termlist, shard.files, primary_stems,
                               options.commit_docs, warn, file_done);
  if (run && run->needs_rebuild) {
    files_redone = files_done;
    run->report = {};
    if (auto rebuilt = rebuild(options, generation, shard.name, run->states_before, shard.files,
                               primary_stems, warn, file_done)) {
      shard.rebuilt = rebuilt->first;
      run->report = rebuilt->second;
    } else {
      run = rebuilt.error();
    }
  }
  shard.report = run ? Result<IndexReport>(run->report) : Result<IndexReport>(run.error());
  try {
    shard.db->db.close();
  } catch (const Xapian::Error& e) {
    if (shard.report) shard.report = Error{ErrorCode::kIo, e.get_description()};
  }
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

  std::vector<Shard> shards;
  bool from_empty = true;
  const bool full_build = generation->shards.empty();
  auto by_shard = files_by_shard(std::move(*files), *generation);
  std::string newest_year;
  for (const auto& [name, shard_files] : by_shard) {
    if (is_year(name) && !shard_files.empty()) newest_year = std::max(newest_year, name);
  }
  for (auto& [name, shard_files] : by_shard) {
    auto db = open_shard(options.db_dir, *generation, name, !options.rebuild,
                         keeps_termlist(options, full_build, name, newest_year));
    if (!db) return db.error();
    from_empty = from_empty && db->db.get_doccount() == 0;
    shards.push_back({name, std::move(shard_files), std::move(*db), IndexReport{}, {}});
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
    index_one_shard(
        options, *generation, primary_stems, warn_locked,
        [&](const ArchiveFile& file) {
          std::lock_guard hold(sinks);
          ++progress.files_done;
          progress.bytes_done += file.size;
          if (options.progress) options.progress(progress);
        },
        shard);
  });
  IndexReport report;
  report.files_skipped = static_cast<int>(walk_warnings.size());
  for (const Shard& shard : shards) {
    if (!shard.report) return shard.report.error();
    add_report(report, *shard.report);
  }
  if (options.rebuild) report.committed = true;  // a new generation, even if empty

  // Rebuilt shards replace theirs in the stub at once.
  bool shards_rebuilt = false;
  for (const Shard& shard : shards) {
    if (shard.rebuilt.empty()) continue;
    for (std::string& folder : generation->shards) {
      if (shard_name(folder) == shard.name) folder = shard.rebuilt;
    }
    shards_rebuilt = true;
  }
  // A database built from empty is compacted into the generation readers
  // get; a rebuild switches to its new generation in any case.
  Generation live = *generation;
  if (from_empty && report.records_added > 0) {
    auto compacted = compact_generation(options.db_dir, *generation, jobs);
    if (!compacted) return compacted.error();
    live = std::move(*compacted);
  }
  if (options.rebuild || shards_rebuilt || live.name != generation->name) {
    if (auto switched = switch_generation(options.db_dir, live); !switched) {
      return switched.error();
    }
  }
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace eavesearch
