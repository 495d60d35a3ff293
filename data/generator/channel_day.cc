// One day of one channel: the meetings' copies, and the channel's own life
// around them (chatter, and in the Freenode era joins and quits; nick changes
// and the odd ChanServ mode on OFTC, where OpenDev's Limnoria logs no joins).
#include <algorithm>
#include <map>
#include <set>

#include "channel_logs.h"
#include "civil_date.h"
#include "people.h"
#include "rng.h"
#include "text_expander.h"
#include "vocabulary.h"

namespace eavesearch::gen {
namespace {

constexpr int64_t kDay = 86400;

// What people say in a channel outside meetings ({slots} as in text_expander.h).
constexpr const char* kSmallTalk[] = {
    "morning",
    "o/",
    "morning all",
    "brb",
    "back",
    "lunch, back in 30",
    "{to}: ping",
    "{to}: do you have a minute?",
    "is the gate ok today?",
    "zuul looks backed up again",
    "{to}: thanks!",
    "heading out, see you tomorrow",
    "anyone around to review {review}?",
    "{review} could use a second +2",
    "{to}: left a comment on {review}",
    "the {job} failures look unrelated, rechecking",
    "{to}: did you see my question about {term} earlier?",
    "fwiw {bug_url} is the one i meant",
};

// Right after a meeting.
constexpr const char* kAfterMeeting[] = {
    "thanks {chair} for chairing",
    "see you all next week",
    "{chair}: thanks, i'll update the etherpad",
    "sorry i missed most of it, will read the log",
};

constexpr Phrase kTopical[] = {Phrase::kStatement, Phrase::kOpenQuestion, Phrase::kReaction,
                               Phrase::kGateLine,  Phrase::kBugLine,      Phrase::kBareUrl};

// Freenode-era Supybot wrote the bytes clients sent; some sent cp1252 (FORMATS.md 3).
constexpr const char* kCp1252[] = {
    "caf\xE9 break, back in 10",
    "d\xE9j\xE0 vu, {job} failed the same way yesterday",
    "merci, c'est r\xE9gl\xE9",
    "the na\xEFve fix is to retry, but that hides the bug",
};

// mIRC bold and colour codes; OpenStack's ChannelLogger stripped them, other setups do not.
constexpr const char* kMirc[] = {
    "\x02PSA\x02: please don't recheck until the \x03"
    "4{job}\x03 fix merges",
    "\x03"
    "4,1the gate is red\x03 again, see \x02{bug_url}\x02",
};

class DayWriter {
 public:
  DayWriter(const std::string& channel, int64_t day, uint64_t seed, const std::string& team,
            const std::vector<std::string>& cast)
      : channel_(channel),
        day_(day),
        freenode_(day < kOpenDevMeetDay),
        bot_(bot_nick(day)),
        rng_(seed),
        ex_(Vocabulary::get(), ctx_, rng_),
        cast_(cast),
        last_t_(day * kDay) {
    ctx_.day = day;
    ctx_.team = team;
    const auto& repos = Vocabulary::get().team_repos(team);
    ctx_.project = repos.empty() ? team : repos[0];
    ctx_.terms = Vocabulary::get().team_terms(team);
    ctx_.chair = cast.empty() ? bot_ : cast[0];
    ctx_.nicks = cast;
    date_ = format_iso_date(day) + "T";
    odd_cp1252_ = freenode_ && rng_.chance(1, 20);
    odd_mirc_ = rng_.chance(1, 150);
  }

  std::string meeting_day(const std::vector<ChannelSegment>& segments) {
    int64_t from = day_ * kDay;
    for (size_t i = 0; i < segments.size(); ++i) {
      const ChannelSegment& s = segments[i];
      std::vector<Planned> plan;
      const int64_t next = i + 1 < segments.size() ? segments[i + 1].start : (day_ + 1) * kDay;
      if (s.opens) plan_before(std::max(from, s.start - 3 * 3600), s.start - 1, s, &plan);
      run(&plan);
      copy(s);
      if (!s.closes && !s.open_end) break;  // runs past midnight
      const int64_t after = s.lines.back().t + 1;
      const int64_t gap_end = i + 1 < segments.size() ? (s.busy_to + next) / 2 : next - 1;
      plan_after(after, std::min(gap_end, after + 3 * 3600), s, &plan);
      run(&plan);
      from = gap_end + 1;
    }
    return std::move(out_);
  }

