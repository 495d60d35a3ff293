#include "eavesearch/permalink.h"

#include <gtest/gtest.h>

namespace eavesearch {
namespace {

Record record(std::string id, std::string meeting, std::string channel = "",
              std::string anchor = "") {
  Record r;
  r.id = std::move(id);
  r.meeting = std::move(meeting);
  r.channel = std::move(channel);
  r.anchor = std::move(anchor);
  return r;
}

TEST(PermalinkTest, MeetingLogsChannelLogsAndNeither) {
  const std::string base = "https://meetings.opendev.org/";
  EXPECT_EQ(permalink(record("meetings/tc/2020/tc.2020-05-14-15.00#12", "tc"), base),
            "https://meetings.opendev.org/meetings/tc/2020/tc.2020-05-14-15.00.log.html#l-12");
  EXPECT_EQ(permalink(record("tc.2020-05-14-15.07#3", "tc"), "http://x"),
            "http://x/meetings/tc/2020/tc.2020-05-14-15.07.log.html#l-3");
  EXPECT_EQ(permalink(record("irclogs/#openstack-tc/#openstack-tc.2020-05-14#7", "tc",
                             "#openstack-tc", "t2020-05-14T15:07:53-2"),
                      base),
            "https://meetings.opendev.org/irclogs/%23openstack-tc/"
            "%23openstack-tc.2020-05-14.log.html#t2020-05-14T15:07:53-2");
  EXPECT_EQ(permalink(record("other/notes#3", "fesco_townhall"), base), "");
  EXPECT_EQ(permalink(record("meetings/tc/2020/tc.2020-05-14-15.00#12", ""), base), "");
}

// A log of a mirror's meetings/ links to where it is in the mirror.
TEST(PermalinkTest, AMeetingsFolderIsKeptAsWritten) {
  EXPECT_EQ(permalink(record("meetings/Nova-API/2014/nova-api.2014-07-29-13.02#5", "nova_api"),
                      "http://x"),
            "http://x/meetings/Nova-API/2014/nova-api.2014-07-29-13.02.log.html#l-5");
  // Not a mirror's place (the year folder is not the stem's): the series' place.
  EXPECT_EQ(permalink(record("meetings/Nova-API/old/nova-api.2014-07-29-13.02#5", "nova_api"),
                      "http://x"),
            "http://x/meetings/nova_api/2014/nova-api.2014-07-29-13.02.log.html#l-5");
}

}  // namespace
}  // namespace eavesearch
