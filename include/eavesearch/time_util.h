// UTC calendar helpers (libstdc++ 12 has no chrono calendar parsing).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eavesearch {

struct CivilTime {
  int year, month, day, hour = 0, minute = 0, second = 0;
};

// Seconds since the epoch for a UTC civil time (no range checks beyond validity).
std::int64_t to_epoch(const CivilTime& t);
CivilTime to_civil(std::int64_t epoch);

// "YYYY-MM-DD" -> midnight UTC; nullopt if not a valid date.
std::optional<std::int64_t> parse_iso_day(std::string_view s);

// "2020-05-14T15:07:53Z".
std::string format_iso(std::int64_t epoch);

inline constexpr std::int64_t kSecondsPerDay = 86400;

// The UTC day of `epoch`, counted from 1970-01-01 (floored, so that days
// before it are whole days too).
inline std::int64_t day_of(std::int64_t epoch) {
  return epoch / kSecondsPerDay - (epoch % kSecondsPerDay < 0 ? 1 : 0);
}

}  // namespace eavesearch
