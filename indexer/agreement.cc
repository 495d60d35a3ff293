#include "indexer/agreement.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string_view>

#include "eavesearch/person.h"

namespace eavesearch {
namespace {

// The phrases, in one place. Each is lowercase and matched as words (not
// inside a longer word) in a line's text once any "nick:" address before it
// is set aside. tests/data/agreement_labels.tsv is what they were measured on.

// A line proposes or concludes when it has one of these.
constexpr std::array kProposes = {
    "how about",     "what about",    "what if we",   "i vote for",          "my vote is",
    "let's",         "lets",          "let us",       "sounds like we have", "so the plan is",
    "the plan is",   "can we close",  "can we agree", "can we go with",      "i propose",
    "i suggest",     "i'd suggest",   "proposal:",    "we should",           "shall we",
    "should we",     "why don't we",  "we could",     "i'd like to",         "consensus",
    "any objection", "are we agreed", "do we agree",  "are we ok with",      "are we good with",
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

// `phrase` in `text` with no word character right before or after it.
bool has_phrase(std::string_view text, std::string_view phrase) {
  for (std::size_t at = text.find(phrase); at != std::string_view::npos;
       at = text.find(phrase, at + 1)) {
    bool starts = at == 0 || !is_word_byte(text[at - 1]) || !is_word_byte(phrase.front());
    std::size_t end = at + phrase.size();
    bool ends = end == text.size() || !is_word_byte(text[end]) || !is_word_byte(phrase.back());
    // "+1" and "++" stand alone: not "bcotton++", not "+10".
    if (phrase.front() == '+' || phrase.front() == '-') {
      starts = at == 0 || text[at - 1] == ' ' || text[at - 1] == '(';
      ends = end == text.size() || !(is_word_byte(text[end]) || text[end] == '+');
    }
    if (starts && ends) return true;
  }
  return false;
}

template <std::size_t N>
bool has_any(std::string_view text, const std::array<const char*, N>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(),
                     [&](const char* p) { return has_phrase(text, p); });
}

template <std::size_t N>
bool begins_with_any(std::string_view text, const std::array<const char*, N>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(), [&](std::string_view p) {
    return text.starts_with(p) &&
           (text.size() == p.size() || !is_word_byte(text[p.size()]) || !is_word_byte(p.back()));
  });
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trimmed(std::string_view s, std::string_view chars = " \t") {
  std::size_t first = s.find_first_not_of(chars);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(chars) - first + 1);
}

// One line as the detector reads it.
struct Reading {
  std::string body;     // lowercase, without its address
  std::string address;  // the person it begins with ("alice: ..."); "" for none
  bool recorded = false;
  bool proposes = false;
  bool agrees = false;
  bool disagrees = false;
};

Reading read(const Record& r) {
  Reading line;
  std::string text = lowercase(r.text);
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
  line.body = std::string(body);
  line.recorded = std::any_of(kRecordedItems.begin(), kRecordedItems.end(),
                              [&](std::string_view item) { return r.item == item; }) ||
                  has_any(line.body, kRecordingCommands);
  if (line.recorded) return line;
  std::string_view alone = trimmed(body, " \t.!:)(-;");
  line.agrees =
      has_any(body, kAgrees) || std::any_of(kAgreesAlone.begin(), kAgreesAlone.end(),
                                            [&](std::string_view w) { return alone == w; });
  line.disagrees = begins_with_any(body, kDisagreesFirst) || has_any(body, kDisagreesAnywhere) ||
                   (line.agrees && has_phrase(body, "but"));
  if (line.disagrees) line.agrees = false;
  line.proposes = !line.agrees && has_any(body, kProposes);
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

std::vector<AgreementMoment> agreement_moments(const std::vector<Record>& lines) {
  const bool speakers_known =
      std::any_of(lines.begin(), lines.end(), [](const Record& r) { return !r.person.empty(); });
  std::vector<Proposal> proposals;
  std::size_t open_from = 0;  // proposals before the latest #topic are closed
  // The proposal a reply at line k goes to, if any is open.
  auto addressed_proposal = [&](std::size_t k, const Reading& reply) -> Proposal* {
    const Record& r = lines[k];
    for (std::size_t p = proposals.size(); p-- > open_from;) {
      const Record& proposer = lines[proposals[p].line];
      if (r.time - proposer.time > kAgreementWindowSeconds) break;
      if (!speakers_known) return &proposals[p];
      if (!reply.address.empty() ? proposer.person == reply.address : proposer.person != r.person) {
        return &proposals[p];
      }
    }
    return nullptr;
  };
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const Record& r = lines[k];
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
      const std::string& who = lines[k].person;
      if (speakers_known && (who.empty() || who == lines[p.line].person ||
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

}  // namespace eavesearch
