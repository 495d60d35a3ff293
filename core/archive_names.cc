#include "eavesearch/archive_names.h"

#include <array>
#include <cstdio>
#include <regex>  // file names only: short, bounded input

#include "eavesearch/person.h"
#include "eavesearch/text.h"
#include "eavesearch/time_util.h"

namespace eavesearch {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// "9999-99-99", a day or not.
bool is_date_shaped(std::string_view s) {
  return s.size() == 10 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) &&
         s[4] == '-' && digit(s[5]) && digit(s[6]) && s[7] == '-' && digit(s[8]) && digit(s[9]);
}

// "YYYY-MM-DD", a real day.
bool is_date(std::string_view s) { return is_date_shaped(s) && parse_iso_day(s).has_value(); }

std::string_view file_name(std::string_view rel_path) {
  return rel_path.substr(rel_path.rfind('/') + 1);
}

}  // namespace

std::string log_stem(std::string_view rel_path) {
  static constexpr std::array<std::string_view, 8> kExtensions = {
      ".log.txt", ".log.html", ".flattened.txt", ".txt", ".html", ".log", ".rst", ".eml"};
  for (std::string_view ext : kExtensions) {
    if (rel_path.size() > ext.size() && rel_path.substr(rel_path.size() - ext.size()) == ext) {
      return std::string(rel_path.substr(0, rel_path.size() - ext.size()));
    }
  }
  return std::string(rel_path);
}

std::string log_id(std::string_view rel_path) {
  return percent_encode_invalid_utf8(log_stem(rel_path));
}

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

std::optional<ChannelLogName> channel_log_name(std::string_view rel_path) {
  std::string_view name = file_name(rel_path);
  if (name.ends_with(".html")) name.remove_suffix(5);
  if (!name.ends_with(".log")) return std::nullopt;
  name.remove_suffix(4);
  constexpr std::size_t kDate = 10;  // "YYYY-MM-DD"
  bool dated = name.size() > kDate && name[name.size() - kDate - 1] == '.' &&
               is_date_shaped(name.substr(name.size() - kDate));
  if (dated) {
    if (!is_date(name.substr(name.size() - kDate))) return std::nullopt;
    name.remove_suffix(kDate + 1);
  }
  // "%23" is a URL-encoded '#', as on the web.
  bool hash = name.starts_with("#") || name.starts_with("%23");
  if (!dated && !hash) return std::nullopt;
  std::string channel =
      name.starts_with("%23") ? std::string(1, '#').append(name.substr(3)) : std::string(name);
  if (channel.empty() || channel == "#" || channel.find_first_of(" \t") != std::string::npos) {
    return std::nullopt;
  }
  return ChannelLogName{normalise_channel(channel), !dated};
}

std::optional<std::string_view> date_in_name(std::string_view rel_path) {
  std::string_view name = file_name(rel_path);
  for (std::size_t at = 0; at + 10 <= name.size(); ++at) {
    if ((at == 0 || !digit(name[at - 1])) && is_date(name.substr(at, 10))) {
      return name.substr(at, 10);
    }
  }
  return std::nullopt;
}

std::string previous_day_path(const std::string& path) {
  std::size_t dot = path.rfind(".log");
  if (dot == std::string::npos || dot < 11 || path[dot - 11] != '.') return {};
  auto day = parse_iso_day(std::string_view(path).substr(dot - 10, 10));  // (is_date's check)
  if (!day) return {};
  CivilTime t = to_civil(*day - kSecondsPerDay);
  char date[40];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", t.year, t.month, t.day);
  return path.substr(0, dot - 10) + date + ".log";
}

bool is_primary_form(std::string_view rel_path) {
  return rel_path.ends_with(".log.txt") || rel_path.ends_with(".log");
}

}  // namespace eavesearch
