#include "server/json_output.h"

#include <cctype>

#include "eavesearch/permalink.h"
#include "eavesearch/time_util.h"

namespace eavesearch {
namespace {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage:
      return "bad_request";
    case ErrorCode::kMethodNotAllowed:
      return "method_not_allowed";
    case ErrorCode::kLimitExceeded:
      return "limit_exceeded";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kLocked:
      return "locked";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kIo:
      return "io_error";
    case ErrorCode::kCorrupt:
      return "corrupt_database";
    case ErrorCode::kInternal:
      return "internal_error";
  }
  return "internal_error";
}

nlohmann::json or_null(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

// A path segment with every byte but RFC 3986's unreserved ones %XX.
std::string path_segment(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

nlohmann::json vote_json(const std::optional<VoteResult>& vote) {
  if (!vote) return nullptr;
  nlohmann::json results = nlohmann::json::array();
  for (const auto& [option, votes] : vote->results) {
    results.push_back({{"option", option}, {"votes", votes}});
  }
  return {{"question", vote->question}, {"options", vote->options}, {"results", results}};
}

}  // namespace

nlohmann::json record_json(const Record& r, std::string_view log_base_url) {
  return {
      {"id", r.id},
      {"meeting", or_null(r.meeting)},
      {"channel", or_null(r.channel)},
      {"time", format_iso(r.time)},
      {"speaker", r.speaker ? nlohmann::json(*r.speaker) : nlohmann::json()},
      {"person", or_null(r.person)},
      {"kind", r.kind},
      {"item", or_null(r.item)},
      {"owners", r.owners},
      {"status", or_null(r.status)},
      {"evidence", r.evidence},
      {"supporters", r.supporters},
      {"topic", r.topic},
      {"text", r.text},
      {"vote", vote_json(r.vote)},
      {"path", r.path},
      {"line", r.line},
      {"url", or_null(permalink(r, log_base_url))},
  };
}

namespace {

// The query as read, for a person: what was typed, how it was read, and
// what was not read as written.
nlohmann::json query_json(const SearchResponse& resp) {
  nlohmann::json query = {{"q", resp.q},
                          {"parsed", resp.parsed},
                          {"lenient", resp.lenient},
                          {"sort", sort_order_name(resp.sort)},
                          {"unknown_fields", resp.unknown_fields}};
  if (resp.lenient) query["problem"] = resp.problem;
  return query;
}

}  // namespace

nlohmann::json search_response_json(const SearchResponse& resp, std::string_view log_base_url) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& h : resp.hits) {
    nlohmann::json j = record_json(h.record, log_base_url);
    j["snippet"] = h.snippet;
    j["score"] = h.score;
    nlohmann::json before = nlohmann::json::array(), after = nlohmann::json::array();
    for (const Record& r : h.before) before.push_back(record_json(r, log_base_url));
    for (const Record& r : h.after) after.push_back(record_json(r, log_base_url));
    j["context"] = {{"before", before}, {"after", after}};
    j["collapsed"] = h.collapsed;
    hits.push_back(std::move(j));
  }
  nlohmann::json query = query_json(resp);
  nlohmann::json suggestions = nlohmann::json::array();
  for (const Suggestion& s : resp.suggestions) {
    suggestions.push_back(
        {{"q", s.q}, {"why", s.why}, {"total", {{"value", s.total}, {"exact", s.total_exact}}}});
  }
  nlohmann::json facets = nlohmann::json::object();
  for (const Facet& f : resp.facets) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& [value, count] : f.values)
      values.push_back({{"value", value}, {"count", count}});
    facets[f.field] = values;
  }
  nlohmann::json out = {
      {"query", query},
      {"total", {{"value", resp.total}, {"exact", resp.total_exact}}},
      {"took_ms", resp.took_ms},
      {"hits", hits},
      {"facets", facets},
      {"facets_exact", resp.facets_exact},
      {"did_you_mean", resp.did_you_mean ? nlohmann::json(*resp.did_you_mean) : nlohmann::json()},
      {"suggestions", suggestions},
  };
  out["logs_until"] =
      resp.logs_until ? nlohmann::json(format_iso(*resp.logs_until)) : nlohmann::json();
  out["hidden"] = resp.hidden
                      ? nlohmann::json{{"value", *resp.hidden}, {"exact", resp.hidden_exact}}
                      : nlohmann::json();
  if (!resp.plan.empty()) {
    out["plan"] = nlohmann::json::array();
    for (const auto& [step, how] : resp.plan) out["plan"].push_back({{"step", step}, {"how", how}});
  }
  return out;
}

