// `eavesearch serve`: the HTTP API of DESIGN.md 5 and the search page.
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "eavesearch/permalink.h"
#include "eavesearch/result.h"

namespace eavesearch {

struct ServerConfig {
  std::string db_dir;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see on_listening)
  std::string log_base_url{kDefaultLogBaseUrl};
  std::string web_dir;  // static files of the page (server/web)
  // Searches run at once; a request waits for one of them within its time
  // budget.
  int threads = 8;
  // A request's searching stops being waited for after this long: 503.
  int time_budget_ms = 2000;
  // Connections served at once (each holds a thread from accept to close:
  // server/guarded_server.h), and at once from one address (0: no limit,
  // for a server behind a proxy, which limits per address itself).
  int max_connections = 64;
  int max_connections_per_client = 16;
  // A client sends its whole request within this, or gets a 408.
  int request_deadline_ms = 10000;
  // Every connection is shut after this long, answered or not.
  int connection_lifetime_ms = 60000;
  // Searchers (open databases) unused this long are closed, and with them
  // the files of generations replaced since.
  int searcher_idle_ms = 30000;
  // Answers kept for repeated requests while the index is unchanged
  // (server/result_cache.h); 0 keeps none.
  int cache_mb = 64;
  // Facet values held in memory (SearchResources); 0: none.
  int facet_memory_mb = 1024;
};

// Serves until `stop` becomes true (checked a few times a second) or the
// listener fails. `on_listening` is called once with the bound port. kIo if
// the address cannot be bound. Searches open the database lazily, so a
// missing database answers 503 until one appears.
Status run_server(const ServerConfig& config, const std::atomic<bool>& stop,
                  const std::function<void(int port)>& on_listening);

}  // namespace eavesearch
