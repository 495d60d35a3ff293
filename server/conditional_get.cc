#include "server/conditional_get.h"

#include <array>
#include <cstdio>
#include <cstring>

#include "eavesearch/time_util.h"

namespace eavesearch {
namespace {

// The days of the week from 1970-01-01, a Thursday.
constexpr std::array<const char*, 7> kDays = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void fnv1a(std::uint64_t& h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= 0xff;  // a separator no UTF-8 text holds: ("ab","c") is not ("a","bc")
  h *= 0x100000001b3ULL;
}

// Whether the If-None-Match list holds `etag` (weak comparison, as RFC 9110
// 13.1.2 asks of it) or is "*".
bool etag_listed(std::string_view list, std::string_view etag) {
  while (!list.empty()) {
    std::size_t comma = list.find(',');
    std::string_view tag = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

}  // namespace

Validators validators_for(std::string_view index_version, std::int64_t index_modified,
                          std::string_view request_key, std::int64_t day) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  fnv1a(h, index_version);
  fnv1a(h, request_key);
  fnv1a(h, std::to_string(day));
  char tag[24];
  std::snprintf(tag, sizeof tag, "\"%016llx\"", static_cast<unsigned long long>(h));
  return {tag, index_modified};
}

bool not_modified(const httplib::Request& req, const Validators& v) {
  if (req.has_header("If-None-Match")) {
    return etag_listed(req.get_header_value("If-None-Match"), v.etag);
  }
  if (!req.has_header("If-Modified-Since")) return false;
  auto since = parse_http_date(req.get_header_value("If-Modified-Since"));
  return since && v.last_modified <= *since;
}

void set_validators(httplib::Response& res, const Validators& v) {
  res.set_header("ETag", v.etag);
  res.set_header("Last-Modified", http_date(v.last_modified));
}

std::string http_date(std::int64_t epoch) {
  CivilTime t = to_civil(epoch);
  std::int64_t days = epoch >= 0 ? epoch / kSecondsPerDay : (epoch + 1) / kSecondsPerDay - 1;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                kDays[static_cast<std::size_t>(((days % 7) + 7) % 7)], t.day,
                kMonths[static_cast<std::size_t>(t.month - 1)], t.year, t.hour, t.minute, t.second);
  return buf;
}

std::optional<std::int64_t> parse_http_date(std::string_view s) {
  if (s.size() != 29) return std::nullopt;
  std::string text(s);
  char day_name[4] = {}, month_name[4] = {};
  CivilTime t{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d GMT%n", day_name,
                  &t.day, month_name, &t.year, &t.hour, &t.minute, &t.second, &consumed) != 7 ||
      consumed != 29) {
    return std::nullopt;
  }
  t.month = 0;
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (std::strcmp(month_name, kMonths[m]) == 0) t.month = static_cast<int>(m) + 1;
  }
  if (t.month == 0 || t.day < 1 || t.day > 31 || t.hour > 23 || t.minute > 59 || t.second > 60)
    return std::nullopt;
  char iso[11];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", t.year, t.month, t.day);
  auto midnight = parse_iso_day(iso);  // refuses 31 April and the like
  if (!midnight) return std::nullopt;
  return *midnight + t.hour * 3600 + t.minute * 60 + t.second;
}

}  // namespace eavesearch
