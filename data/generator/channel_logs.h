// Channel logs as eavesdrop has them (Supybot/Limnoria ChannelLogger,
// shared/FORMATS.md 2): irclogs/#<chan>/#<chan>.<YYYY-MM-DD>.log, one file per
// channel and day, lines "YYYY-MM-DDTHH:MM:SS  body\n". A meeting channel holds
// each of its meetings a second time, inline, with what only the channel sees
// (MeetBot's topic changes and end replies, joins, quits, nick changes) and a
// little chatter before and after.
#ifndef EAVESEARCH_DATA_GENERATOR_CHANNEL_LOGS_H_
#define EAVESEARCH_DATA_GENERATOR_CHANNEL_LOGS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "meeting_writer.h"

namespace eavesearch::gen {

// One channel-log line before rendering.
struct ChannelLine {
  enum class Kind {
    kMessage,  // "<nick> text" or "* nick text"; `nick` speaks
    kRename,   // "*** nick is now known as new_nick"
    kOther,    // any other "*** " line
  };
  int64_t t = 0;  // seconds since 1970-01-01 UTC
  Kind kind = Kind::kOther;
  std::string nick;
  std::string new_nick;
  std::string body;  // what follows the timestamp and its two spaces
};

// The part of one meeting that falls on one day of its channel's log.
struct ChannelSegment {
  int64_t start = 0;      // first line
  int64_t busy_to = 0;    // last line; end of the day for a meeting never ended
  bool opens = false;     // holds the #startmeeting
  bool closes = false;    // holds the bot's end replies
  bool open_end = false;  // never ended: MeetBot keeps logging, so no chatter after it
  std::string chair;
  std::string team;               // MeetingSeries::team, for the chatter
  std::vector<std::string> cast;  // the series' regulars around that day
  std::vector<ChannelLine> lines;
};

struct ChannelStats {
  int64_t files = 0;
  int64_t lines = 0;
  int64_t bytes = 0;
  int64_t quiet_days = 0;  // files of a channel without meetings
  int64_t moved = 0;       // meetings copied into another channel than the table's
  int64_t left_out = 0;    // meetings whose channel copy would overlap another anywhere
};

using FileSink = std::function<void(const std::string& relative, const std::string& text)>;

class ChannelLogs {
 public:
  // `meeting_channels`: every channel some series meets in (quiet days go elsewhere).
  ChannelLogs(uint64_t seed, std::set<std::string> meeting_channels, FileSink sink)
      : seed_(seed), meeting_channels_(std::move(meeting_channels)), sink_(std::move(sink)) {}

  // A meeting just written to meetings/. Meetings may come in any order within
  // a day, but days must not go backwards.
  void add_meeting(const MeetingSpec& spec, const MeetingLog& log);

  // Writes the logs of every day before `day`.
  void flush_before(int64_t day);
  void finish() { flush_before(INT64_MAX); }

  const ChannelStats& stats() const { return stats_; }

 private:
  bool fits(const std::vector<ChannelSegment>& parts, const std::string& channel) const;
  void maybe_quiet_day(const MeetingSpec& spec);
  void write(const std::string& channel, int64_t day, const std::string& text);

  uint64_t seed_;
  std::set<std::string> meeting_channels_;
  FileSink sink_;
  std::map<std::pair<int64_t, std::string>, std::vector<ChannelSegment>> pending_;
  std::set<std::pair<int64_t, std::string>> quiet_;  // quiet days written, for the current day
  ChannelStats stats_;
};

// Private to the generator (channel_day.cc): renders one day of one channel
// around `segments` (sorted, not overlapping) with the channel's own life.
std::string render_channel_day(const std::string& channel, int64_t day, uint64_t seed,
                               std::vector<ChannelSegment>& segments);

// A day of a channel where no meeting is held: chatter, joins, nick changes.
std::string render_quiet_day(const std::string& channel, int64_t day, uint64_t seed,
                             const std::string& team, const std::vector<std::string>& cast);

// "irclogs/#<chan>/#<chan>.<YYYY-MM-DD>.log".
std::string channel_log_path(const std::string& channel, int64_t day);

}  // namespace eavesearch::gen

#endif  // EAVESEARCH_DATA_GENERATOR_CHANNEL_LOGS_H_
