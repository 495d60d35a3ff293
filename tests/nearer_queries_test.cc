// A search that finds nothing over the sample archive offers the nearest
// queries that find something, each saying what it changed, each counted
// as the search for it counts; an unknown field: is named.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "eavesearch/indexer.h"
#include "eavesearch/searcher.h"
#include "tests/corpus.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

using nlohmann::json;

class NearerQueriesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    db_ = (dir_->path() / "db").string();
    auto report = index_archives({{testing::sample_dir().string()}, db_}, [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
    server_ = new testing::TestServer(db_);
    ASSERT_GT(server_->port(), 0);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static json search(const std::string& q) {
    return testing::get_json(server_->port(), "/api/v1/search?q=" + httplib::detail::encode_query_param(q), 200);
  }
  // The suggestions of `q`, which finds nothing; each finds what it says.
  static json suggestions_of(const std::string& q) {
    json answer = search(q);
    EXPECT_EQ(answer["total"]["value"], 0) << q;
    for (const json& s : answer["suggestions"]) {
      EXPECT_EQ(search(s["q"])["total"], s["total"]) << s["q"];
      EXPECT_GT(s["total"]["value"], 0) << s["q"];
    }
    return answer["suggestions"];
  }
  static inline testing::TempDir* dir_ = nullptr;
  static inline std::string db_;
  static inline testing::TestServer* server_ = nullptr;
};

TEST_F(NearerQueriesTest, WordsNoLineHasAreLeftOut) {
  json s = suggestions_of("privsep zqxjvw");
  ASSERT_EQ(s.size(), 1u) << s;
  EXPECT_EQ(s[0]["q"], "privsep");
  EXPECT_EQ(s[0]["why"], "left out zqxjvw: no line has it");
  // Nothing left once they are: nothing offered.
  EXPECT_TRUE(suggestions_of("zqxjvw qqzvbx").empty());
}

TEST_F(NearerQueriesTest, AMonthAndAYearReadAsADate) {
  // No line has "jun"; privsep was spoken of in June 2020.
  ASSERT_GT(search("privsep date:2020-06")["total"]["value"], 0);
  json s = suggestions_of("privsep jun 2020");
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0]["q"], "privsep date:2020-06");
  EXPECT_EQ(s[0]["why"], "read \"jun 2020\" as date:2020-06");
  // A date the query has already: none read from its words.
  for (const json& other : suggestions_of("privsep jun 2020 date:2019"))
    EXPECT_EQ(other["q"].get<std::string>().find("date:2020"), std::string::npos) << other;
}

TEST_F(NearerQueriesTest, ADateAndAMissingWordAtOnce) {
  json s = suggestions_of("privsep zqxjvw Dec 2018");
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0]["q"], "privsep date:2018-12");
  EXPECT_EQ(s[0]["why"], "read \"Dec 2018\" as date:2018-12; left out zqxjvw: no line has it");
}

TEST_F(NearerQueriesTest, ACloseNickForOneNobodyHas) {
  ASSERT_GT(search("from:gmann")["total"]["value"], 0);
  json s = suggestions_of("from:gman");
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0]["q"], "from:gmann");
  EXPECT_EQ(s[0]["why"], "from:gman matches nothing; gmann is close");
  json meeting = suggestions_of("privsep meeting:tcc");
  ASSERT_FALSE(meeting.empty());
  EXPECT_EQ(meeting[0]["q"], "privsep meeting:tc");
}

TEST_F(NearerQueriesTest, RelativeDaysReadFromNow) {
  auto searcher = Searcher::open(db_);
  ASSERT_TRUE(searcher.ok()) << searcher.error().message;
  SearchRequest req;
  req.q = "privsep last two weeks";
  req.now = 1594339200;  // 2020-07-10: the sample's privsep of 2020-06-30 is within two weeks
  auto answer = searcher->search(req);
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  ASSERT_EQ(answer->total, 0);
  ASSERT_FALSE(answer->suggestions.empty());
  EXPECT_EQ(answer->suggestions[0].q, "privsep date:2w");
  EXPECT_EQ(answer->suggestions[0].why, "read \"last two weeks\" as date:2w");
  req.now = 1893456000;  // 2030-01-01, past the sample's last log: no date offered
  answer = searcher->search(req);
  ASSERT_TRUE(answer.ok());
  for (const Suggestion& s : answer->suggestions) EXPECT_EQ(s.q.find("date:"), std::string::npos);
}

TEST_F(NearerQueriesTest, ASearchThatFindsOffersNothing) {
  json answer = search("privsep");
  EXPECT_GT(answer["total"]["value"], 0);
  EXPECT_TRUE(answer["suggestions"].empty());
}

TEST_F(NearerQueriesTest, UnknownFieldsAreNamed) {
  json answer = search("foo:bar privsep");
  EXPECT_EQ(answer["query"]["unknown_fields"], json::array({"foo"}));
  EXPECT_EQ(search("from:gmann privsep")["query"]["unknown_fields"], json::array());
  EXPECT_EQ(search("https://review.opendev.org/123 15:07")["query"]["unknown_fields"], json::array());
}

}  // namespace
}  // namespace eavesearch
