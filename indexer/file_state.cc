#include "indexer/file_state.h"

#include <cinttypes>
#include <cstdio>

#include "core/terms.h"

namespace eavesearch {

std::string FileState::encode(std::string_view path) const {
  char buf[128];
  std::snprintf(buf, sizeof buf, "v2 %" PRIu64 " %" PRId64 " %016" PRIx64 " %ld %zu ", size,
                mtime_ns, hash, records, deps.size());
  return std::string(buf).append(deps).append(" ").append(path);
}

std::optional<std::pair<FileState, std::string>> FileState::decode(std::string_view s) {
  FileState st;
  std::string copy(s);
  int used = 0;
  if (copy.starts_with("v1 ")) {
    if (std::sscanf(copy.c_str(), "v1 %" SCNu64 " %" SCNd64 " %" SCNx64 " %ld %n", &st.size,
                    &st.mtime_ns, &st.hash, &st.records, &used) != 4 ||
        used == 0 || static_cast<std::size_t>(used) >= copy.size()) {
      return std::nullopt;
    }
    return std::pair{st, copy.substr(static_cast<std::size_t>(used))};
  }
  std::size_t deps_size = 0;
  if (std::sscanf(copy.c_str(), "v2 %" SCNu64 " %" SCNd64 " %" SCNx64 " %ld %zu%n", &st.size,
                  &st.mtime_ns, &st.hash, &st.records, &deps_size, &used) != 5 ||
      used == 0 || copy[static_cast<std::size_t>(used)] != ' ') {
    return std::nullopt;
  }
  auto at = static_cast<std::size_t>(used) + 1;  // deps begin after one space
  if (at + deps_size + 1 >= copy.size() || copy[at + deps_size] != ' ') return std::nullopt;
  st.deps = copy.substr(at, deps_size);
  return std::pair{st, copy.substr(at + deps_size + 1)};
}

std::string file_state_key(std::string_view path) { return boolean_term(kFileStatePrefix, path); }

std::uint64_t content_hash(std::string_view content) { return fnv1a64(content); }

}  // namespace eavesearch
