#include "eavesearch/searcher.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <map>
#include <memory>
#include <tuple>

#include "core/facet_value.h"
#include "core/relevance.h"
#include "core/terms.h"
#include "core/xapian_errors.h"
#include "eavesearch/person.h"
#include "eavesearch/query.h"
#include "eavesearch/record_codec.h"
#include "eavesearch/schema.h"
#include "query/did_you_mean.h"
#include "query/facet_columns.h"
#include "query/log_records.h"
#include "query/nearer_queries.h"
#include "query/search_executors.h"
#include "query/search_plan.h"
#include "query/search_resources.h"
#include "query/snippet.h"
#include "query/sorted_by_key.h"
#include "query/xapian_query.h"

namespace eavesearch {

namespace {

// What identifies the stub DIR/XAPIANDB a Searcher opened: a --rebuild
// replaces it (a rename: a new inode), and then the database is opened
// afresh, since reopen() stays with the generation it has.
struct StubId {
  ino_t inode = 0;
  std::int64_t mtime_ns = 0;
  friend bool operator==(const StubId&, const StubId&) = default;
};

StubId stub_id(const std::string& dir) {
  struct stat st {};
  if (::stat((dir + "/XAPIANDB").c_str(), &st) != 0) return {};
  return {st.st_ino,
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

}  // namespace

// Logs decoded and kept between requests (while the database stays the same).
constexpr std::size_t kKeptLogs = 256;

struct Searcher::Impl {
  std::string dir;
  Xapian::Database db;
  StubId stub;
  int remotes = 0;                 // remote databases among db's
  std::vector<LocalShard> shards;  // db's shards when all are local
  bool normalised_wdf = true;      // (core/relevance.h) false for a database of before schema 8
  LogRecords records = {};
  std::optional<std::vector<std::shared_ptr<const FacetColumn>>> columns;  // of layout()
  std::shared_ptr<SearchResources> resources;
  FacetColumnCache& column_cache() { return resources->impl().facet_columns; }

  // Each shard's earliest and latest times, read once per revision: the
  // newest shard's change with every commit, so forget() is called
  // whenever the database may have moved on.
  std::optional<std::vector<std::optional<TimeSpan>>> spans;
  const std::vector<std::optional<TimeSpan>>& shard_spans() {
    if (!spans) {
      spans.emplace();
      for (const LocalShard& shard : shards) spans->push_back(time_span(shard.db));
    }
    return *spans;
  }
  void forget() {
    spans.reset();
    records.clear();
  }
  LogRecords::Index records_index() { return {db, shards, shard_spans()}; }
  // The newest line's time, for SearchResponse::logs_until.
  std::optional<std::int64_t> logs_until() {
    if (shards.empty()) {
      auto span = time_span(db);
      return span ? std::optional(static_cast<std::int64_t>(span->last)) : std::nullopt;
    }
    std::optional<std::int64_t> out;
    for (const std::optional<TimeSpan>& span : shard_spans()) {
      if (span) out = std::max(out.value_or(INT64_MIN), static_cast<std::int64_t>(span->last));
    }
    return out;
  }

  void set_database(OpenedDatabase opened) {
    forget();
    db = std::move(opened.db);
    shards = std::move(opened.shards);
    remotes = opened.remote;
    std::string schema = db.get_metadata(std::string(kSchemaKey));
    normalised_wdf = schema.empty() || std::atol(schema.c_str()) >= kNormalisedWdfSchema;
  }

  // What a plan needs to know of the index. Asking for the facet columns
  // starts loading those missing; the ones ready are kept for execute().
  IndexLayout layout(bool facets) {
    columns.reset();
    if (facets) columns = column_cache().columns(shards);
    return {shards.size(), remotes, columns.has_value()};
  }

  Result<SearchResponse> execute(const SearchPlan& plan, const WorkBudget& budget);

  // For a request that found nothing: the nearer queries that find
  // something, counted, within what is left of `budget`.
  std::vector<Suggestion> suggest(const SearchRequest& req, std::int64_t now,
                                  const WorkBudget& budget) {
    std::vector<Suggestion> out;
    for (NearerQuery& near : nearer_queries(db, req.q, now)) {
      SearchRequest tried = req;
      tried.q = near.q;
      tried.page = 1;
      tried.per_page = 1;
      tried.context = 0;
      tried.facets.clear();
      tried.explain = false;
      auto plan = plan_search(tried, layout(false), now);
      if (!plan) continue;
      auto found = execute(*plan, budget);
      if (!found) break;  // out of time: what was found so far
      if (found->total == 0) continue;
      out.push_back({std::move(near.q), std::move(near.why), found->total, found->total_exact});
      if (out.size() == kMaxSuggestions) break;
    }
    return out;
  }

  // The record of a hit. Every MSet of lines is sorted by the sort key, so
  // the match has read it already: no value read per hit.
  Result<Record> record_of(const Xapian::MSetIterator& hit) {
    std::string key = hit.get_sort_key();
    if (key.empty()) {
      key = hit.get_document().get_value(static_cast<Xapian::valueno>(fields::kSortKey.slot));
    }
    return records.of_line(records_index(), key);
  }
};

std::optional<SortOrder> parse_sort_order(std::string_view s) {
  if (s == "relevance") return SortOrder::kRelevance;
  if (s == "newest") return SortOrder::kNewest;
  if (s == "oldest") return SortOrder::kOldest;
  return std::nullopt;
}

const char* sort_order_name(SortOrder order) {
  switch (order) {
    case SortOrder::kNewest:
      return "newest";
    case SortOrder::kOldest:
      return "oldest";
    default:
      return "relevance";
  }
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Result<Searcher> Searcher::open(const std::string& db_dir,
                                std::shared_ptr<SearchResources> resources) {
  auto searcher = with_xapian_errors([&]() -> Result<Searcher> {
    StubId stub = stub_id(db_dir);
    auto impl = std::make_unique<Impl>();
    impl->dir = db_dir;
    impl->stub = stub;
    impl->resources = resources ? std::move(resources) : std::make_shared<SearchResources>();
    impl->set_database(open_database(db_dir));
    return Searcher(std::move(impl));
  });
  if (!searcher && searcher.error().code == ErrorCode::kUnavailable) {
    return Error{ErrorCode::kUnavailable,
                 "no eavesearch database at " + db_dir +
                     " (eavesearch index makes one): " + searcher.error().message};
  }
  return searcher;
}

Result<Hit> Searcher::record(const std::string& id, int context) {
  if (context < 0 || context > kMaxContext) {
    return Error{ErrorCode::kUsage, "context must be between 0 and " + std::to_string(kMaxContext)};
  }
  return with_xapian_errors([&]() -> Result<Hit> {
    auto found = impl_->records.by_id(impl_->records_index(), id, std::nullopt);
    if (!found) return found.error();
    if (!*found) return Error{ErrorCode::kNotFound, "no record " + id};
    Hit hit;
    hit.record = (*found)->record();
    hit.snippet = make_snippet(hit.record.text, {});
    auto around = context_of(hit.record, context);
    if (!around) return around.error();
    std::tie(hit.before, hit.after) = std::move(*around);
    return hit;
  });
}

namespace {

Status check_list_page(ListPage page) {
  if (page.page < 1) return Error{ErrorCode::kUsage, "page must be 1 or more"};
  if (page.per_page < 1 || page.per_page > kMaxListPage) {
    return Error{ErrorCode::kUsage,
                 "per_page must be between 1 and " + std::to_string(kMaxListPage)};
  }
  return Ok{};
}

// The page's matches of `enquire`, and how many there are in all.
Xapian::MSet list_page(Xapian::Enquire& enquire, const Xapian::Database& db, ListPage page) {
  auto first = static_cast<Xapian::doccount>(
      std::min<std::int64_t>(std::int64_t{page.page - 1} * page.per_page, db.get_doccount()));
  return enquire.get_mset(first, static_cast<Xapian::doccount>(page.per_page), db.get_doccount());
}

MinutesCounts minutes_counts(const Meeting& m) {
  MinutesCounts out;
  for (const MinutesItem& i : m.items) {
    if (i.type == "ACTION") ++out.action_items;
    if (i.type == "ACTION" && i.status == "open") ++out.open_actions;
    if (i.type == "AGREED" || i.type == "ACCEPTED" || i.type == "REJECTED" || i.type == "VOTE")
      ++out.decisions;
  }
  return out;
}

// The meeting of the series `name` next to the one whose sort key is `key`
// (its id `id`): the one before it in time, or after it; nullopt at the end.
Result<std::optional<Meeting>> neighbour(const Xapian::Database& db, const std::string& name,
                                         const std::string& key, const std::string& id,
                                         bool before) {
  auto slot = static_cast<Xapian::valueno>(fields::kSortKey.slot);
  Xapian::Query range = before ? Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, key)
                               : Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, key);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(
      Xapian::Query::OP_FILTER,
      Xapian::Query(boolean_term(fields::kType.prefix, meeting_series_type(name))), range));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_sort_by_value(slot, before);
  // Itself first (the same key), then its neighbour.
  Xapian::MSet mset = enquire.get_mset(0, 2);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    auto m = decode_meeting(it.get_document().get_data());
    if (!m) return m.error();
    if (m->id == id) continue;
    m->items.clear();
    m->people.clear();
    return std::optional<Meeting>(std::move(*m));
  }
  return std::optional<Meeting>();
}

}  // namespace

