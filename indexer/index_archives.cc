// `eavesearch index`: the run over the whole --db DIR. The archive's files
// are split by shard (DESIGN.md 3), the shards are indexed side by side,
// and a database built from empty is compacted before readers get it.
#include <chrono>
#include <map>
#include <mutex>

#include "core/parallel.h"
#include "core/stub.h"
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
  total.files_unreadable += shard.files_unreadable;
  total.files_other += shard.files_other;
  total.records_added += shard.records_added;
  total.records_removed += shard.records_removed;
  total.malformed_lines += shard.malformed_lines;
  total.lines_cut += shard.lines_cut;
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
// folder, and the run's report against the file states `before` it had;
// nullopt when the rebuild was abandoned, as a file whose records it holds
// could not be read (the fresh database is then removed).
using RebuiltShard = std::optional<std::pair<std::string, IndexReport>>;
Result<RebuiltShard> rebuild(const IndexOptions& options, const Generation& generation,
                             const std::string& shard, const FileStates& before,
                             const std::vector<ArchiveFile>& files, const RunInputs& inputs,
                             const WarningSink& warn,
                             const std::function<void(const ArchiveFile&)>& file_done) {
  std::string folder;
  auto fresh = open_rebuilt_shard(options.db_dir, generation, shard, folder);
  if (!fresh) return fresh.error();
  auto rebuilt = rebuild_shard(*fresh, before, files, inputs, warn, file_done);
  if (!rebuilt) return rebuilt.error();
  Status closed = with_xapian_errors([&]() -> Status {
    fresh->close();
    return Ok{};
  });
  if (!closed) return closed.error();
  if (rebuilt->abandoned) {
    remove_rebuilt_shard(options.db_dir, generation, folder);
    return RebuiltShard();
  }
  auto compacted = compact_rebuilt_shard(options.db_dir, generation, folder);
  if (!compacted) return compacted.error();
  return RebuiltShard(std::pair{std::move(*compacted), rebuilt->report});
}

// One shard of a run, with its database opened.
struct Shard {
  std::string name;
  std::vector<ArchiveFile> files;
  std::optional<ShardDb> db;
  Result<IndexReport> report = IndexReport{};
  std::string rebuilt;  // the folder of its rebuilt database, if it was rebuilt
};

// The paths of the files `shards` hold records of that `unreadable` covers:
// unseen, but kept.
Result<FileStates> kept_files(const std::vector<Shard>& shards, const UnreadablePaths& unreadable) {
  return with_xapian_errors([&]() -> Result<FileStates> {
    FileStates kept;
    for (const Shard& shard : shards) {
      for (auto& [path, state] : read_file_states(shard.db->db)) {
        if (unreadable.covers(path)) kept.emplace(path, std::move(state));
      }
    }
    return kept;
  });
}

// The files the walk listed and, as the index holds them, those it kept
// unread: where the index's logs are, for their series' next meetings.
std::vector<ArchiveFile> with_kept(std::vector<ArchiveFile> files, const FileStates& kept) {
  std::string root;  // the archive's, from a file listed: abs_path is root + rel_path
  if (!files.empty()) {
    const ArchiveFile& f = files.front();
    root = f.abs_path.substr(0, f.abs_path.size() - f.rel_path.size());
  }
  for (const auto& [path, state] : kept) {
    files.push_back({root + path, path, state.size, state.mtime_ns});
  }
  return files;
}

// Indexes the shard incrementally, or rebuilds it where it has no termlist
// and one is needed (a document to delete or replace, or --termlists), then
// closes its database; `count_file` is called once for each file either way.
// A rebuild that cannot read a file of the shard leaves the shard as the
// incremental pass left it: its other changes wait for a run that can.
void index_one_shard(const IndexOptions& options, const Generation& generation,
                     const RunInputs& inputs, const WarningSink& warn,
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
  auto run =
      options.termlists && !shard.db->has_termlist
          ? with_xapian_errors([&]() -> Result<ShardRun> {
              return ShardRun{{}, true, read_file_states(shard.db->db)};
            })
          : index_shard(shard.db->db, shard.db->has_termlist, shard.files, inputs, warn, file_done);
  if (run && run->needs_rebuild) {
    files_redone = files_done;
    auto rebuilt = rebuild(options, generation, shard.name, run->states_before, shard.files, inputs,
                           warn, file_done);
    if (!rebuilt) {
      run = rebuilt.error();
    } else if (*rebuilt) {
      shard.rebuilt = (*rebuilt)->first;
      run->report = (*rebuilt)->second;
    } else {
      warn("shard " + shard.name + ": not rebuilt, as a file of it could not be read (named " +
           "above): it stays as it was, and its other changes wait for the next run");
      ++run->report.files_skipped;
      ++run->report.files_unreadable;
    }
  }
  shard.report = run ? Result<IndexReport>(run->report)
                     : Result<IndexReport>(error_at(shard.db->path, run.error()));
  Status closed = with_xapian_errors([&]() -> Status {
    shard.db->db.close();
    return Ok{};
  });
  if (!closed && shard.report) shard.report = error_at(shard.db->path, closed.error());
}

