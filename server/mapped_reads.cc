#include "server/mapped_reads.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdarg>
#include <cstring>
#include <string_view>

namespace eavesearch {
namespace {

// Each descriptor's mapping, by descriptor number. The system calls are
// made directly (not through libc's open/pread/close, which these replace),
// so that nothing here needs the dynamic linker or the allocator: jemalloc
// opens files before main().
struct Mapping {
  std::atomic<const char*> data{nullptr};
  std::size_t size = 0;
};
constexpr int kMaxDescriptor = 65536;
std::array<Mapping, kMaxDescriptor> mappings;

bool is_index_file(const char* path, int flags) {
  std::string_view p(path);
  return (flags & O_ACCMODE) == O_RDONLY && p.size() > 6 && p.substr(p.size() - 6) == ".glass";
}

void map(int fd) {
  struct stat st {};
  if (fd < 0 || fd >= kMaxDescriptor || ::fstat(fd, &st) != 0 || st.st_size <= 0) return;
  auto size = static_cast<std::size_t>(st.st_size);
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  if (data == MAP_FAILED) return;  // read with pread, as without this
  mappings[fd].size = size;
  mappings[fd].data.store(static_cast<const char*>(data), std::memory_order_release);
}

void unmap(int fd) {
  if (fd < 0 || fd >= kMaxDescriptor) return;
  const char* data = mappings[fd].data.exchange(nullptr, std::memory_order_acq_rel);
  if (data) ::munmap(const_cast<char*>(data), mappings[fd].size);
}

}  // namespace

bool is_mapped(int fd) {
  return fd >= 0 && fd < kMaxDescriptor &&
         mappings[fd].data.load(std::memory_order_acquire) != nullptr;
}

}  // namespace eavesearch

extern "C" {

int open(const char* path, int flags, ...) {
  mode_t mode = 0;
  if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE) {
    va_list args;
    va_start(args, flags);
    mode = static_cast<mode_t>(va_arg(args, int));
    va_end(args);
  }
  auto fd = static_cast<int>(::syscall(SYS_openat, AT_FDCWD, path, flags, mode));
  if (fd >= 0 && eavesearch::is_index_file(path, flags)) eavesearch::map(fd);
  return fd;
}

ssize_t pread(int fd, void* buf, size_t count, off_t offset) {
  if (fd >= 0 && fd < eavesearch::kMaxDescriptor && offset >= 0) {
    const eavesearch::Mapping& m = eavesearch::mappings[fd];
    const char* data = m.data.load(std::memory_order_acquire);
    if (data && count <= m.size && static_cast<std::size_t>(offset) <= m.size - count) {
      std::memcpy(buf, data + offset, count);
      return static_cast<ssize_t>(count);
    }
  }
  return ::syscall(SYS_pread64, fd, buf, count, offset);
}

int close(int fd) {
  eavesearch::unmap(fd);
  return static_cast<int>(::syscall(SYS_close, fd));
}

}  // extern "C"
