// Private to indexer/: records and meetings -> Xapian documents, following
// the schema table (include/eavesearch/schema.h).
#pragma once

#include <xapian.h>

#include <string_view>
#include <vector>

#include "eavesearch/record.h"

namespace eavesearch {

// A line's document: its terms and values; its record is kept in its log's
// document (DESIGN.md 9: storage granularity).
Xapian::Document build_record_document(const Record& record);
Xapian::Document build_meeting_document(const Meeting& meeting);
// Log document `number` of the log `stem` (of the file `path`): the records
// of its lines, in order.
Xapian::Document build_log_document(std::string_view stem, unsigned number, const std::string& path,
                                    const std::vector<const Record*>& records);

}  // namespace eavesearch
