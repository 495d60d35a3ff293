// The action ledger (README "What became of an action item"): what became
// of each #action of a meeting series, decided from the meetings after it.
//
// - carried: the same item is assigned again (#action) in one of the next
//   kLedgerLookAhead meetings of the series: its distinctive words (once
//   owners, command and carry-over words like "carried over", "still",
//   "continue to" are set aside) are those of the earlier one. Each later
//   occurrence is evidence, the chain followed to its end.
// - done: in one of those meetings, before any carry-over, an owner says it
//   is done (done, merged, proposed, sent, ...; not "not done yet"), either
//   right after the item is read out (a review of past actions) or in a line
//   that names it (its distinctive words, or a URL or change number it has).
// - open: neither.
// Decided from the lines alone: a line saying "done" about something else in
// words of its own, or an item done without a word in a meeting of the
// series, is beyond it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/record.h"

namespace eavesearch {

inline constexpr std::size_t kLedgerLookAhead = 3;

enum class ActionStatus { kOpen, kCarried, kDone };
std::string_view action_status_name(ActionStatus status);  // "open", "carried", "done"

struct ActionFate {
  std::string id;  // the #action line's record id
  ActionStatus status = ActionStatus::kOpen;
  // carried: the record ids of its later #action lines, in order; done: the
  // line saying so; open: none.
  std::vector<std::string> evidence;
};

// `series`: the line records of one series' meetings, meetings in start
// order, lines in log order. One fate per action item (item "action") of
// the first `decided` meetings, in the same order; the meetings after them
// are read only as what followed (the index decides one meeting at a time,
// from it and the kLedgerLookAhead after it).
std::vector<ActionFate> action_ledger(const std::vector<const std::vector<Record>*>& series,
                                      std::size_t decided = SIZE_MAX);

}  // namespace eavesearch
