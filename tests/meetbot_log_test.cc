#include <gtest/gtest.h>

#include <chrono>

#include "eavesearch/parser.h"
#include "eavesearch/time_util.h"

namespace eavesearch {
namespace {

constexpr const char* kPath = "meetings/tc/2020/tc.2020-05-14-15.00.log.txt";

ParsedLog parse(const std::string& content, const char* path = kPath) {
  auto parsed = parse_meetbot_log(path, content);
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? std::move(*parsed) : ParsedLog{};
}

std::string start_lines() {
  return "15:00:05 <mnaser> #startmeeting tc\n"
         "15:00:06 <openstack> Meeting started Thu May 14 15:00:05 2020 UTC and is due to finish "
         "in 60 minutes.  The chair is mnaser. Information about MeetBot at "
         "http://wiki.debian.org/MeetBot.\n"
         "15:00:07 <openstack> The meeting name has been set to 'tc'\n";
}

TEST(MeetbotLogTest, RecordFieldsFromLineAndFileName) {
  ParsedLog log = parse(start_lines() + "15:01:00 <mnaser_> hello o/\n15:01:02 * ttx waves");
  ASSERT_EQ(log.records.size(), 5u);
  const Record& r = log.records[3];
  EXPECT_EQ(r.id, "meetings/tc/2020/tc.2020-05-14-15.00#4");
  EXPECT_EQ(r.meeting, "tc");
  EXPECT_EQ(format_iso(r.time), "2020-05-14T15:01:00Z");
  EXPECT_EQ(r.speaker, "mnaser_");
  EXPECT_EQ(r.person, "mnaser");
  EXPECT_EQ(r.kind, "say");
  EXPECT_EQ(r.text, "hello o/");
  EXPECT_EQ(r.path, kPath);
  EXPECT_EQ(r.line, 4);
  EXPECT_EQ(log.records[4].kind, "me");
  EXPECT_EQ(log.records[4].text, "waves");
  EXPECT_EQ(log.records[0].kind, "startmeeting");
  EXPECT_EQ(log.records[1].kind, "bot");
  EXPECT_EQ(log.meeting.name, "tc");
  EXPECT_EQ(log.meeting.chairs, std::vector<std::string>{"mnaser"});
  EXPECT_FALSE(log.meeting.ended);
}

TEST(MeetbotLogTest, TimeRollsOverMidnight) {
  ParsedLog log = parse(
      "23:59:50 <a> #startmeeting tc\n23:59:59 <a> late\n00:00:01 <a> early\n00:30:00 <a> later",
      "meetings/tc/2020/tc.2020-12-31-23.59.log.txt");
  ASSERT_EQ(log.records.size(), 4u);
  EXPECT_EQ(format_iso(log.records[1].time), "2020-12-31T23:59:59Z");
  EXPECT_EQ(format_iso(log.records[2].time), "2021-01-01T00:00:01Z");
  EXPECT_EQ(format_iso(log.records[3].time), "2021-01-01T00:30:00Z");
}

TEST(MeetbotLogTest, ClockGoingBackALittleIsTheSameDay) {
  ParsedLog log = parse("10:00:05 <a> #startmeeting tc\n10:00:01 <a> skew",
                        "meetings/tc/2020/tc.2020-05-14-10.00.log.txt");
  EXPECT_EQ(format_iso(log.records[1].time), "2020-05-14T10:00:01Z");
}

TEST(MeetbotLogTest, KindsItemsAndTopics) {
  struct Case {
    std::string line;  // said by the chair unless it names another nick
    std::string kind, item, topic;
  };
  const std::vector<Case> cases = {
      {"15:01:00 <mnaser> #topic Goals for V", "topic", "topic", "Goals for V"},
      {"15:01:01 <ttx> #TOPIC not a chair", "topic", "", "Goals for V"},
      {"15:01:02 <mnaser> #agreed we do it", "agreed", "agreed", "Goals for V"},
      {"15:01:03 <ttx> #agreed not a chair", "agreed", "", "Goals for V"},
      {"15:01:04 <ttx> #info anyone may info", "info", "info", "Goals for V"},
      {"15:01:05 <ttx> #idea an idea", "idea", "idea", "Goals for V"},
      {"15:01:06 <ttx> #link https://review.opendev.org/1", "link", "link", "Goals for V"},
      {"15:01:07 <ttx> https://etherpad.opendev.org/p/tc", "say", "link", "Goals for V"},
      {"15:01:08 <ttx> see https://x.org", "say", "", "Goals for V"},
      {"15:01:09 <ttx> #halp", "help", "help", "Goals for V"},
      {"15:01:10 <ttx> #here", "say", "", "Goals for V"},
      {"15:01:11 <mnaser> #accept yes", "accepted", "accepted", "Goals for V"},
      {"15:01:12 <mnaser> #reject no", "rejected", "rejected", "Goals for V"},
      {"15:01:13 <ttx> #startmeeting again", "startmeeting", "", "Goals for V"},
      {"15:01:14 * ttx #agreed from a /me", "me", "", "Goals for V"},
      {"15:01:15 <mnaser> #startvote Ship it? Yes, No", "startvote", "", "Goals for V"},
      {"15:01:16 <ttx> #vote Yes", "vote", "", "Goals for V"},
      {"15:01:17 <mnaser> #endvote", "endvote", "vote", "Goals for V"},
      {"15:01:18 <openstack> #agreed the bot", "bot", "", "Goals for V"},
      {"15:01:19 <mnaser> #topic", "topic", "topic", ""},
  };
  std::string content = start_lines();
  for (const Case& c : cases) content += c.line + "\n";
  ParsedLog log = parse(content);
  ASSERT_EQ(log.records.size(), cases.size() + 3);
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const Record& r = log.records[k + 3];
    EXPECT_EQ(r.kind, cases[k].kind) << cases[k].line;
    EXPECT_EQ(r.item, cases[k].item) << cases[k].line;
    EXPECT_EQ(r.topic, cases[k].topic) << cases[k].line;
  }
  EXPECT_EQ(meeting_topics(log.meeting), (std::vector<std::string>{"Goals for V", ""}));
}

TEST(MeetbotLogTest, ChairsUndoAndEndmeeting) {
  ParsedLog log = parse(start_lines() +
                        "15:01:00 <mnaser> #chair ttx, fungi\n"
                        "15:01:01 <ttx> #agreed ttx is a chair now\n"
                        "15:01:02 <mnaser> #unchair ttx\n"
                        "15:01:03 <ttx> #agreed not any more\n"
                        "15:01:04 <fungi> #action fungi to write docs\n"
                        "15:01:05 <fungi> #undo\n"
                        "15:01:06 <fungi> #info kept\n"
                        "15:02:00 <ttx> #endmeeting\n"
                        "15:02:01 <mnaser> #endmeeting");
  auto item = [&](int line) { return log.records[line - 1].item; };
  EXPECT_EQ(item(5), "agreed");
  EXPECT_EQ(item(7), "");
  EXPECT_EQ(item(8), "");  // undone
  EXPECT_EQ(item(10), "info");
  EXPECT_EQ(log.meeting.chairs, (std::vector<std::string>{"fungi", "mnaser"}));
  EXPECT_TRUE(log.meeting.ended);
  EXPECT_EQ(log.records[10].kind, "endmeeting");
}

TEST(MeetbotLogTest, VotesNeedAnOpenVote) {
  ParsedLog log = parse(start_lines() +
                        "15:01:00 <mnaser> #agreed x\n"
                        "15:01:01 <mnaser> #endvote\n"
                        "15:01:02 <mnaser> #undo\n"
                        "15:01:03 <mnaser> #startvote no question mark\n"
                        "15:01:04 <mnaser> #endvote\n"
                        "15:01:05 <ttx> #startvote Ship it? Yes, No\n"
                        "15:01:06 <mnaser> #startvote Ship it? Yes, No\n"
                        "15:01:07 <mnaser> #endvote\n"
                        "15:01:08 <mnaser> #endvote");
  auto item = [&](int line) { return log.records[line - 1].item; };
  EXPECT_EQ(item(4), "");  // undone: the #endvote made no item to undo
  EXPECT_EQ(item(5), "");
  EXPECT_EQ(item(8), "");
  EXPECT_EQ(item(11), "vote");
  EXPECT_EQ(item(12), "");
}

TEST(MeetbotLogTest, UndoRemovesTheLastItemOfEveryKind) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"#topic Goals", "topic"},           {"#info an info", "info"},
      {"#idea an idea", "idea"},           {"#action ttx to do it", "action"},
      {"#agreed we do it", "agreed"},      {"#accepted it is in", "accepted"},
      {"#rejected it is out", "rejected"}, {"#link https://x.org/ a link", "link"},
      {"https://x.org/bare", "link"},      {"#help need reviewers", "help"},
  };
  for (const auto& [line, item] : cases) {
    ParsedLog kept = parse(start_lines() + "15:01:00 <mnaser> " + line);
    ASSERT_EQ(kept.records[3].item, item) << line;
    ParsedLog undone = parse(start_lines() + "15:00:30 <mnaser> #info earlier\n15:01:00 <mnaser> " +
                             line + "\n15:01:01 <mnaser> #undo");
    EXPECT_EQ(undone.records[4].item, "") << line;
    EXPECT_EQ(undone.records[3].item, "info") << line;  // only the last one goes
    ASSERT_EQ(undone.meeting.items.size(), 1u) << line;
    EXPECT_EQ(undone.meeting.items[0].text, "earlier");
  }
  ParsedLog vote = parse(start_lines() +
                         "15:01:00 <mnaser> #startvote Ship? Yes, No\n"
                         "15:01:01 <mnaser> #endvote\n15:01:02 <mnaser> #undo");
  EXPECT_EQ(vote.records[4].item, "");
  EXPECT_TRUE(vote.meeting.items.empty());
  ParsedLog twice = parse(start_lines() +
                          "15:01:00 <mnaser> #info a\n15:01:01 <mnaser> #info b\n"
                          "15:01:02 <mnaser> #undo\n15:01:03 <mnaser> #undo\n"
                          "15:01:04 <mnaser> #undo");
  EXPECT_TRUE(twice.meeting.items.empty());
  ParsedLog not_chair = parse(start_lines() + "15:01:00 <mnaser> #info a\n15:01:01 <ttx> #undo");
  EXPECT_EQ(not_chair.records[3].item, "info");
}

