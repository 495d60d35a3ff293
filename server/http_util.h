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

// q, filter (repeated), page, per_page, sort, context, facets, collapse,
// explain and include of /search (and /decisions). Filters of one field and sign join
// (either value).
Result<SearchRequest> search_request(const httplib::Request& req);

// `include=bots,events`: the hidden lines (bots.h) a request asks for; kUsage
// for another name.
Result<Shown> include_param(const httplib::Request& req);

// Bytes other than letters, digits and -._~ as %XX: a query parameter's
// value or a path segment.
std::string escaped(std::string_view s);

// The request as the cache of answers knows it: the path and every
// parameter, escaped, so that no value can pass for another parameter; for
// /search and /decisions the structured request itself (its filters in any
// order are the same request).
std::string canonical_request(const httplib::Request& req);

}  // namespace eavesearch
