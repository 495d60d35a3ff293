// deploy/nginx-eavesearch.conf under the real nginx (Debian's package), in
// front of a real serve, both on loopback ports: the attacks of issue 16's
// rows 1-3 leave a normal client answered within 1 s. The attacker connects
// from 127.0.0.2. Every loop is bounded.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "eavesearch/indexer.h"
#include "eavesearch/server.h"
#include "tests/corpus.h"
#include "tests/raw_client.h"
#include "tests/test_server.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using testing::RawClient;

constexpr const char* kNginx = "/usr/sbin/nginx";
constexpr const char* kAttacker = "127.0.0.2";

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The shipped site with its ports and page folder pointed at the test's.
std::string site_for_test(int nginx_port, int serve_port, const std::string& web_dir) {
  std::string site = read_file(fs::path(EAVESEARCH_SOURCE_DIR) / "deploy/nginx-eavesearch.conf");
  site = std::regex_replace(site, std::regex("listen 80;"),
                            "listen 127.0.0.1:" + std::to_string(nginx_port) + ";");
  site = std::regex_replace(site, std::regex("127\\.0\\.0\\.1:8080"),
                            "127.0.0.1:" + std::to_string(serve_port));
  site = std::regex_replace(site, std::regex("root /usr/local/share/eavesearch/web;"),
                            "root " + web_dir + ";");
  return site;
}

class NginxFrontTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kNginx)) {
      if (std::getenv("EAVESEARCH_REQUIRE_CORPUS")) FAIL() << kNginx << " missing";
      GTEST_SKIP() << kNginx << " is missing (apt-get install -y nginx)";
    }
    ServerConfig config;
    config.db_dir = (dir_.path() / "db").string();
    auto report = index_archives(
        {{(fs::path(EAVESEARCH_TEST_DATA) / "two_meetings").string()}, config.db_dir},
        [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
    config.max_connections_per_client = 0;  // as deploy/eavesearch-serve.service runs it
    config.time_budget_ms = 20000;
    serve_ = std::make_unique<testing::TestServer>(config);
    ASSERT_GT(serve_->port(), 0);
    start_nginx();
  }

  void TearDown() override {
    if (nginx_ > 0) {
      ::kill(nginx_, SIGTERM);
      ::waitpid(nginx_, nullptr, 0);
    }
  }

  void start_nginx() {
    fs::path root = dir_.path() / "nginx";
    fs::create_directories(root / "logs");
    port_ = testing::free_port();
    std::string web = (fs::path(EAVESEARCH_SOURCE_DIR) / "server/web").string();
    std::ofstream(root / "site.conf") << site_for_test(port_, serve_->port(), web);
    std::ofstream(root / "nginx.conf")
        << "user root;\nworker_processes 1;\ndaemon off;\npid " << (root / "nginx.pid").string()
        << ";\nerror_log " << (root / "logs/error.log").string()
        << " warn;\nevents { worker_connections 1024; }\nhttp {\n"
           "  include /etc/nginx/mime.types;\n  access_log off;\n"
        << "  client_body_temp_path " << (root / "body").string() << ";\n"
        << "  proxy_temp_path " << (root / "proxy").string() << ";\n"
        << "  fastcgi_temp_path " << (root / "fastcgi").string() << ";\n"
        << "  uwsgi_temp_path " << (root / "uwsgi").string() << ";\n"
        << "  scgi_temp_path " << (root / "scgi").string() << ";\n"
        << "  include " << (root / "site.conf").string() << ";\n}\n";
    nginx_ = ::fork();
    if (nginx_ == 0) {
      std::string prefix = root.string() + "/", conf = (root / "nginx.conf").string();
      ::execl(kNginx, kNginx, "-p", prefix.c_str(), "-c", conf.c_str(), nullptr);
      ::_exit(127);
    }
    for (int k = 0; k < 100; ++k) {  // up to 5 s
      httplib::Client c("127.0.0.1", port_);
      c.set_connection_timeout(1, 0);
      c.set_read_timeout(1, 0);
      if (auto r = c.Get("/healthz"); r && r->status == 200) return;
      std::this_thread::sleep_for(milliseconds(50));
    }
    FAIL() << "nginx did not answer: " << read_file(root / "logs/error.log");
  }

  std::pair<int, double> normal_search() { return testing::timed_search(port_); }

  testing::TempDir dir_;
  std::unique_ptr<testing::TestServer> serve_;
  pid_t nginx_ = -1;
  int port_ = 0;
};

