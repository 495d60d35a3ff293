// The JSON API over an index of the real corpus, answering with what
// MeetBot's own minutes (the oracle beside each log) say: decisions, people,
// meetings, suggestions.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "eavesearch/check.h"
#include "eavesearch/indexer.h"
#include "tests/corpus.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::get_json;

constexpr const char* kMagazine = "meetings/magazine/2020/magazine.2020-06-10-12.02";

std::string squeeze(const std::string& s) {
  std::istringstream in(s);
  std::string out;
  for (std::string w; in >> w;) out += (out.empty() ? "" : " ") + w;
  return out;
}

// A decision line's text as the minutes show it: without its command.
std::string minutes_text(const std::string& line) {
  std::string rest = line.substr(std::min(line.size(), line.find_first_of(" \t")));
  return squeeze(rest);
}

class RealCorpusApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto corpus = testing::corpus_dir();
    if (!corpus) return;
    dir_ = new testing::TempDir();
    std::string db = dir_->str() + "/db";
    auto report =
        index_archives({{(*corpus / "real").string(), (*corpus / "flattened").string()}, db},
                       [](const std::string&) {});
    if (!report) return;
    server_ = new testing::TestServer(db);
    port_ = server_->port();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  // The minutes MeetBot wrote for the magazine meeting (.txt).
  static Minutes magazine_minutes(const fs::path& corpus) {
    auto m =
        read_text_minutes(testing::read_file(corpus / "real" / (std::string(kMagazine) + ".txt")));
    EXPECT_TRUE(m.ok());
    return m.ok() ? *m : Minutes{};
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline testing::TestServer* server_ = nullptr;
  static inline int port_ = 0;
};

TEST_F(RealCorpusApiTest, DecisionsAreTheMinutesDecisionsNewestFirst) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_GT(port_, 0);
  std::vector<std::string> expected;  // "TYPE: text", in the minutes' order
  for (const MinutesItem& i : magazine_minutes(corpus).items) {
    if (i.type == "AGREED" || i.type == "ACCEPTED" || i.type == "REJECTED" || i.type == "ACTION" ||
        i.type == "VOTE") {
      expected.push_back(i.type + ": " + squeeze(i.text));
    }
  }
  ASSERT_EQ(expected.size(), 10u);  // 8 actions, 2 agreed (grep -c in the .txt)

  json j = get_json(port_, "/api/v1/decisions?q=meeting:magazine&per_page=100");
  ASSERT_EQ(j["meetings"].size(), 1u) << j.dump();
  const json& meeting = j["meetings"][0];
  EXPECT_EQ(meeting["meeting"], "magazine");
  EXPECT_EQ(meeting["log"], kMagazine);
  EXPECT_EQ(meeting["channel"], "#fedora-meeting");
  std::vector<std::string> got;
  for (const json& d : meeting["decisions"]) {
    std::string type = d["item"];
    std::transform(type.begin(), type.end(), type.begin(), ::toupper);
    got.push_back(type + ": " + minutes_text(d["text"]));
  }
  EXPECT_EQ(got, expected);  // in line order, as the minutes list them
  EXPECT_EQ(j["total"]["value"], 10);
  EXPECT_EQ(j["total"]["exact"], true);

  // Across the corpus: every group's decisions are in line order, and groups
  // follow one another by their newest decision, newest first.
  json all = get_json(port_, "/api/v1/decisions?per_page=100");
  std::string previous = "9999";
  for (const json& m : all["meetings"]) {
    std::string newest;
    int line = 0;
    for (const json& d : m["decisions"]) {
      EXPECT_GT(d["line"].get<int>(), line);
      line = d["line"];
      newest = std::max(newest, d["time"].get<std::string>());
      EXPECT_TRUE(d["id"].get<std::string>().starts_with(m["log"].get<std::string>() + "#"));
    }
    EXPECT_LE(newest, previous);
    previous = newest;
  }
}

