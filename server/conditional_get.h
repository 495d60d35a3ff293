// Private to server/: validators of an answer that changes only with the
// index (RFC 9110 8.8, 13.1), and the conditional GET that they answer 304.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eavesearch {

struct Validators {
  std::string etag;            // a strong entity tag, quoted: "\"9f1c...\""
  std::int64_t last_modified;  // seconds since the epoch
};

// The validators of the answer to `request_key` (canonical_request) over the
// index whose version (Searcher::index_version) and modification time
// (Searcher::index_modified) are given, on `day` (relative dates in the
// query change with it). The same arguments, the same ETag, across
// processes: a 64-bit FNV-1a of them, not std::hash.
Validators validators_for(std::string_view index_version, std::int64_t index_modified,
                          std::string_view request_key, std::int64_t day);

// Whether the request's conditions say its copy is current: If-None-Match
// names the ETag (or is "*"); else, without If-None-Match, If-Modified-Since
// is a valid HTTP date not before Last-Modified.
bool not_modified(const httplib::Request& req, const Validators& v);

// Sets ETag and Last-Modified on the answer.
void set_validators(httplib::Response& res, const Validators& v);

// IMF-fixdate ("Thu, 14 May 2020 15:07:53 GMT") and back; nullopt for
// anything else (the obsolete RFC 850 and asctime forms included).
std::string http_date(std::int64_t epoch);
std::optional<std::int64_t> parse_http_date(std::string_view s);

}  // namespace eavesearch
