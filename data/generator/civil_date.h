// Proleptic Gregorian calendar arithmetic on day numbers (days since
// 1970-01-01), independent of the C library's time zone and locale.
#ifndef EAVESEARCH_DATA_GENERATOR_CIVIL_DATE_H_
#define EAVESEARCH_DATA_GENERATOR_CIVIL_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eavesearch::gen {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Day number of a date (1970-01-01 is 0).
int64_t days_from_civil(int year, int month, int day);
CivilDate civil_from_days(int64_t days);

// Day number of a YYYYMMDD integer such as 20200514.
int64_t days_from_yyyymmdd(int yyyymmdd);

// 0 = Monday ... 6 = Sunday.
int weekday(int64_t days);

// ISO 8601 week number (1..53), as Python's date.isocalendar()[1].
int iso_week(int64_t days);

// Parses "YYYY-MM-DD"; nullopt unless it is a real date.
std::optional<int64_t> parse_iso_date(std::string_view text);

// "YYYY-MM-DD".
std::string format_iso_date(int64_t days);

// "HH:MM:SS" for seconds since midnight; wraps past 24 hours.
void append_hms(std::string* out, int64_t seconds);

// Python's time.asctime(): "Thu May 14 15:07:53 2020", day of month
// space-padded ("Tue Apr  2 20:01:21 2013").
std::string asctime_utc(int64_t days, int64_t seconds_of_day);

}  // namespace eavesearch::gen

#endif  // EAVESEARCH_DATA_GENERATOR_CIVIL_DATE_H_
