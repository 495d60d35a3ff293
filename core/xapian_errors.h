// The one place Xapian's exceptions become eavesearch Errors. For indexer/
// and query/ only (server/ and cli/ never see Xapian).
#pragma once

#include <xapian.h>

#include <exception>
#include <string>

#include "eavesearch/result.h"

namespace eavesearch {

Error error_from_xapian(const Xapian::Error& e);

// Runs `f` (returning a Result) and maps any Xapian or standard exception
// it throws to an Error.
template <typename F>
auto with_xapian_errors(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Xapian::Error& e) {
    return error_from_xapian(e);
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kInternal, "out of memory"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, e.what()};
  }
}

}  // namespace eavesearch
