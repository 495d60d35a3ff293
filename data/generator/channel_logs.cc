#include "channel_logs.h"

#include <algorithm>

#include "civil_date.h"
#include "rng.h"

namespace eavesearch::gen {
namespace {

constexpr int64_t kDay = 86400;
// Meetings closer than this in one channel would run into each other; the
// later one keeps its meetings/ file but gets no channel copy.
constexpr int64_t kMarginSeconds = 120;
constexpr int kQuietDayOneIn = 40;  // quiet days per meeting, about

std::string url_base(int64_t day) {
  return day < kOpenDevMeetDay ? "http://eavesdrop.openstack.org" : "https://meetings.opendev.org";
}

// The topic MeetBot restores at #endmeeting (the one it found at #startmeeting).
std::string standing_topic(const std::string& channel, int64_t day) {
  if (channel.rfind("openstack-meeting", 0) == 0) {
    return day < kOpenDevMeetDay ? "OpenStack Meetings || https://wiki.openstack.org/wiki/Meetings"
                                 : "OpenStack Meetings || https://meetings.opendev.org/";
  }
  const std::string logs = day < kOpenDevMeetDay ? "http://eavesdrop.openstack.org/irclogs/"
                                                 : "https://meetings.opendev.org/irclogs/";
  return "Discussion of " + channel + " | Channel logs: " + logs + "%23" + channel + "/";
}

// The channel where a team talks between meetings, for quiet days.
std::string team_channel(const std::string& team, int64_t day) {
  static constexpr const char* kTeams[] = {"nova",    "neutron", "cinder", "keystone", "swift",
                                           "horizon", "heat",    "kolla",  "infra"};
  if (std::find(std::begin(kTeams), std::end(kTeams), team) == std::end(kTeams)) return {};
  if (team == "infra" && day >= kOpenDevMeetDay) return "opendev";
  return "openstack-" + team;
}

std::string lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

int hms_seconds(const std::string& line) {
  return ((line[0] - '0') * 10 + (line[1] - '0')) * 3600 +
         ((line[3] - '0') * 10 + (line[4] - '0')) * 60 + (line[6] - '0') * 10 + (line[7] - '0');
}

ChannelLine message_line(int64_t t, std::string body) {
  ChannelLine l;
  l.t = t;
  l.kind = ChannelLine::Kind::kMessage;
  if (body[0] == '<') {
    l.nick = body.substr(1, body.find('>') - 1);
  } else {  // "* nick text"
    l.nick = body.substr(2, body.find(' ', 2) - 2);
  }
  l.body = std::move(body);
  return l;
}

ChannelLine event_line(int64_t t, const LogEvent& e, const std::string& bot) {
  ChannelLine l;
  l.t = t;
  if (e.kind == LogEvent::Kind::kRename) {
    l.kind = ChannelLine::Kind::kRename;
    l.nick = e.text;
    l.new_nick = e.new_nick;
    l.body = "*** " + e.text + " is now known as " + e.new_nick;
  } else {
    l.body = "*** " + bot + " changes topic to \"" + e.text + "\"";
  }
  return l;
}

// The channel's copy of the meeting, MeetBot's end replies included.
std::vector<ChannelLine> meeting_lines(const MeetingLog& log, const std::string& channel,
                                       Rng& rng) {
  const std::string bot = bot_nick(log.day);
  std::vector<ChannelLine> out;
  int64_t base = log.day * kDay;
  int prev = -1;
  int64_t index = 0;
  size_t ev = 0;
  for (size_t pos = 0; pos < log.text.size();) {
    size_t nl = log.text.find('\n', pos);
    if (nl == std::string::npos) nl = log.text.size();
    const std::string line = log.text.substr(pos, nl - pos);
    pos = nl + 1;
    const int hms = hms_seconds(line);
    if (hms < prev) base += kDay;  // past midnight
    prev = hms;
    for (; ev < log.events.size() && log.events[ev].after_line < index; ++ev) {
      out.push_back(event_line(base + hms, log.events[ev], bot));
    }
    out.push_back(message_line(base + hms, line.substr(9)));
    for (; ev < log.events.size() && log.events[ev].after_line == index; ++ev) {
      out.push_back(event_line(base + hms, log.events[ev], bot));
    }
    ++index;
  }
  if (!log.ended) return out;
  // do_endmeeting: the old topic comes back, then the replies only the channel sees.
  int64_t t = out.back().t;
  const int64_t end = t;
  t += rng.range(0, 1);
  out.push_back({t,
                 ChannelLine::Kind::kOther,
                 bot,
                 {},
                 "*** " + bot + " changes topic to \"" + standing_topic(channel, log.day) + "\""});
  std::string url = url_base(log.day) + "/" + log_relative_path(log);
  url.resize(url.size() - std::string(".log.txt").size());
  const std::string said = "<" + bot + "> ";
  out.push_back(message_line(t, said + "Meeting ended " + asctime_utc(end / kDay, end % kDay) +
                                    " UTC.  Information about MeetBot at "
                                    "http://wiki.debian.org/MeetBot . (v 0.1.4)"));
  out.push_back(message_line(t, said + "Minutes:        " + url + ".html"));
  t += rng.range(0, 1);
  out.push_back(message_line(t, said + "Minutes (text): " + url + ".txt"));
  out.push_back(message_line(t, said + "Log:            " + url + ".log.html"));
  return out;
}

// The copy cut at midnight: one segment per day it touches.
std::vector<ChannelSegment> by_day(std::vector<ChannelLine> lines, const MeetingSpec& spec,
                                   bool ended) {
  std::string chair;
  for (const ChannelLine& l : lines) {
    if (l.kind == ChannelLine::Kind::kMessage) {
      chair = l.nick;
      break;
    }
  }
  std::vector<ChannelSegment> parts;
  for (ChannelLine& line : lines) {
    const int64_t day = line.t / kDay;
    if (parts.empty() || parts.back().start / kDay != day) {
      ChannelSegment s;
      s.start = line.t;
      s.opens = parts.empty();
      s.team = spec.series->team;
      s.chair = chair;
      for (const Regular& r : *spec.pool) {
        if (day >= r.active_from && day <= r.active_to && s.cast.size() < 8) {
          s.cast.push_back(r.nick);
        }
      }
      parts.push_back(std::move(s));
    }
    parts.back().busy_to = line.t;
    parts.back().lines.push_back(std::move(line));
  }
  parts.back().closes = ended;
  parts.back().open_end = !ended;
  if (!ended) parts.back().busy_to = (parts.back().start / kDay + 1) * kDay - 1;
  return parts;
}

}  // namespace

std::string channel_log_path(const std::string& channel, int64_t day) {
  return "irclogs/#" + channel + "/#" + channel + "." + format_iso_date(day) + ".log";
}

void ChannelLogs::add_meeting(const MeetingSpec& spec, const MeetingLog& log) {
  // Its own channel; if another meeting holds it, a general meeting channel,
  // as teams did; then a channel of its own.
  std::string own = spec.series->meeting_id;
  std::replace(own.begin(), own.end(), '_', '-');
  if (own.rfind("openstack", 0) != 0) own = "openstack-" + own;
  const std::string channels[] = {lowercase(spec.series->channel), "openstack-meeting",
                                  "openstack-meeting-alt",         "openstack-meeting-3",
                                  "openstack-meeting-4",           lowercase(own) + "-meeting"};
  for (size_t k = 0; k < std::size(channels); ++k) {
    const std::string& channel = channels[k];
    if (k > 0 && channel == channels[0]) continue;
    Rng rng(combine(spec.seed, 0xc4a77e1ULL));
    std::vector<ChannelSegment> parts = by_day(meeting_lines(log, channel, rng), spec, log.ended);
    if (!fits(parts, channel)) continue;
    if (k > 0) ++stats_.moved;
    for (ChannelSegment& s : parts) pending_[{s.start / kDay, channel}].push_back(std::move(s));
    maybe_quiet_day(spec);
    return;
  }
  ++stats_.left_out;
  maybe_quiet_day(spec);
}

bool ChannelLogs::fits(const std::vector<ChannelSegment>& parts, const std::string& channel) const {
  for (const ChannelSegment& s : parts) {
    auto it = pending_.find({s.start / kDay, channel});
    if (it == pending_.end()) continue;
    for (const ChannelSegment& o : it->second) {
      if (s.start <= o.busy_to + kMarginSeconds && o.start <= s.busy_to + kMarginSeconds) {
        return false;
      }
    }
  }
  return true;
}

void ChannelLogs::maybe_quiet_day(const MeetingSpec& spec) {
  Rng rng(combine(spec.seed, 0x9e1e7da7ULL));
  if (!rng.chance(1, kQuietDayOneIn)) return;
  const std::string channel = team_channel(spec.series->team, spec.day);
  if (channel.empty() || meeting_channels_.count(channel)) return;
  if (!quiet_.insert({spec.day, channel}).second) return;
  std::vector<std::string> cast;
  for (const Regular& r : *spec.pool) {
    if (spec.day >= r.active_from && spec.day <= r.active_to && cast.size() < 12) {
      cast.push_back(r.nick);
    }
  }
  if (cast.size() < 2) return;
  ++stats_.quiet_days;
  write(channel, spec.day,
        render_quiet_day(channel, spec.day, rng.next(), spec.series->team, cast));
}

void ChannelLogs::flush_before(int64_t day) {
  while (!pending_.empty() && pending_.begin()->first.first < day) {
    auto node = pending_.extract(pending_.begin());
    const auto& [d, channel] = node.key();
    std::vector<ChannelSegment>& segments = node.mapped();
    std::sort(segments.begin(), segments.end(),
              [](const ChannelSegment& a, const ChannelSegment& b) { return a.start < b.start; });
    const uint64_t seed = combine(combine(seed_, hash_string(channel)), static_cast<uint64_t>(d));
    write(channel, d, render_channel_day(channel, d, seed, segments));
  }
  while (!quiet_.empty() && quiet_.begin()->first < day) quiet_.erase(quiet_.begin());
}

void ChannelLogs::write(const std::string& channel, int64_t day, const std::string& text) {
  sink_(channel_log_path(channel, day), text);
  ++stats_.files;
  stats_.bytes += static_cast<int64_t>(text.size());
  stats_.lines += std::count(text.begin(), text.end(), '\n');
}

}  // namespace eavesearch::gen
