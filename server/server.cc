#include "eavesearch/server.h"

#include <chrono>
#include <thread>

#include "server/guarded_server.h"
#include "server/routes.h"

namespace eavesearch {
namespace {

// Costly searches (wildcards covering many lines) run one at a time: the
// other core stays free for everyone else's.
constexpr int kCostlyAtOnce = 1;

ConnectionLimits connection_limits(const ServerConfig& config) {
  ConnectionLimits limits;
  limits.max_connections = config.max_connections;
  limits.per_client = config.max_connections_per_client;
  limits.request.deadline = std::chrono::milliseconds(config.request_deadline_ms);
  limits.lifetime = std::chrono::milliseconds(config.connection_lifetime_ms);
  return limits;
}

}  // namespace

Status run_server(const ServerConfig& config, const std::atomic<bool>& stop,
                  const std::function<void(int port)>& on_listening) {
  GuardedServer server(connection_limits(config));
  auto resources = std::make_shared<SearchResources>(
      static_cast<std::size_t>(config.facet_memory_mb) << 20, kCostlyAtOnce);
  SearcherPool pool(config.db_dir, resources, std::chrono::milliseconds(config.time_budget_ms),
                    config.threads, std::chrono::milliseconds(config.searcher_idle_ms));
  Metrics metrics;
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  // Headers and body go out in two writes: without this, Nagle's algorithm
  // holds the body for the client's delayed ACK.
  server.set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a
  // second server on the same port starts and takes half the requests.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  register_routes(server, pool, config, metrics);
  if (!config.web_dir.empty() && !server.set_mount_point("/", config.web_dir)) {
    return Error{ErrorCode::kIo, "cannot serve the page from " + config.web_dir};
  }
  int port = config.port;
  if (port == 0) {
    port = server.bind_to_any_port(config.host);
  } else if (!server.bind_to_port(config.host, port)) {
    port = -1;
  }
  if (port < 0) {
    return Error{ErrorCode::kIo,
                 "cannot listen on " + config.host + ":" + std::to_string(config.port)};
  }
  std::atomic<bool> listen_returned = false;
  std::thread listener([&] {
    server.listen_after_bind();
    listen_returned = true;
  });
  while (!server.is_running() && !listen_returned) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (server.is_running()) on_listening(port);
  while (!stop.load() && server.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  server.stop();
  server.shut_connections();  // whatever the clients do, their threads end now
  listener.join();
  return Ok{};
}

}  // namespace eavesearch
