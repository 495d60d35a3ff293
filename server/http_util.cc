#include "server/http_util.h"

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
  return sr;
}

}  // namespace eavesearch
