// The search plan (query/search_plan.h): printed for a table of requests
// and index layouts, its bounds on a query's cost, and a search refused or
// trimmed before matching rather than after.
#include "query/search_plan.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "eavesearch/indexer.h"
#include "eavesearch/time_util.h"
#include "query/search_executors.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

using namespace std::chrono_literals;

const std::int64_t kNow = to_epoch({2026, 11, 26, 12, 0, 0});

const IndexLayout kOneDatabase{1, 0, false};
const IndexLayout kYearShards{14, 0, false};
const IndexLayout kYearShardsInMemory{14, 0, true};
const IndexLayout kTwoRemote{0, 2, false};

std::string printed(const SearchRequest& req, const IndexLayout& layout) {
  auto plan = plan_search(req, layout, kNow);
  if (!plan) return "error: " + plan.error().message;
  std::string out;
  for (const auto& [step, how] : describe(*plan)) out += step + ": " + how + "\n";
  if (plan->query.lenient) out += "problem: " + plan->query.problem + "\n";
  return out;
}

SearchRequest req(std::string q, SortOrder sort = SortOrder::kAuto,
                  std::vector<std::string> facets = {}) {
  SearchRequest r = testing::request(std::move(q), 20, sort);
  r.facets = std::move(facets);
  return r;
}

TEST(SearchPlanTest, GoldenPlans) {
  SearchRequest decisions = req("privsep) OR (rootwrap");
  decisions.filters = {{"is", {"decision"}}};
  decisions.time_budget_ms = 2000;
  SearchRequest page3 = req("release", SortOrder::kOldest);
  page3.page = 3;
  page3.collapse = true;
  page3.context = 2;
  const std::vector<std::tuple<SearchRequest, IndexLayout, std::string>> cases = {
      {req("privsep"), kYearShards,
       "query: (word privsep)\n"
       "filters: none\n"
       "hidden: bots' lines and channel events left out unless the query asks for them, counted up "
       "to 1000\n"
       "sort: relevance\n"
       "hits: by relevance, then newest, in one match over 14 shards; hits 1-20\n"
       "total: exact up to 5020 matches counted within 200 ms, else estimated\n"
       "facets: none\n"
       "bounds: at most 64 words; no time budget\n"},
      {req("is:agreed date:2016..2020"), kYearShards,
       "query: (all)\n"
       "filters: (and (field item agreed) (date 2016-01-01T00:00:00Z 2021-01-01T00:00:00Z))\n"
       "hidden: bots' lines and channel events left out unless the query asks for them, counted up "
       "to 1000\n"
       "sort: newest\n"
       "hits: newest first, 14 shards one by one from the one with the newest lines; a shard "
       "whose lines all fall behind the page is only counted; hits 1-20; date ranges resolved "
       "against each shard's times\n"
       "total: exact up to 5020 matches counted within 200 ms, else estimated\n"
       "facets: none\n"
       "bounds: at most 64 words; no time budget\n"},
      {req("is:agreed", SortOrder::kNewest, {"person", "year"}), kYearShards,
       "query: (all)\n"
       "filters: (and (field item agreed))\n"
       "hidden: bots' lines and channel events left out unless the query asks for them, counted up "
       "to 1000\n"
       "sort: newest\n"
       "hits: newest first, in one match over 14 shards; hits 1-20\n"
       "total: exact up to 50000 matches counted within 200 ms, else estimated\n"
       "facets: person, year from the packed values, in the hits' match; at most 50000 "
       "matches, else estimated\n"
       "bounds: at most 64 words; no time budget\n"},
      {req("is:agreed", SortOrder::kNewest, {"person", "year"}), kYearShardsInMemory,
       "query: (all)\n"
       "filters: (and (field item agreed))\n"
       "hidden: bots' lines and channel events left out unless the query asks for them, counted up "
       "to 1000\n"
       "sort: newest\n"
       "hits: newest first, 14 shards one by one from the one with the newest lines; a shard "
       "whose lines all fall behind the page is only counted; hits 1-20\n"
       "total: exact up to 5020 matches counted within 200 ms, else estimated\n"
       "facets: person, year from the columns in memory, shard by shard, newest first; at "
       "most 50000 matches, else estimated\n"
       "bounds: at most 64 words; no time budget\n"},
      {req("ubuntu", SortOrder::kAuto, {"meeting"}), kTwoRemote,
       "query: (word ubuntu)\n"
       "filters: none\n"
       "hidden: bots' lines and channel events left out unless the query asks for them, counted up "
       "to 1000\n"
       "sort: relevance\n"
       "hits: by relevance, then newest, in one match over 2 remote databases; hits 1-20\n"
       "total: exact up to 5020 matches counted within 200 ms, else estimated\n"
       "facets: meeting from the packed values, in a match of their own; at most 50000 "
       "matches, else estimated\n"
       "bounds: at most 64 words; no time budget\n"},
      {page3, kOneDatabase,
       "query: (word release)\n"
       "filters: none\n"
       "hidden: bots' lines and channel events left out unless the query asks for them, counted up "
       "to 1000\n"
       "sort: oldest\n"
       "hits: oldest first, in one match over 1 database; hits 41-60, one a log, with 2 lines "
       "around each\n"
       "total: exact up to 5060 matches counted within 200 ms, else estimated (logs, not "
       "lines)\n"
       "facets: none\n"
       "bounds: at most 64 words; no time budget\n"},
      {decisions, kYearShards,
       "query: (or (word privsep) (word rootwrap))\n"
       "filters: (and (or (field item agreed) (field item accepted) (field item rejected) "
       "(field item action) (field item vote) (field item consensus)))\n"
       "hidden: bots' lines and channel events left out unless the query asks for them, counted up "
       "to 1000\n"
       "sort: relevance\n"
       "hits: by relevance, then newest, in one match over 14 shards; hits 1-20\n"
       "total: exact up to 5020 matches counted within 200 ms, else estimated\n"
       "facets: none\n"
       "bounds: at most 64 words; the work stops after 2000 ms\n"
       "problem: unexpected ')'\n"},
      {req("s* s* s* s* s* s* config* s*"), kYearShards,
       "query: (and (wildcard s) (wildcard config))\n"
       "filters: none\n"
       "hidden: bots' lines and channel events left out unless the query asks for them, counted up "
       "to 1000\n"
       "sort: relevance\n"
       "hits: by relevance, then newest, in one match over 14 shards; hits 1-20\n"
       "total: exact up to 5020 matches counted within 200 ms, else estimated\n"
       "facets: none\n"
       "bounds: at most 64 words; each wildcard expands to at most 1000 terms, the most "
       "frequent; no time budget\n"},
      {req("x", SortOrder::kAuto, {"colour"}), kYearShards,
       "error: unknown facet \"colour\" (person, meeting, channel, year, month, kind)"},
  };
  for (const auto& [request, layout, plan] : cases) {
    EXPECT_EQ(printed(request, layout), plan) << request.q;
  }
}

