// A channel log kept in one file, "irclogs/#chan/#chan.log" (ChannelLogger
// without rotateLogs): read as its days' files would be, a record per line at
// the line's own date, ids "<stem>#<line>", and answered per day by the
// channel day endpoint. The real case: the five #ltsp days of the corpus put
// one after the other into one file.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "eavesearch/indexer.h"
#include "eavesearch/parser.h"
#include "eavesearch/permalink.h"
#include "eavesearch/searcher.h"
#include "eavesearch/time_util.h"
#include "indexer/channel_meetings.h"
#include "tests/corpus.h"
#include "tests/index_dump.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;

constexpr const char* kOneFile = "irclogs/#opendev-infra/#opendev-infra.log";

ParsedChannelLog parse(std::string_view path, std::string_view content) {
  auto parsed = parse_channel_log(path, content);
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? std::move(*parsed) : ParsedChannelLog{};
}

TEST(OneFileChannelLogTest, EachLineHasItsOwnDateAndItsLineInTheFile) {
  ParsedChannelLog log = parse(kOneFile,
                               "2021-08-16T23:59:59  <clarkb> last of the 16th\n"
                               "2021-08-17T00:00:00  <fungi> first of the 17th\n"
                               "2021-08-17T00:00:00  <fungi> same second\n"
                               "2022-01-01T10:00:00  * ianw waves, months later\n");
  EXPECT_EQ(log.channel, "#opendev-infra");
  EXPECT_TRUE(log.one_file);
  ASSERT_EQ(log.records.size(), 4u);
  const std::vector<std::tuple<std::string, std::string, std::string>> want = {
      {"irclogs/#opendev-infra/#opendev-infra#1", "2021-08-16T23:59:59Z", "t2021-08-16T23:59:59"},
      {"irclogs/#opendev-infra/#opendev-infra#2", "2021-08-17T00:00:00Z", "t2021-08-17T00:00:00"},
      {"irclogs/#opendev-infra/#opendev-infra#3", "2021-08-17T00:00:00Z", "t2021-08-17T00:00:00-2"},
      {"irclogs/#opendev-infra/#opendev-infra#4", "2022-01-01T10:00:00Z", "t2022-01-01T10:00:00"},
  };
  for (std::size_t k = 0; k < want.size(); ++k) {
    const Record& r = log.records[k];
    EXPECT_EQ(std::make_tuple(r.id, format_iso(r.time), r.anchor), want[k]);
    EXPECT_EQ(r.line, static_cast<int>(k) + 1);
    EXPECT_EQ(r.path, kOneFile);
    EXPECT_EQ(r.channel, "#opendev-infra");
  }
  EXPECT_EQ(log.records[3].kind, "me");
}

// Lines of an older logger (no date) in the file: counted and named, as a
// daily file's malformed lines are; they neither stop the file nor make it
// unknown when they come first.
TEST(OneFileChannelLogTest, LinesWithoutADateAreMalformed) {
  const std::string content =
      "[03:43] <fungi> from before the logger wrote dates\n"
      "2021-08-16T10:00:00  <clarkb> dated\n"
      "10:01:00 <clarkb> a MeetBot line\n"
      "2021-08-17T10:00:00  <clarkb> dated again\n";
  EXPECT_EQ(classify(kOneFile, content), SourceKind::kChannelLog);
  ParsedChannelLog log = parse(kOneFile, content);
  ASSERT_EQ(log.records.size(), 2u);
  EXPECT_EQ(log.records[1].line, 4);
  EXPECT_EQ(log.malformed_lines, 2);
  EXPECT_EQ(log.warnings, (std::vector<std::string>{"line 1: not a channel log line",
                                                    "line 3: not a channel log line"}));
  // No dated line in the head: not a channel log, whatever its name.
  EXPECT_EQ(classify(kOneFile, "[03:43] <fungi> only old lines\n"), SourceKind::kUnknown);
  // Without a '#', a dateless name is nobody's channel log.
  EXPECT_FALSE(parse_channel_log("irclogs/opendev-infra.log", content).ok());
}

