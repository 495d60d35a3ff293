// `eavesearch check`: the minutes eavesearch derives from a meeting's log,
// compared with the minutes MeetBot wrote beside it (DESIGN.md 7). Both of
// MeetBot's writers are read (Text .txt and HTML2 .html), in OpenStack's and
// Fedora's variants, without assuming one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/record.h"
#include "eavesearch/result.h"

namespace eavesearch {

// Minutes as a MeetBot minutes file shows them. Texts are whitespace-
// normalised (the writers wrap at 72 columns); HTML entities are decoded.
struct Minutes {
  // Items in order. `time` is the seconds of the day; `line` is 0 where the
  // file does not link items to log lines (.txt). In .txt an unprefixed
  // top-level item is read as TOPIC (an INFO before the first topic looks the same).
  std::vector<MinutesItem> items;
  // "Action items, by person": nick -> the texts of their actions, in order.
  std::vector<std::pair<std::string, std::vector<std::string>>> actions_by_person;
  // The UNASSIGNED entry's actions; nullopt when the file has no such entry.
  std::optional<std::vector<std::string>> unassigned;
  std::vector<Attendee> people;  // "People present (lines said)"
  bool text_format = false;      // read from a .txt
};

// Reads a minutes file. kUsage when `content` is not MeetBot minutes.
Result<Minutes> read_text_minutes(std::string_view content);
Result<Minutes> read_html_minutes(std::string_view content);

// The minutes MeetBot would have written for `meeting`, in the same form.
Minutes minutes_of(const Meeting& meeting);

// Every difference between the minutes in a file (`written`) and the derived
// ones, as readable sentences; empty when they agree. Where MeetBot's own order
// is arbitrary (people with equal counts, vote options) sets are compared.
std::vector<std::string> compare_minutes(const Minutes& written, const Minutes& derived);

struct MeetingCheck {
  std::string log;      // archive-relative path of the log
  std::string minutes;  // archive-relative path of the minutes file
  std::vector<std::string> differences;
};

struct CheckReport {
  int meetings = 0;                   // logs with minutes beside them
  int minutes_files = 0;              // minutes files compared
  std::vector<MeetingCheck> checks;   // one per minutes file
  std::vector<std::string> problems;  // files that could not be read, named
  int differences() const;
};

// Checks every meeting log under the archives that has MeetBot minutes
// (<stem>.txt, <stem>.html) beside it. kIo when an archive is missing.
Result<CheckReport> check_archives(const std::vector<std::string>& archives);

}  // namespace eavesearch
