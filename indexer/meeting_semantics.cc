// MeetBot 0.1.4's meeting semantics (FORMATS.md 1.4, 1a), as OpenStack's fork
// applies them, over the lines of one meeting log: kinds, chairs, topics,
// minutes items, #undo, votes, action owners and the people present.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "eavesearch/parser.h"
#include "eavesearch/person.h"
#include "eavesearch/time_util.h"
#include "indexer/meetbot_commands.h"
#include "indexer/raw_line.h"

namespace eavesearch {
namespace {

constexpr int kMeetingLengthSeconds = 60 * 60;
// From MeetBot's commit 5f8bdbe (2013-07-12) anyone may #endmeeting once the
// meeting has run kMeetingLengthSeconds.
const std::int64_t kAnyoneMayEndSince = to_epoch({2013, 7, 12});
// Before commits d628b59 / 96962dd (2016-11/12; the day is inferred) the #undo
// reply printed the item's repr, which never fails on non-ASCII text.
const std::int64_t kUndoStrSince = to_epoch({2016, 12, 1});

struct OpenVote {
  std::string question;  // without its "?"
  std::vector<std::string> options;
  bool default_options = false;                    // "Yes, No": MeetBot errors on every #vote
  std::map<std::string, std::string> by_nick;      // nick -> option (their last vote)
  std::vector<std::pair<std::string, int>> tally;  // options voted for, in first-vote order
};

class MeetingState {
 public:
  MeetingState(std::vector<Record>& records, Meeting& meeting, std::string bot)
      : records_(records), meeting_(meeting), bot_(std::move(bot)) {}

  // Fills kind, topic and item of records_[k], said in `raw`. Without a nick
  // (flattened logs) a command is taken as a chair's and a bot message is
  // known by its text.
  void apply(const RawLine& raw, std::size_t k) {
    Record& r = records_[k];
    const std::string nick = raw.nick.value_or("");
    const bool bot = raw.nick ? nick == bot_ : is_bot_message(raw.text);
    if (meeting_.ended) {  // MeetBot forgot the meeting: plain lines, and its own
      r.kind = bot ? "bot" : raw.is_action ? "me" : "say";
      return;
    }
    if (raw.nick) ++lines_by_nick_[nick];
    r.topic = topic_;
    if (raw.is_action) {
      r.kind = "me";
      return;
    }
    if (bot) {
      r.kind = "bot";
      if (!raw.nick && owner_.empty()) owner_ = chair_named(raw.text);
      return;
    }
    std::string_view rest;
    const Command* cmd = find_command(raw.text, rest);
    if (cmd == nullptr) {
      r.kind = "say";
      if (is_url_line(raw.text)) add_item(k, "LINK", raw.text, nick);
      return;
    }
    r.kind = std::string(cmd->kind);
    bool chair = !raw.nick || nick == owner_ || chairs_.count(nick) > 0;
    if (cmd->kind == "startmeeting") return start(raw, r, rest);
    if (cmd->kind == "endmeeting") {
      std::int64_t start = start_time_.value_or(r.time);
      bool anyone_may = start >= kAnyoneMayEndSince && r.time - start >= kMeetingLengthSeconds;
      if (chair || anyone_may) {
        meeting_.ended = true;
        end_index_ = static_cast<int>(k);
      }
      return;
    }
    if (cmd->chair_only && !chair) return;
    if (cmd->kind == "nick") {
      for (const std::string& n : split_nick_list(rest)) lines_by_nick_[n] += 0;
    } else if (cmd->kind == "chair") {
      for (const std::string& n : split_nick_list(rest)) {
        if (chairs_.insert(n).second) lines_by_nick_[n] += 0;
      }
    } else if (cmd->kind == "unchair") {
      for (const std::string& n : split_whitespace(rest)) chairs_.erase(n);
    } else if (cmd->kind == "undo") {
      undo();
    } else if (cmd->kind == "meetingtopic") {
      set_title(rest);
    } else if (cmd->kind == "topic") {
      topic_ = std::string(rest);
      r.topic = topic_;
    } else if (cmd->kind == "startvote") {
      start_vote(rest);
    } else if (cmd->kind == "vote") {
      vote(nick, rest);
    } else if (cmd->kind == "endvote") {
      if (!vote_) return;
      VoteResult result = vote_result();
      add_item(k, "VOTE", vote_minutes_text(result), nick);
      r.vote = meeting_.items.back().vote = std::move(result);
      vote_.reset();
      return;
    }
    if (!cmd->item.empty()) add_item(k, cmd->item, rest, nick);
  }

