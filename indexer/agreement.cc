#include "indexer/agreement.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "eavesearch/person.h"
#include "eavesearch/text.h"

namespace eavesearch {
namespace {

// The phrases, in one place. Each is lowercase and matched as words (not
// inside a longer word) in a line's text once any "nick:" address before it
// is set aside. tests/data/agreement_labels.tsv is what they were measured on.

// A line proposes or concludes when it has one of these.
constexpr std::array kProposes = {
    "how about",     "what about",   "what if we",     "i vote for",          "my vote is",
    "let's",         "lets",         "let us",         "sounds like we have", "so the plan is",
    "the plan is",   "can we close", "can we agree",   "can we go with",      "i propose",
    "i suggest",     "i'd suggest",  "proposal:",      "we should",           "shall we",
    "should we",     "why don't we", "we could",       "consensus",           "any objection",
    "are we agreed", "do we agree",  "are we ok with", "are we good with",
};

// A line agrees when it has one of these ("+1" and "++" as words of their
// own: "bcotton++" thanks bcotton).
constexpr std::array kAgrees = {
    "+1",
    "++",
    "agreed",
    "i agree",
    "agree with",
    "i second",
    "seconded",
    "sounds good",
    "sounds great",
    "sounds reasonable",
    "sounds fine",
    "i like that",
    "i like this",
    "i like it",
    "lgtm",
    "works for me",
    "wfm",
    "makes sense",
    "i concur",
    "i'm good with",
    "i am good with",
    "ok with this",
    "okay with this",
    "fine with me",
    "fine by me",
    "what i was thinking",
    "i'm in favor",
    "i am in favor",
    "i'm in favour",
};

// ... or when it is only one of these.
constexpr std::array kAgreesAlone = {"yes", "yep", "yeah", "yes please", "agree", "indeed"};

// A line disagrees when it begins with one of these, or has one of
// kDisagreesAnywhere; an agreeing line with a "but" disagrees too.
constexpr std::array kDisagreesFirst = {
    "-1",
    "i disagree",
    "disagree",
    "not sure",
    "i'm not sure",
    "i am not sure",
    "but",
    "i have a concern",
    "i have concerns",
    "i object",
    "nope",
    "no,",
    "no.",
    "i don't think",
    "i dont think",
    "i do not think",
    "not convinced",
    "i'd rather",
    "i would rather",
    "not a fan",
};
constexpr std::array kDisagreesAnywhere = {"-1", "i disagree", "i object", "i'm against",
                                           "i am against"};

// Words before an address or a cue that are not a nick ("yeah, sounds good").
constexpr std::array kNotNicks = {"yeah",   "yes",  "yep",    "ok",   "okay",  "so",
                                  "well",   "sure", "also",   "hmm",  "oh",    "ah",
                                  "and",    "but",  "then",   "true", "right", "exactly",
                                  "agreed", "cool", "thanks", "fwiw", "no"};

// MeetBot's decision commands: the chair records the decision.
constexpr std::array kRecordingCommands = {"#agreed",    "#action", "#accepted", "#rejected",
                                           "#startvote", "#vote",   "#endvote",  "#proposed"};
constexpr std::array kRecordedItems = {"agreed", "accepted", "rejected", "action", "vote"};

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '\'' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// `phrase` at `at` in `text`, as words: no word character right before or
// after it. "+1" and "++" stand alone: not "bcotton++", not "+10".
bool phrase_at(std::string_view text, std::size_t at, std::string_view phrase) {
  if (text.substr(at, phrase.size()) != phrase) return false;
  std::size_t end = at + phrase.size();
  if (phrase.front() == '+' || phrase.front() == '-') {
    return (at == 0 || text[at - 1] == ' ' || text[at - 1] == '(') &&
           (end == text.size() || !(is_word_byte(text[end]) || text[end] == '+'));
  }
  bool starts = at == 0 || !is_word_byte(text[at - 1]) || !is_word_byte(phrase.front());
  bool ends = end == text.size() || !is_word_byte(text[end]) || !is_word_byte(phrase.back());
  return starts && ends;
}

// A phrase list by first byte: a line is read once, and each phrase tried
// only where a word begins with its first byte (every line of every meeting
// is read: a find per phrase and line was 5% of a build).
class Phrases {
 public:
  template <std::size_t N>
  explicit Phrases(const std::array<const char*, N>& phrases) {
    for (std::string_view p : phrases)
      by_first_[static_cast<unsigned char>(p.front())].push_back(p);
  }

  bool in(std::string_view text) const {
    for (std::size_t at = 0; at < text.size(); ++at) {
      if ((at == 0 || !is_word_byte(text[at - 1])) && at_any(text, at)) return true;
    }
    return false;
  }

  bool begin(std::string_view text) const { return !text.empty() && at_any(text, 0); }

 private:
  bool at_any(std::string_view text, std::size_t at) const {
    const auto& candidates = by_first_[static_cast<unsigned char>(text[at])];
    return std::any_of(candidates.begin(), candidates.end(),
                       [&](std::string_view p) { return phrase_at(text, at, p); });
  }

