// Round trip: archive -> index -> search, over the small archive in
// tests/data/two_meetings, copied to a temporary folder per test.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <set>

#include "eavesearch/indexer.h"
#include "eavesearch/schema.h"
#include "eavesearch/searcher.h"
#include "eavesearch/time_util.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;

class IndexSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(fs::path(EAVESEARCH_TEST_DATA) / "two_meetings", archive_.path(),
             fs::copy_options::recursive);
    db_ = (db_parent_.path() / "db").string();
  }

  IndexReport index() {
    auto report = index_archives({{archive_.str()}, db_},
                                 [&](const std::string& w) { warnings_.push_back(w); });
    EXPECT_TRUE(report.ok()) << report.error().message;
    return report.ok() ? *report : IndexReport{};
  }

  SearchResponse search(const std::string& q, SortOrder sort = SortOrder::kAuto,
                        int per_page = 50) {
    auto searcher = Searcher::open(db_);
    EXPECT_TRUE(searcher.ok()) << searcher.error().message;
    SearchRequest req;
    req.q = q;
    req.sort = sort;
    req.per_page = per_page;
    auto resp = searcher->search(req);
    EXPECT_TRUE(resp.ok()) << resp.error().message;
    return resp.ok() ? *resp : SearchResponse{};
  }

  std::vector<std::string> ids(const std::string& q, SortOrder sort = SortOrder::kAuto) {
    std::vector<std::string> out;
    for (const Hit& h : search(q, sort).hits) out.push_back(h.record.id);
    return out;
  }

  static std::string nova(int line) {
    return "meetings/nova/2020/nova.2020-05-14-14.00#" + std::to_string(line);
  }
  static std::string tc(int line) {
    return "meetings/tc/2021/tc.2021-06-03-15.00#" + std::to_string(line);
  }

  testing::TempDir archive_;
  testing::TempDir db_parent_;
  std::string db_;
  std::vector<std::string> warnings_;
};

std::set<std::string> as_set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

TEST_F(IndexSearchTest, IndexReportsWhatItDid) {
  IndexReport r = index();
  EXPECT_EQ(r.files_seen, 2);
  EXPECT_EQ(r.files_new, 2);
  EXPECT_EQ(r.records_added, 13 + 7);
  EXPECT_TRUE(r.committed);
  EXPECT_TRUE(warnings_.empty());
  auto stats = database_stats(db_);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->records, 20);
  EXPECT_EQ(stats->meetings, 2);
  EXPECT_TRUE(fs::exists(fs::path(db_) / "XAPIANDB"));
  EXPECT_TRUE(fs::exists(fs::path(db_) / "gen-2"));  // gen-1 compacted
  EXPECT_TRUE(fs::exists(fs::path(db_) / "lock"));
}

TEST_F(IndexSearchTest, IndexingTwiceChangesNothing) {
  index();
  auto before = database_stats(db_);
  IndexReport again = index();
  EXPECT_FALSE(again.committed);
  EXPECT_EQ(again.files_unchanged, 2);
  EXPECT_EQ(again.records_added, 0);
  auto after = database_stats(db_);
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(before->records, after->records);
  EXPECT_EQ(before->by_kind, after->by_kind);
  EXPECT_EQ(before->bytes, after->bytes);
  EXPECT_EQ(before->last_commit, after->last_commit);  // no file of the database written
}

