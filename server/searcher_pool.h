// Private to server/: Searchers shared by the HTTP worker threads. Each
// request borrows one (opening it on first use, so that a server started
// before its database answers 503 until the database exists) and gets it
// refreshed to the latest commit. Thread-safe.
#pragma once

#include <mutex>
#include <vector>

#include "eavesearch/searcher.h"

namespace eavesearch {

class SearcherPool {
 public:
  explicit SearcherPool(std::string db_dir) : db_dir_(std::move(db_dir)) {}

  // Runs `f(searcher)` with a refreshed Searcher; the Error of opening or
  // refreshing otherwise.
  template <typename F>
  auto with_searcher(F&& f) -> decltype(f(std::declval<Searcher&>())) {
    auto searcher = borrow();
    if (!searcher) return searcher.error();
    auto result = f(*searcher);
    give_back(std::move(*searcher));
    return result;
  }

 private:
  Result<Searcher> borrow();
  void give_back(Searcher searcher);

  std::string db_dir_;
  std::mutex mutex_;
  std::vector<Searcher> idle_;
};

}  // namespace eavesearch
