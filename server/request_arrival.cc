#include "server/request_arrival.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace eavesearch {
namespace {

bool starts_with_name(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  return std::equal(name.begin(), name.end(), line.begin(), [](char lower, char c) {
    return std::tolower(static_cast<unsigned char>(c)) == lower;
  });
}

std::string_view trimmed(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
    v.remove_suffix(1);
  return v;
}

// The end of the head (past its blank line), or npos. Lines end in CRLF, or
// in LF alone, which cpp-httplib then refuses with 400.
std::size_t head_end(std::string_view bytes) {
  std::size_t crlf = bytes.find("\n\r\n");
  std::size_t lf = bytes.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
  return crlf < lf ? crlf + 3 : lf + 2;
}

}  // namespace

Arrival classify_request(std::string_view bytes, const RequestLimits& limits) {
  std::size_t end = head_end(bytes.substr(0, std::min(bytes.size(), limits.max_bytes)));
  if (end == std::string_view::npos) {
    return bytes.size() >= limits.max_bytes ? Arrival::kHeadTooLarge : Arrival::kIncomplete;
  }
  std::string_view head = bytes.substr(0, end);
  int header_lines = 0;
  std::size_t body = 0;
  std::size_t line_start = head.find('\n') + 1;  // past the request line
  while (line_start < head.size()) {
    std::size_t line_end = head.find('\n', line_start);
    std::string_view line = head.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    if (trimmed(line).empty()) break;
    if (++header_lines > limits.max_header_lines) return Arrival::kTooManyHeaders;
    if (starts_with_name(line, "transfer-encoding")) return Arrival::kLengthRequired;
    if (starts_with_name(line, "content-length")) {
      std::string_view v = trimmed(line.substr(sizeof "content-length"));
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), body);
      if (ec != std::errc() || p != v.data() + v.size()) return Arrival::kLengthRequired;
    }
  }
  if (body > limits.max_bytes - end) {  // end <= max_bytes: the head was looked for there
    return Arrival::kBodyTooLarge;
  }
  return bytes.size() >= end + body ? Arrival::kComplete : Arrival::kIncomplete;
}

int refusal_status(Arrival a) {
  switch (a) {
    case Arrival::kHeadTooLarge:
    case Arrival::kTooManyHeaders:
      return 431;
    case Arrival::kBodyTooLarge:
      return 413;
    case Arrival::kLengthRequired:
      return 411;
    case Arrival::kTimedOut:
      return 408;
    default:
      return 400;
  }
}

const char* refusal_message(Arrival a) {
  switch (a) {
    case Arrival::kHeadTooLarge:
      return "the request's headers are too large";
    case Arrival::kTooManyHeaders:
      return "the request has too many header lines";
    case Arrival::kBodyTooLarge:
      return "the request's body is too large";
    case Arrival::kLengthRequired:
      return "a request body needs a valid Content-Length (no chunked bodies)";
    case Arrival::kTimedOut:
      return "the request did not arrive in time";
    default:
      return "the request was refused";
  }
}

}  // namespace eavesearch
