#include "eavesearch/decisions.h"

#include <algorithm>
#include <map>
#include <set>

namespace eavesearch {
namespace {

std::string log_of(const Record& r) { return r.id.substr(0, r.id.rfind('#')); }

}  // namespace

Result<DecisionsPage> decisions_page(Searcher& searcher, SearchRequest request) {
  if (request.sort == SortOrder::kAuto) request.sort = SortOrder::kNewest;
  if (request.sort != SortOrder::kNewest && request.sort != SortOrder::kOldest) {
    return Error{ErrorCode::kUsage, "decisions are sorted newest or oldest"};
  }
  request.filters.push_back({"is", {"decision"}});
  request.context = 0;
  request.collapse = false;
  const int page = request.page;
  auto at = [&](int n) {
    SearchRequest r = request;
    r.page = n;
    r.facets.clear();
    return searcher.search(r);
  };
  std::set<std::string> before;  // meetings that began on the page before
  if (page > 1) {
    auto previous = at(page - 1);
    if (!previous) return previous.error();
    for (const Hit& h : previous->hits) before.insert(log_of(h.record));
  }
  auto first = searcher.search(request);
  if (!first) return first.error();
  DecisionsPage out;
  std::map<std::string, std::size_t> index;  // log -> its place in out.meetings
  auto take = [&](std::vector<Hit>& hits, bool may_begin) {
    for (Hit& h : hits) {
      std::string log = log_of(h.record);
      auto found = index.find(log);
      if (found == index.end()) {
        if (!may_begin || before.count(log)) continue;
        found = index.emplace(log, out.meetings.size()).first;
        out.meetings.push_back({log, std::nullopt, {}});
      }
      out.meetings[found->second].decisions.push_back(std::move(h.record));
    }
  };
  bool more = !first->hits.empty() && !before.count(log_of(first->hits.back().record)) &&
              static_cast<long>(page) * request.per_page < first->total;
  take(first->hits, true);
  // The last meeting may go on over the next pages.
  for (int next = page + 1; more && next * request.per_page <= kMaxResultWindow; ++next) {
    auto following = at(next);
    if (!following) return following.error();
    more = !following->hits.empty() && index.count(log_of(following->hits.back().record)) &&
           static_cast<long>(next) * request.per_page < following->total;
    take(following->hits, false);
  }
  for (DecisionMeeting& m : out.meetings) {
    std::stable_sort(m.decisions.begin(), m.decisions.end(),
                     [](const Record& a, const Record& b) { return a.line < b.line; });
    auto meeting = searcher.meeting(m.log, ListPage{1, 1});
    if (meeting) {
      m.meeting = std::move(meeting->meeting);
      m.meeting->items.clear();
      m.meeting->people.clear();
    } else if (meeting.error().code != ErrorCode::kNotFound) {
      return meeting.error();
    }
  }
  first->hits.clear();
  out.response = std::move(*first);
  return out;
}

}  // namespace eavesearch