// The TC meeting's decisions nobody typed #agreed for (indexer/agreement.h,
// tests/data/agreement_labels.tsv): is:consensus finds them, is:decision
// and the decisions feed include them, and the magazine meeting's
// decisions stay its minutes' (above).
TEST_F(RealCorpusApiTest, ConsensusFoundInTheConversationIsADecisionOfItsOwn) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_GT(port_, 0);
  json found = get_json(port_, "/api/v1/search?q=is:consensus&sort=oldest&per_page=50");
  std::vector<std::string> texts;
  for (const json& hit : found["hits"]) {
    texts.push_back(hit["text"].get<std::string>().substr(0, 30));
    EXPECT_EQ(hit["item"], "consensus");
    EXPECT_EQ(hit["meeting"], "tc");
    EXPECT_GE(hit["evidence"].size(), 2u) << "its agreeing lines";
    EXPECT_TRUE(hit["supporters"].empty()) << "the flattened log has no speakers";
    for (const json& id : hit["evidence"]) {
      std::string path = id.get<std::string>();
      path.replace(path.find('#'), 1, "%23");
      json line = get_json(port_, "/api/v1/records/" + path + "?context=0");
      EXPECT_GT(line["time"].get<std::string>(), hit["time"].get<std::string>())
          << "agreement comes after the proposal";
    }
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"ok, how about we split this go",
                                             "we could tie them together wit",
                                             "I vote for zuulv3 + ubuntu 20."}));
  json decisions = get_json(port_, "/api/v1/decisions?q=meeting:tc&per_page=100");
  ASSERT_EQ(decisions["meetings"].size(), 1u) << decisions.dump();
  std::vector<std::string> items;
  for (const json& d : decisions["meetings"][0]["decisions"]) items.push_back(d["item"]);
  EXPECT_EQ(items, std::vector<std::string>(3, "consensus"));
  json privsep = get_json(port_, "/api/v1/search?q=privsep%20is:decision");
  ASSERT_EQ(privsep["hits"].size(), 1u) << "what the TC decided about privsep";
  EXPECT_EQ(privsep["hits"][0]["item"], "consensus");
}

TEST_F(RealCorpusApiTest, APersonIsWhatTheMinutesCountAndAssign) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_GT(port_, 0);
  Minutes minutes = magazine_minutes(corpus);
  int said = -1;
  for (const Attendee& a : minutes.people) {
    if (a.nick == "bcotton") said = a.lines;
  }
  ASSERT_EQ(said, 136);
  std::vector<std::string> actions;
  for (const auto& [nick, texts] : minutes.actions_by_person) {
    if (nick == "bcotton") actions = texts;
  }
  ASSERT_EQ(actions.size(), 4u);

  json p = get_json(port_, "/api/v1/people/BCotton");
  EXPECT_EQ(p["person"], "bcotton");
  long magazine_lines = -1, per_year = 0;
  for (const json& v : p["per_meeting"]) {
    if (v["value"] == "magazine") magazine_lines = v["count"];
  }
  for (const json& v : p["per_year"]) per_year += v["count"].get<long>();
  EXPECT_EQ(magazine_lines, said) << "MeetBot's 'People present (lines said)'";
  ASSERT_EQ(p["facets_exact"], true);
  EXPECT_EQ(per_year, p["lines"]["value"].get<long>());

  // Action items: the four the minutes list for bcotton (the magazine
  // meeting; the same meeting's copy as magazine_editorial_board has them too).
  std::vector<std::string> got;
  for (const json& a : p["action_items"]) {
    if (a["meeting"] == "magazine") got.push_back(minutes_text(a["text"]));
  }
  std::reverse(got.begin(), got.end());
  std::vector<std::string> want;
  for (const std::string& t : actions) want.push_back(squeeze(t));
  EXPECT_EQ(got, want);

  // Topics: theirs are the meeting's #topic texts, counted over all their lines.
  std::set<std::string> meeting_topics;
  for (const MinutesItem& i : minutes.items) {
    if (i.type == "TOPIC") meeting_topics.insert(squeeze(i.text));
  }
  const json& topics = p["topics"];
  EXPECT_EQ(topics["exact"], true);
  EXPECT_EQ(topics["lines_counted"], p["lines"]["value"]);
  long under_magazine_topics = 0;
  ASSERT_FALSE(topics["values"].empty());
  for (const json& t : topics["values"]) {
    if (t["meeting"] != "magazine") continue;
    EXPECT_TRUE(meeting_topics.count(squeeze(t["topic"]))) << t["topic"];
    under_magazine_topics += t["count"].get<long>();
  }
  // Lines before the first #topic have none.
  EXPECT_GT(under_magazine_topics, 0);
  EXPECT_LE(under_magazine_topics, said);
}

