// server/mapped_reads.h: a read-only `.glass` file is read from a mapping,
// byte for byte what the system call reads, and anything else as before.
// Built only where the tests link mapped_reads (not under the sanitizers).
#include "server/mapped_reads.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <string>

#include "tests/corpus.h"

namespace eavesearch {
namespace {

// What the system call itself reads.
std::string read_by_syscall(int fd, std::size_t count, off_t offset) {
  std::string out(count, '\0');
  auto n = ::syscall(SYS_pread64, fd, out.data(), count, offset);
  out.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
  return out;
}

std::string read_by_pread(int fd, std::size_t count, off_t offset) {
  std::string out(count, '\0');
  ssize_t n = ::pread(fd, out.data(), count, offset);
  out.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
  return out;
}

class MappedReadsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string text;
    for (int k = 0; k < 3000; ++k) text += "block " + std::to_string(k) + "\n";
    testing::write_file(dir_.path() / "postlist.glass", text);
    testing::write_file(dir_.path() / "notes.txt", text);
    size_ = text.size();
  }
  std::string path(const char* name) const { return (dir_.path() / name).string(); }
  testing::TempDir dir_;
  std::size_t size_ = 0;
};

TEST_F(MappedReadsTest, AReadOnlyIndexFileIsReadFromItsMappingAsBySyscall) {
  int fd = ::open(path("postlist.glass").c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  EXPECT_TRUE(is_mapped(fd));
  for (off_t offset : {off_t{0}, off_t{4096}, static_cast<off_t>(size_ - 10)}) {
    EXPECT_EQ(read_by_pread(fd, 100, offset), read_by_syscall(fd, 100, offset)) << offset;
  }
  // Past the end: what the system call gives (a short read, then nothing).
  EXPECT_EQ(read_by_pread(fd, 100, static_cast<off_t>(size_ - 10)).size(), 10u);
  EXPECT_EQ(read_by_pread(fd, 100, static_cast<off_t>(size_ + 5)), "");
  char byte = 0;
  EXPECT_EQ(::pread(fd, &byte, 1, -1), -1);
  EXPECT_EQ(errno, EINVAL);
  EXPECT_EQ(::close(fd), 0);
  EXPECT_FALSE(is_mapped(fd));
}

TEST_F(MappedReadsTest, AFileGrownSinceItsMappingIsReadPastItBySyscall) {
  int fd = ::open(path("postlist.glass").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(is_mapped(fd));
  int writer = ::open(path("postlist.glass").c_str(), O_WRONLY | O_APPEND);
  ASSERT_GE(writer, 0);
  EXPECT_FALSE(is_mapped(writer));  // written: never mapped
  const std::string more = "a block committed after the reader opened the file\n";
  ASSERT_EQ(::write(writer, more.data(), more.size()), static_cast<ssize_t>(more.size()));
  ::close(writer);
  EXPECT_EQ(read_by_pread(fd, more.size(), static_cast<off_t>(size_)), more);
  EXPECT_EQ(read_by_pread(fd, 20, static_cast<off_t>(size_ - 10)),
            read_by_syscall(fd, 20, static_cast<off_t>(size_ - 10)));
  ::close(fd);
}

TEST_F(MappedReadsTest, OtherFilesAndReusedDescriptorsAreReadAsBefore) {
  int glass = ::open(path("postlist.glass").c_str(), O_RDONLY);
  ASSERT_TRUE(is_mapped(glass));
  ::close(glass);
  // The descriptor's number again, for another file: its own bytes.
  int text = ::open(path("notes.txt").c_str(), O_RDONLY);
  ASSERT_EQ(text, glass);
  EXPECT_FALSE(is_mapped(text));
  EXPECT_EQ(read_by_pread(text, 100, 0), read_by_syscall(text, 100, 0));
  EXPECT_EQ(read_by_pread(text, 8, 0), "block 0\n");
  ::close(text);
  EXPECT_LT(::open(path("missing.glass").c_str(), O_RDONLY), 0);
  EXPECT_EQ(errno, ENOENT);
}

}  // namespace
}  // namespace eavesearch
