// The HTTP edge against a real listening server on 127.0.0.1.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdio>
#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "eavesearch/indexer.h"
#include "eavesearch/server.h"
#include "tests/corpus.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class HttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_.path() / "db").string();
    auto report =
        index_archives({{(fs::path(EAVESEARCH_TEST_DATA) / "two_meetings").string()}, db_},
                       [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
    start(db_);
  }

  void start(const std::string& db) {
    ServerConfig config;
    config.db_dir = db;
    config.port = 0;
    config.log_base_url = "https://example.org";
    config.web_dir = (fs::path(EAVESEARCH_TEST_DATA) / "../../server/web").string();
    server_.reset();  // one server at a time
    server_ = std::make_unique<testing::TestServer>(config);
    port_ = server_->port();
    ASSERT_GT(port_, 0);
  }

  httplib::Result get(const std::string& path) {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(5, 0);
    return client.Get(path);
  }

  json get_json(const std::string& path, int expected_status) {
    auto res = get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, expected_status) << path << " " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    return json::parse(res->body);
  }

  testing::TempDir dir_;
  std::string db_;
  std::unique_ptr<testing::TestServer> server_;
  int port_ = 0;
};

TEST_F(HttpTest, SearchAnswersWithTheDocumentedShape) {
  json j = get_json("/api/v1/search?q=privsep%20from:gmann&per_page=5", 200);
  EXPECT_EQ(j["query"]["q"], "privsep from:gmann");
  EXPECT_EQ(j["query"]["parsed"], "(and (word privsep) (field person gmann))");
  EXPECT_EQ(j["query"]["lenient"], false);
  EXPECT_EQ(j["total"]["value"], 1);
  EXPECT_EQ(j["total"]["exact"], true);
  EXPECT_TRUE(j["took_ms"].is_number());
  EXPECT_TRUE(j["facets"].is_object());
  EXPECT_TRUE(j["did_you_mean"].is_null());
  ASSERT_EQ(j["hits"].size(), 1u);
  const json& hit = j["hits"][0];
  EXPECT_EQ(hit["id"], "meetings/tc/2021/tc.2021-06-03-15.00#5");
  EXPECT_EQ(hit["meeting"], "tc");
  EXPECT_TRUE(hit["channel"].is_null());
  EXPECT_EQ(hit["time"], "2021-06-03T15:01:00Z");
  EXPECT_EQ(hit["speaker"], "gmann|away");
  EXPECT_EQ(hit["person"], "gmann");
  EXPECT_EQ(hit["kind"], "say");
  EXPECT_TRUE(hit["item"].is_null());
  EXPECT_EQ(hit["owners"], json::array());
  EXPECT_EQ(hit["topic"], "Ubuntu 22.04 for the Z cycle");
  EXPECT_EQ(hit["text"], "ubuntu bumps need a privsep review too");
  EXPECT_EQ(hit["snippet"], "ubuntu bumps need a <mark>privsep</mark> review too");
  EXPECT_EQ(hit["url"], "https://example.org/meetings/tc/2021/tc.2021-06-03-15.00.log.html#l-5");
  EXPECT_TRUE(hit["context"]["before"].is_array());
  EXPECT_TRUE(hit["context"]["after"].is_array());
}

TEST_F(HttpTest, ActionOwnersAndLenientQueries) {
  json j = get_json("/api/v1/search?q=owner:gmann", 200);
  ASSERT_EQ(j["hits"].size(), 1u);
  EXPECT_EQ(j["hits"][0]["item"], "action");
  EXPECT_EQ(j["hits"][0]["owners"], json::array({"gmann"}));
  json lenient = get_json("/api/v1/search?q=%28privsep", 200);
  EXPECT_EQ(lenient["query"]["lenient"], true);
  EXPECT_EQ(lenient["total"]["value"], 4);
}

