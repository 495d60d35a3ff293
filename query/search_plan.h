// Private to query/: what a search will do, decided before any matching by
// a pure function of the request and the index's layout, and printable
// (`search --explain`, `explain=1`). query/search_executors.h carries it out.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "eavesearch/query.h"
#include "eavesearch/searcher.h"

namespace eavesearch {

// What a plan needs to know of the index.
struct IndexLayout {
  std::size_t local_shards = 0;  // 0 when any database is remote
  int remote = 0;                // remote databases (xapian-tcpsrv)
  bool facet_columns = false;    // every local shard's facet column is in memory
};

enum class HitStrategy {
  kRelevance,       // one match over all shards together, by relevance then sort key
  kKeyOrder,        // one match over all shards together, by sort key
  kKeyOrderShards,  // shard by shard, best keys first; a shard behind the page only counted
};

enum class FacetStrategy {
  kNone,
  kColumns,     // from the columns in memory, shard by shard, newest first
  kSpyInHits,   // from the packed values, in the hits' match (which then counts further)
  kSpyOfItsOwn  // from the packed values, in a match of its own (Xapian 1.4 miscounts a spy
                // over two or more remote databases in a match that also ranks)
};

// Bounds on the work of one search, checked before matching.
inline constexpr std::size_t kMaxQueryTerms = 64;  // words, phrases, wildcards and topic:s
inline constexpr std::size_t kMaxWildcards = 8;    // distinct prefixes
// The terms all wildcards of a query expand to together (each to at most
// kMaxWildcardExpansion, query/xapian_query.h).
inline constexpr unsigned kMaxWildcardTerms = 2000;

struct SearchPlan {
  IndexLayout layout;
  ParsedQuery query;  // the user's text and filters, then the program's filters
  QueryNode root;     // root_of(query): what is matched
  SortOrder sort = SortOrder::kRelevance;
  HitStrategy hits = HitStrategy::kRelevance;
  FacetStrategy facets = FacetStrategy::kNone;
  std::vector<std::string> facet_fields;
  bool query_per_shard = false;  // date ranges resolved against each shard's times
  bool collapse = false;
  int context = 0;
  unsigned first = 0;  // the first hit of the page
  unsigned per_page = 20;
  unsigned check_at_least = 0;  // matches the hits' match counts (exact total up to it)
  unsigned facet_sample = 0;    // matches the facets count at most
  double count_seconds = 0;     // counting stops after this long (then estimates)
  unsigned wildcard_terms = 0;  // each wildcard's expansion at most (0: none in the query)
  int budget_ms = 0;            // the work stops past it (0: no limit)
  bool explain = false;         // the answer carries describe(plan)
  Shown shown;                  // the hidden lines asked for (include=)
};

// The plan of `request` over `layout`; `now` anchors relative dates. kUsage
// for a bad request (page < 1, per_page outside 1..kMaxPerPage, page *
// per_page over kMaxResultWindow, q over kMaxQueryBytes, context outside
// 0..kMaxContext, an unknown facet, a bad filter). What it trims to keep
// within the bounds above it says in query.problem.
Result<SearchPlan> plan_search(const SearchRequest& request, const IndexLayout& layout,
                               std::int64_t now);

// The plan as named steps, in order: query, filters, sort, hits, total,
// facets, bounds.
std::vector<std::pair<std::string, std::string>> describe(const SearchPlan& plan);

}  // namespace eavesearch
