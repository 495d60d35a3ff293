#include "query/facet_columns.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "eavesearch/schema.h"

namespace eavesearch {

FacetValues most_frequent(FacetValues values, std::size_t limit) {
  std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (values.size() > limit) values.resize(limit);
  return values;
}

void add_packed(FacetCounts& counts, std::string_view packed, long n) {
  for_each_facet(packed, [&](std::size_t k, std::string_view value) {
    auto it = counts[k].find(value);
    if (it == counts[k].end()) it = counts[k].emplace(std::string(value), 0).first;
    it->second += n;
  });
}

std::size_t FacetColumn::bytes() const {
  std::size_t n =
      number_of.capacity() * sizeof(number_of[0]) + facets_of.capacity() * sizeof(facets_of[0]);
  for (const auto& values : facet_values) {
    for (const std::string& v : values) n += sizeof(v) + v.capacity();
  }
  return n;
}

FacetColumn load_facet_column(const Xapian::Database& shard) {
  FacetColumn column;
  column.revision = shard.get_revision();
  column.number_of.assign(shard.get_lastdocid() + 1, FacetColumn::kNone);
  std::unordered_map<std::string, std::uint32_t> numbers;
  std::array<std::unordered_map<std::string, std::uint32_t>, kPackedFacets.size()> facet_numbers;
  auto slot = static_cast<Xapian::valueno>(fields::kFacets.slot);
  for (auto v = shard.valuestream_begin(slot); v != shard.valuestream_end(slot); ++v) {
    auto [it, added] = numbers.emplace(*v, static_cast<std::uint32_t>(column.facets_of.size()));
    column.number_of[v.get_docid()] = it->second;
    if (!added) continue;
    auto& facets = column.facets_of.emplace_back();
    facets.fill(FacetColumn::kNone);
    for_each_facet(it->first, [&](std::size_t k, std::string_view value) {
      auto& values = column.facet_values[k];
      auto [at, fresh] = facet_numbers[k].emplace(value, static_cast<std::uint32_t>(values.size()));
      if (fresh) values.emplace_back(value);
      facets[k] = at->second;
    });
  }
  return column;
}

FacetColumnCache::~FacetColumnCache() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return loading_.empty(); });
  for (auto& [path, thread] : threads_) thread.join();
}

std::optional<std::vector<std::shared_ptr<const FacetColumn>>> FacetColumnCache::columns(
    const std::vector<LocalShard>& shards) {
  if (shards.empty()) return std::nullopt;
  std::lock_guard lock(mutex_);
  return columns_locked(shards);
}

bool FacetColumnCache::wait_for(const std::vector<LocalShard>& shards) {
  if (shards.empty()) return false;
  std::unique_lock lock(mutex_);
  for (;;) {
    if (columns_locked(shards)) return true;
    bool under_way = std::any_of(shards.begin(), shards.end(),
                                 [&](const LocalShard& s) { return loading_.count(s.path); });
    if (!under_way) return false;  // a load failed, or it would not fit
    idle_.wait(lock);
  }
}

std::size_t FacetColumnCache::loads() {
  std::lock_guard lock(mutex_);
  return loads_;
}

std::optional<std::vector<std::shared_ptr<const FacetColumn>>> FacetColumnCache::columns_locked(
    const std::vector<LocalShard>& shards) {
  std::vector<std::shared_ptr<const FacetColumn>> out;
  forget_others(shards);
  for (const LocalShard& s : shards) {
    Xapian::rev wanted = s.db.get_revision();
    auto it = loaded_.find(s.path);
    if (it != loaded_.end() && it->second->revision == wanted) {
      out.push_back(it->second);
      continue;
    }
    auto refused = refused_.find(s.path);
    if (refused != refused_.end() && refused->second == wanted) return std::nullopt;
    bool stale = it != loaded_.end();
    if (!loading_.count(s.path) && !fits(s, stale ? it->second->bytes() : 0)) {
      if (stale) drop(it);        // useless, and in its successor's way
      refused_[s.path] = wanted;  // not even its docids' numbers fit
      return std::nullopt;
    }
    if (loading_.insert(s.path).second) start_load(s.path);
  }
  if (out.size() != shards.size()) return std::nullopt;
  return out;
}

// A path's previous load has ended (it is not in loading_): its thread is
// joined before the next one takes its place.
void FacetColumnCache::start_load(const std::string& path) {
  ++loads_;
  auto& thread = threads_[path];
  if (thread.joinable()) thread.join();
  thread = std::thread([this, path] { load(path); });
}

