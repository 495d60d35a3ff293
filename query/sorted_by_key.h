// Private to query/: a page of hits in sort-key order (newest or oldest
// first) over local shards, ranked shard by shard. Sorting by a value makes
// Xapian read every match's sort key (a B-tree step, ~1.3 µs each); here a
// shard whose keys all fall behind the page's last hit is only counted.
// With year shards, "is:agreed" newest first ranks the latest years alone.
//
// The page is the one a single database gives: keys are unique, nothing is
// weighed (scores are 0), and a log (what collapsing groups by) lies in one
// shard.
#pragma once

#include <xapian.h>

#include <optional>
#include <vector>

#include "query/facet_columns.h"

namespace eavesearch {

struct KeySortedHits {
  std::vector<Xapian::MSetIterator> page;  // in order (each keeps its MSet)
  Xapian::doccount total = 0;              // matches, after collapsing
  bool exact = true;
};

// Hits [first, first + per_page) of the query (`queries`: one per shard)
// sorted by `sort_slot`. Matches are counted exactly up to first + per_page +
// `exact_count` (then estimated) and for at most `seconds`.
KeySortedHits hits_by_sort_key(const std::vector<LocalShard>& shards,
                               const std::vector<Xapian::Query>& queries, Xapian::valueno sort_slot,
                               bool newest_first, Xapian::doccount first, Xapian::doccount per_page,
                               std::optional<Xapian::valueno> collapse_slot,
                               Xapian::doccount exact_count, double seconds);

}  // namespace eavesearch
