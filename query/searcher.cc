#include "eavesearch/searcher.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <chrono>
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

  void set_database(OpenedDatabase opened) {
    db = std::move(opened.db);
    shards = std::move(opened.shards);
    remotes = opened.remote;
    std::string schema = db.get_metadata(std::string(kSchemaKey));
    normalised_wdf = schema.empty() || std::atol(schema.c_str()) >= kNormalisedWdfSchema;
  }

  // The record of a hit. Every MSet of lines is sorted by the sort key, so
  // the match has read it already: no value read per hit.
  Result<Record> record_of(const Xapian::MSetIterator& hit) {
    std::string key = hit.get_sort_key();
    if (key.empty()) {
      key = hit.get_document().get_value(static_cast<Xapian::valueno>(fields::kSortKey.slot));
    }
    return records.of_line(db, key);
  }
};

namespace {

using FacetValues = std::vector<std::pair<std::string, long>>;

// Most frequent first, ties by value, as ValueCountMatchSpy orders them; at
// most `limit`.
FacetValues most_frequent(FacetValues values, std::size_t limit) {
  std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (values.size() > limit) values.resize(limit);
  return values;
}

// The facets asked for, the most frequent values first; the years are
// summed from the months ("2020" of "2020-05").
std::vector<Facet> facets_of(const FacetCounts& counts, const std::vector<std::string>& names) {
  std::map<std::string, long> years;
  for (const auto& [month, n] : counts[kPackedFacets.size() - 1]) years[month.substr(0, 4)] += n;
  std::vector<Facet> out;
  for (const std::string& name : names) {
    FacetValues values(years.begin(), years.end());
    for (std::size_t k = 0; k < kPackedFacets.size(); ++k) {
      if (kPackedFacets[k] == name) values.assign(counts[k].begin(), counts[k].end());
    }
    out.push_back({name, most_frequent(std::move(values), kFacetValues)});
  }
  return out;
}

}  // namespace

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