// Documents of another shape (an older eavesearch's) are not mixed with
// new ones: the run stops and asks for --rebuild, which makes them anew.
TEST_F(IndexSearchTest, ADatabaseOfAnotherSchemaTakesARebuild) {
  index();
  for (const auto& shard : fs::directory_iterator(db_parent_.path() / "db" / "gen-2")) {
    // (A full build's older years have no termlist: DESIGN.md 9.)
    Xapian::WritableDatabase db(shard.path().string(), Xapian::DB_OPEN | Xapian::DB_NO_TERMLIST);
    db.set_metadata(std::string(kSchemaKey), "1");
    db.commit();
  }
  // Until rebuilt, its wdfs are taken for plain counts, weighed by plain
  // BM25 (core/relevance.h).
  SearchResponse old = search("ubuntu", SortOrder::kRelevance);
  ASSERT_FALSE(old.hits.empty());
  Xapian::Enquire plain(Xapian::Database{db_});
  plain.set_query(Xapian::Query("ubuntu"));
  plain.set_weighting_scheme(Xapian::BM25Weight());
  Xapian::MSet top = plain.get_mset(0, 1);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_DOUBLE_EQ(old.hits[0].score, top.begin().get_weight());

  auto refused = index_archives({{archive_.str()}, db_}, [](const std::string&) {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kUsage);
  EXPECT_NE(refused.error().message.find("--rebuild"), std::string::npos);
  IndexOptions rebuild{{archive_.str()}, db_};
  rebuild.rebuild = true;
  ASSERT_TRUE(index_archives(rebuild, [](const std::string&) {}).ok());
  EXPECT_EQ(index().files_unchanged, 2);
  EXPECT_GT(search("ubuntu", SortOrder::kRelevance).hits[0].score, 2 * old.hits[0].score)
      << "normalised wdfs, weighed by BM25 at b = 0: about 8.5 times BM25";
}

TEST_F(IndexSearchTest, ChangedAndRemovedFilesReplaceTheirRecords) {
  index();
  fs::path nova_log = archive_.path() / "meetings/nova/2020/nova.2020-05-14-14.00.log.txt";
  std::string content = testing::read_file(nova_log);
  testing::write_file(nova_log, content + "\n14:06:00 <efried> one more thing about zuul");
  fs::remove(archive_.path() / "meetings/tc/2021/tc.2021-06-03-15.00.log.txt");
  IndexReport r = index();
  EXPECT_EQ(r.files_changed, 1);
  EXPECT_EQ(r.files_removed, 1);
  EXPECT_EQ(r.records_added, 14);
  EXPECT_EQ(r.records_removed, 13 + 7);
  EXPECT_EQ(ids("zuul"), std::vector<std::string>{nova(14)});
  EXPECT_TRUE(ids("meeting:tc").empty());
  EXPECT_EQ(search("").total, 11);  // and the bot's 3, hidden
  EXPECT_EQ(search("kind:bot").total, 3);
  // The spelling data follows: the added line's word is offered, and the
  // removed log's are not ("bumps" was only there).
  EXPECT_EQ(search("zuull").did_you_mean, "zuul");
  EXPECT_EQ(search("bumpps").did_you_mean, std::nullopt);
}

TEST_F(IndexSearchTest, FreeTextPhrasesAndBooleans) {
  index();
  EXPECT_EQ(as_set(ids("privsep")), (std::set<std::string>{nova(5), nova(6), nova(8), tc(5)}));
  EXPECT_EQ(as_set(ids("\"privsep migration\"")),
            (std::set<std::string>{nova(5), nova(6), nova(8)}));
  EXPECT_EQ(as_set(ids("\"ubuntu 20.04\"")), (std::set<std::string>{nova(11), nova(12)}));
  EXPECT_EQ(as_set(ids("privsep AND ubuntu")), (std::set<std::string>{tc(5)}));
  EXPECT_EQ(as_set(ids("rootwrap OR zuul OR bumps")),
            (std::set<std::string>{nova(7), nova(9), tc(5)}));
  EXPECT_EQ(as_set(ids("privsep -migration")), (std::set<std::string>{tc(5)}));
  EXPECT_EQ(as_set(ids("root*")), (std::set<std::string>{nova(7), nova(9)}));
  EXPECT_EQ(as_set(ids("migrations")), (std::set<std::string>{nova(5), nova(6), nova(8)}));
  EXPECT_EQ(as_set(ids("migrations*")), (std::set<std::string>{nova(5), nova(6), nova(8)}));
  EXPECT_EQ(as_set(ids("privsep - &")), (std::set<std::string>{nova(5), nova(6), nova(8), tc(5)}));
}

TEST_F(IndexSearchTest, FieldsRestrict) {
  index();
  EXPECT_EQ(as_set(ids("from:gmann")), (std::set<std::string>{nova(7), nova(12), tc(5)}));
  EXPECT_EQ(as_set(ids("from:GMANN_ ubuntu")), (std::set<std::string>{nova(12), tc(5)}));
  EXPECT_EQ(as_set(ids("meeting:tc privsep")), (std::set<std::string>{tc(5)}));
  EXPECT_EQ(as_set(ids("kind:agreed")), (std::set<std::string>{nova(8), tc(6)}));
  EXPECT_EQ(as_set(ids("kind:me")), (std::set<std::string>{nova(10)}));
  EXPECT_EQ(as_set(ids("is:action")), (std::set<std::string>{nova(9)}));
  EXPECT_EQ(as_set(ids("owner:gmann")), (std::set<std::string>{nova(9)}));
  EXPECT_EQ(as_set(ids("is:decision")), (std::set<std::string>{nova(8), nova(9), tc(6)}));
  EXPECT_EQ(as_set(ids("topic:privsep")),
            (std::set<std::string>{nova(5), nova(6), nova(7), nova(8), nova(9), nova(10)}));
  EXPECT_EQ(as_set(ids("ubuntu date:2021")), (std::set<std::string>{tc(4), tc(5), tc(6)}));
  EXPECT_EQ(as_set(ids("ubuntu date:2020-05-14")), (std::set<std::string>{nova(11), nova(12)}));
  EXPECT_EQ(as_set(ids("ubuntu date:..2020-05-14")), (std::set<std::string>{nova(11), nova(12)}));
  EXPECT_EQ(as_set(ids("ubuntu date:2020-05-15..")), (std::set<std::string>{tc(4), tc(5), tc(6)}));
  EXPECT_TRUE(ids("ubuntu after:2020-05-14 before:2021-06-03").empty());
  EXPECT_EQ(as_set(ids("ubuntu on:2021-06-03")), (std::set<std::string>{tc(4), tc(5), tc(6)}));
}

TEST_F(IndexSearchTest, HitsCarryTheRecordAndAnEscapedSnippet) {
  index();
  SearchResponse resp = search("pwned");
  ASSERT_EQ(resp.hits.size(), 1u);
  const Hit& h = resp.hits[0];
  EXPECT_EQ(h.record.speaker, "dansmith");
  EXPECT_EQ(h.record.kind, "me");
  EXPECT_EQ(h.record.topic, "Privsep migration");
  EXPECT_EQ(format_iso(h.record.time), "2020-05-14T14:03:00Z");
  EXPECT_EQ(h.snippet,
            "reads &lt;script&gt;window.<mark>pwned</mark>=1&lt;/script&gt; in the bug report");
  EXPECT_EQ(resp.total, 1);
  EXPECT_TRUE(resp.total_exact);
  EXPECT_FALSE(resp.lenient);
}

TEST_F(IndexSearchTest, SortsAndPages) {
  index();
  std::vector<std::string> newest = ids("ubuntu", SortOrder::kNewest);
  EXPECT_EQ(newest, (std::vector<std::string>{tc(6), tc(5), tc(4), nova(12), nova(11)}));
  std::vector<std::string> oldest = ids("ubuntu", SortOrder::kOldest);
  EXPECT_EQ(oldest, (std::vector<std::string>{nova(11), nova(12), tc(4), tc(5), tc(6)}));
  SearchResponse filters_only = search("from:gmann");
  EXPECT_EQ(filters_only.sort, SortOrder::kNewest);

  auto searcher = Searcher::open(db_);
  ASSERT_TRUE(searcher.ok());
  SearchRequest req = testing::request("ubuntu", 2, SortOrder::kOldest, 2);
  auto page2 = searcher->search(req);
  ASSERT_TRUE(page2.ok());
  ASSERT_EQ(page2->hits.size(), 2u);
  EXPECT_EQ(page2->hits[0].record.id, tc(4));
  EXPECT_EQ(page2->total, 5);
  // Weighed by relevance only: in date order every score is 0.
  for (const Hit& h : page2->hits) EXPECT_EQ(h.score, 0) << h.record.id;
  for (const Hit& h : search("ubuntu").hits) EXPECT_GT(h.score, 0) << h.record.id;
}

TEST_F(IndexSearchTest, FacetsCountEveryMatch) {
  index();
  auto searcher = Searcher::open(db_);
  ASSERT_TRUE(searcher.ok());
  // Counted from the index's values while the facet columns load (begun at
  // open: they may be loaded already), then surely from memory
  // (query/facet_columns.h): the same answers.
  for (bool from_memory : {false, true}) {
    SCOPED_TRACE(from_memory ? "from memory" : "from values");
    if (from_memory) {
      ASSERT_TRUE(searcher->load_facet_columns());
    }
    SearchRequest req = testing::request("ubuntu OR privsep");
    req.facets = {"meeting", "person", "year", "kind"};
    auto resp = searcher->search(req);
    ASSERT_TRUE(resp.ok()) << resp.error().message;
    EXPECT_EQ(resp->total, 8);  // privsep: nova 5 6 8, tc 5; ubuntu: nova 11 12, tc 4 5 6
    EXPECT_TRUE(resp->facets_exact);
    ASSERT_EQ(resp->facets.size(), 4u);
    EXPECT_EQ(resp->facets[0].field, "meeting");
    EXPECT_EQ(resp->facets[0].values,
              (std::vector<std::pair<std::string, long>>{{"nova", 5}, {"tc", 3}}));
    EXPECT_EQ(resp->facets[2].values,
              (std::vector<std::pair<std::string, long>>{{"2020", 5}, {"2021", 3}}));
    for (const Facet& f : resp->facets) {
      long sum = 0;
      for (const auto& [value, count] : f.values) sum += count;
      if (f.field != "person") {  // lines without a speaker have no person
        EXPECT_EQ(sum, resp->total) << f.field;
      }
    }
    // Asked with the months, the years are counted from them: the same answer.
    SearchRequest with_months = req;
    with_months.facets = {"month", "year"};
    auto both = searcher->search(with_months);
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(both->facets[1].field, "year");
    EXPECT_EQ(both->facets[1].values, resp->facets[2].values);
    EXPECT_EQ(both->facets[0].values,
              (std::vector<std::pair<std::string, long>>{{"2020-05", 5}, {"2021-06", 3}}));
    EXPECT_TRUE(both->facets_exact);
    req.facets = {"colour"};
    EXPECT_EQ(searcher->search(req).error().code, ErrorCode::kUsage);
  }
}

TEST_F(IndexSearchTest, ContextLinesComeFromTheSameLogInOrder) {
  index();
  auto searcher = Searcher::open(db_);
  ASSERT_TRUE(searcher.ok());
  SearchRequest req = testing::request("pwned");
  req.context = 2;
  auto resp = searcher->search(req);
  ASSERT_TRUE(resp.ok());
  ASSERT_EQ(resp->hits.size(), 1u);
  const Hit& h = resp->hits[0];
  ASSERT_EQ(h.before.size(), 2u);
  ASSERT_EQ(h.after.size(), 2u);
  EXPECT_EQ(h.before[0].id, nova(8));
  EXPECT_EQ(h.before[1].id, nova(9));
  EXPECT_EQ(h.after[0].id, nova(11));
  EXPECT_EQ(h.after[1].id, nova(12));
  req.q = "endmeeting meeting:nova";
  req.context = 10;
  auto last = searcher->search(req);
  ASSERT_TRUE(last.ok());
  ASSERT_EQ(last->hits.size(), 1u);
  EXPECT_EQ(last->hits[0].before.size(), 10u);
  EXPECT_TRUE(last->hits[0].after.empty());  // the log's last line
  req.context = 11;
  EXPECT_EQ(searcher->search(req).error().code, ErrorCode::kUsage);
}

TEST_F(IndexSearchTest, CollapseKeepsOneHitPerMeeting) {
  index();
  auto searcher = Searcher::open(db_);
  ASSERT_TRUE(searcher.ok());
  SearchRequest req = testing::request("ubuntu", 20, SortOrder::kOldest);
  req.collapse = true;
  auto resp = searcher->search(req);
  ASSERT_TRUE(resp.ok());
  ASSERT_EQ(resp->hits.size(), 2u);
  EXPECT_EQ(resp->hits[0].record.meeting, "nova");
  EXPECT_EQ(resp->hits[0].collapsed, 1);  // nova has 2 ubuntu lines
  EXPECT_EQ(resp->hits[1].record.meeting, "tc");
  EXPECT_EQ(resp->hits[1].collapsed, 2);
  EXPECT_EQ(resp->total, 2);
  // Facets count the lines; the total stays the logs'.
  ASSERT_TRUE(searcher->load_facet_columns());
  req.facets = {"meeting"};
  auto with_facets = searcher->search(req);
  ASSERT_TRUE(with_facets.ok());
  EXPECT_EQ(with_facets->total, 2);
  EXPECT_EQ(with_facets->facets[0].values,
            (std::vector<std::pair<std::string, long>>{{"tc", 3}, {"nova", 2}}));
}

TEST_F(IndexSearchTest, DidYouMeanCorrectsUnknownWordsOnly) {
  index();
  EXPECT_EQ(search("privsepp migraton").did_you_mean, "privsep migration");
  EXPECT_EQ(search("\"ubuntu jobs\" rootwarp").did_you_mean, "\"ubuntu jobs\" rootwrap");
  EXPECT_EQ(search("privsep migration").did_you_mean, std::nullopt);
  EXPECT_EQ(search("from:gmannn").did_you_mean, std::nullopt);  // field values are not words
  EXPECT_EQ(search("xqzvbn").did_you_mean, std::nullopt);       // nothing near it
}

TEST_F(IndexSearchTest, BadRequestsAndLenientQueries) {
  index();
  auto searcher = Searcher::open(db_);
  ASSERT_TRUE(searcher.ok());
  SearchRequest too_many = testing::request("x", kMaxPerPage + 1);
  EXPECT_EQ(searcher->search(too_many).error().code, ErrorCode::kUsage);
  SearchRequest long_q = testing::request(std::string(kMaxQueryBytes + 1, 'a'));
  EXPECT_EQ(searcher->search(long_q).error().code, ErrorCode::kUsage);
  SearchResponse lenient = search("(privsep AND");
  EXPECT_TRUE(lenient.lenient);
  EXPECT_EQ(lenient.total, 0);  // "privsep AND" as words: no line says "and" with privsep
  SearchResponse lenient2 = search("privsep \"migration");
  EXPECT_TRUE(lenient2.lenient);
  EXPECT_EQ(lenient2.total, 3);
}

TEST_F(IndexSearchTest, MissingDatabaseIsUnavailable) {
  auto searcher = Searcher::open(db_);
  ASSERT_FALSE(searcher.ok());
  EXPECT_EQ(searcher.error().code, ErrorCode::kUnavailable);
}

TEST_F(IndexSearchTest, SecondWriterIsLockedOut) {
  index();
  // The lock is an flock on DIR/lock: a second open file description conflicts.
  int fd = ::open((fs::path(db_) / "lock").c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
  auto report = index_archives({{archive_.str()}, db_}, [](const std::string&) {});
  ::close(fd);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kLocked);
}

}  // namespace
}  // namespace eavesearch
