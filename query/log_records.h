// Private to query/: the records of the index. A line's document has no
// data; its record is in its log's document (DESIGN.md 9, record_codec.h),
// decoded here once and kept while the database stays the same.
//
// A log's documents are in the shard of its file, with its lines. Looked up
// in the combined database, a log document's term would be looked for in
// every shard (a B-tree descent each: at 14 shards a quarter of a one-shot
// search's block reads); it is looked for shard by shard instead, first in
// the shards whose times hold the line's (its own shard always does).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/record.h"
#include "eavesearch/result.h"
#include "query/local_shards.h"
#include "query/xapian_query.h"

namespace eavesearch {

class LogRecords {
 public:
  // A record within the records of its log document and the two around it
  // (in line order): enough for kMaxContext lines each side.
  struct Found {
    const std::vector<Record>* log;
    std::size_t index;
    const Record& record() const { return (*log)[index]; }
  };

  // Where the records are: `db`, and its shards when all are local (none
  // otherwise) with their times (one each). All must stay those of every
  // call until clear().
  struct Index {
    const Xapian::Database& db;
    const std::vector<LocalShard>& shards;
    const std::vector<std::optional<TimeSpan>>& spans;
  };

  // The record of a line, given its sort key (which holds its time, its
  // log's key and its line); kCorrupt when its log has none.
  Result<Record> of_line(const Index& index, std::string_view sort_key);
  // The record with this id (and `time`, when known); nullopt when the index
  // has none.
  Result<std::optional<Found>> by_id(const Index& index, const std::string& id,
                                     std::optional<std::int64_t> time);
  // Forgets the logs read: after the database changed, or to bound memory.
  void clear() {
    data_.clear();
    logs_.clear();
  }
  std::size_t size() const { return data_.size() + logs_.size(); }

 private:
  // The data of the log document with the boolean term `term` (Xapian
  // inflates it once), of a line at `time` when known; nullptr when there
  // is none.
  Result<const std::string*> data(const Index& index, const std::string& term,
                                  std::optional<std::int64_t> time);
  // The databases to look in, in order: the shards whose times hold `time`
  // (all when it is not known), then the others; `db` when no shard is.
  std::vector<const Xapian::Database*> places(const Index& index, std::optional<std::int64_t> time);

  std::map<std::string, std::string> data_;          // by the term that found them
  std::map<std::string, std::vector<Record>> logs_;  // decoded, by the middle document's id
};

}  // namespace eavesearch
