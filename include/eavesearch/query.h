// The query language of DESIGN.md 4, staged: text -> QueryNode (a small,
// printable AST) -> Xapian::Query (inside query/). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/result.h"

namespace eavesearch {

struct QueryNode {
  enum class Type {
    kMatchAll,   // no text and no filter
    kWord,       // `value` as typed (one or more index words; several make a phrase)
    kPhrase,     // "...": `value` is the text between the quotes
    kWildcard,   // trailing `*`: `value` is the folded prefix
    kField,      // boolean filter: `field` is the schema field name, `value` normalised
    kDateRange,  // [from, to) in UTC epoch seconds; open ends are the limits
    kAnd,
    kOr,
    kNot,  // one child
  };
  Type type = Type::kMatchAll;
  std::string field;
  std::string value;
  std::int64_t from = kOpenStart;
  std::int64_t to = kOpenEnd;
  std::vector<QueryNode> children;

  static constexpr std::int64_t kOpenStart = std::numeric_limits<std::int64_t>::min();
  static constexpr std::int64_t kOpenEnd = std::numeric_limits<std::int64_t>::max();
};

// A filter given apart from the query text: a page's clicked facet, the
// decision filter of /decisions. A field of the query language and values of
// which any matches (or, with `exclude`, none). Never read from the text a
// user typed, so nothing typed can escape it.
struct Filter {
  std::string field;                // a query-language name: from, meeting, in, is, kind, date, ...
  std::vector<std::string> values;  // any of them; at least one
  bool exclude = false;
  friend bool operator==(const Filter&, const Filter&) = default;
};

// "meeting:nova", "-meeting:nova", "in:\"#openstack-tc\"" as a Filter of
// one value. kUsage when it is not field:value.
Result<Filter> parse_filter(std::string_view text);

// The filter as parse_filter reads it back ("-meeting:nova"), one value a
// string.
std::vector<std::string> filter_strings(const Filter& filter);

// The node of a filter (its values OR'ed, negated when excluded), with
// values normalised as in the query language; `now` anchors relative
// dates. kUsage for an unknown field, topic: (which ranks, not filters) or
// a bad value.
Result<QueryNode> filter_node(const Filter& filter, std::int64_t now);

// A query as read: the text that ranks, and the field filters that restrict
// it, wherever they stood (DESIGN.md 4): `a OR b meeting:nova` is (a OR b)
// within nova. The same field twice is either value; an excluded one
// (`-meeting:nova`, or one inside a negated group) is left out.
struct ParsedQuery {
  QueryNode text;                  // words, phrases, wildcards, topic:, their operators
  std::vector<QueryNode> filters;  // all must hold: one per field, then one per exclusion
  bool lenient = false;            // something was not read as written
  std::string problem;             // what, and why ("; " between several)
  // The names of `name:value` words that are no field ("foo" of foo:bar),
  // read as plain words; not URLs (https://...) nor times (15:07).
  std::vector<std::string> unknown_fields;
};

// Reads `text`; `now` (epoch seconds) anchors relative dates (`date:2w..`,
// `after:yesterday`). Never fails: a filter with a bad value is left out,
// text the grammar refuses (an unbalanced parenthesis) is read as plain
// words, and `problem` says so.
ParsedQuery parse_query(std::string_view text, std::int64_t now);

// The one node of a parsed query: its text AND its filters.
QueryNode root_of(const ParsedQuery& parsed);

// Marks `parsed` lenient and adds `problem` to what it says ("; " between).
void add_problem(ParsedQuery& parsed, const std::string& problem);

// The printable middle form, e.g. (and (word privsep) (field person mnaser)).
std::string to_string(const QueryNode& node);

// True when the query has words to rank by (not only filters).
bool has_text(const QueryNode& node);

// The lines a search shows that are left out by default (bots.h): bots'
// lines, channel events (SearchRequest::include_bots, include_events).
struct Shown {
  bool bots = false;
  bool events = false;
};

}  // namespace eavesearch
