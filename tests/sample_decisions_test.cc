// Votes and decisions over the sample archive (data/sample), whose generator
// runs votes as MeetBot does: the #endvote's record carries the question and
// the result the bot announced, and /decisions pages whole meetings in order.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "eavesearch/indexer.h"
#include "tests/corpus.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// What the bot said after an #endvote: 'Voted on "Q?" Results are', then a
// line "Option (n): nick, nick" per option voted for.
struct Announced {
  std::string question;
  std::set<std::pair<std::string, int>> results;
};

std::vector<std::string> lines_of(const fs::path& file) {
  std::vector<std::string> lines;
  std::istringstream in(testing::read_file(file));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The announcement after line `line` (1-based) of `lines`; empty when none.
Announced announced_after(const std::vector<std::string>& lines, int line) {
  static const std::regex kVoted(R"re(^\S+ <\S+> Voted on "(.*)" Results are$)re");
  static const std::regex kOption(R"re(^\S+ <\S+> (\S+) \((\d+)\): .*$)re");
  Announced out;
  std::smatch m;
  std::size_t k = line;
  for (; k < lines.size(); ++k) {
    if (std::regex_match(lines[k], m, kVoted)) {
      out.question = m[1];
      break;
    }
  }
  for (++k; k < lines.size() && std::regex_match(lines[k], m, kOption); ++k) {
    out.results.emplace(m[1], std::stoi(m[2]));
  }
  return out;
}

// Every announcement in the sample's meeting logs.
std::vector<Announced> all_announced() {
  std::vector<Announced> out;
  for (const auto& entry : fs::recursive_directory_iterator(testing::sample_dir() / "meetings")) {
    if (!entry.path().string().ends_with(".log.txt")) continue;
    std::vector<std::string> lines = lines_of(entry.path());
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (lines[k].find("> Voted on \"") != std::string::npos) {
        out.push_back(announced_after(lines, static_cast<int>(k)));
      }
    }
  }
  return out;
}

std::string lowered(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class SampleDecisionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    std::string db = (dir_->path() / "db").string();
    auto report = index_archives({{testing::sample_dir().string()}, db}, [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
    server_ = new testing::TestServer(db);
  }

  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  static json get(const std::string& target) {
    httplib::Client client("127.0.0.1", server_->port());
    auto res = client.Get(target);
    EXPECT_TRUE(res) << target;
    if (!res) return {};
    EXPECT_EQ(res->status, 200) << target << " " << res->body;
    return json::parse(res->body);
  }

  // Every hit of a search, page by page.
  static std::vector<json> all_hits(const std::string& q) {
    std::vector<json> hits;
    for (int page = 1; page <= 50; ++page) {
      json j =
          get("/api/v1/search?sort=oldest&per_page=100&q=" + q + "&page=" + std::to_string(page));
      for (const json& hit : j["hits"]) hits.push_back(hit);
      if (j["hits"].size() < 100) break;
    }
    return hits;
  }

  static std::set<std::pair<std::string, int>> results_of(const json& vote) {
    std::set<std::pair<std::string, int>> out;
    for (const json& r : vote["results"]) {
      if (r["votes"] > 0) out.emplace(r["option"], r["votes"]);  // the bot prints no "(0)"
    }
    return out;
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline testing::TestServer* server_ = nullptr;
};

TEST_F(SampleDecisionsTest, EveryVoteCarriesTheQuestionAndResultTheBotAnnounced) {
  const std::vector<Announced> announced = all_announced();
  ASSERT_GE(announced.size(), 6u);  // grep -c 'Voted on' in data/sample/meetings
  std::size_t in_meeting_logs = 0;
  for (const json& hit : all_hits("is:vote")) {
    EXPECT_EQ(hit["item"], "vote");
    EXPECT_EQ(hit["text"], "#endvote");
    ASSERT_TRUE(hit["vote"].is_object()) << hit.dump();
    EXPECT_FALSE(hit["vote"]["options"].empty());
    std::string path = hit["path"];
    if (!path.starts_with("meetings/")) continue;
    ++in_meeting_logs;
    Announced bot = announced_after(lines_of(testing::sample_dir() / path), hit["line"]);
    EXPECT_EQ(hit["vote"]["question"], bot.question) << hit["id"];
    EXPECT_EQ(results_of(hit["vote"]), bot.results) << hit["id"];
  }
  EXPECT_EQ(in_meeting_logs, announced.size());
}

TEST_F(SampleDecisionsTest, AVoteIsFoundByTheWordsOfItsQuestion) {
  std::size_t asked = 0;
  for (const Announced& a : all_announced()) {
    if (lowered(a.question).find("ptg") != std::string::npos) ++asked;
  }
  ASSERT_GT(asked, 0u);
  std::vector<json> hits = all_hits("is:vote%20ptg");
  EXPECT_GE(hits.size(), asked);  // votes of meetings held in channel logs too
  for (const json& hit : hits) {
    EXPECT_NE(lowered(hit["vote"]["question"]).find("ptg"), std::string::npos) << hit.dump();
  }
  json phrase = get("/api/v1/search?q=%22PTG%20agenda%22%20is:vote");
  EXPECT_GT(phrase["total"]["value"], 0);
}

// Pages hold whole meetings, each meeting's items in line order, meetings in
// the order asked; every item is on exactly one page.
TEST_F(SampleDecisionsTest, DecisionsPageWholeMeetingsInOrder) {
  for (std::string sort : {"newest", "oldest"}) {
    std::set<std::string> ids, logs;
    std::vector<std::string> placed;  // each meeting's newest (oldest) item time, in page order
    long total = -1, items = 0;
    bool longer_page = false;
    for (int page = 1; total < 0 || page <= (total + 9) / 10; ++page) {
      json j = get("/api/v1/decisions?q=meeting:tc&per_page=10&sort=" + sort +
                   "&page=" + std::to_string(page));
      total = j["total"]["value"];
      EXPECT_EQ(j["query"]["sort"], sort);
      long on_page = 0;
      for (const json& m : j["meetings"]) {
        EXPECT_TRUE(logs.insert(m["log"]).second) << sort << ": split " << m["log"];
        EXPECT_FALSE(m["chairs"].empty()) << m["log"];
        int line = 0;
        std::string newest, oldest = "9999";
        for (const json& d : m["decisions"]) {
          EXPECT_TRUE(ids.insert(d["id"]).second) << d["id"];
          EXPECT_GT(d["line"].get<int>(), line) << d["id"];
          line = d["line"];
          newest = std::max(newest, d["time"].get<std::string>());
          oldest = std::min(oldest, d["time"].get<std::string>());
          EXPECT_EQ(d["vote"].is_object(), d["item"] == "vote") << d["id"];
          ++on_page;
        }
        EXPECT_GE(newest.substr(0, 10), m["start"].get<std::string>().substr(0, 10));
        placed.push_back(sort == "newest" ? newest : oldest);
      }
      longer_page = longer_page || on_page > 10;
      items += on_page;
    }
    ASSERT_GE(total, 30);
    EXPECT_EQ(items, total) << sort;
    EXPECT_EQ(static_cast<long>(ids.size()), total) << sort;
    if (sort == "newest") std::reverse(placed.begin(), placed.end());
    EXPECT_TRUE(std::is_sorted(placed.begin(), placed.end())) << sort;
    EXPECT_TRUE(longer_page) << sort << ": no meeting ran past its page's per_page";
  }
}

}  // namespace
}  // namespace eavesearch
