// Bots as a kind of speaker (include/eavesearch/bots.h), over the sample
// archive: the meeting bot's lines, its replies after #endmeeting, its topic
// echoes in channel logs and the channel events are left out of searches,
// facets, completion and person pages unless asked for; bots own no action.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "eavesearch/indexer.h"
#include "eavesearch/parser.h"
#include "tests/corpus.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool hidden_kind(const json& hit) {
  std::string kind = hit["kind"];
  return kind == "bot" || is_event_kind(kind);
}

class BotsTest : public ::testing::Test {
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
  static json get(const std::string& path) { return testing::get_json(server_->port(), path); }

  static testing::TempDir* dir_;
  static testing::TestServer* server_;
};
testing::TempDir* BotsTest::dir_ = nullptr;
testing::TestServer* BotsTest::server_ = nullptr;

TEST_F(BotsTest, SearchesLeaveBotsAndEventsOutAndSaySo) {
  for (const char* q : {"privsep%20rootwrap", "%22ubuntu%2020.04%22", "minutes", "meeting%20ended",
                        "meeting:tc", "channel:%23openstack-tc"}) {
    json j = get(std::string("/api/v1/search?per_page=100&sort=newest&q=") + q);
    for (const json& hit : j["hits"]) EXPECT_FALSE(hidden_kind(hit)) << q << " " << hit["id"];
    json all = get(std::string("/api/v1/search?per_page=1&include=bots,events&q=") + q);
    EXPECT_EQ(j["total"]["value"].get<long>() + j["hidden"]["value"].get<long>(),
              all["total"]["value"].get<long>())
        << q << ": what is shown and what is hidden make the whole";
    EXPECT_TRUE(all["hidden"].is_null());
  }
  // MeetBot's replies after #endmeeting (in the channel logs) are the bot's.
  json ended = get("/api/v1/search?q=%22meeting%20ended%22&per_page=1");
  EXPECT_EQ(ended["total"]["value"], 0);
  EXPECT_GT(ended["hidden"]["value"].get<long>(), 50);
  // Its topic echoes ("openstack changes topic to ...") too.
  json echoes = get("/api/v1/search?q=%22meeting%20topic%22%20kind:bot&per_page=100");
  ASSERT_GT(echoes["total"]["value"].get<long>(), 20);
  for (const json& hit : echoes["hits"]) EXPECT_EQ(hit["kind"], "bot") << hit["id"];
}

TEST_F(BotsTest, AskingBringsThemBack) {
  json bots = get("/api/v1/search?q=kind:bot&per_page=100");
  ASSERT_GT(bots["total"]["value"].get<long>(), 1000);
  for (const json& hit : bots["hits"]) EXPECT_EQ(hit["kind"], "bot");
  json joins = get("/api/v1/search?q=kind:join&per_page=100");
  ASSERT_GT(joins["total"]["value"].get<long>(), 100);
  for (const json& hit : joins["hits"]) EXPECT_EQ(hit["kind"], "join");
  // from: a bot (which has bot lines only) shows its lines.
  for (const char* bot : {"openstack", "opendevmeet"}) {
    json said = get(std::string("/api/v1/search?per_page=5&q=from:") + bot);
    EXPECT_GT(said["total"]["value"].get<long>(), 100) << bot;
    for (const json& hit : said["hits"]) EXPECT_EQ(hit["person"], bot);
    json page = get(std::string("/api/v1/people/") + bot);
    EXPECT_GT(page["lines"]["value"].get<long>(), 100) << bot;
  }
  testing::get_json(server_->port(), "/api/v1/search?q=x&include=people", 400);
}

TEST_F(BotsTest, CompletionFacetsAndPeoplePagesCountPeople) {
  json people = get("/api/v1/suggest?field=person&prefix=");
  ASSERT_FALSE(people["values"].empty());
  for (const json& v : people["values"]) {
    EXPECT_NE(v["value"], "openstack");
    EXPECT_NE(v["value"], "opendevmeet");
  }
  EXPECT_TRUE(get("/api/v1/suggest?field=person&prefix=opend")["values"].empty());
  json facets = get("/api/v1/search?q=%22ubuntu%2020.04%22&facets=person,kind");
  for (const json& v : facets["facets"]["person"]) EXPECT_NE(v["value"], "openstack");
  for (const json& v : facets["facets"]["kind"]) {
    EXPECT_NE(v["value"], "bot");
    EXPECT_FALSE(is_event_kind(v["value"].get<std::string>()));
  }
  // A person's page counts what they said, not their joins and quits.
  json mnaser = get("/api/v1/people/mnaser");
  json said = get("/api/v1/search?per_page=1&q=from:mnaser%20-kind:join%20-kind:quit%20-kind:part");
  json all = get("/api/v1/search?per_page=1&include=events&q=from:mnaser");
  EXPECT_EQ(mnaser["lines"]["value"], said["total"]["value"]);
  EXPECT_LT(mnaser["lines"]["value"].get<long>(), all["total"]["value"].get<long>());
}

