#include "indexer/db_layout.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/xapian_errors.h"

namespace eavesearch {
namespace fs = std::filesystem;

Result<WriterLock> WriterLock::acquire(const std::string& db_dir) {
  std::error_code ec;
  fs::create_directories(db_dir, ec);
  if (ec) return Error{ErrorCode::kIo, "cannot create " + db_dir + ": " + ec.message()};
  std::string path = db_dir + "/lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Error{ErrorCode::kIo, "cannot open " + path + ": " + std::strerror(errno)};
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return Error{ErrorCode::kLocked, db_dir + " is locked by another eavesearch index"};
    }
    return Error{ErrorCode::kIo, "cannot lock " + path + ": " + std::strerror(err)};
  }
  return WriterLock(fd);
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);
}

Result<Xapian::WritableDatabase> open_live_generation(const std::string& db_dir) {
  return with_xapian_errors([&]() -> Result<Xapian::WritableDatabase> {
    std::string stub = db_dir + "/XAPIANDB";
    std::string generation = "gen-1";
    std::ifstream in(stub);
    if (in) {
      std::string backend;
      if (!(in >> backend >> generation) || backend != "auto" ||
          generation.find('/') != std::string::npos) {
        return Error{ErrorCode::kCorrupt, stub + " is not a stub eavesearch wrote"};
      }
    }
    Xapian::WritableDatabase db(db_dir + "/" + generation, Xapian::DB_CREATE_OR_OPEN);
    if (!in) {
      std::string tmp = stub + ".tmp";
      {
        std::ofstream out(tmp, std::ios::trunc);
        out << "auto " << generation << "\n";
        if (!out.flush()) return Error{ErrorCode::kIo, "cannot write " + tmp};
      }
      std::error_code ec;
      fs::rename(tmp, stub, ec);
      if (ec) return Error{ErrorCode::kIo, "cannot write " + stub + ": " + ec.message()};
    }
    return db;
  });
}

}  // namespace eavesearch