TEST_F(RealCorpusApiTest, AMeetingIsItsLogAndItsMinutes) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_GT(port_, 0);
  json series = get_json(port_, "/api/v1/meetings/Magazine");
  ASSERT_EQ(series["count"], 1);
  EXPECT_EQ(series["meetings"][0]["id"], kMagazine);

  json m = get_json(port_, "/api/v1/meetings/magazine/magazine.2020-06-10-12.02");
  std::string log = testing::read_file(corpus / "real" / (std::string(kMagazine) + ".log.txt"));
  auto lines = std::count(log.begin(), log.end(), '\n') + (log.ends_with('\n') ? 0 : 1);
  EXPECT_EQ(m["lines"], lines);
  ASSERT_EQ(m["records"].size(), static_cast<std::size_t>(lines));
  for (std::size_t k = 0; k < m["records"].size(); ++k) {
    EXPECT_EQ(m["records"][k]["line"], k + 1);
  }
  Minutes minutes = magazine_minutes(corpus);
  ASSERT_EQ(m["items"].size(), minutes.items.size());
  for (std::size_t k = 0; k < minutes.items.size(); ++k) {
    EXPECT_EQ(m["items"][k]["type"], minutes.items[k].type);
    EXPECT_EQ(squeeze(m["items"][k]["text"]), squeeze(minutes.items[k].text));
  }
  json one = get_json(port_, "/api/v1/records/" + std::string(kMagazine) + "%23155?context=2");
  EXPECT_EQ(one["item"], "agreed");
  ASSERT_EQ(one["context"]["before"].size(), 2u);
  EXPECT_EQ(one["context"]["before"][1]["line"], 154);
  EXPECT_EQ(one["context"]["after"][0]["line"], 156);
}

// Every meeting a series lists opens, whole, by its series and the last part
// of its id: the flattened TC meeting too (its id is "tc.2020-05-14-15.07",
// no meetings/ folder), with the chair its bot's line names.
TEST_F(RealCorpusApiTest, EveryListedMeetingOpensWhole) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_GT(port_, 0);
  int opened = 0;
  for (const char* series : {"tc", "magazine", "fedora_iot_working_group_meeting"}) {
    json list = get_json(port_, std::string("/api/v1/meetings/") + series);
    ASSERT_FALSE(list["meetings"].empty()) << series;
    for (const json& m : list["meetings"]) {
      std::string id = m["id"];
      json whole = get_json(
          port_, std::string("/api/v1/meetings/") + series + "/" + id.substr(id.rfind('/') + 1));
      EXPECT_EQ(whole["id"], id);
      EXPECT_EQ(whole["records"].size(), whole["lines"].get<std::size_t>()) << id;
      EXPECT_EQ(whole["total"]["value"], whole["lines"]) << id;
      // Its series' previous and next open too (issue 17, item 6).
      for (const char* side : {"previous", "next"}) {
        if (whole[side].is_null()) continue;
        EXPECT_EQ(get_json(port_, whole[side]["api_url"].get<std::string>() + "?per_page=1")["id"],
                  whole[side]["id"])
            << id << " " << side;
      }
      ++opened;
    }
  }
  EXPECT_GE(opened, 3);
  json seed = get_json(port_, "/api/v1/meetings/tc/tc.2020-05-14-15.07");
  EXPECT_EQ(seed["chairs"], json::array({"mnaser"}));
  EXPECT_GT(seed["lines"].get<int>(), 200);
  get_json(port_, "/api/v1/meetings/nova/tc.2020-05-14-15.07", 404);
}

TEST_F(RealCorpusApiTest, SuggestionsAreTheIndexedValuesByFrequency) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_GT(port_, 0);
  json s = get_json(port_, "/api/v1/suggest?field=meeting&prefix=MAG");
  std::map<std::string, long> counts;
  for (const json& v : s["values"]) counts[v["value"]] = v["count"];
  ASSERT_TRUE(counts.count("magazine"));
  ASSERT_TRUE(counts.count("magazine_editorial_board"));
  // A meeting's count is the number of its records, the bot's included.
  json magazine =
      get_json(port_, "/api/v1/search?q=meeting:magazine&per_page=1&include=bots,events");
  EXPECT_EQ(counts["magazine"], magazine["total"]["value"].get<long>());
  for (std::size_t k = 1; k < s["values"].size(); ++k) {
    EXPECT_GE(s["values"][k - 1]["count"], s["values"][k]["count"]);
  }
  json people = get_json(port_, "/api/v1/suggest?field=person&prefix=bcot");
  ASSERT_FALSE(people["values"].empty());
  EXPECT_EQ(people["values"][0]["value"], "bcotton");
  json channels = get_json(port_, "/api/v1/suggest?field=channel&prefix=fedora-m");
  ASSERT_FALSE(channels["values"].empty());
  EXPECT_EQ(channels["values"][0]["value"], "#fedora-meeting");
}

}  // namespace
}  // namespace eavesearch
