#include <array>
#include <cstring>
#include <regex>

#include "eavesearch/person.h"
#include "eavesearch/time_util.h"
#include "indexer/raw_line.h"

namespace eavesearch {

LogName parse_log_name(std::string_view rel_path) {
  static const std::regex kName(R"(^(.+)\.(\d{4}-\d{2}-\d{2})-(\d{2})\.(\d{2})$)");
  std::string stem = log_stem(rel_path);
  if (auto slash = stem.rfind('/'); slash != std::string::npos) stem.erase(0, slash + 1);
  LogName name;
  std::smatch m;
  if (!std::regex_match(stem, m, kName)) return name;
  auto day = parse_iso_day(m[2].str());
  int hh = std::stoi(m[3].str());
  int mm = std::stoi(m[4].str());
  if (!day || hh > 23 || mm > 59) return name;
  name.meeting = normalise_meeting_name(m[1].str());
  name.day_start = *day;
  name.start_seconds = hh * 3600 + mm * 60;
  name.dated = true;
  return name;
}

std::optional<std::int64_t> parse_meeting_started(std::string_view text) {
  // time.asctime(): "Thu May 14 15:07:53 2020", the day space-padded.
  static const std::regex kStarted(
      R"(Meeting started [A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}))");
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(text.begin(), text.end(), m, kStarted)) return std::nullopt;
  int month = 0;
  for (int k = 0; k < 12; ++k) {
    if (m[1].str() == kMonths[k]) month = k + 1;
  }
  if (month == 0) return std::nullopt;
  CivilTime t{std::stoi(m[6].str()), month,
              std::stoi(m[2].str()), std::stoi(m[3].str()),
              std::stoi(m[4].str()), std::stoi(m[5].str())};
  char day[16];
  std::snprintf(day, sizeof day, "%04d-%02d-%02d", t.year, t.month, t.day);
  if (!parse_iso_day(day) || t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
  return to_epoch(t);
}

std::string log_stem(std::string_view rel_path) {
  static constexpr std::array<std::string_view, 5> kExtensions = {
      ".log.txt", ".log.html", ".flattened.txt", ".txt", ".html"};
  for (std::string_view ext : kExtensions) {
    if (rel_path.size() > ext.size() && rel_path.substr(rel_path.size() - ext.size()) == ext) {
      return std::string(rel_path.substr(0, rel_path.size() - ext.size()));
    }
  }
  return std::string(rel_path);
}

}  // namespace eavesearch