std::string dump_json(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json meeting_json(const Meeting& m, std::string_view log_base_url) {
  auto line_url = [&](int line) {
    Record r;
    r.id = m.id + "#" + std::to_string(line);
    r.meeting = m.name;
    return or_null(permalink(r, log_base_url));
  };
  nlohmann::json items = nlohmann::json::array();
  for (const MinutesItem& i : m.items) {
    items.push_back({{"type", i.type},
                     {"text", i.text},
                     {"nick", i.nick},
                     {"time", format_iso(i.time)},
                     {"line", i.line},
                     {"owners", i.owners},
                     {"status", or_null(i.status)},
                     {"vote", vote_json(i.vote)},
                     {"url", line_url(i.line)}});
  }
  nlohmann::json people = nlohmann::json::array();
  for (const Attendee& a : m.people) people.push_back({{"nick", a.nick}, {"lines", a.lines}});
  return {{"id", m.id},
          {"name", m.name},
          {"channel", or_null(m.channel)},
          {"title", m.title},
          {"start", format_iso(m.start)},
          {"end", format_iso(m.end)},
          {"ended", m.ended},
          {"chairs", m.chairs},
          {"lines", m.lines},
          {"path", m.path},
          {"url", line_url(1)},
          {"items", items},
          {"people", people}};
}

nlohmann::json meeting_link_json(const std::optional<Meeting>& m, std::string_view log_base_url) {
  if (!m) return nullptr;
  Record first;
  first.id = m->id + "#1";
  first.meeting = m->name;
  std::string stem = m->id.substr(m->id.rfind('/') + 1);
  return {{"id", m->id},
          {"name", m->name},
          {"stem", stem},
          {"start", format_iso(m->start)},
          {"title", m->title},
          {"url", or_null(permalink(first, log_base_url))},
          {"api_url", "/api/v1/meetings/" + path_segment(m->name) + "/" + path_segment(stem)}};
}

nlohmann::json decisions_json(const DecisionsPage& page, int page_number, int per_page,
                              std::string_view log_base_url) {
  nlohmann::json meetings = nlohmann::json::array();
  for (const DecisionMeeting& m : page.meetings) {
    const Record& first = m.decisions.front();
    Record start;  // the log's first line: the meeting's link
    start.id = m.log + "#1";
    start.meeting = first.meeting;
    nlohmann::json decisions = nlohmann::json::array();
    for (const Record& r : m.decisions) decisions.push_back(record_json(r, log_base_url));
    meetings.push_back({{"meeting", first.meeting},
                        {"log", m.log},
                        {"channel", or_null(first.channel)},
                        {"start", format_iso(m.meeting ? m.meeting->start : first.time)},
                        {"title", m.meeting ? m.meeting->title : ""},
                        {"chairs", m.meeting ? m.meeting->chairs : std::vector<std::string>{}},
                        {"url", or_null(permalink(start, log_base_url))},
                        {"decisions", decisions}});
  }
  const SearchResponse& resp = page.response;
  nlohmann::json query = query_json(resp);
  return {
      {"query", query},          {"total", {{"value", resp.total}, {"exact", resp.total_exact}}},
      {"took_ms", resp.took_ms}, {"page", page_number},
      {"per_page", per_page},    {"meetings", meetings}};
}

nlohmann::json error_json(const Error& e) {
  return {{"error", {{"code", error_code_name(e.code)}, {"message", e.message}}}};
}

int http_status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage:
      return 400;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kLimitExceeded:
      return 429;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kLocked:
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kIo:
    case ErrorCode::kCorrupt:
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

}  // namespace eavesearch
