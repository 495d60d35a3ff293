// Real responses of every endpoint, errors included, checked against
// server/openapi.yaml, the normative shape of the API.
#include <gtest/gtest.h>
#include <httplib.h>
#include <yaml-cpp/yaml.h>

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

// The subset of OpenAPI 3.0 schemas openapi.yaml uses: $ref, allOf (merged),
// type, nullable, enum, properties, required, additionalProperties, items.
class SchemaChecker {
 public:
  explicit SchemaChecker(YAML::Node root) : root_(std::move(root)) {}

  // Problems found in `value` against the schema `name`; empty when it conforms.
  std::vector<std::string> check(const json& value, const std::string& name) const {
    std::vector<std::string> problems;
    check(value, root_["components"]["schemas"][name], "$", problems);
    return problems;
  }

  YAML::Node resolve(YAML::Node schema) const {
    while (schema["$ref"]) {
      std::string ref = schema["$ref"].as<std::string>();
      schema = root_["components"]["schemas"][ref.substr(ref.rfind('/') + 1)];
    }
    if (!schema["allOf"]) return schema;
    YAML::Node merged;
    merged["type"] = "object";
    for (const YAML::Node& part : schema["allOf"]) {
      YAML::Node p = resolve(part);
      for (const auto& prop : p["properties"]) merged["properties"][prop.first] = prop.second;
      for (const auto& req : p["required"]) merged["required"].push_back(req);
      if (p["additionalProperties"]) merged["additionalProperties"] = p["additionalProperties"];
    }
    return merged;
  }

 private:
  void check(const json& v, YAML::Node schema, const std::string& at,
             std::vector<std::string>& problems) const {
    schema = resolve(schema);
    if (v.is_null()) {
      if (!(schema["nullable"] && schema["nullable"].as<bool>())) problems.push_back(at + ": null");
      return;
    }
    std::string type = schema["type"] ? schema["type"].as<std::string>() : "";
    bool ok = type.empty() || (type == "object" && v.is_object()) ||
              (type == "array" && v.is_array()) || (type == "string" && v.is_string()) ||
              (type == "integer" && v.is_number_integer()) || (type == "number" && v.is_number()) ||
              (type == "boolean" && v.is_boolean());
    if (!ok) return problems.push_back(at + ": not a " + type + ": " + v.dump());
    if (schema["enum"] && v.is_string()) {
      bool listed = false;
      for (const YAML::Node& e : schema["enum"])
        listed = listed || (!e.IsNull() && e.as<std::string>() == v.get<std::string>());
      if (!listed) problems.push_back(at + ": " + v.dump() + " not in its enum");
    }
    if (v.is_array()) {
      for (std::size_t k = 0; k < v.size(); ++k) {
        check(v[k], schema["items"], at + "[" + std::to_string(k) + "]", problems);
      }
    }
    if (!v.is_object()) return;
    for (const YAML::Node& req : schema["required"]) {
      if (!v.contains(req.as<std::string>()))
        problems.push_back(at + ": missing " + req.as<std::string>());
    }
    for (const auto& [key, item] : v.items()) {
      YAML::Node prop = schema["properties"] ? schema["properties"][key] : YAML::Node();
      YAML::Node extra = schema["additionalProperties"];
      if (prop) {
        check(item, prop, at + "." + key, problems);
      } else if (extra && extra.IsMap()) {
        check(item, extra, at + "." + key, problems);
      } else if (extra && !extra.as<bool>()) {
        problems.push_back(at + ": unexpected " + key);
      }
    }
  }

  YAML::Node root_;
};

class OpenApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    testing::write_file(dir_->path() / "archive/irclogs/#openstack-tc/#openstack-tc.2021-06-03.log",
                        "2021-06-03T14:59:00  *** ttx has joined #openstack-tc\n"
                        "2021-06-03T14:59:30  <ttx> o/\n");
    testing::write_file(dir_->path() / "archive/meetings/tc/2021/tc.2021-06-10-15.00.log.txt",
                        "15:00:00 <mnaser> #startmeeting tc\n"
                        "15:00:01 <mnaser> #startvote Hold the PTG online? Yes, No\n"
                        "15:00:02 <mnaser> #vote Yes\n"
                        "15:00:03 <gmann> #vote no\n"
                        "15:00:04 <ttx> #vote yes\n"
                        "15:00:05 <mnaser> #endvote\n"
                        "15:00:06 <mnaser> #endmeeting\n");
    fs::copy(fs::path(EAVESEARCH_TEST_DATA) / "two_meetings", dir_->path() / "archive",
             fs::copy_options::recursive);
    auto report =
        index_archives({{(dir_->path() / "archive").string()}, (dir_->path() / "db").string()},
                       [](const std::string&) {});
    ASSERT_TRUE(report.ok());
    server_ = new testing::TestServer((dir_->path() / "db").string());
    port_ = server_->port();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  // GETs `path`, expects `status`, and checks the body against `schema`.
  void expect(const std::string& path, int status, const std::string& schema) {
    static const SchemaChecker checker(YAML::LoadFile(EAVESEARCH_OPENAPI));
    httplib::Client client("127.0.0.1", port_);
    auto res = client.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, status) << path << " " << res->body;
    json body = json::parse(res->body);
    for (const std::string& p : checker.check(body, schema)) ADD_FAILURE() << path << ": " << p;
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline testing::TestServer* server_ = nullptr;
  static inline int port_ = 0;
};

TEST_F(OpenApiTest, EveryEndpointAnswersInItsDocumentedShape) {
  expect("/api/v1/search?q=privsep&facets=person,meeting,channel,year,month,kind&context=2", 200,
         "SearchResponse");
  expect("/api/v1/search?q=ubuntu&collapse=meeting&sort=newest", 200, "SearchResponse");
  expect("/api/v1/search?q=%28unbalanced", 200, "SearchResponse");
  expect("/api/v1/decisions?q=privsep", 200, "DecisionsResponse");
  expect("/api/v1/decisions?sort=oldest&per_page=1&page=2", 200, "DecisionsResponse");
  expect("/api/v1/decisions?q=ptg", 200, "DecisionsResponse");
  expect("/api/v1/search?q=is:vote%20ptg", 200, "SearchResponse");
  expect("/api/v1/records/meetings/tc/2021/tc.2021-06-10-15.00%236", 200, "RecordWithContext");
  expect("/api/v1/meetings/tc/tc.2021-06-10-15.00", 200, "MeetingWithLines");
  expect("/api/v1/records/meetings/nova/2020/nova.2020-05-14-14.00%235?context=3", 200,
         "RecordWithContext");
  expect("/api/v1/meetings/nova", 200, "MeetingList");
  expect("/api/v1/meetings/tc/tc.2021-06-03-15.00", 200, "MeetingWithLines");
  expect("/api/v1/meetings/tc/latest", 200, "MeetingWithLines");
  expect("/api/v1/channels/openstack-tc/2021-06-03", 200, "ChannelDay");
  expect("/api/v1/people/gmann", 200, "Person");
  expect("/api/v1/actions?owner=gmann", 200, "ActionsResponse");
  expect("/api/v1/actions?status=open&date=2020..2021", 200, "ActionsResponse");
  expect("/api/v1/actions?status=maybe", 400, "Error");
  expect("/api/v1/suggest?field=channel&prefix=%23open", 200, "Suggestions");
  expect("/healthz", 200, "Health");
}

// The feeds are not JSON: openapi.yaml lists each with application/atom+xml,
// and the server answers it so.
TEST_F(OpenApiTest, EveryFeedIsDocumentedAndAnsweredAsAtom) {
  YAML::Node paths = YAML::LoadFile(EAVESEARCH_OPENAPI)["paths"];
  int feeds = 0;
  for (const auto& path : paths) {
    std::string name = path.first.as<std::string>();
    if (!name.starts_with("/feeds/")) continue;
    ++feeds;
    YAML::Node responses = path.second["get"]["responses"];
    EXPECT_TRUE(responses["200"]["content"]["application/atom+xml"]) << name;
    EXPECT_TRUE(responses["304"]) << name;
    httplib::Client client("127.0.0.1", port_);
    auto res = client.Get(name);
    ASSERT_TRUE(res) << name;
    EXPECT_EQ(res->status, 200) << name << " " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
    EXPECT_FALSE(res->get_header_value("ETag").empty()) << name;
  }
  EXPECT_EQ(feeds, 3);
}