Result<MeetingList> Searcher::meetings_of(const std::string& name, ListPage page) {
  if (auto ok = check_list_page(page); !ok) return ok.error();
  return with_xapian_errors([&]() -> Result<MeetingList> {
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(Xapian::Query(
        boolean_term(fields::kType.prefix, meeting_series_type(normalise_meeting_name(name)))));
    enquire.set_sort_by_value(static_cast<Xapian::valueno>(fields::kSortKey.slot), true);
    MeetingList out;
    Xapian::MSet mset = list_page(enquire, impl_->db, page);
    out.total = static_cast<long>(mset.get_matches_estimated());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto m = decode_meeting(it.get_document().get_data());
      if (!m) return m.error();
      out.counts.push_back(minutes_counts(*m));
      m->items.clear();
      m->people.clear();
      out.meetings.push_back(std::move(*m));
    }
    return out;
  });
}

Result<MeetingLines> Searcher::latest_of_series(const std::string& name, ListPage page) {
  auto newest = meetings_of(name, ListPage{1, 1});
  if (!newest) return newest.error();
  if (newest->meetings.empty())
    return Error{ErrorCode::kNotFound, "no meetings named " + normalise_meeting_name(name)};
  return meeting(newest->meetings.front().id, page);
}

Result<MeetingLines> Searcher::meeting(const std::string& id, ListPage page) {
  if (auto ok = check_list_page(page); !ok) return ok.error();
  return with_xapian_errors([&]() -> Result<MeetingLines> {
    std::string term = boolean_term(fields::kId.prefix, id);
    Xapian::PostingIterator p = impl_->db.postlist_begin(term);
    if (p == impl_->db.postlist_end(term)) return Error{ErrorCode::kNotFound, "no meeting " + id};
    Xapian::Document doc = impl_->db.get_document(*p);
    auto m = decode_meeting(doc.get_data());
    if (!m) return Error{ErrorCode::kNotFound, "no meeting " + id};
    std::string key = doc.get_value(static_cast<Xapian::valueno>(fields::kSortKey.slot));
    auto previous = neighbour(impl_->db, m->name, key, m->id, true);
    if (!previous) return previous.error();
    auto next = neighbour(impl_->db, m->name, key, m->id, false);
    if (!next) return next.error();
    // Its lines: the records of its file, of its name, within its time.
    Xapian::Enquire enquire(impl_->db);
    auto time_slot = static_cast<Xapian::valueno>(fields::kTime.slot);
    Xapian::Query lines(Xapian::Query::OP_FILTER, Xapian::Query(file_term(m->path)),
                        Xapian::Query(boolean_term(fields::kMeeting.prefix, m->name)));
    lines = Xapian::Query(Xapian::Query::OP_FILTER, lines,
                          Xapian::Query(Xapian::Query::OP_VALUE_RANGE, time_slot,
                                        Xapian::sortable_serialise(static_cast<double>(m->start)),
                                        Xapian::sortable_serialise(static_cast<double>(m->end))));
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, lines,
                      Xapian::Query(std::string(fields::kType.prefix).append(kTypeRecord))));
    enquire.set_sort_by_value(static_cast<Xapian::valueno>(fields::kSortKey.slot), false);
    MeetingLines out;
    out.meeting = std::move(*m);
    out.previous = std::move(*previous);
    out.next = std::move(*next);
    Xapian::MSet mset = list_page(enquire, impl_->db, page);
    out.total = static_cast<long>(mset.get_matches_estimated());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto r = impl_->record_of(it);
      if (!r) return r.error();
      out.records.push_back(std::move(*r));
    }
    return out;
  });
}

