// MeetBot's minutes read back (indexer/minutes_reader.cc): the sections of
// an HTML2 file, and malformed lists read at a cost in proportion to their
// size.
#include <gtest/gtest.h>

#include "eavesearch/check.h"

namespace eavesearch {
namespace {

// FORMATS.md 1.7, hard-wrapped at 72 columns as MeetBot writes it.
constexpr const char* kHtmlMinutes = R"(<h1>#tc: tc</h1>
<h3>Meeting summary</h3>
<ol>
<li><b class="TOPIC">Rollcall</b> <span class="details">(<a href='tc.log.html#l-4'>mnaser</a>, 15:00:10)</span>
<ol type="a">
  <li><i class="itemtype">ACTION</i>: <span class="ACTION">fungi to
    write the doc</span> <span class="details">(<a
    href='tc.log.html#l-9'>mnaser</a>, 15:02:00)</span></li>
</ol>
</li>
</ol>
<h3>Action items, by person</h3>
<ol>
  <li> fungi <ol>
    <li>fungi to write the doc</li>
  </ol>
  </li>
</ol>
<h3>People present (lines said)</h3>
<ol>
  <li>mnaser (13)</li>
  <li>fungi (4)</li>
</ol>
)";

TEST(MinutesReaderTest, ReadsEverySectionOfHtmlMinutes) {
  auto m = read_html_minutes(kHtmlMinutes);
  ASSERT_TRUE(m.ok()) << m.error().message;
  ASSERT_EQ(m->items.size(), 2u);
  EXPECT_EQ(m->items[0], (MinutesItem{"TOPIC", "Rollcall", "mnaser", 15 * 3600 + 10, 4, {}, {}, {}}));
  EXPECT_EQ(
      m->items[1],
      (MinutesItem{"ACTION", "fungi to write the doc", "mnaser", 15 * 3600 + 2 * 60, 9, {}, {}, {}}));
  using Actions = std::vector<std::pair<std::string, std::vector<std::string>>>;
  EXPECT_EQ(m->actions_by_person, (Actions{{"fungi", {"fungi to write the doc"}}}));
  EXPECT_EQ(m->people, (std::vector<Attendee>{{"mnaser", 13}, {"fungi", 4}}));
}

std::size_t text_bytes(const Minutes& m) {
  std::size_t n = 0;
  for (const auto& [nick, actions] : m.actions_by_person) {
    n += nick.size();
    for (const std::string& a : actions) n += a.size();
  }
  for (const Attendee& a : m.people) n += a.nick.size();
  return n;
}

// An <li> ends at the next <li> as in HTML, and a person's part ends with
// their list. Before, each unclosed <li> (or each person whose </ol> came
// before their <ol>) ran to the end of its section: a 0.5 MB file of them
// took 86 s and 6.6 GB.
TEST(MinutesReaderTest, MalformedListsAreReadInProportionToTheirSize) {
  std::string people = "<h3>Meeting summary</h3>\n<h3>People present (lines said)</h3>\n<ol>";
  std::string by_person = "<h3>Meeting summary</h3>\n<h3>Action items, by person</h3>\n<ol>";
  for (int k = 0; k < 2000; ++k) {
    people += "<li>nick" + std::to_string(k) + " (1)";
    by_person += "<li> nick" + std::to_string(k) + " </ol>";
  }
  people += "</li></ol>";
  by_person += "<ol><li>an action</li></ol></li></ol>";

  auto unclosed = read_html_minutes(people);
  ASSERT_TRUE(unclosed.ok());
  ASSERT_EQ(unclosed->people.size(), 2000u);
  EXPECT_EQ(unclosed->people[1999], (Attendee{"nick1999", 1}));
  EXPECT_LT(text_bytes(*unclosed), people.size());

  auto crossed = read_html_minutes(by_person);
  ASSERT_TRUE(crossed.ok());
  EXPECT_LT(text_bytes(*crossed), by_person.size());
}

}  // namespace
}  // namespace eavesearch
