// Private to server/: Searchers shared by the HTTP worker threads, and the
// time budget of every request (DESIGN.md 5 and 10).
//
// Each request borrows a Searcher (opening it on first use, so that a server
// started before its database answers 503 until the database exists),
// refreshed to the latest commit. At most `threads` works search at once; a
// request waits for its turn within its budget, the turns going in the
// order requests came. Xapian 1.4 cannot stop a match, so the work runs on a
// thread of its own and the request waits at most the budget: past it the
// answer is 503 while the work finishes in the background and returns its
// Searcher. At most `threads` such works run at once; beyond that requests
// are refused with 503 at once. So at most 2 x `threads` Searchers are
// open, and those unused for `idle_limit` are closed (with them the files
// of generations replaced since). Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "eavesearch/searcher.h"

namespace eavesearch {

class SearcherPool {
 public:
  // Its Searchers share `resources`.
  SearcherPool(std::string db_dir, std::shared_ptr<SearchResources> resources,
               std::chrono::milliseconds budget, int threads,
               std::chrono::milliseconds idle_limit = std::chrono::seconds(30));
  ~SearcherPool();  // waits for the works still running past their budget
  SearcherPool(const SearcherPool&) = delete;
  SearcherPool& operator=(const SearcherPool&) = delete;

  // Runs `f(searcher)` within the budget; kUnavailable past it, or the Error
  // of opening the database. `f` may outlive this call, so it must own
  // everything it uses (capture by value).
  template <typename F>
  auto run(F f) -> decltype(f(std::declval<Searcher&>()));

 private:
  template <typename R>
  struct Work {
    std::mutex mutex;
    std::condition_variable done;
    std::optional<R> result;
    bool abandoned = false;  // the request stopped waiting
  };

  using Clock = std::chrono::steady_clock;
  struct Idle {
    Searcher searcher;
    Clock::time_point since;
  };

  Result<Searcher> borrow();
  void give_back(Searcher searcher);
  // kUnavailable when too many works overran, or no turn came by `deadline`.
  Status admit(Clock::time_point deadline);
  void finished(bool overran);
  Error over_budget();
  void close_unused();  // the trimmer's loop

  std::string db_dir_;
  std::shared_ptr<SearchResources> resources_;
  std::chrono::milliseconds budget_;
  int threads_;
  std::chrono::milliseconds idle_limit_;
  std::mutex mutex_;
  std::condition_variable changed_;  // running_, overrunning_ or closing_
  std::vector<Idle> idle_;           // the most recently used last
  int running_ = 0;
  int overrunning_ = 0;
  std::uint64_t next_ticket_ = 0;    // of the next request to wait for a turn
  std::set<std::uint64_t> waiting_;  // tickets of the requests waiting, the first first
  bool closing_ = false;
  std::thread trimmer_;
};

template <typename F>
auto SearcherPool::run(F f) -> decltype(f(std::declval<Searcher&>())) {
  using R = decltype(f(std::declval<Searcher&>()));
  auto deadline = Clock::now() + budget_;
  if (auto admitted = admit(deadline); !admitted) return admitted.error();
  auto work = std::make_shared<Work<R>>();
  std::thread([this, work, f = std::move(f)]() mutable {
    std::optional<R> result;
    try {
      auto searcher = borrow();
      if (!searcher) {
        result.emplace(searcher.error());
      } else {
        result.emplace(f(*searcher));
        give_back(std::move(*searcher));
      }
    } catch (const std::exception& e) {
      result.emplace(Error{ErrorCode::kInternal, e.what()});
    }
    bool overran;
    {
      std::lock_guard lock(work->mutex);
      work->result = std::move(result);
      overran = work->abandoned;
      work->done.notify_all();
    }
    finished(overran);  // the last use of `this`
  }).detach();
  std::unique_lock lock(work->mutex);
  if (!work->done.wait_until(lock, deadline, [&] { return work->result.has_value(); })) {
    work->abandoned = true;
    return over_budget();
  }
  return std::move(*work->result);
}

}  // namespace eavesearch
