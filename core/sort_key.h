// The values that order and group hits, independent of docids and of the
// shard layout. For indexer/ and query/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/terms.h"

namespace eavesearch {

namespace sort_key_detail {

inline void append_big_endian(std::string& out, std::uint64_t v, int bytes) {
  for (int k = bytes - 1; k >= 0; --k) out += static_cast<char>((v >> (8 * k)) & 0xff);
}

}  // namespace sort_key_detail

// The collapse key of a log ("one hit per log"): a hash of its stem, 8 bytes.
inline std::string log_key(std::string_view stem) {
  std::string out;
  sort_key_detail::append_big_endian(out, fnv1a64(stem), 8);
  return out;
}

// A log key as its log document's term holds it: 16 hex digits (terms stay
// printable).
inline std::string log_key_hex(std::string_view key) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (char c : key) {
    out += kDigits[static_cast<unsigned char>(c) >> 4];
    out += kDigits[static_cast<unsigned char>(c) & 0xf];
  }
  return out;
}

// The line number of a record id ("stem#12" -> 12); 0 without one.
inline std::uint32_t id_line(std::string_view id) {
  std::size_t hash = id.rfind('#');
  std::uint32_t line = 0;
  if (hash == std::string_view::npos) return 0;
  for (char c : id.substr(hash + 1)) {
    if (c < '0' || c > '9') break;
    line = line * 10 + static_cast<std::uint32_t>(c - '0');
  }
  return line;
}

// The log key a sort key holds (its bytes 8 to 16).
inline std::string_view sort_key_log(std::string_view key) {
  return key.size() < 16 ? std::string_view() : key.substr(8, 8);
}

// The line number a sort key holds (its last 4 bytes).
inline std::uint32_t sort_key_line(std::string_view key) {
  std::uint32_t line = 0;
  if (key.size() < 4) return 0;
  for (char c : key.substr(key.size() - 4)) line = (line << 8) | static_cast<unsigned char>(c);
  return line;
}

// The time a sort key holds (its first 8 bytes; see sort_key below).
inline std::int64_t sort_key_time(std::string_view key) {
  std::uint64_t v = 0;
  if (key.size() < 8) return 0;
  for (char c : key.substr(0, 8)) v = (v << 8) | static_cast<unsigned char>(c);
  return static_cast<std::int64_t>(v ^ (1ULL << 63));
}

// Orders hits by time, ties by log (the hash of the id's stem), then by line
// number: epoch seconds, log_key, line, big-endian, so that string order is
// that order. 20 bytes (the id itself would be about 65 in every document).
inline std::string sort_key(std::int64_t time, std::string_view id) {
  std::size_t hash = id.rfind('#');
  std::string out;
  // Negative times (never seen) still sort first.
  sort_key_detail::append_big_endian(out, static_cast<std::uint64_t>(time) ^ (1ULL << 63), 8);
  out += log_key(id.substr(0, hash));
  sort_key_detail::append_big_endian(out, id_line(id), 4);
  return out;
}

}  // namespace eavesearch
