#include "cli/serve_options.h"

#include "cli/commands.h"

#ifndef EAVESEARCH_WEB_DIR
#define EAVESEARCH_WEB_DIR ""
#endif

namespace eavesearch {

void add_serve_options(CLI::App& cmd, ServerConfig& config) {
  config.web_dir = EAVESEARCH_WEB_DIR;
  cmd.add_option("--db", config.db_dir, "database directory")->required();
  cmd.add_option("--host", config.host, "address to bind")->capture_default_str();
  cmd.add_option("--port", config.port, "port (0: any free port)")
      ->check(whole_number_in(0, 65535))
      ->capture_default_str();
  cmd.add_option("--log-base-url", config.log_base_url, "base of links to the original logs")
      ->capture_default_str();
  cmd.add_option("--web-dir", config.web_dir, "folder of the search page's files")
      ->capture_default_str();
  cmd.add_option("--threads", config.threads, "searches run at once")
      ->check(whole_number_in(1, 256))
      ->capture_default_str();
  cmd.add_option("--max-connections", config.max_connections,
                 "connections served at once (one thread each)")
      ->check(whole_number_in(1, 4096))
      ->capture_default_str();
  cmd.add_option("--max-connections-per-client", config.max_connections_per_client,
                 "connections at once from one address (0: no limit, behind a proxy that limits)")
      ->check(whole_number_in(0, 4096))
      ->capture_default_str();
  cmd.add_option("--time-budget-ms", config.time_budget_ms,
                 "answer 503 to a request still searching after this long")
      ->check(whole_number_in(0, 600000))
      ->capture_default_str();
  cmd.add_option("--cache-mb", config.cache_mb,
                 "answers kept for repeated requests while the index is unchanged (0: none)")
      ->check(whole_number_in(0, 65536))
      ->capture_default_str();
  cmd.add_option("--facet-memory-mb", config.facet_memory_mb,
                 "facet values held in memory for fast facet counts (0: none; counted from the "
                 "index instead)")
      ->check(whole_number_in(0, 1048576))
      ->capture_default_str();
}

}  // namespace eavesearch
