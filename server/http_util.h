// Private to server/: request parameters and JSON responses, shared by the handlers.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "eavesearch/result.h"
#include "eavesearch/searcher.h"

namespace eavesearch {

inline constexpr const char* kJson = "application/json; charset=utf-8";

// Sends `body` with `status`. Log text and request paths may hold invalid
// UTF-8: it is dumped as U+FFFD, never thrown.
void send_json(httplib::Response& res, int status, const nlohmann::json& body);

// Sends the error shape of DESIGN.md 5 with the error's status.
void send_error(httplib::Response& res, const Error& e);

// The integer parameter `name`, `fallback` when absent; kUsage when not an integer.
Result<int> int_param(const httplib::Request& req, const char* name, int fallback);

// q, page, per_page, sort, context, facets and collapse of /search (and /decisions).
Result<SearchRequest> search_request(const httplib::Request& req);

}  // namespace eavesearch