Result<MeetingLines> Searcher::meeting_of_series(const std::string& series, const std::string& stem,
                                                 ListPage page) {
  std::string name = normalise_meeting_name(series);
  auto id = with_xapian_errors([&]() -> Result<std::string> {
    // The meetings of that stem (one, but for a name reused by two series).
    std::string term = boolean_term(fields::kMeetingStem.prefix, stem);
    for (auto p = impl_->db.postlist_begin(term); p != impl_->db.postlist_end(term); ++p) {
      auto m = decode_meeting(impl_->db.get_document(*p).get_data());
      if (!m) return m.error();
      std::string_view folder = m->id;
      folder = folder.substr(0, folder.rfind('/'));
      folder = folder.substr(0, folder.rfind('/'));
      folder = folder.substr(folder.rfind('/') + 1);
      if (m->name == name || (m->id.starts_with("meetings/") && folder == series)) return m->id;
    }
    return Error{ErrorCode::kNotFound, "no meeting " + series + "/" + stem};
  });
  if (!id) return id.error();
  return meeting(*id, page);
}

Result<std::vector<std::pair<std::string, long>>> Searcher::suggest(const std::string& field,
                                                                    const std::string& prefix,
                                                                    std::size_t limit) {
  std::string value;
  std::string_view term_prefix;
  if (field == fields::kPerson.name) {
    term_prefix = fields::kPerson.prefix;
    value = normalise_person(prefix);
    if (prefix.empty()) value.clear();
  } else if (field == fields::kMeeting.name) {
    term_prefix = fields::kMeeting.prefix;
    value = normalise_meeting_name(prefix);
  } else if (field == fields::kChannel.name) {
    term_prefix = fields::kChannel.prefix;
    value = normalise_channel(prefix.empty() ? "#" : prefix);
  } else {
    return Error{ErrorCode::kUsage, "field must be person, meeting or channel"};
  }
  return with_xapian_errors([&]() -> Result<std::vector<std::pair<std::string, long>>> {
    std::string start = std::string(term_prefix) + value;
    std::vector<std::pair<std::string, long>> out;
    for (auto t = impl_->db.allterms_begin(start); t != impl_->db.allterms_end(start); ++t) {
      std::string v = (*t).substr(term_prefix.size());
      // A prefix of one field's terms must not wander into a longer prefix's ("X" + "M...").
      if (v.empty()) continue;
      out.emplace_back(std::move(v), static_cast<long>(t.get_termfreq()));
    }
    return most_frequent(std::move(out), limit);
  });
}

