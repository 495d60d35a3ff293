// Private to indexer/: meetings held in a channel log. Eavesdrop's channel
// logs hold every meeting of their channel a second time, beside the
// meetings/ files MeetBot wrote (FORMATS.md 2.2).
#pragma once

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

// Finds each "#startmeeting ... #endmeeting" span in a channel log's records
// (a meeting still running at the end of the file ends there), applies
// MeetBot's semantics to its messages as MeetBot would have logged them,
// and marks the span's records with the meeting, topic, kind, item and owners.
std::vector<ChannelMeeting> find_channel_meetings(std::vector<Record>& records,
                                                  std::string_view channel);

// Whether a channel record is a message MeetBot logs (say, me): the lines of
// a meeting's own log.
bool is_meeting_message(const Record& record);

}  // namespace eavesearch