  // As MeetBot does when it writes the minutes: owners of action items
  // among every attendee, and the people present.
  void finish() {
    std::vector<std::string> attendees;
    for (const auto& [nick, lines] : lines_by_nick_) attendees.push_back(nick);
    const NickMatcher matcher(attendees);
    for (std::size_t i = 0; i < items_.size(); ++i) {
      Record& r = records_[items_[i]];
      MinutesItem& item = meeting_.items[i];
      if (item.type != "ACTION") continue;
      std::set<std::string> persons;
      for (std::size_t a : matcher.find_in(item.text)) {
        item.owners.push_back(attendees[a]);
        persons.insert(normalise_person(attendees[a]));
      }
      r.owners.assign(persons.begin(), persons.end());
    }
    for (const auto& [nick, lines] : lines_by_nick_) meeting_.people.push_back({nick, lines});
    std::stable_sort(meeting_.people.begin(), meeting_.people.end(),
                     [](const Attendee& a, const Attendee& b) { return a.lines > b.lines; });
    std::set<std::string> chairs(chairs_);
    if (!owner_.empty()) chairs.insert(owner_);
    meeting_.chairs.assign(chairs.begin(), chairs.end());
  }

  int end_index() const { return end_index_; }

 private:
  void start(const RawLine& raw, Record& r, std::string_view rest) {
    // A second #startmeeting is refused by the plugin ("Can't start another meeting").
    if (start_time_) return;
    start_time_ = r.time;
    owner_ = raw.nick.value_or("");
    set_title(rest);
  }

  // Who MeetBot's "Meeting started ... The chair is mnaser." names: the
  // owner of a meeting whose log lost its nicks (a flattened one).
  static std::string chair_named(std::string_view text) {
    constexpr std::string_view kChair = "The chair is ";
    auto at = text.find(kChair);
    if (at == std::string_view::npos) return {};
    std::string_view rest = text.substr(at + kChair.size());
    std::string_view nick = rest.substr(0, rest.find_first_of(" \t"));
    if (nick.ends_with('.')) nick.remove_suffix(1);
    return std::string(nick);
  }

  void set_title(std::string_view text) {
    std::string t(text);
    t.erase(0, t.find_first_not_of(" \t"));
    t.erase(t.find_last_not_of(" \t") + 1);
    std::string lowered = t;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    meeting_.title = lowered == "none" || lowered == "unset" ? "" : t;
  }

