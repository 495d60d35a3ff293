// The parser against real MeetBot output (Fedora zodbot, the MeetBot 0.1.4
// family): MeetBot's own minutes are the oracle.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>

#include "eavesearch/indexer.h"
#include "eavesearch/parser.h"
#include "eavesearch/time_util.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

std::string decode_entities(std::string s) {
  const std::vector<std::pair<std::string, std::string>> entities = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    for (std::size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
  }
  return s;
}

struct MinutesItem {
  int line;
  bool is_topic;
  std::string topic;  // the topic it belongs to (its own text for a topic)
};

// The items of an HTML2 minutes' "Meeting summary", each with its log line.
std::vector<MinutesItem> minutes_items(const std::string& html) {
  std::string summary = html.substr(html.find("Meeting summary"));
  summary = summary.substr(0, summary.find("<h3>"));
  static const std::regex kAnchor(R"(\.log\.html#l-(\d+)')");
  static const std::regex kTopic(R"re(<b class="TOPIC">([\s\S]*?)</b>)re");
  std::vector<MinutesItem> items;
  std::string topic;
  std::size_t from = 0;
  for (std::sregex_iterator it(summary.begin(), summary.end(), kAnchor), end; it != end; ++it) {
    std::string between = summary.substr(from, it->position() - from);
    std::smatch t;
    bool is_topic = std::regex_search(between, t, kTopic);
    if (is_topic) topic = decode_entities(t[1].str());
    items.push_back({std::stoi((*it)[1].str()), is_topic, topic});
    from = it->position() + it->length();
  }
  return items;
}

void expect_matches_minutes(const std::filesystem::path& corpus, const std::string& stem) {
  std::string rel = "meetings/" + stem + ".log.txt";
  auto log = parse_meetbot_log(rel, testing::read_file(corpus / "real" / rel));
  ASSERT_TRUE(log.ok()) << log.error().message;
  EXPECT_EQ(log->malformed_lines, 0);
  std::vector<MinutesItem> items =
      minutes_items(testing::read_file(corpus / "real" / ("meetings/" + stem + ".html")));
  ASSERT_FALSE(items.empty());
  std::map<int, const Record*> by_line;
  for (const Record& r : log->records) by_line[r.line] = &r;
  std::size_t records_with_items = 0;
  for (const Record& r : log->records) records_with_items += !r.item.empty();
  EXPECT_EQ(records_with_items, items.size()) << "items in the minutes vs records with an item";
  for (const MinutesItem& item : items) {
    ASSERT_TRUE(by_line.count(item.line)) << "line " << item.line;
    const Record& r = *by_line[item.line];
    EXPECT_FALSE(r.item.empty()) << r.id << " " << r.text;
    EXPECT_EQ(r.item == "topic", item.is_topic) << r.id;
    EXPECT_EQ(r.topic, item.topic) << r.id << " " << r.text;
  }
}

TEST(RealCorpusTest, MagazineItemsAndTopicsMatchMeetBotsMinutes) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  expect_matches_minutes(corpus, "magazine/2020/magazine.2020-06-10-12.02");
}

TEST(RealCorpusTest, IotItemsAndTopicsMatchMeetBotsMinutes) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  expect_matches_minutes(corpus,
                         "fedora_iot_working_group_meeting/2020/"
                         "fedora_iot_working_group_meeting.2020-06-10-14.10");
}

TEST(RealCorpusTest, MagazineKindsAndNicks) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  std::string rel = "meetings/magazine/2020/magazine.2020-06-10-12.02.log.txt";
  auto log = parse_meetbot_log(rel, testing::read_file(corpus / "real" / rel));
  ASSERT_TRUE(log.ok());
  std::map<std::string, int> kinds;
  for (const Record& r : log->records) ++kinds[r.kind];
  EXPECT_EQ(log->records.size(), 270u);
  EXPECT_EQ(kinds["topic"], 12);
  EXPECT_EQ(kinds["info"], 16);
  EXPECT_EQ(kinds["action"], 9);
  EXPECT_EQ(kinds["undo"], 1);
  EXPECT_EQ(kinds["agreed"], 2);
  EXPECT_EQ(kinds["meetingname"], 1);
  EXPECT_EQ(log->meeting.name, "magazine");
  EXPECT_TRUE(log->meeting.ended);
  EXPECT_EQ(format_iso(log->meeting.start), "2020-06-10T12:02:26Z");
  // MeetBot said what #undo removed: "Removing item from minutes: ACTION by bcotton at
  // 12:24:37 : gregbartholomew to edit #175".
  const Record& undo = *std::find_if(log->records.begin(), log->records.end(),
                                     [](const Record& r) { return r.kind == "undo"; });
  const Record& removed = *std::find_if(
      log->records.begin(), log->records.end(),
      [](const Record& r) { return r.text == "#action gregbartholomew to edit #175"; });
  EXPECT_LT(removed.line, undo.line);
  EXPECT_EQ(removed.item, "");
  EXPECT_EQ(removed.kind, "action");
}

TEST(RealCorpusTest, OrphanLogOfARenamedMeeting) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  std::string rel =
      "meetings/magazine_editorial_board/2020/"
      "magazine_editorial_board.2020-06-10-12.02.log.txt";
  auto log = parse_meetbot_log(rel, testing::read_file(corpus / "real" / rel));
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->records.size(), 1u);
  EXPECT_EQ(log->records[0].meeting, "magazine_editorial_board");
  EXPECT_EQ(log->records[0].kind, "startmeeting");
}

TEST(RealCorpusTest, IndexingTheWholeCorpusNamesEverySkippedFile) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  testing::TempDir db;
  std::vector<std::string> warnings;
  auto report = index_archives({{(corpus / "real").string()}, db.str()},
                               [&](const std::string& w) { warnings.push_back(w); });
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->files_seen, 27);
  // magazine 270 + its orphan 1 + IoT 23 + 12 channel logs 1979 + two reST pastes 286 + 285.
  EXPECT_EQ(report->records_added, 270 + 1 + 23 + 1979 + 286 + 285);
  EXPECT_EQ(report->malformed_lines, 0);
  std::vector<std::string> skipped;
  for (const std::string& w : warnings) {
    ASSERT_NE(w.find("skipped: "), std::string::npos) << w;
    skipped.push_back(w.substr(0, w.find(": skipped: ")));
  }
  EXPECT_EQ(report->files_skipped, 4);
  std::sort(skipped.begin(), skipped.end());  // shards are indexed side by side
  std::vector<std::string> expected = {"dircproxy.2009-01-14.log", "hcoop-meetbot.log.html",
                                       "meetbot-replay-script-1.log.txt",
                                       "meetbot-replay-script-2.txt"};
  ASSERT_EQ(skipped.size(), expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(skipped[k], (corpus / "real" / "other" / expected[k]).string());
  }
}

}  // namespace
}  // namespace eavesearch
