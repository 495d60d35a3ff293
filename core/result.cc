#include "eavesearch/result.h"

#include <cerrno>
#include <cstring>

namespace eavesearch {

int exit_code_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage:
    case ErrorCode::kMethodNotAllowed:
    case ErrorCode::kLimitExceeded:
      return 2;
    case ErrorCode::kLocked:
      return 3;
    case ErrorCode::kNotFound:
      return 5;
    case ErrorCode::kUnavailable:
    case ErrorCode::kIo:
    case ErrorCode::kCorrupt:
    case ErrorCode::kInternal:
      return 4;
  }
  return 4;
}

Error error_from_errno(int err, const std::string& what) {
  if (err == ENOSPC) return {ErrorCode::kIo, what + ": " + kNoSpace};
  if (err == EMFILE || err == ENFILE) return {ErrorCode::kIo, what + ": " + kTooManyOpenFiles};
  return {ErrorCode::kIo, what + ": " + std::strerror(err)};
}

Error error_at(const std::string& where, Error error) {
  error.message = where + ": " + error.message;
  return error;
}

}  // namespace eavesearch
