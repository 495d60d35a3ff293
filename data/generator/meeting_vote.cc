// #startvote / #vote / #showvote / #endvote, with MeetBot's replies.
#include <algorithm>
#include <string>
#include <vector>

#include "meeting_session.h"

namespace eavesearch::gen {
namespace {

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

}  // namespace

void Session::vote() {
  const size_t chair = chair_index();
  std::string question = ex_.expand(rng_.pick(vocab_.phrases(Phrase::kVoteQuestion)));
  std::vector<std::string> options;
  const uint64_t r = rng_.uniform(100);
  // With no options MeetBot falls back to Yes/No, and then every #vote fails
  // inside MeetBot: no replies, and an empty result.
  const bool broken = r >= 92;
  if (r < 60) {
    options = {"Yes", "No", "Abstain"};
  } else if (r < 78) {
    options = {"Yes", "No"};
  } else if (r < 92) {
    if (rng_.percent(50)) {
      question = "Which time slot works best for this meeting";
      options = {"1400", "1500", "1600"};
    } else {
      question = ex_.expand("Which proposal do we go with for {term}");
      options = {"A", "B", "C"};
    }
  }
  human_gap();
  std::string start = "#startvote " + question + "?";
  if (!broken) {
    start += ' ';
    start += join(options, ", ");
  }
  say(chair, start);
  const std::vector<std::string> shown = broken ? std::vector<std::string>{"Yes", "No"} : options;
  bot("Begin voting on: " + question + "? Valid vote options are " + join(shown, ", ") + ".");
  bot("Vote using '#vote OPTION'. Only your last vote counts.");

  std::vector<std::string> voters;  // in order of first vote
  std::vector<size_t> choice;       // last valid choice per voter
  auto tally = [&]() {
    for (size_t o = 0; o < shown.size(); ++o) {
      std::vector<std::string> names;
      for (size_t v = 0; v < voters.size(); ++v) {
        if (choice[v] == o) names.push_back(voters[v]);
      }
      if (!names.empty()) {
        bot(shown[o] + " (" + std::to_string(names.size()) + "): " + join(names, ", "));
      }
    }
  };
  // Distinct voters, the chair first; now and then someone changes their mind.
  std::vector<size_t> order;
  order.push_back(chair);
  const int n = rng_.range(2, static_cast<int>(std::min<size_t>(people_.size(), 9)));
  for (int tries = 0; tries < 4 * n && static_cast<int>(order.size()) < n; ++tries) {
    const size_t who = pick_speaker();
    if (std::find(order.begin(), order.end(), who) == order.end()) order.push_back(who);
  }
  if (order.size() > 1 && rng_.percent(15))
    order.push_back(order[1 + rng_.uniform(order.size() - 1)]);
  for (const size_t who : order) {
    const std::string& nick = people_[who].shown;
    quick_gap();
    if (rng_.percent(15)) {
      say_template(who, Phrase::kReaction);
      quick_gap();
    }
    if (!broken && rng_.percent(5)) {
      say(who, "#vote maybe");
      bot(nick + ": maybe is not a valid option. Valid options are " + join(shown, ", ") + ".");
      quick_gap();
    }
    const size_t pick = rng_.uniform(100) < 65 ? 0 : rng_.uniform(shown.size());
    const std::string typed = rng_.percent(40) ? lower(shown[pick]) : shown[pick];
    say(who, "#vote " + typed);
    if (broken) continue;
    size_t v = 0;
    while (v < voters.size() && voters[v] != nick) ++v;
    if (v == voters.size()) {
      voters.push_back(nick);
      choice.push_back(pick);
    } else {
      choice[v] = pick;
    }
  }
  if (!broken && rng_.percent(12)) {
    quick_gap();
    say(pick_speaker(), "#showvote");
    tally();
  }
  human_gap();
  say(chair, "#endvote");
  bot("Voted on \"" + question + "?\" Results are");
  if (!broken) tally();
  add_item("#vote " + question, "Vote");
}

}  // namespace eavesearch::gen
