// Private to query/: the steps that carry out a SearchPlan (search_plan.h)
// over a database and its local shards: the Xapian queries, the page of
// hits with the total, the facet counts. Each step checks the work budget
// before it starts and between shards, so that a search past its budget
// stops working, not only stops being waited for (Xapian 1.4 cannot
// interrupt one match: the plan bounds what each match may do).
#pragma once

#include <xapian.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "query/facet_columns.h"
#include "query/search_plan.h"
#include "query/xapian_query.h"

namespace eavesearch {

// The time one search may work; 0 ms is no limit.
class WorkBudget {
 public:
  explicit WorkBudget(int ms) : ms_(ms), started_(std::chrono::steady_clock::now()) {}
  // kUnavailable once spent.
  Status check() const;
  // `cap` seconds, or what is left of the budget if less (at least 1 ms).
  double seconds_left(double cap) const;

 private:
  int ms_;
  std::chrono::steady_clock::time_point started_;
};

// What a search matches: the query over all shards, and per local shard.
struct PlannedQueries {
  Xapian::Query whole;
  std::vector<Xapian::Query> per_shard;  // one per local shard
  WildcardExpansion wildcards;           // what the wildcards became
  HiddenQueries hidden;                  // the lines left out, over all shards
};
// `spans`: each shard's times (time_span), one per shard.
PlannedQueries plan_queries(const SearchPlan& plan, const Xapian::Database& db,
                            const std::vector<LocalShard>& shards,
                            const std::vector<std::optional<TimeSpan>>& spans);

// A page of hits, in order, with the total of matches.
struct HitPage {
  std::vector<Xapian::MSetIterator> page;  // each keeps its MSet
  long total = 0;
  bool exact = true;
  Xapian::MSet mset;  // the one match over all shards, when there was one
};

// How many lines `queries` left out (bots', events), counted exactly up to
// kHiddenCountMatches, then estimated; nullopt when none were left out.
struct HiddenCount {
  std::optional<long> lines;
  bool exact = true;
};
HiddenCount count_hidden(const PlannedQueries& queries, const Xapian::Database& db,
                         const WorkBudget& budget);

// Facets as answered, and whether they counted every match.
struct FacetAnswer {
  std::vector<Facet> facets;
  bool exact = true;
  std::optional<long> matches;  // every match counted, when exact
};

// Runs the hits' match. With FacetStrategy::kSpyInHits, `spy` counts the
// facets in it. kUnavailable past the budget.
Result<HitPage> find_hits(const SearchPlan& plan, const PlannedQueries& queries,
                          const Xapian::Database& db, const std::vector<LocalShard>& shards,
                          const Xapian::Weight& weight, Xapian::MatchSpy* spy,
                          const WorkBudget& budget);

// The facets of the plan: from `columns` (kColumns), from `spy` filled by
// the hits' match (kSpyInHits, with its `hits`), or from a match of its own.
Result<FacetAnswer> count_planned_facets(
    const SearchPlan& plan, const PlannedQueries& queries, const Xapian::Database& db,
    const std::vector<LocalShard>& shards,
    const std::optional<std::vector<std::shared_ptr<const FacetColumn>>>& columns,
    Xapian::ValueCountMatchSpy& spy, const HitPage& hits, const WorkBudget& budget);

}  // namespace eavesearch
