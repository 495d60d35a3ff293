// One bad entry cannot stop the nightly job, and what it merely could not
// read keeps its records (issue 16): `eavesearch index` as the service runs
// it, over an archive holding a symbolic link loop, a path past PATH_MAX, a
// folder or a file it may not read. Only a file really gone loses its
// records. Root reads every folder whatever its mode, so as root the index
// runs as nobody (setpriv), as the service user would.
#include <dirent.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/corpus.h"
#include "tests/index_dump.h"
#include "tests/shell.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using testing::Outcome;
using testing::shell;
using testing::shell_quote;

constexpr uid_t kNobody = 65534;
const std::string kAsNobody = "setpriv --reuid=65534 --regid=65534 --clear-groups ";

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// The --json summary line of an index run's output (warnings come before it).
nlohmann::json summary(const Outcome& run) {
  auto at = run.out.rfind("\n{");
  std::string line = run.out.substr(at == std::string::npos ? 0 : at + 1);
  return nlohmann::json::parse(line, nullptr, false);
}

// `depth` nested folders of 200-byte names under `base`, made by relative
// paths (mkdirat), with a log at the bottom: a path far past PATH_MAX.
void make_deep_tree(const fs::path& base, int depth) {
  const std::string name(200, 'd');
  int fd = ::open(base.c_str(), O_RDONLY | O_DIRECTORY);
  for (int k = 0; k < depth && fd >= 0; ++k) {
    ::mkdirat(fd, name.c_str(), 0755);
    int next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
    ::close(fd);
    fd = next;
  }
  ASSERT_GE(fd, 0);
  int log = ::openat(fd, "tc.2020-01-01-10.00.log.txt", O_WRONLY | O_CREAT, 0644);
  ASSERT_GE(log, 0);
  std::string line = "10:00:00 <deep> lost in folders\n";
  ASSERT_EQ(::write(log, line.data(), line.size()), static_cast<ssize_t>(line.size()));
  ::close(log);
  ::close(fd);
}

// Removes the tree `name` in folder `parent_fd` by relative paths (as
// fs::remove_all cannot, past PATH_MAX).
void remove_tree_at(int parent_fd, const char* name) {
  int fd = ::openat(parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  if (fd >= 0) {
    DIR* dir = ::fdopendir(fd);
    while (const dirent* e = ::readdir(dir)) {
      std::string_view entry = e->d_name;
      if (entry == "." || entry == "..") continue;
      if (e->d_type == DT_DIR) {
        remove_tree_at(fd, e->d_name);
      } else {
        ::unlinkat(fd, e->d_name, 0);
      }
    }
    ::closedir(dir);
  }
  ::unlinkat(parent_fd, name, AT_REMOVEDIR);
}

class UnreadableArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The tc meetings of the sample: ten logs over six year shards, the
    // older years built without a termlist.
    fs::create_directories(archive() / "meetings/tc");
    fs::copy(testing::sample_dir() / "meetings/tc", archive() / "meetings/tc",
             fs::copy_options::recursive);
    fs::permissions(archive_.path(), fs::perms(0755));
    fs::permissions(dbs_.path(), fs::perms(0755));
    if (::geteuid() == 0) {
      ASSERT_EQ(::chown(dbs_.path().c_str(), kNobody, kNobody), 0);
      Outcome probe = shell(kAsNobody + "true");
      if (probe.code != 0) GTEST_SKIP() << "root cannot run as nobody with setpriv: " << probe.out;
    }
  }

  fs::path archive() const { return archive_.path(); }
  std::string db() const { return dbs_.str() + "/db"; }

  // `eavesearch index --json` as the service user (nobody, when root).
  Outcome index(const std::string& flags = "") const {
    std::string as_user = ::geteuid() == 0 ? kAsNobody : "";
    return shell(as_user + EAVESEARCH_BIN + " index " + shell_quote(archive().string()) + " --db " +
                 shell_quote(db()) + " --json " + flags);
  }

  // The first difference between the index and a clean build of the archive
  // as it is ("" when the same).
  std::string difference_from_clean_build() {
    std::string clean = dbs_.str() + "/clean-" + std::to_string(++builds_);
    Outcome built = shell(std::string(EAVESEARCH_BIN) + " index " +
                          shell_quote(archive().string()) + " --db " + shell_quote(clean));
    if (built.code != 0) return "clean build failed: " + built.out;
    return testing::first_difference(testing::dump_index(db()), testing::dump_index(clean));
  }

  testing::TempDir archive_;
  testing::TempDir dbs_;
  int builds_ = 0;
};

