// The value that orders hits by time, ties by id: zero-padded epoch seconds
// then the id, so that string order is (time, id) and never depends on
// docids or on the shard layout. For indexer/ and query/.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace eavesearch {

inline std::string sort_key(std::int64_t time, const std::string& id) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%012lld", static_cast<long long>(time));
  return buf + id;
}

}  // namespace eavesearch
