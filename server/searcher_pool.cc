#include "server/searcher_pool.h"

namespace eavesearch {

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
  return Searcher::open(db_dir_);
}

void SearcherPool::give_back(Searcher searcher) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(searcher));
}

}  // namespace eavesearch
