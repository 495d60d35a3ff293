// Private to indexer/: meetings held in a channel log. Eavesdrop's channel
// logs hold every meeting of their channel a second time, beside the
// meetings/ files MeetBot wrote (FORMATS.md 2.2).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "eavesearch/record.h"

namespace eavesearch {

struct ChannelMeeting {
  // Its id is the stem MeetBot gave the meeting's own files
  // (meetings/<name>/<YYYY>/<name>.<YYYY-MM-DD>-<HH>.<MM>); its channel is the log's.
  Meeting meeting;
  std::size_t first = 0;  // the span of records, [first, last]
  std::size_t last = 0;
  std::vector<std::size_t> messages;  // the records that are the meeting's log lines
};

// How far a meeting whose #endmeeting is not found may run.
enum class MeetingReach {
  // To the end of the records: a day's file, read with the day before's when
  // it begins inside a meeting (begins_inside_meeting).
  kRecords,
  // To the end of its day, or of the next day when that begins inside a
  // meeting: a one-file log, read as its days' files would be. So a meeting
  // crossing midnight is found whole, one never ended does not run on for
  // years, and each meeting reads two days of lines at most.
  kDayAndNext,
};

// Finds each "#startmeeting ... #endmeeting" span in a channel log's records
// (a meeting still running where `reach` ends ends there), applies
// MeetBot's semantics to its messages as MeetBot would have logged them,
// and marks the span's records with the meeting, topic, kind, item and owners.
std::vector<ChannelMeeting> find_channel_meetings(std::vector<Record>& records,
                                                  std::string_view channel, MeetingReach reach);

// Whether a day's records begin inside a meeting: an #endmeeting said before
// any #startmeeting.
bool begins_inside_meeting(std::span<const Record> day);

// Whether a channel record is a message MeetBot logs (say, me): the lines of
// a meeting's own log.
bool is_meeting_message(const Record& record);

}  // namespace eavesearch
