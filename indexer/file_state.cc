#include "indexer/file_state.h"

#include <cinttypes>
#include <cstdio>

#include "core/terms.h"

namespace eavesearch {

std::string FileState::encode(std::string_view path) const {
  char buf[96];
  std::snprintf(buf, sizeof buf, "v1 %" PRIu64 " %" PRId64 " %016" PRIx64 " %ld ", size, mtime_ns,
                hash, records);
  return std::string(buf).append(path);
}

std::optional<std::pair<FileState, std::string>> FileState::decode(std::string_view s) {
  FileState st;
  std::string copy(s);
  int used = 0;
  if (std::sscanf(copy.c_str(), "v1 %" SCNu64 " %" SCNd64 " %" SCNx64 " %ld %n", &st.size,
                  &st.mtime_ns, &st.hash, &st.records, &used) != 4 ||
      used == 0 || static_cast<std::size_t>(used) >= copy.size()) {
    return std::nullopt;
  }
  return std::pair{st, copy.substr(static_cast<std::size_t>(used))};
}

std::string file_state_key(std::string_view path) { return boolean_term(kFileStatePrefix, path); }

std::uint64_t content_hash(std::string_view content) { return fnv1a64(content); }

}  // namespace eavesearch