// A day's file begins knowing no nick change; so does a day in one file, or
// a guest nick taken by someone else days later would stay the first one's.
TEST(OneFileChannelLogTest, NickChangesHoldForTheirDay) {
  ParsedChannelLog log = parse(kOneFile,
                               "2021-08-16T10:00:00  *** diablo_rojo is now known as Guest4602\n"
                               "2021-08-16T10:01:00  <Guest4602> still diablo_rojo\n"
                               "2021-08-16T09:00:00  <Guest4602> a line out of order: same day\n"
                               "2021-08-17T10:00:00  <Guest4602> someone else a day later\n");
  ASSERT_EQ(log.records.size(), 4u);
  EXPECT_EQ(log.records[1].person, "diablo_rojo");
  EXPECT_EQ(log.records[2].person, "diablo_rojo");
  EXPECT_EQ(log.records[3].person, "guest4602");
}

// A meeting may sit anywhere in the file: found whole across midnight; one
// never ended stops at the end of its day (or of the next, when that begins
// inside it), so that it takes neither the next meeting nor years of lines.
TEST(OneFileChannelLogTest, MeetingsAreFoundAnywhereAndBoundedByTheirDays) {
  ParsedChannelLog log = parse(kOneFile,
                               "2021-08-16T23:50:00  <clarkb> #startmeeting infra\n"       // 0
                               "2021-08-16T23:55:00  <clarkb> #topic Gerrit\n"             // 1
                               "2021-08-17T00:01:00  <clarkb> #action fungi to restart\n"  // 2
                               "2021-08-17T00:02:00  <clarkb> #endmeeting\n"               // 3
                               "2021-08-17T19:01:00  <clarkb> #startmeeting infra\n"       // 4
                               "2021-08-17T19:02:00  <fungi> never ended\n"                // 5
                               "2021-08-18T09:00:00  <fungi> the next day\n"               // 6
                               "2021-08-18T19:00:00  <clarkb> #startmeeting infra\n"       // 7
                               "2021-08-18T19:01:00  <clarkb> #endmeeting\n");             // 8
  auto meetings = find_channel_meetings(log.records, log.channel, MeetingReach::kDayAndNext);
  ASSERT_EQ(meetings.size(), 3u);
  EXPECT_EQ(meetings[0].meeting.id, "meetings/infra/2021/infra.2021-08-16-23.50");
  EXPECT_EQ(std::make_pair(meetings[0].first, meetings[0].last), std::make_pair(0ul, 3ul));
  EXPECT_TRUE(meetings[0].meeting.ended);
  ASSERT_EQ(meetings[0].meeting.items.size(), 2u);  // the action after midnight is in the minutes
  EXPECT_EQ(meetings[0].meeting.items[1].type, "ACTION");
  EXPECT_EQ(meetings[1].meeting.id, "meetings/infra/2021/infra.2021-08-17-19.01");
  EXPECT_EQ(std::make_pair(meetings[1].first, meetings[1].last), std::make_pair(4ul, 5ul));
  EXPECT_FALSE(meetings[1].meeting.ended);
  EXPECT_EQ(log.records[6].meeting, "");
  EXPECT_EQ(meetings[2].meeting.id, "meetings/infra/2021/infra.2021-08-18-19.00");
  EXPECT_EQ(std::make_pair(meetings[2].first, meetings[2].last), std::make_pair(7ul, 8ul));
}

// meetings.opendev.org publishes a page per day's file; a one-file log has
// none, so its lines link nowhere rather than to a page that is not there.
TEST(OneFileChannelLogTest, HasNoPermalink) {
  ParsedChannelLog log = parse(kOneFile, "2021-08-16T10:00:00  <clarkb> hi\n");
  ASSERT_EQ(log.records.size(), 1u);
  EXPECT_EQ(permalink(log.records[0], kDefaultLogBaseUrl), "");
  ParsedChannelLog day = parse("irclogs/#opendev-infra/#opendev-infra.2021-08-16.log",
                               "2021-08-16T10:00:00  <clarkb> hi\n");
  ASSERT_EQ(day.records.size(), 1u);
  EXPECT_EQ(permalink(day.records[0], kDefaultLogBaseUrl),
            "https://meetings.opendev.org/irclogs/%23opendev-infra/"
            "%23opendev-infra.2021-08-16.log.html#t2021-08-16T10:00:00");
}

// --- The real #ltsp days, one after the other in irclogs/#ltsp/#ltsp.log ---

const std::vector<std::string> kLtspDays = {"2019-10-01", "2019-10-03", "2019-10-07", "2019-10-17",
                                            "2019-10-22"};
constexpr const char* kLtspOneFile = "irclogs/#ltsp/#ltsp.log";

