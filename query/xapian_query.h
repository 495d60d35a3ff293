// Private to query/: QueryNode -> Xapian::Query, and the words to highlight.
#pragma once

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "eavesearch/query.h"

namespace eavesearch {

// The query for `node`, restricted to line records. Words become the index
// terms of include/eavesearch/text.h (a word that splits into several makes
// a phrase); NOT children of an AND become AND_NOT; a query of filters or
// negations only ranks nothing (every match weighs the same). A wildcard
// becomes the synonym of the most frequent kMaxWildcardExpansion terms of
// `db` it covers (as typed or as stemmed), or fewer: `wildcard_terms`;
// `expansion`, when given, learns what the wildcards became.
//
// For one shard of `db`, given its `shard` times (time_span), a date range
// covering them constrains nothing and one missing them matches nothing:
// no time value is read for either.
struct TimeSpan {
  double first, last;  // the shard's earliest and latest times (epoch seconds)
};
inline constexpr Xapian::termcount kMaxWildcardExpansion = 1000;
struct WildcardExpansion {
  std::vector<std::string> trimmed;  // "prefix*" of each that covered more terms than it kept
  unsigned long postings = 0;        // lines of all the terms kept (a term's lines counted once)
};
// Hidden lines (bots.h): a query leaves out the bots' lines and the channel
// events unless `shown` (the API's include=) or the query itself asks for
// them: a positive kind:bot (kind:join, ...) shows bots (events), and a
// from: of a person with hidden lines only (a bot, someone who only joined)
// shows both. Hidden lines' searchable terms are twins (schema.h
// kHiddenTwin): with them left out, a query reads shown lines' terms only,
// and needs no restriction where it has a word or a person; shown, it
// reads both. `hidden`, when given, learns the query of the lines left out
// (for their count).
struct HiddenQueries {
  std::optional<Xapian::Query> lines;  // of the lines left out; nullopt: none are
};
Xapian::Query to_xapian(const QueryNode& node, const Xapian::Database& db,
                        std::optional<TimeSpan> shard = std::nullopt,
                        Xapian::termcount wildcard_terms = kMaxWildcardExpansion,
                        WildcardExpansion* expansion = nullptr, Shown shown = {},
                        HiddenQueries* hidden = nullptr);

// The times `shard` holds; nullopt if none.
std::optional<TimeSpan> time_span(const Xapian::Database& shard);

// Whether a query for one shard can differ from the whole's: it has a date
// range (and no wildcard, whose expansion is the whole's; not worth redoing).
bool depends_on_shard(const QueryNode& node);

// What a snippet marks: index terms, and prefixes ("*" appended) for wildcards.
std::set<std::string> highlight_terms(const QueryNode& node);

}  // namespace eavesearch
