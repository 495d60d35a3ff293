#include "indexer/file_deps.h"

#include <sys/stat.h>

#include <cstdio>

#include "eavesearch/time_util.h"

namespace eavesearch {

std::string dep_key(std::string_view line, std::string_view prefix) {
  std::size_t eq = line.rfind('=');
  return std::string(line.substr(prefix.size(), eq - prefix.size()));
}

std::string channel_deps(const ArchiveFile& file, std::string_view deps,
                         const std::set<std::string>& primary_stems) {
  std::string out;
  for_each_dep(deps, [&](std::string_view line) {
    if (line.starts_with(kMeetingDep)) {
      std::string stem = dep_key(line, kMeetingDep);
      out.append(kMeetingDep).append(stem).append(primary_stems.count(stem) ? "=1\n" : "=0\n");
    } else if (line.starts_with(kPreviousDep)) {
      out.append(previous_dep(file));
    }
  });
  return out;
}

std::string previous_dep(const ArchiveFile& file) {
  std::string abs = previous_day_path(file.abs_path);
  struct stat st {};
  std::string seen = "none";
  if (::stat(abs.c_str(), &st) == 0) {
    seen = std::to_string(st.st_size) + ":" +
           std::to_string(static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL +
                          st.st_mtim.tv_nsec);
  }
  return std::string(kPreviousDep)
      .append(previous_day_path(file.rel_path))
      .append("=")
      .append(seen)
      .append("\n");
}

}  // namespace eavesearch
