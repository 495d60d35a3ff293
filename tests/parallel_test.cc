// core/parallel.h: run_parallel's work on threads of its own, and what
// happens when a piece of it fails there.
#include "core/parallel.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace eavesearch {
namespace {

// Before: an exception thrown on one of run_parallel's own threads ended the
// process (std::terminate, SIGABRT) instead of reaching the caller.
TEST(ParallelTest, AFailureOnAWorkerThreadReachesTheCaller) {
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<int> on_worker{0};
  auto work = [&](std::size_t) {
    if (std::this_thread::get_id() == caller) {
      // Slow on the calling thread, so the other thread takes pieces too.
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      return;
    }
    ++on_worker;
    throw std::runtime_error("no space left on device");
  };
  try {
    run_parallel(4, 2, work);
    FAIL() << "no exception reached the caller";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "no space left on device");
  }
  EXPECT_EQ(on_worker, 1);  // no piece started after the failure
}

TEST(ParallelTest, EveryPieceRunsOnceWhenNoneFails) {
  std::vector<std::atomic<int>> runs(100);
  run_parallel(runs.size(), 3, [&](std::size_t k) { ++runs[k]; });
  for (const auto& r : runs) EXPECT_EQ(r, 1);
}

}  // namespace
}  // namespace eavesearch