// A rebuild moves the shards to a new generation's folder: the old
// generation's columns go once a Searcher asks for the new one.
void FacetColumnCache::forget_others(const std::vector<LocalShard>& shards) {
  auto asked = [&](const std::string& path) {
    return std::any_of(shards.begin(), shards.end(),
                       [&](const LocalShard& s) { return s.path == path; });
  };
  for (auto it = loaded_.begin(); it != loaded_.end();) {
    it = asked(it->first) ? std::next(it) : drop(it);
  }
  std::erase_if(refused_, [&](const auto& entry) { return !asked(entry.first); });
}

void FacetColumnCache::load(const std::string& path) {
  std::shared_ptr<const FacetColumn> column;
  try {
    column = std::make_shared<const FacetColumn>(load_facet_column(Xapian::Database(path)));
  } catch (const Xapian::Error&) {
    // The shard went (a rebuild's old generation): nothing to keep.
  } catch (const std::bad_alloc&) {
  }
  std::lock_guard lock(mutex_);
  if (column) keep(path, std::move(column));
  loading_.erase(path);
  idle_.notify_all();
}

// Whether a column of `shard` could fit, at 4 bytes a document at least,
// in place of one of `replaced` bytes.
bool FacetColumnCache::fits(const LocalShard& shard, std::size_t replaced) const {
  std::size_t least = (std::size_t{shard.db.get_lastdocid()} + 1) * sizeof(std::uint32_t);
  return bytes_ - replaced + least <= limit_;
}

FacetColumnCache::Loaded::iterator FacetColumnCache::drop(Loaded::iterator it) {
  bytes_ -= it->second->bytes();
  return loaded_.erase(it);
}

// Keeps `column` in place of the path's older one, if the limit allows.
void FacetColumnCache::keep(const std::string& path, std::shared_ptr<const FacetColumn> column) {
  if (auto old = loaded_.find(path); old != loaded_.end()) drop(old);
  if (bytes_ + column->bytes() > limit_) {
    refused_[path] = column->revision;
    return;
  }
  refused_.erase(path);
  bytes_ += column->bytes();
  loaded_[path] = std::move(column);
}

FacetColumnSpy::FacetColumnSpy(std::shared_ptr<const FacetColumn> column)
    : column_(std::move(column)) {
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    counts_[k].assign(column_->facet_values[k].size() + 1, 0);
  }
}

void FacetColumnSpy::operator()(const Xapian::Document& doc, double) {
  ++total_;
  Xapian::docid did = doc.get_docid();
  if (did >= column_->number_of.size()) return;
  std::uint32_t number = column_->number_of[did];
  if (number == FacetColumn::kNone) return;
  const auto& facets = column_->facets_of[number];
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    // kNone + 1 wraps to 0, the slot of the matches without a value.
    ++counts_[k][facets[k] + 1];
  }
}

void FacetColumnSpy::add_to(FacetCounts& out) const {
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    for (std::size_t value = 1; value < counts_[k].size(); ++value) {
      if (counts_[k][value] == 0) continue;
      const std::string& name = column_->facet_values[k][value - 1];
      auto it = out[k].find(name);
      if (it == out[k].end()) it = out[k].emplace(name, 0).first;
      it->second += counts_[k][value];
    }
  }
}

ColumnFacetCounts count_facets(const std::vector<LocalShard>& shards,
                               const std::vector<std::shared_ptr<const FacetColumn>>& columns,
                               const std::vector<Xapian::Query>& queries, Xapian::doccount sample,
                               double seconds) {
  ColumnFacetCounts out;
  auto started = std::chrono::steady_clock::now();
  for (std::size_t k = shards.size(); k-- > 0;) {
    double left =
        seconds - std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (out.matches >= sample || left <= 0) {
      out.exact = false;
      break;
    }
    Xapian::Enquire enquire(shards[k].db);
    enquire.set_query(queries[k]);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_time_limit(left);
    FacetColumnSpy& spy = out.spies.emplace_back(columns[k]);
    enquire.add_matchspy(&spy);
    Xapian::MSet counted = enquire.get_mset(0, 0, sample - out.matches);
    out.matches += spy.total();
    if (counted.get_matches_lower_bound() != counted.get_matches_upper_bound() ||
        spy.total() != counted.get_matches_upper_bound()) {
      out.exact = false;
      break;
    }
  }
  return out;
}

}  // namespace eavesearch
