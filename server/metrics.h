// Private to server/: request counters and latencies for GET /metrics
// (Prometheus text format). Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace eavesearch {

class Metrics {
 public:
  // Records one request to `route` answered with `status` after `seconds`.
  void observe(const std::string& route, int status, double seconds);

  // The counters and latency histograms, in Prometheus' text format.
  std::string render() const;

 private:
  struct Latency {
    long buckets[8] = {};  // counts <= kBounds[k]
    long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, long> requests_;  // (route, status) -> count
  std::map<std::string, Latency> latency_;
};

}  // namespace eavesearch
