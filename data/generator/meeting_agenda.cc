// The body of a meeting: agenda topics, discussion, items, votes.
#include <algorithm>

#include "civil_date.h"
#include "meeting_session.h"

namespace eavesearch::gen {
namespace {

bool topic_fits(const TopicDef& t, int date, const std::string& team) {
  if (t.from != 0 && date < t.from) return false;
  if (t.to != 0 && date > t.to) return false;
  if (t.teams.empty()) return true;
  return std::find(t.teams.begin(), t.teams.end(), team) != t.teams.end();
}

int yyyymmdd(int64_t day) {
  const CivilDate d = civil_from_days(day);
  return d.year * 10000 + d.month * 100 + d.day;
}

// The first URL of a line, as MeetBot's Link item keeps it.
std::string first_url(const std::string& line) {
  const size_t at = line.find("://");
  if (at == std::string::npos) return line;
  size_t start = line.rfind(' ', at);
  start = start == std::string::npos ? 0 : start + 1;
  size_t end = line.find(' ', at);
  if (end == std::string::npos) end = line.size();
  std::string url = line.substr(start, end - start);
  while (!url.empty() && (url.back() == '.' || url.back() == ')')) url.pop_back();
  return url;
}

}  // namespace

size_t Session::chair_index() {
  // Mostly the one who started the meeting; sometimes a co-chair.
  if (chairs_.size() > 1 && rng_.percent(25)) {
    const std::string& c = chairs_[1 + rng_.uniform(chairs_.size() - 1)];
    for (size_t i = 0; i < people_.size(); ++i) {
      if (people_[i].shown == c) return i;
    }
  }
  return 0;
}

std::vector<const TopicDef*> Session::choose_topics() {
  const int date = yyyymmdd(spec_.day);
  const TopicDef* roll = nullptr;
  const TopicDef* past = nullptr;
  const TopicDef* open = nullptr;
  std::vector<const TopicDef*> pool;
  std::vector<uint32_t> weights;
  for (const TopicDef& t : vocab_.topics()) {
    if (!topic_fits(t, date, ctx_.team)) continue;
    switch (t.kind) {
      case TopicKind::kRollCall:
        roll = &t;
        break;
      case TopicKind::kPastActions:
        past = &t;
        break;
      case TopicKind::kOpen:
        open = &t;
        break;
      default:
        pool.push_back(&t);
        // Team-specific topics come up far more often in their own meetings.
        weights.push_back(static_cast<uint32_t>(t.weight * (t.teams.empty() ? 2 : 5)));
    }
  }
  std::vector<const TopicDef*> agenda;
  if (roll != nullptr && rng_.percent(50)) agenda.push_back(roll);
  if (past != nullptr && (rng_.percent(35) || reviewing())) agenda.push_back(past);
  const int n = rng_.range(2, spec_.series->weight >= 6 ? 6 : 4);
  for (int i = 0; i < n && !pool.empty(); ++i) {
    const size_t k = rng_.weighted(weights);
    agenda.push_back(pool[k]);
    pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(k));
    weights.erase(weights.begin() + static_cast<std::ptrdiff_t>(k));
  }
  if (open != nullptr && rng_.percent(75)) agenda.push_back(open);
  return agenda;
}

void Session::run_agenda() {
  const std::vector<const TopicDef*> agenda = choose_topics();
  html_pending_ = rng_.percent(5);
  vote_pending_ = rng_.percent(ctx_.team == "tc" ? 20 : 3);
  int total_weight = 0;
  for (const TopicDef* t : agenda) {
    total_weight += t->kind == TopicKind::kRollCall      ? 1
                    : t->kind == TopicKind::kPastActions ? 2
                                                         : 5;
  }
  for (size_t i = 0; i < agenda.size(); ++i) {
    const TopicDef* t = agenda[i];
    if (t_ > end_t_ + 300) break;  // way over time: skip the rest
    const int share = t->kind == TopicKind::kRollCall      ? 1
                      : t->kind == TopicKind::kPastActions ? 2
                                                           : 5;
    const int64_t left = std::max<int64_t>(60, end_t_ - t_);
    int64_t budget = left * share / std::max(1, total_weight);
    if (i + 1 == agenda.size()) budget = left;
    total_weight -= share;
    topic(*t, budget);
  }
}

