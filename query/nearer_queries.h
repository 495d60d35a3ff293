// Private to query/: what a search that found nothing offers instead
// (issue 18): queries near the one typed that may find something, each
// saying what it changed. The searcher runs them and keeps those that do.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "eavesearch/query.h"

namespace eavesearch {

struct NearerQuery {
  std::string q;    // a whole query to run
  std::string why;  // what it changed, for a person: `read "may 2020" as date:2020-05`
};

// Queries near `q`, best first: words that read as a date
// ("may 2020", "last two weeks", "yesterday") made a date: filter, where the
// query has none; words no line of `db` has left out; a from:, owner:,
// meeting: or channel: value nobody has replaced by the close ones that
// exist. Only candidates: none is known to find anything.
std::vector<NearerQuery> nearer_queries(const Xapian::Database& db, const std::string& q,
                                        std::int64_t now);

}  // namespace eavesearch
