#include "indexer/file_state.h"

#include <cinttypes>
#include <cstdio>

namespace eavesearch {

std::string FileState::encode() const {
  char buf[96];
  std::snprintf(buf, sizeof buf, "v1 %" PRIu64 " %" PRId64 " %016" PRIx64 " %ld", size, mtime_ns,
                hash, records);
  return buf;
}

std::optional<FileState> FileState::decode(std::string_view s) {
  FileState st;
  std::string copy(s);
  int used = 0;
  if (std::sscanf(copy.c_str(), "v1 %" SCNu64 " %" SCNd64 " %" SCNx64 " %ld%n", &st.size,
                  &st.mtime_ns, &st.hash, &st.records, &used) != 4 ||
      static_cast<std::size_t>(used) != copy.size()) {
    return std::nullopt;
  }
  return st;
}

std::uint64_t content_hash(std::string_view content) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : content) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace eavesearch