Result<Searcher> Searcher::open(const std::string& db_dir) {
  auto searcher = with_xapian_errors([&]() -> Result<Searcher> {
    StubId stub = stub_id(db_dir);
    auto impl = std::make_unique<Impl>();
    impl->dir = db_dir;
    impl->stub = stub;
    impl->set_database(open_database(db_dir));
    facet_columns(impl->shards);  // starts loading them, for the first facets asked
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
    auto found = impl_->records.by_id(impl_->db, id);
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

Result<std::vector<Meeting>> Searcher::meetings_of(const std::string& name) {
  return with_xapian_errors([&]() -> Result<std::vector<Meeting>> {
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(Xapian::Query(
        boolean_term(fields::kType.prefix, meeting_series_type(normalise_meeting_name(name)))));
    enquire.set_sort_by_value(static_cast<Xapian::valueno>(fields::kSortKey.slot), true);
    std::vector<Meeting> out;
    Xapian::MSet mset = enquire.get_mset(0, impl_->db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto m = decode_meeting(it.get_document().get_data());
      if (!m) return m.error();
      m->items.clear();
      m->people.clear();
      out.push_back(std::move(*m));
    }
    return out;
  });
}

Result<std::pair<Meeting, std::vector<Record>>> Searcher::meeting(const std::string& id) {
  return with_xapian_errors([&]() -> Result<std::pair<Meeting, std::vector<Record>>> {
    std::string term = boolean_term(fields::kId.prefix, id);
    Xapian::PostingIterator p = impl_->db.postlist_begin(term);
    if (p == impl_->db.postlist_end(term)) return Error{ErrorCode::kNotFound, "no meeting " + id};
    auto m = decode_meeting(impl_->db.get_document(*p).get_data());
    if (!m) return Error{ErrorCode::kNotFound, "no meeting " + id};
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
    std::vector<Record> records;
    Xapian::MSet mset = enquire.get_mset(0, impl_->db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto r = impl_->record_of(it);
      if (!r) return r.error();
      records.push_back(std::move(*r));
    }
    return std::pair{std::move(*m), std::move(records)};
  });
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
    if (changed) facet_columns(impl_->shards);  // starts loading the new revision's
    if (changed || impl_->records.size() > kKeptLogs) impl_->records.clear();
    return Ok{};
  });
}

std::optional<std::string> Searcher::index_version(const std::string& db_dir) {
  return eavesearch::index_version(db_dir);
}

bool Searcher::load_facet_columns() { return wait_for_facet_columns(impl_->shards); }

void Searcher::set_facet_memory_limit(std::size_t bytes) {
  eavesearch::set_facet_memory_limit(bytes);
}

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
  auto found = impl_->records.by_id(impl_->db, r.id);
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

Result<SearchResponse> Searcher::search(const SearchRequest& req) {
  if (req.page < 1) return Error{ErrorCode::kUsage, "page must be 1 or more"};
  if (req.per_page < 1 || req.per_page > kMaxPerPage) {
    return Error{ErrorCode::kUsage,
                 "per_page must be between 1 and " + std::to_string(kMaxPerPage)};
  }
  if (req.q.size() > kMaxQueryBytes) {
    return Error{ErrorCode::kUsage,
                 "q is longer than " + std::to_string(kMaxQueryBytes) + " bytes"};
  }
  if (req.context < 0 || req.context > kMaxContext) {
    return Error{ErrorCode::kUsage, "context must be between 0 and " + std::to_string(kMaxContext)};
  }
  for (const std::string& f : req.facets) {
    if (std::find(kFacetFields.begin(), kFacetFields.end(), f) == kFacetFields.end()) {
      return Error{ErrorCode::kUsage,
                   "unknown facet \"" + f + "\" (person, meeting, channel, year, month, kind)"};
    }
  }
  if (static_cast<std::int64_t>(req.page) * req.per_page > kMaxResultWindow) {
    return Error{ErrorCode::kUsage, "page * per_page must be at most " +
                                        std::to_string(kMaxResultWindow) + "; narrow the query"};
  }
  auto started = std::chrono::steady_clock::now();
  std::int64_t now = req.now != 0 ? req.now : static_cast<std::int64_t>(std::time(nullptr));
  ParsedQuery parsed = parse_query_leniently(req.q, now);
  SearchResponse resp;
  resp.q = req.q;
  resp.parsed = to_string(parsed.root);
  resp.lenient = parsed.lenient;
  resp.problem = parsed.problem;
  resp.sort = req.sort != SortOrder::kAuto ? req.sort
              : has_text(parsed.root)      ? SortOrder::kRelevance
                                           : SortOrder::kNewest;
  auto run = [&]() -> Status {
    resp.hits.clear();
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(to_xapian(parsed.root, impl_->db));
    auto sort_slot = static_cast<Xapian::valueno>(fields::kSortKey.slot);
    // In date order nothing is weighed (a hit's score is 0): keys are
    // unique, so relevance could only be shown, never used, and weighing
    // reads each match's length.
    const bool by_key = resp.sort != SortOrder::kRelevance;
    if (by_key) {
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_sort_by_value(sort_slot, resp.sort == SortOrder::kNewest);
    } else {
      enquire.set_weighting_scheme(relevance_weight(impl_->normalised_wdf));
      enquire.set_sort_by_relevance_then_value(sort_slot, true);
    }
    if (req.collapse) enquire.set_collapse_key(static_cast<Xapian::valueno>(fields::kLog.slot));
    // Counting every match for an exact total and facets stops after this
    // long; the answer then says its counts are estimates (DESIGN.md 10).
    enquire.set_time_limit(kExactCountSeconds);
    // The query for each local shard, for the passes made shard by shard.
    std::vector<Xapian::Query> shard_queries(impl_->shards.size(), enquire.get_query());
    if (depends_on_shard(parsed.root)) {
      for (std::size_t k = 0; k < impl_->shards.size(); ++k) {
        shard_queries[k] = to_xapian(parsed.root, impl_->db, time_span(impl_->shards[k].db));
      }
    }
    // Facets are counted from the packed value, over the matches of the
    // hits' pass (at least kFacetSample of them); locally, once loaded, from
    // memory instead, in passes of their own (query/facet_columns.h). Xapian
    // 1.4 miscounts a spy over two or more remote databases in a pass that
    // also ranks hits (2,787 for 2,778 matches, tests/remote_shards_test.cc):
    // there the spy gets a pass of its own too.
    std::optional<std::vector<std::shared_ptr<const FacetColumn>>> columns;
    if (!req.facets.empty()) columns = facet_columns(impl_->shards);
    const bool facets_apart = impl_->remotes > 1 && !req.facets.empty();
    const bool facets_in_hits_pass = !req.facets.empty() && !facets_apart && !columns;
    Xapian::ValueCountMatchSpy facets(static_cast<Xapian::valueno>(fields::kFacets.slot));
    if (facets_in_hits_pass) enquire.add_matchspy(&facets);
    auto first = static_cast<Xapian::doccount>((req.page - 1) * req.per_page);
    // Enough to make the total exact for all but large result sets.
    Xapian::doccount check_at_least =
        first + static_cast<Xapian::doccount>(req.per_page) + kExactCountMatches;
    if (facets_in_hits_pass) check_at_least = std::max(check_at_least, kFacetSample);
    // In key order over local shards: ranked shard by shard, the shards
    // behind the page only counted.
    const bool by_key_over_shards = by_key && impl_->shards.size() > 1 && !facets_in_hits_pass;
    Xapian::MSet mset;
    std::vector<Xapian::MSetIterator> page;
    if (by_key_over_shards) {
      std::optional<Xapian::valueno> collapse_slot;
      if (req.collapse) collapse_slot = static_cast<Xapian::valueno>(fields::kLog.slot);
      KeySortedHits sorted =
          hits_by_sort_key(impl_->shards, shard_queries, sort_slot, resp.sort == SortOrder::kNewest,
                           first, static_cast<Xapian::doccount>(req.per_page), collapse_slot,
                           kExactCountMatches, kExactCountSeconds);
      resp.total = static_cast<long>(sorted.total);
      resp.total_exact = sorted.exact;
      page = std::move(sorted.page);
    } else {
      mset = enquire.get_mset(first, static_cast<Xapian::doccount>(req.per_page), check_at_least);
      resp.total = static_cast<long>(mset.get_matches_estimated());
      resp.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
      for (auto it = mset.begin(); it != mset.end(); ++it) page.push_back(it);
    }
    if (columns) {
      ColumnFacetCounts counts =
          count_facets(impl_->shards, *columns, shard_queries, kFacetSample, kExactCountSeconds);
      FacetCounts by_facet;
      for (const FacetColumnSpy& spy : counts.spies) spy.add_to(by_facet);
      resp.facets = facets_of(by_facet, req.facets);
      resp.facets_exact = counts.exact;
      // Every match counted: the total too (not when it counts logs).
      if (counts.exact && !resp.total_exact && !req.collapse) {
        resp.total = static_cast<long>(counts.matches);
        resp.total_exact = true;
      }
    } else if (!req.facets.empty()) {
      Xapian::Enquire counting(impl_->db);
      if (facets_apart) {
        counting.set_query(enquire.get_query());
        counting.set_weighting_scheme(Xapian::BoolWeight());  // it ranks nothing
        counting.set_time_limit(kExactCountSeconds);
        counting.add_matchspy(&facets);
      }
      Xapian::MSet counted = facets_apart ? counting.get_mset(0, 0, kFacetSample) : mset;
      FacetCounts by_facet;
      for (auto v = facets.values_begin(); v != facets.values_end(); ++v) {
        add_packed(by_facet, *v, static_cast<long>(v.get_termfreq()));
      }
      resp.facets = facets_of(by_facet, req.facets);
      // The spy sees every match before collapsing. (With collapsing, 1.4
      // keeps the uncollapsed lower bound loose even when it saw every match.)
      resp.facets_exact = counted.get_matches_lower_bound() == counted.get_matches_upper_bound() &&
                          facets.get_total() == counted.get_uncollapsed_matches_upper_bound();
    }
    resp.did_you_mean = did_you_mean(impl_->db, req.q, parsed.root);
    std::set<std::string> terms = highlight_terms(parsed.root);
    for (const Xapian::MSetIterator& it : page) {
      auto record = impl_->record_of(it);
      if (!record) return record.error();
      Hit hit;
      hit.record = std::move(*record);
      hit.score = it.get_weight();
      hit.snippet = make_snippet(hit.record.text, terms);
      if (req.collapse) hit.collapsed = static_cast<long>(it.get_collapse_count());
      if (req.context > 0) {
        auto context = context_of(hit.record, req.context);
        if (!context) return context.error();
        std::tie(hit.before, hit.after) = std::move(*context);
      }
      resp.hits.push_back(std::move(hit));
    }
    return Ok{};
  };
  auto status = with_xapian_errors([&]() -> Status {
    try {
      return run();
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed twice during the read: once more on the latest revision.
      impl_->db.reopen();
      return run();
    }
  });
  if (!status) return status.error();
  resp.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return resp;
}

}  // namespace eavesearch
