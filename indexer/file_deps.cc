#include "indexer/file_deps.h"

#include <sys/stat.h>

#include <cstdio>

#include "eavesearch/time_util.h"

namespace eavesearch {

std::string dep_key(std::string_view line, std::string_view prefix) {
  std::size_t eq = line.rfind('=');
  return std::string(line.substr(prefix.size(), eq - prefix.size()));
}

bool is_primary_form(const std::string& rel_path) {
  return rel_path.ends_with(".log.txt") || rel_path.ends_with(".log");
}

std::string previous_day_path(const std::string& path) {
  std::size_t dot = path.rfind(".log");
  if (dot == std::string::npos || dot < 11 || path[dot - 11] != '.') return {};
  auto day = parse_iso_day(std::string_view(path).substr(dot - 10, 10));
  if (!day) return {};
  CivilTime t = to_civil(*day - kSecondsPerDay);
  char date[40];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", t.year, t.month, t.day);
  return path.substr(0, dot - 10) + date + ".log";
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
