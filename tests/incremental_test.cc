// The nightly job's promise (DESIGN.md 6): after any change to the archive,
// an incremental run leaves exactly what a clean build of the new archive
// makes, including records that depend on more than one file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "eavesearch/indexer.h"
#include "tests/corpus.h"
#include "tests/index_dump.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;

const fs::path kTcLogs = "meetings/tc";
const fs::path kTcChannel = "irclogs/#openstack-tc";
const std::string kKolla = "irclogs/#openstack-meeting-4/#openstack-meeting-4.2020-11-";
const std::string kHtmlOnly = "meetings/tc/2020/tc.2020-12-31-23.59";

class IncrementalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The tc meetings and their channel's logs, a meeting held in a channel
    // log only that runs past midnight, and a meeting with only a .log.html.
    fs::create_directories(archive() / kTcLogs);
    fs::copy(testing::sample_dir() / kTcLogs, archive() / kTcLogs, fs::copy_options::recursive);
    fs::create_directories(archive() / kTcChannel);
    fs::copy(testing::sample_dir() / kTcChannel, archive() / kTcChannel,
             fs::copy_options::recursive);
    fs::create_directories(archive() / fs::path(kKolla).parent_path());
    for (const char* day : {"18.log", "19.log"}) {
      fs::copy_file(testing::sample_dir() / (kKolla + day), archive() / (kKolla + day));
    }
    fs::copy(fs::path(EAVESEARCH_TEST_DATA) / "golden/meetbot_html/meetings",
             archive() / "meetings", fs::copy_options::recursive | fs::copy_options::skip_existing);
  }

  fs::path archive() const { return archive_.path(); }

  void index(const std::string& db) {
    auto report = index_archives({{archive().string()}, db}, [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
  }

  // Runs the incremental index, then a clean build into a new database,
  // and compares every document.
  void expect_same_as_clean_build(const std::string& step) {
    index(db_);
    std::string clean = (dbs_.path() / ("clean-" + std::to_string(++builds_))).string();
    index(clean);
    auto got = testing::dump_index(db_);
    auto want = testing::dump_index(clean);
    EXPECT_EQ(testing::first_difference(got, want), "") << "after: " << step;
    EXPECT_EQ(got.size(), want.size()) << "after: " << step;
  }

  void append(const fs::path& rel, const std::string& lines) {
    std::ofstream(archive() / rel, std::ios::app) << lines;
  }

  testing::TempDir archive_;
  testing::TempDir dbs_;
  std::string db_ = (dbs_.path() / "db").string();
  int builds_ = 0;
};

TEST_F(IncrementalTest, EveryChangeConvergesToACleanBuild) {
  const fs::path last_meeting = kTcLogs / "2025/tc.2025-06-03-18.01.log.txt";
  const fs::path last_day = kTcChannel / "#openstack-tc.2025-06-03.log";
  const fs::path some_meeting = kTcLogs / "2016/tc.2016-01-12-20.00.log.txt";
  const fs::path some_day = kTcChannel / "#openstack-tc.2017-01-10.log";
  const fs::path its_meeting = kTcLogs / "2017/tc.2017-01-10-20.00.log.txt";
  std::string held_meeting = testing::read_file(archive() / last_meeting);
  std::string held_day = testing::read_file(archive() / last_day);
  fs::remove(archive() / last_meeting);
  fs::remove(archive() / last_day);
  index(db_);

  // A new day: a meeting's log and its channel's log.
  testing::write_file(archive() / last_meeting, held_meeting);
  testing::write_file(archive() / last_day, held_day);
  expect_same_as_clean_build("a day of new logs");

  // Logs grow: a meeting log past its end, a channel log, and the day a
  // meeting began that goes on in the next day's log (a new topic there
  // changes the next day's records).
  append(some_meeting, "21:05:00 <ttx> one more thing after the meeting\n");
  append(some_day, "2017-01-10T23:50:00  <fungi> late chatter about zuul\n");
  std::string kolla = testing::read_file(archive() / (kKolla + "18.log"));
  std::smatch chair;
  ASSERT_TRUE(std::regex_search(kolla, chair, std::regex(R"(<([^>]+)> #startmeeting)")));
  append(kKolla + "18.log", "2020-11-18T23:59:58  <" + chair[1].str() + "> #topic late topic\n");
  expect_same_as_clean_build("lines appended");

  // A meeting's own log deleted: its lines come from the channel log again.
  std::string deleted = testing::read_file(archive() / its_meeting);
  fs::remove(archive() / its_meeting);
  expect_same_as_clean_build("a meeting log deleted");

  // The .log.txt of a meeting known by its .log.html appears: it wins.
  testing::write_file(archive() / (kHtmlOnly + ".log.txt"),
                      "23:59:50 <mnaser> #startmeeting tc\n"
                      "23:59:55 <mnaser> #topic Late & long\n"
                      "00:00:05 <gmann> it is tomorrow\n"
                      "00:00:20 <mnaser> #endmeeting\n");
  expect_same_as_clean_build("a .log.txt beside a .log.html");

  // The channel log a meeting learnt its channel from is deleted.
  fs::remove(archive() / kTcChannel / "#openstack-tc.2016-01-12.log");
  expect_same_as_clean_build("a channel log deleted");

  // The deleted meeting log comes back: its channel copy is left out again.
  testing::write_file(archive() / its_meeting, deleted);
  expect_same_as_clean_build("a meeting log restored");

  // And the .log.txt goes: the .log.html is read again.
  fs::remove(archive() / (kHtmlOnly + ".log.txt"));
  expect_same_as_clean_build("a .log.txt removed");
}

}  // namespace
}  // namespace eavesearch
