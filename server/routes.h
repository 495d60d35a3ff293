// Private to server/: the one route table.
#pragma once

#include <httplib.h>

#include "eavesearch/server.h"
#include "server/metrics.h"
#include "server/searcher_pool.h"

namespace eavesearch {

// Registers every route of DESIGN.md 5 on `server`. Handlers only parse,
// call and serialise; `pool`, `config` and `metrics` must outlive the server.
void register_routes(httplib::Server& server, SearcherPool& pool, const ServerConfig& config,
                     Metrics& metrics);

}  // namespace eavesearch
