// A MeetBot log flattened onto one line by copying its web page: every
// utterance is "HH:MM:SS text" and the nicks are gone (corpus/flattened).
#include <string>

#include "eavesearch/parser.h"
#include "eavesearch/text.h"
#include "indexer/raw_line.h"

namespace eavesearch {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// "HH:MM:SS" at `at`, followed by a space or the end, and preceded by the
// start or whitespace -> seconds of the day, else -1.
int time_at(std::string_view s, std::size_t at) {
  if (at + 8 > s.size() || (at > 0 && s[at - 1] != ' ' && s[at - 1] != '\n')) return -1;
  if (!digit(s[at]) || !digit(s[at + 1]) || s[at + 2] != ':' || !digit(s[at + 3]) ||
      !digit(s[at + 4]) || s[at + 5] != ':' || !digit(s[at + 6]) || !digit(s[at + 7])) {
    return -1;
  }
  if (at + 8 < s.size() && s[at + 8] != ' ' && s[at + 8] != '\n') return -1;
  int h = (s[at] - '0') * 10 + (s[at + 1] - '0');
  int m = (s[at + 3] - '0') * 10 + (s[at + 4] - '0');
  int sec = (s[at + 6] - '0') * 10 + (s[at + 7] - '0');
  if (h > 23 || m > 59 || sec > 60) return -1;
  return h * 3600 + m * 60 + sec;
}

// A time written by asctime inside a bot message ("Thu May 14 15:07:53 2020
// UTC") is followed by a four-digit year; an utterance's time never is.
bool inside_asctime(std::string_view s, std::size_t at) {
  std::size_t y = at + 9;
  return y + 4 <= s.size() && digit(s[y]) && digit(s[y + 1]) && digit(s[y + 2]) &&
         digit(s[y + 3]) && (y + 4 == s.size() || s[y + 4] == ' ');
}

std::string_view trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

Result<ParsedLog> parse_flattened_log(std::string_view rel_path, std::string_view content) {
  ParsedLog parsed;
  std::vector<RawLine> lines;
  std::size_t text_start = 0;
  int current = -1;
  auto flush = [&](std::size_t text_end) {
    if (current < 0) return;
    RawLine raw;
    raw.number = static_cast<int>(lines.size()) + 1;
    raw.seconds_of_day = current;
    raw.text = clean_line(trim(content.substr(text_start, text_end - text_start)), &raw.cut);
    lines.push_back(std::move(raw));
  };
  for (std::size_t at = 0; at < content.size(); ++at) {
    int t = time_at(content, at);
    if (t < 0 || inside_asctime(content, at)) continue;
    // A log's times never go back but across midnight: an earlier time is text.
    if (current >= 0 && t < current && current - t < 12 * 3600) continue;
    if (current < 0 && !trim(content.substr(0, at)).empty()) {
      ++parsed.malformed_lines;
      parsed.warnings.push_back("text before the first time skipped");
    }
    flush(at);
    current = t;
    text_start = at + 8;
    at += 7;
  }
  flush(content.size());
  return build_meeting_log(rel_path, std::move(lines), std::move(parsed));
}

}  // namespace eavesearch
