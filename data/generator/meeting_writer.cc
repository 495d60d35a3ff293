#include "meeting_writer.h"

#include <algorithm>
#include <cstdio>

#include "civil_date.h"
#include "meeting_session.h"

namespace eavesearch::gen {
namespace {

constexpr int64_t kMeetingTopicDay = 15661;   // 2012-11-17
constexpr int64_t kDueToFinishDay = 15898;    // 2013-07-12
constexpr int64_t kUndoShowsTextDay = 17136;  // 2016-12-01
constexpr char kMeetBotUrl[] = "http://wiki.debian.org/MeetBot";

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

// The #startmeeting argument as people type it; it always normalizes to the
// same MeetBot name as `id`.
std::string startmeeting_argument(const std::string& id, Rng& rng) {
  const uint64_t r = rng.uniform(100);
  std::string s = id;
  if (r < 78) return s;
  if (r < 90) {
    s[0] = static_cast<char>(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 'a' + 'A' : s[0]);
    return s;
  }
  if (r < 96 && s.find('_') != std::string::npos) {
    bool upper = true;
    for (char& c : s) {
      if (c == '_') {
        c = ' ';
        upper = true;
      } else if (upper && c >= 'a' && c <= 'z') {
        c = static_cast<char>(c - 'a' + 'A');
        upper = false;
      } else {
        upper = false;
      }
    }
    return s;
  }
  if (r < 98) {
    for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return s;
  }
  return " " + s;  // "#startmeeting  nova": MeetBot splits on whitespace.
}

}  // namespace

std::string log_relative_path(const MeetingLog& log) {
  const CivilDate d = civil_from_days(log.day);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d-%02d.%02d", d.year, d.month, d.day,
                log.start_seconds / 3600, log.start_seconds / 60 % 60);
  return "meetings/" + log.name + "/" + std::to_string(d.year) + "/" + log.name + "." + buf +
         ".log.txt";
}

std::string bot_nick(int64_t day) { return day < kOpenDevMeetDay ? "openstack" : "opendevmeet"; }

void write_meeting(const MeetingSpec& spec, MeetingLog* log) {
  Session session(spec, log);
  session.run();
}

Session::Session(const MeetingSpec& spec, MeetingLog* log)
    : spec_(spec), log_(log), vocab_(Vocabulary::get()), rng_(spec.seed), ex_(vocab_, ctx_, rng_) {
  *log_ = MeetingLog();
  log_->day = spec.day;
  bot_ = bot_nick(spec.day);
  ctx_.day = spec.day;
  ctx_.team = spec.series->team;
  const auto& repos = vocab_.team_repos(ctx_.team);
  std::string project = spec.series->team;
  if (!repos.empty()) project = ctx_.team == "tc" ? rng_.pick(repos) : repos[0];
  if (project == "sig" || project == "edge" || project == "api") project = "openstack-manuals";
  ctx_.project = project;
  ctx_.agenda_url = spec.series->agenda_url;
  choose_people();
}

void Session::run() {
  const int w = spec_.series->weight;
  pace_ = 30 - 2 * w + rng_.range(-4, 6);
  t_ = spec_.start_seconds + (rng_.percent(85) ? rng_.range(0, 90) : rng_.range(90, 480));
  end_t_ = t_ + 60 * rng_.range(30, 58);
  start_meeting();
  run_agenda();
  end_meeting();
}

void Session::choose_people() {
  std::vector<std::string> chairs = chairs_on(*spec_.series, spec_.day);
  std::vector<const Regular*> active;
  for (const Regular& r : *spec_.pool) {
    if (spec_.day >= r.active_from && spec_.day <= r.active_to) active.push_back(&r);
  }
  const int w = spec_.series->weight;
  const int wanted = rng_.range(2 + w / 2, 4 + w * 3 / 2);
  std::vector<std::string> bases;
  auto add = [&bases](const std::string& n) {
    if (std::find(bases.begin(), bases.end(), n) == bases.end()) bases.push_back(n);
  };
  // Usually the first chair runs it; sometimes a co-chair or a regular stands in.
  if (rng_.percent(12) && !active.empty())
    add(active[rng_.uniform(std::min<size_t>(4, active.size()))]->nick);
  for (const std::string& c : chairs) {
    if (bases.empty() || rng_.percent(75)) add(c);
  }
  std::vector<uint32_t> zipf;
  for (size_t i = 0; i < active.size(); ++i) zipf.push_back(static_cast<uint32_t>(1000 / (i + 2)));
  for (int tries = 0;
       tries < wanted * 3 && static_cast<int>(bases.size()) < wanted && !active.empty(); ++tries) {
    add(active[rng_.weighted(zipf)]->nick);
  }
  if (bases.size() < 2) add(chairs.empty() ? "ttx" : chairs[0] == "fungi" ? "clarkb" : "fungi");
  const bool matrix = spec_.day >= kOpenDevMeetDay;
  for (size_t i = 0; i < bases.size(); ++i) {
    Person p;
    p.base = bases[i];
    p.shown = rng_.percent(3) ? nick_variant(bases[i], matrix, rng_) : bases[i];
    p.weight = i == 0 ? 1200 : static_cast<uint32_t>(1000 / (i + 1));
    people_.push_back(std::move(p));
    ctx_.nicks.push_back(people_.back().shown);
  }
  ctx_.chair = people_[0].shown;
  chairs_.push_back(people_[0].shown);
}

