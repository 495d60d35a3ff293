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

// Which lines' terms a conversion reads: a shown line's searchable terms
// are as written, a hidden line's are their twins (schema.h kHiddenTwin).
enum class Lines { kShown, kHidden, kBoth };

// What a conversion needs: the database words are expanded over, and the
// times of the one shard the query is for, if it is for one; whose terms it
// reads.
struct Context {
  const Xapian::Database& db;
  std::optional<TimeSpan> shard;
  Xapian::termcount wildcard_terms;
  WildcardExpansion* expansion;
  Lines lines;
};

// The query `make(twin)` gives for the lines of ctx: as written, as twins, or either.
template <typename Make>
Xapian::Query on_lines(const Context& ctx, Make make) {
  switch (ctx.lines) {
    case Lines::kShown:
      return make(false);
    case Lines::kHidden:
      return make(true);
    case Lines::kBoth:
      break;
  }
  return Xapian::Query(Xapian::Query::OP_OR, make(false), make(true));
}

Xapian::Query searchable(const std::string& term, const Context& ctx) {
  return on_lines(ctx, [&](bool twin) { return Xapian::Query(twin ? hidden_twin(term) : term); });
}

Xapian::Query words(std::vector<std::string> terms, const Context& ctx) {
  return on_lines(ctx, [&](bool twin) {
    if (!twin) return phrase(terms);
    std::vector<std::string> twins;
    for (const std::string& t : terms) twins.push_back(hidden_twin(t));
    return phrase(twins);
  });
}

// Filters weigh nothing: they restrict, they do not rank.
Xapian::Query unweighted(const Xapian::Query& q) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0.0);
}

bool is_hidden_kind(std::string_view kind) { return kind == kHiddenBot || is_event_kind(kind); }

// The fields whose terms a hidden line has as twins.
bool is_searchable_field(std::string_view name) {
  return name == fields::kPerson.name || name == fields::kItem.name ||
         name == fields::kOwner.name || name == fields::kTopic.name;
}

// A converted node; whether every document it matches is a line record (it
// needs a term only lines carry: a word, or a field other than topic:, which
// meetings carry too; otherwise the query is filtered to records); and
// whether every line it matches is one of ctx's lines (it needs a searchable
// term, or a kind only they have; otherwise the query is filtered to them).
struct Part {
  Xapian::Query query;
  bool records_only = false;
  bool own_lines = false;
  bool everything = false;  // MatchAll: constrains nothing beside others
};

Part field_query(const QueryNode& n, const Context& ctx) {
  if (n.field == fields::kTopic.name) {
    std::vector<Xapian::Query> all;
    for (const std::string& t : terms_of(n.value)) {
      all.push_back(searchable(std::string(fields::kTopic.prefix).append(t), ctx));
    }
    if (all.empty()) return {Xapian::Query::MatchNothing, false, true};
    return {Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end()), false, true};
  }
  for (const Field& f : kAllFields) {
    if (f.name != n.field) continue;
    std::string term = boolean_term(f.prefix, n.value);
    if (is_searchable_field(f.name)) return {unweighted(searchable(term, ctx)), true, true};
    // A kind only shown (hidden) lines have; a status, which only action items have.
    bool own = (f.name == fields::kKind.name && ctx.lines != Lines::kBoth &&
                is_hidden_kind(n.value) == (ctx.lines == Lines::kHidden)) ||
               (f.name == fields::kStatus.name && ctx.lines == Lines::kShown);
    return {unweighted(Xapian::Query(term)), true, own};
  }
  return {Xapian::Query::MatchNothing, true, true};
}

