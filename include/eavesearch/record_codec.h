// The compact, versioned document data of the index: what a hit needs to be
// shown without another lookup. Format v1: a tag byte ('R' record, 'M'
// meeting), a version byte (1), then each field as a varint length + bytes
// (integers as decimal strings, lists as a count then their items).
#pragma once

#include <string>
#include <string_view>

#include "eavesearch/record.h"
#include "eavesearch/result.h"

namespace eavesearch {

std::string encode_record(const Record& record);
std::string encode_meeting(const Meeting& meeting);

// kCorrupt when `data` is not a v1 record / meeting.
Result<Record> decode_record(std::string_view data);
Result<Meeting> decode_meeting(std::string_view data);

}  // namespace eavesearch
