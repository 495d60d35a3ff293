// Search over an eavesearch database (DESIGN.md 4, 5). A Searcher is not
// thread-safe: use one per thread (the server keeps a pool). It sees new
// commits after refresh().
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eavesearch/query.h"
#include "eavesearch/record.h"
#include "eavesearch/result.h"

namespace eavesearch {

enum class SortOrder {
  kAuto,
  kRelevance,
  kNewest,
  kOldest
};  // kAuto: relevance, or newest for filters only

// Parses "relevance" / "newest" / "oldest"; nullopt otherwise.
std::optional<SortOrder> parse_sort_order(std::string_view s);
const char* sort_order_name(SortOrder order);

struct SearchRequest {
  std::string q;                // the user's query (DESIGN.md 4)
  std::vector<Filter> filters;  // added by a program (a clicked facet, /decisions), all must hold
  int page = 1;                 // 1-based
  int per_page = 20;            // 1..kMaxPerPage
  SortOrder sort = SortOrder::kAuto;
  std::int64_t now = 0;  // anchors relative dates; 0 means the current time
  int context = 0;       // lines of the same log before and after each hit, 0..kMaxContext
  std::vector<std::string> facets;  // any of kFacetFields
  bool collapse = false;            // one hit per log (meeting), with how many more it has
  bool explain = false;             // the answer carries the plan
  int time_budget_ms = 0;           // the work stops past it (kUnavailable); 0: no limit
  // Lines left out unless asked for (bots.h): bots' lines, channel events.
  bool include_bots = false;
  bool include_events = false;
};

inline constexpr int kMaxContext = 10;
inline constexpr std::array<std::string_view, 6> kFacetFields = {"person", "meeting", "channel",
                                                                 "year",   "month",   "kind"};

inline constexpr int kMaxPerPage = 100;
// The deepest hit a request may page to (page * per_page), as Elasticsearch's
// index.max_result_window: deeper pages cost memory and time for nobody.
inline constexpr int kMaxResultWindow = 10000;
inline constexpr std::size_t kMaxQueryBytes = 1024;

struct Hit {
  Record record;
  std::string snippet;  // HTML: log text escaped, matched words in <mark>
  double score = 0;
  std::vector<Record> before;  // up to `context` lines of the same log, in order
  std::vector<Record> after;
  long collapsed = 0;  // with collapse: other hits in the same log (at least this many)
};

struct Facet {
  std::string field;                                 // one of kFacetFields
  std::vector<std::pair<std::string, long>> values;  // most frequent first, at most kFacetValues
};

inline constexpr std::size_t kFacetValues = 20;
// Matches examined for facet counts; beyond it the counts are estimates.
inline constexpr unsigned kFacetSample = 50000;
// Matches counted beyond the page for an exact total: Xapian's estimates of
// filtered queries are crude (2,000 for 1,188), and counting this many costs
// a millisecond or two.
inline constexpr unsigned kExactCountMatches = 5000;
// Hidden lines counted exactly before settling for an estimate.
inline constexpr unsigned kHiddenCountMatches = 1000;
// Time spent making totals and facet counts exact before settling for estimates.
inline constexpr double kExactCountSeconds = 0.2;

// A query to try instead, what it changed, and how much it finds.
struct Suggestion {
  std::string q;
  std::string why;  // `left out tc: no line has it`
  long total = 0;
  bool total_exact = true;
};
inline constexpr std::size_t kMaxSuggestions = 3;

struct SearchResponse {
  std::string q;
  std::string parsed;  // to_string() of the query read
  bool lenient = false;
  std::string problem;  // why the query was read leniently
  SortOrder sort = SortOrder::kRelevance;
  long total = 0;
  bool total_exact = true;
  std::vector<Facet> facets;  // in the order asked for
  bool facets_exact = true;   // counted over every match (else over the first kFacetSample)
  double took_ms = 0;
  std::vector<Hit> hits;
  std::optional<std::string> did_you_mean;  // q with unknown words corrected
  std::vector<std::string> unknown_fields;  // ParsedQuery::unknown_fields
  // When nothing matched: queries near q that find something (nearer_queries.h).
  std::vector<Suggestion> suggestions;
  // The bots' lines and channel events the query matched but left out
  // (bots.h), counted exactly up to kHiddenCountMatches; nullopt when it
  // left none out (include_bots and include_events, or asked by the query).
  std::optional<long> hidden;
  bool hidden_exact = true;
  // The time of the newest line the index holds: it has logs up to then.
  std::optional<std::int64_t> logs_until;
  // With explain: the plan's steps, in order (query, filters, sort, hits,
  // total, facets, bounds), each described.
  std::vector<std::pair<std::string, std::string>> plan;
};

struct TopicCount {
  std::string meeting;  // may be empty (a channel log's topic)
  std::string topic;
  long lines = 0;
};

struct TopicCounts {
  std::vector<TopicCount> values;
  long lines_counted = 0;  // the person's lines looked at
  bool exact = true;       // they were all of the person's lines
};

inline constexpr std::size_t kTopicValues = 20;

// A page of a list that is not ranked (a meeting's lines, a series'
// meetings): `page` from 1, `per_page` entries from 1 to kMaxListPage.
inline constexpr int kMaxListPage = 1000;
struct ListPage {
  int page = 1;
  int per_page = kMaxListPage;
};

// What a meeting's minutes hold, counted for a series' list.
struct MinutesCounts {
  int decisions = 0;     // AGREED, ACCEPTED, REJECTED and VOTE items
  int action_items = 0;  // ACTION items
  int open_actions = 0;  // ACTION items of status "open"
};

struct MeetingList {
  std::vector<Meeting> meetings;      // the page's, newest first, without items
  std::vector<MinutesCounts> counts;  // counts[i]: the items of meetings[i]
  long total = 0;                     // the series' meetings
};

struct MeetingLines {
  Meeting meeting;              // with its minutes
  std::vector<Record> records;  // the page's lines, in order
  long total = 0;               // the meeting's lines
  // The meetings of its series (the same name) just before and after it in
  // time, without items; nullopt at either end.
  std::optional<Meeting> previous;
  std::optional<Meeting> next;
};

// One shard on this machine: its name ("2020": the year of the files it
// holds, or "all"), documents, the times of its lines and its size on disk.
struct ShardStats {
  std::string name;
  long documents = 0;
  std::optional<std::int64_t> first, last;  // its earliest and latest line; none when empty
  std::uint64_t bytes = 0;
};

// What the database at `db_dir` holds, for `eavesearch stats` and /metrics.
struct DatabaseStats {
  long records = 0;                                   // lines
  long meetings = 0;                                  // meeting documents
  long documents = 0;                                 // all, log documents included
  std::vector<std::pair<std::string, long>> by_kind;  // records by kind, most first
  std::optional<std::int64_t> logs_until;             // the newest line's time
  int databases = 0;                                  // the stub names (remote ones too)
  std::vector<ShardStats> shards;                     // the local ones, in the stub's order
  std::uint64_t bytes = 0;                            // on disk, the live generation
  std::int64_t last_commit = 0;  // when its files last changed (the last run that changed it)
};
Result<DatabaseStats> database_stats(const std::string& db_dir);

// Lines covered by a query's wildcards past which its search is costly (at
// 1M lines, `s*` covers 1.5M and takes 0.35 s; `priv*` 5,000 and 3 ms).
inline constexpr unsigned long kCostlyPostings = 300000;

// What the Searchers of a process share: the facet values held in memory
// (query/facet_columns.h), within `facet_memory_bytes` (about 9 bytes a
// line; 0 keeps none, and facets are counted from the index's values), and
// the slots of costly searches (wildcards covering more than
// `costly_postings` lines): `costly_at_once` run at once, and one more is
// refused at once (kUnavailable), so that a few such queries cannot take
// every core. The server makes one for all its Searchers. Thread-safe; its
// destructor waits for the facet loads under way.
class SearchResources {
 public:
  explicit SearchResources(std::size_t facet_memory_bytes = std::size_t{1024} << 20,
                           int costly_at_once = 1, unsigned long costly_postings = kCostlyPostings);
  ~SearchResources();
  SearchResources(const SearchResources&) = delete;
  SearchResources& operator=(const SearchResources&) = delete;

