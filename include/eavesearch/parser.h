// Log formats -> records (DESIGN.md 2, FORMATS.md 1). Pure functions of a
// file's archive-relative path and content; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/archive_names.h"
#include "eavesearch/record.h"
#include "eavesearch/result.h"

namespace eavesearch {

// What a file of the archive is, from its name and, where the name is not
// enough, its first bytes.
enum class SourceKind {
  kIgnored,      // not an archive file by name (*.md, index.html, hidden, ...)
  kMeetbotLog,   // MeetBot raw log, "HH:MM:SS <nick> text" lines (.log.txt)
  kFlattened,    // a MeetBot log flattened onto one line, without nicks
  kMeetbotHtml,  // MeetBot .log.html
  kPasted,       // MeetBot log lines pasted into another document (reST, mail, ...)
  kMinutes,      // MeetBot minutes (.txt / .html): not indexed as text
  kChannelLog,   // irclogs/#chan/#chan.YYYY-MM-DD.log, or #chan.log (every day in one
                 // file): Supybot / Limnoria ChannelLogger
  kChannelHtml,  // irclog2html's .log.html of a channel log
  kUnknown,      // looks like it could be a log, but is none of the above
};

const char* source_kind_name(SourceKind kind);

// True for files that are not archive files by name (DESIGN.md 1a): *.md,
// *.yaml, index.html, latest.log.html, hidden files and folders.
bool is_ignored_name(std::string_view rel_path);

// Classifies `rel_path`; `head` is the start of the file (kClassifyHeadBytes
// are enough), used where the name does not decide alone.
SourceKind classify(std::string_view rel_path, std::string_view head);
inline constexpr std::size_t kClassifyHeadBytes = 16384;

// One meeting log read into records.
struct ParsedLog {
  Meeting meeting;
  std::vector<Record> records;
  // The index in `records` of the #endmeeting that ended the meeting; lines
  // after it are outside the meeting (kind say/me, no items). -1 if none.
  int end_index = -1;
  int malformed_lines = 0;            // lines skipped (each also in `warnings`)
  int cut_lines = 0;                  // lines cut to kMaxLineBytes (each also in `warnings`)
  std::vector<std::string> warnings;  // "line 12: ..." (the caller adds the file name)
};

// Reads a MeetBot raw log (.log.txt). The date comes from the file name
// (<meeting>.<YYYY-MM-DD>-<HH>.<MM>), else from MeetBot's "Meeting started"
// line; an error of code kUsage if neither gives one. Lines that are not
// MeetBot lines are skipped and counted.
Result<ParsedLog> parse_meetbot_log(std::string_view rel_path, std::string_view content);

// Reads the flattened form: "HH:MM:SS text HH:MM:SS text ..." with no nicks.
// A time inside a bot message ("Meeting started Thu May 14 15:07:53 2020 UTC")
// is text, not a new utterance, and so is a time earlier than the utterance's
// own (less than 12 hours back: more is midnight). Record lines are utterance
// numbers.
Result<ParsedLog> parse_flattened_log(std::string_view rel_path, std::string_view content);

// Reads MeetBot's .log.html (HTMLlog2, FORMATS.md 1.5: old `name="l-N"` and
// new `href="#l-N"` anchors; entities decoded): the same records, ids and
// line numbers as the .log.txt of the same stem would give.
Result<ParsedLog> parse_meetbot_html(std::string_view rel_path, std::string_view content);

// The channel a MeetBot .log.html names in its head (`<title>#chan log</title>`),
// normalised; "" when `head` has no such title. A .log.txt does not name its
// channel, so the indexer reads it from the .log.html beside it.
std::string meetbot_html_channel(std::string_view head);

// Reads MeetBot log lines pasted into another document (indented in reST,
// quoted in mail, ...). Lines that are not log lines are not records and not
// malformed; record lines are utterance numbers. The date comes from the
// file name, else from MeetBot's "Meeting started" line, else kUsage.
Result<ParsedLog> parse_pasted_log(std::string_view rel_path, std::string_view content);

// A channel log: one day's file, or every day in one file.
struct ParsedChannelLog {
  std::string channel;    // "#openstack-tc", from the file name, lowercased
  bool one_file = false;  // "#chan.log" (ChannelLogName::one_file)
  // One per log line, in order; `meeting`, `topic`, `item` empty. Kinds: say,
  // me, notice, join, part, quit, nick, topicchange, mode, kick, other. `person`
  // follows nick changes within the file ("a is now known as b": b's later
  // lines are a's person); in a one-file log within the day, as in a day's
  // file (a guest nick taken by someone else days later is not a's).
  std::vector<Record> records;
  int malformed_lines = 0;
  int cut_lines = 0;                  // lines cut to kMaxLineBytes (text.h)
  std::vector<std::string> warnings;  // "line 12: ..."
};

// Reads irclogs/#chan/#chan.YYYY-MM-DD.log (FORMATS.md 2.2: older Supybot and
// Limnoria grammars), or the one-file irclogs/#chan/#chan.log with the same
// lines: a record per line, at the line's own date and time; records' ids
// are "<stem>#<line>" either way. A line without its "YYYY-MM-DDTHH:MM:SS"
// (an old "[03:43] <nick>" one) is malformed. kUsage when the name is
// neither (channel_log_name).
Result<ParsedChannelLog> parse_channel_log(std::string_view rel_path, std::string_view content);

// Reads irclog2html's .log.html of a channel log, a day's or a one-file one
// (FORMATS.md 2.3), giving the records the .log would.
Result<ParsedChannelLog> parse_channel_html(std::string_view rel_path, std::string_view content);

}  // namespace eavesearch