// A vote's shape, filled: the #endvote's record and minutes item carry the
// question and the result.
TEST_F(OpenApiTest, AVoteIsItsQuestionAndResult) {
  const json vote = json::parse(R"({"question":"Hold the PTG online?","options":["Yes","No"],
                                    "results":[{"option":"Yes","votes":2},{"option":"No","votes":1}]})");
  httplib::Client client("127.0.0.1", port_);
  auto res = client.Get("/api/v1/search?q=is:vote%20ptg");
  ASSERT_TRUE(res);
  json hits = json::parse(res->body)["hits"];
  ASSERT_EQ(hits.size(), 1u) << res->body;
  EXPECT_EQ(hits[0]["vote"], vote);
  EXPECT_EQ(hits[0]["text"], "#endvote");
  res = client.Get("/api/v1/meetings/tc/tc.2021-06-10-15.00");
  ASSERT_TRUE(res);
  json items = json::parse(res->body)["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["vote"], vote);
  EXPECT_EQ(items[0]["text"], "Voted on \"Hold the PTG online?\" Results are, Yes: 2, No: 1");
  EXPECT_EQ(json::parse(client.Get("/api/v1/search?q=online")->body)["hits"][0]["vote"], vote);
}

TEST(SchemaCheckerTest, CatchesWrongShapes) {
  SchemaChecker checker(YAML::LoadFile(EAVESEARCH_OPENAPI));
  EXPECT_TRUE(checker.check(json::parse(R"({"status":"ok","records":3})"), "Health").empty());
  EXPECT_FALSE(checker.check(json::parse(R"({"status":"ok"})"), "Health").empty());
  EXPECT_FALSE(checker.check(json::parse(R"({"status":"ok","records":"3"})"), "Health").empty());
  EXPECT_FALSE(checker.check(json::parse(R"({"status":"up","records":3})"), "Health").empty());
  EXPECT_FALSE(
      checker.check(json::parse(R"({"status":"ok","records":3,"extra":1})"), "Health").empty());
  EXPECT_FALSE(checker.check(json::parse(R"({"error":{"code":"bad_request"}})"), "Error").empty());
  EXPECT_FALSE(checker.check(json::parse(R"({"error":null})"), "Error").empty());
}

TEST_F(OpenApiTest, EveryErrorIsTheErrorShape) {
  expect("/api/v1/search?q=x&per_page=101", 400, "Error");
  expect("/api/v1/search?q=x&context=11", 400, "Error");
  expect("/api/v1/decisions?sort=relevance", 400, "Error");
  expect("/api/v1/search?q=" + std::string(1025, 'q'), 400, "Error");
  expect("/api/v1/channels/openstack-tc/yesterday", 400, "Error");
  expect("/api/v1/channels/no-such-channel/2021-06-03", 404, "Error");
  expect("/api/v1/channels/openstack-tc/2001-06-03", 404, "Error");
  expect("/api/v1/suggest?field=topic", 400, "Error");
  expect("/api/v1/records/no%231", 404, "Error");
  expect("/api/v1/meetings/nothing", 404, "Error");
  expect("/api/v1/meetings/nothing/latest", 404, "Error");
  expect("/api/v1/meetings/tc/latest?per_page=0", 400, "Error");
  expect("/feeds/search.atom?include=robots", 400, "Error");
  expect("/feeds/decisions.atom?filter=colour:blue", 400, "Error");
  expect("/feeds/actions.atom?status=maybe", 400, "Error");
  expect("/api/v1/people/nobody", 404, "Error");
  expect("/no/such/path", 404, "Error");
}

}  // namespace
}  // namespace eavesearch
