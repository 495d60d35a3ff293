// Runs independent pieces of work on a few threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace eavesearch {

// The threads to use when asked for `jobs` (0: one per core).
inline int job_count(int jobs) {
  if (jobs > 0) return jobs;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// Calls work(0) ... work(n - 1), each once, on up to `jobs` threads (the
// calling one among them), taking the indexes in order; returns when all
// are done. If a call throws, no further index is started, the calls under
// way finish, and the first exception is rethrown on the calling thread.
template <typename F>
void run_parallel(std::size_t n, int jobs, F&& work) {
  std::atomic<std::size_t> next{0};
  std::mutex failed;
  std::exception_ptr first_failure;
  auto worker = [&] {
    for (std::size_t k = next++; k < n; k = next++) {
      try {
        work(k);
      } catch (...) {
        std::lock_guard hold(failed);
        if (!first_failure) first_failure = std::current_exception();
        next = n;
      }
    }
  };
  {
    std::size_t threads = std::min(n, static_cast<std::size_t>(std::max(1, jobs)));
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
  }  // joined
  if (first_failure) std::rethrow_exception(first_failure);
}

}  // namespace eavesearch