TEST_F(HttpTest, BadRequestsGetJsonErrors) {
  struct Case {
    std::string path;
    int status;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"/api/v1/search?q=x&per_page=101", 400, "bad_request"},
      {"/api/v1/search?q=x&per_page=ten", 400, "bad_request"},
      {"/api/v1/search?q=x&page=0", 400, "bad_request"},
      {"/api/v1/search?q=x&sort=random", 400, "bad_request"},
      {"/api/v1/search?q=" + std::string(1025, 'a'), 400, "bad_request"},
      {"/api/v1/search?q=x&page=2147483647", 400, "bad_request"},
      {"/api/v1/search?q=x&page=101&per_page=100", 400, "bad_request"},
      {"/api/v1/search?q=x&context=11", 400, "bad_request"},
      {"/api/v1/search?q=x&facets=person,colour", 400, "bad_request"},
      {"/api/v1/search?q=x&collapse=channel", 400, "bad_request"},
      {"/api/v1/nothing", 404, "not_found"},
      {"/nothing%FF%FE", 404, "not_found"},
  };
  for (const Case& c : cases) {
    json j = get_json(c.path, c.status);
    EXPECT_EQ(j["error"]["code"], c.code) << c.path;
    EXPECT_TRUE(j["error"]["message"].is_string()) << c.path;
  }
}

// Only GET (and HEAD) are answered; every other method is a 405 that says
// so and names the ones allowed (issue 16, row 11).
TEST_F(HttpTest, OtherMethodsAreNotAllowed) {
  httplib::Client client("127.0.0.1", port_);
  std::vector<httplib::Result> answers;
  answers.push_back(client.Post("/api/v1/search", "", "text/plain"));
  answers.push_back(client.Put("/", "", "text/plain"));
  answers.push_back(client.Delete("/api/v1/records/x"));
  answers.push_back(client.Options("/api/v1/search"));
  answers.push_back(client.Options("/"));
  for (const auto& res : answers) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 405);
    EXPECT_EQ(res->get_header_value("Allow"), "GET, HEAD");
    EXPECT_EQ(json::parse(res->body)["error"]["code"], "method_not_allowed") << res->body;
  }
}

// A NUL in the path is no file of the page: "/index.html%00.js" was
// index.html served as JavaScript (issue 16, row 11).
TEST_F(HttpTest, APathWithANulIsNotFound) {
  for (const char* path : {"/index.html%00.js", "/%00", "/api/v1/search%00?q=x"}) {
    auto res = get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
  }
}

// Every answer, the page's and the API's, forbids sniffing and framing, and
// the page runs no script but its own files (issue 16, row 11).
TEST_F(HttpTest, AnswersCarrySecurityHeaders) {
  for (const char* path : {"/", "/app.js", "/api/v1/search?q=privsep", "/nothing"}) {
    auto res = get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY") << path;
    std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path << ": " << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path << ": " << csp;
    EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << path;
  }
}

// A second server on a port one already serves fails to start instead of
// sharing it (SO_REUSEPORT sent half the requests to each; issue 16, row 4).
TEST_F(HttpTest, ASecondServerOnTheSamePortFailsToStart) {
  ServerConfig config;
  config.db_dir = db_;
  config.host = "127.0.0.1";
  config.port = port_;
  std::atomic<bool> stop = true;  // were it to listen, it would stop at once
  bool listened = false;
  Status second = run_server(config, stop, [&](int) { listened = true; });
  EXPECT_FALSE(second.ok());
  EXPECT_FALSE(listened);
  if (!second.ok()) {
    EXPECT_EQ(second.error().code, ErrorCode::kIo);
  }
  get_json("/healthz", 200);  // the first still answers
}

TEST_F(HttpTest, InvalidUtf8InTheQueryIsAnsweredNotFatal) {
  json j = get_json("/api/v1/search?q=privsep%FF", 200);
  EXPECT_EQ(j["query"]["q"], "privsep\uFFFD");
  get_json("/healthz", 200);  // still up
}

TEST_F(HttpTest, FacetsContextAndCollapse) {
  json j = get_json("/api/v1/search?q=ubuntu&facets=meeting,year&context=1&collapse=meeting", 200);
  EXPECT_EQ(j["facets"]["meeting"],
            json::parse(R"([{"value":"tc","count":3},{"value":"nova","count":2}])"));
  EXPECT_EQ(j["facets_exact"], true);
  ASSERT_EQ(j["hits"].size(), 2u);
  for (const json& hit : j["hits"]) {
    EXPECT_EQ(hit["context"]["before"].size(), 1u);
    EXPECT_GE(hit["collapsed"].get<int>(), 1);
    EXPECT_EQ(hit["context"]["before"][0]["meeting"], hit["meeting"]);
  }
}

