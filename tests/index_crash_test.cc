// Killing the nightly job at any moment (DESIGN.md 6): the database stays
// readable at its last commit, and the next run converges to exactly what a
// clean build makes. The job runs in a forked child that SIGKILLs itself at
// points the test chooses (after N files), or is killed from outside after a
// delay (so also inside a commit).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "eavesearch/indexer.h"
#include "eavesearch/searcher.h"
#include "query/facet_columns.h"
#include "tests/corpus.h"
#include "tests/index_dump.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;

constexpr long kSmallBatches = 300;  // documents per commit: many commits

class IndexCrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* part : {"meetings/tc", "meetings/nova", "irclogs/#openstack-tc",
                             "irclogs/#openstack-meeting-4"}) {
      fs::create_directories(archive_.path() / part);
      fs::copy(testing::sample_dir() / part, archive_.path() / part, fs::copy_options::recursive);
    }
    files_ = 0;
    for (const auto& e : fs::recursive_directory_iterator(archive_.path()))
      files_ += e.is_regular_file();
  }
  // No facet columns, so opening a Searcher starts no loading thread: a
  // thread running (or just ending) as the test forks can leave the child
  // an allocator lock held, and the child hangs (seen under ASan).
  static Result<Searcher> open_searcher(const std::string& db) {
    return Searcher::open(db, std::make_shared<SearchResources>(0));
  }

  IndexOptions options(const std::string& db) const {
    IndexOptions o{{archive_.str()}, db};
    o.commit_docs = kSmallBatches;
    o.jobs = jobs_;
    return o;
  }

  // Runs the index in a child process that kills itself with SIGKILL after
  // `kill_after_files` files, or that the parent kills after `kill_after`.
  // True if it was killed (rather than finishing first).
  bool run_killed(const std::string& db, long kill_after_files,
                  std::chrono::milliseconds kill_after = std::chrono::milliseconds(0)) {
    pid_t child = ::fork();
    if (child == 0) {
      IndexOptions o = options(db);
      o.progress = [kill_after_files](const IndexProgress& p) {
        if (kill_after_files > 0 && p.files_done == kill_after_files) ::raise(SIGKILL);
      };
      auto report = index_archives(o, [](const std::string&) {});
      ::_exit(report.ok() ? 0 : 4);
    }
    if (kill_after.count() > 0) {
      std::this_thread::sleep_for(kill_after);
      ::kill(child, SIGKILL);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  }

  testing::TempDir archive_;
  testing::TempDir dbs_;
  long files_ = 0;
  int jobs_ = 0;  // 0: one per core
};

TEST_F(IndexCrashTest, KilledAnywhereTheNextRunConvergesToACleanBuild) {
  std::string clean = dbs_.str() + "/clean";
  ASSERT_TRUE(index_archives(options(clean), [](const std::string&) {}).ok());
  auto want = testing::dump_index(clean);
  ASSERT_GT(want.size(), 3000u);
  ASSERT_GT(files_, 40);

  std::string db = dbs_.str() + "/db";
  // Twelve points spread over the files, each run resuming from the last.
  int killed = 0;
  long previous_records = 0;
  for (int k = 1; k <= 12; ++k) {
    long at = files_ * k / 13;
    killed += run_killed(db, at);
    // Readable after every kill, at a commit no older than the last one.
    auto searcher = open_searcher(db);
    ASSERT_TRUE(searcher.ok()) << "after a kill at file " << at << ": " << searcher.error().message;
    auto records = searcher->record_count();
    ASSERT_TRUE(records.ok());
    EXPECT_GE(*records, previous_records);
    previous_records = *records;
  }
  EXPECT_EQ(killed, 12);
  ASSERT_TRUE(index_archives(options(db), [](const std::string&) {}).ok());
  EXPECT_EQ(testing::first_difference(testing::dump_index(db), want), "");
}

TEST_F(IndexCrashTest, KilledFromOutsideEvenInsideACommitItConverges) {
  std::string clean = dbs_.str() + "/clean";
  ASSERT_TRUE(index_archives(options(clean), [](const std::string&) {}).ok());
  std::string db = dbs_.str() + "/db";
  for (int ms : {2, 5, 10, 40, 120, 300, 700}) {
    run_killed(db, 0, std::chrono::milliseconds(ms));
    auto searcher = open_searcher(db);
    if (!searcher.ok()) {
      // Killed before the database was first made: no stub yet, nothing half-made.
      EXPECT_EQ(searcher.error().code, ErrorCode::kUnavailable) << searcher.error().message;
      EXPECT_FALSE(fs::exists(db + "/XAPIANDB"));
    }
  }
  auto last = index_archives(options(db), [](const std::string&) {});
  ASSERT_TRUE(last.ok()) << last.error().message;
  EXPECT_EQ(testing::first_difference(testing::dump_index(db), testing::dump_index(clean)), "");
}