// The hidden lines the query itself asks for: a positive kind:bot (kind:join,
// ...) asks for bots (events); a positive from: of a person whose lines are
// all hidden (a bot, someone who only joined) asks for both.
Shown asked_for(const QueryNode& n, const Xapian::Database& db, bool negated = false) {
  Shown asked;
  if (n.type == Type::kField && !negated) {
    if (n.field == fields::kKind.name) {
      asked.bots = n.value == kHiddenBot;
      asked.events = is_event_kind(n.value);
    } else if (n.field == fields::kPerson.name) {
      std::string said = boolean_term(fields::kPerson.prefix, n.value);
      asked.bots = asked.events = !db.term_exists(said) && db.term_exists(hidden_twin(said));
    }
  }
  for (const QueryNode& c : n.children) {
    Shown in = asked_for(c, db, negated != (n.type == Type::kNot));
    asked.bots = asked.bots || in.bots;
    asked.events = asked.events || in.events;
  }
  return asked;
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
  for (const std::string& typed : {prefix, stemmed}) {
    if (typed.empty()) continue;
    for (bool twin : {false, true}) {
      if (ctx.lines == (twin ? Lines::kShown : Lines::kHidden)) continue;
      std::string p = twin ? hidden_twin(typed) : typed;
      for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) {
        found[*t] = t.get_termfreq();
      }
    }
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

std::optional<Part> convert(const QueryNode& n, const Context& ctx);

// The negated children of an AND become its AND_NOT; a child that
// constrains nothing is left out.
std::optional<Part> convert_and(const QueryNode& n, const Context& ctx) {
  std::vector<Xapian::Query> positive, negative;
  bool records_only = false, own_lines = false;
  for (const QueryNode& c : n.children) {
    bool negated = c.type == Type::kNot;
    auto p = convert(negated ? c.children.front() : c, ctx);
    if (!p || (!negated && p->everything)) continue;
    (negated ? negative : positive).push_back(p->query);
    records_only = records_only || (!negated && p->records_only);
    own_lines = own_lines || (!negated && p->own_lines);
  }
  if (positive.empty() && negative.empty()) return std::nullopt;
  Xapian::Query pos = positive.empty()
                          ? Xapian::Query::MatchAll
                          : Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
  if (negative.empty()) return Part{pos, records_only, own_lines};
  return Part{Xapian::Query(Xapian::Query::OP_AND_NOT, pos,
                            Xapian::Query(Xapian::Query::OP_OR, negative.begin(), negative.end())),
              records_only, own_lines};
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
      return Part{words(std::move(terms), ctx), true, true};
    }
    case Type::kWildcard: {
      auto expanded = wildcard(n.value, ctx);
      if (!expanded) return std::nullopt;
      return Part{*expanded, true, true};
    }
    case Type::kField:
      if (n.field == fields::kTopic.name && terms_of(n.value).empty()) return std::nullopt;
      return field_query(n, ctx);
    case Type::kDateRange: {
      Xapian::Query q = date_query(n, ctx);
      bool everything = q.get_type() == Xapian::Query::LEAF_MATCH_ALL;
      return Part{q, false, false, everything};
    }
    case Type::kNot: {
      auto inner = convert(n.children.front(), ctx);
      if (!inner) return std::nullopt;
      return Part{Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, inner->query)};
    }
    case Type::kOr: {
      std::vector<Xapian::Query> parts;
      bool records_only = true, own_lines = true;
      for (const QueryNode& c : n.children) {
        if (auto p = convert(c, ctx)) {
          parts.push_back(p->query);
          records_only = records_only && p->records_only;
          own_lines = own_lines && p->own_lines;
        }
      }
      if (parts.empty()) return std::nullopt;
      return Part{Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()), records_only,
                  own_lines};
    }
    case Type::kAnd:
      return convert_and(n, ctx);
  }
  return Part{Xapian::Query::MatchNothing, true, true};
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

// `node` over `lines`, restricted to line records, and whether every line it
// matches is one of `lines`.
Part converted(const QueryNode& node, const Context& ctx) {
  Part part = convert(node, ctx).value_or(Part{Xapian::Query::MatchAll});
  // Filtering by type costs a step through every record's posting (6 ms of a
  // common word's 10 at 1M lines), so only where other documents could match.
  if (!part.records_only) {
    Xapian::Query records(std::string(fields::kType.prefix).append(kTypeRecord));
    part.query = Xapian::Query(Xapian::Query::OP_FILTER, part.query, records);
  }
  part.own_lines = part.own_lines && ctx.lines != Lines::kBoth;
  return part;
}

}  // namespace

Xapian::Query to_xapian(const QueryNode& node, const Xapian::Database& db,
                        std::optional<TimeSpan> shard, Xapian::termcount wildcard_terms,
                        WildcardExpansion* expansion, Shown shown, HiddenQueries* hidden) {
  Shown asked = asked_for(node, db);
  bool hide_bots = !shown.bots && !asked.bots;
  bool hide_events = !shown.events && !asked.events;
  // The query over `lines`, and unless every line it matches is one of them
  // already, `restrict`ed by `left_out`.
  auto query_of = [&](Lines lines, WildcardExpansion* learns, Xapian::Query::op restrict,
                      const Xapian::Query& left_out) {
    Part part = converted(node, Context{db, shard, wildcard_terms, learns, lines});
    if (part.own_lines) return part.query;
    return Xapian::Query(restrict, part.query, left_out);
  };
  if (!hide_bots && !hide_events) {
    return converted(node, Context{db, shard, wildcard_terms, expansion, Lines::kBoth}).query;
  }
  // The usual case: shown lines' terms only, and no restriction at all where
  // the query needs one of them (a word, a person): hiding costs it nothing.
  if (hide_bots && hide_events) {
    Xapian::Query any_hidden(std::string(fields::kHidden.prefix));
    if (hidden) {
      hidden->lines = query_of(Lines::kHidden, nullptr, Xapian::Query::OP_FILTER, any_hidden);
    }
    return query_of(Lines::kShown, expansion, Xapian::Query::OP_AND_NOT, any_hidden);
  }
  Xapian::Query left_out(
      boolean_term(fields::kHidden.prefix, hide_bots ? kHiddenBot : kHiddenEvent));
  if (hidden) hidden->lines = query_of(Lines::kBoth, nullptr, Xapian::Query::OP_FILTER, left_out);
  return query_of(Lines::kBoth, expansion, Xapian::Query::OP_AND_NOT, left_out);
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
