// The time budget of server requests (DESIGN.md 5, 10): Xapian 1.4 cannot
// stop a match, so work past the budget is answered kUnavailable (503) and
// finishes in the background. The slow work here sleeps 30 times its budget.
#include "server/searcher_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

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

TEST_F(SearcherPoolTest, NoDatabaseIsUnavailable) {
  SearcherPool pool(dir_.str() + "/missing", nullptr, 2000ms, 2);
  auto count = pool.run([](Searcher& s) { return s.record_count(); });
  ASSERT_FALSE(count.ok());
  EXPECT_EQ(count.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace eavesearch
