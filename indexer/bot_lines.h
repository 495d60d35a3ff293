// Private to indexer/: bots as a kind of speaker. After MeetBot's semantics
// have run (so that `check` compares MeetBot's own minutes), the lines of
// bots become kind "bot" and bots leave the action owners.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "eavesearch/record.h"

namespace eavesearch {

// `bots` (persons: the service bots) and the meetings' own bots (the
// persons of lines MeetBot's semantics made kind "bot") are bots in
// `records`: their messages, /me lines, notices and topic changes become
// kind "bot" (their joins and quits stay events), and they are taken out of
// the owners of `records` and of `meetings`' action items.
void mark_bot_lines(std::vector<Record>& records, const std::vector<Meeting*>& meetings,
                    const std::set<std::string>& bots);

}  // namespace eavesearch
