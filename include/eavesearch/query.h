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

// Strict parse. `now` (epoch seconds) anchors relative dates (`date:2w..`,
// `after:yesterday`). kUsage with a message naming the problem on bad input.
Result<QueryNode> parse_query(std::string_view text, std::int64_t now);

struct ParsedQuery {
  QueryNode root;
  bool lenient = false;  // the strict parse failed; the text was read as plain words
  std::string problem;   // why the strict parse failed, when lenient
};

// Strict parse, else the text read as plain words. Never fails.
ParsedQuery parse_query_leniently(std::string_view text, std::int64_t now);

// The printable middle form, e.g. (and (word privsep) (field person mnaser)).
std::string to_string(const QueryNode& node);

// True when the query has words to rank by (not only filters).
bool has_text(const QueryNode& node);

}  // namespace eavesearch
