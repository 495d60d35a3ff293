// End to end over the committed sample archive (data/sample: meetings/ and the
// channel logs in irclogs/): index it, then ask the HTTP API real questions and
// check the answers against the files.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "eavesearch/indexer.h"
#include "eavesearch/server.h"
#include "tests/corpus.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using IdAndLine = std::pair<std::string, std::string>;

struct SampleLines {
  std::vector<IdAndLine> meeting;  // lines of meetings/**/*.log.txt ("HH:MM:SS <nick> text")
  std::vector<IdAndLine> channel;  // lines of irclogs/**/*.log that are not a meeting's copy
  long copies = 0;                 // channel-log lines that are a meeting's line
  long copies_past_midnight = 0;   // of those, lines in the next day's log
  long copies_missing = 0;         // meeting lines found in no channel log
};

// "YYYY-MM-DD" plus `days`.
std::string add_days(const std::string& ymd, int days) {
  using namespace std::chrono;
  const year_month_day d{sys_days{year{std::stoi(ymd.substr(0, 4))} /
                                  month{static_cast<unsigned>(std::stoi(ymd.substr(5, 2)))} /
                                  day{static_cast<unsigned>(std::stoi(ymd.substr(8, 2)))}} +
                         std::chrono::days{days}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

std::vector<std::string> split_lines(const std::string& content) {
  std::vector<std::string> lines;
  std::istringstream in(content);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Reads the sample straight from its files, without eavesearch. A channel log
// holds each meeting of its channel a second time: its .log.txt lines as
// "<date>T<HH:MM:SS>  <nick> text", the date moving on after midnight.
SampleLines read_sample() {
  std::vector<std::string> meetings, channels;
  for (const auto& entry : fs::recursive_directory_iterator(testing::sample_dir())) {
    if (!entry.is_regular_file()) continue;
    std::string rel = fs::relative(entry.path(), testing::sample_dir()).generic_string();
    if (rel.ends_with(".log.txt")) meetings.push_back(rel);
    if (rel.starts_with("irclogs/") && rel.ends_with(".log")) channels.push_back(rel);
  }
  std::sort(meetings.begin(), meetings.end());
  std::sort(channels.begin(), channels.end());
  SampleLines out;
  std::map<std::string, int> copies, past_midnight;  // channel line -> how many meetings have it
  for (const std::string& rel : meetings) {
    std::string stem = rel.substr(0, rel.size() - std::string(".log.txt").size());
    std::string date = stem.substr(stem.find('.') + 1, 10);  // <name>.<YYYY-MM-DD>-<HH>.<MM>
    int n = 0, days = 0;
    std::string previous;
    for (const std::string& line : split_lines(testing::read_file(testing::sample_dir() / rel))) {
      out.meeting.emplace_back(stem + "#" + std::to_string(++n), line);
      std::string hms = line.substr(0, 8);
      if (hms < previous) ++days;
      previous = hms;
      std::string copy = add_days(date, days) + "T" + hms + "  " + line.substr(9);
      ++copies[copy];
      if (days > 0) ++past_midnight[copy];
    }
  }
  for (const std::string& rel : channels) {
    std::string stem = rel.substr(0, rel.size() - std::string(".log").size());
    int n = 0;
    for (const std::string& line : split_lines(testing::read_file(testing::sample_dir() / rel))) {
      ++n;
      auto copy = copies.find(line);
      if (copy == copies.end() || copy->second == 0) {
        out.channel.emplace_back(stem + "#" + std::to_string(n), line);
        continue;
      }
      --copy->second;
      ++out.copies;
      if (auto late = past_midnight.find(line); late != past_midnight.end() && late->second > 0) {
        --late->second;
        ++out.copies_past_midnight;
      }
    }
  }
  for (const auto& [line, left] : copies) out.copies_missing += left;
  return out;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t k = 0; k < s.size();) {
    const auto c = static_cast<unsigned char>(s[k]);
    const std::size_t n = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xe  ? 3
                          : (c >> 3) == 0x1e ? 4
                                             : 0;
    if (n == 0 || k + n > s.size()) return false;
    for (std::size_t j = 1; j < n; ++j) {
      if ((static_cast<unsigned char>(s[k + j]) & 0xc0) != 0x80) return false;
    }
    k += n;
  }
  return true;
}

// A channel-log message as the reader should give it: cp1252 (here only
// Latin-1 letters) decoded, mIRC bold and colour codes dropped.
std::string as_indexed(std::string_view s) {
  std::string out;
  const bool utf8 = valid_utf8(s);
  for (std::size_t k = 0; k < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    if (c == 0x02) continue;
    if (c == 0x03) {  // \x03[fg[,bg]]
      auto digits = [&] {
        for (int n = 0;
             n < 2 && k + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[k + 1])); ++n)
          ++k;
      };
      digits();
      if (k + 2 < s.size() && s[k + 1] == ',' &&
          std::isdigit(static_cast<unsigned char>(s[k + 2]))) {
        ++k;
        digits();
      }
      continue;
    }
    if (utf8 || c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xc0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3f));
    }
  }
  return out;
}

class SampleArchiveTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    std::string db = (dir_->path() / "db").string();
    auto report = index_archives({{testing::sample_dir().string()}, db},
                                 [](const std::string& w) { ADD_FAILURE() << w; });
    ASSERT_TRUE(report.ok()) << report.error().message;
    report_ = *report;
    server_ = new testing::TestServer(db);
    port_ = server_->port();
  }

  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  static json search(const std::string& query_string) {
    httplib::Client client("127.0.0.1", port_);
    auto res = client.Get("/api/v1/search?" + query_string);
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  }

  static const SampleLines& sample() {
    static const SampleLines lines = read_sample();
    return lines;
  }

  // Every line of every meeting's own log (.log.txt), with the id it should have.
  static const std::vector<std::pair<std::string, std::string>>& all_lines() {
    return sample().meeting;
  }

  // The hit with this id among those for the plain words of `text`.
  static json find_hit(const std::string& id, const std::string& text) {
    std::string q;
    std::istringstream words(text);
    int used = 0;
    for (std::string w; words >> w && used < 8;) {
      while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.pop_back();
      auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
      if (w.size() < 4 || !std::all_of(w.begin(), w.end(), letter)) continue;
      q += (used++ == 0 ? "" : "%20") + w;
    }
    if (q.empty()) return nullptr;
    for (int page = 1; page <= 20; ++page) {
      json j = search("q=" + q + "&per_page=100&page=" + std::to_string(page));
      for (const json& hit : j["hits"]) {
        if (hit["id"] == id) return hit;
      }
      if (j["hits"].size() < 100) break;
    }
    return nullptr;
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline testing::TestServer* server_ = nullptr;
  static inline int port_ = 0;
  static inline IndexReport report_;
};

TEST_F(SampleArchiveTest, EveryLineBecomesARecord) {
  const SampleLines& s = sample();
  // Each meeting is in its channel's log too, and there is more than the meetings there.
  EXPECT_EQ(s.copies_missing, 0);
  EXPECT_EQ(s.copies, static_cast<long>(s.meeting.size()));
  ASSERT_GT(s.channel.size(), 2000u);
  EXPECT_EQ(report_.files_skipped, 0);
  EXPECT_EQ(report_.malformed_lines, 0);  // cp1252 and mIRC-coded lines are not malformed
  // Each meeting once, from meetings/; every other channel-log line (chatter,
  // joins, MeetBot's topic changes and end replies) once.
  const long expected = static_cast<long>(s.meeting.size() + s.channel.size());
  EXPECT_EQ(report_.records_added, expected)
      << s.copies_past_midnight << " of the channel logs' copies of meeting lines are in the log of"
      << " the day after the meeting started (meetings that ran past 00:00 UTC)";
  EXPECT_EQ(search("q=&per_page=1&include=bots,events")["total"]["value"], expected);
}

TEST_F(SampleArchiveTest, ChannelLogsHoldWhatTheReaderMustCopeWith) {
  int cp1252 = 0, mirc = 0, guest = 0, joins = 0, quits = 0, nick_changes = 0, topics = 0;
  for (const auto& [id, line] : sample().channel) {
    cp1252 += !valid_utf8(line);
    mirc += line.find_first_of("\x02\x03") != std::string::npos;
    guest += line.find(" is now known as Guest") != std::string::npos;
    joins += line.find(" has joined #") != std::string::npos;
    quits += line.ends_with(" has quit IRC");
    nick_changes += line.find(" is now known as ") != std::string::npos;
    topics += line.find(" changes topic to \"") != std::string::npos;
  }
  EXPECT_GT(cp1252, 0);
  EXPECT_GT(mirc, 0);
  EXPECT_GT(guest, 0);
  EXPECT_GT(joins, 100);
  EXPECT_GT(quits, 100);
  EXPECT_GT(nick_changes, guest);
  EXPECT_GT(topics, 250);
  // The reader decodes cp1252 and drops the mIRC codes.
  for (const auto& [id, line] : sample().channel) {
    if (valid_utf8(line) && line.find_first_of("\x02\x03") == std::string::npos) continue;
    std::string text = as_indexed(line.substr(line.find("> ") + 2));
    json hit = find_hit(id, text);
    ASSERT_FALSE(hit.is_null()) << id << ": " << text;
    EXPECT_EQ(hit["text"], text) << id;
  }
}

