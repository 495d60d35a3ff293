// Boolean terms of bounded length, for indexer/ and query/: Xapian's glass
// backend refuses terms over 245 bytes, and ids, paths, meeting names and
// nicks come from untrusted files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eavesearch {

inline constexpr std::size_t kMaxTermBytes = 240;

// prefix + value; when that is longer than kMaxTermBytes, the first bytes
// of it and a hash of the whole, so that distinct values stay distinct.
std::string boolean_term(std::string_view prefix, std::string_view value);

// FNV-1a, 64 bits.
std::uint64_t fnv1a64(std::string_view bytes);

// The term naming an archive file on the documents made from it: the file
// prefix and a hash of its path in 16 hex digits (every line has the term,
// and a path is about 55 bytes).
std::string file_term(std::string_view path);

}  // namespace eavesearch
