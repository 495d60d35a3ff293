// --shards year (DESIGN.md 3, 9): a database per year of the files' dates,
// built side by side and searched as one through the stub, holds and
// answers exactly what one database does, also across a new year's night.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "core/terms.h"
#include "eavesearch/indexer.h"
#include "eavesearch/searcher.h"
#include "tests/corpus.h"
#include "tests/index_dump.h"
#include "tests/same_answers.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;

IndexOptions layout(const fs::path& archive, const fs::path& db, Sharding sharding) {
  IndexOptions o{{archive.string()}, db.string()};
  o.sharding = sharding;
  o.jobs = 2;
  return o;
}

void index(const IndexOptions& o) {
  auto report = index_archives(o, [](const std::string&) {});
  ASSERT_TRUE(report.ok()) << report.error().message;
}

std::vector<std::string> stub_lines(const fs::path& db) {
  std::ifstream in(db / "XAPIANDB");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The file terms of the files of `archive` whose path contains `part`.
std::set<std::string> file_terms(const fs::path& archive, std::string_view part) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(archive)) {
    std::string rel = fs::relative(e.path(), archive).string();
    if (rel.find(part) != std::string::npos) out.insert(file_term(rel));
  }
  return out;
}

// Whether a document comes from one of the files whose terms are `files`.
bool from_file(const testing::DocumentDump& doc, const std::set<std::string>& files) {
  for (const auto& [term, wdf] : doc.terms) {
    if (files.count(term)) return true;
  }
  return false;
}

class ShardsTest : public ::testing::Test {
 protected:
  fs::path one() const { return dbs_.path() / "one"; }
  fs::path years() const { return dbs_.path() / "years"; }
  testing::TempDir dbs_;
};

TEST_F(ShardsTest, ShardsByYearHoldWhatOneDatabaseHolds) {
  index(layout(testing::sample_dir(), one(), Sharding::kNone));
  index(layout(testing::sample_dir(), years(), Sharding::kYear));
  EXPECT_EQ(stub_lines(one()), std::vector<std::string>{"auto gen-2"});
  // The sample's meetings run from 2012 to 2025: a database a year.
  std::vector<std::string> want;
  for (int year = 2012; year <= 2025; ++year) want.push_back("auto gen-2/" + std::to_string(year));
  EXPECT_EQ(stub_lines(years()), want);
  auto all = testing::dump_index(one().string());
  EXPECT_GT(all.size(), 40000u);
  EXPECT_EQ(testing::first_difference(testing::dump_index(years().string()), all), "");
  // A record is in the shard of its file's year.
  auto shard_2016 = testing::dump_index((years() / "gen-2" / "2016").string());
  ASSERT_FALSE(shard_2016.empty());
  const std::set<std::string> files_2016 = file_terms(testing::sample_dir(), "2016-");
  for (const auto& [id, doc] : shard_2016) ASSERT_TRUE(from_file(doc, files_2016)) << id;
}

TEST_F(ShardsTest, ServeAnswersOverShardsAsOverOneDatabase) {
  index(layout(testing::sample_dir(), one(), Sharding::kNone));
  index(layout(testing::sample_dir(), years(), Sharding::kYear));
  testing::TestServer over_one(one().string());
  testing::TestServer over_years(years().string());
  ASSERT_GT(over_one.port(), 0);
  ASSERT_GT(over_years.port(), 0);
  EXPECT_GE(testing::expect_same_answers(over_one.port(), over_years.port()), 20);
}