Result<TopicCounts> Searcher::topics_of(const std::string& person, unsigned lines) {
  return with_xapian_errors([&]() -> Result<TopicCounts> {
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER,
                      Xapian::Query(boolean_term(fields::kPerson.prefix, normalise_person(person))),
                      Xapian::Query(std::string(fields::kType.prefix).append(kTypeRecord))));
    enquire.set_sort_by_value(static_cast<Xapian::valueno>(fields::kSortKey.slot), true);
    Xapian::MSet mset = enquire.get_mset(0, lines);
    std::map<std::pair<std::string, std::string>, long> counts;
    TopicCounts out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto r = impl_->record_of(it);
      if (!r) return r.error();
      ++out.lines_counted;
      if (!r->topic.empty()) ++counts[{r->meeting, r->topic}];
    }
    out.exact = mset.get_matches_upper_bound() == mset.size();
    for (auto& [key, n] : counts) out.values.push_back({key.first, key.second, n});
    std::stable_sort(out.values.begin(), out.values.end(),
                     [](const TopicCount& a, const TopicCount& b) { return a.lines > b.lines; });
    if (out.values.size() > kTopicValues) out.values.resize(kTopicValues);
    return out;
  });
}

Status Searcher::refresh() {
  return with_xapian_errors([&]() -> Status {
    StubId now = stub_id(impl_->dir);
    bool changed = true;
    if (now == impl_->stub) {
      changed = impl_->db.reopen();
    } else {
      impl_->set_database(open_database(impl_->dir));
      impl_->stub = now;
    }
    if (changed) impl_->column_cache().columns(impl_->shards);  // starts loading the new ones
    if (changed) {
      impl_->forget();
    } else if (impl_->records.size() > kKeptLogs) {
      impl_->records.clear();
    }
    return Ok{};
  });
}

