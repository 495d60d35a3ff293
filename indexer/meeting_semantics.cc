// MeetBot 0.1.4's meeting semantics (FORMATS.md 1.4, 1a) applied to the lines
// of one meeting log.
#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include "eavesearch/parser.h"
#include "eavesearch/person.h"
#include "eavesearch/time_util.h"
#include "indexer/raw_line.h"

namespace eavesearch {
namespace {

struct Command {
  std::string_view word;  // as typed, lowercased
  std::string_view kind;  // canonical command name
  bool chair_only;
  std::string_view item;  // minutes item made; "" for none
};

// MeetBot's commands and aliases (`#commands`), FORMATS.md 1.4.
constexpr std::array<Command, 30> kCommands = {{
    {"startmeeting", "startmeeting", false, ""},
    {"endmeeting", "endmeeting", true, ""},
    {"topic", "topic", true, "topic"},
    {"info", "info", false, "info"},
    {"idea", "idea", false, "idea"},
    {"action", "action", false, "action"},
    {"agreed", "agreed", true, "agreed"},
    {"agree", "agreed", true, "agreed"},
    {"accepted", "accepted", true, "accepted"},
    {"accept", "accepted", true, "accepted"},
    {"rejected", "rejected", true, "rejected"},
    {"reject", "rejected", true, "rejected"},
    {"help", "help", false, "help"},
    {"halp", "help", false, "help"},
    {"link", "link", false, "link"},
    {"startvote", "startvote", true, ""},
    {"vote", "vote", false, ""},
    {"showvote", "showvote", false, ""},
    {"endvote", "endvote", true, "vote"},
    {"undo", "undo", true, ""},
    {"chair", "chair", true, ""},
    {"unchair", "unchair", true, ""},
    {"nick", "nick", false, ""},
    {"meetingname", "meetingname", false, ""},
    {"meetingtopic", "meetingtopic", true, ""},
    {"save", "save", true, ""},
    {"lurk", "lurk", true, ""},
    {"unlurk", "unlurk", true, ""},
    {"restrictlogs", "restrictlogs", true, ""},
    {"commands", "commands", false, ""},
}};

constexpr std::array<std::string_view, 6> kUrlSchemes = {"http://", "https://",  "irc://",
                                                         "ftp://",  "mailto://", "ssh://"};
constexpr std::array<std::string_view, 4> kKnownBots = {"openstack", "opendevmeet", "zodbot",
                                                        "meetbot"};
constexpr int kMeetingLengthSeconds = 60 * 60;
// From MeetBot's commit 5f8bdbe (2013-07-12) anyone may #endmeeting once the
// meeting has run kMeetingLengthSeconds.
const std::int64_t kAnyoneMayEndSince = to_epoch({2013, 7, 12});

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; });
}

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Python's re.search(r'\b' + nick + r'\b', text, re.I) for a literal nick.
bool matches_whole_word(std::string_view text, std::string_view nick) {
  if (nick.empty() || nick.size() > text.size()) return false;
  for (std::size_t at = 0; at + nick.size() <= text.size(); ++at) {
    bool equal = true;
    for (std::size_t k = 0; k < nick.size() && equal; ++k)
      equal = lower(text[at + k]) == lower(nick[k]);
    if (!equal) continue;
    bool before = at > 0 && is_word_byte(text[at - 1]);
    bool after = at + nick.size() < text.size() && is_word_byte(text[at + nick.size()]);
    if (before != is_word_byte(nick.front()) && after != is_word_byte(nick.back())) return true;
  }
  return false;
}

// "#word rest" at the start of `text` (MeetBot's r'#([\w]+)[ \t]*(.*)').
bool split_command(std::string_view text, std::string& word, std::string_view& rest) {
  if (text.size() < 2 || text[0] != '#') return false;
  std::size_t end = 1;
  while (end < text.size() && is_word_byte(text[end])) ++end;
  if (end == 1) return false;
  word.clear();
  for (char c : text.substr(1, end - 1)) word.push_back(lower(c));
  rest = text.substr(end);
  rest.remove_prefix(std::min(rest.size(), rest.find_first_not_of(" \t")));
  return true;
}

const Command* find_command(std::string_view word) {
  for (const Command& c : kCommands) {
    if (c.word == word) return &c;
  }
  return nullptr;
}

