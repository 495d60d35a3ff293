#include "eavesearch/searcher.h"

#include <chrono>
#include <ctime>

#include "core/xapian_errors.h"
#include "eavesearch/query.h"
#include "eavesearch/record_codec.h"
#include "eavesearch/schema.h"
#include "query/snippet.h"
#include "query/xapian_query.h"

namespace eavesearch {

struct Searcher::Impl {
  std::string dir;
  Xapian::Database db;
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

Result<Searcher> Searcher::open(const std::string& db_dir) {
  auto searcher = with_xapian_errors([&]() -> Result<Searcher> {
    auto impl = std::make_unique<Impl>(Impl{db_dir, Xapian::Database(db_dir)});
    return Searcher(std::move(impl));
  });
  if (!searcher && searcher.error().code == ErrorCode::kUnavailable) {
    return Error{ErrorCode::kUnavailable,
                 "no eavesearch database at " + db_dir +
                     " (eavesearch index makes one): " + searcher.error().message};
  }
  return searcher;
}

Status Searcher::refresh() {
  return with_xapian_errors([&]() -> Status {
    impl_->db.reopen();
    return Ok{};
  });
}

Result<long> Searcher::record_count() {
  return with_xapian_errors([&]() -> Result<long> {
    return static_cast<long>(
        impl_->db.get_termfreq(std::string(fields::kType.prefix).append(kTypeRecord)));
  });
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
    enquire.set_query(to_xapian(parsed.root));
    auto sort_slot = static_cast<Xapian::valueno>(fields::kSortKey.slot);
    switch (resp.sort) {
      case SortOrder::kNewest:
        enquire.set_sort_by_value_then_relevance(sort_slot, true);
        break;
      case SortOrder::kOldest:
        enquire.set_sort_by_value_then_relevance(sort_slot, false);
        break;
      default:
        enquire.set_sort_by_relevance_then_value(sort_slot, true);
        break;
    }
    auto first = static_cast<Xapian::doccount>((req.page - 1) * req.per_page);
    // Enough to make the total exact for all but large result sets.
    Xapian::doccount check_at_least = first + static_cast<Xapian::doccount>(req.per_page) + 1000;
    Xapian::MSet mset =
        enquire.get_mset(first, static_cast<Xapian::doccount>(req.per_page), check_at_least);
    resp.total = static_cast<long>(mset.get_matches_estimated());
    resp.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    std::set<std::string> terms = highlight_terms(parsed.root);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto record = decode_record(it.get_document().get_data());
      if (!record) return record.error();
      Hit hit{std::move(*record), "", it.get_weight()};
      hit.snippet = make_snippet(hit.record.text, terms);
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
