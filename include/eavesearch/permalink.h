// Links to the original log line on meetings.opendev.org (DESIGN.md 2).
#pragma once

#include <string>
#include <string_view>

#include "eavesearch/record.h"

namespace eavesearch {

inline constexpr std::string_view kDefaultLogBaseUrl = "https://meetings.opendev.org";

// <base>/meetings/<meeting>/<YYYY>/<stem>.log.html#l-<N> for meeting logs,
// built from the record's meeting and id (not its folder), so that a log read
// from anywhere, flattened ones included, links to its page. "" when the
// record has no meeting or its stem no <YYYY-MM-DD>-<HH>.<MM> date.
std::string permalink(const Record& record, std::string_view base);

}  // namespace eavesearch
