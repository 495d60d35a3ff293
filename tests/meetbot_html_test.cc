#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "eavesearch/parser.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

const std::string kStem = "meetings/tc/2020/tc.2020-05-14-15.07";

std::string page(std::string_view pre_lines) {
  return "<html><head><title>#openstack-tc log</title></head>\n<body>\n<pre>" +
         std::string(pre_lines) + "</pre>\n</body></html>";
}

// The records with the path of the file read and the channel left out: the
// .log.html and the .log.txt of one stem differ only there (only the .log.html
// names its channel; the indexer gives it to the .log.txt: real_corpus_api_test).
std::vector<Record> without_path(std::vector<Record> records) {
  for (Record& r : records) {
    r.path.clear();
    r.channel.clear();
  }
  return records;
}

Meeting without_path(Meeting meeting) {
  meeting.path.clear();
  meeting.channel.clear();
  return meeting;
}

struct SameAsTxtCase {
  const char* what;
  const char* html;  // one line of the <pre>
  const char* txt;   // the .log.txt line MeetBot wrote beside it
};

class HtmlLineReadsAsTxtLine : public ::testing::TestWithParam<SameAsTxtCase> {};

TEST_P(HtmlLineReadsAsTxtLine, SameRecord) {
  const SameAsTxtCase& c = GetParam();
  auto html = parse_meetbot_html(kStem + ".log.html", page(c.html));
  auto txt = parse_meetbot_log(kStem + ".log.txt", c.txt);
  ASSERT_TRUE(html.ok()) << html.error().message;
  ASSERT_TRUE(txt.ok()) << txt.error().message;
  EXPECT_EQ(html->malformed_lines, 0) << (html->warnings.empty() ? "" : html->warnings[0]);
  ASSERT_EQ(html->records.size(), 1u);
  EXPECT_EQ(html->records[0].path, kStem + ".log.html");
  EXPECT_EQ(html->records[0].channel, "#openstack-tc");  // from <title>#openstack-tc log</title>
  EXPECT_EQ(html->meeting.channel, "#openstack-tc");
  EXPECT_EQ(without_path(html->records), without_path(txt->records)) << html->records[0].text;
}

INSTANTIATE_TEST_SUITE_P(
    Spans, HtmlLineReadsAsTxtLine,
    ::testing::Values(
        SameAsTxtCase{"plain, new anchor",
                      R"(<a href="#l-1" name="l-1"><span class="tm">15:00:10</span></a>)"
                      R"(<span class="nk"> &lt;mnaser&gt;</span> hello world)",
                      "15:00:10 <mnaser> hello world"},
        SameAsTxtCase{"plain, old anchor",
                      R"(<a name="l-1"></a><span class="tm">15:00:10</span>)"
                      R"(<span class="nk"> &lt;mnaser&gt;</span> hello world)",
                      "15:00:10 <mnaser> hello world"},
        SameAsTxtCase{
            "topic",
            R"(<a href="#l-1" name="l-1"><span class="tm">15:00:10</span></a>)"
            R"(<span class="nk"> &lt;mnaser&gt;</span> <span class="topic">#topic </span>)"
            R"(<span class="topicline">Rollcall</span>)",
            "15:00:10 <mnaser> #topic Rollcall"},
        SameAsTxtCase{"cmd",
                      R"(<a href="#l-1" name="l-1"><span class="tm">15:00:12</span></a>)"
                      R"(<span class="nk"> &lt;mnaser&gt;</span> <span class="cmd">#chair </span>)"
                      R"(<span class="cmdline">fungi ttx</span>)",
                      "15:00:12 <mnaser> #chair fungi ttx"},
        SameAsTxtCase{"cmd with an empty cmdline",
                      R"(<a name="l-1"></a><span class="tm">14:19:29</span>)"
                      R"(<span class="nk"> &lt;pbrobinson&gt;</span> )"
                      R"(<span class="cmd">#endmeeting</span><span class="cmdline"></span>)",
                      "14:19:29 <pbrobinson> #endmeeting"},
        SameAsTxtCase{"hi",
                      R"(<a name="l-1"></a><span class="tm">14:10:27</span>)"
                      R"(<span class="nk"> &lt;zodbot&gt;</span> <span class="hi">bcotton:</span>)"
                      R"( bcotton 'Ben Cotton' &lt;bcotton@redhat.com&gt;)",
                      "14:10:27 <zodbot> bcotton: bcotton 'Ben Cotton' <bcotton@redhat.com>"},
        SameAsTxtCase{
            "action, trailing space in tm",
            R"(<a href="#l-1" name="l-1"><span class="tm">15:02:30 </span></a>)"
            R"(<span class="nka">* fungi</span> <span class="ac">suggests we vote</span>)",
            "15:02:30 * fungi suggests we vote"},
        SameAsTxtCase{
            "entities",
            R"(<a name="l-1"></a><span class="tm">15:00:10</span>)"
            R"(<span class="nk"> &lt;a&gt;</span> x &amp;&amp; y &quot;q&quot; &#39;s&#39;)"
            R"( &apos; &#233;&#xE9;&#X1F600; &bogus; &#; & 1 < 2)",
            "15:00:10 <a> x && y \"q\" 's' ' \u00e9\u00e9\U0001F600 &bogus; &#; & 1 < 2"},
        SameAsTxtCase{"markup as text",
                      R"(<a name="l-1"></a><span class="tm">15:00:10</span>)"
                      R"(<span class="nk"> &lt;a&gt;</span> &lt;script&gt;alert(1)&lt;/script&gt;)",
                      "15:00:10 <a> <script>alert(1)</script>"},
        SameAsTxtCase{"special nick",
                      R"(<a name="l-1"></a><span class="tm">15:00:10</span>)"
                      R"(<span class="nk"> &lt;[m]k|en^_`{}&gt;</span> hi)",
                      "15:00:10 <[m]k|en^_`{}> hi"},
        SameAsTxtCase{"empty message",
                      R"(<a name="l-1"></a><span class="tm">15:00:10</span>)"
                      R"(<span class="nk"> &lt;a&gt;</span> )",
                      "15:00:10 <a> "}),
    testing::case_name<SameAsTxtCase>);

