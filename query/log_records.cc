#include "query/log_records.h"

#include "core/sort_key.h"
#include "core/terms.h"
#include "eavesearch/record_codec.h"
#include "eavesearch/schema.h"
#include "eavesearch/searcher.h"

namespace eavesearch {

static_assert(kMaxContext <= static_cast<int>(kLinesPerLogDocument),
              "the context of a line is within its log document and the two around it");

std::vector<const Xapian::Database*> LogRecords::places(const Index& index,
                                                        std::optional<std::int64_t> time) {
  if (index.shards.empty()) return {&index.db};
  auto holds = [&](std::size_t k) {
    const std::optional<TimeSpan>& span = index.spans[k];
    return !time || (span && span->first <= static_cast<double>(*time) &&
                     static_cast<double>(*time) <= span->last);
  };
  std::vector<const Xapian::Database*> out;
  for (std::size_t k = 0; k < index.shards.size(); ++k) {
    if (holds(k)) out.push_back(&index.shards[k].db);
  }
  for (std::size_t k = 0; k < index.shards.size(); ++k) {
    if (!holds(k)) out.push_back(&index.shards[k].db);
  }
  return out;
}

Result<const std::string*> LogRecords::data(const Index& index, const std::string& term,
                                            std::optional<std::int64_t> time) {
  if (auto it = data_.find(term); it != data_.end()) return &it->second;
  for (const Xapian::Database* db : places(index, time)) {
    Xapian::PostingIterator p = db->postlist_begin(term);
    if (p == db->postlist_end(term)) continue;
    return &data_.emplace(term, db->get_document(*p).get_data()).first->second;
  }
  return static_cast<const std::string*>(nullptr);
}

Result<Record> LogRecords::of_line(const Index& index, std::string_view key) {
  std::uint32_t number = sort_key_line(key);
  auto log =
      data(index,
           boolean_term(fields::kLogKey.prefix, log_key_hex(sort_key_log(key)) + "/" +
                                                    std::to_string(log_document_of_line(number))),
           sort_key_time(key));
  if (!log) return log.error();
  if (*log) {
    auto found = find_in_log(**log, [&](std::string_view id) { return id_line(id) == number; });
    if (!found) return found.error();
    if (*found) return std::move(**found);
  }
  return Error{ErrorCode::kCorrupt, "a line's record is missing from its log's document"};
}

Result<std::optional<LogRecords::Found>> LogRecords::by_id(const Index& index,
                                                           const std::string& id,
                                                           std::optional<std::int64_t> time) {
  // The line's log document and those around it, for its context.
  std::string stem = id.substr(0, id.rfind('#'));
  unsigned number = log_document_of_line(id_line(id));
  std::string key = log_document_id(stem, number);
  auto it = logs_.find(key);
  if (it == logs_.end()) {
    std::vector<Record> records;
    for (unsigned n = number == 0 ? 0 : number - 1; n <= number + 1; ++n) {
      auto log = data(index, boolean_term(fields::kId.prefix, log_document_id(stem, n)), time);
      if (!log) return log.error();
      if (!*log) continue;
      auto part = decode_log(**log);
      if (!part) return part.error();
      records.insert(records.end(), part->begin(), part->end());
    }
    it = logs_.emplace(key, std::move(records)).first;
  }
  for (std::size_t k = 0; k < it->second.size(); ++k) {
    if (it->second[k].id == id) return std::optional<Found>(Found{&it->second, k});
  }
  return std::optional<Found>();
}

}  // namespace eavesearch
