#include "eavesearch/person.h"

#include <gtest/gtest.h>

namespace eavesearch {
namespace {

TEST(NormalisePersonTest, OneNameForEachNickFamily) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"mnaser", "mnaser"},
      {"mnaser_", "mnaser"},
      {"mnaser__", "mnaser"},
      {"MNaser", "mnaser"},
      {"mnaser|away", "mnaser"},
      {"mnaser|", "mnaser"},
      {"spotz[m]", "spotz"},
      {"gmann_afk", "gmann"},
      {"gmann-afk", "gmann"},
      {"ttx-away", "ttx"},
      {"fungi_away_", "fungi"},
      {"dansmith_phone", "dansmith"},
      {"dansmith_phon", "dansmith"},
      {"jroll-mobile", "jroll"},
      {"jroll_mobile", "jroll"},
      {"efried_web", "efried"},
      {"clarkb`", "clarkb"},
      {"corvus^", "corvus"},
      {"adrian_otto", "adrian_otto"},
      {"sean-k-mooney", "sean-k-mooney"},
      {"Guest4602", "guest4602"},
      {"_", "_"},
      {"|x", "|x"},
  };
  for (const auto& [nick, person] : cases) EXPECT_EQ(normalise_person(nick), person) << nick;
}

TEST(NormaliseMeetingNameTest, FollowsMeetBot) {
  EXPECT_EQ(normalise_meeting_name("Solum Team Meeting"), "solum_team_meeting");
  EXPECT_EQ(normalise_meeting_name("  nova  "), "nova");
  EXPECT_EQ(normalise_meeting_name("openstack-ansible  meeting"), "openstack_ansible_meeting");
  EXPECT_EQ(normalise_meeting_name("TC"), "tc");
}

TEST(NormaliseChannelTest, LowercasesWithHash) {
  EXPECT_EQ(normalise_channel("openstack-TC"), "#openstack-tc");
  EXPECT_EQ(normalise_channel("#openstack-meeting"), "#openstack-meeting");
  EXPECT_EQ(normalise_channel(""), "");
}

}  // namespace
}  // namespace eavesearch
