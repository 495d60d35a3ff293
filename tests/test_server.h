// Test helper: `eavesearch serve` (run_server) on 127.0.0.1, any free port,
// in a thread of the test; stopped when destroyed.
#pragma once

#include <atomic>
#include <future>
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

}  // namespace eavesearch::testing
