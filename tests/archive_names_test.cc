// What archive file names say (include/eavesearch/archive_names.h), read in
// one place for the indexer, its shards and the server's meeting URLs.
#include "eavesearch/archive_names.h"

#include <gtest/gtest.h>

#include "eavesearch/time_util.h"

namespace eavesearch {
namespace {

TEST(ArchiveNamesTest, MeetingLogNames) {
  LogName tc = parse_log_name("meetings/tc/2020/tc.2020-05-14-15.07.log.txt");
  EXPECT_TRUE(tc.dated);
  EXPECT_EQ(tc.meeting, "tc");
  EXPECT_EQ(tc.day_start, to_epoch({2020, 5, 14, 0, 0, 0}));
  EXPECT_EQ(tc.start_seconds, 15 * 3600 + 7 * 60);
  EXPECT_EQ(parse_log_name("meetings/x/2013/Solum Team Meeting.2013-11-05-16.00.log.html").meeting,
            "solum_team_meeting");
  for (const char* bad : {"meetings/tc/2020/tc.2020-13-14-15.07.log.txt",
                          "tc.2020-05-14-25.00.log.txt", "tc.2020-05-14.log.txt", "notes.txt"}) {
    EXPECT_FALSE(parse_log_name(bad).dated) << bad;
  }
  EXPECT_EQ(log_stem("meetings/tc/2020/tc.2020-05-14-15.07.log.html"),
            "meetings/tc/2020/tc.2020-05-14-15.07");
  EXPECT_EQ(log_stem("a/seed.flattened.txt"), "a/seed");
}

// Ids are UTF-8: a name's other bytes are written as in a URL, UTF-8 kept.
TEST(ArchiveNamesTest, LogIdsAreUtf8) {
  EXPECT_EQ(log_id("meetings/caf\xe9/2020/caf\xe9.2020-05-14-14.00.log.txt"),
            "meetings/caf%E9/2020/caf%E9.2020-05-14-14.00");
  EXPECT_EQ(log_id("meetings/caf\xc3\xa9/x.log"), "meetings/caf\xc3\xa9/x");
  EXPECT_EQ(log_id("a/\xc3.txt"), "a/%C3");  // a sequence cut short
}

TEST(ArchiveNamesTest, ChannelLogNames) {
  struct Case {
    const char* path;
    const char* channel;
    bool one_file;
  };
  const std::vector<Case> good = {
      {"irclogs/#openstack-tc/#openstack-tc.2020-05-14.log", "#openstack-tc", false},
      {"irclogs/%23openstack-tc/%23OpenStack-TC.2020-05-14.log.html", "#openstack-tc", false},
      {"anywhere/pov.2005-01-09.log", "#pov", false},  // a day's name needs no '#'
      {"irclogs/#ltsp/#ltsp.log", "#ltsp", true},
      {"irclogs/%23LTSP/%23LTSP.log.html", "#ltsp", true},
      {"#a.b.log", "#a.b", true},
  };
  for (const Case& c : good) {
    auto name = channel_log_name(c.path);
    ASSERT_TRUE(name) << c.path;
    EXPECT_EQ(name->channel, c.channel) << c.path;
    EXPECT_EQ(name->one_file, c.one_file) << c.path;
  }
  for (const char* bad :
       {"#openstack-tc.2020-02-30.log", "#openstack-tc.2020-13-01.log", "#.2020-05-14.log",
        "#a b.2020-05-14.log", "#openstack-tc.2020-05-14.txt", "#.log", "%23.log", "#a b.log",
        "irclogs/#ltsp/ltsp.log", "notes.log", "#ltsp.txt", "#ltsp"}) {
    EXPECT_FALSE(channel_log_name(bad)) << bad;
  }
  EXPECT_EQ(previous_day_path("irclogs/#a/#a.2020-03-01.log"), "irclogs/#a/#a.2020-02-29.log");
  EXPECT_EQ(previous_day_path("irclogs/#a/#a.2021-01-01.log.html"), "irclogs/#a/#a.2020-12-31.log");
  EXPECT_EQ(previous_day_path("irclogs/#a/#a.log"), "");
}

TEST(ArchiveNamesTest, DatesInNamesAndPrimaryForms) {
  EXPECT_EQ(date_in_name("meetings/tc/2019/tc.2020-05-14-15.07.log.txt"), "2020-05-14")
      << "the name's date, not the folder's";
  EXPECT_EQ(date_in_name("irclogs/#a/#a.2016-01-12.log"), "2016-01-12");
  EXPECT_FALSE(date_in_name("meetings/tc/2020/notes.txt"));
  EXPECT_FALSE(date_in_name("x/build12020-05-14.log")) << "a digit before it: not a date";
  EXPECT_TRUE(is_primary_form("meetings/tc/2020/tc.2020-05-14-15.07.log.txt"));
  EXPECT_TRUE(is_primary_form("irclogs/#a/#a.2016-01-12.log"));
  EXPECT_FALSE(is_primary_form("irclogs/#a/#a.2016-01-12.log.html"));
  EXPECT_FALSE(is_primary_form("meetings/tc/2020/tc.2020-05-14-15.07.log.html"));
}

}  // namespace
}  // namespace eavesearch
