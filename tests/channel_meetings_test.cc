// Meetings inside channel logs: found, read with MeetBot's semantics, and
// indexed once when meetings/ holds the same meeting.
#include "indexer/channel_meetings.h"

#include <gtest/gtest.h>

#include <set>

#include "eavesearch/indexer.h"
#include "eavesearch/parser.h"
#include "eavesearch/searcher.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

constexpr const char* kChannelLog =
    "2020-05-14T14:58:00  *** gmann <gmann!~g@host> has joined #openstack-tc\n"
    "2020-05-14T14:59:00  <ttx> before the meeting, privsep chatter\n"
    "2020-05-14T15:00:05  <mnaser> #startmeeting tc\n"
    "2020-05-14T15:00:06  <openstack> Meeting started Thu May 14 15:00:05 2020 UTC and is due to "
    "finish in 60 minutes.  The chair is mnaser. Information about MeetBot at "
    "http://wiki.debian.org/MeetBot.\n"
    "2020-05-14T15:00:10  <mnaser> #topic Privsep goal\n"
    "2020-05-14T15:00:20  *** fungi <fungi!~f@host> has joined #openstack-tc\n"
    "2020-05-14T15:01:00  <gmann> privsep is a multi cycle goal\n"
    "2020-05-14T15:02:00  <mnaser> #agreed privsep is a multi cycle goal\n"
    "2020-05-14T15:03:00  <mnaser> #action gmann to write the privsep goal\n"
    "2020-05-14T15:04:00  <mnaser> #endmeeting\n"
    "2020-05-14T15:04:01  <openstack> Meeting ended Thu May 14 15:04:00 2020 UTC.\n"
    "2020-05-14T15:05:00  <ttx> after the meeting, privsep again\n";

constexpr const char* kMeetingLog =
    "15:00:05 <mnaser> #startmeeting tc\n"
    "15:00:06 <openstack> Meeting started Thu May 14 15:00:05 2020 UTC and is due to finish in 60 "
    "minutes.  The chair is mnaser. Information about MeetBot at http://wiki.debian.org/MeetBot.\n"
    "15:00:10 <mnaser> #topic Privsep goal\n"
    "15:01:00 <gmann> privsep is a multi cycle goal\n"
    "15:02:00 <mnaser> #agreed privsep is a multi cycle goal\n"
    "15:03:00 <mnaser> #action gmann to write the privsep goal\n"
    "15:04:00 <mnaser> #endmeeting";

const char* kChannelPath = "irclogs/#openstack-tc/#openstack-tc.2020-05-14.log";
const char* kMeetingPath = "meetings/tc/2020/tc.2020-05-14-15.00.log.txt";

TEST(ChannelMeetingsTest, FindsTheSpanAndAppliesMeetBotsSemantics) {
  auto log = parse_channel_log(kChannelPath, kChannelLog);
  ASSERT_TRUE(log.ok());
  auto meetings = find_channel_meetings(log->records, log->channel, MeetingReach::kRecords);
  ASSERT_EQ(meetings.size(), 1u);
  const ChannelMeeting& cm = meetings[0];
  EXPECT_EQ(cm.meeting.id, "meetings/tc/2020/tc.2020-05-14-15.00");
  EXPECT_EQ(cm.meeting.channel, "#openstack-tc");
  EXPECT_EQ(cm.first, 2u);
  EXPECT_EQ(cm.last, 9u);
  EXPECT_EQ(cm.messages, (std::vector<std::size_t>{2, 3, 4, 6, 7, 8, 9}));
  EXPECT_TRUE(cm.meeting.ended);
  ASSERT_EQ(cm.meeting.items.size(), 3u);
  EXPECT_EQ(cm.meeting.items[2].owners, std::vector<std::string>{"gmann"});
  EXPECT_EQ(cm.meeting.items[2].line, 6);  // the line MeetBot's own log gives it
  const auto& r = log->records;
  EXPECT_EQ(r[1].meeting, "");
  EXPECT_EQ(r[5].kind, "join");
  EXPECT_EQ(r[5].meeting, "tc");
  EXPECT_EQ(r[5].topic, "Privsep goal");
  EXPECT_EQ(r[7].item, "agreed");
  EXPECT_EQ(r[8].owners, std::vector<std::string>{"gmann"});
  EXPECT_EQ(r[10].meeting, "");  // the bot's goodbye comes after the meeting
  EXPECT_EQ(r[11].meeting, "");
}

class ChannelAndMeetingsTest : public ::testing::Test {
 protected:
  std::set<std::string> ids(const std::string& q) {
    auto searcher = Searcher::open(db_.str() + "/db");
    EXPECT_TRUE(searcher.ok());
    auto resp = searcher->search(testing::request(q, 100, SortOrder::kOldest));
    EXPECT_TRUE(resp.ok());
    std::set<std::string> out;
    for (const Hit& h : resp->hits) {
      out.insert(h.record.id);
      channels_.insert(h.record.channel);
    }
    return out;
  }
  void index() {
    auto report = index_archives({{archive_.str()}, db_.str() + "/db"},
                                 [](const std::string& w) { ADD_FAILURE() << w; });
    ASSERT_TRUE(report.ok());
  }
  testing::TempDir archive_, db_;
  std::set<std::string> channels_;
};

