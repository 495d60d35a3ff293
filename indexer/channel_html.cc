// irclog2html's .log.html of a channel log, FORMATS.md 2.3. (Being written.)
#include "eavesearch/parser.h"

namespace eavesearch {

Result<ParsedChannelLog> parse_channel_html(std::string_view, std::string_view) {
  return Error{ErrorCode::kUsage, "channel .log.html files are not read yet"};
}

}  // namespace eavesearch
