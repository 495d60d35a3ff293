// `eavesearch check`: derived minutes against MeetBot's own, and proof that a
// dropped or extra item, a wrong owner or a wrong count would be reported.
#include "eavesearch/check.h"

#include <gtest/gtest.h>

#include "eavesearch/parser.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

constexpr const char* kMagazine = "meetings/magazine/2020/magazine.2020-06-10-12.02";

bool mentions(const std::vector<std::string>& differences, std::string_view text) {
  for (const std::string& d : differences) {
    if (d.find(text) != std::string::npos) return true;
  }
  return false;
}

class CheckTest : public ::testing::Test {
 protected:
  void load(const std::filesystem::path& corpus) {
    std::string rel = std::string(kMagazine) + ".log.txt";
    auto log = parse_meetbot_log(rel, testing::read_file(corpus / "real" / rel));
    ASSERT_TRUE(log.ok());
    derived_ = minutes_of(log->meeting);
    text_ = testing::read_file(corpus / "real" / (std::string(kMagazine) + ".txt"));
    html_ = testing::read_file(corpus / "real" / (std::string(kMagazine) + ".html"));
  }
  Minutes derived_;
  std::string text_, html_;
};

TEST_F(CheckTest, TheRealFedoraMeetingsHaveNoDifferences) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  auto report = check_archives({(corpus / "real").string()});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->meetings, 2);
  EXPECT_EQ(report->minutes_files, 4);
  EXPECT_EQ(report->differences(), 0);
  for (const MeetingCheck& c : report->checks) {
    for (const std::string& d : c.differences) ADD_FAILURE() << c.minutes << ": " << d;
  }
}

TEST_F(CheckTest, ReadsEverySectionOfBothWriters) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  load(corpus);
  auto text = read_text_minutes(text_);
  auto html = read_html_minutes(html_);
  ASSERT_TRUE(text.ok() && html.ok());
  for (const Minutes* m : {&*text, &*html}) {
    EXPECT_EQ(m->items.size(), 46u);  // the .html summary has 46 "#l-" anchors
    EXPECT_EQ(m->people.size(), 12u);
    ASSERT_EQ(m->actions_by_person.size(), 4u);
    EXPECT_EQ(m->actions_by_person[1].first, "bcotton");
    EXPECT_EQ(m->actions_by_person[1].second.size(), 4u);
  }
  EXPECT_EQ(text->items[2].type, "LINK");
  EXPECT_EQ(text->items[2].text, "https://docs.fedoraproject.org/en-US/fedora-magazine/workflow/");
  EXPECT_EQ(html->items[2].line, 21);
  EXPECT_TRUE(text->unassigned.has_value());  // Fedora's .txt lists "(none)"
  EXPECT_TRUE(text->unassigned->empty());
  EXPECT_FALSE(html->unassigned.has_value());  // HTML2 has no UNASSIGNED entry here
  EXPECT_EQ(html->people.front().nick, "bcotton");
  EXPECT_EQ(html->people.front().lines, 136);
}

TEST_F(CheckTest, ADroppedItemInTheDerivedMinutesIsReported) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  load(corpus);
  derived_.items.erase(derived_.items.begin() + 5);
  auto d = compare_minutes(*read_html_minutes(html_), derived_);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_TRUE(d[0].starts_with("item missing: INFO \"-- 3/ Finished articles to review --\""))
      << d[0];
}

TEST_F(CheckTest, AnExtraItemIsReported) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  load(corpus);
  derived_.items.insert(derived_.items.begin() + 3,
                        {"AGREED", "we agreed nothing", "bcotton", 43000, 22, {}, {}, {}});
  auto d = compare_minutes(*read_text_minutes(text_), derived_);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(
      d[0],
      "item not in MeetBot's minutes: AGREED \"we agreed nothing\" (bcotton, 11:56:40, line 22)");
}

TEST_F(CheckTest, AnItemDroppedFromTheWrittenMinutesIsReported) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  load(corpus);
  std::string edited = text_;
  std::string line = "  * 5 articles need review  (bcotton, 12:14:39)\n";
  ASSERT_NE(edited.find(line), std::string::npos);
  edited.erase(edited.find(line), line.size());
  auto d = compare_minutes(*read_text_minutes(edited), derived_);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0],
            "item not in MeetBot's minutes: INFO \"5 articles need review\" (bcotton, 12:14:39, "
            "line 61)");
}