fs::path daily_file(const fs::path& corpus, const std::string& day) {
  return corpus / "real/irclogs/#ltsp" / ("#ltsp." + day + ".log");
}

// What a line is, but for where it is (id, path, line).
using Line = std::tuple<std::int64_t, std::string, std::string, std::string, std::string,
                        std::string>;  // time, speaker, person, kind, text, anchor

Line line_of(const Record& r) {
  return {r.time, r.speaker.value_or("-"), r.person, r.kind, r.text, r.anchor};
}

// Every line the index holds of #ltsp on `day`, oldest first, as the channel
// day endpoint asks for them.
std::vector<Record> day_records(Searcher& searcher, const std::string& day) {
  std::vector<Record> out;
  for (int page = 1; page <= 20; ++page) {
    SearchRequest r;
    r.filters = {{"channel", {"#ltsp"}}, {"on", {day}}};
    r.include_bots = r.include_events = true;
    r.sort = SortOrder::kOldest;
    r.per_page = kMaxPerPage;
    r.page = page;
    auto resp = searcher.search(r);
    EXPECT_TRUE(resp.ok()) << resp.error().message;
    if (!resp.ok()) break;
    for (const Hit& h : resp->hits) out.push_back(h.record);
    if (resp->hits.size() < static_cast<std::size_t>(kMaxPerPage)) break;
  }
  return out;
}

class OneFileLtspTest : public ::testing::Test {
 protected:
  // The days' files, in date order, as one file (ChannelLogger appends so).
  static std::string concatenated(const fs::path& corpus, std::size_t days) {
    std::string all;
    for (std::size_t k = 0; k < days; ++k) {
      all += testing::read_file(daily_file(corpus, kLtspDays[k]));
    }
    return all;
  }

  Result<IndexReport> index(const fs::path& archive, const std::string& db) {
    warnings_.clear();
    return index_archives({{archive.string()}, db},
                          [this](const std::string& w) { warnings_.push_back(w); });
  }

  // Indexes the five days as daily files and as one file; fills the days'
  // parsed records.
  void index_both(const fs::path& corpus) {
    for (const std::string& day : kLtspDays) {
      fs::path file = daily_file(corpus, day);
      testing::write_file(daily_.path() / "irclogs/#ltsp" / file.filename(),
                          testing::read_file(file));
      daily_lines_[day] =
          parse(("irclogs/#ltsp/" + file.filename().string()), testing::read_file(file)).records;
    }
    testing::write_file(one_file_.path() / kLtspOneFile, concatenated(corpus, kLtspDays.size()));
    auto daily = index(daily_.path(), daily_db());
    ASSERT_TRUE(daily.ok()) << daily.error().message;
    auto one = index(one_file_.path(), one_file_db());
    ASSERT_TRUE(one.ok()) << one.error().message;
    one_file_report_ = *one;
  }

  std::string daily_db() const { return (dbs_.path() / "daily").string(); }
  std::string one_file_db() const { return (dbs_.path() / "one-file").string(); }

  testing::TempDir daily_, one_file_, dbs_;
  std::map<std::string, std::vector<Record>> daily_lines_;  // day -> its file's records
  IndexReport one_file_report_;
  std::vector<std::string> warnings_;
};

TEST_F(OneFileLtspTest, ReadsAsTheDailyFilesOneAfterTheOther) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  std::vector<Line> want;
  for (const std::string& day : kLtspDays) {
    std::string rel = "irclogs/#ltsp/#ltsp." + day + ".log";
    for (const Record& r : parse(rel, testing::read_file(daily_file(corpus, day))).records) {
      EXPECT_EQ(format_iso(r.time).substr(0, 10), day) << r.id;
      want.push_back(line_of(r));
    }
  }
  ASSERT_EQ(want.size(), 953u);  // 176 + 183 + 102 + 491 + 1 lines (wc -l), each a record
  ParsedChannelLog one = parse(kLtspOneFile, concatenated(corpus, kLtspDays.size()));
  EXPECT_EQ(one.malformed_lines, 0);
  std::vector<Line> got;
  for (const Record& r : one.records) got.push_back(line_of(r));
  EXPECT_EQ(got, want);
  EXPECT_EQ(one.records.back().id, "irclogs/#ltsp/#ltsp#953");
}

