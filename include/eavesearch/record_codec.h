// The compact, versioned document data of the index. Format v2: a tag byte
// ('R' record, 'M' meeting, 'L' log), a version byte (2), then each field as
// a varint length + bytes (integers as decimal strings, lists as a count then
// their items; a vote as a flag, then its question, options and results).
// v2 added the votes (schema 10). A log's records are the data of one document (its line
// documents have none): Xapian compresses each document's data on its own,
// which per line cost a third of a build and a quarter of the index.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/record.h"
#include "eavesearch/result.h"

namespace eavesearch {

std::string encode_record(const Record& record);
std::string encode_meeting(const Meeting& meeting);
// A log's records, in order: a count, then each record's encoding.
std::string encode_log(const std::vector<const Record*>& records);

// kCorrupt when `data` is not a v2 record / meeting.
Result<Record> decode_record(std::string_view data);
Result<Meeting> decode_meeting(std::string_view data);
Result<std::vector<Record>> decode_log(std::string_view data);
// The first record of a log whose id is `wanted`, decoding only that one.
Result<std::optional<Record>> find_in_log(std::string_view data,
                                          const std::function<bool(std::string_view)>& wanted);

}  // namespace eavesearch