TEST_F(HttpTest, DecisionsAreGroupedByMeetingNewestFirst) {
  json j = get_json("/api/v1/decisions", 200);
  EXPECT_EQ(j["total"]["value"], 3);
  ASSERT_EQ(j["meetings"].size(), 2u);
  EXPECT_EQ(j["meetings"][0]["meeting"], "tc");
  EXPECT_EQ(j["meetings"][0]["decisions"][0]["item"], "agreed");
  EXPECT_EQ(j["meetings"][1]["meeting"], "nova");
  EXPECT_EQ(j["meetings"][1]["decisions"].size(), 2u);
  json privsep = get_json("/api/v1/decisions?q=rootwrap", 200);
  ASSERT_EQ(privsep["meetings"].size(), 1u);
  EXPECT_EQ(privsep["meetings"][0]["decisions"][0]["owners"], json::array({"gmann"}));
}

// Paging keeps a meeting whole: per_page=1 gives nova's two items on the page
// its first item falls on, the next page none, each meeting's items in line order.
TEST_F(HttpTest, DecisionsPagesKeepAMeetingWhole) {
  auto logs_and_lines = [&](const std::string& query) {
    json j = get_json("/api/v1/decisions?per_page=1&" + query, 200);
    std::vector<std::string> out;
    for (const json& m : j["meetings"]) {
      std::string lines;
      for (const json& d : m["decisions"]) lines += " " + std::to_string(d["line"].get<int>());
      out.push_back(m["meeting"].get<std::string>() + lines);
    }
    return out;
  };
  using V = std::vector<std::string>;
  const V nova = logs_and_lines("page=2");
  ASSERT_EQ(nova.size(), 1u);
  EXPECT_TRUE(nova[0].starts_with("nova ")) << nova[0];
  EXPECT_EQ(logs_and_lines("page=1"), logs_and_lines("page=1&sort=newest"));
  EXPECT_EQ(logs_and_lines("page=1").size(), 1u);
  EXPECT_EQ(logs_and_lines("page=3"), V{});
  EXPECT_EQ(logs_and_lines("page=1&sort=oldest"), nova);
  EXPECT_EQ(logs_and_lines("page=2&sort=oldest"), V{});
  EXPECT_EQ(logs_and_lines("page=3&sort=oldest"), logs_and_lines("page=1"));
  int first = 0, second = 0;
  ASSERT_EQ(std::sscanf(nova[0].c_str(), "nova %d %d", &first, &second), 2);
  EXPECT_LT(first, second);
  EXPECT_EQ(get_json("/api/v1/decisions?sort=relevance", 400)["error"]["code"], "bad_request");
}

// The decision filter is a node of its own: nothing typed in q escapes it,
// and a query the strict parse refuses keeps it.
TEST_F(HttpTest, NothingTypedEscapesTheDecisionFilter) {
  for (std::string q : {"privsep)%20OR%20(rootwrap", "privsep)", "rootwrap%20OR%20privsep",
                        "(privsep", "privsep%20-is:action"}) {
    json j = get_json("/api/v1/decisions?q=" + q, 200);
    ASSERT_TRUE(j["meetings"].is_array()) << q;
    EXPECT_GT(j["total"]["value"], 0) << q;
    for (const json& m : j["meetings"]) {
      for (const json& d : m["decisions"]) {
        EXPECT_TRUE(d["item"].is_string()) << q << ": not a decision: " << d["text"];
      }
    }
  }
  EXPECT_TRUE(get_json("/api/v1/decisions?q=privsep)", 200)["query"]["lenient"]);
}

