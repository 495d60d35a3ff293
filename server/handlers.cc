#include "server/handlers.h"

#include <ctime>

#include "eavesearch/archive_names.h"
#include "eavesearch/decisions.h"
#include "eavesearch/person.h"
#include "eavesearch/schema.h"
#include "eavesearch/searcher.h"
#include "eavesearch/time_util.h"
#include "server/http_util.h"
#include "server/json_output.h"

namespace eavesearch {
namespace {

using nlohmann::json;

constexpr std::size_t kSuggestions = 10;
constexpr int kPersonLines = 20;
// The person page's topics are counted over their newest lines, this many.
constexpr unsigned kPersonTopicLines = 5000;

template <typename T>
bool failed(httplib::Response& res, const Result<T>& r) {
  if (r) return false;
  send_error(res, r.error());
  return true;
}

json records_json(const std::vector<Record>& records, std::string_view base) {
  json out = json::array();
  for (const Record& r : records) out.push_back(record_json(r, base));
  return out;
}

json records_json(const std::vector<Hit>& hits, std::string_view base) {
  json out = json::array();
  for (const Hit& h : hits) out.push_back(record_json(h.record, base));
  return out;
}

json values_json(const std::vector<std::pair<std::string, long>>& values) {
  json out = json::array();
  for (const auto& [value, count] : values) out.push_back({{"value", value}, {"count", count}});
  return out;
}

}  // namespace

void handle_search(const Api& api, const httplib::Request& req, httplib::Response& res) {
  auto sr = search_request(req);
  if (failed(res, sr)) return;
  sr->time_budget_ms = api.config.time_budget_ms;
  auto resp = api.pool.run([sr = *sr](Searcher& s) { return s.search(sr); });
  if (failed(res, resp)) return;
  send_json(res, 200, search_response_json(*resp, api.config.log_base_url));
}

// Decision items (agreed, accepted, rejected, action, vote, consensus) matching q,
// grouped by whole meetings, newest (or oldest) first, each meeting's items
// in line order (eavesearch/decisions.h).
void handle_decisions(const Api& api, const httplib::Request& req, httplib::Response& res) {
  auto sr = search_request(req);
  if (failed(res, sr)) return;
  sr->time_budget_ms = api.config.time_budget_ms;
  auto page = api.pool.run([sr = *sr](Searcher& s) { return decisions_page(s, sr); });
  if (failed(res, page)) return;
  send_json(res, 200, decisions_json(*page, sr->page, sr->per_page, api.config.log_base_url));
}

void handle_record(const Api& api, const httplib::Request& req, httplib::Response& res) {
  auto context = int_param(req, "context", 0);
  if (failed(res, context)) return;
  std::string id = req.matches[1];
  auto hit = api.pool.run([id, context = *context](Searcher& s) { return s.record(id, context); });
  if (failed(res, hit)) return;
  json j = record_json(hit->record, api.config.log_base_url);
  j["context"] = {{"before", records_json(hit->before, api.config.log_base_url)},
                  {"after", records_json(hit->after, api.config.log_base_url)}};
  send_json(res, 200, j);
}

// The action ledger: action items (newest first unless sort= says), of an
// owner, a meeting, a status, a date range, each with its evidence lines.
void handle_actions(const Api& api, const httplib::Request& req, httplib::Response& res) {
  auto sr = search_request(req);
  if (failed(res, sr)) return;
  if (!req.has_param("sort")) sr->sort = SortOrder::kNewest;
  sr->time_budget_ms = api.config.time_budget_ms;
  sr->filters.push_back({"is", {"action"}});
  for (const char* name : {"owner", "meeting", "status", "date"}) {
    if (!req.has_param(name)) continue;
    std::string value = req.get_param_value(name);
    if (value.find_first_not_of(" \t") == std::string::npos) {
      return send_error(res, {ErrorCode::kUsage, std::string(name) + " needs a value"});
    }
    if (std::string_view(name) == "status" && !is_action_status(value)) {
      return send_error(res, {ErrorCode::kUsage, "status must be open, carried or done"});
    }
    sr->filters.push_back({std::string_view(name) == "status" ? "is" : name, {value}});
  }
  struct Answer {
    SearchResponse found;
    std::vector<std::vector<Record>> evidence;  // per hit
  };
  auto answer = api.pool.run([sr = *sr](Searcher& s) -> Result<Answer> {
    auto found = s.search(sr);
    if (!found) return found.error();
    Answer out{std::move(*found), {}};
    for (const Hit& h : out.found.hits) {
      std::vector<Record>& lines = out.evidence.emplace_back();
      for (const std::string& id : h.record.evidence) {
        if (auto line = s.record(id, 0)) lines.push_back(std::move(line->record));
      }
    }
    return out;
  });
  if (failed(res, answer)) return;
  const std::string& base = api.config.log_base_url;
  json j = search_response_json(answer->found, base);
  json actions = json::array();
  for (std::size_t k = 0; k < answer->found.hits.size(); ++k) {
    json a = record_json(answer->found.hits[k].record, base);
    a["evidence_lines"] = records_json(answer->evidence[k], base);
    actions.push_back(std::move(a));
  }
  send_json(res, 200,
            {{"query", j["query"]},
             {"total", j["total"]},
             {"took_ms", j["took_ms"]},
             {"page", sr->page},
             {"per_page", sr->per_page},
             {"actions", actions}});
}

namespace {

Result<ListPage> list_page(const httplib::Request& req) {
  auto page = int_param(req, "page", 1);
  if (!page) return page.error();
  auto per_page = int_param(req, "per_page", kMaxListPage);
  if (!per_page) return per_page.error();
  return ListPage{*page, *per_page};
}

void send_meeting(const Api& api, const MeetingLines& meeting, ListPage page,
                  httplib::Response& res) {
  json j = meeting_json(meeting.meeting, api.config.log_base_url);
  j["total"] = {{"value", meeting.total}, {"exact", true}};
  j["page"] = page.page;
  j["per_page"] = page.per_page;
  j["records"] = records_json(meeting.records, api.config.log_base_url);
  j["previous"] = meeting_link_json(meeting.previous, api.config.log_base_url);
  j["next"] = meeting_link_json(meeting.next, api.config.log_base_url);
  send_json(res, 200, j);
}

}  // namespace

void handle_meetings(const Api& api, const httplib::Request& req, httplib::Response& res) {
  std::string name = normalise_meeting_name(req.matches[1].str());
  auto page = list_page(req);
  if (failed(res, page)) return;
  auto series =
      api.pool.run([name, page = *page](Searcher& s) { return s.meetings_of(name, page); });
  if (failed(res, series)) return;
  if (series->total == 0)
    return send_error(res, {ErrorCode::kNotFound, "no meetings named " + name});
  json list = json::array();
  for (std::size_t i = 0; i < series->meetings.size(); ++i) {
    json m = meeting_json(series->meetings[i], api.config.log_base_url);
    m["decisions"] = series->counts[i].decisions;
    m["action_items"] = series->counts[i].action_items;
    m["open_actions"] = series->counts[i].open_actions;
    list.push_back(std::move(m));
  }
  send_json(res, 200,
            {{"meeting", name},
             {"count", series->total},
             {"page", page->page},
             {"per_page", page->per_page},
             {"meetings", list}});
}

// /meetings/{meeting}/{stem}: a meeting of a series by its log's stem,
// "tc/tc.2020-05-14-15.00", wherever its log lies (a mirror's "Nova-API"
// folder, a flattened log).
void handle_meeting(const Api& api, const httplib::Request& req, httplib::Response& res) {
  std::string series = req.matches[1];
  std::string stem = req.matches[2];
  auto page = list_page(req);
  if (failed(res, page)) return;
  auto meeting = api.pool.run([series, stem, page = *page](Searcher& s) {
    return s.meeting_of_series(series, stem, page);
  });
  if (failed(res, meeting)) return;
  send_meeting(api, *meeting, *page, res);
}

// /meetings/{meeting}/latest: the series' newest meeting, answered as
// /meetings/{meeting}/{stem} answers it (not a redirect: one request, and
// the answer says which meeting it is).
void handle_latest_meeting(const Api& api, const httplib::Request& req, httplib::Response& res) {
  std::string series = req.matches[1];
  auto page = list_page(req);
  if (failed(res, page)) return;
  auto meeting = api.pool.run(
      [series, page = *page](Searcher& s) { return s.latest_of_series(series, page); });
  if (failed(res, meeting)) return;
  send_meeting(api, *meeting, *page, res);
}

void handle_channel_day(const Api& api, const httplib::Request& req, httplib::Response& res) {
  std::string channel = normalise_channel(req.matches[1].str());
  std::string date = req.matches[2];
  if (!parse_iso_day(date)) {
    return send_error(res, {ErrorCode::kUsage, "the date must be YYYY-MM-DD"});
  }
  auto page = int_param(req, "page", 1);
  auto per_page = int_param(req, "per_page", kMaxPerPage);
  if (failed(res, page) || failed(res, per_page)) return;
  SearchRequest sr;
  sr.filters = {{"channel", {channel}}, {"on", {date}}};
  sr.include_bots = sr.include_events = true;  // a log shows every line of it
  sr.time_budget_ms = api.config.time_budget_ms;
  sr.sort = SortOrder::kOldest;
  sr.page = *page;
  sr.per_page = *per_page;
  auto resp = api.pool.run([sr](Searcher& s) { return s.search(sr); });
  if (failed(res, resp)) return;
  if (resp->total == 0) {
    return send_error(res, {ErrorCode::kNotFound, "no log of " + channel + " on " + date});
  }
  send_json(res, 200,
            {{"channel", channel},
             {"date", date},
             {"total", {{"value", resp->total}, {"exact", resp->total_exact}}},
             {"lines", records_json(resp->hits, api.config.log_base_url)}});
}

// Who said what: lines per year, meeting and channel, the topics they spoke
// under, their action items, their recent lines.
void handle_person(const Api& api, const httplib::Request& req, httplib::Response& res) {
  std::string person = normalise_person(req.matches[1].str());
  auto shown = include_param(req);
  if (failed(res, shown)) return;
  SearchRequest said;
  said.include_bots = shown->bots;
  said.include_events = shown->events;
  said.filters = {{"from", {person}}};
  said.time_budget_ms = api.config.time_budget_ms;
  said.per_page = kPersonLines;
  said.sort = SortOrder::kNewest;
  said.facets = {"year", "meeting", "channel"};
  // Their open action items first (the ledger's), then the others.
  SearchRequest actions;
  actions.filters = {{"owner", {person}}, {"is", {"open"}}};
  actions.time_budget_ms = api.config.time_budget_ms;
  actions.per_page = kPersonLines;
  actions.sort = SortOrder::kNewest;
  SearchRequest others = actions;
  others.filters.back().exclude = true;
  struct Answers {
    SearchResponse lines, items;
    TopicCounts topics;
  };
  auto answers = api.pool.run([said, actions, others, person](Searcher& s) -> Result<Answers> {
    auto lines = s.search(said);
    if (!lines) return lines.error();
    auto items = s.search(actions);
    if (!items) return items.error();
    auto done = s.search(others);
    if (!done) return done.error();
    for (Hit& h : done->hits) {
      if (items->hits.size() >= static_cast<std::size_t>(kPersonLines)) break;
      items->hits.push_back(std::move(h));
    }
    items->total += done->total;
    auto topics = s.topics_of(person, kPersonTopicLines);
    if (!topics) return topics.error();
    return Answers{std::move(*lines), std::move(*items), std::move(*topics)};
  });
  if (failed(res, answers)) return;
  const SearchResponse* lines = &answers->lines;
  const SearchResponse* items = &answers->items;
  json topics = json::array();
  for (const TopicCount& t : answers->topics.values) {
    topics.push_back({{"meeting", t.meeting.empty() ? json() : json(t.meeting)},
                      {"topic", t.topic},
                      {"count", t.lines}});
  }
  if (lines->total == 0 && items->total == 0) {
    return send_error(res, {ErrorCode::kNotFound, "no lines from or actions for " + person});
  }
  json j = {{"person", person},
            {"lines", {{"value", lines->total}, {"exact", lines->total_exact}}},
            {"recent", records_json(lines->hits, api.config.log_base_url)},
            {"action_items", records_json(items->hits, api.config.log_base_url)},
            {"action_items_total", items->total},
            {"facets_exact", lines->facets_exact},
            {"topics",
             {{"values", topics},
              {"lines_counted", answers->topics.lines_counted},
              {"exact", answers->topics.exact}}}};
  for (const Facet& f : lines->facets) j["per_" + f.field] = values_json(f.values);
  send_json(res, 200, j);
}

void handle_suggest(const Api& api, const httplib::Request& req, httplib::Response& res) {
  std::string field = req.get_param_value("field");
  std::string prefix = req.get_param_value("prefix");
  auto values =
      api.pool.run([field, prefix](Searcher& s) { return s.suggest(field, prefix, kSuggestions); });
  if (failed(res, values)) return;
  send_json(res, 200, {{"field", field}, {"prefix", prefix}, {"values", values_json(*values)}});
}

// Prometheus text: requests and latencies by route, and the index's size,
// documents and age (since its last commit).
void handle_metrics(const Api& api, const httplib::Request&, httplib::Response& res) {
  std::string out = api.metrics.render();
  auto stats = database_stats(api.config.db_dir);
  if (stats) {
    std::int64_t age = static_cast<std::int64_t>(std::time(nullptr)) - stats->last_commit;
    out +=
        "# HELP eavesearch_index_documents Documents in the index by type.\n"
        "# TYPE eavesearch_index_documents gauge\n"
        "eavesearch_index_documents{type=\"record\"} " +
        std::to_string(stats->records) + "\n" + "eavesearch_index_documents{type=\"meeting\"} " +
        std::to_string(stats->meetings) + "\n" +
        "# TYPE eavesearch_index_size_bytes gauge\neavesearch_index_size_bytes " +
        std::to_string(stats->bytes) + "\n" +
        "# TYPE eavesearch_index_age_seconds gauge\neavesearch_index_age_seconds " +
        std::to_string(age) + "\n";
  }
  res.status = 200;
  res.set_content(out, "text/plain; version=0.0.4; charset=utf-8");
}

void handle_healthz(const Api& api, const httplib::Request&, httplib::Response& res) {
  auto count = api.pool.run([](Searcher& s) { return s.record_count(); });
  if (failed(res, count)) return;
  send_json(res, 200, {{"status", "ok"}, {"records", *count}});
}

}  // namespace eavesearch
