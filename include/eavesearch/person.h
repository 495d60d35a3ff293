// Person identity: one normalised name per nick family (DESIGN.md 2).
#pragma once

#include <string>
#include <string_view>

namespace eavesearch {

// Lowercases `nick`, drops a `|...` tail and a `[m]` suffix, then repeatedly
// removes trailing runs of `_` `` ` `` `^` and the away suffixes -afk _afk
// -away _away _phone _phon -mobile _mobile _web. Never empty: a nick that
// would normalise to nothing is only lowercased. "adrian_otto" and
// "sean-k-mooney" stay whole.
std::string normalise_person(std::string_view nick);

// MeetBot's meeting name rule: lowercase, whitespace runs -> "_", then every
// character outside [a-z0-9] -> "_" (FORMATS.md 1.1).
std::string normalise_meeting_name(std::string_view name);

// Channel as stored: lowercased, with a leading '#'. "" stays "".
std::string normalise_channel(std::string_view channel);

}  // namespace eavesearch
