// The Atom feeds (/feeds/*.atom) of a real server, read by a real Atom
// parser: Debian's python3-feedparser, driven by tests/atom_parse.py, which
// also makes a feed reader's conditional GET. Log text here is hostile
// (<script>, &, quotes, "]]>"): a reader must get it back as text.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "eavesearch/indexer.h"
#include "eavesearch/server.h"
#include "tests/corpus.h"
#include "tests/shell.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kHostileLog =
    "16:00:01 <ttx> #startmeeting hostile\n"
    "16:00:02 <openstack> Meeting started Thu Jul  1 16:00:01 2021 UTC and is due to finish in 60 "
    "minutes.  The chair is ttx. Information about MeetBot at http://wiki.debian.org/MeetBot.\n"
    "16:00:03 <openstack> Useful Commands: #action #agreed #help #info #idea #link #topic "
    "#startvote.\n"
    "16:00:04 <openstack> The meeting name has been set to 'hostile'\n"
    "16:00:10 <ttx> #topic Escaping & <markup>\n"
    "16:01:00 <gmann> paste <script>alert(\"pwned\")</script> & R&D ]]> here\n"
    "16:02:00 <ttx> #agreed ship <b>bold</b> & \"quoted\" feeds\n"
    "16:03:00 <ttx> #action gmann to escape <script> & friends\n"
    "16:04:00 <ttx> #endmeeting\n";

constexpr const char* kHostileStem = "meetings/hostile/2021/hostile.2021-07-01-16.00";

class FeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(fs::path(EAVESEARCH_TEST_DATA) / "two_meetings", dir_.path() / "archive",
             fs::copy_options::recursive);
    testing::write_file(dir_.path() / "archive" / (std::string(kHostileStem) + ".log.txt"),
                        kHostileLog);
    index();
    ServerConfig config;
    config.db_dir = db();
    config.log_base_url = "https://example.org";
    server_ = std::make_unique<testing::TestServer>(config);
    ASSERT_GT(server_->port(), 0);
  }

  std::string db() const { return (dir_.path() / "db").string(); }
  void index() {
    auto report = index_archives({{(dir_.path() / "archive").string()}, db()},
                                 [](const std::string& w) { ADD_FAILURE() << w; });
    ASSERT_TRUE(report.ok()) << report.error().message;
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
  }

  // The feed at `path` as feedparser read it (fetching it itself, with
  // If-None-Match `etag` and If-Modified-Since `modified` when not empty).
  json parsed(const std::string& path, const std::string& etag = "",
              const std::string& modified = "") {
    auto run = testing::shell("/usr/bin/python3 " EAVESEARCH_SOURCE_DIR "/tests/atom_parse.py " +
                              testing::shell_quote(url(path)) + " " + testing::shell_quote(etag) +
                              " " + testing::shell_quote(modified));
    EXPECT_EQ(run.code, 0) << run.out << "\n(python3-feedparser: scripts/install-deps.sh)";
    json j = json::parse(run.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << run.out;
    return j;
  }

  // A feed feedparser read as well-formed Atom 1.0.
  json atom(const std::string& path) {
    json j = parsed(path);
    EXPECT_EQ(j["status"], 200) << path;
    EXPECT_EQ(j["version"], "atom10") << path;
    EXPECT_FALSE(j["bozo"].get<bool>()) << path << ": " << j["bozo_exception"];
    return j;
  }

  httplib::Result get(const std::string& path, httplib::Headers headers = {}) {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(10, 0);
    return client.Get(path, headers);
  }

  testing::TempDir dir_;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(FeedTest, SearchFeedGivesLogTextBackAsTextNeverAsMarkup) {
  json j = atom("/feeds/search.atom?q=paste");
  EXPECT_EQ(j["feed"]["title"], "eavesearch: paste");
  EXPECT_EQ(j["feed"]["id"], "urn:eavesearch:feed:%2Ffeeds%2Fsearch.atom?q=paste&");
  ASSERT_EQ(j["entries"].size(), 1u);
  const json& e = j["entries"][0];
  std::string permalink = "https://example.org/" + std::string(kHostileStem) + ".log.html#l-6";
  EXPECT_EQ(e["id"], permalink);
  EXPECT_EQ(e["link"], permalink);
  EXPECT_EQ(e["updated"], "2021-07-01T16:01:00Z");
  EXPECT_EQ(e["published"], "2021-07-01T16:01:00Z");
  EXPECT_EQ(e["author"], "gmann");
  EXPECT_EQ(e["title_type"], "text/plain");
  EXPECT_EQ(e["title"], "gmann in hostile: paste <script>alert(\"pwned\")</script> & R&D ]]> here");
  EXPECT_EQ(e["content_type"], "text/plain");
  EXPECT_EQ(e["content"],
            "paste <script>alert(\"pwned\")</script> & R&D ]]> here\n\n"
            "gmann in hostile, topic: Escaping & <markup>");

  auto res = get("/feeds/search.atom?q=paste");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
  EXPECT_EQ(res->body.find("<script"), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("&lt;script&gt;alert(&quot;pwned&quot;)"), std::string::npos);
  EXPECT_NE(res->body.find("R&amp;D ]]&gt;"), std::string::npos);
}

TEST_F(FeedTest, EntriesAreTheNewestLinesNewestFirstWithPermalinkIds) {
  json j = atom("/feeds/search.atom?q=rootwrap%20OR%20privsep%20OR%20escape");
  ASSERT_GE(j["entries"].size(), 3u);
  std::string previous = "9999";
  for (const json& e : j["entries"]) {
    std::string updated = e["updated"];
    EXPECT_LE(updated, previous) << "not newest first: " << e.dump();
    previous = updated;
    EXPECT_TRUE(e["id"].get<std::string>().starts_with("https://example.org/meetings/"));
    EXPECT_EQ(e["id"], e["link"]);
  }
  EXPECT_EQ(j["entries"][0]["id"],
            "https://example.org/" + std::string(kHostileStem) + ".log.html#l-8");
  // The same request, the same ids: a reader sees no entry twice.
  EXPECT_EQ(atom("/feeds/search.atom?q=rootwrap%20OR%20privsep%20OR%20escape")["entries"],
            j["entries"]);
}

TEST_F(FeedTest, AFeedHoldsTheFiftyNewest) {
  std::string log;
  for (int i = 0; i < 70; ++i) {
    char line[80];
    std::snprintf(line, sizeof line, "17:%02d:%02d <ttx> manyline number %d\n", i / 60, i % 60, i);
    log += line;
  }
  testing::write_file(dir_.path() / "archive/meetings/many/2022/many.2022-01-01-17.00.log.txt",
                      "17:00:00 <ttx> #startmeeting many\n" + log + "17:59:00 <ttx> #endmeeting\n");
  index();
  json j = atom("/feeds/search.atom?q=manyline");
  ASSERT_EQ(j["entries"].size(), 50u);
  EXPECT_EQ(j["entries"][0]["title"], "ttx in many: manyline number 69");
  EXPECT_EQ(j["entries"][49]["title"], "ttx in many: manyline number 20");
}

TEST_F(FeedTest, DecisionsFeedListsDecisionItemsOnly) {
  json j = atom("/feeds/decisions.atom");
  EXPECT_EQ(j["feed"]["title"], "eavesearch: the newest decisions");
  ASSERT_GE(j["entries"].size(), 3u);
  for (const json& e : j["entries"]) {
    ASSERT_EQ(e["tags"].size(), 1u) << e.dump();
    std::string item = e["tags"][0];
    EXPECT_TRUE(item == "agreed" || item == "accepted" || item == "rejected" || item == "action" ||
                item == "vote" || item == "consensus")
        << e.dump();
  }
  EXPECT_EQ(j["entries"][0]["title"],
            "action (gmann) in hostile: #action gmann to escape <script> & friends");
  EXPECT_EQ(j["entries"][1]["title"],
            "agreed in hostile: #agreed ship <b>bold</b> & \"quoted\" feeds");
  json q = atom("/feeds/decisions.atom?q=privsep");
  ASSERT_EQ(q["entries"].size(), 1u);
  EXPECT_EQ(q["entries"][0]["tags"][0], "agreed");
  EXPECT_EQ(q["feed"]["title"], "eavesearch decisions: privsep");
}

TEST_F(FeedTest, DecisionsFeedHoldsAConsensusSayingWhoAgreed) {
  testing::write_file(dir_.path() / "archive/meetings/goals/2022/goals.2022-02-01-17.00.log.txt",
                      "17:00:00 <ttx> #startmeeting goals\n"
                      "17:01:00 <ttx> how about zuulv3 and focal as the cycle's goals\n"
                      "17:01:10 <gmann> +1\n"
                      "17:01:20 <fungi> ttx: sounds good\n"
                      "17:59:00 <ttx> #endmeeting\n");
  index();
  json j = atom("/feeds/decisions.atom?q=focal");
  ASSERT_EQ(j["entries"].size(), 1u) << j.dump();
  EXPECT_EQ(j["entries"][0]["tags"][0], "consensus");
  EXPECT_EQ(j["entries"][0]["title"],
            "consensus (+1 gmann, fungi, found in the log) in goals: how about zuulv3 and focal as "
            "the cycle's goals");
}

TEST_F(FeedTest, ActionsFeedOfAnOwner) {
  json j = atom("/feeds/actions.atom?owner=gmann");
  EXPECT_EQ(j["feed"]["title"], "eavesearch: action items of gmann");
  ASSERT_EQ(j["entries"].size(), 2u);
  for (const json& e : j["entries"]) EXPECT_EQ(e["tags"], json::array({"action"})) << e.dump();
  EXPECT_EQ(j["entries"][0]["title"],
            "action (gmann) in hostile: #action gmann to escape <script> & friends");
  EXPECT_TRUE(atom("/feeds/actions.atom?owner=nobody-here")["entries"].empty());
}

// status= is is:<status> of the action ledger: the one meeting has no
// meeting after it, so both of gmann's items are open.
TEST_F(FeedTest, ActionsFeedStatusIsTheLedgers) {
  EXPECT_EQ(atom("/feeds/actions.atom?owner=gmann&status=open")["entries"].size(), 2u);
  EXPECT_TRUE(atom("/feeds/actions.atom?owner=gmann&status=carried")["entries"].empty());
  EXPECT_TRUE(atom("/feeds/actions.atom?owner=gmann&status=done")["entries"].empty());
}

TEST_F(FeedTest, BadParametersAreTheApisJsonErrors) {
  for (const std::string& path : std::vector<std::string>{
           "/feeds/actions.atom?status=maybe", "/feeds/search.atom?include=robots",
           "/feeds/decisions.atom?filter=colour:blue",
           "/feeds/search.atom?q=" + std::string(1025, 'q'), "/feeds/actions.atom?owner=%20"}) {
    auto res = get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 400) << path << " " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    json e = json::parse(res->body, nullptr, false);
    EXPECT_EQ(e["error"]["code"], "bad_request") << path << " " << res->body;
  }
}

