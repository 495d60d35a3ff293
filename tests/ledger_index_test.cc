// The action ledger in the index (indexer/series_ledger.h): an item's fate
// follows the meetings after it as they come, go and change, and an
// incremental run leaves what a clean build makes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "eavesearch/indexer.h"
#include "eavesearch/searcher.h"
#include "tests/corpus.h"
#include "tests/index_dump.h"
#include "tests/shell.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;

class LedgerIndexTest : public ::testing::Test {
 protected:
  void write(const std::string& rel, const std::string& lines) {
    fs::path path = archive_.path() / rel;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::trunc) << "10:00:00 <chair> #startmeeting m\n"
                                         << lines << "10:59:00 <chair> #endmeeting\n";
  }

  void index(const std::string& db) {
    auto report = index_archives({{archive_.str()}, db}, [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
  }

  // The incremental run, compared with a clean build of the same archive.
  void index_and_compare(const std::string& step) {
    index(db_);
    std::string clean = (dbs_.path() / ("clean-" + std::to_string(++builds_))).string();
    index(clean);
    EXPECT_EQ(testing::first_difference(testing::dump_index(db_), testing::dump_index(clean)), "")
        << "after: " << step;
  }

  // The status and evidence of the one action item `query` finds.
  std::pair<std::string, std::vector<std::string>> item(const std::string& query) {
    auto searcher = Searcher::open(db_);
    EXPECT_TRUE(searcher.ok());
    if (!searcher.ok()) return {};
    SearchRequest request;
    request.q = query;
    auto found = searcher->search(request);
    EXPECT_TRUE(found.ok());
    if (!found.ok() || found->hits.size() != 1) {
      ADD_FAILURE() << query << ": " << (found.ok() ? found->hits.size() : 0) << " hits";
      return {};
    }
    return {found->hits[0].record.status, found->hits[0].record.evidence};
  }

  testing::TempDir archive_;
  testing::TempDir dbs_;
  std::string db_ = (dbs_.path() / "db").string();
  int builds_ = 0;
};

const std::string kFirst = "meetings/m/2020/m.2020-01-01-10.00.log.txt";
const std::string kSecond = "meetings/m/2020/m.2020-01-08-10.00.log.txt";
const std::string kAction =
    "10:01:00 <alice> hi\n"
    "10:02:00 <chair> #action alice to propose a patch for privsep\n";

TEST_F(LedgerIndexTest, AnItemsFateFollowsTheMeetingsAfterIt) {
  write(kFirst, kAction);
  index_and_compare("one meeting");
  EXPECT_EQ(item("is:open privsep").first, "open");

  write(kSecond,
        "10:01:00 <chair> alice to propose a patch for privsep\n"
        "10:01:30 <alice> proposed it: https://review.opendev.org/c/openstack/nova/+/712345\n");
  index_and_compare("a later meeting where it is done");
  auto done = item("is:done privsep");
  EXPECT_EQ(done.first, "done");
  EXPECT_EQ(done.second, std::vector<std::string>{"meetings/m/2020/m.2020-01-08-10.00#3"});

  write(kSecond,
        "10:01:00 <chair> alice to propose a patch for privsep\n"
        "10:01:30 <alice> not done yet, carry it over please\n"
        "10:02:00 <chair> #action alice to propose a patch for privsep (carried over)\n");
  index_and_compare("that meeting changed: carried over instead");
  auto carried = item("is:carried privsep");
  EXPECT_EQ(carried.first, "carried");
  EXPECT_EQ(carried.second, std::vector<std::string>{"meetings/m/2020/m.2020-01-08-10.00#4"});
  EXPECT_EQ(item("is:open privsep").second, std::vector<std::string>{})
      << "the later occurrence is open";

  fs::remove(archive_.path() / kSecond);
  index_and_compare("the later meeting gone");
  EXPECT_EQ(item("is:action privsep").first, "open");
}

// A series indexed as its meetings come, in two runs, is the clean build's.
TEST_F(LedgerIndexTest, AGeneratedSeriesIndexedInTwoRunsIsTheCleanBuild) {
  testing::TempDir generated;
  auto made = testing::shell(std::string(EAVESEARCH_GENERATE) + " --out " +
                             testing::shell_quote(generated.str()) +
                             " --seed 5 --meetings 120 --no-channel-logs --plant-ledger " +
                             testing::shell_quote(generated.str() + "/truth.tsv"));
  ASSERT_EQ(made.code, 0) << made.out;
  auto copy_meetings = [&](bool before_2019) {
    for (const auto& e : fs::recursive_directory_iterator(generated.path() / "meetings")) {
      if (!e.is_regular_file()) continue;
      std::string rel = fs::relative(e.path(), generated.path()).string();
      bool early = e.path().parent_path().filename().string() < "2019";
      if (early != before_2019) continue;
      fs::create_directories((archive_.path() / rel).parent_path());
      fs::copy_file(e.path(), archive_.path() / rel, fs::copy_options::overwrite_existing);
    }
  };
  copy_meetings(true);
  index(db_);
  copy_meetings(false);
  index_and_compare("the meetings from 2019 on added");
  auto searcher = Searcher::open(db_);
  ASSERT_TRUE(searcher.ok());
  for (const char* status : {"is:open", "is:carried", "is:done"}) {
    SearchRequest request;
    request.q = status;
    auto found = searcher->search(request);
    ASSERT_TRUE(found.ok());
    EXPECT_GT(found->total, 0) << status;
  }
  // The API's ledger: each item with its evidence lines.
  testing::TestServer server(db_);
  for (const char* status : {"done", "carried"}) {
    auto j = testing::get_json(server.port(), std::string("/api/v1/actions?status=") + status);
    ASSERT_FALSE(j["actions"].empty()) << status;
    for (const auto& a : j["actions"]) {
      EXPECT_EQ(a["status"], status);
      EXPECT_EQ(a["item"], "action");
      ASSERT_EQ(a["evidence_lines"].size(), a["evidence"].size()) << a.dump();
      EXPECT_EQ(a["evidence_lines"][0]["id"], a["evidence"][0]);
      if (std::string(status) == "carried") {
        EXPECT_EQ(a["evidence_lines"][0]["item"], "action") << "assigned again";
      } else {
        EXPECT_TRUE(a["evidence_lines"][0]["item"].is_null()) << "a line saying so, not an item";
      }
    }
  }
  testing::get_json(server.port(), "/api/v1/actions?status=maybe", 400);

  // A person's page lists their open items first.
  int people_seen = 0;
  const auto done = testing::get_json(server.port(), "/api/v1/actions?status=done");
  for (const auto& a : done["actions"]) {
    if (a["owners"].empty()) continue;
    std::string owner = a["owners"][0];
    auto items = testing::get_json(server.port(), "/api/v1/people/" + owner)["action_items"];
    ASSERT_FALSE(items.empty()) << owner;
    bool other_seen = false;
    for (const auto& item : items) {
      if (item["status"] != "open") other_seen = true;
      EXPECT_FALSE(other_seen && item["status"] == "open") << owner << ": " << items.dump();
    }
    EXPECT_TRUE(other_seen) << owner << " has a done item";
    ++people_seen;
  }
  EXPECT_GT(people_seen, 0);
}

}  // namespace
}  // namespace eavesearch