// The shards of `generation` that `files` go to, opened for writing, the
// biggest first, so that the last to finish is a small one. `from_empty`
// says whether they all were empty.
Result<std::vector<Shard>> open_shards(const IndexOptions& options, Generation& generation,
                                       std::vector<ArchiveFile> files, bool& from_empty) {
  const bool full_build = generation.shards.empty();
  auto by_shard = files_by_shard(std::move(files), generation);
  std::string newest_year;
  for (const auto& [name, shard_files] : by_shard) {
    if (is_year(name) && !shard_files.empty()) newest_year = std::max(newest_year, name);
  }
  std::vector<Shard> shards;
  from_empty = true;
  for (auto& [name, shard_files] : by_shard) {
    auto db = open_shard(options.db_dir, generation, name, !options.rebuild,
                         keeps_termlist(options, full_build, name, newest_year));
    if (!db) return db.error();
    from_empty = from_empty && db->db.get_doccount() == 0;
    shards.push_back({name, std::move(shard_files), std::move(*db), IndexReport{}, {}});
  }
  auto bytes = [](const Shard& s) {
    std::uint64_t n = 0;
    for (const ArchiveFile& f : s.files) n += f.size;
    return n;
  };
  std::stable_sort(shards.begin(), shards.end(),
                   [&](const Shard& a, const Shard& b) { return bytes(a) > bytes(b); });
  return shards;
}

// Readers get the run's work: rebuilt shards replace theirs in the stub; a
// database built from empty is compacted into the generation readers get;
// a rebuild switches to its new generation in any case.
Status publish(const IndexOptions& options, Generation generation, const std::vector<Shard>& shards,
               bool compact, int jobs) {
  bool shards_rebuilt = false;
  for (const Shard& shard : shards) {
    if (shard.rebuilt.empty()) continue;
    for (std::string& folder : generation.shards) {
      if (shard_name(folder) == shard.name) folder = shard.rebuilt;
    }
    shards_rebuilt = true;
  }
  Generation live = generation;
  if (compact) {
    auto compacted = compact_generation(options.db_dir, generation, jobs);
    if (!compacted) return compacted.error();
    live = std::move(*compacted);
  }
  if (options.rebuild || shards_rebuilt || live.name != generation.name) {
    return switch_generation(options.db_dir, live);
  }
  return Ok{};
}

// index_archives, which maps what this throws.
Result<IndexReport> run_index(const IndexOptions& options, const WarningSink& warn) {
  auto started = std::chrono::steady_clock::now();
  if (options.commit_docs < 1) return Error{ErrorCode::kUsage, "commit_docs must be 1 or more"};
  auto lock = WriterLock::acquire(options.db_dir);
  if (!lock) return lock.error();
  const bool had_live = read_stub(options.db_dir).has_value();
  auto walk = walk_archives(options.archives);
  if (!walk) return walk.error();
  auto generation =
      options.rebuild
          ? open_new_generation(options.db_dir, options.sharding.value_or(Sharding::kYear))
          : open_live_generation(options.db_dir, options.sharding);
  if (!generation) return generation.error();
  std::set<std::string> primary_stems = stems_with_log_txt(walk->files);
  std::vector<ArchiveFile> listed = walk->files;
  IndexProgress progress;
  progress.files_total = static_cast<long>(walk->files.size());
  for (const ArchiveFile& f : walk->files) progress.bytes_total += f.size;
  bool from_empty = true;
  auto shards = open_shards(options, *generation, std::move(walk->files), from_empty);
  if (!shards) return shards.error();
  FileStates kept;
  if (!walk->unreadable.empty()) {
    auto states = kept_files(*shards, walk->unreadable);
    if (!states) return states.error();
    kept = std::move(*states);
    std::vector<std::string> paths;
    for (const auto& [path, state] : kept) paths.push_back(path);
    primary_stems.merge(stems_with_log_txt({}, paths));
  }
  const SeriesNext series_next = next_meetings(with_kept(std::move(listed), kept), primary_stems);

  std::mutex sinks;  // warnings and progress come from every builder
  auto warn_locked = [&](const std::string& w) {
    std::lock_guard hold(sinks);
    warn(w);
  };
  for (const std::string& w : walk->warnings) warn(w + std::string(kKeptNote));
  int jobs = job_count(options.jobs);
  const std::set<std::string> bots(options.bots.begin(), options.bots.end());
  const RunInputs inputs{primary_stems, walk->unreadable, bots, series_next, options.commit_docs};
  run_parallel(shards->size(), jobs, [&](std::size_t k) {
    index_one_shard(
        options, *generation, inputs, warn_locked,
        [&](const ArchiveFile& file) {
          std::lock_guard hold(sinks);
          ++progress.files_done;
          progress.bytes_done += file.size;
          if (options.progress) options.progress(progress);
        },
        (*shards)[k]);
  });
  IndexReport report;
  report.files_skipped = report.files_unreadable = static_cast<int>(walk->warnings.size());
  for (const Shard& shard : *shards) {
    if (!shard.report) return shard.report.error();
    add_report(report, *shard.report);
  }
  if (options.rebuild && had_live && report.files_unreadable > 0) {
    return Error{ErrorCode::kIo, std::to_string(report.files_unreadable) +
                                     " files or folders could not be read (named above): the "
                                     "live index is kept, as the rebuilt one would lack them"};
  }
  if (options.rebuild) report.committed = true;  // a new generation, even if empty
  auto published =
      publish(options, *generation, *shards, from_empty && report.records_added > 0, jobs);
  if (!published) return published.error();
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace

Result<IndexReport> index_archives(const IndexOptions& options, const WarningSink& warn) {
  // A failure on any of the run's threads is rethrown here (run_parallel).
  return with_xapian_errors([&] { return run_index(options, warn); });
}

}  // namespace eavesearch