TEST(MeetbotLogTest, UndoOfANonAsciiItemRemovesNothing) {
  ParsedLog log = parse(start_lines() + "15:01:00 <mnaser> #info café\n15:01:01 <mnaser> #undo");
  EXPECT_EQ(log.records[3].item, "info");
}

TEST(MeetbotLogTest, AnyoneMayEndAfterAnHourFromJuly2013) {
  auto ended = [](const char* path, const char* start) {
    auto log = parse_meetbot_log(path, std::string(start) +
                                           " <ttx> #startmeeting x\n"
                                           "21:00:01 <fungi> #endmeeting");
    return log.ok() && log->meeting.ended;
  };
  EXPECT_TRUE(ended("meetings/x/2014/x.2014-01-07-20.00.log.txt", "20:00:00"));
  EXPECT_FALSE(ended("meetings/x/2014/x.2014-01-07-20.10.log.txt", "20:10:00"));
  EXPECT_FALSE(ended("meetings/x/2013/x.2013-01-08-20.00.log.txt", "20:00:00"));
}

TEST(MeetbotLogTest, ActionOwnersAreAttendeesMatchedAsWholeWords) {
  ParsedLog log = parse(start_lines() +
                        "15:01:00 <sean-k-mooney> hi\n"
                        "15:01:01 <sean> hi\n"
                        "15:01:02 <spotz[m]> hi\n"
                        "15:01:03 <GMann> hi\n"
                        "15:01:04 <mnaser> #nick dansmith\n"
                        "15:01:05 <mnaser> #action sean-k-mooney and gmann to review\n"
                        "15:01:06 <mnaser> #action spotz[m] to write\n"
                        "15:01:07 <mnaser> #action openstack bot and DANSMITH to look\n"
                        "15:01:08 <mnaser> #action someone to look at gmannly things");
  auto owners = [&](int line) { return log.records[line - 1].owners; };
  EXPECT_EQ(owners(9), (std::vector<std::string>{"gmann", "sean", "sean-k-mooney"}));
  EXPECT_EQ(owners(10), std::vector<std::string>{});
  EXPECT_EQ(owners(11), (std::vector<std::string>{"dansmith", "openstack"}));
  EXPECT_EQ(owners(12), std::vector<std::string>{});
  EXPECT_EQ(log.records[8].item, "action");
}

