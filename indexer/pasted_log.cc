// MeetBot log lines pasted into other documents. (Being written.)
#include "eavesearch/parser.h"

namespace eavesearch {

Result<ParsedLog> parse_pasted_log(std::string_view, std::string_view) {
  return Error{ErrorCode::kUsage, "pasted logs are not read yet"};
}

}  // namespace eavesearch
