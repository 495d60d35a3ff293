#include "server/feed_handlers.h"

#include <ctime>

#include "eavesearch/permalink.h"
#include "eavesearch/person.h"
#include "eavesearch/searcher.h"
#include "eavesearch/time_util.h"
#include "server/atom_feed.h"
#include "server/conditional_get.h"
#include "server/http_util.h"

namespace eavesearch {
namespace {

enum class FeedKind { kSearch, kDecisions, kActions };

constexpr std::size_t kTitleBytes = 100;

// `s` cut to about `bytes` on a UTF-8 boundary, with an ellipsis when cut.
std::string shortened(const std::string& s, std::size_t bytes) {
  if (s.size() <= bytes) return s;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + "…";
}

std::string joined(const std::vector<std::string>& values, const char* separator) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : separator) + v;
  return out;
}

// A consensus found in the conversation: who agreed, or how many lines did.
std::string supported_by(const Record& r) {
  if (r.supporters.empty())
    return std::to_string(r.evidence.size()) + " agreeing, found in the log";
  return "+1 " + joined(r.supporters, ", ") + ", found in the log";
}

AtomEntry entry_of(const Record& r, FeedKind kind, std::string_view base) {
  AtomEntry e;
  e.link = permalink(r, base);
  e.id = e.link.empty() ? "urn:eavesearch:record:" + escaped(r.id) : e.link;
  std::string who = r.speaker ? *r.speaker : "unknown";
  std::string where = r.meeting.empty() ? r.channel : r.meeting;
  if (kind == FeedKind::kSearch) {
    e.title = who + (where.empty() ? "" : " in " + where) + ": " + shortened(r.text, kTitleBytes);
  } else {
    std::string item = r.item.empty() ? r.kind : r.item;
    std::string owners = r.owners.empty() ? "" : " (" + joined(r.owners, ", ") + ")";
    if (r.item == "consensus") owners = " (" + supported_by(r) + ")";
    e.title = item + owners + (where.empty() ? "" : " in " + where) + ": " +
              shortened(r.text, kTitleBytes);
  }
  e.author = who;
  e.category = r.item.empty() ? r.kind : r.item;
  e.content = r.text + "\n\n" + who + (where.empty() ? "" : " in " + where) +
              (r.channel.empty() || r.channel == where ? "" : " (" + r.channel + ")") +
              (r.topic.empty() ? "" : ", topic: " + r.topic);
  e.updated = r.time;
  return e;
}

// The page's own view of the same query: /?q=...&filter=...
std::string page_of(const httplib::Request& req, FeedKind kind) {
  std::string out = kind == FeedKind::kDecisions ? "/?view=decisions" : "/?";
  auto add = [&out](const std::string& name, const std::string& value) {
    if (value.empty()) return;
    if (out.back() != '?') out += "&";
    out += name + "=" + escaped(value);
  };
  if (kind == FeedKind::kActions) {
    std::string q = "is:action";
    if (req.has_param("owner")) q += " owner:" + req.get_param_value("owner");
    if (req.has_param("q")) q += " " + req.get_param_value("q");
    add("q", q);
    return out;
  }
  add("q", req.get_param_value("q"));
  for (std::size_t i = 0; i < req.get_param_value_count("filter"); ++i)
    add("filter", req.get_param_value("filter", i));
  add("include", req.get_param_value("include"));
  return out;
}

std::string feed_title(const httplib::Request& req, FeedKind kind) {
  std::string q = req.get_param_value("q");
  switch (kind) {
    case FeedKind::kSearch:
      return q.empty() ? "eavesearch: the newest lines" : "eavesearch: " + q;
    case FeedKind::kDecisions:
      return q.empty() ? "eavesearch: the newest decisions" : "eavesearch decisions: " + q;
    case FeedKind::kActions: {
      std::string t = "eavesearch: action items";
      if (req.has_param("owner")) t += " of " + req.get_param_value("owner");
      if (req.has_param("status")) t += " (" + req.get_param_value("status") + ")";
      if (!q.empty()) t += ": " + q;
      return t;
    }
  }
  return "eavesearch";
}

// The search a feed runs: the request's q, filters and include=, its 50
// newest lines; for decisions and actions with their item filter added
// apart from q (as /decisions does), owner= and status= as filters.
Result<SearchRequest> feed_request(const httplib::Request& req, FeedKind kind, int budget_ms) {
  SearchRequest sr;
  sr.q = req.get_param_value("q");
  auto shown = include_param(req);
  if (!shown) return shown.error();
  sr.include_bots = shown->bots;
  sr.include_events = shown->events;
  if (kind == FeedKind::kActions) {
    sr.filters.push_back({"is", {"action"}});
    if (req.has_param("owner")) {
      std::string owner = normalise_person(req.get_param_value("owner"));
      if (owner.find_first_not_of(" \t") == std::string::npos)
        return Error{ErrorCode::kUsage, "owner must name a person"};
      sr.filters.push_back({"owner", {owner}});
    }
    if (req.has_param("status")) {
      std::string status = req.get_param_value("status");
      if (status != "open" && status != "carried" && status != "done")
        return Error{ErrorCode::kUsage, "status must be open, carried or done"};
      // The action ledger's statuses (issue 17, item 4): the query parser
      // says whether it knows them yet; nothing here pretends it does.
      sr.filters.push_back({"is", {status}});
    }
  } else {
    auto full = search_request(req);
    if (!full) return full.error();
    sr.filters = std::move(full->filters);
    if (kind == FeedKind::kDecisions) sr.filters.push_back({"is", {"decision"}});
  }
  sr.sort = SortOrder::kNewest;
  sr.page = 1;
  sr.per_page = kFeedEntries;
  sr.time_budget_ms = budget_ms;
  return sr;
}

void handle_feed(const Api& api, const httplib::Request& req, httplib::Response& res,
                 FeedKind kind) {
  auto sr = feed_request(req, kind, api.config.time_budget_ms);
  if (!sr) return send_error(res, sr.error());
  std::optional<Validators> validators;
  auto version = Searcher::index_version(api.config.db_dir);
  auto modified = Searcher::index_modified(api.config.db_dir);
  if (version && modified) {
    validators = validators_for(*version, *modified, canonical_request(req),
                                std::time(nullptr) / kSecondsPerDay);
    if (not_modified(req, *validators)) {
      res.status = 304;
      set_validators(res, *validators);
      return;
    }
  }
  auto resp = api.pool.run([sr = *sr](Searcher& s) { return s.search(sr); });
  if (!resp) return send_error(res, resp.error());
  AtomFeed feed;
  feed.id = "urn:eavesearch:feed:" + canonical_request(req);
  feed.title = feed_title(req, kind);
  feed.self = req.target;
  feed.alternate = page_of(req, kind);
  for (const Hit& h : resp->hits)
    feed.entries.push_back(entry_of(h.record, kind, api.config.log_base_url));
  feed.updated = validators             ? validators->last_modified
                 : feed.entries.empty() ? 0
                                        : feed.entries.front().updated;
  res.status = 200;
  res.set_content(atom_xml(feed), kAtom);
  if (validators) set_validators(res, *validators);
}

}  // namespace

void handle_search_feed(const Api& api, const httplib::Request& req, httplib::Response& res) {
  handle_feed(api, req, res, FeedKind::kSearch);
}

void handle_decisions_feed(const Api& api, const httplib::Request& req, httplib::Response& res) {
  handle_feed(api, req, res, FeedKind::kDecisions);
}

void handle_actions_feed(const Api& api, const httplib::Request& req, httplib::Response& res) {
  handle_feed(api, req, res, FeedKind::kActions);
}

}  // namespace eavesearch