// The bot's own messages (FORMATS.md 1.3), for logs that lost the nicks.
bool is_bot_message(std::string_view text) {
  static constexpr std::array<std::string_view, 14> kPrefixes = {
      "Meeting started ",
      "Useful Commands: ",
      "The meeting name has been set to ",
      "Current chairs: ",
      "Warning: Nick not in channel: ",
      "Removing item from minutes: ",
      "Begin voting on: ",
      "Vote using '#vote OPTION'",
      "Voted on \"",
      "Meeting ended ",
      "Minutes:",
      "Minutes (text):",
      "Log:",
      "Available commands: "};
  return std::any_of(kPrefixes.begin(), kPrefixes.end(),
                     [&](std::string_view p) { return text.substr(0, p.size()) == p; });
}

bool starts_with_url(std::string_view text) {
  return std::any_of(kUrlSchemes.begin(), kUrlSchemes.end(),
                     [&](std::string_view s) { return text.substr(0, s.size()) == s; });
}

std::vector<std::string> split_nicks(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

class MeetingState {
 public:
  MeetingState(ParsedLog& parsed, std::string bot) : parsed_(parsed), bot_(std::move(bot)) {}

  // Fills kind, topic and item of `r`, made from `raw`.
  // Without a nick (flattened logs) a command is taken as a chair's, and a
  // bot message is known by its text.
  void apply(const RawLine& raw, Record& r) {
    const std::string nick = raw.nick.value_or("");
    if (raw.nick) attendees_.insert(nick);
    r.topic = topic_;
    if (raw.is_action) {
      r.kind = "me";
      return;
    }
    if (raw.nick ? nick == bot_ : is_bot_message(raw.text)) {
      r.kind = "bot";
      return;
    }
    std::string word;
    std::string_view rest;
    const Command* cmd = split_command(raw.text, word, rest) ? find_command(word) : nullptr;
    if (raw.text.rfind("#startmeeting", 0) == 0) cmd = find_command("startmeeting");
    if (cmd == nullptr) {
      r.kind = "say";
      if (starts_with_url(raw.text)) add_item(r, "link");
      return;
    }
    r.kind = std::string(cmd->kind);
    bool chair = !raw.nick || owner_.empty() || nick == owner_ || chairs_.count(nick) > 0;
    if (cmd->kind == "startmeeting") {
      if (!start_time_) {
        owner_ = nick;
        if (raw.nick) chairs_.insert(nick);
        start_time_ = r.time;
      }
      return;
    }
    if (cmd->kind == "endmeeting") {
      std::int64_t start = start_time_.value_or(r.time);
      bool anyone_may = start >= kAnyoneMayEndSince && r.time - start >= kMeetingLengthSeconds;
      if (chair || anyone_may) parsed_.meeting.ended = true;
      return;
    }
    if (cmd->chair_only && !chair) return;
    if (cmd->kind == "startvote") {
      // MeetBot needs a question mark to find the question; one vote at a time.
      if (!vote_open_ && rest.find('?') != std::string_view::npos) vote_open_ = true;
      return;
    }
    if (cmd->kind == "endvote") {
      if (!vote_open_) return;
      vote_open_ = false;
    }
    if (cmd->kind == "nick") {
      for (auto& n : split_nicks(rest)) attendees_.insert(n);
    } else if (cmd->kind == "chair") {
      for (auto& n : split_nicks(rest)) {
        if (n.empty()) continue;
        chairs_.insert(n);
        attendees_.insert(n);
      }
    } else if (cmd->kind == "unchair") {
      for (auto& n : split_nicks(rest)) {
        if (n != owner_) chairs_.erase(n);
      }
    } else if (cmd->kind == "undo") {
      undo();
    } else if (cmd->kind == "topic") {
      topic_ = std::string(rest);
      r.topic = topic_;
    }
    if (!cmd->item.empty()) add_item(r, cmd->item);
  }

  // Owners of action items, once every attendee is known (as MeetBot does at
  // the end of the meeting).
  void assign_owners(std::vector<Record>& records) const {
    for (std::size_t k : items_) {
      Record& r = records[k];
      if (r.item != "action") continue;
      std::set<std::string> owners;
      for (const std::string& nick : attendees_) {
        if (matches_whole_word(r.text.substr(std::min(r.text.size(), sizeof("#action") - 1)),
                               nick)) {
          owners.insert(normalise_person(nick));
        }
      }
      r.owners.assign(owners.begin(), owners.end());
    }
  }

  std::vector<std::string> chairs() const { return {chairs_.begin(), chairs_.end()}; }
  std::vector<std::string> topics(const std::vector<Record>& records) const {
    std::vector<std::string> out;
    for (std::size_t k : items_) {
      if (records[k].item == "topic") out.push_back(records[k].topic);
    }
    return out;
  }
  void set_records(std::vector<Record>* records) { records_ = records; }

 private:
  void add_item(Record& r, std::string_view item) {
    r.item = std::string(item);
    items_.push_back(static_cast<std::size_t>(&r - records_->data()));
  }
  // MeetBot prints the removed item with str(), which raises on non-ASCII
  // text: then nothing is removed (FORMATS.md 1a).
  void undo() {
    if (items_.empty()) return;
    Record& last = (*records_)[items_.back()];
    if (!is_ascii(last.text)) return;
    last.item.clear();
    last.owners.clear();
    items_.pop_back();
  }

  ParsedLog& parsed_;
  std::string bot_;
  std::string owner_;
  std::string topic_;
  std::optional<std::int64_t> start_time_;
  bool vote_open_ = false;
  std::set<std::string> chairs_;
  std::set<std::string> attendees_;
  std::vector<std::size_t> items_;  // indexes into records_, in order
  std::vector<Record>* records_ = nullptr;
};

// The bot's nick: whoever says "Meeting started", else a known bot name seen.
std::string find_bot(const std::vector<RawLine>& lines) {
  for (const RawLine& l : lines) {
    if (l.nick && l.text.rfind("Meeting started ", 0) == 0) return *l.nick;
  }
  for (const RawLine& l : lines) {
    if (l.nick && std::find(kKnownBots.begin(), kKnownBots.end(), *l.nick) != kKnownBots.end()) {
      return *l.nick;
    }
  }
  return {};
}

}  // namespace