TEST_F(IndexCrashTest, AKilledRebuildLeavesTheLiveGenerationAndIsCleanedUp) {
  std::string db = dbs_.str() + "/db";
  ASSERT_TRUE(index_archives(options(db), [](const std::string&) {}).ok());
  auto before = testing::dump_index(db);
  pid_t child = ::fork();
  if (child == 0) {
    IndexOptions o = options(db);
    o.rebuild = true;
    o.progress = [this](const IndexProgress& p) {
      if (p.files_done == files_ / 2) ::raise(SIGKILL);
    };
    (void)index_archives(o, [](const std::string&) {});
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  // A build from empty is compacted into the next generation: gen-2 is live.
  const std::string live = testing::live_generation(db);
  EXPECT_EQ(live, "gen-2");
  EXPECT_TRUE(fs::exists(db + "/gen-3")) << "the half-built generation";
  EXPECT_EQ(testing::first_difference(testing::dump_index(db), before), "");  // still gen-2
  // The next run removes the half-built generation and the one compacted
  // from; a rebuild then switches (to its compacted copy).
  ASSERT_TRUE(index_archives(options(db), [](const std::string&) {}).ok());
  EXPECT_FALSE(fs::exists(db + "/gen-3"));
  EXPECT_FALSE(fs::exists(db + "/gen-1"));
  IndexOptions rebuild = options(db);
  rebuild.rebuild = true;
  ASSERT_TRUE(index_archives(rebuild, [](const std::string&) {}).ok());
  EXPECT_EQ(testing::live_generation(db), "gen-4");
  EXPECT_EQ(testing::first_difference(testing::dump_index(db), before), "");
  ASSERT_TRUE(index_archives(options(db), [](const std::string&) {}).ok());
  EXPECT_FALSE(fs::exists(db + "/gen-2")) << "the replaced generation goes on the next run";
  EXPECT_FALSE(fs::exists(db + "/gen-3"));
}

// A shard without a termlist (an older year of a full build) whose file
// changed is rebuilt beside the live one: killed anywhere in that, readers
// keep the live shard, and the next run rebuilds it again and converges;
// the half-made folders go.
TEST_F(IndexCrashTest, AKilledShardRebuildLeavesTheLiveShardAndIsCleanedUp) {
  std::string db = dbs_.str() + "/db";
  ASSERT_TRUE(index_archives(options(db), [](const std::string&) {}).ok());
  std::set<fs::path> nova;  // the oldest year's log is in a shard without a termlist
  for (const auto& e : fs::recursive_directory_iterator(archive_.path() / "meetings/nova")) {
    if (e.path().string().ends_with(".log.txt")) nova.insert(e.path());
  }
  ASSERT_FALSE(nova.empty());
  std::ofstream(*nova.begin(), std::ios::app) << "\n14:59:00 <someone> a late word: zanzibar\n";
  std::string clean = dbs_.str() + "/clean";
  ASSERT_TRUE(index_archives(options(clean), [](const std::string&) {}).ok());
  auto want = testing::dump_index(clean);
  auto before = testing::dump_index(db);
  ASSERT_NE(testing::first_difference(before, want), "");

  // One shard at a time, the biggest first: the small oldest year's comes
  // last, so the kills fall in its rebuild.
  jobs_ = 1;
  int killed = 0;
  int half_made = 0;  // kills that left a rebuilt folder the stub does not name
  for (long before_end : {1, 2, 3, 5, 8, 13}) {
    killed += run_killed(db, files_ - before_end);
    for (const auto& e : fs::directory_iterator(db + "/" + testing::live_generation(db)))
      half_made += e.path().filename().string().find('.') != std::string::npos;
    auto searcher = open_searcher(db);
    ASSERT_TRUE(searcher.ok()) << searcher.error().message;
    // The live shard, or the rebuilt one once the stub names it.
    auto seen = testing::dump_index(db);
    if (!testing::first_difference(seen, want).empty()) {
      EXPECT_EQ(testing::first_difference(seen, before), "") << before_end << " files from the end";
    }
  }
  EXPECT_EQ(killed, 6);
  EXPECT_GT(half_made, 0);
  ASSERT_TRUE(index_archives(options(db), [](const std::string&) {}).ok());
  EXPECT_EQ(testing::first_difference(testing::dump_index(db), want), "");
  ASSERT_TRUE(index_archives(options(db), [](const std::string&) {}).ok());
  std::ifstream stub(db + "/XAPIANDB");
  std::set<std::string> named;
  for (std::string backend, entry; stub >> backend >> entry;) named.insert(db + "/" + entry);
  std::set<std::string> folders;
  for (const auto& e : fs::directory_iterator(db + "/" + testing::live_generation(db)))
    folders.insert(e.path().string());
  EXPECT_EQ(folders, named) << "no folder but those the stub names";
}

// A first run killed while Xapian made its files leaves a generation folder
// and no stub: the next run makes the database afresh instead of failing on it.
TEST_F(IndexCrashTest, AHalfMadeFirstGenerationIsMadeAfresh) {
  std::string db = dbs_.str() + "/db";
  fs::create_directories(db + "/gen-1");
  testing::write_file(db + "/gen-1/iamglass", "");
  testing::write_file(db + "/gen-1/postlist.glass", "half");
  auto report = index_archives(options(db), [](const std::string&) {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(testing::live_generation(db), "gen-2");  // made afresh, then compacted
  EXPECT_GT(open_searcher(db)->record_count().value(), 3000);
}

}  // namespace
}  // namespace eavesearch
