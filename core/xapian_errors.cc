#include "core/xapian_errors.h"

#include <string_view>

namespace eavesearch {

// Xapian::Error is not polymorphic in 1.4: its most derived type is known by name.
Error error_from_xapian(const Xapian::Error& e) {
  std::string_view type = e.get_type();
  std::string message = std::string(type) + ": " + e.get_msg();
  if (type == "DatabaseLockError") return {ErrorCode::kLocked, message};
  if (type == "DatabaseCorruptError" || type == "DatabaseVersionError") {
    return {ErrorCode::kCorrupt, message};
  }
  if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError") {
    return {ErrorCode::kUnavailable, message};
  }
  if (type == "QueryParserError") return {ErrorCode::kUsage, message};
  // The index changed under a long read: the reader reopens and retries.
  if (type == "DatabaseModifiedError") return {ErrorCode::kUnavailable, message};
  if (type.find("Database") == 0 || type.find("Network") == 0) return {ErrorCode::kIo, message};
  return {ErrorCode::kInternal, message};
}

}  // namespace eavesearch
