// Meeting folders and file names a real mirror can hold but the URL scheme of
// the API does not make obvious: a folder in capitals and dashes, and a name
// whose bytes are not UTF-8. Their ids, links and pages still work.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "eavesearch/indexer.h"
#include "tests/corpus.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The nova meeting of tests/data/two_meetings, copied under `folder` as
// `<name>.2020-05-14-14.00.log.txt`.
void copy_meeting(const fs::path& archive, const std::string& folder, const std::string& name) {
  fs::path from = fs::path(EAVESEARCH_TEST_DATA) / "two_meetings/meetings/nova/2020";
  fs::path to = archive / "meetings" / folder / "2020";
  fs::create_directories(to);
  fs::copy_file(from / "nova.2020-05-14-14.00.log.txt", to / (name + ".2020-05-14-14.00.log.txt"));
}

class OddFileNamesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::path archive = dir_.path() / "archive";
    copy_meeting(archive, "Nova-API", "nova-api");
    copy_meeting(archive, "caf\xe9", "caf\xe9");  // Latin-1, as an old mirror may hold
    std::string db = (dir_.path() / "db").string();
    auto report = index_archives({{archive.string()}, db}, [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
    ServerConfig config;
    config.db_dir = db;
    config.log_base_url = "https://example.org";
    server_ = std::make_unique<testing::TestServer>(config);
    ASSERT_GT(server_->port(), 0);
  }

  // The id of the first line of the meeting `meeting:<name>` finds.
  std::string first_id(const std::string& name) {
    json j = testing::get_json(server_->port(),
                               "/api/v1/search?sort=oldest&per_page=1&q=meeting:" + name);
    EXPECT_EQ(j["hits"].size(), 1u) << name;
    return j["hits"].empty() ? "" : j["hits"][0]["id"].get<std::string>();
  }

  testing::TempDir dir_;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(OddFileNamesTest, AFolderInCapitalsOpensAndLinksToItsPlace) {
  std::string id = first_id("nova_api");
  EXPECT_EQ(id, "meetings/Nova-API/2020/nova-api.2020-05-14-14.00#1");
  // The page opens a meeting by the folder and stem of its id.
  json m =
      testing::get_json(server_->port(), "/api/v1/meetings/Nova-API/nova-api.2020-05-14-14.00");
  EXPECT_EQ(m["id"], "meetings/Nova-API/2020/nova-api.2020-05-14-14.00");
  EXPECT_EQ(m["records"].size(), 13u);
  // The series' name, as a person types it, finds it too.
  json series = testing::get_json(server_->port(), "/api/v1/meetings/nova-api");
  EXPECT_EQ(series["meetings"][0]["id"], m["id"]);
  // The original log is where the mirror's folder says.
  EXPECT_EQ(m["url"],
            "https://example.org/meetings/Nova-API/2020/nova-api.2020-05-14-14.00.log.html#l-1");
}

TEST_F(OddFileNamesTest, ANameInLatin1HasAUtf8IdThatFindsItsRecord) {
  std::string id = first_id("caf_");
  // The byte that is not UTF-8 is written as in a URL; the id is valid UTF-8.
  EXPECT_EQ(id, "meetings/caf%E9/2020/caf%E9.2020-05-14-14.00#1");
  json r = testing::get_json(
      server_->port(),
      "/api/v1/records/meetings%2Fcaf%25E9%2F2020%2Fcaf%25E9.2020-05-14-14.00%231");
  EXPECT_EQ(r["id"], id);
  EXPECT_EQ(r["url"],
            "https://example.org/meetings/caf%E9/2020/caf%E9.2020-05-14-14.00.log.html#l-1");
  json m =
      testing::get_json(server_->port(), "/api/v1/meetings/caf%25E9/caf%25E9.2020-05-14-14.00");
  EXPECT_EQ(m["records"].size(), 13u);
}

}  // namespace
}  // namespace eavesearch