TEST_F(FeedTest, HiddenLinesStayOutUnlessIncluded) {
  EXPECT_TRUE(atom("/feeds/search.atom?q=%22useful%20commands%22")["entries"].empty());
  json shown = atom("/feeds/search.atom?q=%22useful%20commands%22&include=bots");
  ASSERT_FALSE(shown["entries"].empty());
  EXPECT_EQ(shown["entries"][0]["tags"], json::array({"bot"}));
  EXPECT_EQ(shown["entries"][0]["author"], "openstack");
}

TEST_F(FeedTest, ConditionalGetOfAnUnchangedFeedIs304) {
  const std::string path = "/feeds/search.atom?q=paste";
  auto first = get(path);
  ASSERT_TRUE(first);
  std::string etag = first->get_header_value("ETag");
  std::string modified = first->get_header_value("Last-Modified");
  ASSERT_FALSE(etag.empty());
  ASSERT_TRUE(modified.ends_with(" GMT")) << modified;

  // A feed reader's own conditional GETs.
  json read = parsed(path);
  EXPECT_EQ(read["etag"], etag);
  EXPECT_EQ(read["modified"], modified);
  json again = parsed(path, etag);
  EXPECT_EQ(again["status"], 304);
  EXPECT_TRUE(again["entries"].empty());
  EXPECT_EQ(parsed(path, "", modified)["status"], 304);
  EXPECT_EQ(parsed(path, "\"not-it\"")["status"], 200);

  auto not_modified = get(path, {{"If-None-Match", "\"x\", " + etag}});
  ASSERT_TRUE(not_modified);
  EXPECT_EQ(not_modified->status, 304);
  EXPECT_TRUE(not_modified->body.empty());
  EXPECT_EQ(not_modified->get_header_value("ETag"), etag);
  // If-None-Match decides over If-Modified-Since (RFC 9110 13.2.2).
  auto other = get(path, {{"If-None-Match", "\"x\""}, {"If-Modified-Since", modified}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  EXPECT_EQ(get(path, {{"If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"}})->status, 200);
  EXPECT_EQ(get(path, {{"If-Modified-Since", "yesterday"}})->status, 200);
  // Another request is another feed.
  EXPECT_NE(get("/feeds/search.atom?q=rootwrap")->get_header_value("ETag"), etag);
  EXPECT_NE(get("/feeds/decisions.atom?q=paste")->get_header_value("ETag"), etag);
}

TEST_F(FeedTest, ANewCommitChangesTheFeedsValidators) {
  const std::string path = "/feeds/search.atom?q=paste";
  std::string etag = get(path)->get_header_value("ETag");
  testing::write_file(
      dir_.path() / "archive/meetings/hostile/2021/hostile.2021-07-08-16.00.log.txt",
      "16:00:01 <ttx> #startmeeting hostile\n16:01:00 <gmann> paste again\n"
      "16:04:00 <ttx> #endmeeting\n");
  index();
  json read = parsed(path, etag);
  EXPECT_EQ(read["status"], 200);
  ASSERT_EQ(read["entries"].size(), 2u);
  EXPECT_EQ(read["entries"][0]["updated"], "2021-07-08T16:01:00Z");
  EXPECT_NE(read["etag"], etag);
}

}  // namespace
}  // namespace eavesearch
