// Channel logs (Supybot / Limnoria ChannelLogger), FORMATS.md 2.2. (Being written.)
#include "eavesearch/parser.h"

namespace eavesearch {

Result<ParsedChannelLog> parse_channel_log(std::string_view, std::string_view) {
  return Error{ErrorCode::kUsage, "channel logs are not read yet"};
}

}  // namespace eavesearch
