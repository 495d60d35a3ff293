#include "server/searcher_pool.h"

namespace eavesearch {

SearcherPool::~SearcherPool() {
  std::unique_lock lock(mutex_);
  idle_works_.wait(lock, [&] { return running_ == 0; });
}

Result<Searcher> SearcherPool::borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      Searcher s = std::move(idle_.back());
      idle_.pop_back();
      if (s.refresh()) return s;
      // A database replaced under it (or gone): open it afresh below.
    }
  }
  return Searcher::open(db_dir_, resources_);
}

void SearcherPool::give_back(Searcher searcher) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(searcher));
}

Status SearcherPool::admit() {
  std::lock_guard lock(mutex_);
  if (overrunning_ >= max_overrunning_) {
    return Error{ErrorCode::kUnavailable,
                 "the server is still busy with queries over their time budget; try again later"};
  }
  ++running_;
  return Ok{};
}

// Called by a work when it ends; `overran` if its request stopped waiting
// (counted in overrunning_ from then on, see over_budget).
void SearcherPool::finished(bool overran) {
  std::lock_guard lock(mutex_);
  --running_;
  if (overran) --overrunning_;
  idle_works_.notify_all();  // under the lock: the destructor cannot run before it ends
}

// Called with the work's mutex held, so the work cannot finish before it.
Error SearcherPool::over_budget() {
  std::lock_guard lock(mutex_);
  ++overrunning_;
  return Error{ErrorCode::kUnavailable, "the query took longer than its time budget of " +
                                            std::to_string(budget_.count()) +
                                            " ms; narrow it (fewer wildcards, facets or words)"};
}

}  // namespace eavesearch
