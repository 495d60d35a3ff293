// Untrusted archive files must never stop an index run or crash it.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <set>

#include "eavesearch/indexer.h"
#include "eavesearch/parser.h"
#include "eavesearch/searcher.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += s;
  return out;
}

TEST(HostileInputTest, IndexingSurvivesUglyFiles) {
  testing::TempDir archive;
  testing::TempDir db_parent;
  std::string long_name(110, 'n');
  testing::write_file(
      archive.path() / "meetings" / long_name / "2020" / (long_name + ".2020-05-14-15.00.log.txt"),
      "15:00:00 <a> #startmeeting x\n15:00:01 <a> " + repeat("\uFDFA", 21) +
          " still searchable\n15:00:02 <" + std::string(300, 'k') + "> long nick");
  testing::write_file(archive.path() / "pasted" / "undated.flattened.txt",
                      "15:00:00 Meeting started Thu May" + std::string(30000, ' ') +
                          "14 15:00:00 2020 UTC 15:00:01 hello");
  testing::write_file(archive.path() / "pasted" / "notes.flattened.txt",
                      "15:00:00 hi 15:00:01 there");
  testing::write_file(archive.path() / "meetings/x/2020/x.2020-05-14-15.00.log.txt",
                      "15:00:00 <a> #startmeeting x\n15:00:01 <a> " + std::string(100000, 'w') +
                          "\n15:00:02 <a> " + repeat("word ", 20000) + "\n\x01\x02\xff\xfe\n" +
                          "15:00:03 <a\xff> bad bytes in a nick");
  std::vector<std::string> warnings;
  auto report = index_archives({{archive.str()}, (db_parent.path() / "db").string()},
                               [&](const std::string& w) { warnings.push_back(w); });
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->files_new, 2);
  // notes.flattened.txt has no date anywhere; undated.flattened.txt's
  // "Meeting started" line is 30 KB long, cut to 4 KiB before its date.
  EXPECT_EQ(report->files_skipped, 2);
  for (const char* skipped :
       {"notes.flattened.txt: skipped: no date", "undated.flattened.txt: skipped: no date"}) {
    ASSERT_EQ(
        std::count_if(warnings.begin(), warnings.end(),
                      [&](const std::string& w) { return w.find(skipped) != std::string::npos; }),
        1)
        << skipped;
  }
  EXPECT_EQ(report->malformed_lines, 1);
  EXPECT_EQ(report->lines_cut, 2);  // the lines of 100,000 bytes

  auto searcher = Searcher::open((db_parent.path() / "db").string());
  ASSERT_TRUE(searcher.ok());
  auto resp = searcher->search(testing::request("searchable"));
  ASSERT_TRUE(resp.ok());
  ASSERT_EQ(resp->hits.size(), 1u);
  EXPECT_EQ(resp->hits[0].record.meeting, long_name);
  auto nick = searcher->search(testing::request("nick"));
  ASSERT_TRUE(nick.ok());
  EXPECT_EQ(nick->total, 2);
  for (const Hit& h : nick->hits) {
    ASSERT_TRUE(h.record.speaker.has_value());
    EXPECT_FALSE(h.record.person.empty());
  }
}

TEST(HostileInputTest, MeetingStartedIsReadWithoutBacktracking) {
  auto log =
      parse_flattened_log("pasted/undated.flattened.txt",
                          "15:00:00 Meeting started Thu May 14 15:00:00 2020 UTC 15:00:01 hi");
  ASSERT_TRUE(log.ok()) << log.error().message;
  EXPECT_EQ(log->records.size(), 2u);
  auto spaced = parse_flattened_log(
      "a.flattened.txt", "15:00:00 Meeting started Thu May " + std::string(50000, ' ') + "x");
  EXPECT_FALSE(spaced.ok());
}

}  // namespace
}  // namespace eavesearch

namespace eavesearch {
namespace {

TEST(HostileInputTest, MircCodesNeverReachTheIndex) {
  testing::TempDir archive;
  testing::TempDir db;
  testing::write_file(archive.path() / "meetings/x/2020/x.2020-05-14-15.00.log.txt",
                      "15:00:00 <a> #startmeeting x\n15:00:01 <a> \x02"
                      "bold\x02 \x03"
                      "4,12red\x03 "
                      "\x1funder\x0f \x16rev\x16 plain");
  testing::write_file(archive.path() / "irclogs/#x/#x.2020-05-14.log",
                      "2020-05-14T15:00:00  <b> \x03"
                      "9green\x03 and \x1ditalic\x1d\n");
  auto report = index_archives({{archive.str()}, db.str() + "/db"}, [](const std::string&) {});
  ASSERT_TRUE(report.ok());
  Xapian::Database xdb(db.str() + "/db");
  int terms = 0;
  for (auto t = xdb.allterms_begin(); t != xdb.allterms_end(); ++t, ++terms) {
    for (unsigned char c : *t) ASSERT_GE(c, 0x20) << "control byte in term " << *t;
  }
  EXPECT_GT(terms, 10);
  EXPECT_TRUE(xdb.term_exists("bold"));
  EXPECT_TRUE(xdb.term_exists("red"));
  EXPECT_TRUE(xdb.term_exists("green"));
  auto searcher = Searcher::open(db.str() + "/db");
  ASSERT_TRUE(searcher.ok());
  auto resp = searcher->search(testing::request("", 100, SortOrder::kOldest));
  ASSERT_TRUE(resp.ok());
  std::set<std::string> texts;
  for (const Hit& h : resp->hits) texts.insert(h.record.text);
  EXPECT_EQ(texts, (std::set<std::string>{"#startmeeting x", "bold red under rev plain",
                                          "green and italic"}));
}

}  // namespace
}  // namespace eavesearch
