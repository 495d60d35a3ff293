// In-process query latency over an eavesearch database: a fixed mix of query
// classes, each run `rounds` times, median and p99 per class. Not a test:
// `make bench` runs it (timings vary from run to run on a shared machine).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <vector>

#include "eavesearch/searcher.h"

namespace {

struct QueryClass {
  const char* name;
  const char* q;
  std::vector<std::string> facets;
};

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  std::size_t k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(k, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"eavesearch query latency benchmark"};
  std::string db;
  int rounds = 200;
  bool json = false;
  app.add_option("--db", db, "database directory")->required();
  app.add_flag("--json", json, "one JSON line per class (for bench/run.sh)");
  app.add_option("--rounds", rounds, "runs of each query class")->check(CLI::Range(1, 100000));
  CLI11_PARSE(app, argc, argv);

  const std::vector<QueryClass> classes = {
      {"rare word", "rootwrap", {}},
      {"common word", "review", {}},
      {"two words (AND)", "privsep migration", {}},
      {"phrase", "\"ubuntu 20.04\"", {}},
      {"from: + word", "from:gmann release", {}},
      {"is:agreed + date range", "is:agreed date:2016..2020", {}},
      {"facets (6 fields)", "upgrade", {"person", "meeting", "channel", "year", "month", "kind"}},
      {"wildcard", "priv*", {}},
  };
  auto opening = std::chrono::steady_clock::now();
  auto searcher = eavesearch::Searcher::open(db);
  if (!searcher) {
    std::cerr << searcher.error().message << "\n";
    return 4;
  }
  // What serve loads in the background once per revision (facet values, in
  // memory): loaded before timing, and its time reported.
  searcher->start_loading_facet_columns();  // as serve does at open
  bool columns = searcher->load_facet_columns();
  std::fprintf(stderr, "eavesearch: opened, facet columns %s, in %.0f ms\n",
               columns ? "loaded" : "not loaded",
               std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - opening)
                   .count());
  if (!json) std::printf("%-26s %8s %10s %10s\n", "query class", "hits", "median ms", "p99 ms");
  for (const QueryClass& c : classes) {
    eavesearch::SearchRequest req;
    req.q = c.q;
    req.facets = c.facets;
    std::vector<double> ms;
    long total = 0;
    bool exact = true;
    // One untimed run first, as FTS5's counting run before its timed ones.
    if (auto warm = searcher->search(req); !warm) {
      std::cerr << c.name << ": " << warm.error().message << "\n";
      return 4;
    }
    for (int r = 0; r < rounds; ++r) {
      auto started = std::chrono::steady_clock::now();
      auto resp = searcher->search(req);
      ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count());
      if (!resp) {
        std::cerr << c.name << ": " << resp.error().message << "\n";
        return 4;
      }
      total = resp->total;
      exact = resp->total_exact;
    }
    if (json) {
      std::printf(
          "{\"engine\":\"eavesearch\",\"class\":\"%s\",\"hits\":%ld,\"hits_exact\":%s,"
          "\"p50_ms\":%.4f,\"p99_ms\":%.4f}\n",
          c.name, total, exact ? "true" : "false", percentile(ms, 0.5), percentile(ms, 0.99));
    } else {
      std::printf("%-26s %8ld %10.3f %10.3f\n", c.name, total, percentile(ms, 0.5),
                  percentile(ms, 0.99));
    }
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "internal error: " << e.what() << "\n";
  return 4;
}
