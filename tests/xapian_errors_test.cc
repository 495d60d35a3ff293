// core/xapian_errors.h: the one mapping of Xapian's exceptions (and of the
// file system's) to Errors; a full disk is named as such whichever way it
// comes.
#include "core/xapian_errors.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <functional>
#include <sstream>
#include <vector>

#include "eavesearch/indexer.h"
#include "eavesearch/searcher.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

TEST(XapianErrorsTest, AFullDiskIsNamedWhicheverWayItComes) {
  struct Case {
    const char* what;
    std::function<void()> fail;
    std::string message;
  };
  const Case cases[] = {
      {"errno kept by Xapian",
       [] { throw Xapian::DatabaseError("Error writing block 17", ENOSPC); },
       "no space left on device (DatabaseError: Error writing block 17)"},
      {"in the text of Xapian's own message",
       [] {
         throw Xapian::DatabaseError(
             "Modifications failed (DatabaseError: Error writing block 8 (No space left on "
             "device)), and couldn't open at the old revision: Error writing to file");
       },
       "no space left on device (DatabaseError: Modifications failed (DatabaseError: Error "
       "writing block 8 (No space left on device)), and couldn't open at the old revision: "
       "Error writing to file)"},
      {"from the file system",
       [] {
         throw std::filesystem::filesystem_error(
             "cannot create directories", "/db/gen-2",
             std::make_error_code(std::errc::no_space_on_device));
       },
       "/db/gen-2: no space left on device"},
      {"another write error", [] { throw Xapian::DatabaseError("Error writing block 17", EIO); },
       "DatabaseError: Error writing block 17"},
  };
  for (const Case& c : cases) {
    Status status = with_xapian_errors([&]() -> Status {
      c.fail();
      return Ok{};
    });
    ASSERT_FALSE(status.ok()) << c.what;
    EXPECT_EQ(status.error().code, ErrorCode::kIo) << c.what;
    EXPECT_EQ(status.error().message, c.message) << c.what;
  }
}

// Out of file descriptors, a database that is there must not read as "no
// database": the error names the limit, as an operator needs to raise it.
TEST(XapianErrorsTest, TooManyOpenFilesIsNamedNotMissing) {
  testing::TempDir dir;
  std::string db = (dir.path() / "db").string();
  auto built = index_archives(
      {{(std::filesystem::path(EAVESEARCH_TEST_DATA) / "two_meetings").string()}, db},
      [](const std::string&) {});
  ASSERT_TRUE(built.ok()) << built.error().message;
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {  // the limit in a child, so that this process keeps its own
    close(out[0]);
    std::vector<int> filler;  // every descriptor taken, then `spare` given back
    for (int fd; (fd = ::open("/dev/null", O_RDONLY)) >= 0 && filler.size() < 100000;) {
      filler.push_back(fd);
    }
    rlimit low{static_cast<rlim_t>(filler.back() + 1), static_cast<rlim_t>(filler.back() + 1)};
    setrlimit(RLIMIT_NOFILE, &low);
    for (int spare = 0; spare <= 40; ++spare) {
      if (spare > 0) close(filler[filler.size() - spare]);
      auto searcher = Searcher::open(db);
      std::string said = searcher ? "opened"
                                  : std::to_string(static_cast<int>(searcher.error().code)) + " " +
                                        searcher.error().message;
      said = std::to_string(spare) + ": " + said + "\n";
      (void)!write(out[1], said.data(), said.size());
    }
    _exit(0);
  }
  close(out[1]);
  std::string said;
  char buffer[512];
  for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;) said.append(buffer, n);
  close(out[0]);
  int status = 0;
  waitpid(child, &status, 0);
  // Each try either opened or named the limit; with none spare it cannot open.
  std::istringstream lines(said);
  int failed = 0, opened = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.ends_with(": opened")) {
      ++opened;
      continue;
    }
    ++failed;
    EXPECT_NE(line.find(": " + std::to_string(static_cast<int>(ErrorCode::kIo)) + " "),
              std::string::npos)
        << line;
    EXPECT_NE(line.find("too many open files"), std::string::npos) << line;
  }
  EXPECT_GT(failed, 0) << said;
  EXPECT_GT(opened, 0) << said;
}

}  // namespace
}  // namespace eavesearch
