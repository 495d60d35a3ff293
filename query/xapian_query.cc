#include "query/xapian_query.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "core/terms.h"
#include "eavesearch/bots.h"
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

// What a conversion needs: the database words are expanded over, and the
// times of the one shard the query is for, if it is for one; which hidden
// lines are shown, and which the query itself asks for.
struct Context {
  const Xapian::Database& db;
  std::optional<TimeSpan> shard;
  Xapian::termcount wildcard_terms;
  WildcardExpansion* expansion;
  Shown shown;
  mutable Shown asked = {};  // by the query's own filters
  mutable int negated = 0;   // NOTs around the node converted
};

// from:person: their lines; with hidden lines shown, their hidden ones too;
// a person who has hidden lines only asks for them.
Xapian::Query person_query(const std::string& person, const Context& ctx) {
  std::string said = boolean_term(fields::kPerson.prefix, person);
  std::string hidden = boolean_term(fields::kHiddenPerson.prefix, person);
  if (ctx.shown.bots || ctx.shown.events) {
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(said), Xapian::Query(hidden));
  }
  if (ctx.negated == 0 && !ctx.db.term_exists(said) && ctx.db.term_exists(hidden)) {
    ctx.asked = {true, true};
    return Xapian::Query(hidden);
  }
  return Xapian::Query(said);
}

Xapian::Query field_query(const QueryNode& n, const Context& ctx) {
  if (n.field == fields::kPerson.name) return person_query(n.value, ctx);
  if (n.field == fields::kKind.name && ctx.negated == 0) {
    if (n.value == kHiddenBot) ctx.asked.bots = true;
    if (is_event_kind(n.value)) ctx.asked.events = true;
  }
  if (n.field == fields::kTopic.name) {
    std::vector<Xapian::Query> words;
    for (const std::string& t : terms_of(n.value)) words.emplace_back(prefixed(fields::kTopic, t));
    if (words.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
  }
  for (const Field& f : kAllFields) {
    if (f.name == n.field) return Xapian::Query(boolean_term(f.prefix, n.value));
  }
  return Xapian::Query::MatchNothing;
}

// A date range; in a shard whose times it covers, MatchAll (the caller
// leaves it out of an AND), and in one whose times it misses, MatchNothing.
Xapian::Query date_query(const QueryNode& n, const Context& ctx) {
  auto slot = static_cast<Xapian::valueno>(fields::kTime.slot);
  bool open_start = n.from == QueryNode::kOpenStart;
  bool open_end = n.to == QueryNode::kOpenEnd;
  if (open_start && open_end) return Xapian::Query::MatchAll;
  if (ctx.shard) {
    auto from = static_cast<double>(n.from);
    auto last = static_cast<double>(n.to - 1);
    bool covers = (open_start || from <= ctx.shard->first) && (open_end || ctx.shard->last <= last);
    if (covers) return Xapian::Query::MatchAll;
    if ((!open_start && ctx.shard->last < from) || (!open_end && last < ctx.shard->first)) {
      return Xapian::Query::MatchNothing;
    }
  }
  std::string lo = Xapian::sortable_serialise(static_cast<double>(n.from));
  std::string hi = Xapian::sortable_serialise(static_cast<double>(n.to - 1));
  if (open_start) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi);
  if (open_end) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
}

// The index holds stemmed terms only, so a prefix matches both as typed and
// as stemmed ("configuration*" must find "configurations", indexed "configur").
std::optional<Xapian::Query> wildcard(const std::string& prefix, const Context& ctx) {
  const Xapian::Database& db = ctx.db;
  if (prefix.empty()) return std::nullopt;
  // Expanded here, over all the shards together, rather than by
  // OP_WILDCARD, which each database (and each remote server) expands over
  // its own terms: the answer would depend on the layout.
  std::map<std::string, Xapian::doccount> found;
  std::string stemmed = index_term(prefix);
  for (const std::string& p : {prefix, stemmed}) {
    if (p.empty()) continue;
    for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) found[*t] = t.get_termfreq();
  }
  // The most frequent first, ties by term, as many as the bound allows.
  std::vector<std::pair<std::string, Xapian::doccount>> terms(found.begin(), found.end());
  std::stable_sort(terms.begin(), terms.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (terms.size() > ctx.wildcard_terms) {
    terms.resize(ctx.wildcard_terms);
    if (ctx.expansion) ctx.expansion->trimmed.push_back(prefix + "*");
  }
  if (ctx.expansion) {
    for (const auto& [term, n] : terms) ctx.expansion->postings += n;
  }
  if (terms.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> parts;
  for (const auto& [term, n] : terms) parts.emplace_back(term);
  return Xapian::Query(Xapian::Query::OP_SYNONYM, parts.begin(), parts.end());
}

// Filters weigh nothing: they restrict, they do not rank.
Xapian::Query unweighted(const Xapian::Query& q) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0.0);
}

// A converted node, and whether every document it matches is a line record:
// it needs a term only lines carry (a word, or a field other than topic:,
// which meetings carry too). Otherwise the query is filtered to records.
struct Part {
  Xapian::Query query;
  bool records_only = false;
  bool everything = false;  // MatchAll: constrains nothing beside others
};

std::optional<Part> convert(const QueryNode& n, const Context& ctx);

