#include "server/metrics.h"

#include <array>
#include <sstream>

namespace eavesearch {
namespace {

constexpr std::array<double, 8> kBounds = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.5};

}  // namespace

void Metrics::observe(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  Latency& l = latency_[route];
  for (std::size_t k = 0; k < kBounds.size(); ++k) l.buckets[k] += seconds <= kBounds[k];
  ++l.count;
  l.sum += seconds;
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  out << "# HELP eavesearch_requests_total HTTP requests by route and status.\n"
         "# TYPE eavesearch_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    out << "eavesearch_requests_total{route=\"" << key.first << "\",status=\"" << key.second
        << "\"} " << n << "\n";
  }
  out << "# HELP eavesearch_request_duration_seconds Time to answer, by route.\n"
         "# TYPE eavesearch_request_duration_seconds histogram\n";
  for (const auto& [route, l] : latency_) {
    for (std::size_t k = 0; k < kBounds.size(); ++k) {
      out << "eavesearch_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
          << kBounds[k] << "\"} " << l.buckets[k] << "\n";
    }
    out << "eavesearch_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
        << l.count << "\n"
        << "eavesearch_request_duration_seconds_sum{route=\"" << route << "\"} " << l.sum << "\n"
        << "eavesearch_request_duration_seconds_count{route=\"" << route << "\"} " << l.count
        << "\n";
  }
  return out.str();
}

}  // namespace eavesearch
