// Test helper: `eavesearch serve` (run_server) on 127.0.0.1, any free port,
// in a thread of the test; stopped when destroyed. And get_json, to ask it.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <future>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "eavesearch/server.h"

namespace eavesearch::testing {

class TestServer {
 public:
  explicit TestServer(ServerConfig config) {
    config.host = "127.0.0.1";
    config.port = 0;
    std::promise<int> bound;
    thread_ = std::thread([this, config, &bound] {
      auto status = run_server(config, stop_, [&](int port) { bound.set_value(port); });
      if (!status) bound.set_value(-1);
    });
    port_ = bound.get_future().get();
  }
  explicit TestServer(const std::string& db_dir) : TestServer(config_for(db_dir)) {}
  ~TestServer() {
    stop_ = true;
    thread_.join();
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }  // -1 when the server could not start

 private:
  static ServerConfig config_for(const std::string& db_dir) {
    ServerConfig c;
    c.db_dir = db_dir;
    return c;
  }
  std::atomic<bool> stop_ = false;
  std::thread thread_;
  int port_ = -1;
};

// GET `path` from the server on 127.0.0.1:`port` and parse its JSON,
// expecting `status`; null (and a failure) when there is no answer.
inline nlohmann::json get_json(int port, const std::string& path, int status = 200) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10, 0);
  auto res = client.Get(path);
  EXPECT_TRUE(res) << path;
  if (!res) return nullptr;
  EXPECT_EQ(res->status, status) << path << " " << res->body;
  return nlohmann::json::parse(res->body, nullptr, false);
}

}  // namespace eavesearch::testing