TEST_F(UnreadableArchiveTest, ASymbolicLinkLoopIsNamedAndSkipped) {
  fs::create_symlink("loop", archive() / "meetings/tc/loop");
  fs::create_directories(archive() / "irclogs");
  fs::create_symlink("b", archive() / "irclogs/a");
  fs::create_symlink("a", archive() / "irclogs/b");
  Outcome run = index();
  EXPECT_EQ(run.code, 1) << run.out;
  EXPECT_TRUE(contains(run.out, (archive() / "meetings/tc/loop").string() + ": skipped"))
      << run.out;
  EXPECT_TRUE(contains(run.out, "Too many levels of symbolic links")) << run.out;
  EXPECT_EQ(summary(run)["files_new"], 10) << run.out;
  EXPECT_EQ(summary(run)["files_skipped"], 3) << run.out;
}

TEST_F(UnreadableArchiveTest, APathPastPathMaxIsNamedAndSkipped) {
  fs::create_directories(archive() / "meetings/deep");
  make_deep_tree(archive() / "meetings/deep", 25);
  Outcome run = index();
  {
    int fd = ::open((archive() / "meetings/deep").c_str(), O_RDONLY | O_DIRECTORY);
    remove_tree_at(fd, std::string(200, 'd').c_str());
    ::close(fd);
  }
  EXPECT_EQ(run.code, 1) << run.out;
  EXPECT_TRUE(contains(run.out, (archive() / "meetings/deep/").string() + std::string(200, 'd')))
      << run.out;
  EXPECT_TRUE(contains(run.out, "File name too long")) << run.out;
  EXPECT_EQ(summary(run)["files_new"], 10) << run.out;
  EXPECT_EQ(summary(run)["files_skipped"], 1) << run.out;
}

// Row 6: a folder the service user may not read is not a folder removed.
TEST_F(UnreadableArchiveTest, AnUnreadableFolderKeepsItsRecords) {
  ASSERT_EQ(index().code, 0);
  auto before = testing::dump_index(db());
  const fs::path folder = archive() / "meetings/tc/2016";
  fs::permissions(folder, fs::perms::none);
  Outcome hidden = index();
  fs::permissions(folder, fs::perms(0755));
  EXPECT_EQ(hidden.code, 1) << hidden.out;
  EXPECT_TRUE(contains(hidden.out, folder.string() + ": skipped")) << hidden.out;
  EXPECT_TRUE(contains(hidden.out, "Permission denied")) << hidden.out;
  EXPECT_EQ(summary(hidden)["files_removed"], 0) << hidden.out;
  EXPECT_EQ(summary(hidden)["records_removed"], 0) << hidden.out;
  EXPECT_EQ(testing::first_difference(testing::dump_index(db()), before), "");

  Outcome readable = index();  // readable again: nothing to do
  EXPECT_EQ(readable.code, 0) << readable.out;
  EXPECT_EQ(summary(readable)["files_unchanged"], 10) << readable.out;
  EXPECT_EQ(summary(readable)["committed"], false) << readable.out;

  fs::remove_all(folder);  // really gone: its two logs' records go
  Outcome gone = index();
  EXPECT_EQ(gone.code, 0) << gone.out;
  EXPECT_EQ(summary(gone)["files_removed"], 2) << gone.out;
  EXPECT_EQ(difference_from_clean_build(), "");
}

