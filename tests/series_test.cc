// Meetings as series over the sample archive: a meeting's previous and next,
// a series' latest, the counts of its list, and every id a list gives
// opening in the endpoint for one meeting.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <map>
#include <set>

#include "eavesearch/indexer.h"
#include "tests/corpus.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class SeriesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    std::string db = (dir_->path() / "db").string();
    auto report = index_archives({{testing::sample_dir().string()}, db}, [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
    server_ = new testing::TestServer(db);
    ASSERT_GT(server_->port(), 0);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static json get(const std::string& path, int status = 200) {
    return testing::get_json(server_->port(), path, status);
  }
  static std::string stem_of(const std::string& id) { return id.substr(id.rfind('/') + 1); }

  static inline testing::TempDir* dir_ = nullptr;
  static inline testing::TestServer* server_ = nullptr;
};

TEST_F(SeriesTest, NextAndPreviousWalkTheSeriesInOrder) {
  json list = get("/api/v1/meetings/tc");
  ASSERT_GE(list["meetings"].size(), 3u);
  std::vector<std::string> newest_first;
  for (const json& m : list["meetings"]) newest_first.push_back(m["id"]);

  // From the oldest by next, each step opening the link's api_url.
  json m = get("/api/v1/meetings/tc/" + stem_of(newest_first.back()) + "?per_page=1");
  EXPECT_TRUE(m["previous"].is_null());
  std::vector<std::string> walked = {m["id"]};
  while (!m["next"].is_null()) {
    ASSERT_LT(walked.size(), newest_first.size()) << "a loop at " << m["id"];
    json next = m["next"];
    EXPECT_EQ(next["name"], "tc");
    EXPECT_EQ(next["stem"], stem_of(next["id"]));
    EXPECT_EQ(next["api_url"], "/api/v1/meetings/tc/" + next["stem"].get<std::string>());
    EXPECT_TRUE(next["url"].get<std::string>().starts_with("https://meetings.opendev.org/"));
    json after = get(next["api_url"].get<std::string>() + "?per_page=1");
    EXPECT_EQ(after["id"], next["id"]);
    EXPECT_EQ(after["start"], next["start"]);
    EXPECT_EQ(after["previous"]["id"], m["id"]);
    m = after;
    walked.push_back(m["id"]);
  }
  EXPECT_EQ(std::vector<std::string>(walked.rbegin(), walked.rend()), newest_first);
}

TEST_F(SeriesTest, LatestIsTheNewestMeetingInTheShapeOfOne) {
  json list = get("/api/v1/meetings/tc");
  json latest = get("/api/v1/meetings/tc/latest");
  EXPECT_EQ(latest["id"], list["meetings"][0]["id"]);
  EXPECT_TRUE(latest["next"].is_null());
  EXPECT_EQ(latest["previous"]["id"], list["meetings"][1]["id"]);
  EXPECT_EQ(latest, get("/api/v1/meetings/tc/" + stem_of(latest["id"])));
  EXPECT_EQ(get("/api/v1/meetings/TC/latest?per_page=2")["records"].size(), 2u);
  json none = get("/api/v1/meetings/no-such-series/latest", 404);
  EXPECT_EQ(none["error"]["code"], "not_found");
  EXPECT_EQ(get("/api/v1/meetings/tc/latest?per_page=0", 400)["error"]["code"], "bad_request");
}

// Each meeting's decisions, action items and open ones, counted from its
// minutes, whose action items have their line's status in the ledger.
TEST_F(SeriesTest, AListCountsEachMeetingsDecisionsAndActionItems) {
  json list = get("/api/v1/meetings/tc");
  int decisions = 0, actions = 0, open = 0;
  for (const json& entry : list["meetings"]) {
    json one = get("/api/v1/meetings/tc/" + stem_of(entry["id"]) + "?per_page=1000");
    std::map<int, json> status_at;  // by line
    for (const json& r : one["records"]) status_at[r["line"].get<int>()] = r["status"];
    int d = 0, a = 0, o = 0;
    for (const json& item : one["items"]) {
      std::string type = item["type"];
      a += type == "ACTION";
      o += type == "ACTION" && item["status"] == "open";
      d += type == "AGREED" || type == "ACCEPTED" || type == "REJECTED" || type == "VOTE";
      if (type == "ACTION") {
        EXPECT_FALSE(item["status"].is_null()) << entry["id"] << " line " << item["line"];
        EXPECT_EQ(item["status"], status_at[item["line"].get<int>()]) << entry["id"];
      } else {
        EXPECT_TRUE(item["status"].is_null()) << entry["id"] << " line " << item["line"];
      }
    }
    EXPECT_EQ(entry["decisions"], d) << entry["id"];
    EXPECT_EQ(entry["action_items"], a) << entry["id"];
    EXPECT_EQ(entry["open_actions"], o) << entry["id"];
    decisions += d;
    actions += a;
    open += o;
  }
  EXPECT_GT(decisions, 0);
  EXPECT_GT(open, 0);
  EXPECT_GT(actions, open);  // some of the sample's tc actions were carried or done
}

// Every meeting every series lists (each folder of meetings/, and the most
// frequent meeting names, those of channel logs included) opens by
// /meetings/{name}/{stem}, and so do its previous and next.
TEST_F(SeriesTest, EveryIdAListGivesOpensInTheEndpointForOne) {
  std::set<std::string> names;
  for (const auto& folder : fs::directory_iterator(testing::sample_dir() / "meetings"))
    names.insert(folder.path().filename().string());
  const json facets = get("/api/v1/search?q=&facets=meeting&per_page=1")["facets"];
  for (const json& v : facets["meeting"])
    names.insert(v["value"].get<std::string>());
  int opened = 0;
  for (const std::string& name : names) {
    httplib::Client client("127.0.0.1", server_->port());
    auto res = client.Get("/api/v1/meetings/" + name);
    ASSERT_TRUE(res);
    if (res->status == 404) continue;  // a folder of no meeting
    json list = json::parse(res->body);
    for (const json& m : list["meetings"]) {
      std::string name_of = m["name"];
      json one = get("/api/v1/meetings/" + name_of + "/" + stem_of(m["id"]) + "?per_page=1");
      EXPECT_EQ(one["id"], m["id"]) << name;
      for (const char* side : {"previous", "next"}) {
        if (one[side].is_null()) continue;
        EXPECT_EQ(get(one[side]["api_url"].get<std::string>() + "?per_page=1")["id"],
                  one[side]["id"]);
      }
      ++opened;
    }
  }
  EXPECT_GT(opened, 50);
}

}  // namespace
}  // namespace eavesearch
