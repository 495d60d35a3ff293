// Classification by name and first line. No std::regex on file content:
// libstdc++'s recursive matcher overflows the stack on long lines.
#include <array>

#include "eavesearch/parser.h"
#include "indexer/raw_line.h"

namespace eavesearch {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view basename(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view first_line(std::string_view head) {
  std::size_t b = head.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  head.remove_prefix(b);
  return head.substr(0, head.find('\n'));
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// `pattern` at `at`: '9' a digit, any other character itself.
bool shaped(std::string_view s, std::size_t at, std::string_view pattern) {
  if (at + pattern.size() > s.size()) return false;
  for (std::size_t k = 0; k < pattern.size(); ++k) {
    char c = s[at + k];
    if (pattern[k] == '9' ? !digit(c) : c != pattern[k]) return false;
  }
  return true;
}

bool is_meetbot_line(std::string_view line) {
  RawLine raw;
  return parse_meetbot_line(line, raw);
}

// "HH:MM:SS text HH:MM:SS text": more than one utterance time on a line.
bool is_flattened_line(std::string_view line) {
  if (!shaped(line, 0, "99:99:99 ") || is_meetbot_line(line)) return false;
  for (std::size_t at = 9; at + 10 <= line.size(); ++at) {
    if (shaped(line, at, " 99:99:99 ")) return true;
  }
  return false;
}

bool is_channel_log_line(std::string_view line) { return shaped(line, 0, "9999-99-99T99:99:99  "); }

// A channel log by name ("#chan.YYYY-MM-DD.log", "#chan.log") with a channel
// log line in its head, not only first: a one-file log kept for years may
// begin with lines of another form (an old "[03:43] <nick>" one), which its
// reader counts as malformed rather than the whole file being unknown.
bool is_named_channel_log(std::string_view rel_path, std::string_view head) {
  if (!rel_path.ends_with(".log") || !channel_log_name(rel_path)) return false;
  for (std::size_t at = 0; at < head.size();) {
    std::size_t nl = head.find('\n', at);
    if (nl == std::string_view::npos) nl = head.size();
    if (is_channel_log_line(head.substr(at, nl - at))) return true;
    at = nl + 1;
  }
  return false;
}

// Log lines inside another document: indented, or behind "|" or ">" quotes.
bool has_pasted_lines(std::string_view head) {
  constexpr int kEnough = 3;
  int found = 0;
  for (std::size_t at = 0; at < head.size() && found < kEnough;) {
    std::size_t nl = head.find('\n', at);
    std::string_view line = head.substr(at, nl == std::string_view::npos ? nl : nl - at);
    at = nl == std::string_view::npos ? head.size() : nl + 1;
    std::size_t b = line.find_first_not_of(" \t|>");
    if (b != std::string_view::npos && is_meetbot_line(line.substr(b))) ++found;
  }
  return found >= kEnough;
}

bool is_minutes(std::string_view head) {
  return head.find("Meeting started by ") != std::string_view::npos ||
         head.find("Meeting summary") != std::string_view::npos;
}

SourceKind sniff_text(std::string_view rel_path, std::string_view head) {
  std::string_view line = first_line(head);
  if (is_meetbot_line(line)) return SourceKind::kMeetbotLog;
  if (is_flattened_line(line)) return SourceKind::kFlattened;
  if (is_channel_log_line(line) || is_named_channel_log(rel_path, head)) {
    return SourceKind::kChannelLog;
  }
  if (is_minutes(head)) return SourceKind::kMinutes;
  if (has_pasted_lines(head)) return SourceKind::kPasted;
  return SourceKind::kUnknown;
}

}  // namespace

const char* source_kind_name(SourceKind kind) {
  switch (kind) {
    case SourceKind::kIgnored:
      return "ignored";
    case SourceKind::kMeetbotLog:
      return "meetbot-log";
    case SourceKind::kFlattened:
      return "flattened-log";
    case SourceKind::kMeetbotHtml:
      return "meetbot-html";
    case SourceKind::kPasted:
      return "pasted-log";
    case SourceKind::kChannelHtml:
      return "channel-html";
    case SourceKind::kMinutes:
      return "minutes";
    case SourceKind::kChannelLog:
      return "channel-log";
    case SourceKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

bool is_ignored_name(std::string_view rel_path) {
  for (std::size_t at = 0; at < rel_path.size();) {
    if (rel_path[at] == '.') return true;
    auto slash = rel_path.find('/', at);
    if (slash == std::string_view::npos) break;
    at = slash + 1;
  }
  std::string_view name = basename(rel_path);
  static constexpr std::array<std::string_view, 3> kExtensions = {".md", ".yaml", ".yml"};
  for (std::string_view ext : kExtensions) {
    if (ends_with(name, ext)) return true;
  }
  return name == "index.html" || name == "latest.log.html";
}

SourceKind classify(std::string_view rel_path, std::string_view head) {
  if (is_ignored_name(rel_path)) return SourceKind::kIgnored;
  std::string_view name = basename(rel_path);
  if (ends_with(name, ".log.html")) {
    if (head.find("<span class=\"tm\">") != std::string_view::npos) return SourceKind::kMeetbotHtml;
    if (head.find("<tr id=\"t") != std::string_view::npos ||
        head.find("irclog2html") != std::string_view::npos) {
      return SourceKind::kChannelHtml;
    }
    return SourceKind::kUnknown;
  }
  if (ends_with(name, ".flattened.txt")) return SourceKind::kFlattened;
  if (ends_with(name, ".html"))
    return is_minutes(head) ? SourceKind::kMinutes : SourceKind::kUnknown;
  return sniff_text(rel_path, head);
}

}  // namespace eavesearch