void Session::topic(const TopicDef& def, int64_t budget) {
  const int64_t until = t_ + budget;
  ctx_.terms = def.terms;
  ctx_.focus = def.terms.empty() ? std::string() : rng_.pick(def.terms);
  const std::string title = ex_.expand(rng_.pick(def.titles));
  human_gap();
  if (rng_.chance(1, 100) && people_.size() > 2) {
    // A non-chair tries; MeetBot ignores it, the chair then does it properly.
    say(pick_non_chair(), "#topic " + title);
    quick_gap();
  }
  const size_t chair = chair_index();
  const std::string cmd = rng_.chance(1, 80) ? "#TOPIC " : "#topic ";
  say(chair, cmd + title);
  add_item("#topic " + title, "Topic");
  set_channel_topic(title);
  switch (def.kind) {
    case TopicKind::kRollCall:
      roll_call(until);
      return;
    case TopicKind::kPastActions:
      if (spec_.ledger != nullptr) {
        review_actions(until);
      } else {
        past_actions(until);
      }
      return;
    default:
      discuss(def, until);
      wrap_up_topic(def);
  }
}

void Session::roll_call(int64_t until) {
  if (rng_.percent(40)) {
    quick_gap();
    say_template(0, Phrase::kChairHello);
  }
  for (size_t i = 1; i < people_.size() && t_ < until + 60; ++i) {
    if (!rng_.percent(75)) continue;
    quick_gap();
    if (rng_.percent(4)) {
      maybe_rename();
      emit(people_[i].shown, ex_.expand(rng_.pick(vocab_.phrases(Phrase::kMe))), true);
    } else {
      say(i, rng_.pick(vocab_.phrases(Phrase::kGreeting)));
    }
  }
}

void Session::past_actions(int64_t until) {
  const int n = rng_.range(1, 3);
  for (int i = 0; i < n && t_ < until; ++i) {
    const size_t owner = pick_speaker(0);
    human_gap();
    say(0, people_[owner].base + " to " + ex_.expand(rng_.pick(vocab_.phrases(Phrase::kTask))));
    human_gap();
    say_template(owner, Phrase::kPastAction);
    if (rng_.percent(30)) {
      quick_gap();
      say_template(pick_speaker(owner), Phrase::kReaction);
    }
    if (rng_.percent(15)) action(0);
  }
}

bool Session::reviewing() const {
  return spec_.ledger != nullptr && !spec_.ledger->pending.empty();
}

size_t Session::index_of(const std::string& base) const {
  for (size_t i = 0; i < people_.size(); ++i) {
    if (people_[i].base == base) return i;
  }
  return SIZE_MAX;
}

// The chair reads each pending item out; its owner says it is done, asks to
// carry it over (the chair assigns it again, as it was or with "(carried
// over)"), or has nothing to report. An owner who is not here has it
// carried, or left for next time.
void Session::review_actions(int64_t until) {
  LedgerPlan& plan = *spec_.ledger;
  constexpr size_t kMaxReviews = 4;
  for (size_t k = 0; k < plan.pending.size() && k < kMaxReviews && t_ < until; ++k) {
    const PlantedAction a = plan.pending[k];
    std::string owners = a.owners.front();
    for (size_t i = 1; i < a.owners.size(); ++i) owners += " and " + a.owners[i];
    human_gap();
    say(0, owners + " to " + a.task);
    const size_t owner = index_of(a.owners.front());
    const int r = rng_.range(0, 99);
    human_gap();
    if (owner == SIZE_MAX && r >= 50) {
      say(0, "no news from " + a.owners.front() + ", let's check next time");
      plan.reviewed.push_back({k, "open", 0});
    } else if (owner != SIZE_MAX && r < 45) {
      say_template(owner, Phrase::kActionDone);
      plan.reviewed.push_back({k, "done", log_->lines});
    } else if (owner == SIZE_MAX || r < 75) {
      if (owner != SIZE_MAX) {
        say_template(owner, Phrase::kActionCarried);
      } else {
        say(0, a.owners.front() + " is not here today, carrying it over");
      }
      human_gap();
      const std::string text =
          owners + " to " + a.task + (rng_.percent(30) ? " (carried over)" : "");
      say(0, "#action " + text);
      add_item("#action " + text, "Action");
      plan.assigned.push_back({a.task, a.owners, "", log_->lines});
      plan.reviewed.push_back({k, "carried", log_->lines});
    } else {
      say_template(owner, Phrase::kActionOpen);
      plan.reviewed.push_back({k, "open", 0});
    }
    if (rng_.percent(30)) {
      quick_gap();
      say_template(pick_speaker(owner == SIZE_MAX ? 0 : owner), Phrase::kReaction);
    }
  }
}

