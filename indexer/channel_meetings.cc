#include "indexer/channel_meetings.h"

#include <cstdio>

#include "eavesearch/parser.h"
#include "eavesearch/person.h"
#include "eavesearch/time_util.h"
#include "indexer/raw_line.h"

namespace eavesearch {
namespace {

// The .log.txt path MeetBot wrote for a meeting started at `start`.
std::string meeting_log_path(const std::string& name, std::int64_t start) {
  CivilTime t = to_civil(start);
  char when[64];
  std::snprintf(when, sizeof when, "%04d/%s.%04d-%02d-%02d-%02d.%02d", t.year, name.c_str(), t.year,
                t.month, t.day, t.hour, t.minute);
  std::string out = "meetings/" + name + "/" + when + ".log.txt";
  return out;
}

// The index of the first record after `from` dated a later day than it.
std::size_t end_of_day(const std::vector<Record>& records, std::size_t from) {
  std::int64_t day = day_of(records[from].time);
  std::size_t k = from + 1;
  while (k < records.size() && day_of(records[k].time) <= day) ++k;
  return k;
}

// Where the records a meeting starting at `first` may take end (MeetingReach).
std::size_t reach_end(const std::vector<Record>& records, std::size_t first, MeetingReach reach) {
  if (reach == MeetingReach::kRecords) return records.size();
  std::size_t end = end_of_day(records, first);
  if (end < records.size() && day_of(records[end].time) == day_of(records[first].time) + 1) {
    std::size_t next = end_of_day(records, end);
    if (begins_inside_meeting(std::span(records).subspan(end, next - end))) end = next;
  }
  return end;
}

}  // namespace

bool is_meeting_message(const Record& r) { return r.kind == "say" || r.kind == "me"; }

bool begins_inside_meeting(std::span<const Record> day) {
  for (const Record& r : day) {
    if (r.kind != "say") continue;
    if (r.text.rfind("#startmeeting", 0) == 0) return false;
    if (r.text.rfind("#endmeeting", 0) == 0) return true;
  }
  return false;
}

std::vector<ChannelMeeting> find_channel_meetings(std::vector<Record>& records,
                                                  std::string_view channel, MeetingReach reach) {
  std::vector<ChannelMeeting> out;
  for (std::size_t first = 0; first < records.size(); ++first) {
    const Record& start = records[first];
    if (start.kind != "say" || start.text.rfind("#startmeeting", 0) != 0) continue;
    std::string name = normalise_meeting_name(std::string_view(start.text).substr(13));
    if (name.empty()) name = normalise_meeting_name(channel.substr(channel.find_first_not_of('#')));
    // The messages from here on, as MeetBot's .log.txt would hold them.
    std::size_t end = reach_end(records, first, reach);
    std::vector<RawLine> lines;
    std::vector<std::size_t> index_of_line;
    for (std::size_t k = first; k < end; ++k) {
      const Record& r = records[k];
      if (!is_meeting_message(r) || !r.speaker) continue;
      RawLine raw;
      raw.number = static_cast<int>(lines.size()) + 1;
      raw.seconds_of_day =
          static_cast<int>(((r.time % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay);
      raw.nick = r.speaker;
      raw.is_action = r.kind == "me";
      raw.text = r.text;
      lines.push_back(std::move(raw));
      index_of_line.push_back(k);
    }
    auto built =
        build_meeting_log(meeting_log_path(name, start.time), std::move(lines), ParsedLog{});
    if (!built) continue;
    std::size_t last = built->end_index >= 0 ? index_of_line[built->end_index] : end - 1;
    std::string topic;
    for (std::size_t k = first, line = 0; k <= last; ++k) {
      Record& r = records[k];
      r.meeting = name;
      if (line < index_of_line.size() && index_of_line[line] == k) {
        const Record& m = built->records[line++];
        r.kind = m.kind;
        r.item = m.item;
        r.owners = m.owners;
        topic = m.topic;
      }
      r.topic = topic;
    }
    ChannelMeeting cm;
    cm.meeting = std::move(built->meeting);
    cm.meeting.channel = std::string(channel);
    cm.meeting.path = records[first].path;
    cm.meeting.end = records[last].time;
    cm.meeting.lines =
        built->end_index >= 0 ? built->end_index + 1 : static_cast<int>(index_of_line.size());
    cm.first = first;
    cm.last = last;
    index_of_line.resize(static_cast<std::size_t>(cm.meeting.lines));
    cm.messages = std::move(index_of_line);
    out.push_back(std::move(cm));
    first = last;
  }
  return out;
}

}  // namespace eavesearch