Result<ParsedLog> build_meeting_log(std::string_view rel_path, std::vector<RawLine> lines,
                                    ParsedLog parsed) {
  LogName name = parse_log_name(rel_path);
  std::int64_t day_start = name.day_start;
  int previous = name.start_seconds;
  if (!name.dated) {
    std::optional<std::int64_t> started;
    for (const RawLine& l : lines) {
      if ((started = parse_meeting_started(l.text))) break;
    }
    if (!started) {
      return Error{ErrorCode::kUsage,
                   "no date: neither the file name (<meeting>.<YYYY-MM-DD>-<HH>.<MM>) nor a "
                   "\"Meeting started\" line gives one"};
    }
    day_start = *started - *started % kSecondsPerDay;
    previous = static_cast<int>(*started % kSecondsPerDay);
  }
  std::string stem = log_stem(rel_path);
  Meeting& meeting = parsed.meeting;
  meeting.id = stem;
  meeting.path = std::string(rel_path);
  meeting.name = name.meeting;
  if (meeting.name.empty()) {
    for (const RawLine& l : lines) {
      if (l.text.rfind("#startmeeting", 0) == 0) {
        meeting.name = normalise_meeting_name(std::string_view(l.text).substr(13));
        break;
      }
    }
  }

  std::vector<Record>& records = parsed.records;
  records.resize(lines.size());
  MeetingState state(parsed, find_bot(lines));
  state.set_records(&records);
  int day = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    RawLine& raw = lines[k];
    if (previous >= 0 && raw.seconds_of_day < previous - 12 * 3600) ++day;
    previous = raw.seconds_of_day;
    Record& r = records[k];
    r.id = stem + "#" + std::to_string(raw.number);
    r.meeting = meeting.name;
    r.channel = meeting.channel;
    r.time = day_start + day * kSecondsPerDay + raw.seconds_of_day;
    r.path = meeting.path;
    r.line = raw.number;
    if (raw.nick) {
      r.speaker = raw.nick;
      r.person = normalise_person(*raw.nick);
    }
    state.apply(raw, r);
    r.text = std::move(raw.text);
  }
  state.assign_owners(records);
  meeting.chairs = state.chairs();
  meeting.topics = state.topics(records);
  meeting.lines = static_cast<int>(records.size());
  if (!records.empty()) {
    meeting.start = records.front().time;
    meeting.end = records.back().time;
  } else {
    meeting.start = meeting.end = day_start + std::max(0, name.start_seconds);
  }
  return parsed;
}

}  // namespace eavesearch