  // Facet columns loads started, a shard's revision each (for tests).
  std::size_t facet_column_loads();

  struct Impl;  // query/search_resources.h
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

class Searcher {
 public:
  // Opens the database at `db_dir` (the stub DIR/XAPIANDB), sharing
  // `resources` with other Searchers (or, without, with resources of its
  // own). kUnavailable when there is none, kCorrupt when it cannot be read.
  static Result<Searcher> open(const std::string& db_dir,
                               std::shared_ptr<SearchResources> resources = nullptr);
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  // Plans the search (query/search_plan.h), then carries the plan out.
  // kUsage for a bad request (page < 1, per_page outside 1..kMaxPerPage,
  // page * per_page over kMaxResultWindow, q over kMaxQueryBytes, context
  // outside 0..kMaxContext, an unknown facet, a bad filter). An
  // unparsable query is read leniently, not refused. kUnavailable when the
  // index keeps changing under the read, or past the request's time budget.
  Result<SearchResponse> search(const SearchRequest& request);

  // One record with up to `context` lines of its log before and after it.
  // kNotFound for an unknown id; kUsage for context outside 0..kMaxContext.
  Result<Hit> record(const std::string& id, int context);

  // The meetings of a series (MeetBot meeting name, case-insensitive),
  // newest first, without their items, a page of them. Empty when there are
  // none. kUsage for a page outside ListPage's bounds.
  Result<MeetingList> meetings_of(const std::string& name, ListPage page = {});