size_t Session::pick_speaker(size_t exclude_a, size_t exclude_b) {
  std::vector<uint32_t> w;
  w.reserve(people_.size());
  for (size_t i = 0; i < people_.size(); ++i) {
    w.push_back(i == exclude_a || i == exclude_b ? 0 : people_[i].weight);
  }
  return rng_.weighted(w);
}

size_t Session::pick_non_chair() {
  for (int attempt = 0; attempt < 8; ++attempt) {
    const size_t i = pick_speaker(0);
    if (!is_chair(people_[i].shown)) return i;
  }
  return people_.size() - 1;
}

bool Session::is_chair(const std::string& nick) const {
  return std::find(chairs_.begin(), chairs_.end(), nick) != chairs_.end();
}

void Session::emit(const std::string& nick, std::string_view text, bool action) {
  std::string& out = log_->text;
  if (log_->lines > 0) out += '\n';
  append_hms(&out, t_);
  if (action) {
    out += " * ";
    out += nick;
    out += ' ';
  } else {
    out += " <";
    out += nick;
    out += "> ";
  }
  out += text;
  ++log_->lines;
}

void Session::say(size_t who, std::string_view text) {
  maybe_rename();
  emit(people_[who].shown, text);
  last_speaker_ = who;
}

void Session::bot(std::string_view text) {
  t_ += rng_.range(0, 1);
  emit(bot_, text);
}

void Session::human_gap() {
  const uint64_t r = rng_.uniform(100);
  if (r < 60) {
    t_ += rng_.range(1, pace_);
  } else if (r < 90) {
    t_ += rng_.range(pace_, pace_ * 2);
  } else {
    t_ += rng_.range(pace_ * 2, std::min(pace_ * 5, 120));
  }
}

void Session::quick_gap() { t_ += rng_.range(1, pace_ / 2 + 4); }

void Session::maybe_rename() {
  // A reconnect: someone carries on under "nick_" for the rest of the meeting.
  if (renamed_ || people_.size() < 3 || !rng_.chance(1, 500)) return;
  renamed_ = true;
  Person& p = people_[1 + rng_.uniform(people_.size() - 1)];
  if (p.shown != p.base) return;
  p.shown = p.base + "_";
  log_->events.push_back({log_->lines - 1, LogEvent::Kind::kRename, p.base, p.shown});
  ctx_.nicks.clear();
  for (const Person& q : people_) ctx_.nicks.push_back(q.shown);
}

std::string Session::say_template(size_t who, Phrase phrase, std::string_view to) {
  std::string text = ex_.expand(rng_.pick(vocab_.phrases(phrase)), people_[who].shown, to);
  say(who, text);
  return text;
}

