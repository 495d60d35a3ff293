// Private to indexer/: the files of archive trees, in a stable order, and
// what of the trees could not be read.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/result.h"

namespace eavesearch {

struct ArchiveFile {
  std::string abs_path;
  std::string rel_path;  // relative to its archive root, '/'-separated
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

// Archive-relative paths that could not be read: a folder that could not be
// listed stands for everything below it. What the index holds of them is
// kept, as it cannot be known to be gone.
class UnreadablePaths {
 public:
  void add(std::string rel_path) { paths_.push_back(std::move(rel_path)); }
  // True when `rel_path` is one of them or below one ("" is the whole root).
  bool covers(std::string_view rel_path) const;
  bool empty() const { return paths_.empty(); }

 private:
  std::vector<std::string> paths_;
};

struct ArchiveWalk {
  std::vector<ArchiveFile> files;  // sorted by rel_path
  UnreadablePaths unreadable;
  // One per unreadable path: "<abs path>: skipped: <why>".
  std::vector<std::string> warnings;
};

// Every regular file under the roots whose name is not ignored (hidden
// folders are not entered, nor are symbolic links to folders); files reached
// by a symbolic link are read. An entry that cannot be read (a folder that
// cannot be listed, a symbolic link loop, a path past PATH_MAX, a folder
// gone between being listed and entered) is named in `warnings` and added to
// `unreadable`; the walk goes on. An entry that is gone when looked at (a
// file deleted, a dangling link) is simply not there. kIo if a root is not a
// directory. `entering`, if given, is called with each folder's absolute path
// just before it is listed (tests change the tree there).
Result<ArchiveWalk> walk_archives(const std::vector<std::string>& roots,
                                  const std::function<void(const std::string&)>& entering = {});

// The content of an archive file; kIo with the system's reason ("Permission
// denied") when it cannot be read.
Result<std::string> read_archive_file(const std::string& abs_path);

}  // namespace eavesearch