TEST(MeetbotHtmlTest, LineNumberIsTheAnchor) {
  auto log = parse_meetbot_html(
      kStem + ".log.html",
      page("<a name=\"l-7\"></a><span class=\"tm\">15:00:10</span>"
           "<span class=\"nk\"> &lt;a&gt;</span> one\n"
           "<a href=\"#l-42\" name=\"l-42\"><span class=\"tm\">15:00:11</span></a>"
           "<span class=\"nk\"> &lt;b&gt;</span> two"));
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->records.size(), 2u);
  EXPECT_EQ(log->records[0].line, 7);
  EXPECT_EQ(log->records[1].line, 42);
  EXPECT_EQ(log->records[1].id, kStem + "#42");
}

struct MalformedCase {
  const char* what;
  const char* html;
  const char* warning;  // the warning given for line 4 of the page
};

class MalformedHtmlLine : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedHtmlLine, SkippedCountedWarned) {
  const MalformedCase& c = GetParam();
  // Line 3 of the page is a good line 1; the case is line 4.
  auto log = parse_meetbot_html(
      kStem + ".log.html", page(std::string("<a name=\"l-5\"></a><span class=\"tm\">15:00:09"
                                            "</span><span class=\"nk\"> &lt;a&gt;</span> ok\n") +
                                c.html));
  ASSERT_TRUE(log.ok()) << log.error().message;
  ASSERT_EQ(log->records.size(), 1u);
  EXPECT_EQ(log->records[0].text, "ok");
  EXPECT_EQ(log->malformed_lines, 1);
  ASSERT_EQ(log->warnings.size(), 1u);
  EXPECT_EQ(log->warnings[0], c.warning);
}

INSTANTIATE_TEST_SUITE_P(
    Lines, MalformedHtmlLine,
    ::testing::Values(
        MalformedCase{"no anchor",
                      R"(<span class="tm">15:00:10</span><span class="nk"> &lt;a&gt;</span> x)",
                      "line 4: no l-N anchor"},
        MalformedCase{"text without markup", "just some text", "line 4: no l-N anchor"},
        MalformedCase{"no nick", R"(<a name="l-6"></a><span class="tm">15:00:10</span> x)",
                      "line 4: no nick span"},
        MalformedCase{"nick not in brackets",
                      R"(<a name="l-6"></a><span class="tm">15:00:10</span>)"
                      R"(<span class="nk"> a</span> x)",
                      "line 4: nick span is not <nick>"},
        MalformedCase{"bad time",
                      R"(<a name="l-6"></a><span class="tm">25:00:10</span>)"
                      R"(<span class="nk"> &lt;a&gt;</span> x)",
                      "line 4: not a MeetBot log line"},
        MalformedCase{"anchor going back",
                      R"(<a name="l-5"></a><span class="tm">15:00:10</span>)"
                      R"(<span class="nk"> &lt;a&gt;</span> x)",
                      "line 4: anchor l-5 out of order"}));

