// What one hostile client can do to serve (issue 16, rows 1-3 and the
// pipelined requests of row 11), against a real server on 127.0.0.1; the
// attacker connects from 127.0.0.2. Every loop is bounded.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
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

constexpr const char* kAttacker = "127.0.0.2";

long resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

class HostileClientsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.db_dir = (dir_.path() / "db").string();
    auto report = index_archives(
        {{(fs::path(EAVESEARCH_TEST_DATA) / "two_meetings").string()}, config_.db_dir},
        [](const std::string&) {});
    ASSERT_TRUE(report.ok()) << report.error().message;
    config_.request_deadline_ms = 3000;
    config_.time_budget_ms = 20000;  // answers are compared, not timed, here
  }

  void start() {
    server_ = std::make_unique<testing::TestServer>(config_);
    ASSERT_GT(server_->port(), 0);
  }
  int port() const { return server_->port(); }

  std::pair<int, double> normal_search() { return testing::timed_search(port()); }

  // `n` connections from the attacker that start a request and never end it.
  std::vector<std::unique_ptr<RawClient>> slow_clients(int n) {
    std::vector<std::unique_ptr<RawClient>> out;
    for (int k = 0; k < n; ++k) {
      out.push_back(std::make_unique<RawClient>(port(), kAttacker));
      EXPECT_TRUE(out.back()->connected());
      out.back()->send("GET /api/v1/search?q=");
    }
    return out;
  }

  testing::TempDir dir_;
  ServerConfig config_;
  std::unique_ptr<testing::TestServer> server_;
};

// Row 1: 16 connections trickling a byte at a time (slowloris) took every
// thread; now the others are answered at once, and the slow requests end
// with a 408 at the request deadline.
TEST_F(HostileClientsTest, SlowClientsLeaveOthersAnsweredAndTimeOut) {
  start();
  auto slow = slow_clients(16);
  for (int round = 0; round < 2; ++round) {
    std::this_thread::sleep_for(milliseconds(1000));
    for (auto& c : slow) c->send("a");
    auto [status, seconds] = normal_search();
    EXPECT_EQ(status, 200);
    EXPECT_LT(seconds, 1.0) << "a normal search under slowloris, round " << round;
  }
  for (auto& c : slow) {
    std::string answer = c->receive(milliseconds(3000));
    EXPECT_EQ(answer.rfind("HTTP/1.1 408 ", 0), 0u) << answer;
    EXPECT_NE(answer.find("\"limit_exceeded\""), std::string::npos) << answer;
  }
}

// Row 1: a stop did not end while slow clients held connections.
TEST_F(HostileClientsTest, StopIsPromptWhateverClientsDo) {
  start();
  auto slow = slow_clients(16);
  std::this_thread::sleep_for(milliseconds(300));
  auto started = Clock::now();
  server_.reset();
  double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  EXPECT_LT(seconds, 2.0) << "stopping with 16 slow connections open";
  for (auto& c : slow) EXPECT_TRUE(c->closed_by_server(milliseconds(1000)));
}

TEST_F(HostileClientsTest, ConnectionsFromOneAddressAreBounded) {
  config_.max_connections_per_client = 4;
  start();
  auto held = slow_clients(4);
  std::this_thread::sleep_for(milliseconds(200));
  RawClient fifth(port(), kAttacker);
  fifth.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string answer = fifth.receive(milliseconds(2000));
  EXPECT_EQ(answer.rfind("HTTP/1.1 429 ", 0), 0u) << answer;
  EXPECT_NE(answer.find("Retry-After: 1"), std::string::npos) << answer;
  auto [status, seconds] = normal_search();  // another address is not counted with them
  EXPECT_EQ(status, 200);
  EXPECT_LT(seconds, 1.0);
}

// Row 2: "Range: bytes=0-,0-,..." made a 1.29 GB answer of an 8 KB request.
TEST_F(HostileClientsTest, RangeIsIgnored) {
  start();
  httplib::Client client("127.0.0.1", port());
  auto whole = client.Get("/api/v1/search?q=nova");
  ASSERT_TRUE(whole);
  std::string ranges = "bytes=0-";
  for (int k = 0; k < 2700; ++k) ranges += ",0-";
  auto ranged = client.Get("/api/v1/search?q=nova", {{"Range", ranges}});
  ASSERT_TRUE(ranged);
  EXPECT_EQ(ranged->status, 200);
  EXPECT_EQ(ranged->body.size(), whole->body.size());
  auto page = client.Get("/api/v1/healthz", {{"Range", "bytes=0-1"}});
  ASSERT_TRUE(page);
  EXPECT_NE(page->status, 206);
}

// Row 3: 400 MB of headers were all taken in (RSS 31 MB -> 1.13 GB).
TEST_F(HostileClientsTest, HugeHeadersAreRefusedEarly) {
  start();
  long before = resident_bytes();
  RawClient flood(port(), kAttacker);
  flood.send("GET /api/v1/search?q=nova HTTP/1.1\r\nHost: x\r\n");
  std::string line = "X-Filler: " + std::string(1000, 'f') + "\r\n";
  std::string chunk;
  for (int k = 0; k < 1024; ++k) chunk += line;  // 1 MB
  std::size_t sent = 0;
  for (int k = 0; k < 256 && flood.send(chunk); ++k) sent += chunk.size();  // at most 256 MB
  std::string answer = flood.receive(milliseconds(2000));
  EXPECT_EQ(answer.rfind("HTTP/1.1 431 ", 0), 0u) << answer.substr(0, 200);
  EXPECT_LT(sent, std::size_t{64} << 20) << "the server kept reading headers";
  EXPECT_LT(resident_bytes() - before, 32L << 20);
  auto [status, seconds] = normal_search();
  EXPECT_EQ(status, 200);
}

TEST_F(HostileClientsTest, TooManyHeaderLinesOrABodyAreRefused) {
  start();
  std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int k = 0; k < 101; ++k) many += "X-" + std::to_string(k) + ": 1\r\n";
  RawClient c1(port());
  c1.send(many + "\r\n");
  EXPECT_EQ(c1.receive().rfind("HTTP/1.1 431 ", 0), 0u);
  RawClient c2(port());
  c2.send("GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
  EXPECT_EQ(c2.receive().rfind("HTTP/1.1 411 ", 0), 0u);
  RawClient c3(port());
  c3.send("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
  EXPECT_EQ(c3.receive().rfind("HTTP/1.1 413 ", 0), 0u);
}

// Row 11: of pipelined requests only the first was answered.
TEST_F(HostileClientsTest, PipelinedRequestsAreAllAnswered) {
  start();
  RawClient c(port());
  c.send(
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/search?q=nova HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/suggest?field=person&prefix=a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string answers = c.receive();
  std::size_t count = 0;
  for (std::size_t at = answers.find("HTTP/1.1 200 OK"); at != std::string::npos;
       at = answers.find("HTTP/1.1 200 OK", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 3u) << answers.substr(0, 400);
  EXPECT_NE(answers.find("\"values\""), std::string::npos);
}

}  // namespace
}  // namespace eavesearch
