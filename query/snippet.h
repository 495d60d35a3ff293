// Private to query/: the HTML snippet of a hit.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "eavesearch/record.h"

namespace eavesearch {

// `text` HTML-escaped, with every word whose index term is in `terms` (or
// starts with a prefix given as "prefix*") wrapped in <mark>. Texts longer
// than kSnippetBytes are cut to a window around the first match, marked "…".
std::string make_snippet(std::string_view text, const std::set<std::string>& terms);

inline constexpr std::size_t kSnippetBytes = 300;

// The text a hit's snippet shows: the line's, and for a vote (which reads
// "#endvote" and is found by its question) the vote as the minutes state it.
std::string snippet_text(const Record& record);

}  // namespace eavesearch