// The negated children of an AND become its AND_NOT; a child that
// constrains nothing is left out.
std::optional<Part> convert_and(const QueryNode& n, const Context& ctx) {
  std::vector<Xapian::Query> positive, negative;
  bool records_only = false;
  for (const QueryNode& c : n.children) {
    bool negated = c.type == Type::kNot;
    ctx.negated += negated;
    auto p = convert(negated ? c.children.front() : c, ctx);
    ctx.negated -= negated;
    if (!p || (!negated && p->everything)) continue;
    (negated ? negative : positive).push_back(p->query);
    records_only = records_only || (!negated && p->records_only);
  }
  if (positive.empty() && negative.empty()) return std::nullopt;
  Xapian::Query pos = positive.empty()
                          ? Xapian::Query::MatchAll
                          : Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
  if (negative.empty()) return Part{pos, records_only};
  return Part{Xapian::Query(Xapian::Query::OP_AND_NOT, pos,
                            Xapian::Query(Xapian::Query::OP_OR, negative.begin(), negative.end())),
              records_only};
}

// nullopt: the node constrains nothing (a word with no index terms, such as
// "-" or "&", or a bare "*"); it is left out rather than matching nothing.
std::optional<Part> convert(const QueryNode& n, const Context& ctx) {
  switch (n.type) {
    case Type::kMatchAll:
      return Part{Xapian::Query::MatchAll};
    case Type::kWord:
    case Type::kPhrase: {
      std::vector<std::string> terms = terms_of(n.value);
      if (terms.empty()) return std::nullopt;
      return Part{phrase(terms), true};
    }
    case Type::kWildcard: {
      auto expanded = wildcard(n.value, ctx);
      if (!expanded) return std::nullopt;
      return Part{*expanded, true};
    }
    case Type::kField:
      if (n.field == fields::kTopic.name) {
        if (terms_of(n.value).empty()) return std::nullopt;
        return Part{field_query(n, ctx)};
      }
      return Part{unweighted(field_query(n, ctx)), true};
    case Type::kDateRange: {
      Xapian::Query q = date_query(n, ctx);
      bool everything = q.get_type() == Xapian::Query::LEAF_MATCH_ALL;
      return Part{q, false, everything};
    }
    case Type::kNot: {
      ++ctx.negated;
      auto inner = convert(n.children.front(), ctx);
      --ctx.negated;
      if (!inner) return std::nullopt;
      return Part{Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, inner->query)};
    }
    case Type::kOr: {
      std::vector<Xapian::Query> parts;
      bool records_only = true;
      for (const QueryNode& c : n.children) {
        if (auto p = convert(c, ctx)) {
          parts.push_back(p->query);
          records_only = records_only && p->records_only;
        }
      }
      if (parts.empty()) return std::nullopt;
      return Part{Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()), records_only};
    }
    case Type::kAnd:
      return convert_and(n, ctx);
  }
  return Part{Xapian::Query::MatchNothing, true};
}

bool has(const QueryNode& n, QueryNode::Type type) {
  if (n.type == type) return true;
  return std::any_of(n.children.begin(), n.children.end(),
                     [&](const QueryNode& c) { return has(c, type); });
}

void collect(const QueryNode& n, std::set<std::string>& out) {
  switch (n.type) {
    case Type::kWord:
    case Type::kPhrase:
      for (std::string& t : terms_of(n.value)) out.insert(std::move(t));
      break;
    case Type::kWildcard:
      if (!n.value.empty()) out.insert(n.value + "*");
      if (std::string stemmed = index_term(n.value); !stemmed.empty()) out.insert(stemmed + "*");
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

Xapian::Query to_xapian(const QueryNode& node, const Xapian::Database& db,
                        std::optional<TimeSpan> shard, Xapian::termcount wildcard_terms,
                        WildcardExpansion* expansion, Shown shown, HiddenQueries* hidden) {
  Context ctx{db, shard, wildcard_terms, expansion, shown};
  Part part = convert(node, ctx).value_or(Part{Xapian::Query::MatchAll});
  Xapian::Query query = part.query;
  // Filtering by type costs a step through every record's posting (6 ms of a
  // common word's 10 at 1M lines), so only where other documents could match.
  if (!part.records_only) {
    Xapian::Query records(std::string(fields::kType.prefix).append(kTypeRecord));
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, records);
  }
  // One term's posting list for both kinds (an OR of two costs a merge).
  bool bots = !shown.bots && !ctx.asked.bots;
  bool events = !shown.events && !ctx.asked.events;
  if (!bots && !events) return query;
  Xapian::Query left_out(
      bots && events ? std::string(fields::kHidden.prefix)
                     : boolean_term(fields::kHidden.prefix, bots ? kHiddenBot : kHiddenEvent));
  if (hidden) hidden->lines = Xapian::Query(Xapian::Query::OP_FILTER, query, left_out);
  return Xapian::Query(Xapian::Query::OP_AND_NOT, query, left_out);
}

std::optional<TimeSpan> time_span(const Xapian::Database& shard) {
  auto slot = static_cast<Xapian::valueno>(fields::kTime.slot);
  std::string first = shard.get_value_lower_bound(slot);
  std::string last = shard.get_value_upper_bound(slot);
  if (first.empty() || last.empty()) return std::nullopt;
  return TimeSpan{Xapian::sortable_unserialise(first), Xapian::sortable_unserialise(last)};
}

bool depends_on_shard(const QueryNode& node) {
  return has(node, Type::kDateRange) && !has(node, Type::kWildcard);
}

std::set<std::string> highlight_terms(const QueryNode& node) {
  std::set<std::string> out;
  collect(node, out);
  return out;
}

}  // namespace eavesearch