void Session::discuss(const TopicDef& def, int64_t until) {
  int guard = 0;
  while (t_ < until && ++guard < 400) {
    human_gap();
    chatter_event(def);
    if (rng_.percent(4) && !def.terms.empty()) ctx_.focus = rng_.pick(def.terms);
  }
  if (vote_pending_ && def.kind == TopicKind::kGeneric && rng_.percent(60)) {
    vote_pending_ = false;
    vote();
  }
}

void Session::chatter_event(const TopicDef& def) {
  if (html_pending_ && rng_.percent(10)) {
    html_pending_ = false;
    say_template(pick_speaker(), Phrase::kHtml);
    return;
  }
  if (rng_.chance(1, 220)) {
    say_template(pick_speaker(), Phrase::kUnicode);
    return;
  }
  const uint64_t r = rng_.uniform(1000);
  const size_t who = pick_speaker(r < 500 ? last_speaker_ : SIZE_MAX);
  if (r < 220 && def.kind != TopicKind::kGeneric) {
    const Phrase p = def.kind == TopicKind::kBugs   ? Phrase::kBugLine
                     : def.kind == TopicKind::kGate ? Phrase::kGateLine
                     : def.kind == TopicKind::kOpen ? Phrase::kOpenLine
                                                    : Phrase::kReleaseLine;
    say_template(who, p);
  } else if (r < 520) {
    say_template(who, Phrase::kStatement);
  } else if (r < 640 && people_.size() > 1) {
    const size_t to = pick_speaker(who);
    say_template(who, Phrase::kQuestion, people_[to].shown);
    if (rng_.percent(80)) {
      human_gap();
      say_template(to, Phrase::kAnswer);
      if (rng_.percent(35)) {
        quick_gap();
        say_template(who, Phrase::kReaction);
      }
    }
  } else if (r < 690) {
    say_template(who, Phrase::kOpenQuestion);
    for (int k = rng_.range(0, 3); k > 0; --k) {
      quick_gap();
      const size_t other = pick_speaker(who);
      say_template(other, rng_.percent(50) ? Phrase::kAnswer : Phrase::kReaction);
    }
  } else if (r < 850) {
    say_template(pick_speaker(last_speaker_), Phrase::kReaction);
  } else if (r < 870) {
    const std::string text = say_template(who, Phrase::kBareUrl);
    add_item("#link " + first_url(text), "Link");
  } else if (r < 895) {
    const std::string text =
        ex_.expand(rng_.pick(vocab_.phrases(Phrase::kLink)), people_[who].shown);
    say(who, "#link " + text);
    add_item("#link " + first_url(text), "Link");
  } else if (r < 930) {
    const std::string text =
        ex_.expand(rng_.pick(vocab_.phrases(Phrase::kInfo)), people_[who].shown);
    say(who, "#info " + text);
    add_item("#info " + text, "Info");
    if (is_chair(people_[who].shown) && rng_.percent(1)) undo(who);
  } else if (r < 931) {
    const std::string text =
        ex_.expand(rng_.pick(vocab_.phrases(Phrase::kIdea)), people_[who].shown);
    say(who, "#idea " + text);
    add_item("#idea " + text, "Idea");
  } else if (r < 932) {
    const std::string text =
        ex_.expand(rng_.pick(vocab_.phrases(Phrase::kHelp)), people_[who].shown);
    say(who, "#help " + text);
    add_item("#help " + text, "Help");
  } else if (r < 942) {
    maybe_rename();
    emit(people_[who].shown, ex_.expand(rng_.pick(vocab_.phrases(Phrase::kMe)), people_[who].shown),
         true);
  } else if (r < 943) {
    // Rare bookkeeping: make MeetBot aware of someone, or drop a co-chair.
    if (chairs_.size() > 1 && rng_.percent(50)) {
      const std::string gone = chairs_.back();
      say(0, "#unchair " + gone);
      chairs_.pop_back();
      print_chairs();
    } else {
      say(who, "#nick " + ex_.expand("{nick}", people_[who].shown));
    }
  } else {
    say_template(who, Phrase::kStatement);
  }
}