std::optional<std::string> Searcher::index_version(const std::string& db_dir) {
  return eavesearch::index_version(db_dir);
}

std::optional<std::int64_t> Searcher::index_modified(const std::string& db_dir) {
  return eavesearch::index_modified(db_dir);
}

void Searcher::start_loading_facet_columns() { impl_->column_cache().columns(impl_->shards); }

bool Searcher::load_facet_columns() { return impl_->column_cache().wait_for(impl_->shards); }

SearchResources::SearchResources(std::size_t facet_memory_bytes, int costly_at_once,
                                 unsigned long costly_postings)
    : impl_(std::make_unique<Impl>(facet_memory_bytes, costly_at_once, costly_postings)) {}
SearchResources::~SearchResources() = default;
std::size_t SearchResources::facet_column_loads() { return impl_->facet_columns.loads(); }

Result<long> Searcher::record_count() {
  return with_xapian_errors([&]() -> Result<long> {
    return static_cast<long>(
        impl_->db.get_termfreq(std::string(fields::kType.prefix).append(kTypeRecord)));
  });
}

// Up to `n` records of the same log before and after `r`, in order: the
// lines its log indexes (not a channel log's copy of a meeting).
Result<std::pair<std::vector<Record>, std::vector<Record>>> Searcher::context_of(const Record& r,
                                                                                 int n) {
  std::pair<std::vector<Record>, std::vector<Record>> out;
  auto found = impl_->records.by_id(impl_->records_index(), r.id, r.time);
  if (!found) return found.error();
  if (!*found || n == 0) return out;
  const std::vector<Record>& log = *(*found)->log;
  std::size_t at = (*found)->index;
  auto count = static_cast<std::size_t>(n);
  out.first.assign(log.begin() + static_cast<std::ptrdiff_t>(at - std::min(at, count)),
                   log.begin() + static_cast<std::ptrdiff_t>(at));
  out.second.assign(
      log.begin() + static_cast<std::ptrdiff_t>(at + 1),
      log.begin() + static_cast<std::ptrdiff_t>(std::min(log.size(), at + 1 + count)));
  return out;
}

namespace {

std::string trimmed_wildcards(const SearchPlan& plan, const PlannedQueries& queries) {
  std::set<std::string> trimmed(queries.wildcards.trimmed.begin(), queries.wildcards.trimmed.end());
  std::string names;
  for (const std::string& w : trimmed) names += (names.empty() ? "" : ", ") + w;
  return names + " matched more than " + std::to_string(plan.wildcard_terms) +
         " words each; the most frequent were used";
}

Error busy_with_costly(const PlannedQueries& queries) {
  return Error{ErrorCode::kUnavailable,
               "busy with other costly queries (wildcards covering " +
                   std::to_string(queries.wildcards.postings) +
                   " lines); try again in a moment, or make the wildcards longer"};
}

}  // namespace

