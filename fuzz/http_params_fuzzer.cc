// The parameters of a GET request, without a server: the input is a request
// target ("/api/v1/search?q=...&filter=..."), read as cpp-httplib reads it
// (the path URL-decoded, the query string into params), then through what
// the handlers do before they call a Searcher: search_request() and the
// plan of its search, the cache's canonical_request(), the integer
// parameters and the normalised path segments of the other routes.
#include <httplib.h>

#include "eavesearch/archive_names.h"
#include "eavesearch/person.h"
#include "eavesearch/time_util.h"
#include "fuzz/fuzz_input.h"
#include "query/search_plan.h"
#include "server/http_util.h"

namespace {

using namespace eavesearch;

constexpr std::int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z

httplib::Request request_of(const std::string& target) {
  httplib::Request req;
  req.method = "GET";
  req.target = target;
  std::size_t question = target.find('?');
  req.path = httplib::detail::decode_url(target.substr(0, question), false);
  if (question != std::string::npos) {
    httplib::detail::parse_query_text(target.substr(question + 1), req.params);
  }
  return req;
}

// The path's segments after "/api/v1/<route>/", as the route table's
// patterns capture them.
std::vector<std::string> segments_after(const std::string& path, std::string_view prefix) {
  std::vector<std::string> out;
  if (!path.starts_with(prefix)) return out;
  for (std::size_t at = prefix.size(); at <= path.size();) {
    std::size_t slash = path.find('/', at);
    out.push_back(path.substr(at, slash == std::string::npos ? slash : slash - at));
    if (slash == std::string::npos) break;
    at = slash + 1;
  }
  return out;
}

void plan(const SearchRequest& request) {
  for (const IndexLayout& layout :
       {IndexLayout{3, 0, true}, IndexLayout{1, 0, false}, IndexLayout{0, 2, false}}) {
    if (auto p = plan_search(request, layout, kNow)) describe(*p);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  httplib::Request req = request_of(std::string(fuzz::as_text(data, size)));
  canonical_request(req);
  if (auto sr = search_request(req)) {
    sr->now = kNow;
    plan(*sr);
  }
  for (const char* name : {"context", "page", "per_page"})
    static_cast<void>(int_param(req, name, 1));
  for (std::string_view route : {"/api/v1/meetings/", "/api/v1/channels/", "/api/v1/people/"}) {
    std::vector<std::string> s = segments_after(req.path, route);
    if (s.empty()) continue;
    std::string name = normalise_meeting_name(s[0]);
    normalise_channel(s[0]);
    normalise_person(s[0]);
    if (s.size() == 2) {
      meeting_log_id(name, s[1]);
      parse_iso_day(s[1]);
    }
  }
  return 0;
}