// A --rebuild makes a new index from what it reads: one that could not read
// a folder would lack its records, so the live index stays.
TEST_F(UnreadableArchiveTest, ARebuildThatCannotReadAFolderKeepsTheLiveIndex) {
  ASSERT_EQ(index().code, 0);
  auto before = testing::dump_index(db());
  std::string live = testing::live_generation(db());
  const fs::path folder = archive() / "meetings/tc/2016";
  fs::permissions(folder, fs::perms::none);
  Outcome rebuild = index("--rebuild");
  fs::permissions(folder, fs::perms(0755));
  EXPECT_EQ(rebuild.code, 4) << rebuild.out;
  EXPECT_TRUE(contains(rebuild.out, folder.string() + ": skipped")) << rebuild.out;
  EXPECT_TRUE(contains(rebuild.out, "the live index is kept")) << rebuild.out;
  EXPECT_EQ(testing::live_generation(db()), live);
  EXPECT_EQ(testing::first_difference(testing::dump_index(db()), before), "");
  EXPECT_EQ(index("--rebuild").code, 0);
  EXPECT_EQ(difference_from_clean_build(), "");
}

// A changed file that cannot be read keeps the records of what it was.
TEST_F(UnreadableArchiveTest, AnUnreadableFileKeepsItsRecords) {
  ASSERT_EQ(index().code, 0);
  auto before = testing::dump_index(db());
  const fs::path log = archive() / "meetings/tc/2025/tc.2025-06-03-18.01.log.txt";
  std::ofstream(log, std::ios::app) << "19:30:00 <gmann> one more line\n";
  fs::permissions(log, fs::perms::none);
  Outcome hidden = index();
  EXPECT_EQ(hidden.code, 1) << hidden.out;
  EXPECT_TRUE(contains(hidden.out, log.string() + ": skipped")) << hidden.out;
  EXPECT_TRUE(contains(hidden.out, "cannot read: Permission denied")) << hidden.out;
  EXPECT_EQ(summary(hidden)["records_removed"], 0) << hidden.out;
  EXPECT_EQ(testing::first_difference(testing::dump_index(db()), before), "");

  fs::permissions(log, fs::perms(0644));
  Outcome readable = index();
  EXPECT_EQ(readable.code, 0) << readable.out;
  // It, and the three tc meetings before it, which read it as a later
  // meeting of their series (the action ledger).
  EXPECT_EQ(summary(readable)["files_changed"], 4) << readable.out;
  EXPECT_EQ(difference_from_clean_build(), "");
}

// An older year's shard has no termlist (DESIGN.md 9): a changed file makes
// the run rebuild it, reading all its files. One it cannot read leaves the
// shard as it was, rather than rebuilt without that file's records.
TEST_F(UnreadableArchiveTest, AShardRebuildThatCannotReadAFileLeavesTheShard) {
  ASSERT_EQ(index().code, 0);
  auto before = testing::dump_index(db());
  std::ofstream(archive() / "meetings/tc/2016/tc.2016-01-12-20.00.log.txt", std::ios::app)
      << "21:05:00 <ttx> one more thing after the meeting\n";
  const fs::path unreadable = archive() / "meetings/tc/2016/tc.2016-11-01-20.01.log.txt";
  fs::permissions(unreadable, fs::perms::none);
  Outcome hidden = index();
  EXPECT_EQ(hidden.code, 1) << hidden.out;
  // The changed 2016 log and a 2013 one whose later meetings it is both read
  // the unreadable log as a later meeting of tc (the action ledger): both
  // are kept as they were, and the 2013 shard, which the second needs
  // rebuilt, is not.
  EXPECT_TRUE(contains(hidden.out, unreadable.string() + " cannot be read: Permission denied"))
      << hidden.out;
  EXPECT_TRUE(contains(hidden.out, "shard 2013: not rebuilt")) << hidden.out;
  EXPECT_EQ(testing::first_difference(testing::dump_index(db()), before), "");

  fs::permissions(unreadable, fs::perms(0644));
  Outcome readable = index();
  EXPECT_EQ(readable.code, 0) << readable.out;
  EXPECT_EQ(difference_from_clean_build(), "");
}

}  // namespace
}  // namespace eavesearch
