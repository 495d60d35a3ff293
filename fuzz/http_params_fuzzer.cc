// The parameters of GET requests, without a server. The input is one or two
// request targets ("/api/v1/search?q=...&filter=...") on lines of their own,
// each read as cpp-httplib reads one (the path URL-decoded, the query string
// into params), then through what the handlers do before they call a
// Searcher: search_request() and the plan of its search, the integer
// parameters, the normalised path segments of the other routes, and the
// cache's canonical_request(). Checked: the decision filter of /decisions
// restricts the whole query whatever q says, and two requests share a cache
// key only when they are the same request.
#include <httplib.h>

#include <algorithm>
#include <tuple>

#include "eavesearch/archive_names.h"
#include "eavesearch/person.h"
#include "eavesearch/time_util.h"
#include "fuzz/contracts.h"
#include "fuzz/fuzz_input.h"
#include "query/search_plan.h"
#include "server/http_util.h"

namespace {

using namespace eavesearch;

constexpr std::int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z

httplib::Request request_of(std::string_view target) {
  httplib::Request req;
  req.method = "GET";
  req.target = std::string(target);
  std::size_t question = req.target.find('?');
  req.path = httplib::detail::decode_url(req.target.substr(0, question), false);
  if (question != std::string::npos) {
    httplib::detail::parse_query_text(req.target.substr(question + 1), req.params);
  }
  return req;
}

// The path's segments after `prefix` ("/api/v1/meetings/"), as the route
// table's patterns capture them.
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

// Plans `request` over three layouts, and as /decisions does, with its
// filter added: that filter must be a term of the AND matched.
void plan(SearchRequest request) {
  for (const IndexLayout& layout :
       {IndexLayout{3, 0, true}, IndexLayout{1, 0, false}, IndexLayout{0, 2, false}}) {
    if (auto p = plan_search(request, layout, kNow)) describe(*p);
  }
  const Filter decision{"is", {"decision"}};
  request.filters.push_back(decision);
  auto p = plan_search(request, IndexLayout{3, 0, true}, kNow);
  if (!p) return;
  const std::string wanted = to_string(*filter_node(decision, kNow));
  const QueryNode& root = p->root;
  bool restricts = to_string(root) == wanted ||
                   (root.type == QueryNode::Type::kAnd &&
                    std::any_of(root.children.begin(), root.children.end(),
                                [&](const QueryNode& c) { return to_string(c) == wanted; }));
  fuzz::expect(restricts, "the decision filter restricts the whole query");
}

void parse_route_segments(const httplib::Request& req) {
  for (const char* name : {"context", "page", "per_page"}) {
    static_cast<void>(int_param(req, name, 1));
  }
  static_cast<void>(include_param(req));
  for (std::string_view route : {"/api/v1/meetings/", "/api/v1/channels/", "/api/v1/people/"}) {
    std::vector<std::string> s = segments_after(req.path, route);
    if (s.empty()) continue;
    normalise_meeting_name(s[0]);
    normalise_channel(s[0]);
    normalise_person(s[0]);
    if (s.size() == 2) parse_iso_day(s[1]);
  }
}

// Filters as a set: each one's values in order, then all in order.
std::vector<Filter> filter_set(std::vector<Filter> filters) {
  for (Filter& f : filters) std::sort(f.values.begin(), f.values.end());
  std::sort(filters.begin(), filters.end(), [](const Filter& a, const Filter& b) {
    return std::tie(a.field, a.exclude, a.values) < std::tie(b.field, b.exclude, b.values);
  });
  return filters;
}

bool same_request(const httplib::Request& a, const httplib::Request& b) {
  if (a.path != b.path) return false;
  auto x = search_request(a), y = search_request(b);
  bool searches = a.path == "/api/v1/search" || a.path == "/api/v1/decisions";
  if (searches && x && y) {
    return x->q == y->q && x->page == y->page && x->per_page == y->per_page && x->sort == y->sort &&
           x->context == y->context && x->facets == y->facets && x->collapse == y->collapse &&
           x->explain == y->explain && x->include_bots == y->include_bots &&
           x->include_events == y->include_events &&
           filter_set(x->filters) == filter_set(y->filters);
  }
  std::vector<std::pair<std::string, std::string>> p(a.params.begin(), a.params.end());
  std::vector<std::pair<std::string, std::string>> q(b.params.begin(), b.params.end());
  std::sort(p.begin(), p.end());
  std::sort(q.begin(), q.end());
  return p == q;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = fuzz::as_text(data, size);
  std::size_t nl = input.find('\n');
  httplib::Request req = request_of(input.substr(0, nl));
  if (auto sr = search_request(req)) {
    sr->now = kNow;
    plan(*sr);
  }
  parse_route_segments(req);
  std::string key = canonical_request(req);
  if (nl != std::string_view::npos) {
    httplib::Request other = request_of(input.substr(nl + 1));
    fuzz::expect(key != canonical_request(other) || same_request(req, other),
                 "two requests share a cache key only when they are the same request");
  }
  return 0;
}
