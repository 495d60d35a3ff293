#include "indexer/series_ledger.h"

#include <algorithm>

#include "eavesearch/archive_names.h"
#include "indexer/action_ledger.h"

namespace eavesearch {
namespace {

constexpr std::size_t kKeptLogs = 2 * kLedgerLookAhead;

// "meetings/nova/2020/nova.2020-01-02-14.00.log.txt" -> "meetings/nova/"; "" for none.
std::string series_folder(const std::string& rel_path) {
  std::size_t meetings = rel_path.rfind("meetings/");
  if (meetings != 0 && (meetings == std::string::npos || rel_path[meetings - 1] != '/')) return "";
  std::size_t folder = rel_path.find('/', meetings + 9);
  std::size_t year = folder == std::string::npos ? folder : rel_path.find('/', folder + 1);
  if (year == std::string::npos || rel_path.find('/', year + 1) != std::string::npos) return "";
  return rel_path.substr(0, folder + 1);
}

Result<ParsedLog> parse_meeting_log(std::string_view rel_path, std::string_view content) {
  switch (classify(rel_path, content.substr(0, kClassifyHeadBytes))) {
    case SourceKind::kMeetbotLog:
      return parse_meetbot_log(rel_path, content);
    case SourceKind::kFlattened:
      return parse_flattened_log(rel_path, content);
    case SourceKind::kMeetbotHtml:
      return parse_meetbot_html(rel_path, content);
    default:
      return Error{ErrorCode::kUsage, "not a meeting log"};
  }
}

}  // namespace

SeriesNext next_meetings(const std::vector<ArchiveFile>& files,
                         const std::set<std::string>& primary_stems) {
  std::map<std::string, std::vector<const ArchiveFile*>> by_folder;  // paths sort by time
  for (const ArchiveFile& f : files) {
    bool txt = f.rel_path.ends_with(".log.txt");
    bool html_only =
        f.rel_path.ends_with(".log.html") && !primary_stems.count(log_stem(f.rel_path));
    if (!txt && !html_only) continue;
    std::string folder = series_folder(f.rel_path);
    if (!folder.empty()) by_folder[folder].push_back(&f);
  }
  SeriesNext next;
  for (auto& [folder, logs] : by_folder) {
    std::sort(logs.begin(), logs.end(), [](const ArchiveFile* a, const ArchiveFile* b) {
      return std::string_view(a->rel_path).substr(a->rel_path.rfind('/')) <
             std::string_view(b->rel_path).substr(b->rel_path.rfind('/'));
    });
    for (std::size_t k = 0; k < logs.size(); ++k) {
      std::vector<ArchiveFile>& after = next[logs[k]->rel_path];
      for (std::size_t j = k + 1; j < logs.size() && j <= k + kLedgerLookAhead; ++j) {
        after.push_back(*logs[j]);
      }
    }
  }
  return next;
}

std::string next_deps(const SeriesNext& next, const std::string& rel_path) {
  auto it = next.find(rel_path);
  if (it == next.end()) return "";
  std::string out;
  for (const ArchiveFile& f : it->second) {
    out.append(kNextDep).append(f.rel_path).append("=").append(std::to_string(f.size));
    out.append(":").append(std::to_string(f.mtime_ns)).append("\n");
  }
  return out;
}

std::string unreadable_next(const std::string& deps, const ArchiveFile& later) {
  std::string line = std::string(kNextDep) + later.rel_path + "=";
  std::size_t at = deps.find(line);
  if (at == std::string::npos) return deps;
  std::size_t end = deps.find('\n', at);
  return deps.substr(0, at) + line + "unreadable" + deps.substr(end);
}

std::map<std::string, MeetingLogs::Parsed>::iterator MeetingLogs::find(const ArchiveFile& file) {
  auto it = kept_.find(file.rel_path);
  if (it == kept_.end() || it->second.size != file.size || it->second.mtime_ns != file.mtime_ns) {
    return kept_.end();
  }
  return it;
}

Result<ParsedLog> MeetingLogs::parse(const ArchiveFile& file, std::string_view content,
                                     Parse parser) {
  auto it = find(file);
  if (it == kept_.end()) return parser(file.rel_path, content);
  // Read as itself now, it is no later meeting of a log still to come (in
  // path order): handed over, not copied, unless a caller still holds it.
  std::shared_ptr<ParsedLog> log = std::move(it->second.log);
  kept_.erase(it);
  if (log.use_count() == 1) return std::move(*log);
  return *log;
}

Result<std::shared_ptr<const ParsedLog>> MeetingLogs::ahead(const ArchiveFile& file) {
  if (auto it = find(file); it != kept_.end())
    return std::shared_ptr<const ParsedLog>(it->second.log);
  auto content = read_archive_file(file.abs_path);
  if (!content) return content.error();
  auto parsed = parse_meeting_log(file.rel_path, *content);
  if (!parsed) return std::shared_ptr<const ParsedLog>();
  if (kept_.size() >= kKeptLogs) kept_.erase(kept_.begin());  // the earliest path: done with
  auto log = std::make_shared<ParsedLog>(std::move(*parsed));
  kept_[file.rel_path] = {file.size, file.mtime_ns, log};
  return std::shared_ptr<const ParsedLog>(log);
}

void set_action_fates(std::vector<Record>& records,
                      const std::vector<std::shared_ptr<const ParsedLog>>& later) {
  std::vector<const std::vector<Record>*> series = {&records};
  for (const auto& log : later) series.push_back(&log->records);
  std::map<std::string, ActionFate> fates;
  for (ActionFate& f : action_ledger(series, 1)) fates[f.id] = std::move(f);
  for (Record& r : records) {
    auto it = fates.find(r.id);
    if (it == fates.end()) continue;
    r.status = action_status_name(it->second.status);
    r.evidence = std::move(it->second.evidence);
  }
}

void copy_action_status(const std::vector<Record>& records, Meeting& minutes) {
  std::map<std::pair<int, std::int64_t>, const std::string*> status;  // by line and time
  for (const Record& r : records)
    if (!r.status.empty()) status[{r.line, r.time}] = &r.status;
  for (MinutesItem& item : minutes.items) {
    if (item.type != "ACTION") continue;
    auto it = status.find({item.line, item.time});
    if (it != status.end()) item.status = *it->second;
  }
}

}  // namespace eavesearch
