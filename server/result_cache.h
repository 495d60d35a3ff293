// Private to server/: the bodies of answered GET requests, kept while the
// index stays the same, so that a repeated request (a page reloaded, the
// same popular query, a page of results and back) costs no search. Bounded
// in bytes, least recently used out first; keyed by the index version of
// Searcher::index_version. Thread-safe.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace eavesearch {

class ResultCache {
 public:
  explicit ResultCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // The body kept for `key` under `version`; a new version forgets all.
  std::optional<std::string> find(const std::string& key, const std::string& version);
  // Keeps `body`, answered under `version` (taken before the search: an
  // answer from a later index is forgotten when that index is seen).
  void keep(const std::string& key, const std::string& version, std::string body);

  bool enabled() const { return max_bytes_ > 0; }

 private:
  struct Entry {
    std::string key;
    std::string body;
  };
  void adopt(const std::string& version);  // mutex_ held

  std::size_t max_bytes_;
  std::mutex mutex_;
  std::string version_;
  std::size_t bytes_ = 0;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace eavesearch
