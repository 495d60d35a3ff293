// MeetBot log lines pasted into another document: indented in a reST code
// block or line block, quoted in mail ("> ", "| "), and so on.
//
// A line is an utterance when, once its leading whitespace and quote markers
// are gone, it is a .log.txt line; utterances are numbered 1, 2, 3... Any other
// line is prose around the log and is neither a record nor malformed.
//
// Lines without a time are never joined to the utterance before them. In the
// real pastes (corpus/real/other/zodbot-log-in-rst-*.rst) a long message is
// split by IRC itself into two timestamped lines, exactly as in the .log.txt,
// and no line is wrapped. A guess at wrapping would append whatever follows
// a log (prose, a signature, the end of a quote) to its last utterance.
#include <string>
#include <vector>

#include "eavesearch/parser.h"
#include "indexer/raw_line.h"

namespace eavesearch {
namespace {

// `line` without its indentation, quote markers ('>', '|', in any number and
// order, as in "> > " or "| ") and trailing whitespace.
std::string_view strip_paste_markers(std::string_view line) {
  static constexpr std::string_view kNbsp = "\xC2\xA0";  // HTML-to-text indentation
  while (!line.empty()) {
    char c = line.front();
    if (c == ' ' || c == '\t' || c == '>' || c == '|') {
      line.remove_prefix(1);
    } else if (line.starts_with(kNbsp)) {
      line.remove_prefix(kNbsp.size());
    } else {
      break;
    }
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

Result<ParsedLog> parse_pasted_log(std::string_view rel_path, std::string_view content) {
  ParsedLog parsed;
  std::vector<RawLine> lines;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = strip_paste_markers(content.substr(pos, nl - pos));
    pos = nl + 1;
    RawLine raw;
    if (!parse_meetbot_line(line, raw)) continue;
    raw.number = static_cast<int>(lines.size()) + 1;
    lines.push_back(std::move(raw));
  }
  return build_meeting_log(rel_path, std::move(lines), std::move(parsed));
}

}  // namespace eavesearch
