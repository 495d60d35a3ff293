#include "server/http_util.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "server/json_output.h"

namespace eavesearch {
void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(dump_json(body), kJson);
}

void send_error(httplib::Response& res, const Error& e) {
  send_json(res, http_status_for(e.code), error_json(e));
}

Result<int> int_param(const httplib::Request& req, const char* name, int fallback) {
  if (!req.has_param(name)) return fallback;
  std::string v = req.get_param_value(name);
  int out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size()) {
    return Error{ErrorCode::kUsage, std::string(name) + " must be an integer"};
  }
  return out;
}

namespace {

// The `filter` parameters; those of one field and sign joined (either value).
Result<std::vector<Filter>> filters_of(const httplib::Request& req) {
  std::vector<Filter> out;
  for (std::size_t k = 0; k < req.get_param_value_count("filter"); ++k) {
    auto f = parse_filter(req.get_param_value("filter", k));
    if (!f) return Error{ErrorCode::kUsage, "filter: " + f.error().message};
    auto same = std::find_if(out.begin(), out.end(), [&](const Filter& g) {
      return g.field == f->field && g.exclude == f->exclude;
    });
    if (same == out.end()) {
      out.push_back(std::move(*f));
    } else if (std::find(same->values.begin(), same->values.end(), f->values[0]) ==
               same->values.end()) {
      same->values.push_back(f->values[0]);
    }
  }
  return out;
}

}  // namespace

Result<Shown> include_param(const httplib::Request& req) {
  Shown out;
  std::string list = req.get_param_value("include");
  for (std::size_t at = 0; at <= list.size();) {
    std::size_t comma = std::min(list.find(',', at), list.size());
    std::string name = list.substr(at, comma - at);
    if (name == "bots") {
      out.bots = true;
    } else if (name == "events") {
      out.events = true;
    } else if (!name.empty()) {
      return Error{ErrorCode::kUsage, "include must list bots and/or events"};
    }
    at = comma + 1;
  }
  return out;
}

Result<SearchRequest> search_request(const httplib::Request& req) {
  SearchRequest sr;
  sr.q = req.get_param_value("q");
  auto page = int_param(req, "page", 1);
  if (!page) return page.error();
  auto per_page = int_param(req, "per_page", 20);
  if (!per_page) return per_page.error();
  sr.page = *page;
  sr.per_page = *per_page;
  auto context = int_param(req, "context", 0);
  if (!context) return context.error();
  sr.context = *context;
  if (req.has_param("facets")) {
    std::string list = req.get_param_value("facets");
    for (std::size_t at = 0; at <= list.size();) {
      std::size_t comma = list.find(',', at);
      std::string name =
          list.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
      if (!name.empty()) sr.facets.push_back(name);
      if (comma == std::string::npos) break;
      at = comma + 1;
    }
  }
  if (req.has_param("collapse")) {
    if (req.get_param_value("collapse") != "meeting") {
      return Error{ErrorCode::kUsage, "collapse must be meeting"};
    }
    sr.collapse = true;
  }
  if (req.has_param("sort")) {
    auto sort = parse_sort_order(req.get_param_value("sort"));
    if (!sort) return Error{ErrorCode::kUsage, "sort must be relevance, newest or oldest"};
    sr.sort = *sort;
  }
  auto filters = filters_of(req);
  if (!filters) return filters.error();
  sr.filters = std::move(*filters);
  if (req.has_param("explain")) {
    std::string v = req.get_param_value("explain");
    if (v != "1" && v != "0") return Error{ErrorCode::kUsage, "explain must be 1 or 0"};
    sr.explain = v == "1";
  }
  auto shown = include_param(req);
  if (!shown) return shown.error();
  sr.include_bots = shown->bots;
  sr.include_events = shown->events;
  return sr;
}

std::string escaped(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(c);
    } else {
      out.append({'%', kHex[u >> 4], kHex[u & 15]});
    }
  }
  return out;
}

namespace {

std::string canonical_search(const SearchRequest& sr) {
  std::vector<std::string> filters;
  for (Filter f : sr.filters) {
    std::sort(f.values.begin(), f.values.end());
    for (const std::string& s : filter_strings(f)) filters.push_back(escaped(s));
  }
  std::sort(filters.begin(), filters.end());
  std::string facets;
  for (const std::string& f : sr.facets) facets += escaped(f) + ",";  // their order is the answer's
  std::string key =
      "q=" + escaped(sr.q) + "&page=" + std::to_string(sr.page) +
      "&per_page=" + std::to_string(sr.per_page) +
      "&sort=" + (sr.sort == SortOrder::kAuto ? "auto" : sort_order_name(sr.sort)) +
      "&context=" + std::to_string(sr.context) + "&facets=" + facets +
      "&collapse=" + (sr.collapse ? "1" : "0") + "&explain=" + (sr.explain ? "1" : "0") +
      "&include=" + (sr.include_bots ? "bots," : "") + (sr.include_events ? "events" : "");
  for (const std::string& f : filters) key += "&filter=" + f;
  return key;
}

}  // namespace

std::string canonical_request(const httplib::Request& req) {
  std::string key = escaped(req.path) + "?";
  if (req.path == "/api/v1/search" || req.path == "/api/v1/decisions") {
    if (auto sr = search_request(req)) return key + canonical_search(*sr);
  }
  std::vector<std::string> params;
  for (const auto& [name, value] : req.params)
    params.push_back(escaped(name) + "=" + escaped(value));
  std::sort(params.begin(), params.end());
  for (const std::string& p : params) key += p + "&";
  return key;
}

}  // namespace eavesearch
