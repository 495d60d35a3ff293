#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/child_process.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "eavesearch/indexer.h"
#include "eavesearch/text.h"
#include "server/json_output.h"

namespace eavesearch {
namespace {

struct IndexArgs {
  IndexOptions options;
  bool json = false;
  bool quiet = false;
  std::string shards;  // --shards: "year", "none", or "" for the database's own
  std::string bots;    // --bots FILE, or "" for the default list
};

void print_report(const IndexReport& r, const IndexArgs& args) {
  if (args.json) {
    nlohmann::json j = {
        {"files_seen", r.files_seen},
        {"files_new", r.files_new},
        {"files_changed", r.files_changed},
        {"files_removed", r.files_removed},
        {"files_unchanged", r.files_unchanged},
        {"files_skipped", r.files_skipped},
        {"records_added", r.records_added},
        {"records_removed", r.records_removed},
        {"lines_cut", r.lines_cut},
        {"seconds", r.seconds},
        {"committed", r.committed},
    };
    std::cout << dump_json(j) << "\n";
    return;
  }
  if (args.quiet) return;
  std::cout << "files: " << r.files_seen << " seen, " << r.files_new << " new, " << r.files_changed
            << " changed, " << r.files_removed << " removed, " << r.files_unchanged
            << " unchanged, " << r.files_skipped << " skipped";
  if (r.files_unreadable > 0)
    std::cout << " (" << r.files_unreadable << " unreadable: what the index holds of them kept)";
  if (r.files_other > 0)
    std::cout << " (" << r.files_other << " minutes or duplicate HTML, not indexed)";
  std::cout << "\nrecords: " << r.records_added << " added, " << r.records_removed << " removed";
  if (r.malformed_lines > 0) std::cout << "; " << r.malformed_lines << " malformed lines skipped";
  if (r.lines_cut > 0)
    std::cout << "; " << r.lines_cut << " lines cut to " << kMaxLineBytes << " bytes";
  std::cout << "\n"
            << (r.committed ? "committed" : "nothing to commit: the index is up to date") << " in "
            << r.seconds << " s\n";
  if (r.files_skipped > 0) std::cout << "done with files skipped: see the warnings above\n";
}

int run_index(IndexArgs& args) {
  if (!args.bots.empty()) {
    auto bots = read_bot_list(args.bots);
    if (!bots) return report_error(bots.error());
    args.options.bots = std::move(*bots);
  }
  if (!args.shards.empty()) {
    args.options.sharding = args.shards == "year" ? Sharding::kYear : Sharding::kNone;
  }
  std::optional<ProgressBar> bar;
  if (!args.json && !args.quiet) {
    bar.emplace();
    args.options.progress = [&bar](const IndexProgress& p) { bar->update(p); };
  }
  auto report = index_archives(args.options, [&bar](const std::string& warning) {
    if (bar) bar->clear();
    std::cerr << "warning: " << warning << "\n";
  });
  bar.reset();
  if (!report) return report_error(report.error());
  print_report(*report, args);
  return report->files_skipped > 0 ? kExitFindings : kExitOk;
}

// What to say when the index's process dies of a signal (run_in_child):
// Xapian aborts it when the disk fills up in a commit.
std::function<std::string(int)> why_it_died(const IndexArgs& args) {
  return [db = args.options.db_dir](int signal) {
    std::string how =
        "the index stopped on signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
    std::string after = "; the database stays at its last commit, and the next run goes on";
    if (is_disk_full(db)) return db + ": " + kNoSpace + " (" + how + ", in Xapian)" + after;
    return how + after;
  };
}

}  // namespace

Command add_index_command(CLI::App& app) {
  auto args = std::make_shared<IndexArgs>();
  CLI::App* cmd = app.add_subcommand("index", "index archive trees into a database (incremental)");
  cmd->add_option("archive", args->options.archives, "archive roots (meetings/, irclogs/ below)")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--db", args->options.db_dir, "database directory")->required();
  cmd->add_flag("--rebuild", args->options.rebuild,
                "build a new generation from scratch and switch to it when done");
  cmd->add_option("--commit-docs", args->options.commit_docs,
                  "documents added or removed between two commits")
      ->check(whole_number_in(1, 100'000'000L))
      ->capture_default_str();
  cmd->add_option("--shards", args->shards,
                  "year: a database per year, built side by side, searched as one (the "
                  "default for a new database); none: one database. Changing it needs --rebuild")
      ->check(CLI::IsMember({"year", "none"}));
  cmd->add_flag("--termlists", args->options.termlists,
                "every shard keeps (or is rebuilt with) a termlist, as serving shards with "
                "xapian-tcpsrv needs; a full build takes about 1.7x as long. Without it, a full "
                "build gives one only to the newest year");
  cmd->add_option("--jobs", args->options.jobs, "shards indexed at once (default: one per core)")
      ->check(whole_number_in(1, 256));
  cmd->add_option("--bots", args->bots,
                  "a file of the service bots' nicks, one a line, instead of the default list "
                  "(README); a change reindexes every file")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--json", args->json, "print one JSON summary line");
  cmd->add_flag("--quiet", args->quiet, "print warnings only");
  return {cmd,
          [args] { return run_in_child([&] { return run_index(*args); }, why_it_died(*args)); }};
}

}  // namespace eavesearch