TEST(MeetbotHtmlTest, NoPreIsAnError) {
  auto log = parse_meetbot_html(kStem + ".log.html", "<html><body>nothing</body></html>");
  ASSERT_FALSE(log.ok());
  EXPECT_EQ(log.error().code, ErrorCode::kUsage);
  EXPECT_NE(log.error().message.find("<pre>"), std::string::npos);
}

TEST(MeetbotHtmlTest, BlankLinesInPreAreIgnored) {
  auto log = parse_meetbot_html(kStem + ".log.html", page("\n  \n"));
  ASSERT_TRUE(log.ok());
  EXPECT_TRUE(log->records.empty());
  EXPECT_EQ(log->malformed_lines, 0);
}

// The .log.html and the .log.txt of a real meeting give the same records and
// the same meeting, apart from the path of the file read.
TEST(MeetbotHtmlTest, RealFedoraMeetingsEqualTheirLogTxt) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  const std::vector<std::pair<std::string, std::size_t>> stems = {
      {"fedora_iot_working_group_meeting/2020/fedora_iot_working_group_meeting.2020-06-10-14.10",
       23},
      {"magazine/2020/magazine.2020-06-10-12.02", 270}};
  for (const auto& [stem, lines] : stems) {
    const std::string rel = "meetings/" + stem;
    auto html = parse_meetbot_html(rel + ".log.html",
                                   testing::read_file(corpus / "real" / (rel + ".log.html")));
    auto txt = parse_meetbot_log(rel + ".log.txt",
                                 testing::read_file(corpus / "real" / (rel + ".log.txt")));
    ASSERT_TRUE(html.ok()) << html.error().message;
    ASSERT_TRUE(txt.ok()) << txt.error().message;
    EXPECT_EQ(html->malformed_lines, 0) << stem;
    EXPECT_EQ(html->records.size(), lines) << stem;
    EXPECT_EQ(html->meeting.path, rel + ".log.html");
    EXPECT_EQ(html->meeting.channel, "#fedora-meeting");
    EXPECT_EQ(html->warnings, txt->warnings);
    std::vector<Record> a = without_path(html->records), b = without_path(txt->records);
    ASSERT_EQ(a.size(), b.size()) << stem;
    for (std::size_t k = 0; k < a.size(); ++k) EXPECT_EQ(a[k], b[k]) << a[k].id;
    EXPECT_EQ(without_path(html->meeting), without_path(txt->meeting)) << stem;
  }
}

TEST(MeetbotHtmlTest, TheChannelIsTheTitles) {
  EXPECT_EQ(meetbot_html_channel("<head><TITLE> #OpenStack-Meeting log </TITLE>"),
            "#openstack-meeting");
  EXPECT_EQ(meetbot_html_channel("<title>#tc: tc</title>"), "");  // minutes, not a log
  EXPECT_EQ(meetbot_html_channel("<title>#a b log</title>"), "");
  EXPECT_EQ(meetbot_html_channel("<title>#chan log"), "");
  EXPECT_EQ(meetbot_html_channel("no head"), "");
}