// Anyone may name nicks with #nick, 50 to a line. Each action item was
// tried against each nick: 800 lines of them and 800 items took 13 s
// (optimised; minutes under ASan), and four times that for twice the log.
TEST(MeetbotLogTest, OwnersAmongTensOfThousandsOfNicksAreFoundQuickly) {
  std::string log = start_lines();
  for (int line = 0, nick = 0; line < 800; ++line) {
    log += "15:01:00 <ttx> #nick";
    for (int k = 0; k < 50; ++k) log += " n" + std::to_string(nick++);
    log += "\n";
  }
  for (int k = 0; k < 800; ++k) log += "15:02:00 <ttx> #action " + std::string(400, 'x') + "\n";
  log += "15:03:00 <ttx> #action n7 and N39999 to review\n";
  auto started = std::chrono::steady_clock::now();
  ParsedLog parsed = parse(log);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_EQ(parsed.meeting.items.size(), 801u);
  EXPECT_EQ(parsed.meeting.items.back().owners, (std::vector<std::string>{"n39999", "n7"}));
  EXPECT_LT(seconds, 10);
}

TEST(MeetbotLogTest, MalformedLinesAreCountedNotFatal) {
  ParsedLog log = parse(start_lines() +
                        "garbage line\n\n15:01 <x> short time\n15:01:02 <mnaser> fine\r\n"
                        "99:00:00 <x> bad hour\n15:01:03 <> empty nick");
  EXPECT_EQ(log.records.size(), 4u);
  EXPECT_EQ(log.malformed_lines, 4);
  ASSERT_EQ(log.warnings.size(), 4u);
  EXPECT_EQ(log.warnings[0], "line 4: not a MeetBot log line");
  EXPECT_EQ(log.records[3].text, "fine");
  EXPECT_EQ(log.records[3].line, 7);
}

