// The nightly job is invisible to searchers (DESIGN.md 6): `serve` answers
// every request while the index commits, or while --rebuild switches to a new
// generation, and sees the new records without a restart.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "eavesearch/indexer.h"
#include "eavesearch/searcher.h"
#include "tests/corpus.h"
#include "tests/index_dump.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr int kMaxRequests = 20000;  // bounds the search loop

class ReindexWhileServingTest : public ::testing::Test {
 protected:
  void add(const char* part) {
    fs::create_directories(archive_.path() / part);
    fs::copy(testing::sample_dir() / part, archive_.path() / part, fs::copy_options::recursive);
  }

  void index(bool rebuild, long commit_docs) {
    IndexOptions o{{archive_.str()}, db_};
    o.rebuild = rebuild;
    o.commit_docs = commit_docs;
    auto report = index_archives(o, [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
  }

  long records_now() {
    auto s = Searcher::open(db_);
    return s.ok() && s->record_count().ok() ? *s->record_count() : -1;
  }

  // Searches until `until` records are seen (or the loop's bounds end),
  // counting answers other than 200 and the record counts seen.
  void search_loop(int port) {
    for (int i = 0; i < kMaxRequests && !stop_; ++i) {
      auto health = testing::get_json(port, "/healthz");
      auto hits = testing::get_json(port, "/api/v1/search?q=meeting:nova&per_page=5&facets=year");
      if (health.is_null() || hits.is_null() || !health.contains("records") ||
          !hits.contains("hits")) {
        ++errors_;
        continue;
      }
      seen_.insert(health["records"].get<long>());
      latest_ = health["records"].get<long>();
    }
  }

  // The server's answer to the loop's search (kept in its cache between
  // commits) against a Searcher opened now: never a stale one.
  void expect_fresh_search(int port) {
    auto s = Searcher::open(db_);
    ASSERT_TRUE(s.ok());
    SearchRequest req;
    req.q = "meeting:nova";
    auto now = s->search(req);
    ASSERT_TRUE(now.ok());
    auto served = testing::get_json(port, "/api/v1/search?q=meeting:nova&per_page=5&facets=year");
    EXPECT_EQ(served["total"]["value"], now->total);
  }

  void wait_for(long records) {
    for (int i = 0; i < 200 && latest_ != records; ++i) std::this_thread::sleep_for(50ms);
    stop_ = true;
  }

  testing::TempDir archive_;
  testing::TempDir dir_;
  std::string db_ = dir_.str() + "/db";
  std::atomic<bool> stop_ = false;
  std::atomic<int> errors_ = 0;
  std::atomic<long> latest_ = -1;
  std::set<long> seen_;  // written by the loop thread only, read after join
};

TEST_F(ReindexWhileServingTest, SearchesSeeEachCommitAndNeverFail) {
  add("meetings/tc");
  index(false, kDefaultCommitDocs);
  long before = records_now();
  testing::TestServer server(db_);
  ASSERT_GT(server.port(), 0);
  std::thread loop([&] { search_loop(server.port()); });
  std::this_thread::sleep_for(200ms);
  add("meetings/nova");
  add("irclogs/#openstack-tc");
  add("irclogs/#openstack-meeting-4");
  index(false, 250);  // many commits
  long after = records_now();
  wait_for(after);
  loop.join();
  EXPECT_EQ(errors_.load(), 0);
  EXPECT_EQ(latest_.load(), after) << "the server sees the last commit without a restart";
  expect_fresh_search(server.port());
  EXPECT_TRUE(seen_.count(before));
  EXPECT_GT(after, before + 1000);
}

TEST_F(ReindexWhileServingTest, ARebuildSwitchesUnderTheServer) {
  add("meetings/tc");
  add("meetings/nova");
  index(false, kDefaultCommitDocs);
  long before = records_now();
  testing::TestServer server(db_);
  ASSERT_GT(server.port(), 0);
  std::thread loop([&] { search_loop(server.port()); });
  std::this_thread::sleep_for(200ms);
  fs::remove_all(archive_.path() / "meetings/nova");
  add("irclogs/#openstack-tc");
  index(true, 500);
  long after = records_now();
  wait_for(after);
  loop.join();
  EXPECT_EQ(errors_.load(), 0);
  EXPECT_NE(after, before);
  EXPECT_EQ(latest_.load(), after) << "the server follows the stub to the new generation";
  expect_fresh_search(server.port());
  // Built from empty, compacted: gen-2; the rebuild made gen-3, compacted to gen-4.
  EXPECT_EQ(testing::live_generation(db_), "gen-4");
  // The next run removes the others; the server, having moved on, still answers.
  stop_ = false;
  index(false, kDefaultCommitDocs);
  EXPECT_FALSE(fs::exists(db_ + "/gen-2"));
  EXPECT_FALSE(fs::exists(db_ + "/gen-3"));
  auto health = testing::get_json(server.port(), "/healthz");
  EXPECT_EQ(health["records"], after);
}

}  // namespace
}  // namespace eavesearch
