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

}  // namespace

bool is_meeting_message(const Record& r) { return r.kind == "say" || r.kind == "me"; }

std::vector<ChannelMeeting> find_channel_meetings(std::vector<Record>& records,
                                                  std::string_view channel) {
  std::vector<ChannelMeeting> out;
  for (std::size_t first = 0; first < records.size(); ++first) {
    const Record& start = records[first];
    if (start.kind != "say" || start.text.rfind("#startmeeting", 0) != 0) continue;
    std::string name = normalise_meeting_name(std::string_view(start.text).substr(13));
    if (name.empty()) name = normalise_meeting_name(channel.substr(channel.find_first_not_of('#')));
    // The messages from here on, as MeetBot's .log.txt would hold them.
    std::vector<RawLine> lines;
    std::vector<std::size_t> index_of_line;
    for (std::size_t k = first; k < records.size(); ++k) {
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
    std::size_t last = built->end_index >= 0 ? index_of_line[built->end_index] : records.size() - 1;
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
