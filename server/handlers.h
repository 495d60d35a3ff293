// Private to server/: one handler per endpoint of DESIGN.md 5. Handlers only
// parse the request, call the Searcher and serialise; routes.cc maps paths
// to them.
#pragma once

#include <httplib.h>

#include "eavesearch/server.h"
#include "server/metrics.h"
#include "server/searcher_pool.h"

namespace eavesearch {

struct Api {
  SearcherPool& pool;
  const ServerConfig& config;
  Metrics& metrics;
};

void handle_search(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_decisions(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_record(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_actions(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_meetings(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_meeting(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_latest_meeting(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_channel_day(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_person(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_suggest(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_healthz(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_metrics(const Api& api, const httplib::Request& req, httplib::Response& res);

}  // namespace eavesearch
