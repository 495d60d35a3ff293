#include "server/result_cache.h"

namespace eavesearch {

void ResultCache::adopt(const std::string& version) {
  if (version == version_) return;
  version_ = version;
  entries_.clear();
  by_key_.clear();
  bytes_ = 0;
}

std::optional<std::string> ResultCache::find(const std::string& key, const std::string& version) {
  std::lock_guard lock(mutex_);
  adopt(version);
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->body;
}

void ResultCache::keep(const std::string& key, const std::string& version, std::string body) {
  std::size_t size = key.size() + body.size();
  if (size > max_bytes_ / 8) return;  // one answer never takes most of the room
  std::lock_guard lock(mutex_);
  if (version != version_ || by_key_.contains(key)) return;
  entries_.push_front(Entry{key, std::move(body)});
  by_key_[key] = entries_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_) {
    const Entry& last = entries_.back();
    bytes_ -= last.key.size() + last.body.size();
    by_key_.erase(last.key);
    entries_.pop_back();
  }
}

}  // namespace eavesearch
