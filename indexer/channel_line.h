// Private to indexer/: the line grammar of channel logs (FORMATS.md 2.2),
// shared by the .log reader and the irclog2html .log.html reader so that both
// give the same records. Implemented in channel_log.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "eavesearch/archive_names.h"
#include "eavesearch/parser.h"

namespace eavesearch {

// "YYYY-MM-DDTHH:MM:SS", the whole of `s` -> UTC epoch; nullopt when not a
// valid time.
std::optional<std::int64_t> parse_iso_timestamp(std::string_view s);
inline constexpr std::size_t kIsoTimestampLength = 19;

// Appends "line N: <why>" to the warnings and counts the line as malformed.
void add_malformed_line(ParsedChannelLog& out, int line, std::string_view why);

// Turns the bodies of one file's lines (what follows the timestamp, already
// clean UTF-8) into records appended to `out.records`: kind, speaker, text,
// and a person that follows the nick changes seen so far in the file; in a
// one-file log (`out.one_file`, set before) so far in the day: they are
// forgotten when a later day begins (a line dated after every line before
// it), as a day's file begins with none.
class ChannelRecordBuilder {
 public:
  ChannelRecordBuilder(std::string_view rel_path, ParsedChannelLog& out);

  // Adds the record of line `line`; false, adding nothing, when `body`
  // matches no line grammar.
  bool add(int line, std::int64_t time, std::string_view body, std::string anchor);

 private:
  std::string person_of(std::string_view nick) const;

  std::string path_;
  std::string stem_;
  ParsedChannelLog& out_;
  std::unordered_map<std::string, std::string> person_by_nick_;  // lowercased nick -> person
  std::optional<std::int64_t> latest_day_;                       // day_of its lines' times
};

}  // namespace eavesearch
