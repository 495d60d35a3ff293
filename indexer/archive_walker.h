// Private to indexer/: the files of archive trees, in a stable order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "eavesearch/result.h"

namespace eavesearch {

struct ArchiveFile {
  std::string abs_path;
  std::string rel_path;  // relative to its archive root, '/'-separated
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

// Every regular file under the roots whose name is not ignored (hidden
// folders are not entered), sorted by rel_path. kIo if a root is missing.
Result<std::vector<ArchiveFile>> walk_archives(const std::vector<std::string>& roots,
                                               std::vector<std::string>& warnings);

}  // namespace eavesearch
