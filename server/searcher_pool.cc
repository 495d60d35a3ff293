#include "server/searcher_pool.h"

#include <algorithm>

namespace eavesearch {

SearcherPool::SearcherPool(std::string db_dir, std::shared_ptr<SearchResources> resources,
                           std::chrono::milliseconds budget, int threads,
                           std::chrono::milliseconds idle_limit)
    : db_dir_(std::move(db_dir)),
      resources_(std::move(resources)),
      budget_(budget),
      threads_(threads),
      idle_limit_(idle_limit) {
  trimmer_ = std::thread([this] { close_unused(); });
}

SearcherPool::~SearcherPool() {
  std::unique_lock lock(mutex_);
  closing_ = true;
  changed_.notify_all();
  changed_.wait(lock, [&] { return running_ == 0; });
  lock.unlock();
  trimmer_.join();
}

Result<Searcher> SearcherPool::borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      Searcher s = std::move(idle_.back().searcher);
      idle_.pop_back();
      if (s.refresh()) return s;  // which starts loading a new revision's facet values
      // A database replaced under it (or gone): open it afresh below.
    }
  }
  auto opened = Searcher::open(db_dir_, resources_);
  if (opened) opened->start_loading_facet_columns();  // for the first facets
  return opened;
}

void SearcherPool::give_back(Searcher searcher) {
  std::lock_guard lock(mutex_);
  idle_.push_back(Idle{std::move(searcher), Clock::now()});
}

Status SearcherPool::admit(Clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  if (overrunning_ >= threads_) {
    return Error{ErrorCode::kUnavailable,
                 "the server is still busy with queries over their time budget; try again later"};
  }
  // In the order requests came: the first waiting takes the next free turn.
  std::uint64_t ticket = next_ticket_++;
  waiting_.insert(ticket);
  bool turn = changed_.wait_until(lock, deadline, [&] {
    return *waiting_.begin() == ticket && running_ - overrunning_ < threads_;
  });
  waiting_.erase(ticket);
  changed_.notify_all();  // the next in line: a turn may be free still, or this one gave up
  if (!turn) {
    return Error{ErrorCode::kUnavailable,
                 "the server was busy with other searches for the whole time budget of " +
                     std::to_string(budget_.count()) + " ms; try again later"};
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
  changed_.notify_all();  // under the lock: the destructor cannot run before it ends
}

// Called with the work's mutex held, so the work cannot finish before it.
Error SearcherPool::over_budget() {
  std::lock_guard lock(mutex_);
  ++overrunning_;
  changed_.notify_all();  // its turn passes to a waiting request
  return Error{ErrorCode::kUnavailable, "the query took longer than its time budget of " +
                                            std::to_string(budget_.count()) +
                                            " ms; narrow it (fewer wildcards, facets or words)"};
}

void SearcherPool::close_unused() {
  std::unique_lock lock(mutex_);
  while (!closing_) {
    changed_.wait_for(lock, std::max(idle_limit_ / 4, std::chrono::milliseconds(10)));
    auto used_since = Clock::now() - idle_limit_;
    auto unused_end = std::find_if(idle_.begin(), idle_.end(),
                                   [&](const Idle& i) { return i.since >= used_since; });
    std::vector<Idle> unused(std::make_move_iterator(idle_.begin()),
                             std::make_move_iterator(unused_end));
    idle_.erase(idle_.begin(), unused_end);
    lock.unlock();
    unused.clear();  // closing databases: outside the lock
    lock.lock();
  }
}

}  // namespace eavesearch
