#include "server/routes.h"

#include <chrono>
#include <ctime>
#include <memory>

#include "eavesearch/searcher.h"
#include "server/feed_handlers.h"
#include "server/handlers.h"
#include "server/http_util.h"
#include "server/json_output.h"
#include "server/result_cache.h"

namespace eavesearch {
namespace {

void method_not_allowed(httplib::Server& server) {
  auto handler = [](const httplib::Request& req, httplib::Response& res) {
    send_error(res, Error{ErrorCode::kMethodNotAllowed,
                          req.method + " is not allowed; only GET and HEAD are"});
    res.set_header("Allow", "GET, HEAD");
  };
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Delete(".*", handler);
  server.Patch(".*", handler);
  server.Options(".*", handler);
}

// The page runs its own script files only (no inline script, no eval) and
// may not be framed; no answer's type is sniffed.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' "
    "data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

void guard(httplib::Server& server) {
  // A NUL in a path is no file of the page: the file would be opened up to
  // the NUL and typed by what follows ("/index.html%00.js" as JavaScript).
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    // Range is ignored on every route (a whole answer, 200): cpp-httplib
    // 0.11.4 answers any number of ranges, each a copy of the body
    // ("bytes=0-,0-,..." made 1.29 GB of an 8 KB request). It parsed them
    // into this request, which is its own, not const, object.
    const_cast<httplib::Request&>(req).ranges.clear();
    if (req.path.find('\0') == std::string::npos)
      return httplib::Server::HandlerResponse::Unhandled;
    send_error(res, Error{ErrorCode::kNotFound, "no such path"});
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "same-origin");
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  });
}

// A request as the cache knows it, and the day, which relative dates
// ("yesterday", "3d") depend on.
std::string cache_key(const httplib::Request& req) {
  return canonical_request(req) + "@" + std::to_string(std::time(nullptr) / 86400);
}

}  // namespace

void register_routes(httplib::Server& server, SearcherPool& pool, const ServerConfig& config,
                     Metrics& metrics) {
  // The one route table. `api` and `cache` live as long as the server (see run_server).
  auto cache = std::make_shared<ResultCache>(static_cast<std::size_t>(config.cache_mb) << 20);
  auto route = [&server, api = Api{pool, config, metrics}, cache](const char* pattern, auto handler,
                                                                  bool cached = true) {
    server.Get(pattern, [api, handler, pattern, cache, cached](const httplib::Request& req,
                                                               httplib::Response& res) {
      auto started = std::chrono::steady_clock::now();
      std::optional<std::string> version;
      std::string key;
      if (cached && cache->enabled()) version = Searcher::index_version(api.config.db_dir);
      if (version) {
        key = cache_key(req);
        if (auto body = cache->find(key, *version)) {
          res.status = 200;
          res.set_content(std::move(*body), kJson);
          res.set_header("X-Eavesearch-Cache", "hit");
        }
      }
      if (res.body.empty()) {
        handler(api, req, res);
        if (version && res.status == 200) cache->keep(key, *version, res.body);
      }
      api.metrics.observe(
          pattern, res.status,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    });
  };
  route("/api/v1/search", handle_search);
  route("/api/v1/decisions", handle_decisions);
  route(R"(/api/v1/records/(.+))", handle_record);
  route("/api/v1/actions", handle_actions);
  route(R"(/api/v1/meetings/([^/]+))", handle_meetings);
  route(R"(/api/v1/meetings/([^/]+)/latest)", handle_latest_meeting);  // before /{stem}
  route(R"(/api/v1/meetings/([^/]+)/([^/]+))", handle_meeting);
  route(R"(/api/v1/channels/([^/]+)/([^/]+))", handle_channel_day);
  route(R"(/api/v1/people/([^/]+))", handle_person);
  route("/api/v1/suggest", handle_suggest);
  // Feeds answer their own conditional GETs (ETag, Last-Modified): not the JSON cache's.
  route("/feeds/search.atom", handle_search_feed, false);
  route("/feeds/decisions.atom", handle_decisions_feed, false);
  route("/feeds/actions.atom", handle_actions_feed, false);
  route("/healthz", handle_healthz, false);
  route("/metrics", handle_metrics, false);

  method_not_allowed(server);
  guard(server);

  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        Error e = res.status == 404 ? Error{ErrorCode::kNotFound, "no such path: " + req.path}
                                    : Error{ErrorCode::kUsage, "request refused with status " +
                                                                   std::to_string(res.status)};
        int status = res.status;
        send_json(res, status, error_json(e));  // the path may be any bytes: dumped with replace
        return httplib::Server::HandlerResponse::Handled;
      }));

  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string message = "internal error";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          message = e.what();
        } catch (...) {
        }
        send_error(res, Error{ErrorCode::kInternal, message});
      });
}

}  // namespace eavesearch
