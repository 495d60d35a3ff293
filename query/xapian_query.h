// Private to query/: QueryNode -> Xapian::Query, and the words to highlight.
#pragma once

#include <xapian.h>

#include <set>
#include <string>

#include "eavesearch/query.h"

namespace eavesearch {

// The query for `node`, restricted to line records. Words become the index
// terms of include/eavesearch/text.h (a word that splits into several makes
// a phrase); NOT children of an AND become AND_NOT; a query of filters or
// negations only ranks nothing (every match weighs the same). A wildcard
// becomes the synonym of the most frequent kMaxWildcardExpansion terms of
// `db` it covers (as typed or as stemmed).
Xapian::Query to_xapian(const QueryNode& node, const Xapian::Database& db);

// What a snippet marks: index terms, and prefixes ("*" appended) for wildcards.
std::set<std::string> highlight_terms(const QueryNode& node);

inline constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

}  // namespace eavesearch
