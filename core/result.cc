#include "eavesearch/result.h"

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
    case ErrorCode::kUnavailable:
    case ErrorCode::kIo:
    case ErrorCode::kCorrupt:
    case ErrorCode::kInternal:
      return 4;
  }
  return 4;
}

}  // namespace eavesearch
