// The JSON shapes of the API (server/openapi.yaml). For server/ and cli/.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "eavesearch/record.h"
#include "eavesearch/result.h"
#include "eavesearch/searcher.h"

namespace eavesearch {

nlohmann::json record_json(const Record& record, std::string_view log_base_url);
nlohmann::json search_response_json(const SearchResponse& response, std::string_view log_base_url);
nlohmann::json error_json(const Error& error);

// HTTP status for an error (DESIGN.md 5).
int http_status_for(ErrorCode code);

}  // namespace eavesearch
