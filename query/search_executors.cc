#include "query/search_executors.h"

#include <algorithm>
#include <map>

#include "eavesearch/schema.h"
#include "query/sorted_by_key.h"
#include "query/xapian_query.h"

namespace eavesearch {
namespace {

const auto kSortSlot = static_cast<Xapian::valueno>(fields::kSortKey.slot);
const auto kLogSlot = static_cast<Xapian::valueno>(fields::kLog.slot);

// The facets asked for; the years are summed from the months ("2020" of "2020-05").
std::vector<Facet> facets_of(const FacetCounts& counts, const std::vector<std::string>& names) {
  std::map<std::string, long> years;
  for (const auto& [month, n] : counts[kPackedFacets.size() - 1]) years[month.substr(0, 4)] += n;
  std::vector<Facet> out;
  for (const std::string& name : names) {
    FacetValues values(years.begin(), years.end());
    for (std::size_t k = 0; k < kPackedFacets.size(); ++k) {
      if (kPackedFacets[k] == name) values.assign(counts[k].begin(), counts[k].end());
    }
    out.push_back({name, most_frequent(std::move(values), kFacetValues)});
  }
  return out;
}

HitPage key_order_over_shards(const SearchPlan& plan, const PlannedQueries& queries,
                              const std::vector<LocalShard>& shards, const WorkBudget& budget) {
  std::optional<Xapian::valueno> collapse_slot;
  if (plan.collapse) collapse_slot = kLogSlot;
  KeySortedHits sorted = hits_by_sort_key(
      shards, queries.per_shard, kSortSlot, plan.sort == SortOrder::kNewest, plan.first,
      plan.per_page, collapse_slot, kExactCountMatches, budget.seconds_left(plan.count_seconds));
  HitPage out;
  out.total = static_cast<long>(sorted.total);
  out.exact = sorted.exact;
  out.page = std::move(sorted.page);
  return out;
}

}  // namespace

Status WorkBudget::check() const {
  if (ms_ <= 0 || std::chrono::steady_clock::now() - started_ < std::chrono::milliseconds(ms_)) {
    return Ok{};
  }
  return Error{ErrorCode::kUnavailable, "the query took longer than its time budget of " +
                                            std::to_string(ms_) +
                                            " ms; narrow it (fewer wildcards, facets or words)"};
}

double WorkBudget::seconds_left(double cap) const {
  if (ms_ <= 0) return cap;
  double left = ms_ / 1000.0 -
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  return std::max(std::min(cap, left), 0.001);
}

PlannedQueries plan_queries(const SearchPlan& plan, const Xapian::Database& db,
                            const std::vector<LocalShard>& shards,
                            const std::vector<std::optional<TimeSpan>>& spans) {
  PlannedQueries out;
  const QueryNode& root = plan.root;
  auto wildcard_terms = static_cast<Xapian::termcount>(plan.wildcard_terms);
  out.whole =
      to_xapian(root, db, std::nullopt, wildcard_terms, &out.wildcards, plan.shown, &out.hidden);
  out.per_shard.assign(shards.size(), out.whole);
  if (plan.query_per_shard) {
    for (std::size_t k = 0; k < shards.size(); ++k) {
      out.per_shard[k] = to_xapian(root, db, spans[k], wildcard_terms, nullptr, plan.shown);
    }
  }
  return out;
}

HiddenCount count_hidden(const PlannedQueries& queries, const Xapian::Database& db,
                         const WorkBudget& budget) {
  HiddenCount out;
  if (!queries.hidden.lines) return out;
  Xapian::Enquire enquire(db);
  enquire.set_query(*queries.hidden.lines);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_time_limit(budget.seconds_left(kExactCountSeconds));
  Xapian::MSet mset = enquire.get_mset(0, 0, kHiddenCountMatches);
  out.lines = static_cast<long>(mset.get_matches_estimated());
  out.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  return out;
}

Result<HitPage> find_hits(const SearchPlan& plan, const PlannedQueries& queries,
                          const Xapian::Database& db, const std::vector<LocalShard>& shards,
                          const Xapian::Weight& weight, Xapian::MatchSpy* spy,
                          const WorkBudget& budget) {
  if (auto ok = budget.check(); !ok) return ok.error();
  if (plan.hits == HitStrategy::kKeyOrderShards) {
    return key_order_over_shards(plan, queries, shards, budget);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(queries.whole);
  if (plan.hits == HitStrategy::kRelevance) {
    enquire.set_weighting_scheme(weight);
    enquire.set_sort_by_relevance_then_value(kSortSlot, true);
  } else {
    // In key order nothing is weighed (a hit's score is 0): keys are
    // unique, so relevance could only be shown, never used.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(kSortSlot, plan.sort == SortOrder::kNewest);
  }
  if (plan.collapse) enquire.set_collapse_key(kLogSlot);
  enquire.set_time_limit(budget.seconds_left(plan.count_seconds));
  if (spy != nullptr && plan.facets == FacetStrategy::kSpyInHits) enquire.add_matchspy(spy);
  HitPage out;
  out.mset = enquire.get_mset(plan.first, plan.per_page, plan.check_at_least);
  out.total = static_cast<long>(out.mset.get_matches_estimated());
  out.exact = out.mset.get_matches_lower_bound() == out.mset.get_matches_upper_bound();
  for (auto it = out.mset.begin(); it != out.mset.end(); ++it) out.page.push_back(it);
  return out;
}

Result<FacetAnswer> count_planned_facets(
    const SearchPlan& plan, const PlannedQueries& queries, const Xapian::Database& db,
    const std::vector<LocalShard>& shards,
    const std::optional<std::vector<std::shared_ptr<const FacetColumn>>>& columns,
    Xapian::ValueCountMatchSpy& spy, const HitPage& hits, const WorkBudget& budget) {
  FacetAnswer out;
  if (plan.facets == FacetStrategy::kNone) return out;
  if (auto ok = budget.check(); !ok) return ok.error();
  if (plan.facets == FacetStrategy::kColumns) {
    ColumnFacetCounts counts = count_facets(shards, *columns, queries.per_shard, plan.facet_sample,
                                            budget.seconds_left(plan.count_seconds));
    FacetCounts by_facet;
    for (const FacetColumnSpy& s : counts.spies) s.add_to(by_facet);
    out.facets = facets_of(by_facet, plan.facet_fields);
    out.exact = counts.exact;
    if (counts.exact) out.matches = static_cast<long>(counts.matches);
    return out;
  }
  Xapian::MSet counted = hits.mset;
  if (plan.facets == FacetStrategy::kSpyOfItsOwn) {
    Xapian::Enquire counting(db);
    counting.set_query(queries.whole);
    counting.set_weighting_scheme(Xapian::BoolWeight());  // it ranks nothing
    counting.set_time_limit(budget.seconds_left(plan.count_seconds));
    counting.add_matchspy(&spy);
    counted = counting.get_mset(0, 0, plan.facet_sample);
  }
  FacetCounts by_facet;
  for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
    add_packed(by_facet, *v, static_cast<long>(v.get_termfreq()));
  }
  out.facets = facets_of(by_facet, plan.facet_fields);
  // The spy sees every match before collapsing. (With collapsing, 1.4
  // keeps the uncollapsed lower bound loose even when it saw every match.)
  out.exact = counted.get_matches_lower_bound() == counted.get_matches_upper_bound() &&
              spy.get_total() == counted.get_uncollapsed_matches_upper_bound();
  return out;
}

}  // namespace eavesearch
