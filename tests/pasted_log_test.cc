#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "eavesearch/parser.h"
#include "eavesearch/time_util.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

// A dated name gives the date (log_stem() strips .txt, .rst and .eml alike).
const std::string kDated = "notes/tc.2020-05-14-15.07.txt";

struct PastedLineCase {
  const char* what;
  const char* line;
  bool utterance;
  const char* speaker;  // when an utterance
  const char* text;
};

class PastedLine : public ::testing::TestWithParam<PastedLineCase> {};

TEST_P(PastedLine, IsAnUtteranceOrProse) {
  const PastedLineCase& c = GetParam();
  auto log = parse_pasted_log(kDated, std::string("Some prose.\n\n") + c.line + "\nMore prose.");
  ASSERT_TRUE(log.ok()) << log.error().message;
  EXPECT_EQ(log->malformed_lines, 0);  // prose is never malformed
  if (!c.utterance) {
    EXPECT_TRUE(log->records.empty());
    return;
  }
  ASSERT_EQ(log->records.size(), 1u);
  const Record& r = log->records[0];
  EXPECT_EQ(r.line, 1);
  EXPECT_EQ(r.id, "notes/tc.2020-05-14-15.07#1");
  EXPECT_EQ(format_iso(r.time), "2020-05-14T15:08:00Z");
  EXPECT_EQ(r.speaker, c.speaker);
  EXPECT_EQ(r.text, c.text);
}

INSTANTIATE_TEST_SUITE_P(
    Lines, PastedLine,
    ::testing::Values(
        PastedLineCase{"bare", "15:08:00 <ttx> hello", true, "ttx", "hello"},
        PastedLineCase{"reST code block", "    15:08:00 <ttx> hello", true, "ttx", "hello"},
        PastedLineCase{"tab", "\t15:08:00 <ttx> hello", true, "ttx", "hello"},
        PastedLineCase{"mail quote", "> 15:08:00 <ttx> hello", true, "ttx", "hello"},
        PastedLineCase{"nested mail quote", ">> > 15:08:00 <ttx> hello", true, "ttx", "hello"},
        PastedLineCase{"reST line block", "| 15:08:00 <ttx> hello", true, "ttx", "hello"},
        PastedLineCase{"no-break space", "\u00a0\u00a015:08:00 <ttx> hello", true, "ttx", "hello"},
        PastedLineCase{"trailing whitespace and CR", "    15:08:00 <ttx> hello  \r", true, "ttx",
                       "hello"},
        PastedLineCase{"action", "    15:08:00 * ttx waves", true, "ttx", "waves"},
        PastedLineCase{"nick in the text", "15:08:00 <ttx> Q2: <mitr> why?", true, "ttx",
                       "Q2: <mitr> why?"},
        PastedLineCase{"no seconds", "    15:08 <ttx> hello", false, "", ""},
        PastedLineCase{"no nick", "    15:08:00 hello", false, "", ""},
        PastedLineCase{"time inside prose", "We met at 15:08:00 <ttx> hello", false, "", ""},
        PastedLineCase{"CSS of a mangled page", "| body .tm { color: #007020 } /\\* time \\*/",
                       false, "", ""},
        PastedLineCase{"reST directive", ".. code-block:: irc", false, "", ""}),
    testing::case_name<PastedLineCase>);

TEST(PastedLogTest, UtterancesAreNumberedInOrderSkippingProse) {
  auto log = parse_pasted_log(kDated,
                              "Intro\n\n::\n\n"
                              "    15:07:53 <ttx> #startmeeting tc\n"
                              "    15:07:54 <openstack> Meeting started Thu May 14 15:07:53 2020 "
                              "UTC and is due to finish in 60 minutes.\n"
                              "    a wrapped continuation, not joined\n"
                              "    15:08:10 * ttx waves\n\n"
                              "Outro 16:00:00 <x> inline\n");
  ASSERT_TRUE(log.ok()) << log.error().message;
  ASSERT_EQ(log->records.size(), 3u);
  for (int k = 0; k < 3; ++k) EXPECT_EQ(log->records[k].line, k + 1);
  EXPECT_EQ(log->records[1].text.find("continuation"), std::string::npos);
  EXPECT_EQ(log->records[2].kind, "me");
  EXPECT_EQ(log->malformed_lines, 0);
  EXPECT_EQ(log->meeting.name, "tc");
}

TEST(PastedLogTest, DateFromMeetingStartedWhenTheNameHasNone) {
  auto log =
      parse_pasted_log("blog/town-hall.rst",
                       "    23:59:58 <a> #startmeeting x\n"
                       "    23:59:58 <zodbot> Meeting started Thu Jun 13 23:59:58 2013 UTC.\n"
                       "    00:00:05 <a> after midnight\n");
  ASSERT_TRUE(log.ok()) << log.error().message;
  ASSERT_EQ(log->records.size(), 3u);
  EXPECT_EQ(format_iso(log->records[0].time), "2013-06-13T23:59:58Z");
  EXPECT_EQ(format_iso(log->records[2].time), "2013-06-14T00:00:05Z");
}