TEST_F(CheckTest, WrongOwnersKindsAndCountsAreReported) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  load(corpus);
  Minutes wrong = derived_;
  wrong.actions_by_person[0].first = "someone";  // asamalik's actions under another nick
  wrong.people[1].lines += 1;
  for (MinutesItem& item : wrong.items) {
    if (item.type == "AGREED") item.type = "INFO";
  }
  auto d = compare_minutes(*read_html_minutes(html_), wrong);
  EXPECT_TRUE(mentions(d, "action items of asamalik: in MeetBot's minutes only"));
  EXPECT_TRUE(mentions(d, "action items of someone: in eavesearch's minutes only"));
  EXPECT_TRUE(mentions(d, "lines said by sysoplab: MeetBot has 52, eavesearch 53"));
  EXPECT_TRUE(mentions(d, "item missing: AGREED"));
  EXPECT_TRUE(mentions(d, "item not in MeetBot's minutes: INFO \"PUBLISHING SCHEDULE"));
}

TEST(VoteTest, ResultsAsMeetBotWritesThem) {
  auto log = parse_meetbot_log("meetings/tc/2020/tc.2020-05-14-15.00.log.txt",
                               "15:00:00 <ttx> #startmeeting tc\n"
                               "15:00:01 <ttx> #startvote Should we vote now? Yes, No, Maybe\n"
                               "15:00:02 <ttx> #vote yes\n"
                               "15:00:03 <fungi> #vote Yes\n"
                               "15:00:04 <ttx> #vote maybe\n"
                               "15:00:05 <mnaser> #vote bogus\n"
                               "15:00:06 <ttx> #endvote\n"
                               "15:00:07 <ttx> #startvote Default options?\n"
                               "15:00:08 <fungi> #vote Yes\n"
                               "15:00:09 <ttx> #endvote\n"
                               "15:00:10 <ttx> #startvote Dot? A, B.\n"
                               "15:00:11 <fungi> #vote a\n"
                               "15:00:12 <ttx> #endvote");
  ASSERT_TRUE(log.ok());
  const auto& items = log->meeting.items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].type, "VOTE");
  EXPECT_EQ(items[0].text, "Voted on \"Should we vote now?\" Results are, Yes: 1, Maybe: 1");
  EXPECT_EQ(items[1].text, "Voted on \"Default options?\" Results are");
  EXPECT_EQ(items[2].text, "Voted on \"Dot?\" Results are, A: 1");
  EXPECT_EQ(log->records[6].item, "vote");
  // The #endvote's record carries the question and result the minutes state.
  const VoteResult now{"Should we vote now?", {"Yes", "No", "Maybe"}, {{"Yes", 1}, {"Maybe", 1}}};
  EXPECT_EQ(log->records[6].vote, now);
  EXPECT_EQ(items[0].vote, now);
  EXPECT_EQ(log->records[6].text, "#endvote");
  EXPECT_EQ(log->records[9].vote, (VoteResult{"Default options?", {"Yes", "No"}, {}}));
  // MeetBot's split leaves an empty option after the trailing "." (FORMATS.md 1a).
  EXPECT_EQ(log->records[12].vote, (VoteResult{"Dot?", {"A", "B", ""}, {{"A", 1}}}));
  EXPECT_FALSE(log->records[1].vote);  // #startvote: no result yet
  // A revote leaves the option it left at 0, in any order MeetBot printed it.
  Minutes written;
  written.items = {{"VOTE",
                    "Voted on \"Should we vote now?\" Results are, Maybe: 1, Yes: 1",
                    "ttx",
                    54006,
                    7,
                    {},
                    {},
                    {}}};
  Minutes derived = minutes_of(log->meeting);
  derived.items.resize(1);
  derived.people.clear();
  derived.actions_by_person.clear();
  EXPECT_TRUE(compare_minutes(written, derived).empty());
}

}  // namespace
}  // namespace eavesearch
