// The time budget of server requests (DESIGN.md 5, 10): Xapian 1.4 cannot
// stop a match, so work past the budget is answered kUnavailable (503) and
// finishes in the background. The slow work here sleeps 30 times its budget.
#include "server/searcher_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "eavesearch/indexer.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class SearcherPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto report =
        index_archives({{(fs::path(EAVESEARCH_TEST_DATA) / "two_meetings").string()}, db_},
                       [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
  }
  testing::TempDir dir_;
  std::string db_ = dir_.str() + "/db";
};

// Requests waiting for a turn get it in the order they came: under a burst
// (32 facet requests on 8 threads) the last to arrive waits for those
// before it, not for a draw. One thread; the first request holds it while
// the others arrive, 20 ms apart; each notes when its work started.
TEST_F(SearcherPoolTest, WaitingRequestsAreServedInTheOrderTheyCame) {
  SearcherPool pool(db_, nullptr, 10000ms, 1);
  std::mutex mutex;
  std::vector<int> started;
  auto request = [&](int n, std::chrono::milliseconds hold) {
    return std::async(std::launch::async, [&, n, hold] {
      return pool.run([&, n, hold](Searcher& s) {
        {
          std::lock_guard lock(mutex);
          started.push_back(n);
        }
        std::this_thread::sleep_for(hold);
        return s.record_count();
      });
    });
  };
  std::vector<std::future<Result<long>>> answers;
  answers.push_back(request(0, 400ms));
  std::this_thread::sleep_for(50ms);
  for (int n = 1; n <= 8; ++n) {
    answers.push_back(request(n, 5ms));
    std::this_thread::sleep_for(20ms);
  }
  for (auto& answer : answers) EXPECT_TRUE(answer.get().ok());
  EXPECT_EQ(started, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8}));
}

// The files of `dir` this process holds open (deleted ones included).
int open_files_under(const std::string& dir) {
  std::string prefix = fs::canonical(dir).string() + "/";
  int n = 0;
  for (const auto& fd : fs::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    auto target = fs::read_symlink(fd.path(), ec);
    if (!ec && target.string().rfind(prefix, 0) == 0) ++n;
  }
  return n;
}

TEST_F(SearcherPoolTest, WorkWithinTheBudgetIsAnswered) {
  SearcherPool pool(db_, nullptr, 2000ms, 2);
  auto count = pool.run([](Searcher& s) { return s.record_count(); });
  ASSERT_TRUE(count.ok()) << count.error().message;
  EXPECT_EQ(*count, 20);
}

TEST_F(SearcherPoolTest, WorkOverTheBudgetIsUnavailableAndFinishesInTheBackground) {
  auto finished = std::make_shared<std::atomic<int>>(0);
  {
    SearcherPool pool(db_, nullptr, 50ms, 1);
    auto slow = [finished](Searcher& s) {
      std::this_thread::sleep_for(1500ms);
      ++*finished;
      return s.record_count();
    };
    auto late = pool.run(slow);
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(late.error().message.find("time budget of 50 ms"), std::string::npos);
    // One work may overrun at a time: the next request is refused at once.
    auto started = std::chrono::steady_clock::now();
    auto busy = pool.run([](Searcher& s) { return s.record_count(); });
    ASSERT_FALSE(busy.ok());
    EXPECT_EQ(busy.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(busy.error().message.find("busy"), std::string::npos);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1000ms);
    EXPECT_EQ(finished->load(), 0);
  }  // the pool waits for the abandoned work before it goes
  EXPECT_EQ(finished->load(), 1);
}

// Row 8 of issue 16: each connection's request ran its search at once, so
// Searchers (4 fds a shard) grew with the connections.
TEST_F(SearcherPoolTest, AtMostThreadsSearchAtOnce) {
  SearcherPool pool(db_, nullptr, 5000ms, 2);
  std::atomic<int> now = 0, most = 0;
  auto work = [&now, &most](Searcher& s) {
    int n = ++now;
    for (int seen = most; n > seen && !most.compare_exchange_weak(seen, n);) {
    }
    std::this_thread::sleep_for(200ms);
    --now;
    return s.record_count();
  };
  std::vector<std::future<Result<long>>> requests;
  for (int k = 0; k < 6; ++k) {
    requests.push_back(std::async(std::launch::async, [&] { return pool.run(work); }));
  }
  for (auto& r : requests) EXPECT_TRUE(r.get().ok());
  EXPECT_EQ(most.load(), 2);
}

// Row 8: idle Searchers stayed open for ever, and with them the files of
// generations a --rebuild had replaced (79 MB pinned).
TEST_F(SearcherPoolTest, UnusedSearchersCloseAndLetReplacedGenerationsGo) {
  SearcherPool pool(db_, nullptr, 5000ms, 4, 300ms);
  std::vector<std::future<Result<long>>> requests;
  for (int k = 0; k < 4; ++k) {
    requests.push_back(std::async(std::launch::async, [&] {
      return pool.run([](Searcher& s) {
        std::this_thread::sleep_for(100ms);
        return s.record_count();
      });
    }));
  }
  for (auto& r : requests) EXPECT_TRUE(r.get().ok());
  EXPECT_GT(open_files_under(db_), 0);
  IndexOptions rebuild{{(fs::path(EAVESEARCH_TEST_DATA) / "two_meetings").string()}, db_};
  rebuild.rebuild = true;
  ASSERT_TRUE(index_archives(rebuild, [](const std::string&) {}).ok());
  std::this_thread::sleep_for(1000ms);
  EXPECT_EQ(open_files_under(db_), 0);
  auto count = pool.run([](Searcher& s) { return s.record_count(); });  // opens afresh
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 20);
}

TEST_F(SearcherPoolTest, NoDatabaseIsUnavailable) {
  SearcherPool pool(dir_.str() + "/missing", nullptr, 2000ms, 2);
  auto count = pool.run([](Searcher& s) { return s.record_count(); });
  ASSERT_FALSE(count.ok());
  EXPECT_EQ(count.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace eavesearch