TEST(SearchPlanTest, BoundsAreKeptBeforeMatchingAndSaidSo) {
  std::string sixty;
  for (int k = 0; k < 60; ++k) sixty += "s* ";
  auto merged = plan_search(req(sixty), kYearShards, kNow);
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(to_string(merged->query.text), "(wildcard s)") << "a repeated wildcard is one";
  EXPECT_EQ(merged->wildcard_terms, 1000u);
  EXPECT_FALSE(merged->query.lenient);

  std::string letters;
  for (char c = 'a'; c <= 'z'; ++c) letters += std::string(1, c) + "* ";
  auto many = plan_search(req(letters), kYearShards, kNow);
  ASSERT_TRUE(many.ok());
  EXPECT_EQ(to_string(many->query.text),
            "(and (wildcard a) (wildcard b) (wildcard c) (wildcard d) (wildcard e) (wildcard f) "
            "(wildcard g) (wildcard h))");
  EXPECT_EQ(many->wildcard_terms, kMaxWildcardTerms / kMaxWildcards);
  EXPECT_EQ(many->query.problem, "26 different wildcards; the first 8 were used");

  std::string words;
  for (int k = 0; k < 70; ++k) words += "w" + std::to_string(k) + " ";
  auto long_query = plan_search(req(words + "from:gmann"), kYearShards, kNow);
  ASSERT_TRUE(long_query.ok());
  EXPECT_EQ(long_query->query.text.children.size(), kMaxQueryTerms);
  EXPECT_EQ(long_query->query.problem, "the query has 70 words; the first 64 were used");
  EXPECT_EQ(long_query->query.filters.size(), 1u) << "the filter stays";
}

TEST(SearchPlanTest, ProgramFiltersAreCheckedAndKeptApart) {
  SearchRequest r = req("meeting:tc");
  r.filters = {{"meeting", {"nova"}}};
  auto plan = plan_search(r, kYearShards, kNow);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(to_string(root_of(plan->query)), "(and (field meeting tc) (field meeting nova))")
      << "the user's meeting: and the program's both hold (not either)";
  r.filters = {{"date", {"2020-13"}}};
  auto bad = plan_search(r, kYearShards, kNow);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kUsage);
}

TEST(SearchPlanTest, AWorkBudgetOnceSpentStopsTheWork) {
  WorkBudget none(0);
  EXPECT_TRUE(none.check().ok());
  EXPECT_EQ(none.seconds_left(0.2), 0.2);
  WorkBudget short_one(5);
  EXPECT_TRUE(short_one.check().ok());
  EXPECT_LE(short_one.seconds_left(0.2), 0.005);
  std::this_thread::sleep_for(10ms);
  ASSERT_FALSE(short_one.check().ok());
  EXPECT_EQ(short_one.check().error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(short_one.seconds_left(0.2), 0.001);
}

// Over the sample: a costly search (its wildcards cover more lines than
// the threshold) runs in a free slot or is refused at once.
TEST(SearchPlanTest, ACostlySearchRunsInAFreeSlotOrNotAtAll) {
  testing::TempDir dir;
  std::string db = (dir.path() / "db").string();
  ASSERT_TRUE(
      index_archives({{testing::sample_dir().string()}, db}, [](const std::string&) {}).ok());
  auto no_slot = std::make_shared<SearchResources>(0, 0, 1000);
  auto searcher = Searcher::open(db, no_slot);
  ASSERT_TRUE(searcher.ok());
  SearchRequest costly = req("s*");
  costly.explain = true;
  auto refused = searcher->search(costly);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(refused.error().message.find("busy with other costly queries"), std::string::npos);
  EXPECT_TRUE(searcher->search(req("privsep")).ok()) << "a cheap one is answered";
  EXPECT_TRUE(searcher->search(req("privs*")).ok()) << "a narrow wildcard is cheap";

  auto one_slot = std::make_shared<SearchResources>(0, 1, 1000);
  auto answered = Searcher::open(db, one_slot)->search(costly);
  ASSERT_TRUE(answered.ok());
  EXPECT_GT(answered->total, 1000);
  ASSERT_FALSE(answered->plan.empty());
  EXPECT_EQ(answered->plan.back().first, "wildcards");
  EXPECT_TRUE(Searcher::open(db, one_slot)->search(costly).ok()) << "the slot was given back";
}

}  // namespace
}  // namespace eavesearch
