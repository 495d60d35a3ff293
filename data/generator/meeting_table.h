// The OpenStack meeting series the generator schedules.
//
// Meeting ids, projects, IRC channels, agenda URLs, chair nicks, weekdays,
// times and frequencies are facts copied once from the openstack-infra
// irc-meetings definitions (shared/corpus/irc-meetings). Life spans, chair
// eras, busy-ness weights and the few older series marked "historical" are
// plausible made-up values. The yaml files are never read at run time.
#ifndef EAVESEARCH_DATA_GENERATOR_MEETING_TABLE_H_
#define EAVESEARCH_DATA_GENERATOR_MEETING_TABLE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace eavesearch::gen {

enum class Frequency {
  kWeekly,
  kBiweeklyEven,         // even ISO week numbers
  kBiweeklyOdd,          // odd ISO week numbers
  kQuadweekly,           // ISO week % 4 == 0
  kQuadweeklyAlternate,  // ISO week % 4 == 2
  kFirstOfMonth,         // first such weekday of the month
  kAdhoc,                // about one week in three, fixed per series and week
};

struct ScheduleSlot {
  int weekday = 0;  // 0 = Monday ... 6 = Sunday
  int hhmm = 0;     // UTC start, e.g. 1400
  Frequency frequency = Frequency::kWeekly;
  int from = 0;  // YYYYMMDD; 0 = from the series' first day
  int to = 0;    // YYYYMMDD inclusive; 0 = to the series' last day
};

// `nicks` chaired the series on days before `until` (YYYYMMDD); the eras are
// sorted by `until`. After the last era the series' own `chairs` apply.
struct ChairEra {
  int until = 0;
  std::string nicks;
};

struct MeetingSeries {
  std::string meeting_id;  // as the chairs type it after #startmeeting
  std::string project;     // human name, e.g. "Nova Team Meeting"
  std::string channel;     // IRC channel without '#'
  std::string agenda_url;  // may be empty
  std::string chairs;      // space-separated chair nicks (the first one usually starts)
  std::string team;        // key for the people and topic tables
  int first = 0;           // YYYYMMDD of the first possible meeting
  int last = 0;            // YYYYMMDD of the last possible meeting
  int weight = 1;          // 1 (quiet) .. 10 (busy): chance of being sampled, length
  std::vector<ScheduleSlot> slots;
  std::vector<ChairEra> chair_eras;
};

// The built-in table (real series plus a few historical ones). Stable order.
const std::vector<MeetingSeries>& base_series();

// Synthetic sub-team series ("nova_bug_triage", ...) used only when an archive
// larger than the real schedule can hold is requested. Tier 1, 2, ... each add
// one sub-team per busy series; the result is deterministic.
std::vector<MeetingSeries> derived_series(int tier);

// MeetBot's file-name form of a meeting name: lowercased, runs of whitespace
// joined by '_', then every byte outside [a-z0-9] replaced by '_'.
std::string meetbot_name(const std::string& raw);

// Start times (seconds since midnight UTC) of the meetings of `series` on
// `day` (days since 1970-01-01), in increasing order; empty on most days.
// Holiday weeks and a few random weeks are cancelled, decided by a hash of
// the series and the day, so the answer does not depend on sampling.
std::vector<int> meeting_times_on(const MeetingSeries& series, int64_t day);

// Chairs in charge on `day`, first one first.
std::vector<std::string> chairs_on(const MeetingSeries& series, int64_t day);

}  // namespace eavesearch::gen

#endif  // EAVESEARCH_DATA_GENERATOR_MEETING_TABLE_H_