TEST_F(OneFileLtspTest, IndexesWithNothingSkippedAndEachDayAsItsFileDoes) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_NO_FATAL_FAILURE(index_both(corpus));
  EXPECT_EQ(one_file_report_.files_new, 1);
  EXPECT_EQ(one_file_report_.files_skipped, 0);
  EXPECT_EQ(one_file_report_.malformed_lines, 0);
  EXPECT_EQ(one_file_report_.records_added, 953);
  EXPECT_TRUE(warnings_.empty()) << warnings_.front();
  auto daily = Searcher::open(daily_db());
  auto one = Searcher::open(one_file_db());
  ASSERT_TRUE(daily.ok() && one.ok());
  for (const std::string& day : kLtspDays) {
    SCOPED_TRACE(day);
    std::vector<Record> from_days = day_records(*daily, day);
    std::vector<Record> from_one = day_records(*one, day);
    ASSERT_EQ(from_one.size(), daily_lines_[day].size());
    ASSERT_EQ(from_days.size(), from_one.size());
    for (std::size_t k = 0; k < from_one.size(); ++k) {
      EXPECT_EQ(line_of(from_one[k]), line_of(from_days[k]));
      EXPECT_EQ(format_iso(from_one[k].time).substr(0, 10), day);
      EXPECT_TRUE(from_one[k].id.starts_with("irclogs/#ltsp/#ltsp#")) << from_one[k].id;
      EXPECT_EQ(from_one[k].path, kLtspOneFile);
    }
  }
}

// For each day, its rarest word of five letters or more: a search for it
// finds that day's line, at that day's date, among the one file's lines.
TEST_F(OneFileLtspTest, ASearchFindsALineOfEachDayAtItsDate) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_NO_FATAL_FAILURE(index_both(corpus));
  auto words_of = [](const std::string& text) {
    std::set<std::string> words;
    std::string w;
    for (char c : text + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else {
        if (w.size() >= 5) words.insert(w);
        w.clear();
      }
    }
    return words;
  };
  std::map<std::string, int> lines_with;  // word -> lines of all days having it
  for (const auto& [day, records] : daily_lines_) {
    for (const Record& r : records) {
      for (const std::string& w : words_of(r.text)) ++lines_with[w];
    }
  }
  auto searcher = Searcher::open(one_file_db());
  ASSERT_TRUE(searcher.ok());
  for (const std::string& day : kLtspDays) {
    SCOPED_TRACE(day);
    const Record* line = nullptr;
    std::string word;
    for (const Record& r : daily_lines_[day]) {
      if (r.kind != "say") continue;
      for (const std::string& w : words_of(r.text)) {
        if (!line || lines_with[w] < lines_with[word]) line = &r, word = w;
      }
    }
    ASSERT_NE(line, nullptr);
    SearchRequest q = testing::request(word, kMaxPerPage);
    q.include_bots = true;
    auto resp = searcher->search(q);
    ASSERT_TRUE(resp.ok()) << resp.error().message;
    auto hit = std::find_if(resp->hits.begin(), resp->hits.end(), [&](const Hit& h) {
      return h.record.time == line->time && h.record.text == line->text;
    });
    ASSERT_NE(hit, resp->hits.end()) << word << ": " << line->text;
    EXPECT_EQ(format_iso(hit->record.time).substr(0, 10), day);
    EXPECT_EQ(hit->record.path, kLtspOneFile);
    EXPECT_EQ(hit->record.id, "irclogs/#ltsp/#ltsp#" + std::to_string(hit->record.line));
  }
}

