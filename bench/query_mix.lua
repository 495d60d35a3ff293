-- wrk script: the query mix of bench/query_latency.cc over HTTP, in turn;
-- prints one JSON line at the end (requests/s, latency, non-2xx answers).
local paths = {
  "/api/v1/search?q=rootwrap",
  "/api/v1/search?q=review",
  "/api/v1/search?q=privsep%20migration",
  "/api/v1/search?q=%22ubuntu%2020.04%22",
  "/api/v1/search?q=from%3Agmann%20release",
  "/api/v1/search?q=is%3Aagreed%20date%3A2016..2020",
  "/api/v1/search?q=upgrade&facets=person,meeting,channel,year,month,kind",
  "/api/v1/search?q=priv*",
}
local i = 0
local engine = os.getenv("ENGINE") or "eavesearch-http"

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  io.write(string.format(
    '{"engine":"%s","requests_per_s":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,' ..
    '"non_2xx":%d,"socket_errors":%d,"requests":%d}\n',
    engine, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
