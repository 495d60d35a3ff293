// The values that order and group hits, independent of docids and of the
// shard layout. For indexer/ and query/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eavesearch {

namespace sort_key_detail {

inline void append_big_endian(std::string& out, std::uint64_t v, int bytes) {
  for (int k = bytes - 1; k >= 0; --k) out += static_cast<char>((v >> (8 * k)) & 0xff);
}

// FNV-1a: stable across machines and builds.
inline std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace sort_key_detail

// The collapse key of a log ("one hit per log"): a hash of its stem, 8 bytes.
inline std::string log_key(std::string_view stem) {
  std::string out;
  sort_key_detail::append_big_endian(out, sort_key_detail::fnv1a(stem), 8);
  return out;
}

// Orders hits by time, ties by log (the hash of the id's stem), then by line
// number: epoch seconds, log_key, line, big-endian, so that string order is
// that order. 20 bytes (the id itself would be about 65 in every document).
inline std::string sort_key(std::int64_t time, std::string_view id) {
  std::size_t hash = id.rfind('#');
  std::uint64_t line = 0;
  if (hash != std::string_view::npos) {
    for (char c : id.substr(hash + 1)) {
      if (c < '0' || c > '9') break;
      line = line * 10 + static_cast<std::uint64_t>(c - '0');
    }
  }
  std::string out;
  // Negative times (never seen) still sort first.
  sort_key_detail::append_big_endian(out, static_cast<std::uint64_t>(time) ^ (1ULL << 63), 8);
  out += log_key(id.substr(0, hash));
  sort_key_detail::append_big_endian(out, line, 4);
  return out;
}

}  // namespace eavesearch
