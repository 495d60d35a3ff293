// MeetBot's .log.html (HTMLlog2), FORMATS.md 1.5. (Being written.)
#include "eavesearch/parser.h"

namespace eavesearch {

Result<ParsedLog> parse_meetbot_html(std::string_view, std::string_view) {
  return Error{ErrorCode::kUsage, "MeetBot .log.html is not read yet"};
}

}  // namespace eavesearch
