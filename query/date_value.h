// Private to query/: date filter values (DESIGN.md 4).
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

#include "eavesearch/result.h"

namespace eavesearch {

// [from, to) in epoch seconds for `date:`, `on:`, `after:` or `before:` and a
// value: YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, or a relative Nd/Nw/Nm/Ny
// naming the day that long before `now` (`date:2w` alone means since then);
// for `date:` also ranges A..B (both ends included), A.. and ..B. Open ends
// are QueryNode::kOpenStart / kOpenEnd. kUsage on anything else.
Result<std::pair<std::int64_t, std::int64_t>> parse_date_filter(std::string_view field,
                                                                std::string_view value,
                                                                std::int64_t now);

}  // namespace eavesearch