  std::string quiet_day() {
    const int64_t from = day_ * kDay + 7 * 3600 + rng_.range(0, 3 * 3600);
    const int64_t to = day_ * kDay + 17 * 3600 + rng_.range(0, 6 * 3600);
    std::vector<Planned> plan;
    for (int n = rng_.range(12, 30); n > 0; --n) {
      const int64_t t = from + static_cast<int64_t>(rng_.uniform(static_cast<uint64_t>(to - from)));
      const std::string& who = pick(cast_);
      const uint64_t r = rng_.uniform(100);
      if (r < 70) {
        plan_chat(t, to, cast_, &plan);
      } else if (r < 82 && freenode_) {
        plan.push_back({t, Act::kJoin, who, {}});
      } else if (r < 90 && freenode_) {
        plan.push_back({t, Act::kQuit, who, {}});
      } else if (r < 96) {
        plan_away(t, to, who, &plan);
      } else if (r < 98 && !freenode_) {
        plan.push_back({t, Act::kOp, who, {}});
      } else {
        plan.push_back({t, Act::kTopic, who, {}});
      }
    }
    run(&plan);
    return std::move(out_);
  }

 private:
  enum class Act {
    kSay,
    kMe,
    kAsk,
    kAnswer,
    kThanks,
    kCp1252,
    kMirc,  // messages
    kJoin,
    kQuit,
    kAway,
    kBack,
    kOp,
    kTopic,
  };
  struct Planned {
    int64_t t;
    Act act;
    std::string nick;
    std::string other;  // whom a question is for; the nick taken on kAway
  };

  const std::string& pick(const std::vector<std::string>& v) { return v[rng_.uniform(v.size())]; }