TEST_F(SampleArchiveTest, MeetingsLearnTheirChannelFromTheChannelLogs) {
  // tc meets in #openstack-tc; only the channel logs say so.
  std::set<std::string> tc_lines;
  for (const auto& [id, line] : all_lines()) {
    if (id.starts_with("meetings/tc/")) tc_lines.insert(id);
  }
  ASSERT_GT(tc_lines.size(), 1000u);
  std::set<std::string> found;
  for (int page = 1;; ++page) {
    json j =
        search("q=channel:%23openstack-tc%20meeting:tc&include=bots,events&per_page=100&page=" +
               std::to_string(page));
    for (const json& hit : j["hits"]) {
      EXPECT_EQ(hit["meeting"], "tc");
      EXPECT_EQ(hit["channel"], "#openstack-tc");
      std::string id = hit["id"];
      // The meeting's lines come from meetings/; the channel log adds only what
      // MeetBot does not log (joins, topic changes) during the meeting.
      if (id.starts_with("meetings/")) {
        found.insert(id);
      } else {
        EXPECT_TRUE(id.starts_with("irclogs/#openstack-tc/")) << id;
        EXPECT_NE(hit["kind"], "say") << id;
      }
    }
    if (j["hits"].size() < 100) break;
  }
  EXPECT_EQ(found, tc_lines);
  EXPECT_EQ(search("q=meeting:tc%20-channel:%23openstack-tc&per_page=1")["total"]["value"], 0);
}

TEST_F(SampleArchiveTest, PhraseFindsExactlyTheLinesWithThePhrase) {
  static const std::regex kPhrase(R"((^|[^a-z0-9])ubuntu[^a-z0-9]+20\.04($|[^a-z0-9.]))",
                                  std::regex::icase);
  std::set<std::string> expected;
  for (const auto& [id, line] : all_lines()) {
    std::string text = line.substr(line.find(' ') + 1);  // the time is not text
    if (std::regex_search(text, kPhrase)) expected.insert(id);
  }
  for (const auto& [id, line] : sample().channel) {
    if (std::regex_search(line.substr(line.find(' ') + 2), kPhrase)) expected.insert(id);
  }
  ASSERT_GT(expected.size(), 20u);
  std::set<std::string> found;
  for (int page = 1;; ++page) {
    json j = search("q=%22ubuntu%2020.04%22&include=bots,events&per_page=100&page=" +
                    std::to_string(page));
    for (const json& hit : j["hits"]) found.insert(hit["id"].get<std::string>());
    if (j["hits"].size() < 100) {
      EXPECT_EQ(j["total"]["value"], expected.size());
      EXPECT_EQ(j["total"]["exact"], true);
      break;
    }
  }
  EXPECT_EQ(found, expected);
}

TEST_F(SampleArchiveTest, AgreedItemsCarryTopicAndMeeting) {
  json j = search("q=is:agreed&per_page=100");
  ASSERT_GT(j["total"]["value"].get<int>(), 10);
  for (const json& hit : j["hits"]) {
    EXPECT_EQ(hit["item"], "agreed");
    EXPECT_EQ(hit["kind"], "agreed");
    EXPECT_FALSE(hit["meeting"].get<std::string>().empty());
    EXPECT_TRUE(hit["text"].get<std::string>().starts_with("#agree")) << hit["text"];
    EXPECT_NE(hit["url"].get<std::string>().find("https://meetings.opendev.org/meetings/"),
              std::string::npos);
  }
  // Newest first for a query of filters only.
  for (std::size_t k = 1; k < j["hits"].size(); ++k) {
    EXPECT_GE(j["hits"][k - 1]["time"].get<std::string>(), j["hits"][k]["time"].get<std::string>());
  }
}

