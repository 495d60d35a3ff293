// The archive walker (indexer/archive_walker.h): what it cannot read is
// named and skipped, and the walk goes on.
#include "indexer/archive_walker.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/corpus.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> rel_paths(const ArchiveWalk& walk) {
  std::vector<std::string> out;
  for (const ArchiveFile& f : walk.files) out.push_back(f.rel_path);
  return out;
}

class ArchiveWalkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* path : {"meetings/nova/2020/nova.2020-05-14-14.00.log.txt",
                             "meetings/tc/2019/tc.2019-07-04-14.04.log.txt",
                             "meetings/tc/2020/tc.2020-05-14-15.00.log.txt", "README.md",
                             ".git/config", "meetings/.hidden/x.2020-01-01-10.00.log.txt"}) {
      testing::write_file(root() / path, "10:00:00 <a> hello\n");
    }
  }
  fs::path root() const { return archive_.path(); }
  testing::TempDir archive_;
};

TEST_F(ArchiveWalkerTest, ListsArchiveFilesInPathOrder) {
  auto walk = walk_archives({root().string()});
  ASSERT_TRUE(walk.ok()) << walk.error().message;
  EXPECT_EQ(rel_paths(*walk),
            (std::vector<std::string>{"meetings/nova/2020/nova.2020-05-14-14.00.log.txt",
                                      "meetings/tc/2019/tc.2019-07-04-14.04.log.txt",
                                      "meetings/tc/2020/tc.2020-05-14-15.00.log.txt"}));
  EXPECT_TRUE(walk->warnings.empty());
  EXPECT_TRUE(walk->unreadable.empty());
  EXPECT_EQ(walk->files[0].abs_path,
            (root() / "meetings/nova/2020/nova.2020-05-14-14.00.log.txt").string());
  EXPECT_EQ(walk->files[0].size, 19u);
}

// A folder listed in its parent and gone when the walk enters it (the
// mirror job swapping it for a new copy) is named and skipped, and its
// files are not taken for removed: it stands in `unreadable`.
TEST_F(ArchiveWalkerTest, AFolderThatVanishesMidWalkIsNamedAndSkipped) {
  const fs::path vanishing = root() / "meetings/tc/2019";
  auto walk = walk_archives({root().string()}, [&](const std::string& folder) {
    if (folder == vanishing.string()) fs::remove_all(vanishing);
  });
  ASSERT_TRUE(walk.ok()) << walk.error().message;
  EXPECT_EQ(rel_paths(*walk),
            (std::vector<std::string>{"meetings/nova/2020/nova.2020-05-14-14.00.log.txt",
                                      "meetings/tc/2020/tc.2020-05-14-15.00.log.txt"}));
  ASSERT_EQ(walk->warnings.size(), 1u);
  EXPECT_EQ(walk->warnings[0],
            vanishing.string() + ": skipped: cannot list the folder: No such file or directory");
  EXPECT_TRUE(walk->unreadable.covers("meetings/tc/2019/tc.2019-07-04-14.04.log.txt"));
  EXPECT_TRUE(walk->unreadable.covers("meetings/tc/2019"));
  EXPECT_FALSE(walk->unreadable.covers("meetings/tc/2019-old/x.log"));
  EXPECT_FALSE(walk->unreadable.covers("meetings/tc/2020/tc.2020-05-14-15.00.log.txt"));
}

// What is gone when looked at (a file deleted after its folder was listed, a
// dangling link) is simply not there: no warning.
TEST_F(ArchiveWalkerTest, ADanglingLinkIsNotAFile) {
  fs::create_symlink("nowhere.log.txt", root() / "meetings/tc/2020/tc.2020-06-01-15.00.log.txt");
  auto walk = walk_archives({root().string()});
  ASSERT_TRUE(walk.ok()) << walk.error().message;
  EXPECT_EQ(walk->files.size(), 3u);
  EXPECT_TRUE(walk->warnings.empty());
}

TEST_F(ArchiveWalkerTest, AMissingRootIsAnError) {
  auto walk = walk_archives({(root() / "nope").string()});
  ASSERT_FALSE(walk.ok());
  EXPECT_EQ(walk.error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace eavesearch
