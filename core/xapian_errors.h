// The one place Xapian's exceptions become eavesearch Errors. For indexer/
// and query/ only (server/ and cli/ never see Xapian).
#pragma once

#include <xapian.h>

#include <exception>
#include <filesystem>
#include <string>

#include "eavesearch/result.h"

namespace eavesearch {

// The Error for `e`; kIo, its message starting with kNoSpace, when the disk
// is full.
Error error_from_xapian(const Xapian::Error& e);

// Runs `f` (returning a Result) and maps any exception it throws to an
// Error: Xapian's by error_from_xapian, file system errors to kIo, the rest
// to kInternal.
template <typename F>
auto with_xapian_errors(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Xapian::Error& e) {
    return error_from_xapian(e);
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kInternal, "out of memory"};
  } catch (const std::filesystem::filesystem_error& e) {
    return error_from_errno(e.code().value(), e.path1().string());
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, e.what()};
  }
}

}  // namespace eavesearch