// A program's filter (a clicked facet) restricts the whole query, as the
// same filter typed does; values of one field are either, an exclusion
// leaves out, a bad one is refused.
TEST_F(HttpTest, FiltersApartFromTheQueryRestrictItWhole) {
  json typed = get_json("/api/v1/search?q=privsep%20OR%20ubuntu%20meeting:tc", 200);
  json given = get_json("/api/v1/search?q=privsep%20OR%20ubuntu&filter=meeting:tc", 200);
  EXPECT_EQ(typed["total"]["value"], 3) << "tc's three lines with privsep or ubuntu";
  EXPECT_EQ(given["total"], typed["total"]);
  EXPECT_EQ(given["hits"], typed["hits"]);
  EXPECT_EQ(given["query"]["parsed"], typed["query"]["parsed"]);
  json either = get_json("/api/v1/search?q=ubuntu&filter=meeting:tc&filter=meeting:nova", 200);
  EXPECT_EQ(either["total"]["value"], 5);
  json excluded = get_json("/api/v1/search?q=ubuntu&filter=-meeting:tc", 200);
  EXPECT_EQ(excluded["total"]["value"], 2);
  for (const json& h : excluded["hits"]) EXPECT_EQ(h["meeting"], "nova");
  json unwrapped = get_json("/api/v1/search?q=ubuntu)%20OR%20(privsep&filter=meeting:nova", 200);
  for (const json& h : unwrapped["hits"]) EXPECT_EQ(h["meeting"], "nova");
  EXPECT_EQ(get_json("/api/v1/search?q=x&filter=date:2020-13", 400)["error"]["code"],
            "bad_request");
  EXPECT_EQ(get_json("/api/v1/search?q=x&filter=topic:goals", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(get_json("/api/v1/search?q=x&filter=nofield", 400)["error"]["code"], "bad_request");
}

TEST_F(HttpTest, ExplainShowsThePlan) {
  json j = get_json("/api/v1/search?q=privsep%20meeting:nova&facets=person&explain=1", 200);
  ASSERT_TRUE(j["plan"].is_array());
  std::vector<std::string> steps;
  for (const json& s : j["plan"]) steps.push_back(s["step"]);
  EXPECT_EQ(steps, (std::vector<std::string>{"query", "filters", "hidden", "sort", "hits", "total",
                                             "facets", "bounds"}));
  EXPECT_EQ(j["plan"][0]["how"], "(word privsep)");
  EXPECT_EQ(j["plan"][1]["how"], "(and (field meeting nova))");
  EXPECT_FALSE(get_json("/api/v1/search?q=privsep", 200).contains("plan"));
  EXPECT_EQ(get_json("/api/v1/search?q=x&explain=yes", 400)["error"]["code"], "bad_request");
}

TEST_F(HttpTest, OneRecordWithItsContext) {
  json j = get_json("/api/v1/records/meetings/nova/2020/nova.2020-05-14-14.00%2310?context=1", 200);
  EXPECT_EQ(j["kind"], "me");
  EXPECT_EQ(j["context"]["before"][0]["line"], 9);
  EXPECT_EQ(j["context"]["after"][0]["line"], 11);
  get_json("/api/v1/records/meetings/nova/2020/nova.2020-05-14-14.00%2399", 404);
  get_json("/api/v1/records/x%231?context=99", 400);
}

TEST_F(HttpTest, MeetingsOfASeriesAndOneMeetingWithItsMinutes) {
  json series = get_json("/api/v1/meetings/NOVA", 200);
  EXPECT_EQ(series["count"], 1);
  EXPECT_EQ(series["meetings"][0]["id"], "meetings/nova/2020/nova.2020-05-14-14.00");
  json m = get_json("/api/v1/meetings/nova/nova.2020-05-14-14.00", 200);
  EXPECT_EQ(m["title"], "nova");
  EXPECT_EQ(m["lines"], 13);
  ASSERT_EQ(m["records"].size(), 13u);
  EXPECT_EQ(m["records"][12]["text"], "#endmeeting");
  ASSERT_EQ(m["items"].size(), 4u);
  EXPECT_EQ(m["items"][2]["type"], "ACTION");
  EXPECT_EQ(m["items"][2]["owners"], json::array({"gmann"}));
  EXPECT_EQ(m["items"][2]["url"],
            "https://example.org/meetings/nova/2020/nova.2020-05-14-14.00.log.html#l-9");
  EXPECT_EQ(m["people"][0]["nick"], "efried");
  get_json("/api/v1/meetings/swift", 404);
  get_json("/api/v1/meetings/nova/nova.2019-01-01-00.00", 404);
}

TEST_F(HttpTest, AMeetingsLinesAndASeriesComeInPages) {
  json first = get_json("/api/v1/meetings/nova/nova.2020-05-14-14.00?per_page=5", 200);
  EXPECT_EQ(first["total"]["value"], 13);
  EXPECT_EQ(first["page"], 1);
  ASSERT_EQ(first["records"].size(), 5u);
  EXPECT_EQ(first["records"][0]["line"], 1);
  json last = get_json("/api/v1/meetings/nova/nova.2020-05-14-14.00?per_page=5&page=3", 200);
  ASSERT_EQ(last["records"].size(), 3u);
  EXPECT_EQ(last["records"][2]["text"], "#endmeeting");
  EXPECT_EQ(last["items"], first["items"]);  // the minutes come with every page
  json beyond = get_json("/api/v1/meetings/nova/nova.2020-05-14-14.00?per_page=5&page=4", 200);
  EXPECT_TRUE(beyond["records"].empty());
  get_json("/api/v1/meetings/nova/nova.2020-05-14-14.00?per_page=1001", 400);
  get_json("/api/v1/meetings/nova/nova.2020-05-14-14.00?page=0", 400);

  json series = get_json("/api/v1/meetings/nova?per_page=1&page=2", 200);
  EXPECT_EQ(series["count"], 1);  // the series has one meeting; page 2 is past it
  EXPECT_TRUE(series["meetings"].empty());
  get_json("/api/v1/meetings/nova?per_page=0", 400);
}

// Every answer says how fresh the index is: the time of its newest line.
TEST_F(HttpTest, AnswersSayUpToWhenTheIndexHasLogs) {
  json newest = get_json("/api/v1/search?q=&sort=newest&per_page=1&include=bots,events", 200);
  ASSERT_EQ(newest["hits"].size(), 1u);
  EXPECT_EQ(newest["logs_until"], newest["hits"][0]["time"]);
  EXPECT_EQ(get_json("/api/v1/search?q=nova", 200)["logs_until"], newest["hits"][0]["time"]);
  EXPECT_EQ(get_json("/api/v1/search?q=zzzqqq", 200)["logs_until"], newest["hits"][0]["time"]);
}

TEST_F(HttpTest, PeopleAndSuggestions) {
  json p = get_json("/api/v1/people/GMann_", 200);
  EXPECT_EQ(p["person"], "gmann");
  EXPECT_EQ(p["lines"]["value"], 3);
  EXPECT_EQ(p["action_items_total"], 1);
  EXPECT_EQ(p["per_year"],
            json::parse(R"([{"value":"2020","count":2},{"value":"2021","count":1}])"));
  get_json("/api/v1/people/nobody", 404);
  json s = get_json("/api/v1/suggest?field=person&prefix=GM", 200);
  EXPECT_EQ(s["values"], json::parse(R"([{"value":"gmann","count":3}])"));
  json m = get_json("/api/v1/suggest?field=meeting&prefix=", 200);
  EXPECT_EQ(m["values"].size(), 2u);
  get_json("/api/v1/suggest?field=colour&prefix=x", 400);
}

TEST_F(HttpTest, MetricsCountRequestsAndDescribeTheIndex) {
  get_json("/api/v1/search?q=privsep", 200);
  get_json("/api/v1/search?q=x&per_page=101", 400);
  auto res = get("/metrics");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& m = res->body;
  EXPECT_NE(m.find("eavesearch_requests_total{route=\"/api/v1/search\",status=\"200\"} 1\n"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("eavesearch_requests_total{route=\"/api/v1/search\",status=\"400\"} 1\n"),
            std::string::npos);
  EXPECT_NE(m.find("eavesearch_request_duration_seconds_count{route=\"/api/v1/search\"} 2\n"),
            std::string::npos);
  EXPECT_NE(m.find("eavesearch_index_documents{type=\"record\"} 20\n"), std::string::npos);
  EXPECT_NE(m.find("eavesearch_index_size_bytes "), std::string::npos);
  // The index was just built: its age is a few seconds, not negative.
  const std::string sample = "\neavesearch_index_age_seconds ";
  std::size_t age = m.find(sample);
  ASSERT_NE(age, std::string::npos) << m;
  long seconds = std::stol(m.substr(age + sample.size()));
  EXPECT_GE(seconds, 0);
  EXPECT_LT(seconds, 600);
}

TEST_F(HttpTest, HealthAndPage) {
  json health = get_json("/healthz", 200);
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["records"], 20);
  auto page = get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<form"), std::string::npos);
}

TEST_F(HttpTest, NoDatabaseIsServiceUnavailable) {
  start((dir_.path() / "missing").string());
  json j = get_json("/api/v1/search?q=x", 503);
  EXPECT_EQ(j["error"]["code"], "unavailable");
  get_json("/healthz", 503);
}

}  // namespace
}  // namespace eavesearch
