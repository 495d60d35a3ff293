#include <gtest/gtest.h>

#include "eavesearch/parser.h"
#include "eavesearch/time_util.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

TEST(FlattenedLogTest, OneRecordPerUtterance) {
  auto log = parse_flattened_log(
      "tc.2020-05-14-15.07.flattened.txt",
      "15:07:53 #startmeeting tc 15:07:54 Meeting started Thu May 14 15:07:53 2020 UTC and is "
      "due. 15:08:00 at 10:00:00 we meet 15:09:00 at 15:30:00 then 23:59:00 late 00:01:00 "
      "#endmeeting");
  ASSERT_TRUE(log.ok());
  const auto& r = log->records;
  ASSERT_EQ(r.size(), 7u);
  EXPECT_EQ(r[1].text, "Meeting started Thu May 14 15:07:53 2020 UTC and is due.");
  EXPECT_EQ(r[1].kind, "bot");
  EXPECT_EQ(r[2].text, "at 10:00:00 we meet");  // an earlier time is text
  // A later time in the text cannot be told from an utterance's: it splits.
  EXPECT_EQ(r[3].text, "at");
  EXPECT_EQ(format_iso(r[4].time), "2020-05-14T15:30:00Z");
  EXPECT_EQ(format_iso(r[5].time), "2020-05-14T23:59:00Z");
  EXPECT_EQ(format_iso(r[6].time), "2020-05-15T00:01:00Z");  // midnight
  EXPECT_EQ(r[6].kind, "endmeeting");
  EXPECT_EQ(r[6].line, 7);
}

TEST(FlattenedLogTest, RealTcMeeting) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  const std::string rel = "tc.2020-05-14-15.07.flattened.txt";
  auto log = parse_flattened_log(rel, testing::read_file(corpus / "flattened" / rel));
  ASSERT_TRUE(log.ok()) << log.error().message;
  const auto& records = log->records;
  ASSERT_EQ(records.size(), 257u);
  EXPECT_EQ(log->malformed_lines, 0);
  EXPECT_EQ(records.front().text, "#startmeeting tc");
  EXPECT_EQ(records.front().kind, "startmeeting");
  EXPECT_EQ(format_iso(records.front().time), "2020-05-14T15:07:53Z");
  EXPECT_EQ(records.back().text, "#endmeeting");
  EXPECT_EQ(records.back().kind, "endmeeting");
  EXPECT_EQ(format_iso(records.back().time), "2020-05-14T16:11:45Z");
  EXPECT_TRUE(records[1].text.starts_with("Meeting started Thu May 14 15:07:53 2020 UTC"));
  EXPECT_EQ(records[1].kind, "bot");
  for (const Record& r : records) {
    EXPECT_EQ(r.meeting, "tc");
    EXPECT_FALSE(r.speaker.has_value()) << r.id;
    EXPECT_EQ(r.person, "");
    EXPECT_EQ(format_iso(r.time).substr(0, 10), "2020-05-14") << r.id;
    EXPECT_FALSE(r.text.empty()) << r.id;
  }
  for (std::size_t k = 1; k < records.size(); ++k) {
    EXPECT_GE(records[k].time, records[k - 1].time) << records[k].id;
    EXPECT_EQ(records[k].line, static_cast<int>(k) + 1);
  }
  auto stray = std::find_if(records.begin(), records.end(), [](const Record& r) {
    return r.text == "8@ driving to the dealership now";
  });
  ASSERT_NE(stray, records.end());
  EXPECT_EQ(format_iso(stray->time), "2020-05-14T15:42:40Z");
  EXPECT_EQ(records[10].id, "tc.2020-05-14-15.07#11");
  // The speakers are unknown, but the bot named the chair: "The chair is mnaser."
  EXPECT_EQ(log->meeting.chairs, std::vector<std::string>{"mnaser"});
  EXPECT_TRUE(log->meeting.ended);
}

}  // namespace
}  // namespace eavesearch
