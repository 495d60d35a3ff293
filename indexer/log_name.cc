#include <algorithm>
#include <array>
#include <cstring>
#include <regex>  // file names only: short, bounded input

#include "eavesearch/person.h"
#include "eavesearch/time_util.h"
#include "indexer/raw_line.h"

namespace eavesearch {

namespace {

// Reads the pieces of time.asctime() output, advancing through `s`.
class AsctimeReader {
 public:
  explicit AsctimeReader(std::string_view s) : s_(s) {}
  bool ok() const { return ok_; }
  std::string_view word(std::size_t n) {
    if (s_.size() < n) return fail();
    std::string_view w = s_.substr(0, n);
    s_.remove_prefix(n);
    return w;
  }
  void spaces() {
    if (s_.empty() || s_[0] != ' ') fail();
    while (!s_.empty() && s_[0] == ' ') s_.remove_prefix(1);
  }
  void literal(char c) {
    if (s_.empty() || s_[0] != c) fail();
    if (ok_) s_.remove_prefix(1);
  }
  int number(std::size_t min_digits, std::size_t max_digits) {
    std::size_t n = 0;
    int v = 0;
    while (n < max_digits && n < s_.size() && s_[n] >= '0' && s_[n] <= '9') {
      v = v * 10 + (s_[n++] - '0');
    }
    if (n < min_digits) fail();
    s_.remove_prefix(std::min(n, s_.size()));
    return v;
  }

 private:
  std::string_view fail() {
    ok_ = false;
    s_ = {};
    return {};
  }
  std::string_view s_;
  bool ok_ = true;
};

}  // namespace

std::optional<std::int64_t> parse_meeting_started(std::string_view text) {
  // time.asctime(): "Thu May 14 15:07:53 2020", the day space-padded ("Apr  2"),
  // or single-spaced once a web page collapsed the spaces.
  static constexpr std::string_view kPhrase = "Meeting started ";
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::size_t at = text.find(kPhrase);
  if (at == std::string_view::npos) return std::nullopt;
  AsctimeReader r(text.substr(at + kPhrase.size()));
  r.word(3);
  r.spaces();
  std::string_view month_name = r.word(3);
  r.spaces();
  CivilTime t{0, 0, r.number(1, 2)};
  r.spaces();
  t.hour = r.number(2, 2);
  r.literal(':');
  t.minute = r.number(2, 2);
  r.literal(':');
  t.second = r.number(2, 2);
  r.spaces();
  t.year = r.number(4, 4);
  for (std::size_t k = 0; k < kMonths.size(); ++k) {
    if (month_name == kMonths[k]) t.month = static_cast<int>(k) + 1;
  }
  if (!r.ok() || t.month == 0) return std::nullopt;
  char day[40];
  std::snprintf(day, sizeof day, "%04d-%02d-%02d", t.year, t.month, t.day);
  if (!parse_iso_day(day) || t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
  return to_epoch(t);
}

}  // namespace eavesearch
