#include "eavesearch/record_codec.h"

#include <gtest/gtest.h>

namespace eavesearch {
namespace {

TEST(RecordCodecTest, RoundTripsEveryField) {
  Record r;
  r.id = "meetings/tc/2020/tc.2020-05-14-15.00#12";
  r.meeting = "tc";
  r.channel = "#openstack-tc";
  r.time = 1589468400;
  r.speaker = "mnaser_";
  r.person = "mnaser";
  r.kind = "action";
  r.item = "action";
  r.owners = {"gmann", "ttx"};
  r.topic = "Goals";
  r.text = std::string("#action gmann and ttx to\tdo it \xe2\x86\x92 ") + std::string(300, 'x');
  r.path = "meetings/tc/2020/tc.2020-05-14-15.00.log.txt";
  r.line = 12;
  r.anchor = "t2020-05-14T15:07:53-2";
  auto back = decode_record(encode_record(r));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, r);

  r.speaker.reset();
  r.owners.clear();
  back = decode_record(encode_record(r));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, r);
}

TEST(RecordCodecTest, AVotesQuestionAndResultRoundTrip) {
  Record r;
  r.id = "meetings/tc/2020/tc.2020-05-14-15.00#7";
  r.kind = "endvote";
  r.item = "vote";
  r.text = "#endvote";
  r.vote = VoteResult{"Should we vote now?", {"Yes", "No", "Maybe"}, {{"Yes", 2}, {"Maybe", 0}}};
  auto back = decode_record(encode_record(r));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, r);

  r.vote = VoteResult{"Default options?", {"Yes", "No"}, {}};
  back = decode_record(encode_record(r));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, r);
}

TEST(RecordCodecTest, MeetingsRoundTrip) {
  Meeting m;
  m.id = "meetings/tc/2020/tc.2020-05-14-15.07";
  m.name = "tc";
  m.path = "tc.txt";
  m.title = "Technical Committee";
  m.start = 10;
  m.end = 20;
  m.ended = true;
  m.chairs = {"mnaser"};
  m.items = {{"TOPIC", "Goals", "mnaser", 12, 4, {}, {}, {}},
             {"ACTION", "gmann and ttx to do it", "mnaser", 13, 9, {"gmann", "ttx"}, {}, "carried"},
             {"VOTE",
              "Voted on \"Ship it?\" Results are, Yes: 2",
              "mnaser",
              14,
              11,
              {},
              VoteResult{"Ship it?", {"Yes", "No"}, {{"Yes", 2}}},
              {}}};
  m.people = {{"mnaser", 13}, {"ttx", 0}};
  m.lines = 257;
  auto back = decode_meeting(encode_meeting(m));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, m);
}

TEST(RecordCodecTest, RefusesWhatIsNotARecord) {
  std::string good = encode_record(Record{});
  for (std::string bad : {std::string(), std::string("R"), std::string("X\x01"),
                          good.substr(0, good.size() - 1), good + "x", encode_meeting(Meeting{})}) {
    auto r = decode_record(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kCorrupt);
  }
}

}  // namespace
}  // namespace eavesearch
