// Links to the original log line on meetings.opendev.org (DESIGN.md 2).
#pragma once

#include <string>
#include <string_view>

#include "eavesearch/record.h"

namespace eavesearch {

inline constexpr std::string_view kDefaultLogBaseUrl = "https://meetings.opendev.org";

// <base>/meetings/<meeting>/<YYYY>/<stem>.log.html#l-<N> for meeting logs:
// <meeting> is the folder of an id "meetings/<folder>/<YYYY>/<stem>" (a
// mirror's place, "Nova-API" as written), else the record's meeting, so that
// a log read from anywhere, flattened ones included, links to its page; the
// stem is the id's (bytes of a name that are not UTF-8 are %XX in ids, as in
// URLs: archive_names.h log_id). For channel logs
// <base>/irclogs/%23<chan>/%23<chan>.<YYYY-MM-DD>.log.html#<anchor>. "" when
// the record has neither a meeting stem with a date nor a channel anchor, and
// for the lines of a one-file channel log ("#chan.log"): no page of it is
// published anywhere we know.
std::string permalink(const Record& record, std::string_view base);

}  // namespace eavesearch