  std::array<std::vector<std::string_view>, 256> by_first_;
};

std::string_view trimmed(std::string_view s, std::string_view chars = " \t") {
  std::size_t first = s.find_first_not_of(chars);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(chars) - first + 1);
}

// One line as the detector reads it.
struct Reading {
  std::string address;  // the person it begins with ("alice: ..."); "" for none
  bool recorded = false;
  bool proposes = false;
  bool agrees = false;
  bool disagrees = false;
};

Reading read(const Record& r) {
  Reading line;
  std::string text = ascii_lower(r.text);
  std::string_view body = trimmed(text);
  std::size_t end = body.find_first_of(":, ");
  if (end != std::string_view::npos && end > 0 && (body[end] == ':' || body[end] == ',')) {
    std::string_view first = body.substr(0, end);
    bool nick = std::none_of(kNotNicks.begin(), kNotNicks.end(),
                             [&](std::string_view w) { return w == first; }) &&
                first.find_first_of("#+-") == std::string_view::npos;
    if (nick) {
      line.address = normalise_person(first);
      body = trimmed(body.substr(end + 1));
    }
  }
  static const Phrases recording(kRecordingCommands), agreeing(kAgrees),
      disagreeing_first(kDisagreesFirst), disagreeing(kDisagreesAnywhere), proposing(kProposes),
      but(std::array{"but"});
  line.recorded = std::any_of(kRecordedItems.begin(), kRecordedItems.end(),
                              [&](std::string_view item) { return r.item == item; }) ||
                  (body.find('#') != std::string_view::npos && recording.in(body));
  if (line.recorded) return line;
  std::string_view alone = trimmed(body, " \t.!:)(-;");
  line.agrees = agreeing.in(body) || std::any_of(kAgreesAlone.begin(), kAgreesAlone.end(),
                                                 [&](std::string_view w) { return alone == w; });
  line.disagrees =
      disagreeing_first.begin(body) || disagreeing.in(body) || (line.agrees && but.in(body));
  if (line.disagrees) line.agrees = false;
  line.proposes = !line.agrees && r.item.empty() && proposing.in(body);
  return line;
}

bool said_by_someone(const Record& r) {
  return r.kind == "say" || r.kind == "me" || !r.item.empty();
}

struct Proposal {
  std::size_t line = 0;
  bool recorded = false;
  bool disputed = false;
  std::vector<std::size_t> support;
};

}  // namespace

std::vector<AgreementMoment> agreement_moments(const std::vector<const Record*>& lines) {
  const bool speakers_known =
      std::any_of(lines.begin(), lines.end(), [](const Record* r) { return !r->person.empty(); });
  std::vector<Proposal> proposals;
  std::size_t open_from = 0;  // proposals before the latest #topic are closed
  // The proposal a reply at line k goes to, if any is open.
  auto addressed_proposal = [&](std::size_t k, const Reading& reply) -> Proposal* {
    const Record& r = *lines[k];
    for (std::size_t p = proposals.size(); p-- > open_from;) {
      const Record& proposer = *lines[proposals[p].line];
      if (r.time - proposer.time > kAgreementWindowSeconds) break;
      if (!speakers_known) return &proposals[p];
      if (!reply.address.empty() ? proposer.person == reply.address : proposer.person != r.person) {
        return &proposals[p];
      }
    }
    return nullptr;
  };
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const Record& r = *lines[k];
    if (r.kind == "topic") {
      open_from = proposals.size();
      continue;
    }
    if (!said_by_someone(r)) continue;
    Reading line = read(r);
    if (line.agrees || line.disagrees) {
      if (Proposal* p = addressed_proposal(k, line)) {
        if (line.agrees) p->support.push_back(k);
        if (line.disagrees) p->disputed = true;
      }
    }
    if (line.proposes || line.recorded) proposals.push_back({k, line.recorded, false, {}});
  }
  std::vector<AgreementMoment> moments;
  for (const Proposal& p : proposals) {
    if (p.recorded || p.disputed) continue;
    AgreementMoment moment{p.line, {}, {}};
    for (std::size_t k : p.support) {
      const std::string& who = lines[k]->person;
      if (speakers_known && (who.empty() || who == lines[p.line]->person ||
                             std::count(moment.supporters.begin(), moment.supporters.end(), who))) {
        continue;
      }
      moment.support.push_back(k);
      if (speakers_known) moment.supporters.push_back(who);
    }
    if (moment.support.size() >= kMinSupport) moments.push_back(std::move(moment));
  }
  return moments;
}

void mark_consensus(std::vector<Record>& records, const std::vector<std::size_t>& lines) {
  std::vector<const Record*> meeting;
  for (std::size_t k : lines) meeting.push_back(&records[k]);
  for (AgreementMoment& m : agreement_moments(meeting)) {
    Record& proposal = records[lines[m.proposal]];
    proposal.item = "consensus";
    proposal.supporters = std::move(m.supporters);
    for (std::size_t k : m.support) proposal.evidence.push_back(records[lines[k]].id);
  }
}

void mark_consensus(ParsedLog& log) {
  std::size_t end =
      log.end_index >= 0 ? static_cast<std::size_t>(log.end_index) + 1 : log.records.size();
  std::vector<std::size_t> lines;
  for (std::size_t k = 0; k < end; ++k) lines.push_back(k);
  mark_consensus(log.records, lines);
}

}  // namespace eavesearch