  // The people a window's chatter comes from: the meeting's own, then regulars.
  std::vector<std::string> people_of(const ChannelSegment& s) const {
    std::vector<std::string> out = attendees(s);
    for (const std::string& n : s.cast) {
      if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
    return out;
  }

  std::vector<std::string> attendees(const ChannelSegment& s) const {
    std::vector<std::string> out;
    for (const ChannelLine& l : s.lines) {
      if (l.kind != ChannelLine::Kind::kMessage || l.nick == bot_) continue;
      if (std::find(out.begin(), out.end(), l.nick) == out.end()) out.push_back(l.nick);
    }
    return out;
  }

  int64_t when(int64_t from, int64_t to) {
    return from + static_cast<int64_t>(rng_.uniform(static_cast<uint64_t>(to - from + 1)));
  }

  void plan_chat(int64_t t, int64_t to, const std::vector<std::string>& people,
                 std::vector<Planned>* plan) {
    const std::string& who = pick(people);
    if (odd_cp1252_ || odd_mirc_) {
      plan->push_back({t, odd_cp1252_ ? Act::kCp1252 : Act::kMirc, who, {}});
      (odd_cp1252_ ? odd_cp1252_ : odd_mirc_) = false;
      return;
    }
    const uint64_t r = rng_.uniform(100);
    if (r < 75 || people.size() < 2) {
      plan->push_back({t, r < 12 ? Act::kMe : Act::kSay, who, {}});
      return;
    }
    std::string to_whom = pick(people);
    if (to_whom == who) to_whom = people[0] == who ? people[1] : people[0];
    plan->push_back({t, Act::kAsk, who, to_whom});
    const int64_t reply = t + rng_.range(5, 120);
    if (reply <= to) plan->push_back({reply, Act::kAnswer, to_whom, who});
  }

  void plan_away(int64_t t, int64_t to, const std::string& who, std::vector<Planned>* plan) {
    std::string away;
    if (rng_.percent(35)) {
      away = "Guest" + std::to_string(rng_.range(1000, 99999));
    } else {
      away = nick_variant(who, false, rng_);
    }
    plan->push_back({t, Act::kAway, who, away});
    const int64_t back = t + rng_.range(60, 5400);
    if (back <= to) plan->push_back({back, Act::kBack, who, {}});
  }

  void plan_before(int64_t from, int64_t to, const ChannelSegment& s, std::vector<Planned>* plan) {
    if (to - from < 30) return;
    const std::vector<std::string> people = people_of(s);
    const int64_t soon = std::max(from, to - 900);
    if (freenode_) {
      for (const std::string& n : attendees(s)) {
        if (!seen_.count(n) && rng_.percent(35))
          plan->push_back({when(soon, to), Act::kJoin, n, {}});
      }
    } else if (rng_.percent(6)) {
      plan->push_back({when(soon, to), Act::kOp, s.chair, {}});
    }
    if (rng_.percent(10)) {
      const int64_t t = when(from, to);
      plan_away(t, to, pick(people), plan);
    }
    for (int n = rng_.range(0, 3); n > 0; --n) plan_chat(when(from, to), to, people, plan);
  }

  void plan_after(int64_t from, int64_t to, const ChannelSegment& s, std::vector<Planned>* plan) {
    if (to - from < 30) return;
    const std::vector<std::string> people = people_of(s);
    for (const ChannelLine& l : s.lines) {
      if (l.kind == ChannelLine::Kind::kRename && rng_.percent(50)) {
        plan->push_back({when(from, to), Act::kBack, l.nick, {}});
      }
    }
    if (freenode_) {
      for (const std::string& n : attendees(s)) {
        if (rng_.percent(25))
          plan->push_back({when(from, std::min(to, from + 1800)), Act::kQuit, n, {}});
      }
    }
    if (s.open_end) return;  // MeetBot is still logging: nobody says anything more today
    if (rng_.percent(30) && people.size() > 1) {
      std::string who = pick(people);
      if (who == s.chair) who = people[0] == s.chair ? people[1] : people[0];
      plan->push_back({when(from, std::min(to, from + 300)), Act::kThanks, who, {}});
    }
    if (rng_.percent(6)) {
      const int64_t t = when(from, to);
      plan_away(t, to, pick(people), plan);
    }
    for (int n = rng_.range(0, 3); n > 0; --n) plan_chat(when(from, to), to, people, plan);
  }

  void run(std::vector<Planned>* plan) {
    std::stable_sort(plan->begin(), plan->end(),
                     [](const Planned& a, const Planned& b) { return a.t < b.t; });
    for (const Planned& p : *plan) act(p);
    plan->clear();
  }

  void act(const Planned& p) {
    switch (p.act) {
      case Act::kSay:
      case Act::kMe:
      case Act::kAsk:
      case Act::kAnswer:
      case Act::kThanks:
      case Act::kCp1252:
      case Act::kMirc:
        return chat(p);
      case Act::kJoin:
        if (!freenode_ || (seen_.count(p.nick) && !gone_.count(p.nick)) || away_.count(p.nick))
          return;
        return join(p.nick, p.t);
      case Act::kQuit:
        if (!freenode_ || gone_.count(p.nick) || away_.count(p.nick)) return;
        seen_.insert(p.nick);
        gone_.insert(p.nick);
        return put(p.t, "*** " + p.nick + " has quit IRC");
      case Act::kAway:
        if (gone_.count(p.nick) || away_.count(p.nick) || seen_.count(p.other)) return;
        seen_.insert(p.nick);
        seen_.insert(p.other);
        away_[p.nick] = p.other;
        return put(p.t, "*** " + p.nick + " is now known as " + p.other);
      case Act::kBack:
        if (away_.count(p.nick)) back(p.nick, p.t);
        return;
      case Act::kOp:
        return put(p.t, "*** ChanServ sets mode: +o " + p.nick);
      case Act::kTopic:
        ensure(p.nick, p.t, false);
        return put(p.t, "*** " + p.nick + " changes topic to \"" + channel_ + ": " +
                            ex_.expand("{cycle} priorities: {etherpad}") + "\"");
    }
  }

  void chat(const Planned& p) {
    ensure(p.nick, p.t, false);
    std::string text;
    switch (p.act) {
      case Act::kMe:
        return put(p.t, "* " + p.nick + " " +
                            ex_.expand(rng_.pick(Vocabulary::get().phrases(Phrase::kMe)), p.nick));
      case Act::kAsk:
        text = ex_.expand(rng_.pick(Vocabulary::get().phrases(Phrase::kQuestion)), p.nick, p.other);
        break;
      case Act::kAnswer:
        text = ex_.expand(rng_.pick(Vocabulary::get().phrases(Phrase::kAnswer)), p.nick, p.other);
        break;
      case Act::kThanks:
        text = ex_.expand(kAfterMeeting[rng_.uniform(std::size(kAfterMeeting))], p.nick);
        break;
      case Act::kCp1252:
        text = ex_.expand(kCp1252[rng_.uniform(std::size(kCp1252))], p.nick);
        break;
      case Act::kMirc:
        text = ex_.expand(kMirc[rng_.uniform(std::size(kMirc))], p.nick);
        break;
      default:
        if (rng_.percent(45)) {
          text = ex_.expand(kSmallTalk[rng_.uniform(std::size(kSmallTalk))], p.nick);
        } else {
          const Phrase which = kTopical[rng_.uniform(std::size(kTopical))];
          text = ex_.expand(rng_.pick(Vocabulary::get().phrases(which)), p.nick);
        }
    }
    put(p.t, "<" + p.nick + "> " + text);
  }

  // The meeting's lines as they are, with whatever the channel needs first so
  // that each speaker is there under that nick.
  void copy(const ChannelSegment& s) {
    ctx_.chair = s.chair;
    for (const ChannelLine& l : s.lines) {
      if (l.kind != ChannelLine::Kind::kOther && l.nick != bot_) ensure(l.nick, l.t, true);
      if (l.kind == ChannelLine::Kind::kRename) {
        away_[l.nick] = l.new_nick;
        seen_.insert(l.new_nick);
      }
      put(l.t, l.body);
    }
  }

  // Before `nick` speaks: takes the nick back, or (Freenode) joins again, or
  // for a meeting's first line sometimes joins just in time.
  void ensure(const std::string& nick, int64_t t, bool meeting) {
    if (away_.count(nick)) {
      back(nick, t);
    } else if (freenode_ && gone_.count(nick)) {
      join(nick, t);
    } else if (freenode_ && meeting && !seen_.count(nick) && rng_.percent(30)) {
      join(nick, when(last_t_, t));
    }
    seen_.insert(nick);
  }

  void join(const std::string& nick, int64_t t) {
    gone_.erase(nick);
    seen_.insert(nick);
    put(t, "*** " + nick + " has joined #" + channel_);
  }

  void back(const std::string& nick, int64_t t) {
    const std::string now = away_[nick];
    away_.erase(nick);
    put(t, "*** " + now + " is now known as " + nick);
  }

  void put(int64_t t, const std::string& body) {
    t = std::max(t, last_t_);
    last_t_ = t;
    out_ += date_;
    append_hms(&out_, t - day_ * kDay);
    out_ += "  ";
    out_ += body;
    out_ += '\n';
  }

  std::string channel_;
  int64_t day_;
  bool freenode_;
  std::string bot_;
  Rng rng_;
  ExpansionContext ctx_;
  TextExpander ex_;
  std::vector<std::string> cast_;
  std::string date_;
  std::string out_;
  int64_t last_t_;
  bool odd_cp1252_ = false;
  bool odd_mirc_ = false;
  std::set<std::string> seen_;
  std::set<std::string> gone_;
  std::map<std::string, std::string> away_;  // nick -> the nick it goes by for now
};

}  // namespace

std::string render_channel_day(const std::string& channel, int64_t day, uint64_t seed,
                               std::vector<ChannelSegment>& segments) {
  const ChannelSegment& first = segments.front();
  DayWriter writer(channel, day, seed, first.team, first.cast);
  return writer.meeting_day(segments);
}

std::string render_quiet_day(const std::string& channel, int64_t day, uint64_t seed,
                             const std::string& team, const std::vector<std::string>& cast) {
  DayWriter writer(channel, day, seed, team, cast);
  return writer.quiet_day();
}

}  // namespace eavesearch::gen