TEST_F(ShardsTest, AnotherLayoutTakesARebuild) {
  index(layout(testing::sample_dir(), years(), Sharding::kYear));
  auto refused = index_archives(layout(testing::sample_dir(), years(), Sharding::kNone),
                                [](const std::string&) {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kUsage);
  EXPECT_NE(refused.error().message.find("--rebuild"), std::string::npos);
  auto before = testing::dump_index(years().string());

  IndexOptions rebuild = layout(testing::sample_dir(), years(), Sharding::kNone);
  rebuild.rebuild = true;
  index(rebuild);
  EXPECT_EQ(stub_lines(years()), std::vector<std::string>{"auto gen-4"});  // gen-3 compacted
  EXPECT_EQ(testing::first_difference(testing::dump_index(years().string()), before), "");
  // Without --shards, a run keeps the database's layout.
  index(IndexOptions{{testing::sample_dir().string()}, years().string()});
  EXPECT_EQ(stub_lines(years()), std::vector<std::string>{"auto gen-4"});
}

bool has_termlist(const fs::path& shard) {
  try {
    Xapian::Database db(shard.string());
    db.termlist_begin(*db.postlist_begin(""));
    return true;
  } catch (const Xapian::FeatureUnavailableError&) {
    return false;
  }
}

// A full build leaves the termlist (a third of its time) out of every year
// but the newest: such a shard takes new files' documents, and is rebuilt,
// with a termlist, beside the one readers have when a document must go. The
// run reports what it would have with every termlist (--termlists).
TEST_F(ShardsTest, AnOlderYearWithoutATermlistIsRebuiltWhenItsFilesChange) {
  testing::TempDir archive;
  fs::copy(testing::sample_dir(), archive.path(), fs::copy_options::recursive);
  // A file the rebuild writes again without a word: it did not change.
  std::ofstream(archive.path() / "meetings/containers/2016/containers.2016-03-22-10.07.log.txt",
                std::ios::app)
      << "\nnot a MeetBot line\n";
  IndexOptions lean = layout(archive.path(), years(), Sharding::kYear);
  IndexOptions full = layout(archive.path(), dbs_.path() / "full", Sharding::kYear);
  full.termlists = true;
  index(lean);
  index(full);
  const fs::path gen = years() / "gen-2";
  EXPECT_FALSE(has_termlist(gen / "2014"));
  EXPECT_FALSE(has_termlist(gen / "2016"));
  EXPECT_TRUE(has_termlist(gen / "2025"));
  EXPECT_TRUE(has_termlist(dbs_.path() / "full" / "gen-2" / "2014"));

  auto same_run = [&] {
    std::vector<std::string> lean_warnings, full_warnings;
    auto by_lean = index_archives(lean, [&](const std::string& w) { lean_warnings.push_back(w); });
    auto by_full = index_archives(full, [&](const std::string& w) { full_warnings.push_back(w); });
    ASSERT_TRUE(by_lean.ok() && by_full.ok());
    EXPECT_EQ(lean_warnings, full_warnings);
    for (auto field :
         {&IndexReport::files_seen, &IndexReport::files_new, &IndexReport::files_changed,
          &IndexReport::files_removed, &IndexReport::files_unchanged, &IndexReport::files_other}) {
      EXPECT_EQ((*by_lean).*field, (*by_full).*field);
    }
    EXPECT_EQ(by_lean->records_added, by_full->records_added);
    EXPECT_EQ(by_lean->records_removed, by_full->records_removed);
    EXPECT_GT(by_lean->files_changed + by_lean->files_removed, 0);
    index(layout(archive.path(), one(), Sharding::kNone));
    auto want = testing::dump_index(one().string());
    EXPECT_EQ(testing::first_difference(testing::dump_index(years().string()), want), "");
    EXPECT_EQ(testing::first_difference(testing::dump_index(full.db_dir), want), "");
  };
  const fs::path changed =
      archive.path() / "meetings/networking/2016/networking.2016-10-17-21.00.log.txt";
  std::ofstream(changed, std::ios::app) << "\n21:59:00 <someone> one more word: zanzibar\n";
  fs::remove(archive.path() / "meetings/ironic/2014/ironic.2014-09-15-15.01.log.txt");
  // A new file, indexed before the changed one is met, counts as new.
  fs::copy(changed,
           archive.path() / "meetings/containers/2016/containers.2016-12-01-10.00.log.txt");
  same_run();
  std::vector<std::string> stub = stub_lines(years());
  EXPECT_EQ(std::count(stub.begin(), stub.end(), "auto gen-2/2014.2"), 1);
  EXPECT_EQ(std::count(stub.begin(), stub.end(), "auto gen-2/2016.2"), 1);
  // The 2015 networking meetings read the changed 2016 one as a later
  // meeting of their series (the action ledger): their year is rebuilt too.
  EXPECT_EQ(std::count(stub.begin(), stub.end(), "auto gen-2/2015.2"), 1);
  EXPECT_TRUE(has_termlist(gen / "2016.2"));

  // Changed again, the rebuilt shard changes in place; the folder it
  // replaced, which readers may still have open, goes on the next run.
  std::ofstream(changed, std::ios::app) << "21:59:30 <someone> and another: quokka\n";
  same_run();
  EXPECT_EQ(stub_lines(years()), stub);
  EXPECT_FALSE(fs::exists(gen / "2016"));

  // --termlists gives the other years theirs, changing nothing else.
  IndexOptions with_termlists = lean;
  with_termlists.termlists = true;
  auto report = index_archives(with_termlists, [](const std::string&) {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->files_unchanged, report->files_seen);
  EXPECT_EQ(report->records_added + report->records_removed, 0);
  EXPECT_TRUE(has_termlist(gen / "2015.2"));
  EXPECT_EQ(testing::first_difference(testing::dump_index(years().string()),
                                      testing::dump_index(full.db_dir)),
            "");
}

// A meeting held in a channel log that began on 31 December and goes on in
// 1 January's log: the two days are in two shards, and the second depends
// on the first (its lines' topic); an incremental run still equals a clean
// build of one database.
TEST_F(ShardsTest, AMeetingPastNewYearsMidnightSpansTwoShards) {
  testing::TempDir archive;
  const std::string kolla = "irclogs/#openstack-meeting-4/#openstack-meeting-4.";
  const fs::path dec31 = kolla + "2020-12-31.log";
  const fs::path jan1 = kolla + "2021-01-01.log";
  fs::create_directories(archive.path() / dec31.parent_path());
  auto moved = [&](const std::string& from_day, const fs::path& to, const std::string& to_day) {
    std::string text = testing::read_file(testing::sample_dir() / (kolla + from_day + ".log"));
    testing::write_file(archive.path() / to,
                        std::regex_replace(text, std::regex(from_day), to_day));
  };
  moved("2020-11-18", dec31, "2020-12-31");
  moved("2020-11-19", jan1, "2021-01-01");
  IndexOptions sharded = layout(archive.path(), years(), Sharding::kYear);
  index(sharded);
  EXPECT_EQ(stub_lines(years()).size(), 2u);

  std::string text = testing::read_file(archive.path() / dec31);
  std::smatch chair;
  ASSERT_TRUE(std::regex_search(text, chair, std::regex(R"(<([^>]+)> #startmeeting)")));
  std::ofstream(archive.path() / dec31, std::ios::app)
      << "2020-12-31T23:59:58  <" << chair[1].str() << "> #topic late topic\n";
  index(sharded);
  fs::path clean = dbs_.path() / "clean";
  index(layout(archive.path(), clean, Sharding::kNone));
  auto want = testing::dump_index(clean.string());
  EXPECT_EQ(testing::first_difference(testing::dump_index(years().string()), want), "");
  // The new topic is the one of 1 January's first lines.
  const std::set<std::string> jan1_file = file_terms(archive.path(), "2021-01-01");
  int late_topic_lines = 0;
  for (const auto& [id, doc] : want) {
    late_topic_lines += doc.terms.count("XTlate") && from_file(doc, jan1_file);
  }
  EXPECT_GT(late_topic_lines, 0);
}

// A hit's record and context are read from its log's documents in the
// shard of its file, which the Searcher looks for by the hit's time: a line
// after midnight of a meeting begun on 31 December is in the 2020 shard,
// though its time is in 2021's span too.
TEST_F(ShardsTest, ARecordPastNewYearsMidnightIsFoundInItsFilesShard) {
  testing::TempDir archive;
  const fs::path log = "meetings/kolla/2020/kolla.2020-12-31-23.30.log.txt";
  const fs::path jan1 = "irclogs/#openstack-kolla/#openstack-kolla.2021-01-01.log";
  fs::create_directories(archive.path() / log.parent_path());
  fs::create_directories(archive.path() / jan1.parent_path());
  testing::write_file(archive.path() / log,
                      "23:30:01 <mgoddard> #startmeeting kolla\n"
                      "23:40:00 <mgoddard> #topic the release\n"
                      "23:59:00 <yoctozepto> last line of the year\n"
                      "00:05:00 <mgoddard> first line of the new year\n"
                      "00:10:00 <yoctozepto> nightowl reviews are welcome\n"
                      "00:15:00 <mgoddard> thanks all\n"
                      "00:20:00 <mgoddard> #endmeeting\n");
  testing::write_file(archive.path() / jan1,
                      "2021-01-01T00:00:01  <hrw> happy new year\n"
                      "2021-01-01T00:59:00  <hrw> back to work tomorrow\n");
  index(layout(archive.path(), years(), Sharding::kYear));
  ASSERT_EQ(stub_lines(years()).size(), 2u);

  auto searcher = Searcher::open(years().string());
  ASSERT_TRUE(searcher.ok()) << searcher.error().message;
  SearchRequest req;
  req.q = "nightowl";
  req.context = 2;
  auto found = searcher->search(req);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->hits.size(), 1u);
  const Hit& hit = found->hits[0];
  EXPECT_EQ(hit.record.text, "nightowl reviews are welcome");
  EXPECT_EQ(hit.record.time, 1609459800);  // 2021-01-01T00:10:00Z
  ASSERT_EQ(hit.before.size(), 2u);
  EXPECT_EQ(hit.before[0].text, "last line of the year");
  ASSERT_EQ(hit.after.size(), 2u);
  EXPECT_EQ(hit.after[0].text, "thanks all");
  // By its id alone (a permalink), with no time to go by.
  auto by_id = searcher->record(hit.record.id, 1);
  ASSERT_TRUE(by_id.ok()) << by_id.error().message;
  EXPECT_EQ(by_id->record.text, hit.record.text);
  ASSERT_EQ(by_id->after.size(), 1u);
  EXPECT_EQ(by_id->after[0].text, "thanks all");
  // And the channel's line of the same hour, in the 2021 shard.
  req.q = "happy new year";
  auto channel = searcher->search(req);
  ASSERT_TRUE(channel.ok()) << channel.error().message;
  ASSERT_EQ(channel->hits.size(), 1u);
  ASSERT_EQ(channel->hits[0].after.size(), 1u);
  EXPECT_EQ(channel->hits[0].after[0].text, "back to work tomorrow");
}

// A Searcher keeps each shard's times while the index stays the same; a
// commit to the newest shard moves them on, and refresh() sees that: a date
// range past the old newest line finds the new lines.
TEST_F(ShardsTest, ARefreshedSearcherSeesTheNewestShardsNewTimes) {
  testing::TempDir archive;
  const fs::path dir = "irclogs/#openstack-kolla";
  fs::create_directories(archive.path() / dir);
  auto day = [&](const std::string& date, const std::string& text) {
    testing::write_file(archive.path() / dir / ("#openstack-kolla." + date + ".log"),
                        date + "T10:00:00  <hrw> " + text + "\n");
  };
  day("2020-06-01", "first summer log");
  day("2021-03-01", "spring nightowl review");
  IndexOptions sharded = layout(archive.path(), years(), Sharding::kYear);
  index(sharded);
  auto searcher = Searcher::open(years().string());
  ASSERT_TRUE(searcher.ok()) << searcher.error().message;
  SearchRequest req;
  req.q = "nightowl date:2021-04-01..2021-12-31";
  auto before = searcher->search(req);
  ASSERT_TRUE(before.ok()) << before.error().message;
  EXPECT_EQ(before->total, 0);
  EXPECT_EQ(before->logs_until, 1614592800);  // 2021-03-01T10:00:00Z

  day("2021-05-01", "late nightowl review");
  index(sharded);
  ASSERT_TRUE(searcher->refresh().ok());
  auto after = searcher->search(req);
  ASSERT_TRUE(after.ok()) << after.error().message;
  ASSERT_EQ(after->hits.size(), 1u);
  EXPECT_EQ(after->hits[0].record.text, "late nightowl review");
  EXPECT_EQ(after->logs_until, 1619863200);  // 2021-05-01T10:00:00Z
}

}  // namespace
}  // namespace eavesearch
