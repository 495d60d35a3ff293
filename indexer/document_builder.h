// Private to indexer/: records and meetings -> Xapian documents, following
// the schema table (include/eavesearch/schema.h).
#pragma once

#include <xapian.h>

#include "eavesearch/record.h"

namespace eavesearch {

Xapian::Document build_record_document(const Record& record);
Xapian::Document build_meeting_document(const Meeting& meeting);

}  // namespace eavesearch
