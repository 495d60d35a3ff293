// Private to server/: has a whole request arrived on a connection, within the
// limits? cpp-httplib 0.11.4 bounds neither the time a client takes to send a
// request (only each recv) nor the number of header lines, so serve reads a
// request whole (ConnectionStream) and checks it before cpp-httplib parses it.
#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

namespace eavesearch {

struct RequestLimits {
  std::size_t max_bytes = 16 * 1024;  // request line, headers and body together
  int max_header_lines = 100;
  std::chrono::milliseconds deadline{10000};  // from its first byte to its last
};

enum class Arrival {
  kIncomplete,      // not yet: wait for more
  kComplete,        // the whole request (head and body) is there
  kHeadTooLarge,    // no end of the head within max_bytes: 431
  kTooManyHeaders,  // 431
  kBodyTooLarge,    // Content-Length past max_bytes: 413
  kLengthRequired,  // a chunked body, whose length nobody knows before it ends: 411
  kTimedOut,        // the deadline passed first: 408
  kIdle,            // a kept-alive connection sent nothing more in time
  kClosed,          // the client closed or reset the connection first
  kStopping,        // the server is stopping
};

// What `bytes`, the start of a connection's input, hold.
Arrival classify_request(std::string_view bytes, const RequestLimits& limits);

// The HTTP status and message of an Arrival that refuses the request.
int refusal_status(Arrival a);
const char* refusal_message(Arrival a);

}  // namespace eavesearch