TEST_F(SampleArchiveTest, FromRestrictsToOnePersonAcrossNicks) {
  json j = search("q=from:gmann&per_page=100");
  ASSERT_GT(j["total"]["value"].get<int>(), 0);
  std::set<std::string> nicks;
  for (const json& hit : j["hits"]) {
    EXPECT_EQ(hit["person"], "gmann");
    nicks.insert(hit["speaker"].get<std::string>());
  }
  EXPECT_TRUE(nicks.count("gmann"));
}

TEST_F(SampleArchiveTest, OwnerFindsThatPersonsActionItems) {
  json j = search("q=owner:gmann&per_page=100");
  ASSERT_GT(j["total"]["value"].get<int>(), 0);
  for (const json& hit : j["hits"]) {
    EXPECT_EQ(hit["item"], "action");
    EXPECT_NE(std::find(hit["owners"].begin(), hit["owners"].end(), "gmann"), hit["owners"].end());
    EXPECT_NE(hit["text"].get<std::string>().find("gmann"), std::string::npos);
  }
}

TEST_F(SampleArchiveTest, DateRangesIncludeBothEndsInUtc) {
  json j = search("q=date:2020-05..2020-06&per_page=100&sort=oldest&include=bots,events");
  ASSERT_GT(j["total"]["value"].get<int>(), 0);
  for (const json& hit : j["hits"]) {
    std::string t = hit["time"];
    EXPECT_GE(t, "2020-05-01T00:00:00Z");
    EXPECT_LE(t, "2020-06-30T23:59:59Z");
  }
  int in_range = 0;
  for (const auto& [id, line] : all_lines()) {
    (void)line;
    auto dot = id.find('.');
    std::string day = id.substr(dot + 1, 10);  // <name>.<YYYY-MM-DD>-...: the start day
    in_range += day >= "2020-05-01" && day <= "2020-06-30";
  }
  for (const auto& [id, line] : sample().channel) {
    std::string day = line.substr(0, 10);  // channel-log lines carry their date
    in_range += day >= "2020-05-01" && day <= "2020-06-30";
  }
  // Meetings that start on 2020-06-30 and cross midnight leave a few lines outside.
  EXPECT_LE(j["total"]["value"].get<int>(), in_range);
  EXPECT_GE(j["total"]["value"].get<int>(), in_range - 60);
}

TEST_F(SampleArchiveTest, SnippetsNeverCarryMarkupFromTheLogs) {
  json j = search("q=script&per_page=100");
  ASSERT_GT(j["total"]["value"].get<int>(), 0);
  for (const json& hit : j["hits"]) {
    std::string s = hit["snippet"];
    std::string without_marks = std::regex_replace(s, std::regex("</?mark>"), "");
    EXPECT_EQ(without_marks.find('<'), std::string::npos) << s;
    EXPECT_EQ(without_marks.find('>'), std::string::npos) << s;
  }
}

}  // namespace
}  // namespace eavesearch

namespace eavesearch {
namespace {

// A channel's day is every line of its log: the channel-only lines and the
// meeting's lines (indexed from meetings/), in time order.
TEST_F(SampleArchiveTest, AChannelDayIsItsWholeLog) {
  fs::path dir = testing::sample_dir() / "irclogs" / "#openstack-tc";
  ASSERT_TRUE(fs::is_directory(dir));
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();  // #openstack-tc.YYYY-MM-DD.log
    std::string date = name.substr(name.size() - 14, 10);
    std::string content = testing::read_file(entry.path());
    if (content.find("#startmeeting") == std::string::npos) continue;
    if (content.rfind(date + "T", 0) != 0) continue;  // starts with yesterday's meeting
    long lines = std::count(content.begin(), content.end(), '\n');
    httplib::Client client("127.0.0.1", port_);
    std::vector<std::string> times;
    long total = -1;
    for (int page = 1; page <= 50 && static_cast<long>(times.size()) != total; ++page) {
      auto res = client.Get("/api/v1/channels/openstack-tc/" + date +
                            "?per_page=100&page=" + std::to_string(page));
      ASSERT_TRUE(res);
      ASSERT_EQ(res->status, 200) << res->body;
      json j = json::parse(res->body);
      total = j["total"]["value"].get<long>();
      for (const json& line : j["lines"]) times.push_back(line["time"]);
      if (j["lines"].empty()) break;
    }
    EXPECT_EQ(total, lines) << name;
    EXPECT_EQ(static_cast<long>(times.size()), lines) << name;
    EXPECT_TRUE(std::is_sorted(times.begin(), times.end())) << name;
    if (++checked == 3) break;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace eavesearch
