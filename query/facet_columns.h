// Private to query/: every line's packed facet value (core/facet_value.h),
// held in memory as a number per document, so that counting facets reads
// no value per match. (Reading a value is a B-tree step, about 1.3 µs per
// match at 1M lines: most of a facet request's time.)
//
// Columns are kept per shard and revision, shared by every Searcher of the
// process, and loaded on a thread of their own the first time a revision is
// asked for (0.15 s for 1.1M documents); until then facets are counted from
// the values, as over remote shards. They take about 9 bytes a document;
// a shard's column that would pass a process-wide limit (4 bytes a
// document at least: checked before loading) is not kept, nor loaded again
// at that revision, and facets are counted from the values.
#pragma once

#include <xapian.h>

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/facet_value.h"
#include "query/local_shards.h"

namespace eavesearch {

// Counts per value of each facet kPackedFacets names.
using FacetCounts = std::array<std::map<std::string, long, std::less<>>, kPackedFacets.size()>;

// Adds `n` matches of the packed value `packed` (core/facet_value.h).
void add_packed(FacetCounts& counts, std::string_view packed, long n);

// One shard's column: a number per document for its packed value, and each
// number's facet values, as numbers into one list per facet.
struct FacetColumn {
  static constexpr std::uint32_t kNone = UINT32_MAX;
  Xapian::rev revision = 0;
  std::vector<std::uint32_t> number_of;  // by the shard's docid; kNone where no value
  std::vector<std::array<std::uint32_t, kPackedFacets.size()>>
      facets_of;  // per number; kNone: empty
  std::array<std::vector<std::string>, kPackedFacets.size()> facet_values;

  // Memory held, roughly.
  std::size_t bytes() const;
};

// Reads the column of `shard` (every document's packed facet value).
FacetColumn load_facet_column(const Xapian::Database& shard);

// The columns of `shards`, in order, when each is loaded for the revision
// its database is at. Otherwise nullopt, and the missing ones start loading.
std::optional<std::vector<std::shared_ptr<const FacetColumn>>> facet_columns(
    const std::vector<LocalShard>& shards);

// Loads the columns of `shards` now; false if they cannot be (a shard went,
// or they would pass the memory limit).
bool wait_for_facet_columns(const std::vector<LocalShard>& shards);

// The memory all columns of the process may take (kDefaultFacetMemory until
// set); 0 keeps none. Columns loaded already stay until their shard changes.
inline constexpr std::size_t kDefaultFacetMemory = std::size_t{1024} << 20;
void set_facet_memory_limit(std::size_t bytes);

// Loads started in this process (a shard's revision each).
std::size_t facet_column_loads();

// Counts the numbers of the matches' packed values in one shard's match:
// Xapian hands a spy the shard's own docids, so each shard is matched on
// its own.
class FacetColumnSpy : public Xapian::MatchSpy {
 public:
  explicit FacetColumnSpy(std::shared_ptr<const FacetColumn> column)
      : column_(std::move(column)), counts_(column_->facets_of.size(), 0) {}
  void operator()(const Xapian::Document& doc, double wt) override;

  // Documents seen, as ValueCountMatchSpy::get_total().
  Xapian::doccount total() const { return total_; }
  // Adds what it counted to `out`.
  void add_to(FacetCounts& out) const;

 private:
  std::shared_ptr<const FacetColumn> column_;
  std::vector<Xapian::doccount> counts_;  // per number
  std::vector<std::uint32_t> counted_;    // the numbers with a count, as first seen
  Xapian::doccount total_ = 0;
};

// The facet counts of the matches of the query (`queries`: one per shard)
// over `shards`, from their
// `columns`: one pass per shard that ranks nothing, the newest shard (the
// last) first, until `sample` matches are counted or `seconds` pass.
struct ColumnFacetCounts {
  std::deque<FacetColumnSpy> spies;  // one per shard counted (spies do not move)
  Xapian::doccount matches = 0;      // matches counted
  bool exact = true;                 // every match counted
};
ColumnFacetCounts count_facets(const std::vector<LocalShard>& shards,
                               const std::vector<std::shared_ptr<const FacetColumn>>& columns,
                               const std::vector<Xapian::Query>& queries, Xapian::doccount sample,
                               double seconds);

}  // namespace eavesearch