// GET /api/v1/channels/ltsp/2019-10-17: that day's lines, from the one file,
// as the day's file gives them; linked nowhere (HasNoPermalink).
TEST_F(OneFileLtspTest, TheChannelDayEndpointAnswersADayOfTheOneFile) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_NO_FATAL_FAILURE(index_both(corpus));
  testing::TestServer server(one_file_db());
  ASSERT_GT(server.port(), 0);
  const std::vector<Record>& want = daily_lines_["2019-10-17"];
  std::vector<nlohmann::json> lines;
  for (int page = 1; page <= 10 && lines.size() < want.size(); ++page) {
    auto day =
        testing::get_json(server.port(), "/api/v1/channels/ltsp/2019-10-17?per_page=100&page=" +
                                             std::to_string(page));
    ASSERT_TRUE(day.is_object());
    EXPECT_EQ(day["channel"], "#ltsp");
    EXPECT_EQ(day["total"]["value"], want.size());
    if (day["lines"].empty()) break;
    for (const auto& l : day["lines"]) lines.push_back(l);
  }
  ASSERT_EQ(lines.size(), want.size());
  for (std::size_t k = 0; k < want.size(); ++k) {
    EXPECT_EQ(lines[k]["time"], format_iso(want[k].time));
    EXPECT_EQ(lines[k]["text"], want[k].text);
    EXPECT_EQ(lines[k]["path"], kLtspOneFile);
    EXPECT_TRUE(lines[k]["url"].is_null());
  }
  // Lines 177-359 of the file are the 3rd's, 360-461 the 7th's: 2019-10-17 begins at 462.
  EXPECT_EQ(lines.front()["id"], "irclogs/#ltsp/#ltsp#462");
  testing::get_json(server.port(), "/api/v1/channels/ltsp/2019-10-18", 404);
  // What the page's log view asks for such a line: it with the lines around
  // it in the file, the day before's last ones too.
  auto record = testing::get_json(server.port(),
                                  "/api/v1/records/irclogs%2F%23ltsp%2F%23ltsp%23462?context=3");
  ASSERT_TRUE(record.is_object());
  EXPECT_EQ(record["time"], format_iso(want.front().time));
  std::vector<std::string> around;
  for (const auto& r : record["context"]["before"]) around.push_back(r["id"]);
  for (const auto& r : record["context"]["after"]) around.push_back(r["id"]);
  EXPECT_EQ(around,
            (std::vector<std::string>{"irclogs/#ltsp/#ltsp#459", "irclogs/#ltsp/#ltsp#460",
                                      "irclogs/#ltsp/#ltsp#461", "irclogs/#ltsp/#ltsp#463",
                                      "irclogs/#ltsp/#ltsp#464", "irclogs/#ltsp/#ltsp#465"}));
  EXPECT_EQ(record["context"]["before"].back()["time"].get<std::string>().substr(0, 10),
            "2019-10-07");
}

// The logger appends a day: the one file is indexed again whole (its records
// removed and written anew), and the index equals a clean build.
TEST_F(OneFileLtspTest, AppendingADayReindexesTheFileAsACleanBuildWould) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  fs::path file = one_file_.path() / kLtspOneFile;
  testing::write_file(file, concatenated(corpus, 4));
  auto first = index(one_file_.path(), one_file_db());
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->records_added, 952);
  std::ofstream(file, std::ios::app) << testing::read_file(daily_file(corpus, kLtspDays[4]));
  auto again = index(one_file_.path(), one_file_db());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->files_changed, 1);
  EXPECT_EQ(again->files_skipped, 0);
  EXPECT_EQ(again->records_removed, 952);
  EXPECT_EQ(again->records_added, 953);
  std::string clean = (dbs_.path() / "clean").string();
  auto built = index(one_file_.path(), clean);
  ASSERT_TRUE(built.ok()) << built.error().message;
  auto got = testing::dump_index(one_file_db());
  auto want = testing::dump_index(clean);
  EXPECT_EQ(testing::first_difference(got, want), "");
  EXPECT_EQ(got.size(), want.size());
  auto searcher = Searcher::open(one_file_db());
  ASSERT_TRUE(searcher.ok());
  EXPECT_EQ(day_records(*searcher, "2019-10-22").size(), 1u);
}

// A line without its date between two days: counted, named with its file
// and line, and the rest indexed.
TEST_F(OneFileLtspTest, ALineWithoutADateIsCountedAsMalformed) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  std::string content = concatenated(corpus, 1) + "[03:43] <alkisg> an old line, no date\n" +
                        testing::read_file(daily_file(corpus, kLtspDays[1]));
  testing::write_file(one_file_.path() / kLtspOneFile, content);
  auto report = index(one_file_.path(), one_file_db());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->files_skipped, 0);
  EXPECT_EQ(report->malformed_lines, 1);
  EXPECT_EQ(report->records_added, 176 + 183);
  ASSERT_EQ(warnings_.size(), 1u);
  EXPECT_NE(warnings_[0].find(kLtspOneFile), std::string::npos) << warnings_[0];
  EXPECT_NE(warnings_[0].find("line 177: not a channel log line"), std::string::npos)
      << warnings_[0];
}

}  // namespace
}  // namespace eavesearch
