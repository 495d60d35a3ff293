// Links to the original log line on meetings.opendev.org (DESIGN.md 2).
#pragma once

#include <string>
#include <string_view>

#include "eavesearch/record.h"

namespace eavesearch {

inline constexpr std::string_view kDefaultLogBaseUrl = "https://meetings.opendev.org";

// <base>/meetings/<meeting>/<YYYY>/<stem>.log.html#l-<N> for meeting logs,
// built from the record's meeting and id (not its folder), so that a log read
// from anywhere, flattened ones included, links to its page; for channel logs
// <base>/irclogs/%23<chan>/%23<chan>.<YYYY-MM-DD>.log.html#<anchor>. "" when
// the record has neither a meeting stem with a date nor a channel anchor.
std::string permalink(const Record& record, std::string_view base);

}  // namespace eavesearch