  // One meeting, by its id (the stem of its log, e.g.
  // "meetings/tc/2020/tc.2020-05-14-15.00"), with its minutes and a page of
  // its lines in order. kNotFound when there is no such meeting; kUsage for a
  // page outside ListPage's bounds.
  Result<MeetingLines> meeting(const std::string& id, ListPage page = {});

  // One meeting by the last part of its id, its log's stem
  // ("tc.2020-05-14-15.07"), wherever its log lies, and its `series` (the
  // name, case-insensitive, or the folder of its id as written: "Nova-API",
  // "caf%E9"): as meeting(). kNotFound when there is no such meeting.
  Result<MeetingLines> meeting_of_series(const std::string& series, const std::string& stem,
                                         ListPage page = {});

  // The newest meeting of the series `name` (case-insensitive), as meeting().
  // kNotFound when the series has none.
  Result<MeetingLines> latest_of_series(const std::string& name, ListPage page = {});

  // Completion for the search box: values of `field` (person, meeting or
  // channel) starting with `prefix` (case-insensitive), most frequent first.
  // kUsage for another field.
  Result<std::vector<std::pair<std::string, long>>> suggest(const std::string& field,
                                                            const std::string& prefix,
                                                            std::size_t limit);

  // The meeting topics a person spoke under, most lines first (at most
  // kTopicValues), counted over their newest `lines` lines.
  Result<TopicCounts> topics_of(const std::string& person, unsigned lines);

  // Moves to the latest commit (cheap when nothing changed), or to the new
  // generation a --rebuild switched the stub to.
  Status refresh();

  // What changes whenever the index at `db_dir` does (a stat of its stub and
  // of each shard's version file); nullopt when that cannot be seen from
  // here (no stub, or remote shards). For caches of answers.
  static std::optional<std::string> index_version(const std::string& db_dir);
  // When the index at `db_dir` last changed (seconds since the epoch: the
  // newest of its stub's and local shards' version files); nullopt as for
  // index_version. For Last-Modified.
  static std::optional<std::int64_t> index_modified(const std::string& db_dir);

  // Facets are counted from values held in memory (query/facet_columns.h),
  // loaded on threads of the resources' own the first time a search asks
  // for facets at a revision; until they are, from the index's values.
  // Opening a Searcher loads nothing, so that a one-shot search reads only
  // what it needs. A server starts the loads at once (`start_loading_facet_columns`,
  // which returns at once); benchmarks, and callers that want their first
  // facets at full speed, wait for them (`load_facet_columns`: false over
  // remote shards, which count from the index's values, or past the
  // resources' memory).
  void start_loading_facet_columns();
  bool load_facet_columns();

  // Number of line records in the database.
  Result<long> record_count();

 private:
  struct Impl;
  Result<std::pair<std::vector<Record>, std::vector<Record>>> context_of(const Record& r, int n);
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace eavesearch