TEST(PastedLogTest, NoDateIsAnError) {
  for (std::string_view content : {"", "just prose\n", "    12:00:00 <a> no start line\n"}) {
    auto log = parse_pasted_log("blog/post.rst", content);
    ASSERT_FALSE(log.ok()) << content;
    EXPECT_EQ(log.error().code, ErrorCode::kUsage);
  }
}

struct RealPasteCase {
  const char* file;
  std::size_t utterances;
  const char* first_time;
  const char* first_text;
  const char* last_time;
  const char* last_text;
  const char* meeting;
};

class RealPaste : public ::testing::TestWithParam<RealPasteCase> {};

// The counts were taken independently with
//   grep -cE '^ *[0-9]{2}:[0-9]{2}:[0-9]{2} (<[^ >]+> |\* )' FILE
// (286 and 285: every line of the code blocks; the board file's CSS line
// block and the prose around both logs are not utterances).
TEST_P(RealPaste, ReadsEveryUtterance) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  const RealPasteCase& c = GetParam();
  const std::string rel = std::string("other/") + c.file;
  auto log = parse_pasted_log(rel, testing::read_file(corpus / "real" / rel));
  ASSERT_TRUE(log.ok()) << log.error().message;
  const auto& r = log->records;
  ASSERT_EQ(r.size(), c.utterances);
  EXPECT_EQ(log->malformed_lines, 0);
  EXPECT_EQ(format_iso(r.front().time), c.first_time);
  EXPECT_EQ(r.front().text, c.first_text);
  EXPECT_EQ(r.front().kind, "startmeeting");
  EXPECT_EQ(format_iso(r.back().time), c.last_time);
  EXPECT_EQ(r.back().text, c.last_text);
  EXPECT_EQ(r.back().kind, "endmeeting");
  EXPECT_EQ(r.back().line, static_cast<int>(c.utterances));
  // Ids are the stem (the path without .rst), as for every log.
  EXPECT_EQ(r.back().id, rel.substr(0, rel.size() - 4) + "#" + std::to_string(c.utterances));
  // The 2013 start message (no "due to finish") gives the date.
  EXPECT_TRUE(r[1].text.starts_with("Meeting started ")) << r[1].text;
  EXPECT_EQ(r[1].kind, "bot");
  EXPECT_EQ(log->meeting.name, c.meeting);
  EXPECT_TRUE(log->meeting.ended);
  for (std::size_t k = 1; k < r.size(); ++k) EXPECT_GE(r[k].time, r[k - 1].time) << r[k].id;
}

INSTANTIATE_TEST_SUITE_P(
    Zodbot2013, RealPaste,
    ::testing::Values(RealPasteCase{"zodbot-log-in-rst-board-town-hall.rst", 286,
                                    "2013-06-13T19:00:31Z",
                                    "#startmeeting Fedora Project Board Elections Town Hall",
                                    "2013-06-13T20:03:03Z", "#endmeeting",
                                    "fedora_project_board_elections_town_hall"},
                      // zodbot answered "#meetingname FESCo townhall" with 'fesco_townhall',
                      // the name its files took.
                      RealPasteCase{"zodbot-log-in-rst-fesco-town-hall.rst", 285,
                                    "2013-06-10T17:06:17Z",
                                    "#startmeeting Fedora 20: FESCo townhall",
                                    "2013-06-10T18:07:32Z", "#endmeeting", "fesco_townhall"}),
    [](const auto& param) { return std::to_string(param.index); });

TEST(PastedLogTest, FescoPasteKeepsAnIrcSplitMessageAsTwoUtterances) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  const std::string rel = "other/zodbot-log-in-rst-fesco-town-hall.rst";
  auto log = parse_pasted_log(rel, testing::read_file(corpus / "real" / rel));
  ASSERT_TRUE(log.ok()) << log.error().message;
  auto split = std::find_if(log->records.begin(), log->records.end(),
                            [](const Record& r) { return r.text.ends_with("while improv"); });
  ASSERT_NE(split, log->records.end());
  ASSERT_NE(split + 1, log->records.end());
  EXPECT_EQ((split + 1)->text, "ing things in areas we already are.");
  EXPECT_EQ((split + 1)->speaker, "nirik");
  EXPECT_EQ((split + 1)->time, split->time);
  auto t8m = std::find_if(log->records.begin(), log->records.end(),
                          [](const Record& r) { return r.speaker == "t8m"; });
  ASSERT_NE(t8m, log->records.end());
  EXPECT_TRUE(t8m->text.starts_with("I am Tom\u00e1\u0161 Mr\u00e1z.")) << t8m->text;
}

}  // namespace
}  // namespace eavesearch
