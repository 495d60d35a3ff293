// Writes one meeting as MeetBot's raw log (.log.txt): "HH:MM:SS <nick> text"
// and "HH:MM:SS * nick text" lines joined by '\n', no trailing newline, with
// the bot's replies worded exactly as OpenStack's MeetBot words them.
#ifndef EAVESEARCH_DATA_GENERATOR_MEETING_WRITER_H_
#define EAVESEARCH_DATA_GENERATOR_MEETING_WRITER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "meeting_table.h"
#include "people.h"

namespace eavesearch::gen {

// An action item of the ledger's labelled set (--plant-ledger).
struct PlantedAction {
  std::string task;                 // what follows "#action <owners> to "
  std::vector<std::string> owners;  // base nicks
  std::string id;                   // its record id, "<log stem>#<line>" (set by the planner)
  int64_t line = 0;                 // its line in the meeting's .log.txt, 1-based
};

// What one meeting does with its series' action items (--plant-ledger): it
// reviews those still pending, oldest first, and each review says it done,
// carries it over (the same #action again) or leaves it open.
struct LedgerPlan {
  std::vector<PlantedAction> pending;  // in
  struct Review {
    size_t pending = 0;  // index in `pending`
    std::string status;  // "done", "carried", "open"
    int64_t line = 0;    // the evidence: the owner's "done" line, the new #action line; 0: none
  };
  std::vector<Review> reviewed;         // out
  std::vector<PlantedAction> assigned;  // out: the meeting's #action items (id unset)
};

struct MeetingSpec {
  const MeetingSeries* series = nullptr;
  const std::vector<Regular>* pool = nullptr;  // build_pool() of the series
  int64_t day = 0;                             // start date, days since 1970-01-01
  int start_seconds = 0;                       // scheduled start, seconds after 00:00 UTC
  uint64_t seed = 0;                           // all randomness of the meeting
  LedgerPlan* ledger = nullptr;                // --plant-ledger only; then read and filled
};

// Something the channel sees that MeetBot's raw log does not hold, right
// after line `after_line` (0-based) of the .log.txt.
struct LogEvent {
  enum class Kind {
    kTopic,   // MeetBot sets the channel topic to `text`
    kRename,  // `text` is now known as `new_nick`
  };
  int64_t after_line = 0;
  Kind kind = Kind::kTopic;
  std::string text;
  std::string new_nick;
};

struct MeetingLog {
  std::string name;       // MeetBot meeting name (file name prefix), e.g. "nova"
  int64_t day = 0;        // date of the #startmeeting line
  int start_seconds = 0;  // time of the #startmeeting line
  std::string text;       // the .log.txt content
  int64_t lines = 0;
  bool ended = true;             // false for the rare meeting nobody #endmeeting-ed
  std::vector<LogEvent> events;  // for the channel log, in line order
};

// "meetings/<name>/<YYYY>/<name>.<YYYY-MM-DD>-<HH>.<MM>.log.txt".
std::string log_relative_path(const MeetingLog& log);

// Bot nick on a day: "openstack" before 2021-05-01, "opendevmeet" after.
std::string bot_nick(int64_t day);

// 2021-05-01: Freenode -> OFTC, openstack -> opendevmeet, eavesdrop -> opendev.
inline constexpr int64_t kOpenDevMeetDay = 18748;

// Generates the meeting described by `spec` into `log` (overwritten).
// Deterministic in `spec`; safe to call concurrently.
void write_meeting(const MeetingSpec& spec, MeetingLog* log);

}  // namespace eavesearch::gen

#endif  // EAVESEARCH_DATA_GENERATOR_MEETING_WRITER_H_