TEST(MeetbotLogTest, DateFromMeetingStartedWhenTheNameHasNone) {
  auto parsed = parse_meetbot_log("pasted/some-meeting.log.txt",
                                  "20:01:21 <ttx> #startmeeting tc\n"
                                  "20:01:22 <openstack> Meeting started Tue Apr  2 20:01:21 2013 "
                                  "UTC.  The chair is ttx.\n"
                                  "20:02:00 <ttx> hi");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(format_iso(parsed->records[2].time), "2013-04-02T20:02:00Z");
  EXPECT_EQ(parsed->meeting.name, "tc");
}

TEST(MeetbotLogTest, NoDateAnywhereIsAnError) {
  auto parsed = parse_meetbot_log("other/script.log.txt", "20:13:46 <MrBeige> #startmeeting Test");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("no date"), std::string::npos);
}

TEST(MeetbotLogTest, NonUtf8AndControlBytesAreCleaned) {
  ParsedLog log = parse(start_lines() +
                        "15:01:00 <ttx> caf\xe9 \x02"
                        "bold\x02");
  EXPECT_EQ(log.records.back().text, "café bold");
}

TEST(ClassifyTest, ByNameAndContent) {
  struct Case {
    std::string path, head;
    SourceKind kind;
  };
  const std::vector<Case> cases = {
      {"meetings/tc/2020/tc.2020-05-14-15.00.log.txt", "15:00:05 <mnaser> #startmeeting tc",
       SourceKind::kMeetbotLog},
      {"tc.2020-05-14-15.07.flattened.txt", "15:07:53 #startmeeting tc 15:07:54 Meeting",
       SourceKind::kFlattened},
      {"x/paste.txt", "15:07:53 #startmeeting tc 15:07:54 Meeting", SourceKind::kFlattened},
      {"meetings/tc/2020/tc.2020-05-14-15.00.txt",
       "=====\n#tc: tc\n=====\n\n\nMeeting started by mnaser at 15:00:05 UTC.",
       SourceKind::kMinutes},
      {"meetings/tc/2020/tc.2020-05-14-15.00.html", "<html><h3>Meeting summary</h3>",
       SourceKind::kMinutes},
      {"meetings/tc/2020/tc.2020-05-14-15.00.log.html",
       "<pre><a name=\"l-1\"></a><span class=\"tm\">", SourceKind::kMeetbotHtml},
      {"irclogs/#tc/#tc.2020-05-14.log", "2020-05-14T15:00:00  <a> hi", SourceKind::kChannelLog},
      {"README.md", "# hi", SourceKind::kIgnored},
      {"meetings/index.html", "", SourceKind::kIgnored},
      {"irclogs/#tc/latest.log.html", "", SourceKind::kIgnored},
      {".git/config", "", SourceKind::kIgnored},
      {"a/.hidden/x.log.txt", "15:00:05 <a> b", SourceKind::kIgnored},
      {"meetings.yaml", "", SourceKind::kIgnored},
      {"other/dircproxy.2009-01-14.log", "[14 Jan 10:00] <nick!u@h> hi", SourceKind::kUnknown},
      {"notes.rst", "Some text", SourceKind::kUnknown},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(classify(c.path, c.head), c.kind) << c.path;
  }
}

}  // namespace
}  // namespace eavesearch
