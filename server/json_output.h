// The JSON shapes of the API (server/openapi.yaml). For server/ and cli/.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "eavesearch/decisions.h"
#include "eavesearch/record.h"
#include "eavesearch/result.h"
#include "eavesearch/searcher.h"

namespace eavesearch {

nlohmann::json record_json(const Record& record, std::string_view log_base_url);
nlohmann::json search_response_json(const SearchResponse& response, std::string_view log_base_url);
nlohmann::json error_json(const Error& error);

// A page of /api/v1/decisions: whole meetings with their decisions.
nlohmann::json decisions_json(const DecisionsPage& page, int page_number, int per_page,
                              std::string_view log_base_url);

// A meeting with its minutes (items with links to their lines, people present).
nlohmann::json meeting_json(const Meeting& meeting, std::string_view log_base_url);

// Another meeting of a series (MeetingLink of openapi.yaml): its id, start,
// log and the API path that opens it; null for none.
nlohmann::json meeting_link_json(const std::optional<Meeting>& meeting,
                                 std::string_view log_base_url);

// `j` as text; invalid UTF-8 in any string becomes U+FFFD instead of throwing.
std::string dump_json(const nlohmann::json& j, int indent = -1);

// HTTP status for an error (DESIGN.md 5).
int http_status_for(ErrorCode code);

}  // namespace eavesearch
