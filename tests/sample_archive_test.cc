// End to end over the committed sample archive (data/sample): index it, then
// ask the HTTP API real questions and check the answers against the files.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "eavesearch/indexer.h"
#include "eavesearch/server.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class SampleArchiveTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    std::string db = (dir_->path() / "db").string();
    auto report = index_archives({{testing::sample_dir().string()}, db},
                                 [](const std::string& w) { ADD_FAILURE() << w; });
    ASSERT_TRUE(report.ok()) << report.error().message;
    report_ = *report;
    ServerConfig config;
    config.db_dir = db;
    config.port = 0;
    std::promise<int> bound;
    server_ = new std::thread([config, &bound] {
      auto status = run_server(config, stop_, [&](int port) { bound.set_value(port); });
      if (!status) bound.set_value(-1);
    });
    port_ = bound.get_future().get();
  }

  static void TearDownTestSuite() {
    stop_ = true;
    server_->join();
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

  // Every line of every log of the sample, with the id it should have.
  static std::vector<std::pair<std::string, std::string>> all_lines() {
    std::vector<std::pair<std::string, std::string>> lines;
    for (const auto& entry : fs::recursive_directory_iterator(testing::sample_dir())) {
      if (!entry.is_regular_file()) continue;
      std::string rel = fs::relative(entry.path(), testing::sample_dir()).generic_string();
      std::string stem = rel.substr(0, rel.size() - std::string(".log.txt").size());
      std::istringstream in(testing::read_file(entry.path()));
      int n = 0;
      for (std::string line; std::getline(in, line);) {
        lines.emplace_back(stem + "#" + std::to_string(++n), line);
      }
    }
    return lines;
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline std::thread* server_ = nullptr;
  static inline std::atomic<bool> stop_ = false;
  static inline int port_ = 0;
  static inline IndexReport report_;
};

TEST_F(SampleArchiveTest, EveryLineBecomesARecord) {
  auto lines = all_lines();
  EXPECT_EQ(report_.files_skipped, 0);
  EXPECT_EQ(report_.malformed_lines, 0);
  EXPECT_EQ(report_.records_added, static_cast<long>(lines.size()));
  EXPECT_EQ(search("q=&per_page=1")["total"]["value"], lines.size());
}

TEST_F(SampleArchiveTest, PhraseFindsExactlyTheLinesWithThePhrase) {
  static const std::regex kPhrase(R"((^|[^a-z0-9])ubuntu[^a-z0-9]+20\.04($|[^a-z0-9.]))",
                                  std::regex::icase);
  std::set<std::string> expected;
  for (const auto& [id, line] : all_lines()) {
    std::string text = line.substr(line.find(' ') + 1);  // the time is not text
    if (std::regex_search(text, kPhrase)) expected.insert(id);
  }
  ASSERT_GT(expected.size(), 20u);
  std::set<std::string> found;
  for (int page = 1;; ++page) {
    json j = search("q=%22ubuntu%2020.04%22&per_page=100&page=" + std::to_string(page));
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
  json j = search("q=date:2020-05..2020-06&per_page=100&sort=oldest");
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
