#include "core/xapian_errors.h"

#include <cerrno>
#include <cstring>
#include <string_view>

namespace eavesearch {

namespace {

// Xapian names the system's error in the text of some of its own
// ("Modifications failed (DatabaseError: Error writing block 8 (No space
// left on device)), ..."), and keeps errno in others.
bool names_errno(const Xapian::Error& e, int err) {
  const char* said = std::strerror(err);
  const char* reason = e.get_error_string();
  return (reason != nullptr && std::strcmp(reason, said) == 0) ||
         e.get_msg().find(said) != std::string::npos;
}

}  // namespace

// Xapian::Error is not polymorphic in 1.4: its most derived type is known by name.
Error error_from_xapian(const Xapian::Error& e) {
  std::string_view type = e.get_type();
  std::string message = std::string(type) + ": " + e.get_msg();
  if (names_errno(e, ENOSPC)) return {ErrorCode::kIo, kNoSpace + (" (" + message + ")")};
  // Out of descriptors, a database that is there must not read as missing.
  if (names_errno(e, EMFILE) || names_errno(e, ENFILE)) {
    return {ErrorCode::kIo, kTooManyOpenFiles + (" (" + message + ")")};
  }
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
