// Private to server/: cpp-httplib's Server with the bounds 0.11.4 lacks
// against hostile clients (see docs/ARCHITECTURE.md, "Connections").
//
// Each connection holds a thread from accept to close, so what one client
// can hold is bounded here, before cpp-httplib reads a byte:
// - at most `per_client` connections at once from one address (429);
// - a whole request (head and body, at most RequestLimits::max_bytes and
//   max_header_lines) within RequestLimits::deadline, else 408/413/431/411;
// - a kept-alive connection waits at most 5 s for its next request, and
//   pipelined requests are answered in turn (ConnectionStream);
// - every connection is shut after `lifetime`, answered or not (a client
//   that reads its answer a byte at a time);
// - shut_connections() shuts them all at once, so that a stop is prompt.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "server/request_arrival.h"

namespace eavesearch {

struct ConnectionLimits {
  int max_connections = 64;  // connections served at once (one thread each)
  int per_client = 16;       // at once from one address; 0: no limit (behind a proxy)
  RequestLimits request;
  std::chrono::milliseconds lifetime{60000};
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits);
  ~GuardedServer() override;

  // Shuts every open connection and refuses (503) those still queued: the
  // threads serving them return at once. For a stop.
  void shut_connections();

 private:
  bool process_and_close_socket(socket_t sock) override;
  bool serve_requests(int sock);
  bool admit(int sock, const std::string& client);
  void release(int sock, const std::string& client);
  void watch();

  struct Open {
    std::chrono::steady_clock::time_point until;
    bool shut = false;
  };

  ConnectionLimits limits_;
  std::atomic<bool> stopping_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool quit_ = false;
  std::map<int, Open> open_;  // by socket, which stays ours until release
  std::map<std::string, int> per_client_;
  std::thread watchdog_;
};

}  // namespace eavesearch
