#include "query/sorted_by_key.h"

#include <algorithm>
#include <chrono>
#include <numeric>

namespace eavesearch {

KeySortedHits hits_by_sort_key(const std::vector<LocalShard>& shards,
                               const std::vector<Xapian::Query>& queries, Xapian::valueno sort_slot,
                               bool newest_first, Xapian::doccount first, Xapian::doccount per_page,
                               std::optional<Xapian::valueno> collapse_slot,
                               Xapian::doccount exact_count, double seconds) {
  // Before `b` in the order asked for.
  auto ahead = [&](const std::string& a, const std::string& b) {
    return newest_first ? a > b : a < b;
  };
  // The shards in the order of their best key; each one's best key.
  std::vector<std::string> best(shards.size());
  for (std::size_t k = 0; k < shards.size(); ++k) {
    best[k] = newest_first ? shards[k].db.get_value_upper_bound(sort_slot)
                           : shards[k].db.get_value_lower_bound(sort_slot);
  }
  std::vector<std::size_t> order(shards.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return ahead(best[a], best[b]); });

  const Xapian::doccount need = first + per_page;
  Xapian::doccount count_budget = need + exact_count;
  auto started = std::chrono::steady_clock::now();
  KeySortedHits out;
  std::vector<Xapian::MSetIterator> kept;  // the best `need` so far, in order
  for (std::size_t k : order) {
    if (shards[k].db.get_value_freq(sort_slot) == 0) continue;  // no lines
    double left =
        seconds - std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    // Its best key behind the page's last: no hit of it is on the page.
    bool rank = kept.size() < need || !ahead(kept.back().get_sort_key(), best[k]);
    Xapian::Enquire enquire(shards[k].db);
    enquire.set_query(queries[k]);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    if (rank) enquire.set_sort_by_value(sort_slot, newest_first);
    if (collapse_slot) enquire.set_collapse_key(*collapse_slot);
    enquire.set_time_limit(std::max(left, 0.001));
    Xapian::MSet mset = enquire.get_mset(0, rank ? need : 0, std::max(count_budget, need));
    out.total += mset.get_matches_estimated();
    bool exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    out.exact = out.exact && exact;
    count_budget -= std::min(count_budget, mset.get_matches_lower_bound());
    if (!rank) continue;
    std::vector<Xapian::MSetIterator> merged;
    auto mine = mset.begin();
    auto theirs = kept.begin();
    while (merged.size() < need && (mine != mset.end() || theirs != kept.end())) {
      bool take_mine = theirs == kept.end() ||
                       (mine != mset.end() && ahead(mine.get_sort_key(), theirs->get_sort_key()));
      if (take_mine) {
        merged.push_back(mine++);
      } else {
        merged.push_back(*theirs++);
      }
    }
    kept = std::move(merged);
  }
  if (kept.size() > first) out.page.assign(kept.begin() + first, kept.end());
  return out;
}

}  // namespace eavesearch
