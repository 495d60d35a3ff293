#include "query/xapian_query.h"

#include <vector>

#include "eavesearch/schema.h"
#include "eavesearch/text.h"

namespace eavesearch {
namespace {

using Type = QueryNode::Type;

std::vector<std::string> terms_of(std::string_view text) {
  std::vector<std::string> terms;
  for_each_token(text, [&](const Token& t) { terms.push_back(t.term); });
  return terms;
}

Xapian::Query phrase(const std::vector<std::string>& terms) {
  if (terms.empty()) return Xapian::Query::MatchNothing;
  if (terms.size() == 1) return Xapian::Query(terms.front());
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

std::string prefixed(const Field& f, std::string_view value) {
  return std::string(f.prefix).append(value);
}

Xapian::Query field_query(const QueryNode& n) {
  if (n.field == fields::kTopic.name) {
    std::vector<Xapian::Query> words;
    for (const std::string& t : terms_of(n.value)) words.emplace_back(prefixed(fields::kTopic, t));
    if (words.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
  }
  for (const Field& f : kAllFields) {
    if (f.name == n.field) return Xapian::Query(prefixed(f, n.value));
  }
  return Xapian::Query::MatchNothing;
}

Xapian::Query date_query(const QueryNode& n) {
  auto slot = static_cast<Xapian::valueno>(fields::kTime.slot);
  bool open_start = n.from == QueryNode::kOpenStart;
  bool open_end = n.to == QueryNode::kOpenEnd;
  if (open_start && open_end) return Xapian::Query::MatchAll;
  std::string lo = Xapian::sortable_serialise(static_cast<double>(n.from));
  std::string hi = Xapian::sortable_serialise(static_cast<double>(n.to - 1));
  if (open_start) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi);
  if (open_end) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
}

// Filters weigh nothing: they restrict, they do not rank.
Xapian::Query unweighted(const Xapian::Query& q) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0.0);
}

Xapian::Query convert(const QueryNode& n) {
  switch (n.type) {
    case Type::kMatchAll:
      return Xapian::Query::MatchAll;
    case Type::kWord:
    case Type::kPhrase:
      return phrase(terms_of(n.value));
    case Type::kWildcard:
      if (n.value.empty()) return Xapian::Query::MatchAll;
      return Xapian::Query(Xapian::Query::OP_WILDCARD, n.value, kMaxWildcardExpansion,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    case Type::kField:
      return n.field == fields::kTopic.name ? field_query(n) : unweighted(field_query(n));
    case Type::kDateRange:
      return date_query(n);
    case Type::kNot:
      return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                           convert(n.children.front()));
    case Type::kOr: {
      std::vector<Xapian::Query> parts;
      for (const QueryNode& c : n.children) parts.push_back(convert(c));
      return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    }
    case Type::kAnd: {
      std::vector<Xapian::Query> positive, negative;
      for (const QueryNode& c : n.children) {
        if (c.type == Type::kNot) {
          negative.push_back(convert(c.children.front()));
        } else {
          positive.push_back(convert(c));
        }
      }
      Xapian::Query pos =
          positive.empty() ? Xapian::Query::MatchAll
                           : Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
      if (negative.empty()) return pos;
      return Xapian::Query(Xapian::Query::OP_AND_NOT, pos,
                           Xapian::Query(Xapian::Query::OP_OR, negative.begin(), negative.end()));
    }
  }
  return Xapian::Query::MatchNothing;
}

void collect(const QueryNode& n, std::set<std::string>& out) {
  switch (n.type) {
    case Type::kWord:
    case Type::kPhrase:
      for (std::string& t : terms_of(n.value)) out.insert(std::move(t));
      break;
    case Type::kWildcard:
      if (!n.value.empty()) out.insert(n.value + "*");
      break;
    case Type::kAnd:
    case Type::kOr:
      for (const QueryNode& c : n.children) collect(c, out);
      break;
    default:
      break;
  }
}

}  // namespace

Xapian::Query to_xapian(const QueryNode& node) {
  Xapian::Query records(std::string(fields::kType.prefix).append(kTypeRecord));
  return Xapian::Query(Xapian::Query::OP_FILTER, convert(node), records);
}

std::set<std::string> highlight_terms(const QueryNode& node) {
  std::set<std::string> out;
  collect(node, out);
  return out;
}

}  // namespace eavesearch
