// Agreement moments: decisions reached in the conversation that nobody
// recorded with #agreed (README "Decisions found in the conversation").
//
// A moment is a line that proposes or concludes ("how about", "let's",
// "I vote for", "so the plan is", a question to the room that asks for
// agreement, ...) followed within kAgreementWindowSeconds by agreement from
// the room ("+1", "++", "I second that", "sounds good", "lgtm", ...):
// - each agreeing line supports one proposal: the latest one of the person
//   it is addressed to ("alice: +1"), else the latest one by someone else;
//   where speakers are unknown (a flattened log), the latest one;
// - a proposal needs kMinSupport supporters: distinct people other than
//   the proposer where speakers are known, agreeing lines where not;
// - disagreement in its window undoes it ("-1", "I disagree", "not sure",
//   "but ...", an agreement with a "but"), as it would in the room;
// - a line with a MeetBot decision command (#agreed, #action, "proposed
//   #agreed", #startvote, ...) takes the agreement that follows it and is
//   never a moment: the chair recorded it; a line with another minutes item
//   (#info, #idea, #link) proposes nothing.
// The phrase lists are in one place, at the top of agreement.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "eavesearch/parser.h"
#include "eavesearch/record.h"

namespace eavesearch {

inline constexpr std::int64_t kAgreementWindowSeconds = 180;
inline constexpr std::size_t kMinSupport = 2;

struct AgreementMoment {
  std::size_t proposal = 0;          // index of the proposing line
  std::vector<std::size_t> support;  // indexes of the agreeing lines, in order
  // The supporters' persons, distinct, in the order they agreed; empty
  // where speakers are unknown (then support.size() is the count).
  std::vector<std::string> supporters;
};

// The moments of one meeting: `lines` are its line records in order, from
// #startmeeting to #endmeeting (lines outside a meeting are not passed).
std::vector<AgreementMoment> agreement_moments(const std::vector<const Record*>& lines);

// Marks each moment of the meeting whose lines are `records[k]` for k in
// `lines` (after mark_bot_lines): its proposing line gets item "consensus",
// its supporters, and the agreeing lines' ids as evidence.
void mark_consensus(std::vector<Record>& records, const std::vector<std::size_t>& lines);
// The same for a meeting log's meeting: its lines up to #endmeeting.
void mark_consensus(ParsedLog& log);

}  // namespace eavesearch
