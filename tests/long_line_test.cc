// A log line is at most kMaxLineBytes (4 KiB) of text once read (issue 16,
// row 9). IRC lines are 512 bytes: a longer one (a paste, a broken file) is
// cut on a character boundary, counted and warned about, in every reader,
// instead of becoming a record of megabytes.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "eavesearch/parser.h"
#include "eavesearch/searcher.h"
#include "eavesearch/text.h"
#include "tests/corpus.h"
#include "tests/shell.h"

namespace eavesearch {
namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t k = 0; k < n; ++k) out += s;
  return out;
}

constexpr std::string_view kEuro = "\u20ac";  // three bytes: a cut can fall inside one

// "long €€€...", megabytes of it.
std::string long_text(std::size_t megabytes) {
  return "long " + repeat(kEuro, megabytes * (1 << 20) / kEuro.size());
}

// True for "long " and whole euro signs, at most kMaxLineBytes and nearly that.
bool is_cut_long_text(const std::string& text) {
  std::size_t euros = (text.size() - 5) / kEuro.size();
  return text.size() <= kMaxLineBytes && text.size() > kMaxLineBytes - 64 &&
         text == "long " + repeat(kEuro, euros);
}

// What every reader gives, the same for meeting logs and channel logs.
struct Read {
  std::vector<Record> records;
  int cut_lines = 0;
  std::vector<std::string> warnings;
};

template <typename Parsed>
Read read(const Result<Parsed>& parsed) {
  if (!parsed) return {{}, -1, {parsed.error().message}};
  return {parsed->records, parsed->cut_lines, parsed->warnings};
}

struct Case {
  const char* what;
  std::function<Read(const std::string& text)> parse;
  int line;  // of the long text
};

const std::string kHtmlHead = "<html><head><title>#x log</title></head><body>";

std::string meetbot_html_line(int n, const std::string& time, const std::string& text) {
  std::string l = std::to_string(n);
  return "<a href=\"#l-" + l + "\" name=\"l-" + l + "\"><span class=\"tm\">" + time +
         "</span></a><span class=\"nk\"> &lt;a&gt;</span> " + text + "\n";
}

std::string channel_html_row(const std::string& time, const std::string& text) {
  return "<tr id=\"t2020-05-14T" + time + "\"><th class=\"nick\">a</th><td class=\"text\">" + text +
         "</td></tr>\n";
}

const Case kCases[] = {
    {"meetbot log",
     [](const std::string& text) {
       return read(parse_meetbot_log(
           "meetings/x/2020/x.2020-05-14-15.00.log.txt",
           "15:00:00 <a> #startmeeting x\n15:00:01 <a> " + text + "\n15:00:02 <a> after\n"));
     },
     2},
    {"meetbot html",
     [](const std::string& text) {
       return read(parse_meetbot_html(
           "meetings/x/2020/x.2020-05-14-15.00.log.html",
           kHtmlHead + "<pre>" + meetbot_html_line(1, "15:00:00", "#startmeeting x") +
               meetbot_html_line(2, "15:00:01", text) + meetbot_html_line(3, "15:00:02", "after") +
               "</pre></body></html>"));
     },
     2},
    {"flattened log",
     [](const std::string& text) {
       return read(
           parse_flattened_log("meetings/x/2020/x.2020-05-14-15.00.flattened.txt",
                               "15:00:00 #startmeeting x 15:00:01 " + text + " 15:00:02 after"));
     },
     2},
    {"pasted log",
     [](const std::string& text) {
       return read(
           parse_pasted_log("other/x.2020-05-14-15.00.rst",
                            "Notes:\n\n    15:00:00 <a> #startmeeting x\n    15:00:01 <a> " + text +
                                "\n    15:00:02 <a> after\n"));
     },
     2},
    {"channel log",
     [](const std::string& text) {
       return read(parse_channel_log("irclogs/#x/#x.2020-05-14.log",
                                     "2020-05-14T15:00:00  <a> hi\n2020-05-14T15:00:01  <a> " +
                                         text + "\n2020-05-14T15:00:02  <a> after\n"));
     },
     2},
    {"channel html",
     [](const std::string& text) {
       return read(parse_channel_html("irclogs/#x/#x.2020-05-14.log.html",
                                      kHtmlHead + "<table>" + channel_html_row("15:00:00", "hi") +
                                          channel_html_row("15:00:01", text) +
                                          channel_html_row("15:00:02", "after") + "</table>"));
     },
     2},
};

TEST(LongLineTest, EveryReaderCutsALongLineAndSaysSo) {
  const std::string text = long_text(4);
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.what);
    Read got = c.parse(text);
    ASSERT_EQ(got.records.size(), 3u) << (got.warnings.empty() ? "" : got.warnings[0]);
    EXPECT_TRUE(is_cut_long_text(got.records[1].text)) << got.records[1].text.size() << " bytes";
    EXPECT_EQ(got.records[2].text, "after");
    EXPECT_EQ(got.cut_lines, 1);
    ASSERT_EQ(got.warnings.size(), 1u);
    EXPECT_EQ(got.warnings[0], "line " + std::to_string(c.line) + ": longer than 4096 bytes, cut");
  }
}

TEST(LongLineTest, ALineOfExactlyTheLimitIsKept) {
  std::string text = "x" + repeat("y", kMaxLineBytes - 1);
  Read got = kCases[0].parse(text);
  ASSERT_EQ(got.records.size(), 3u);
  EXPECT_EQ(got.records[1].text, text);
  EXPECT_EQ(got.cut_lines, 0);
}

// The nightly job over logs holding a 16 MB line each: a record of 4 KiB,
// the count in the summary, a warning naming the file and the line.
TEST(LongLineTest, TheIndexKeepsRecordsOfAtMostTheLimit) {
  testing::TempDir archive;
  testing::TempDir db;
  const std::string text = long_text(16);
  testing::write_file(archive.path() / "meetings/x/2020/x.2020-05-14-15.00.log.txt",
                      "15:00:00 <a> #startmeeting x\n15:00:01 <a> " + text + "\n");
  testing::write_file(archive.path() / "irclogs/#x/#x.2020-05-14.log",
                      "2020-05-14T16:00:00  <b> " + text + "\n");
  testing::Outcome run =
      testing::shell(std::string(EAVESEARCH_BIN) + " index " + testing::shell_quote(archive.str()) +
                     " --db " + testing::shell_quote(db.str() + "/db") + " --json");
  EXPECT_EQ(run.code, 0) << run.out.substr(0, 2000);
  auto at = run.out.rfind("\n{");
  auto summary =
      nlohmann::json::parse(run.out.substr(at == std::string::npos ? 0 : at + 1), nullptr, false);
  EXPECT_EQ(summary["lines_cut"], 2) << run.out.substr(0, 2000);
  EXPECT_NE(run.out.find("x.2020-05-14-15.00.log.txt: line 2: longer than 4096 bytes, cut"),
            std::string::npos)
      << run.out.substr(0, 2000);

  auto searcher = Searcher::open(db.str() + "/db", std::make_shared<SearchResources>(0));
  ASSERT_TRUE(searcher.ok()) << searcher.error().message;
  auto hits = searcher->search(testing::request("long"));
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  ASSERT_EQ(hits->hits.size(), 2u);
  for (const Hit& h : hits->hits) {
    EXPECT_TRUE(is_cut_long_text(h.record.text)) << h.record.text.size() << " bytes";
  }
}

}  // namespace
}  // namespace eavesearch
