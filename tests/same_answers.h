// Test helper: two servers over the same archive, indexed in different
// layouts (one database, shards by year, shards behind xapian-tcpsrv),
// must give the same answers to every kind of request (DESIGN.md 9).
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/test_server.h"

namespace eavesearch::testing {

// Requests over data/sample: every route, the sort orders, facets,
// grouping, pages, dates, wildcards, phrases, did-you-mean.
inline const std::vector<std::string> kSampleRequests = {
    "/api/v1/search?q=release",
    "/api/v1/search?q=release&sort=newest&page=2&per_page=7",
    "/api/v1/search?q=release&sort=oldest&context=2",
    "/api/v1/search?q=release%20OR%20upgrade&facets=person,meeting,channel,year,month,kind",
    "/api/v1/search?q=release&collapse=meeting&facets=year,month",
    "/api/v1/search?q=from:ttx%20release",
    "/api/v1/search?q=%22stable%20branch%22",
    "/api/v1/search?q=releas*%20date:2016..2019",
    "/api/v1/search?q=is:agreed%20date:2017-01..2020-12-31&facets=meeting",
    "/api/v1/search?q=meeting:tc%20-from:ttx&sort=newest",
    // Filters alone in key order: ranked shard by shard (query/sorted_by_key.h).
    "/api/v1/search?q=meeting:nova&page=3&per_page=5",
    "/api/v1/search?q=is:action&collapse=meeting&sort=oldest&page=2&per_page=4",
    "/api/v1/search?q=from:ttx%20date:2013..2017&per_page=50",
    "/api/v1/search?q=topic:python",
    "/api/v1/search?q=relaese",
    "/api/v1/search?q=zzzznotaword",
    "/api/v1/decisions?q=meeting:tc",
    "/api/v1/decisions?q=is:action%20owner:ttx",
    "/api/v1/meetings/tc",
    "/api/v1/meetings/tc/tc.2013-01-15-20.00",
    "/api/v1/channels/%23openstack-tc/2013-01-15",
    "/api/v1/people/ttx",
    "/api/v1/people/dhellmann",
    "/api/v1/suggest?field=person&prefix=d",
    "/api/v1/suggest?field=meeting&prefix=",
    "/api/v1/suggest?field=channel&prefix=%23open",
    "/api/v1/records/meetings%2Frequirements%2F2019%2Frequirements.2019-10-30-20.30%2382?context=3",
};

// The answer without what differs from one request to the next (timings).
inline nlohmann::json without_timings(nlohmann::json j) {
  if (j.is_object()) {
    j.erase("took_ms");
    for (auto& [key, value] : j.items()) value = without_timings(value);
  } else if (j.is_array()) {
    for (auto& value : j) value = without_timings(value);
  }
  return j;
}

// Where `got` differs from `want`: the first few JSON pointers; "" if nowhere.
inline std::string differences(const nlohmann::json& want, const nlohmann::json& got) {
  std::string out;
  int shown = 0;
  for (const auto& op : nlohmann::json::diff(want, got)) {
    if (++shown > 5) return out + " ...";
    std::string path = op["path"];
    out += " " + path + ": " +
           (want.contains(nlohmann::json::json_pointer(path))
                ? want[nlohmann::json::json_pointer(path)].dump()
                : "(none)") +
           " -> " + (op.contains("value") ? op["value"].dump() : "(none)");
  }
  return out;
}

// A difference a caller knows of: in the answers to requests containing
// `request`, the member `pointer` (a JSON pointer) may differ.
struct KnownDifference {
  std::string request;
  std::string pointer;
};

// Asks both servers every request and expects equal answers, but for the
// known differences; returns how many answers had hits, lines or values (so
// that a caller can check the comparison was not between empty answers).
inline int expect_same_answers(int port_want, int port_got,
                               const std::vector<KnownDifference>& known = {}) {
  int nonempty = 0;
  for (const std::string& path : kSampleRequests) {
    nlohmann::json want = without_timings(get_json(port_want, path));
    nlohmann::json got = without_timings(get_json(port_got, path));
    for (const KnownDifference& d : known) {
      nlohmann::json::json_pointer p(d.pointer);
      if (path.find(d.request) != std::string::npos && want.contains(p) && got.contains(p)) {
        got[p] = want[p];
      }
    }
    EXPECT_EQ(differences(want, got), "") << path;
    std::string text = want.dump();
    nonempty +=
        text.find("\"id\"") != std::string::npos || text.find("\"count\"") != std::string::npos;
  }
  return nonempty;
}

}  // namespace eavesearch::testing
