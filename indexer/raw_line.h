// Private to indexer/: one utterance as a log format gives it, before the
// meeting semantics (dates, kinds, topics, items) are applied.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/archive_names.h"
#include "eavesearch/parser.h"
#include "eavesearch/text.h"

namespace eavesearch {

struct RawLine {
  int number = 0;                   // 1-based line (or utterance) number
  int seconds_of_day = 0;           // HH*3600 + MM*60 + SS as written
  std::optional<std::string> nick;  // nullopt when the format has none
  bool is_action = false;           // "* nick text" (/me)
  std::string text;
  bool cut = false;  // longer than kMaxLineBytes (text.h): cut to it
};

// Counts line `line` of `parsed` (a ParsedLog or a ParsedChannelLog) as cut
// to kMaxLineBytes, with its warning.
template <typename Parsed>
void add_cut_line(Parsed& parsed, int line) {
  ++parsed.cut_lines;
  parsed.warnings.push_back("line " + std::to_string(line) + ": longer than " +
                            std::to_string(kMaxLineBytes) + " bytes, cut");
}

// One line of a .log.txt ("HH:MM:SS <nick> text" or "HH:MM:SS * nick text",
// FORMATS.md 1.2) into `out` (its number left alone; `cut` set when its nick
// or text was longer than kMaxLineBytes); false when it is not one.
bool parse_meetbot_line(std::string_view line, RawLine& out);

// "Meeting started Thu May 14 15:07:53 2020 UTC" anywhere in `text` -> the
// epoch of that time; nullopt when there is no such phrase.
std::optional<std::int64_t> parse_meeting_started(std::string_view text);

// Applies MeetBot's meeting semantics (dates with midnight roll-over, kinds,
// chairs, topics, items, #undo, action owners) to the lines of one meeting
// log; lines cut (RawLine::cut) are counted in `parsed` with their warnings.
// kUsage error when neither the name nor the lines give a date.
Result<ParsedLog> build_meeting_log(std::string_view rel_path, std::vector<RawLine> lines,
                                    ParsedLog parsed);

}  // namespace eavesearch
