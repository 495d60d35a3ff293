#include "query/date_value.h"

#include <cctype>
#include <optional>
#include <string>

#include "eavesearch/query.h"
#include "eavesearch/time_util.h"

namespace eavesearch {
namespace {

struct Span {
  std::int64_t from;
  std::int64_t to;        // exclusive
  bool relative = false;  // "3d", "2w": one day, that long ago
};

std::optional<int> number(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::int64_t day_start(std::int64_t t) {
  std::int64_t r = t % kSecondsPerDay;
  return t - (r < 0 ? r + kSecondsPerDay : r);
}

CivilTime add_months(CivilTime t, int months) {
  int total = t.year * 12 + (t.month - 1) + months;
  // Floored: a month before year 0 ("date:30000m") is in a negative year, not in month 0 or -5.
  int month = total % 12;
  if (month < 0) month += 12;
  t.year = (total - month) / 12;
  t.month = month + 1;
  if (t.day > 28) t.day = 28;  // keep it a valid date; a day's error is fine for "about N months"
  return t;
}

// One end of a range or a whole value: the span of days it names.
std::optional<Span> parse_point(std::string_view v, std::int64_t now) {
  std::string s;
  for (char c : v) s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  std::int64_t today = day_start(now);
  if (s == "today") return Span{today, today + kSecondsPerDay};
  if (s == "yesterday") return Span{today - kSecondsPerDay, today};
  if (s.size() == 4 && std::isdigit(static_cast<unsigned char>(s.back()))) {
    if (auto y = number(s); y && *y >= 1970) {
      return Span{to_epoch({*y, 1, 1}), to_epoch({*y + 1, 1, 1})};
    }
    return std::nullopt;
  }
  if (s.size() == 7 && s[4] == '-') {
    auto y = number(s.substr(0, 4));
    auto m = number(s.substr(5, 2));
    if (!y || !m || *m < 1 || *m > 12 || *y < 1970) return std::nullopt;
    CivilTime start{*y, *m, 1};
    return Span{to_epoch(start), to_epoch(add_months(start, 1))};
  }
  if (auto day = parse_iso_day(s)) return Span{*day, *day + kSecondsPerDay};
  if (s.size() >= 2) {
    auto n = number(s.substr(0, s.size() - 1));
    if (!n) return std::nullopt;
    CivilTime t = to_civil(today);
    std::int64_t start;
    switch (s.back()) {
      case 'd':
        start = today - static_cast<std::int64_t>(*n) * kSecondsPerDay;
        break;
      case 'w':
        start = today - static_cast<std::int64_t>(*n) * 7 * kSecondsPerDay;
        break;
      case 'm':
        start = to_epoch(add_months(t, -*n));
        break;
      case 'y':
        t.year -= *n;
        start = to_epoch(add_months(t, 0));
        break;
      default:
        return std::nullopt;
    }
    return Span{start, start + kSecondsPerDay, true};
  }
  return std::nullopt;
}

Error bad(std::string_view field, std::string_view value) {
  return Error{ErrorCode::kUsage,
               std::string(field) + ":" + std::string(value) +
                   " is not a date (use YYYY, YYYY-MM, YYYY-MM-DD, A..B, today, yesterday, "
                   "or 3d, 2w, 6m, 1y)"};
}

}  // namespace

Result<std::pair<std::int64_t, std::int64_t>> parse_date_filter(std::string_view field,
                                                                std::string_view value,
                                                                std::int64_t now) {
  if (field == "date") {
    if (auto dots = value.find(".."); dots != std::string_view::npos) {
      std::string_view a = value.substr(0, dots);
      std::string_view b = value.substr(dots + 2);
      if (a.empty() && b.empty()) return bad(field, value);
      std::int64_t from = QueryNode::kOpenStart;
      std::int64_t to = QueryNode::kOpenEnd;
      if (!a.empty()) {
        auto p = parse_point(a, now);
        if (!p) return bad(field, value);
        from = p->from;
      }
      if (!b.empty()) {
        auto p = parse_point(b, now);
        if (!p) return bad(field, value);
        to = p->to;
      }
      if (from >= to) return bad(field, value);
      return std::pair{from, to};
    }
  }
  auto p = parse_point(value, now);
  if (!p) return bad(field, value);
  if (field == "date" && p->relative) return std::pair{p->from, QueryNode::kOpenEnd};  // "since"
  if (field == "after") return std::pair{p->to, QueryNode::kOpenEnd};
  if (field == "before") return std::pair{QueryNode::kOpenStart, p->from};
  return std::pair{p->from, p->to};
}

}  // namespace eavesearch
