// Private to fuzz/: how the fuzz targets read their input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace eavesearch::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// An input of a file reader: its first line is the file's archive-relative
// path (a name is as untrusted as the content, and gives the date, channel
// and meeting), the rest its content. fuzz/run.sh makes seeds of this form.
struct ArchiveFile {
  std::string_view rel_path;
  std::string_view content;
};

inline ArchiveFile archive_file(std::string_view input) {
  std::size_t nl = input.find('\n');
  if (nl == std::string_view::npos) return {input, {}};
  return {input.substr(0, nl), input.substr(nl + 1)};
}

}  // namespace eavesearch::fuzz
