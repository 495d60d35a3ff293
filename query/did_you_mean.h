// Private to query/: "did you mean" from Xapian's spelling data.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

#include "eavesearch/query.h"

namespace eavesearch {

// `q` with each word the index does not know replaced by the nearest word it
// does (edit distance 2, Xapian's spelling data); nullopt when every word is
// known or none has a suggestion. Only free-text words are corrected, never
// field values.
std::optional<std::string> did_you_mean(const Xapian::Database& db, const std::string& q,
                                        const QueryNode& root);

}  // namespace eavesearch
