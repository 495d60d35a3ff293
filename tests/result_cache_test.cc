// The server's cache of answers (server/result_cache.h): bounded, least
// recently used out first, forgotten when the index changes; and over HTTP,
// a repeated request answered from it with the same body.
#include "server/result_cache.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>

#include "eavesearch/indexer.h"
#include "eavesearch/searcher.h"
#include "tests/corpus.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;

TEST(ResultCacheTest, KeepsAnswersForTheVersionTheyWereAnsweredUnder) {
  ResultCache cache(1 << 20);
  EXPECT_FALSE(cache.find("q=a", "v1"));
  cache.keep("q=a", "v1", "body a");
  EXPECT_EQ(cache.find("q=a", "v1"), "body a");
  EXPECT_FALSE(cache.find("q=b", "v1"));
  // A new index forgets everything, and an answer from the old one arriving
  // late is not kept.
  EXPECT_FALSE(cache.find("q=a", "v2"));
  cache.keep("q=a", "v1", "stale");
  EXPECT_FALSE(cache.find("q=a", "v2"));
}

TEST(ResultCacheTest, DropsTheLeastRecentlyUsedBeyondItsBytes) {
  ResultCache cache(8000);  // an answer may take an eighth: 1000 bytes
  std::string body(396, 'x');
  for (int i = 0; i < 20; ++i) {
    std::string key = "q=" + std::to_string(i) + "xx";  // 400 bytes with the body
    EXPECT_FALSE(cache.find(key, "v"));
    cache.keep(key, "v", body);
    cache.find("q=0xx", "v");  // kept in use
  }
  EXPECT_TRUE(cache.find("q=0xx", "v"));
  EXPECT_TRUE(cache.find("q=19xx", "v"));
  EXPECT_FALSE(cache.find("q=1xx", "v")) << "20 answers of 400 bytes do not fit in 8000";
  cache.keep("q=big", "v", std::string(2000, 'x'));
  EXPECT_FALSE(cache.find("q=big", "v")) << "more than an eighth of the room";
  ResultCache none(0);
  EXPECT_FALSE(none.enabled());
}

class ResultCacheHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(fs::path(EAVESEARCH_TEST_DATA) / "two_meetings", archive_.path(),
             fs::copy_options::recursive);
    index();
  }
  void index() {
    auto report = index_archives({{archive_.str()}, db_}, [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
  }
  httplib::Result get(int port, const std::string& path) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);
    return client.Get(path);
  }
  testing::TempDir archive_;
  testing::TempDir dir_;
  std::string db_ = dir_.str() + "/db";
};

TEST_F(ResultCacheHttpTest, ARepeatedRequestIsAnsweredFromTheCacheUntilTheIndexChanges) {
  auto before = Searcher::index_version(db_);
  ASSERT_TRUE(before);
  testing::TestServer server(db_);
  ASSERT_GT(server.port(), 0);
  auto first = get(server.port(), "/api/v1/search?q=privsep&per_page=5");
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->has_header("X-Eavesearch-Cache"));
  // The same parameters in another order are the same request.
  auto again = get(server.port(), "/api/v1/search?per_page=5&q=privsep");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->get_header_value("X-Eavesearch-Cache"), "hit");
  EXPECT_EQ(again->get_header_value("Content-Type"), first->get_header_value("Content-Type"));
  EXPECT_EQ(again->body, first->body);
  // Errors are not kept.
  EXPECT_EQ(get(server.port(), "/api/v1/search?q=x&page=0")->status, 400);
  EXPECT_FALSE(get(server.port(), "/api/v1/search?q=x&page=0")->has_header("X-Eavesearch-Cache"));

  // A new line about privsep, indexed: the index's version changes and the
  // next answer counts it.
  long total = nlohmann::json::parse(first->body)["total"]["value"];
  fs::path log = archive_.path() / "meetings/tc/2021/tc.2021-06-03-15.00.log.txt";
  ASSERT_TRUE(fs::exists(log));
  std::ofstream(log, std::ios::app) << "\n15:04:00 <gmann> one more word on privsep\n";
  index();
  EXPECT_NE(Searcher::index_version(db_), before);
  auto after = get(server.port(), "/api/v1/search?q=privsep&per_page=5");
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->has_header("X-Eavesearch-Cache"));
  EXPECT_EQ(nlohmann::json::parse(after->body)["total"]["value"], total + 1);
}

// The key is the escaped request: a value cannot pass for another
// parameter (q=privsep%1Fsort%3Dnewest once took the cached answer of
// q=privsep&sort=newest), and two requests share an answer exactly when
// they ask the same.
TEST_F(ResultCacheHttpTest, NoValueCanPassForAnotherParameter) {
  testing::TestServer server(db_);
  ASSERT_GT(server.port(), 0);
  auto poison = get(server.port(), "/api/v1/search?q=privsep%1Fsort%3Dnewest");
  ASSERT_TRUE(poison);
  auto newest = get(server.port(), "/api/v1/search?q=privsep&sort=newest");
  ASSERT_TRUE(newest);
  EXPECT_FALSE(newest->has_header("X-Eavesearch-Cache")) << "answered from the poisoned entry";
  EXPECT_EQ(nlohmann::json::parse(newest->body)["query"]["sort"], "newest");
  auto ampersand = get(server.port(), "/api/v1/search?q=privsep%26sort%3Dnewest");
  ASSERT_TRUE(ampersand);
  EXPECT_FALSE(ampersand->has_header("X-Eavesearch-Cache"));
  EXPECT_EQ(nlohmann::json::parse(ampersand->body)["query"]["q"], "privsep&sort=newest");
  // Filters in another order, or given twice, are the same request.
  get(server.port(), "/api/v1/search?q=goals&filter=meeting:tc&filter=-from:gmann");
  auto same = get(server.port(), "/api/v1/search?filter=-from:gmann&q=goals&filter=meeting:tc");
  ASSERT_TRUE(same);
  EXPECT_EQ(same->get_header_value("X-Eavesearch-Cache"), "hit");
  auto other = get(server.port(), "/api/v1/search?q=goals&filter=meeting:tc&filter=from:gmann");
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("X-Eavesearch-Cache")) << "an exclusion is not an inclusion";
}

TEST_F(ResultCacheHttpTest, NoneIsKeptWhenTheCacheIsOffOrTheShardsAreRemote) {
  ServerConfig config;
  config.db_dir = db_;
  config.cache_mb = 0;
  testing::TestServer server(config);
  ASSERT_GT(server.port(), 0);
  get(server.port(), "/api/v1/search?q=privsep");
  EXPECT_FALSE(get(server.port(), "/api/v1/search?q=privsep")->has_header("X-Eavesearch-Cache"));
  // Over remote shards no commit can be seen from here.
  testing::TempDir remote;
  std::ofstream(remote.path() / "XAPIANDB") << "remote 127.0.0.1:1\n";
  EXPECT_FALSE(Searcher::index_version(remote.str()));
  EXPECT_FALSE(Searcher::index_version(dir_.str() + "/no-such-db"));
}

}  // namespace
}  // namespace eavesearch
