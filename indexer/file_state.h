// Private to indexer/: what the database remembers of each indexed file, in
// its metadata ("file:" + rel_path), committed with the file's records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eavesearch {

inline constexpr std::string_view kFileStatePrefix = "file:";

struct FileState {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t hash = 0;  // FNV-1a 64 of the content
  long records = 0;        // record documents made from the file

  std::string encode() const;
  static std::optional<FileState> decode(std::string_view s);
};

std::uint64_t content_hash(std::string_view content);

}  // namespace eavesearch