TEST_F(NginxFrontTest, ServesThePageAndTheApiWithItsHeaders) {
  httplib::Client client("127.0.0.1", port_);
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<html"), std::string::npos);
  auto api = client.Get("/api/v1/search?q=meeting:nova", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 200);
  EXPECT_EQ(api->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(api->get_header_value_count("X-Content-Type-Options"), 1u);
  EXPECT_EQ(api->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_NE(api->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(client.Post("/api/v1/search")->status, 403);
}

// Row 1 through nginx: its event loop holds slow clients without threads.
TEST_F(NginxFrontTest, SlowClientsLeaveOthersAnswered) {
  std::vector<std::unique_ptr<RawClient>> slow;
  for (int k = 0; k < 16; ++k) {
    slow.push_back(std::make_unique<RawClient>(port_, kAttacker));
    slow.back()->send("GET /api/v1/search?q=");
  }
  for (int round = 0; round < 3; ++round) {
    std::this_thread::sleep_for(milliseconds(1000));
    for (auto& c : slow) c->send("a");
    auto [status, seconds] = normal_search();
    EXPECT_EQ(status, 200);
    EXPECT_LT(seconds, 1.0) << "round " << round;
  }
}

// Row 2 through nginx: no ranges at all.
TEST_F(NginxFrontTest, RangeGetsTheWholeAnswer) {
  httplib::Client client("127.0.0.1", port_);
  auto whole = client.Get("/api/v1/search?q=nova");
  std::string ranges = "bytes=0-";
  for (int k = 0; k < 2700; ++k) ranges += ",0-";
  auto ranged = client.Get("/api/v1/search?q=nova", {{"Range", ranges}});
  ASSERT_TRUE(whole && ranged);
  EXPECT_EQ(ranged->status, 200);
  EXPECT_EQ(ranged->body, whole->body);
  auto page = client.Get("/", {{"Range", "bytes=0-9"}});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
}

// Row 3 through nginx: a head past 4 x 8 KB is refused at once (nginx then
// reads and drops the rest of the flood, holding none of it).
TEST_F(NginxFrontTest, HugeHeadersAreRefusedAndOthersAnswered) {
  RawClient flood(port_, kAttacker);
  flood.send("GET /api/v1/search?q=nova HTTP/1.1\r\nHost: x\r\n");
  std::string line = "X-Filler: " + std::string(1000, 'f') + "\r\n";
  std::string chunk;
  for (int k = 0; k < 1024; ++k) chunk += line;  // 1 MB
  std::size_t sent = 0;
  for (int k = 0; k < 256 && flood.send(chunk); ++k) sent += chunk.size();
  std::string answer = flood.receive(milliseconds(2000));
  EXPECT_EQ(answer.rfind("HTTP/1.1 400 ", 0), 0u) << answer.substr(0, 200);
  auto [status, seconds] = normal_search();
  EXPECT_EQ(status, 200);
  EXPECT_LT(seconds, 1.0);
  std::cout << "[ nginx    ] " << (sent >> 20) << " MB of headers sent, then a normal search in "
            << seconds << " s\n";
}

// Requests past 20 a second (bursts of 40) from one address get 429; the
// other addresses are still answered.
TEST_F(NginxFrontTest, RequestsPerAddressAreRateLimited) {
  int limited = 0;
  for (int k = 0; k < 100; ++k) {
    RawClient c(port_, kAttacker);
    c.send(
        "GET /api/v1/suggest?field=person&prefix=a HTTP/1.1\r\nHost: x\r\nConnection: "
        "close\r\n\r\n");
    if (c.receive().rfind("HTTP/1.1 429 ", 0) == 0) ++limited;
  }
  EXPECT_GT(limited, 0);
  auto [status, seconds] = normal_search();
  EXPECT_EQ(status, 200);
}

}  // namespace
}  // namespace eavesearch
