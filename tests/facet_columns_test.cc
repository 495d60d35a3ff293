// Facet values read from memory (query/facet_columns.h) count exactly what
// Xapian's ValueCountMatchSpy counts from the index, over year shards and a
// single database, and follow the index when it changes.
#include "query/facet_columns.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "eavesearch/indexer.h"
#include "eavesearch/query.h"
#include "eavesearch/schema.h"
#include "eavesearch/searcher.h"
#include "query/xapian_query.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using Counts = FacetCounts;

constexpr std::int64_t kNow = 1767225600;  // 2026-01-01

// The query for each shard, as the Searcher makes them.
std::vector<Xapian::Query> per_shard(const std::vector<LocalShard>& shards, const QueryNode& node,
                                     const Xapian::Database& db) {
  std::vector<Xapian::Query> out;
  for (const LocalShard& s : shards) out.push_back(to_xapian(node, db, time_span(s.db)));
  return out;
}

class FacetColumnsTest : public ::testing::TestWithParam<Sharding> {
 protected:
  void SetUp() override {
    fs::copy(testing::sample_dir(), archive_.path(), fs::copy_options::recursive);
    index();
  }
  void index() {
    IndexOptions o{{archive_.str()}, db_};
    o.sharding = GetParam();
    auto report = index_archives(o, [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
  }

  // Counts of packed values over every match of `q`: by Xapian's spy over
  // the combined database, and from memory, shard by shard.
  std::pair<Counts, Counts> count(const std::vector<LocalShard>& shards, const Xapian::Database& db,
                                  const std::string& q) {
    ParsedQuery parsed = parse_query(q, kNow);
    EXPECT_FALSE(parsed.lenient) << q;
    auto columns = cache_.columns(shards);
    EXPECT_TRUE(columns) << "loaded";
    if (parsed.lenient || !columns) return {};
    Xapian::Query query = to_xapian(root_of(parsed), db);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::ValueCountMatchSpy values(static_cast<Xapian::valueno>(fields::kFacets.slot));
    enquire.add_matchspy(&values);
    enquire.get_mset(0, 10, db.get_doccount());
    ColumnFacetCounts memory = count_facets(
        shards, *columns, per_shard(shards, root_of(parsed), db), db.get_doccount(), 60);
    EXPECT_TRUE(memory.exact) << q;
    EXPECT_EQ(memory.matches, values.get_total()) << q;
    Counts from_values, from_memory;
    for (auto v = values.values_begin(); v != values.values_end(); ++v) {
      add_packed(from_values, *v, static_cast<long>(v.get_termfreq()));
    }
    for (const FacetColumnSpy& spy : memory.spies) spy.add_to(from_memory);
    return {from_values, from_memory};
  }

  void expect_same_counts(const std::string& dir) {
    [[maybe_unused]] auto [db, shards, remote] = open_database(dir);
    ASSERT_FALSE(shards.empty());
    ASSERT_TRUE(cache_.wait_for(shards));
    for (const char* q : {"", "privsep", "meeting:tc", "from:gmann", "is:agreed", "upgrade -nova",
                          "date:2016..2020 release"}) {
      auto [from_values, from_memory] = count(shards, db, q);
      EXPECT_FALSE(from_values[0].empty()) << q;
      EXPECT_EQ(from_memory, from_values) << q;
    }
  }

  testing::TempDir archive_;
  testing::TempDir dir_;
  std::string db_ = dir_.str() + "/db";
  FacetColumnCache cache_{std::size_t{1} << 30};
};

TEST_P(FacetColumnsTest, CountAsTheIndexValuesDo) { expect_same_counts(db_); }

TEST_P(FacetColumnsTest, StopAfterTheSampleAndSaySo) {
  [[maybe_unused]] auto [db, shards, remote] = open_database(db_);
  ASSERT_TRUE(cache_.wait_for(shards));
  auto columns = cache_.columns(shards);
  ASSERT_TRUE(columns);
  std::string records = std::string(fields::kType.prefix).append(kTypeRecord);
  Xapian::Query all(records);
  ColumnFacetCounts some =
      count_facets(shards, *columns, std::vector<Xapian::Query>(shards.size(), all), 10, 60);
  EXPECT_FALSE(some.exact);
  EXPECT_GE(some.matches, 10u);
  EXPECT_LT(some.matches,
            db.get_termfreq(all.get_terms_begin() == all.get_terms_end() ? std::string()
                                                                         : *all.get_terms_begin()));
}

TEST_P(FacetColumnsTest, FollowTheIndexWhenItChanges) {
  [[maybe_unused]] auto [db, shards, remote] = open_database(db_);
  ASSERT_TRUE(cache_.wait_for(shards));
  fs::path log = archive_.path() / "meetings/tc/2025/tc.2025-06-03-18.01.log.txt";
  ASSERT_TRUE(fs::exists(log)) << "the sample's TC meeting of 2025-06-03";
  std::ofstream(log, std::ios::app) << "\n18:33:00 <newcomer> a word on privsep\n";
  index();
  ASSERT_TRUE(db.reopen());
  // The revision the shards are at now is not loaded yet: asking starts it.
  EXPECT_FALSE(cache_.columns(shards));
  ASSERT_TRUE(cache_.wait_for(shards));
  auto [from_values, from_memory] = count(shards, db, "from:newcomer");
  EXPECT_EQ(from_memory, from_values);
  EXPECT_EQ(from_memory[0], (std::map<std::string, long, std::less<>>{{"newcomer", 1}}));
}

// Past the memory limit no column is kept or loaded again, and a search's
// facets, counted from the index's values, are the same.
TEST_P(FacetColumnsTest, PastTheMemoryLimitFacetsComeFromTheIndex) {
  SearchRequest req = testing::request("release");
  req.facets = {"person", "meeting", "channel", "year", "month", "kind"};
  auto facets = [&](std::shared_ptr<SearchResources> resources) {
    auto searcher = Searcher::open(db_, std::move(resources));
    EXPECT_TRUE(searcher.ok());
    auto resp = searcher->search(req);
    EXPECT_TRUE(resp.ok());
    return resp.ok() ? resp->facets : std::vector<Facet>{};
  };
  [[maybe_unused]] auto [db, shards, remote] = open_database(db_);
  FacetColumnCache small(1000);  // less than the biggest shard's column
  EXPECT_FALSE(small.wait_for(shards));
  std::size_t loads = small.loads();
  EXPECT_FALSE(small.wait_for(shards));
  EXPECT_FALSE(small.columns(shards));
  EXPECT_EQ(small.loads(), loads) << "what did not fit is not loaded again";
  auto none = std::make_shared<SearchResources>(1000);
  std::vector<Facet> from_index = facets(none);
  EXPECT_EQ(none->facet_column_loads(), loads);
  ASSERT_EQ(from_index.size(), 6u);
  EXPECT_FALSE(from_index[0].values.empty());

  auto enough = std::make_shared<SearchResources>();
  ASSERT_TRUE(Searcher::open(db_, enough)->load_facet_columns());
  std::vector<Facet> from_memory = facets(enough);
  ASSERT_EQ(from_memory.size(), from_index.size());
  for (std::size_t k = 0; k < from_memory.size(); ++k) {
    EXPECT_EQ(from_memory[k].values, from_index[k].values) << from_memory[k].field;
  }
}

// A one-shot search (the CLI's) loads no column: opening reads nothing, a
// search without facets neither; the first facets start the loads, as a
// server does at once (start_loading_facet_columns).
TEST_P(FacetColumnsTest, OnlyFacetsLoadColumns) {
  auto resources = std::make_shared<SearchResources>();
  auto searcher = Searcher::open(db_, resources);
  ASSERT_TRUE(searcher.ok());
  ASSERT_TRUE(searcher->search(testing::request("release")).ok());
  EXPECT_EQ(resources->facet_column_loads(), 0u);
  SearchRequest with_facets = testing::request("release");
  with_facets.facets = {"person"};
  ASSERT_TRUE(searcher->search(with_facets).ok());
  EXPECT_GT(resources->facet_column_loads(), 0u);

  auto served = std::make_shared<SearchResources>();
  auto server_side = Searcher::open(db_, served);
  ASSERT_TRUE(server_side.ok());
  server_side->start_loading_facet_columns();
  EXPECT_GT(served->facet_column_loads(), 0u);
}

TEST(FacetColumnsRemoteTest, RemoteShardsHaveNoLocalShards) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "XAPIANDB") << "remote 127.0.0.1:1\n";
  EXPECT_THROW(open_database(dir.str()), Xapian::Error) << "nothing listens there";
}

INSTANTIATE_TEST_SUITE_P(Layouts, FacetColumnsTest,
                         ::testing::Values(Sharding::kYear, Sharding::kNone),
                         [](const auto& param_info) {
                           return param_info.param == Sharding::kYear ? std::string("YearShards")
                                                                      : std::string("OneDatabase");
                         });

}  // namespace
}  // namespace eavesearch
