// The one error model of eavesearch: a Result<T> is a value or an Error.
// Error codes map to exit codes (cli) and HTTP statuses (server) in one
// function each: exit_code_for() below and http_status_for() in the server.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace eavesearch {

enum class ErrorCode {
  kUsage,             // bad flag, bad query, bad parameter
  kMethodNotAllowed,  // an HTTP method other than GET and HEAD
  kLimitExceeded,     // a request over a server limit: too slow, too large, too many
  kNotFound,          // unknown id, meeting, path
  kLocked,            // another writer holds the database lock
  kUnavailable,       // no database yet, or over a time budget
  kIo,                // file system error, unreadable input
  kCorrupt,           // database corrupt or of an unknown version
  kInternal,          // a bug or an unexpected library error
};

struct Error {
  ErrorCode code;
  std::string message;
};

// Process exit code of DESIGN.md 1a for an error (0 and 1 are success codes).
int exit_code_for(ErrorCode code);

// What a full disk is called in every message, whichever call met it.
inline constexpr const char* kNoSpace = "no space left on device";
// EMFILE or ENFILE: the service's file descriptors are all in use.
inline constexpr const char* kTooManyOpenFiles =
    "too many open files (raise the limit: LimitNOFILE in the unit, ulimit -n)";

// kIo: "<what>: <the system's reason for errno `err`>" (kNoSpace for ENOSPC,
// kTooManyOpenFiles for EMFILE and ENFILE).
Error error_from_errno(int err, const std::string& what);

// `error` with `where` (a path) before its message.
Error error_at(const std::string& where, Error error);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;

}  // namespace eavesearch
