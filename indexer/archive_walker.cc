#include "indexer/archive_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "eavesearch/parser.h"

namespace eavesearch {
namespace fs = std::filesystem;

Result<std::vector<ArchiveFile>> walk_archives(const std::vector<std::string>& roots,
                                               std::vector<std::string>& warnings) {
  std::vector<ArchiveFile> files;
  for (const std::string& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      return Error{ErrorCode::kIo, root + ": not a directory"};
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& path = it->path();
      std::string rel = fs::relative(path, root, ec).generic_string();
      if (ec) break;
      if (it->is_directory(ec)) {
        if (path.filename().string().front() == '.') it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec) || is_ignored_name(rel)) continue;
      struct stat st;
      if (::stat(path.c_str(), &st) != 0) {
        warnings.push_back(path.string() + ": cannot stat, skipped");
        continue;
      }
      files.push_back(ArchiveFile{
          path.string(), rel, static_cast<std::uint64_t>(st.st_size),
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec});
    }
    if (ec) return Error{ErrorCode::kIo, root + ": " + ec.message()};
  }
  std::sort(files.begin(), files.end(),
            [](const ArchiveFile& a, const ArchiveFile& b) { return a.rel_path < b.rel_path; });
  return files;
}

}  // namespace eavesearch
