#include "civil_date.h"

#include <cstdio>

namespace eavesearch::gen {

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
int64_t days_from_civil(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilDate date;
  date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

int64_t days_from_yyyymmdd(int yyyymmdd) {
  return days_from_civil(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
}

int weekday(int64_t days) {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  int64_t w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

int iso_week(int64_t days) {
  // The ISO week of a day is the week of the Thursday of that week.
  const int64_t thursday = days - weekday(days) + 3;
  const int year = civil_from_days(thursday).year;
  const int64_t jan1 = days_from_civil(year, 1, 1);
  return static_cast<int>((thursday - jan1) / 7 + 1);
}

std::optional<int64_t> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (size_t i = 0; i < lengths[f]; ++i) {
      const char c = text[starts[f] + i];
      if (c < '0' || c > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (c - '0');
    }
  }
  const int64_t days = days_from_civil(fields[0], fields[1], fields[2]);
  const CivilDate back = civil_from_days(days);
  if (back.year != fields[0] || back.month != fields[1] || back.day != fields[2]) {
    return std::nullopt;
  }
  return days;
}

std::string format_iso_date(int64_t days) {
  const CivilDate d = civil_from_days(days);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

void append_hms(std::string* out, int64_t seconds) {
  seconds %= 86400;
  if (seconds < 0) seconds += 86400;
  const int h = static_cast<int>(seconds / 3600);
  const int m = static_cast<int>(seconds / 60 % 60);
  const int s = static_cast<int>(seconds % 60);
  const char buf[8] = {static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
                       static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), ':',
                       static_cast<char>('0' + s / 10), static_cast<char>('0' + s % 10)};
  out->append(buf, 8);
}

std::string asctime_utc(int64_t days, int64_t seconds_of_day) {
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  days += seconds_of_day / 86400;
  seconds_of_day %= 86400;
  const CivilDate d = civil_from_days(days);
  std::string out = kDays[weekday(days)];
  out += ' ';
  out += kMonths[d.month - 1];
  char buf[8];
  std::snprintf(buf, sizeof buf, " %2d ", d.day);
  out += buf;
  append_hms(&out, seconds_of_day);
  std::snprintf(buf, sizeof buf, " %04d", d.year);
  out += buf;
  return out;
}

}  // namespace eavesearch::gen