// MeetBot makes every attendee whose nick is a word of an action its owner,
// the bot too ("jroll to review https://review.openstack.org/..."); a person
// reads owners.
TEST_F(BotsTest, BotsOwnNoAction) {
  const char* path = "meetings/ironic/2015/ironic.2015-09-14-15.00.log.txt";
  auto parsed = parse_meetbot_log(path, testing::read_file(testing::sample_dir() / path));
  ASSERT_TRUE(parsed.ok());
  int owned_by_bot = 0;
  for (const MinutesItem& item : parsed->meeting.items) {
    for (const std::string& o : item.owners) owned_by_bot += o == "opendevmeet" || o == "openstack";
  }
  EXPECT_GT(owned_by_bot, 0) << "MeetBot's own assignment, as `check` compares it";
  for (const char* bot : {"openstack", "opendevmeet"}) {
    json owned = get(std::string("/api/v1/search?include=bots,events&q=owner:") + bot);
    EXPECT_EQ(owned["total"]["value"], 0) << bot;
  }
  json m = get("/api/v1/meetings/ironic/ironic.2015-09-14-15.00");
  int actions = 0;
  for (const json& item : m["items"]) {
    if (item["type"] != "ACTION") continue;
    ++actions;
    for (const json& o : item["owners"]) {
      EXPECT_NE(o, "openstack");
      EXPECT_NE(o, "opendevmeet");
    }
  }
  EXPECT_GT(actions, 0);
}

// `index --bots FILE` replaces the list: a change reindexes every file, and
// the result equals a clean build with that list.
TEST(BotListTest, AChangedListReindexesAsACleanBuildWould) {
  testing::TempDir dir;
  fs::path archive = fs::path(EAVESEARCH_TEST_DATA) / "two_meetings";
  std::string db = (dir.path() / "db").string();
  auto count = [&](const std::string& db_dir, const std::string& q) {
    auto searcher = Searcher::open(db_dir);
    EXPECT_TRUE(searcher.ok());
    auto resp = searcher->search(testing::request(q));
    EXPECT_TRUE(resp.ok());
    return resp ? resp->total : -1;
  };
  ASSERT_TRUE(index_archives({{archive.string()}, db}, [](const std::string&) {}).ok());
  long said = count(db, "from:sean-k-mooney");
  long bot_lines = count(db, "kind:bot");
  long privsep = count(db, "privsep migration");
  ASSERT_GT(said, 0);
  IndexOptions with_list{{archive.string()}, db};
  with_list.bots = {"openstack", "sean-k-mooney"};
  auto again = index_archives(with_list, [](const std::string&) {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->files_changed, again->files_seen);
  EXPECT_EQ(count(db, "kind:bot"), bot_lines + said);
  EXPECT_EQ(count(db, "from:sean-k-mooney"), said);           // from: a bot shows its lines
  EXPECT_EQ(count(db, "privsep migration"), privsep - said);  // which others do not
  IndexOptions clean = with_list;
  clean.db_dir = (dir.path() / "clean").string();
  ASSERT_TRUE(index_archives(clean, [](const std::string&) {}).ok());
  for (const char* q : {"kind:bot", "", "from:sean-k-mooney", "owner:gmann", "privsep"}) {
    EXPECT_EQ(count(db, q), count(clean.db_dir, q)) << q;
  }
  auto unchanged = index_archives(with_list, [](const std::string&) {});
  ASSERT_TRUE(unchanged.ok());
  EXPECT_EQ(unchanged->files_unchanged, unchanged->files_seen);
}

TEST(BotListTest, AFileNamesOneNickALine) {
  testing::TempDir dir;
  fs::path file = dir.path() / "bots";
  testing::write_file(file, "# our bots\nOpenStackGerrit\n  zuul_  # the gate\n\n");
  auto bots = read_bot_list(file.string());
  ASSERT_TRUE(bots.ok());
  EXPECT_EQ(*bots, (std::vector<std::string>{"openstackgerrit", "zuul"}));
  testing::write_file(file, "# none\n");
  EXPECT_EQ(read_bot_list(file.string()).error().code, ErrorCode::kUsage);
  EXPECT_EQ(read_bot_list((dir.path() / "missing").string()).error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace eavesearch
