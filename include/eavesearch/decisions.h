// The decisions of a query grouped by whole meetings (DESIGN.md 5,
// /api/v1/decisions): what the page's timeline and the API page through.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eavesearch/record.h"
#include "eavesearch/result.h"
#include "eavesearch/searcher.h"

namespace eavesearch {

struct DecisionMeeting {
  std::string log;                 // the log's stem: the records' id up to "#"
  std::optional<Meeting> meeting;  // its chairs, start and title, without items; nullopt if none
  std::vector<Record> decisions;   // in line order
};

struct DecisionsPage {
  SearchResponse response;                // query, total, took_ms (its hits moved to meetings)
  std::vector<DecisionMeeting> meetings;  // in the order of the request's sort
};

// The decision items (is:decision, added as a filter of its own) matching
// `request`, sorted newest (or oldest) first, grouped by meeting. Page N holds
// every meeting whose first item in that order is one of items
// (N-1)*per_page+1 .. N*per_page, with all its items: a page may hold more
// than per_page items, or none after a long meeting. A meeting's items that
// are not contiguous in that order (two meetings at once) are gathered only
// within the page before and the pages after. kUsage for a sort other than
// newest or oldest (kAuto is newest); otherwise as Searcher::search.
Result<DecisionsPage> decisions_page(Searcher& searcher, SearchRequest request);

}  // namespace eavesearch