void Session::start_meeting() {
  const std::string arg = startmeeting_argument(spec_.series->meeting_id, rng_);
  log_->name = meetbot_name(arg);
  log_->start_seconds = static_cast<int>(t_ % 86400);
  say(0, "#startmeeting " + arg);
  const std::string when = asctime_utc(spec_.day, t_);
  const std::string chair = people_[0].shown;
  std::string first = "Meeting started " + when + " UTC";
  if (spec_.day >= kDueToFinishDay) first += " and is due to finish in 60 minutes";
  first += ".  The chair is " + chair + ". Information about MeetBot at " + kMeetBotUrl + ".";
  bot(first);
  bot("Useful Commands: #action #agreed #help #info #idea #link #topic #startvote.");
  if (spec_.day >= kMeetingTopicDay) {
    // MeetBot's do_meetingtopic: the argument, stripped, becomes the meeting topic.
    meeting_topic_ = arg.substr(arg.find_first_not_of(' '));
    set_channel_topic("");
  }
  if (rng_.percent(30)) {
    quick_gap();
    const size_t who = pick_speaker(0);
    say(who, rng_.pick(vocab_.phrases(Phrase::kGreeting)));
  }
  bot("The meeting name has been set to '" + log_->name + "'");
  if (rng_.percent(2)) {
    quick_gap();
    say(0, "#meetingtopic " + spec_.series->project);
    meeting_topic_ = spec_.series->project;
    set_channel_topic(current_topic_);
  }
  if (rng_.percent(55)) {
    human_gap();
    say_template(0, Phrase::kChairHello);
  }
  // Co-chairs named in the table, or whoever helps out today.
  std::vector<std::string> co;
  for (size_t i = 1; i < people_.size(); ++i) {
    const std::string& base = people_[i].base;
    if (spec_.series->chairs.find(base) != std::string::npos && rng_.percent(70)) {
      co.push_back(people_[i].shown);
    }
  }
  if (co.empty() && people_.size() > 2 && rng_.percent(8)) co.push_back(people_[1].shown);
  if (!co.empty()) {
    quick_gap();
    add_chairs(co);
  }
  if (!spec_.series->agenda_url.empty() && rng_.percent(45)) {
    human_gap();
    const std::string& url = spec_.series->agenda_url;
    if (rng_.percent(75)) {
      say(0, "#link " + url + (rng_.percent(50) ? " agenda" : ""));
      add_item("#link " + url, "Link");
    } else {
      say(0, url);
      add_item("#link " + url, "Link");
    }
  }
}

void Session::add_chairs(const std::vector<std::string>& nicks) {
  std::string line = "#chair";
  for (const std::string& n : nicks) {
    line += ' ';
    line += n;
    if (!is_chair(n)) chairs_.push_back(n);
  }
  say(0, line);
  print_chairs();
}

void Session::print_chairs() {
  std::vector<std::string> sorted = chairs_;
  std::sort(sorted.begin(), sorted.end());
  std::string line = "Current chairs:";
  for (const std::string& n : sorted) line += " " + n;
  bot(line);
}

void Session::set_channel_topic(const std::string& topic) {
  // MeetBot's settopic(); the channel log shows the change, .log.txt does not.
  current_topic_ = topic;
  std::string text = topic;
  if (!meeting_topic_.empty()) text += " (Meeting topic: " + meeting_topic_ + ")";
  log_->events.push_back({log_->lines - 1, LogEvent::Kind::kTopic, std::move(text), {}});
}

void Session::add_item(std::string text, std::string type) {
  items_.push_back(Item{std::move(text), std::move(type)});
}

void Session::undo(size_t chair) {
  quick_gap();
  say(chair, "#undo");
  if (items_.empty()) return;
  const Item item = items_.back();
  // MeetBot fails on non-ASCII items: no reply, and the item stays.
  if (!is_ascii(item.text)) return;
  items_.pop_back();
  if (spec_.day >= kUndoShowsTextDay) {
    bot("Removing item from minutes: " + item.text);
  } else {
    std::string addr = "0x7f";
    static constexpr char kHex[] = "0123456789abcdef";
    for (int i = 0; i < 10; ++i) addr += kHex[rng_.uniform(16)];
    bot("Removing item from minutes: <ircmeeting.items." + item.type + " object at " + addr + ">");
  }
}

void Session::end_meeting() {
  if (rng_.percent(1)) {
    // Never ended: people drift away and nobody types #endmeeting.
    log_->ended = false;
    for (int i = rng_.range(1, 4); i > 0; --i) {
      human_gap();
      const size_t who = pick_speaker();
      say_template(who, rng_.percent(50) ? Phrase::kReaction : Phrase::kStatement);
    }
    return;
  }
  if (rng_.percent(70)) {
    human_gap();
    say_template(0, Phrase::kChairClose);
  }
  for (int i = rng_.range(0, 4); i > 0 && people_.size() > 1; --i) {
    quick_gap();
    say_template(pick_speaker(0), Phrase::kFarewell);
  }
  quick_gap();
  size_t closer = 0;
  if (chairs_.size() > 1 && rng_.percent(10)) {
    for (size_t i = 1; i < people_.size(); ++i) {
      if (people_[i].shown == chairs_[1]) closer = i;
    }
  }
  say(closer, "#endmeeting");
}

}  // namespace eavesearch::gen