  void add_item(std::size_t k, std::string_view type, std::string_view text,
                const std::string& nick) {
    Record& r = records_[k];
    std::string item(type);
    std::transform(item.begin(), item.end(), item.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    r.item = item;
    meeting_.items.push_back(
        MinutesItem{std::string(type), std::string(text), nick, r.time, r.line, {}, {}, {}});
    items_.push_back(k);
  }

  // MeetBot prints the removed item with str(), which raises on non-ASCII
  // text (a link's: its URL): then nothing is removed (FORMATS.md 1a).
  void undo() {
    if (items_.empty()) return;
    const MinutesItem& last = meeting_.items.back();
    std::string_view shown = last.text;
    if (last.type == "LINK") shown = shown.substr(0, shown.find_first_of(" \t"));
    if (start_time_.value_or(0) >= kUndoStrSince && !is_ascii(shown)) return;
    Record& r = records_[items_.back()];
    r.item.clear();
    r.vote.reset();
    r.owners.clear();
    items_.pop_back();
    meeting_.items.pop_back();
  }

  // "#startvote Q? A, B": the question up to the last "?" (MeetBot's
  // r'(.*\?)\s*(.*)'); one vote at a time.
  void start_vote(std::string_view rest) {
    std::size_t q = rest.rfind('?');
    if (vote_ || q == std::string_view::npos) return;
    OpenVote v;
    v.question = std::string(rest.substr(0, q));
    std::string_view options = rest.substr(q + 1);
    options.remove_prefix(std::min(options.size(), options.find_first_not_of(" \t")));
    v.default_options = options.empty();
    v.options =
        v.default_options ? std::vector<std::string>{"Yes", "No"} : split_vote_options(options);
    vote_ = std::move(v);
  }

  void vote(const std::string& nick, std::string_view rest) {
    if (!vote_ || vote_->default_options) return;
    std::string choice(rest);
    choice.erase(choice.find_last_not_of(" \t") + 1);
    auto lower = [](std::string s) {
      for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    };
    auto option = std::find_if(vote_->options.begin(), vote_->options.end(),
                               [&](const std::string& o) { return lower(o) == lower(choice); });
    if (option == vote_->options.end()) return;
    auto count = [&](const std::string& o) -> int& {
      for (auto& [name, n] : vote_->tally) {
        if (name == o) return n;
      }
      return vote_->tally.emplace_back(o, 0).second;
    };
    if (auto previous = vote_->by_nick.find(nick); previous != vote_->by_nick.end()) {
      --count(previous->second);
    }
    ++count(*option);
    vote_->by_nick[nick] = *option;
  }

  VoteResult vote_result() const {
    return VoteResult{vote_->question + "?", vote_->options, vote_->tally};
  }

  std::vector<Record>& records_;
  Meeting& meeting_;
  int end_index_ = -1;
  std::string bot_;
  std::string owner_;
  std::string topic_;
  std::optional<std::int64_t> start_time_;
  std::optional<OpenVote> vote_;
  std::set<std::string> chairs_;
  std::map<std::string, int> lines_by_nick_;  // MeetBot's attendees
  std::vector<std::size_t> items_;            // the record of each of meeting_.items
};

// The bot's nick: whoever says "Meeting started", else a known bot name seen.
std::string find_bot(const std::vector<RawLine>& lines) {
  for (const RawLine& l : lines) {
    if (l.nick && l.text.rfind("Meeting started ", 0) == 0) return *l.nick;
  }
  for (const RawLine& l : lines) {
    if (l.nick && is_known_bot(*l.nick)) return *l.nick;
  }
  return {};
}

}  // namespace

std::vector<std::string> meeting_topics(const Meeting& meeting) {
  std::vector<std::string> topics;
  for (const MinutesItem& item : meeting.items) {
    if (item.type == "TOPIC") topics.push_back(item.text);
  }
  return topics;
}

Result<ParsedLog> build_meeting_log(std::string_view rel_path, std::vector<RawLine> lines,
                                    ParsedLog parsed) {
  for (const RawLine& l : lines) {
    if (l.cut) add_cut_line(parsed, l.number);
  }
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
  std::string stem = log_id(rel_path);
  Meeting& meeting = parsed.meeting;
  meeting.id = stem;
  meeting.path = std::string(rel_path);
  meeting.name = name.meeting;
  // Without a name in the file name: MeetBot's, from #startmeeting then the
  // last #meetingname (which renames the files).
  for (const RawLine& l : lines) {
    if (!name.meeting.empty()) break;
    std::string_view rest;
    const Command* cmd = find_command(l.text, rest);
    if (cmd && cmd->kind == "meetingname") meeting.name = normalise_meeting_name(rest);
    if (cmd && cmd->kind == "startmeeting" && meeting.name.empty()) {
      meeting.name = normalise_meeting_name(rest);
    }
  }

  std::vector<Record>& records = parsed.records;
  records.resize(lines.size());
  MeetingState state(records, meeting, find_bot(lines));
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
    state.apply(raw, k);
    r.text = std::move(raw.text);
  }
  state.finish();
  parsed.end_index = state.end_index();
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
