// Private to query/: every line's packed facet value (core/facet_value.h),
// held in memory as a number per document, so that counting facets reads
// no value per match. (Reading a value is a B-tree step, about 1.3 µs per
// match at 1M lines: most of a facet request's time.)
//
// Columns are kept by a FacetColumnCache and loaded in the background the
// first time a shard's revision is asked for (0.15 s for 1.1M documents);
// until then facets are counted from the values, as over remote shards.
#pragma once

#include <xapian.h>

#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/facet_value.h"
#include "query/local_shards.h"

namespace eavesearch {

// Counts per value of each facet kPackedFacets names.
using FacetCounts = std::array<std::map<std::string, long, std::less<>>, kPackedFacets.size()>;

// Values with their counts, most frequent first (ties by value, as
// ValueCountMatchSpy orders them), at most `limit`: facets and completions.
using FacetValues = std::vector<std::pair<std::string, long>>;
FacetValues most_frequent(FacetValues values, std::size_t limit);

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

// The facet columns of local shards, kept per shard path and revision,
// each loaded on a thread of the cache's own the first time its revision
// is asked for, within a memory limit (about 9 bytes a document; a
// shard's column that would pass it, at 4 bytes a document at least, is
// refused before loading, and not loaded again at that revision). The
// server holds one for all its Searchers (SearchResources). Thread-safe;
// the destructor waits for the loads under way.
class FacetColumnCache {
 public:
  explicit FacetColumnCache(std::size_t limit_bytes) : limit_(limit_bytes) {}
  ~FacetColumnCache();
  FacetColumnCache(const FacetColumnCache&) = delete;
  FacetColumnCache& operator=(const FacetColumnCache&) = delete;

  // The columns of `shards`, in order, when each is loaded for the
  // revision its database is at. Otherwise nullopt, and the missing ones
  // start loading.
  std::optional<std::vector<std::shared_ptr<const FacetColumn>>> columns(
      const std::vector<LocalShard>& shards);
  // Loads the columns of `shards` now; false if they cannot be (a shard
  // went, or they would pass the limit).
  bool wait_for(const std::vector<LocalShard>& shards);
  // Loads started (a shard's revision each).
  std::size_t loads();

 private:
  using Loaded = std::map<std::string, std::shared_ptr<const FacetColumn>>;
  std::optional<std::vector<std::shared_ptr<const FacetColumn>>> columns_locked(
      const std::vector<LocalShard>& shards);
  void start_load(const std::string& path);
  void forget_others(const std::vector<LocalShard>& shards);
  void load(const std::string& path);
  bool fits(const LocalShard& shard, std::size_t replaced) const;
  Loaded::iterator drop(Loaded::iterator it);
  void keep(const std::string& path, std::shared_ptr<const FacetColumn> column);

  std::mutex mutex_;
  std::condition_variable idle_;
  Loaded loaded_;                               // the latest loaded per path
  std::set<std::string> loading_;               // loads under way (one per path at most)
  std::map<std::string, std::thread> threads_;  // the latest load's, per path
  std::map<std::string, Xapian::rev> refused_;  // not kept for want of memory
  std::size_t limit_;
  std::size_t bytes_ = 0;  // held by loaded_
  std::size_t loads_ = 0;  // started
};

// Counts the numbers of the matches' packed values in one shard's match:
// Xapian hands a spy the shard's own docids, so each shard is matched on
// its own.
// Each match adds one to each of its facet values' counts: a few small
// arrays, where a count per packed value would be one as long as the shard
// has distinct values, zeroed for every request and touched at random.
class FacetColumnSpy : public Xapian::MatchSpy {
 public:
  explicit FacetColumnSpy(std::shared_ptr<const FacetColumn> column);
  void operator()(const Xapian::Document& doc, double wt) override;

  // Documents seen, as ValueCountMatchSpy::get_total().
  Xapian::doccount total() const { return total_; }
  // Adds what it counted to `out`.
  void add_to(FacetCounts& out) const;

 private:
  std::shared_ptr<const FacetColumn> column_;
  // Per facet, per value number + 1; [0] counts the matches without a value.
  std::array<std::vector<Xapian::doccount>, kPackedFacets.size()> counts_;
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
