#include "query/search_plan.h"

#include <algorithm>
#include <set>

#include "query/xapian_query.h"

namespace eavesearch {
namespace {

using Type = QueryNode::Type;

Status validate(const SearchRequest& req) {
  auto usage = [](std::string message) { return Error{ErrorCode::kUsage, std::move(message)}; };
  if (req.page < 1) return usage("page must be 1 or more");
  if (req.per_page < 1 || req.per_page > kMaxPerPage) {
    return usage("per_page must be between 1 and " + std::to_string(kMaxPerPage));
  }
  if (req.q.size() > kMaxQueryBytes) {
    return usage("q is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  }
  if (req.context < 0 || req.context > kMaxContext) {
    return usage("context must be between 0 and " + std::to_string(kMaxContext));
  }
  for (const std::string& f : req.facets) {
    if (std::find(kFacetFields.begin(), kFacetFields.end(), f) == kFacetFields.end()) {
      return usage("unknown facet \"" + f + "\" (person, meeting, channel, year, month, kind)");
    }
  }
  if (static_cast<std::int64_t>(req.page) * req.per_page > kMaxResultWindow) {
    return usage("page * per_page must be at most " + std::to_string(kMaxResultWindow) +
                 "; narrow the query");
  }
  return Ok{};
}

bool ranks(const QueryNode& n) {
  return n.type == Type::kWord || n.type == Type::kPhrase || n.type == Type::kWildcard ||
         (n.type == Type::kField && n.field == "topic");
}

// Takes out of `n` the leaves `drop` says (depth first, in order); false
// when nothing of `n` is left.
template <typename Drop>
bool prune(QueryNode& n, Drop& drop) {
  if (n.children.empty()) return !drop(n);
  std::vector<QueryNode> kept;
  for (QueryNode& c : n.children) {
    if (prune(c, drop)) kept.push_back(std::move(c));
  }
  if (kept.empty()) return false;
  if (kept.size() == 1 && n.type != Type::kNot) {
    QueryNode only = std::move(kept.front());
    n = std::move(only);
  } else {
    n.children = std::move(kept);
  }
  return true;
}

// Keeps the text within kMaxQueryTerms terms and kMaxWildcards distinct
// wildcards (a repeated one is the same), saying what went.
void bound_terms(ParsedQuery& q) {
  std::size_t seen = 0;
  auto over_terms = [&](const QueryNode& n) { return ranks(n) && ++seen > kMaxQueryTerms; };
  if (!prune(q.text, over_terms)) q.text = QueryNode{};
  if (seen > kMaxQueryTerms) {
    add_problem(q, "the query has " + std::to_string(seen) + " words; the first " +
                       std::to_string(kMaxQueryTerms) + " were used");
  }
  std::vector<std::string> wildcards;
  std::size_t dropped = 0;
  auto over_wildcards = [&](const QueryNode& n) {
    if (n.type != Type::kWildcard) return false;
    if (std::find(wildcards.begin(), wildcards.end(), n.value) != wildcards.end()) return false;
    if (wildcards.size() < kMaxWildcards) {
      wildcards.push_back(n.value);
      return false;
    }
    ++dropped;
    return true;
  };
  if (!prune(q.text, over_wildcards)) q.text = QueryNode{};
  if (dropped > 0) {
    add_problem(q, std::to_string(kMaxWildcards + dropped) + " different wildcards; the first " +
                       std::to_string(kMaxWildcards) + " were used");
  }
}

// A wildcard repeated among its siblings matches what the first does: one
// is expanded (`s* s* s*` is `s*`).
void merge_repeated_wildcards(QueryNode& n) {
  std::vector<QueryNode> kept;
  std::set<std::string> wildcards;
  for (QueryNode& c : n.children) {
    merge_repeated_wildcards(c);
    if (n.type != Type::kNot && c.type == Type::kWildcard && !wildcards.insert(c.value).second) {
      continue;
    }
    kept.push_back(std::move(c));
  }
  if (kept.size() == 1 && n.type != Type::kNot && !n.children.empty()) {
    QueryNode only = std::move(kept.front());
    n = std::move(only);
  } else {
    n.children = std::move(kept);
  }
}

std::size_t distinct_wildcards(const QueryNode& n, std::set<std::string>& seen) {
  if (n.type == Type::kWildcard) seen.insert(n.value);
  for (const QueryNode& c : n.children) distinct_wildcards(c, seen);
  return seen.size();
}

std::string hits_range(const SearchPlan& p) {
  return "hits " + std::to_string(p.first + 1) + "-" + std::to_string(p.first + p.per_page);
}

std::string over(const IndexLayout& layout) {
  if (layout.remote > 0) return std::to_string(layout.remote) + " remote databases";
  return layout.local_shards == 1 ? "1 database" : std::to_string(layout.local_shards) + " shards";
}

std::string milliseconds(double seconds) {
  return std::to_string(static_cast<long>(seconds * 1000 + 0.5)) + " ms";
}

}  // namespace

Result<SearchPlan> plan_search(const SearchRequest& req, const IndexLayout& layout,
                               std::int64_t now) {
  if (auto valid = validate(req); !valid) return valid.error();
  SearchPlan p;
  p.layout = layout;
  p.query = parse_query(req.q, now);
  for (const Filter& f : req.filters) {
    auto node = filter_node(f, now);
    if (!node) return Error{ErrorCode::kUsage, "filter: " + node.error().message};
    p.query.filters.push_back(std::move(*node));
  }
  merge_repeated_wildcards(p.query.text);
  bound_terms(p.query);
  p.root = root_of(p.query);
  const QueryNode& root = p.root;
  p.sort = req.sort != SortOrder::kAuto ? req.sort
           : has_text(root)             ? SortOrder::kRelevance
                                        : SortOrder::kNewest;
  p.facet_fields = req.facets;
  if (!req.facets.empty()) {
    p.facets = layout.facet_columns && layout.local_shards > 0 ? FacetStrategy::kColumns
               : layout.remote > 1                             ? FacetStrategy::kSpyOfItsOwn
                                                               : FacetStrategy::kSpyInHits;
  }
  p.collapse = req.collapse;
  p.context = req.context;
  p.first = static_cast<unsigned>((req.page - 1) * req.per_page);
  p.per_page = static_cast<unsigned>(req.per_page);
  p.check_at_least = p.first + p.per_page + kExactCountMatches;
  if (p.facets == FacetStrategy::kSpyInHits)
    p.check_at_least = std::max(p.check_at_least, kFacetSample);
  if (p.facets != FacetStrategy::kNone) p.facet_sample = kFacetSample;
  p.count_seconds = kExactCountSeconds;
  const bool by_key = p.sort != SortOrder::kRelevance;
  p.hits = !by_key ? HitStrategy::kRelevance
           : layout.local_shards > 1 && p.facets != FacetStrategy::kSpyInHits
               ? HitStrategy::kKeyOrderShards
               : HitStrategy::kKeyOrder;
  p.query_per_shard = layout.local_shards > 1 && depends_on_shard(root);
  std::set<std::string> wildcards;
  if (std::size_t w = distinct_wildcards(p.query.text, wildcards); w > 0) {
    p.wildcard_terms =
        std::min<unsigned>(kMaxWildcardExpansion, kMaxWildcardTerms / static_cast<unsigned>(w));
  }
  p.budget_ms = req.time_budget_ms;
  p.explain = req.explain;
  p.shown = {req.include_bots, req.include_events};
  return p;
}

namespace {

// The lines a plan leaves out unless the query asks for them (bots.h).
std::string hidden_step(Shown shown) {
  std::string hidden;
  if (!shown.bots) hidden = "bots' lines";
  if (!shown.events) hidden += (hidden.empty() ? "" : " and ") + std::string("channel events");
  if (hidden.empty()) return "none: all lines shown";
  return hidden + " left out unless the query asks for them, counted up to " +
         std::to_string(kHiddenCountMatches);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> describe(const SearchPlan& p) {
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back("query", to_string(p.query.text));
  std::string filters;
  for (const QueryNode& f : p.query.filters) filters += (filters.empty() ? "" : " ") + to_string(f);
  out.emplace_back("filters", filters.empty() ? "none" : "(and " + filters + ")");
  out.emplace_back("hidden", hidden_step(p.shown));
  out.emplace_back("sort", sort_order_name(p.sort));
  std::string order = p.sort == SortOrder::kOldest ? "oldest first" : "newest first";
  std::string hits;
  switch (p.hits) {
    case HitStrategy::kRelevance:
      hits = "by relevance, then newest, in one match over " + over(p.layout);
      break;
    case HitStrategy::kKeyOrder:
      hits = order + ", in one match over " + over(p.layout);
      break;
    case HitStrategy::kKeyOrderShards:
      hits = order + ", " + over(p.layout) + " one by one from the one with the " +
             (p.sort == SortOrder::kOldest ? "oldest" : "newest") +
             " lines; a shard whose lines all fall behind the page is only counted";
      break;
  }
  hits += "; " + hits_range(p);
  if (p.collapse) hits += ", one a log";
  if (p.context > 0) hits += ", with " + std::to_string(p.context) + " lines around each";
  if (p.query_per_shard) hits += "; date ranges resolved against each shard's times";
  out.emplace_back("hits", hits);
  out.emplace_back("total", "exact up to " + std::to_string(p.check_at_least) +
                                " matches counted within " + milliseconds(p.count_seconds) +
                                ", else estimated" + (p.collapse ? " (logs, not lines)" : ""));
  std::string facets;
  for (const std::string& f : p.facet_fields) facets += (facets.empty() ? "" : ", ") + f;
  switch (p.facets) {
    case FacetStrategy::kNone:
      facets = "none";
      break;
    case FacetStrategy::kColumns:
      facets += " from the columns in memory, shard by shard, newest first";
      break;
    case FacetStrategy::kSpyInHits:
      facets += " from the packed values, in the hits' match";
      break;
    case FacetStrategy::kSpyOfItsOwn:
      facets += " from the packed values, in a match of their own";
      break;
  }
  if (p.facets != FacetStrategy::kNone) {
    facets += "; at most " + std::to_string(p.facet_sample) + " matches, else estimated";
  }
  out.emplace_back("facets", facets);
  std::string bounds = "at most " + std::to_string(kMaxQueryTerms) + " words";
  if (p.wildcard_terms > 0) {
    bounds += "; each wildcard expands to at most " + std::to_string(p.wildcard_terms) +
              " terms, the most frequent";
  }
  bounds += p.budget_ms > 0 ? "; the work stops after " + std::to_string(p.budget_ms) + " ms"
                            : "; no time budget";
  out.emplace_back("bounds", bounds);
  return out;
}

}  // namespace eavesearch
