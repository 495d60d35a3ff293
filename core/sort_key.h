// The value that orders hits by time, ties by id: zero-padded epoch seconds,
// the id's stem, then its line number zero-padded, so that string order is
// (time, stem, line) and never depends on docids or on the shard layout.
// For indexer/ and query/.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace eavesearch {

inline std::string sort_key(std::int64_t time, const std::string& id) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%012lld", static_cast<long long>(time));
  auto hash = id.rfind('#');
  if (hash == std::string::npos) return buf + id;
  std::string line = id.substr(hash + 1);
  return buf + id.substr(0, hash + 1) + std::string(line.size() < 9 ? 9 - line.size() : 0, '0') +
         line;
}

}  // namespace eavesearch
