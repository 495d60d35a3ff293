// Private to query/: the records of the index. A line's document has no
// data; its record is in its log's document (DESIGN.md 9, record_codec.h),
// decoded here once and kept while the database stays the same.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/record.h"
#include "eavesearch/result.h"

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

  // The record of a line, given its sort key (which holds its log's key and
  // its line); kCorrupt when its log has none.
  Result<Record> of_line(const Xapian::Database& db, std::string_view sort_key);
  // The record with this id; nullopt when the index has none.
  Result<std::optional<Found>> by_id(const Xapian::Database& db, const std::string& id);
  // Forgets the logs read: after the database changed, or to bound memory.
  void clear() {
    data_.clear();
    logs_.clear();
  }
  std::size_t size() const { return data_.size() + logs_.size(); }

 private:
  // The data of the log document with the boolean term `term` (Xapian
  // inflates it once); nullptr when there is none.
  Result<const std::string*> data(const Xapian::Database& db, const std::string& term);

  std::map<std::string, std::string> data_;          // by the term that found them
  std::map<std::string, std::vector<Record>> logs_;  // decoded, by the middle document's id
};

}  // namespace eavesearch
