// Runs independent pieces of work on a few threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace eavesearch {

// The threads to use when asked for `jobs` (0: one per core).
inline int job_count(int jobs) {
  if (jobs > 0) return jobs;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// Calls work(0) ... work(n - 1), each once, on up to `jobs` threads, taking
// the indexes in order; returns when all are done. `work` must not throw.
template <typename F>
void run_parallel(std::size_t n, int jobs, F&& work) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t k = next++; k < n; k = next++) work(k);
  };
  std::size_t threads = std::min(n, static_cast<std::size_t>(std::max(1, jobs)));
  std::vector<std::jthread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();  // this thread is one of them
}

}  // namespace eavesearch
