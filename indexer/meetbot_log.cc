// MeetBot's raw log (.log.txt), FORMATS.md 1.2.
#include <string>

#include "eavesearch/parser.h"
#include "eavesearch/text.h"
#include "indexer/raw_line.h"

namespace eavesearch {
namespace {

bool two_digits(std::string_view s, std::size_t at, int max, int& out) {
  if (s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
  out = (s[at] - '0') * 10 + (s[at + 1] - '0');
  return out <= max;
}

// "HH:MM:SS " at the start of `s` -> seconds of the day.
bool leading_time(std::string_view s, int& seconds) {
  int h, m, sec;
  if (s.size() < 9 || s[2] != ':' || s[5] != ':' || s[8] != ' ') return false;
  if (!two_digits(s, 0, 23, h) || !two_digits(s, 3, 59, m) || !two_digits(s, 6, 60, sec)) {
    return false;
  }
  seconds = h * 3600 + m * 60 + sec;
  return true;
}

}  // namespace

bool parse_meetbot_line(std::string_view s, RawLine& out) {
  if (!leading_time(s, out.seconds_of_day)) return false;
  std::string_view rest = s.substr(9);
  if (rest.size() >= 3 && rest[0] == '<') {
    std::size_t close = rest.find("> ", 1);
    if (close == std::string_view::npos && rest.back() == '>') close = rest.size() - 1;
    if (close == std::string_view::npos || close == 1) return false;
    std::string_view nick = rest.substr(1, close - 1);
    if (nick.find_first_of(" <>") != std::string_view::npos) return false;
    bool nick_cut = false;
    out.nick = clean_line(nick, &nick_cut);
    out.text = clean_line(rest.substr(std::min(rest.size(), close + 2)), &out.cut);
    out.cut = out.cut || nick_cut;
    return true;
  }
  if (rest.size() >= 3 && rest[0] == '*' && rest[1] == ' ') {
    std::string_view body = rest.substr(2);
    std::size_t space = body.find(' ');
    std::string_view nick = body.substr(0, space);
    if (nick.empty()) return false;
    bool nick_cut = false;
    out.nick = clean_line(nick, &nick_cut);
    out.is_action = true;
    if (space != std::string_view::npos) out.text = clean_line(body.substr(space + 1), &out.cut);
    out.cut = out.cut || nick_cut;
    return true;
  }
  return false;
}

Result<ParsedLog> parse_meetbot_log(std::string_view rel_path, std::string_view content) {
  ParsedLog parsed;
  std::vector<RawLine> lines;
  int number = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    RawLine raw;
    raw.number = number;
    if (!parse_meetbot_line(line, raw)) {
      ++parsed.malformed_lines;
      parsed.warnings.push_back("line " + std::to_string(number) + ": not a MeetBot log line");
      continue;
    }
    lines.push_back(std::move(raw));
  }
  return build_meeting_log(rel_path, std::move(lines), std::move(parsed));
}

}  // namespace eavesearch
