// MeetBot's rules for commands and action owners (indexer/meetbot_commands.h).
#include "indexer/meetbot_commands.h"

#include <gtest/gtest.h>

namespace eavesearch {
namespace {

// Owners as MeetBot finds them: re.search(r'\b' + re.escape(nick) + r'\b',
// text, re.I) for each attendee, ASCII word characters and case.
TEST(NickMatcherTest, FindsNicksAsWholeWordsAsMeetBotDoes) {
  struct Case {
    std::string text;
    std::vector<std::string> nicks;
    std::vector<std::string> found;
  };
  const std::vector<Case> cases = {
      {"sean-k-mooney to review",
       {"k", "mooney", "sean", "sean-k-mooney"},
       {"k", "mooney", "sean", "sean-k-mooney"}},               // '-' is a word boundary
      {"spotz[m] to write", {"spotz", "spotz[m]"}, {"spotz"}},  // ']' then ' ': no \b
      {"spotz[m]x", {"[m]"}, {"[m]"}},                          // \b between z and [, ] and x
      {"[m]", {"[m]"}, {}},
      {"a-x-b", {"-x-"}, {"-x-"}},
      {"ask GMANN about it", {"gmann"}, {"gmann"}},
      {"Bob and bob", {"BOB", "Bob", "bob"}, {"BOB", "Bob", "bob"}},
      {"gmann_ will", {"gmann"}, {}},  // '_' is a word character
      {"look at gmannly things", {"gmann"}, {}},
      {"openstack/nova to fix", {"nova", "openstack"}, {"nova", "openstack"}},
      {"a-b-c-d", {"a", "a-b", "a-b-c", "b-c-d-e"}, {"a", "a-b", "a-b-c"}},
      {"hi", {"hidden", ""}, {}},
      {"", {"a"}, {}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> found;
    for (std::size_t i : NickMatcher(c.nicks).find_in(c.text)) found.push_back(c.nicks[i]);
    EXPECT_EQ(found, c.found) << c.text;
  }
}

}  // namespace
}  // namespace eavesearch
