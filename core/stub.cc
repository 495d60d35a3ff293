#include "core/stub.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace eavesearch {

std::optional<std::vector<StubEntry>> read_stub(const std::string& db_dir) {
  std::ifstream in(db_dir + "/XAPIANDB");
  if (!in) return std::nullopt;
  std::vector<StubEntry> out;
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string backend, target;
    if (!(words >> backend)) continue;  // a blank line
    words >> target;
    StubEntry::Kind kind = backend == "auto" || backend == "glass" ? StubEntry::Kind::kLocal
                           : backend == "remote"                   ? StubEntry::Kind::kRemote
                                                                   : StubEntry::Kind::kOther;
    out.push_back({kind, target});
  }
  return out;
}

std::string local_path(const std::string& db_dir, const StubEntry& entry) {
  return entry.target.starts_with('/') ? entry.target : db_dir + "/" + entry.target;
}

Status write_stub(const std::string& db_dir, const std::vector<StubEntry>& entries) {
  std::string stub = db_dir + "/XAPIANDB";
  std::string tmp = stub + ".tmp";
  std::string content;
  for (const StubEntry& e : entries) {
    content.append(e.kind == StubEntry::Kind::kRemote ? "remote " : "auto ").append(e.target);
    content += '\n';
  }
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return error_from_errno(errno, "cannot write " + tmp);
  int err = 0;
  for (std::size_t done = 0; done < content.size() && err == 0;) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) err = errno;
    done += n > 0 ? static_cast<std::size_t>(n) : 0;
  }
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  ::close(fd);
  if (err != 0) return error_from_errno(err, "cannot write " + tmp);
  if (::rename(tmp.c_str(), stub.c_str()) != 0) {
    return error_from_errno(errno, "cannot replace " + stub);
  }
  int dir = ::open(db_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);  // the rename itself outlives a crash
    ::close(dir);
  }
  return Ok{};
}

}  // namespace eavesearch
