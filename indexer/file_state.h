// Private to indexer/: what the database remembers of each indexed file, in
// its metadata, committed with the file's records. The key is
// file_state_key(path) (bounded in length); the value holds the path too, so
// that the files once indexed can be listed.
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
  // What its records took from other files when it was indexed, one
  // "key=value" per line (see index_archives.cc): when that differs now, the
  // file is indexed again although it did not change.
  std::string deps;

  // "v2 <size> <mtime_ns> <hash> <records> <deps bytes> <deps> <path>" (v1:
  // no deps, read as empty).
  std::string encode(std::string_view path) const;
  // The state and the path; nullopt if `s` is not an encoded state.
  static std::optional<std::pair<FileState, std::string>> decode(std::string_view s);
};

std::string file_state_key(std::string_view path);

std::uint64_t content_hash(std::string_view content);

}  // namespace eavesearch