Result<SearchResponse> Searcher::Impl::execute(const SearchPlan& plan, const WorkBudget& budget) {
  SearchResponse resp;
  resp.parsed = to_string(plan.root);
  resp.lenient = plan.query.lenient;
  resp.problem = plan.query.problem;
  resp.sort = plan.sort;
  resp.logs_until = logs_until();
  PlannedQueries queries = plan_queries(plan, db, shards, shard_spans());
  if (plan.explain) {
    resp.plan = describe(plan);
    if (queries.wildcards.postings > 0) {
      resp.plan.emplace_back(
          "wildcards",
          "expanded to terms covering " + std::to_string(queries.wildcards.postings) + " lines");
    }
  }
  if (!queries.wildcards.trimmed.empty()) {
    resp.lenient = true;
    resp.problem += (resp.problem.empty() ? "" : "; ") + trimmed_wildcards(plan, queries);
  }
  // A costly match (its wildcards cover many lines) waits for no one: it
  // runs in a free slot, or not at all.
  std::optional<CostlySlots::Ticket> slot;
  if (queries.wildcards.postings > resources->impl().costly_postings) {
    slot.emplace(resources->impl().costly.try_take());
    if (!*slot) return busy_with_costly(queries);
  }
  Xapian::ValueCountMatchSpy spy(static_cast<Xapian::valueno>(fields::kFacets.slot));
  auto hits = find_hits(plan, queries, db, shards, relevance_weight(normalised_wdf), &spy, budget);
  if (!hits) return hits.error();
  resp.total = hits->total;
  resp.total_exact = hits->exact;
  HiddenCount hidden = count_hidden(queries, db, budget);
  resp.hidden = hidden.lines;
  resp.hidden_exact = hidden.exact;
  auto facets = count_planned_facets(plan, queries, db, shards, columns, spy, *hits, budget);
  if (!facets) return facets.error();
  resp.facets = std::move(facets->facets);
  resp.facets_exact = facets->exact;
  // Every match counted for the facets: the total too (not when it counts logs).
  if (facets->matches && !resp.total_exact && !plan.collapse) {
    resp.total = *facets->matches;
    resp.total_exact = true;
  }
  std::set<std::string> terms = highlight_terms(plan.root);
  for (const Xapian::MSetIterator& it : hits->page) {
    auto record = record_of(it);
    if (!record) return record.error();
    Hit hit;
    hit.record = std::move(*record);
    hit.score = it.get_weight();
    hit.snippet = make_snippet(snippet_text(hit.record), terms);
    if (plan.collapse) hit.collapsed = static_cast<long>(it.get_collapse_count());
    resp.hits.push_back(std::move(hit));
  }
  return resp;
}

Result<SearchResponse> Searcher::search(const SearchRequest& req) {
  auto started = std::chrono::steady_clock::now();
  WorkBudget budget(req.time_budget_ms);
  std::int64_t now = req.now != 0 ? req.now : static_cast<std::int64_t>(std::time(nullptr));
  auto run = [&]() -> Result<SearchResponse> {
    auto plan = plan_search(req, impl_->layout(!req.facets.empty()), now);
    if (!plan) return plan.error();
    auto resp = impl_->execute(*plan, budget);
    if (!resp) return resp.error();
    resp->q = req.q;
    resp->did_you_mean = did_you_mean(impl_->db, req.q, plan->root);
    resp->unknown_fields = plan->query.unknown_fields;
    if (resp->total == 0) resp->suggestions = impl_->suggest(req, now, budget);
    for (Hit& hit : resp->hits) {
      if (req.context == 0) break;
      if (auto ok = budget.check(); !ok) return ok.error();
      auto context = context_of(hit.record, req.context);
      if (!context) return context.error();
      std::tie(hit.before, hit.after) = std::move(*context);
    }
    return resp;
  };
  auto resp = with_xapian_errors([&]() -> Result<SearchResponse> {
    try {
      return run();
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed twice during the read: once more on the latest revision.
      impl_->db.reopen();
      impl_->forget();
      return run();
    }
  });
  if (!resp) return resp.error();
  resp->took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return resp;
}

}  // namespace eavesearch