// HcoopMeetbot (Limnoria) writes another dialect: 0-based `id-N` anchors,
// nested spans, no space before the nick. It is read, as line N+1.
TEST(MeetbotHtmlTest, HcoopMeetbotDialectIsRead) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  const std::string content = testing::read_file(corpus / "real/other/hcoop-meetbot.log.html");
  // Its name gives no date, nor does any line (no "Meeting started").
  auto undated = parse_meetbot_html("other/hcoop-meetbot.log.html", content);
  ASSERT_FALSE(undated.ok());
  EXPECT_EQ(undated.error().code, ErrorCode::kUsage);

  auto log = parse_meetbot_html("meetings/hcoop/2021/hcoop.2021-03-02-21.06.log.html", content);
  ASSERT_TRUE(log.ok()) << log.error().message;
  EXPECT_EQ(log->malformed_lines, 0);
  const auto& r = log->records;
  ASSERT_EQ(r.size(), 39u);  // id-0 .. id-38
  EXPECT_EQ(r.front().line, 1);
  EXPECT_EQ(r.front().speaker, "pronovic");
  EXPECT_EQ(r.front().text, "#startmeeting");
  EXPECT_EQ(r.front().kind, "startmeeting");
  EXPECT_EQ(r[17].line, 18);  // id-17
  EXPECT_EQ(r[17].text, "unknown_lamer: I need you for this action");
  EXPECT_EQ(r[24].line, 25);
  EXPECT_EQ(r[24].text, "#action <script>alert('malicious')</script>");
  EXPECT_EQ(r[32].speaker, "ken[");
  EXPECT_EQ(r[36].speaker, "[m]");
  EXPECT_EQ(r.back().text, "#endmeeting");
  EXPECT_EQ(r.back().line, 39);
  EXPECT_TRUE(log->meeting.ended);
}

// Truncated or hostile pages never crash, hang or throw.
TEST(MeetbotHtmlTest, TruncatedRealPageAtEveryByte) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  const std::string rel =
      "meetings/fedora_iot_working_group_meeting/2020/"
      "fedora_iot_working_group_meeting.2020-06-10-14.10.log.html";
  const std::string content = testing::read_file(corpus / "real" / rel);
  auto full = parse_meetbot_html(rel, content);
  ASSERT_TRUE(full.ok());
  ASSERT_EQ(full->records.size(), 23u);
  for (std::size_t n = 0; n <= content.size(); ++n) {
    auto log = parse_meetbot_html(rel, std::string_view(content).substr(0, n));
    if (!log.ok()) continue;
    // Lines read whole are read as in the full page; only the cut one may differ.
    const auto& r = log->records;
    ASSERT_LE(r.size(), full->records.size()) << n;
    for (std::size_t k = 0; k + 1 < r.size(); ++k) {
      EXPECT_EQ(r[k].id, full->records[k].id) << n;
      EXPECT_EQ(r[k].text, full->records[k].text) << n;
    }
  }
}

TEST(MeetbotHtmlTest, HostilePages) {
  const std::string line =
      "<a name=\"l-1\"></a><span class=\"tm\">15:00:10</span>"
      "<span class=\"nk\"> &lt;a&gt;</span> ";
  const std::vector<std::string> pages = {
      page(line + std::string(1 << 20, '<')),
      page(line + std::string(1 << 20, '&')),
      page(line +
           [] {
             std::string s;
             for (int k = 0; k < 100000; ++k) s += "<span class=\"tm\">";
             return s;
           }()),
      page(line + std::string(1 << 20, 'x') + "<span"),
      page(std::string(100000, '\n')),
      "<pre>" + line,
      "<pre",
      "<PRE class=x>" + line + "</PRE>",
      page("<a name=\"l-99999999999999999999\"></a>" + line.substr(18) + "x"),
      page("<a name=\"l-0\"></a>" + line.substr(18) + "x"),
      page("<a name='l-1'><span class=tm>15:00:10</span><span class=nk>&lt;a&gt;</span> x"),
      page(line + "&#99999999999;&#x110000;&#0;&#xD800;"),
  };
  for (const std::string& p : pages) {
    auto log = parse_meetbot_html(kStem + ".log.html", p);
    if (log.ok()) {
      EXPECT_LE(log->records.size(), 1u);
    }
  }
  auto unquoted = parse_meetbot_html(kStem + ".log.html", pages[10]);
  ASSERT_TRUE(unquoted.ok());
  ASSERT_EQ(unquoted->records.size(), 1u);
  EXPECT_EQ(unquoted->records[0].text, "x");
  auto bad_code_points = parse_meetbot_html(kStem + ".log.html", pages.back());
  ASSERT_TRUE(bad_code_points.ok());
  ASSERT_EQ(bad_code_points->records.size(), 1u);
  // More than 8 digits is no entity; the others are no characters.
  EXPECT_EQ(bad_code_points->records[0].text, "&#99999999999;\uFFFD\uFFFD\uFFFD");
}

}  // namespace
}  // namespace eavesearch