TEST_F(ChannelAndMeetingsTest, AMeetingInBothIsIndexedOnceFromMeetings) {
  testing::write_file(archive_.path() / kChannelPath, kChannelLog);
  testing::write_file(archive_.path() / kMeetingPath, kMeetingLog);
  index();
  std::string chan = "irclogs/#openstack-tc/#openstack-tc.2020-05-14#";
  std::string meet = "meetings/tc/2020/tc.2020-05-14-15.00#";
  EXPECT_EQ(ids("privsep"), (std::set<std::string>{chan + "2", meet + "3", meet + "4", meet + "5",
                                                   meet + "6", chan + "12"}));
  EXPECT_EQ(channels_, std::set<std::string>{"#openstack-tc"});
  EXPECT_EQ(ids("is:agreed"), std::set<std::string>{meet + "5"});
  EXPECT_EQ(ids("kind:join"), (std::set<std::string>{chan + "1", chan + "6"}));
}

TEST_F(ChannelAndMeetingsTest, AMeetingOnlyInTheChannelLogIsIndexedFromIt) {
  testing::write_file(archive_.path() / kChannelPath, kChannelLog);
  index();
  std::string chan = "irclogs/#openstack-tc/#openstack-tc.2020-05-14#";
  EXPECT_EQ(ids("is:agreed"), std::set<std::string>{chan + "8"});
  EXPECT_EQ(ids("owner:gmann meeting:tc"), std::set<std::string>{chan + "9"});
  // And, hidden unless asked for, the bot's line and a join.
  EXPECT_EQ(ids("meeting:tc").size(), 6u);
  EXPECT_EQ(ids("meeting:tc kind:bot"), std::set<std::string>{chan + "4"});
  EXPECT_EQ(ids("meeting:tc kind:join"), std::set<std::string>{chan + "6"});
  // The bot's replies after #endmeeting are its lines too, outside the meeting.
  EXPECT_EQ(ids("kind:bot"), (std::set<std::string>{chan + "4", chan + "11"}));
  auto stats = database_stats(db_.str() + "/db");
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->meetings, 1);
}

// Agreement moments (indexer/agreement.h) of a meeting held in a channel
// log: its own lines only (not the chatter after #endmeeting), and once,
// from meetings/, when its own log is there too.
TEST_F(ChannelAndMeetingsTest, AConsensusInAChannelsMeetingIsFoundOnceInItsLines) {
  constexpr const char* kAgreeing =
      "2020-05-14T15:00:05  <mnaser> #startmeeting tc\n"
      "2020-05-14T15:01:00  <mnaser> how about we make privsep a multi cycle goal\n"
      "2020-05-14T15:01:10  <gmann> mnaser: +1\n"
      "2020-05-14T15:01:20  <ttx> sounds good\n"
      "2020-05-14T15:04:00  <mnaser> #endmeeting\n"
      "2020-05-14T15:05:00  <ttx> let's get lunch\n"
      "2020-05-14T15:05:10  <gmann> +1\n"
      "2020-05-14T15:05:20  <fungi> +1\n";
  testing::write_file(archive_.path() / kChannelPath, kAgreeing);
  index();
  std::string chan = "irclogs/#openstack-tc/#openstack-tc.2020-05-14#";
  EXPECT_EQ(ids("is:consensus"), std::set<std::string>{chan + "2"});
  EXPECT_EQ(ids("is:decision privsep"), std::set<std::string>{chan + "2"});

  testing::write_file(archive_.path() / kMeetingPath,
                      "15:00:05 <mnaser> #startmeeting tc\n"
                      "15:01:00 <mnaser> how about we make privsep a multi cycle goal\n"
                      "15:01:10 <gmann> mnaser: +1\n"
                      "15:01:20 <ttx> sounds good\n"
                      "15:04:00 <mnaser> #endmeeting\n");
  index();
  EXPECT_EQ(ids("is:consensus"), std::set<std::string>{"meetings/tc/2020/tc.2020-05-14-15.00#2"});
}

TEST_F(ChannelAndMeetingsTest, AMeetingPastMidnightGoesOnInTheNextDaysLog) {
  testing::write_file(archive_.path() / "irclogs/#openstack-tc/#openstack-tc.2020-05-14.log",
                      "2020-05-14T23:59:00  <mnaser> #startmeeting tc\n"
                      "2020-05-14T23:59:30  <mnaser> #topic Late privsep\n");
  testing::write_file(archive_.path() / "irclogs/#openstack-tc/#openstack-tc.2020-05-15.log",
                      "2020-05-15T00:00:10  <gmann> privsep after midnight\n"
                      "2020-05-15T00:01:00  <mnaser> #endmeeting\n"
                      "2020-05-15T00:02:00  <ttx> privsep chatter after it\n");
  testing::write_file(archive_.path() / "meetings/tc/2020/tc.2020-05-14-23.59.log.txt",
                      "23:59:00 <mnaser> #startmeeting tc\n23:59:30 <mnaser> #topic Late privsep\n"
                      "00:00:10 <gmann> privsep after midnight\n00:01:00 <mnaser> #endmeeting");
  index();
  std::string meet = "meetings/tc/2020/tc.2020-05-14-23.59#";
  EXPECT_EQ(ids("privsep"),
            (std::set<std::string>{meet + "2", meet + "3",
                                   "irclogs/#openstack-tc/#openstack-tc.2020-05-15#3"}));
}

}  // namespace
}  // namespace eavesearch