void Session::wrap_up_topic(const TopicDef& def) {
  if (def.kind == TopicKind::kOpen) return;
  const size_t chair = chair_index();
  if (rng_.percent(1) && people_.size() > 2) {
    // A non-chair's #agreed: logged, but MeetBot records nothing.
    human_gap();
    const size_t who = pick_non_chair();
    say(who, "#agreed " + ex_.expand(rng_.pick(vocab_.phrases(Phrase::kAgreed))));
  }
  if (def.kind == TopicKind::kGeneric && rng_.percent(30)) {
    human_gap();
    const std::string prefix = rng_.chance(1, 40) ? "#agree " : "#agreed ";
    const std::string text =
        ex_.expand(rng_.pick(vocab_.phrases(Phrase::kAgreed)), people_[chair].shown);
    say(chair, prefix + text);
    add_item("#agreed " + text, "Agreed");
    if (rng_.percent(2)) undo(chair);
  }
  if (def.kind == TopicKind::kGeneric && rng_.chance(3, 200)) {
    human_gap();
    const bool accept = rng_.percent(70);
    const std::string text = "the " + ex_.term() + " spec for " + ex_.cycle(0);
    say(chair, (accept ? "#accepted " : "#rejected ") + text);
    add_item((accept ? "#accepted " : "#rejected ") + text, accept ? "Accepted" : "Rejected");
  }
  if (rng_.percent(35)) action(rng_.percent(75) ? chair : pick_speaker());
  if (rng_.percent(50)) {
    human_gap();
    say_template(chair, Phrase::kChairMove);
  }
}

void Session::action(size_t who) {
  human_gap();
  const size_t first = pick_speaker();
  std::string owners = people_[first].base;
  std::vector<std::string> planted = {owners};
  if (people_.size() > 2 && rng_.percent(10)) {
    const std::string second = people_[pick_speaker(first)].base;
    if (second != owners) {
      owners += " and " + second;
      planted.push_back(second);
    }
  }
  const std::string task = ex_.expand(rng_.pick(vocab_.phrases(Phrase::kTask)), people_[who].shown);
  say(who, "#action " + owners + " to " + task);
  add_item("#action " + owners + " to " + task, "Action");
  if (spec_.ledger) spec_.ledger->assigned.push_back({task, planted, "", log_->lines});
  if (is_chair(people_[who].shown) && rng_.percent(2)) {
    // Wrong owner: take it back and assign it again.
    const size_t items = items_.size();
    undo(who);
    const bool undone = items_.size() < items;
    human_gap();
    const std::string owner = people_[pick_speaker(first)].base;
    const std::string fixed = owner + " to " + task;
    say(who, "#action " + fixed);
    add_item("#action " + fixed, "Action");
    if (spec_.ledger) {
      if (undone) spec_.ledger->assigned.pop_back();
      spec_.ledger->assigned.push_back({task, {owner}, "", log_->lines});
    }
  }
}

}  // namespace eavesearch::gen
