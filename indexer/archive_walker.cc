#include "indexer/archive_walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "eavesearch/parser.h"

namespace eavesearch {
namespace {

std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

// The names in folder `abs`, or errno when it cannot be listed.
int list_folder(const std::string& abs, std::vector<std::string>& names) {
  DIR* dir = ::opendir(abs.c_str());
  if (dir == nullptr) return errno;
  errno = 0;
  while (const dirent* entry = ::readdir(dir)) {
    std::string_view name = entry->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
    errno = 0;
  }
  int err = errno;
  ::closedir(dir);
  return err;
}

class Walker {
 public:
  Walker(ArchiveWalk& out, const std::function<void(const std::string&)>& entering)
      : out_(out), entering_(entering) {}

  // Folders are walked from a stack rather than by recursion: a tree nested
  // thousands deep costs no call stack.
  void walk(std::string root) {
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    std::vector<std::pair<std::string, std::string>> folders = {{root, ""}};  // abs, rel
    while (!folders.empty()) {
      auto [abs, rel] = std::move(folders.back());
      folders.pop_back();
      if (entering_) entering_(abs);
      std::vector<std::string> names;
      if (int err = list_folder(abs, names)) {
        unreadable(abs, rel, "cannot list the folder: " + std::string(std::strerror(err)));
        continue;
      }
      for (const std::string& name : names) {
        std::string entry_abs = abs + "/" + name;
        std::string entry_rel = rel.empty() ? name : rel + "/" + name;
        if (look_at(entry_abs, entry_rel)) folders.emplace_back(entry_abs, entry_rel);
      }
    }
  }

 private:
  // Adds the entry if it is an archive file; true if it is a folder to enter.
  bool look_at(const std::string& abs, const std::string& rel) {
    if (rel[rel.rfind('/') + 1] == '.') return false;  // hidden: nothing is read
    struct stat st;
    if (::lstat(abs.c_str(), &st) != 0) {
      if (errno != ENOENT) unreadable(abs, rel, std::strerror(errno));
      return false;
    }
    if (S_ISDIR(st.st_mode)) return true;
    if (is_ignored_name(rel)) return false;
    if (S_ISLNK(st.st_mode) && ::stat(abs.c_str(), &st) != 0) {
      if (errno != ENOENT) unreadable(abs, rel, std::strerror(errno));
      return false;
    }
    if (S_ISREG(st.st_mode)) {
      out_.files.push_back(
          ArchiveFile{abs, rel, static_cast<std::uint64_t>(st.st_size), mtime_ns(st)});
    }
    return false;
  }

  void unreadable(const std::string& abs, const std::string& rel, const std::string& why) {
    out_.warnings.push_back(abs + ": skipped: " + why);
    out_.unreadable.add(rel);
  }

  ArchiveWalk& out_;
  const std::function<void(const std::string&)>& entering_;
};

}  // namespace

bool UnreadablePaths::covers(std::string_view rel_path) const {
  return std::any_of(paths_.begin(), paths_.end(), [&](const std::string& p) {
    return p.empty() || rel_path == p ||
           (rel_path.size() > p.size() && rel_path.starts_with(p) && rel_path[p.size()] == '/');
  });
}

Result<ArchiveWalk> walk_archives(const std::vector<std::string>& roots,
                                  const std::function<void(const std::string&)>& entering) {
  ArchiveWalk out;
  Walker walker(out, entering);
  for (const std::string& root : roots) {
    struct stat st;
    if (::stat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      return Error{ErrorCode::kIo, root + ": not a directory"};
    }
    walker.walk(root);
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const ArchiveFile& a, const ArchiveFile& b) { return a.rel_path < b.rel_path; });
  return out;
}

Result<std::string> read_archive_file(const std::string& abs_path) {
  int fd = ::open(abs_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{ErrorCode::kIo, std::strerror(errno)};
  std::string content;
  struct stat st;
  if (::fstat(fd, &st) == 0 && st.st_size > 0)
    content.reserve(static_cast<std::size_t>(st.st_size));
  char buf[1 << 16];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) content.append(buf, static_cast<std::size_t>(n));
  int err = n < 0 ? errno : 0;
  ::close(fd);
  if (err != 0) return Error{ErrorCode::kIo, std::strerror(err)};
  return content;
}

}  // namespace eavesearch
