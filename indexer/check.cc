// `eavesearch check`: derived minutes against MeetBot's (DESIGN.md 7).
#include "eavesearch/check.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "eavesearch/parser.h"
#include "eavesearch/time_util.h"
#include "indexer/archive_walker.h"
#include "indexer/html_text.h"

namespace eavesearch {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string clock(std::int64_t seconds_of_day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", static_cast<int>(seconds_of_day / 3600 % 24),
                static_cast<int>(seconds_of_day / 60 % 60), static_cast<int>(seconds_of_day % 60));
  return buf;
}

// A VOTE's text with its results in a fixed order: MeetBot's is dict order.
std::string canonical_text(const MinutesItem& item) {
  if (item.type != "VOTE") return item.text;
  static constexpr std::string_view kResults = " Results are";
  std::size_t at = item.text.find(kResults);
  if (at == std::string::npos) return item.text;
  std::vector<std::string> results;
  std::string rest = item.text.substr(at + kResults.size());
  for (std::size_t from = 0; from < rest.size();) {
    std::size_t comma = rest.find(", ", from + 1);
    results.push_back(rest.substr(from, comma == std::string::npos ? comma : comma - from));
    from = comma == std::string::npos ? rest.size() : comma;
  }
  std::sort(results.begin(), results.end());
  std::string out = item.text.substr(0, at + kResults.size());
  for (const std::string& r : results) out += r;
  return out;
}

std::string describe(const MinutesItem& item) {
  std::string out = item.type + " \"" + item.text + "\" (" + item.nick + ", " + clock(item.time);
  if (item.line > 0) out += ", line " + std::to_string(item.line);
  return out + ")";
}

// Whether a written item and a derived one are the same. The .txt writer
// prints an INFO before the first topic like a TOPIC, and has no lines.
bool same_item(const MinutesItem& written, const MinutesItem& derived, bool before_first_topic) {
  bool type_ok = written.type == derived.type ||
                 (written.type == "TOPIC" && derived.type == "INFO" && before_first_topic);
  return type_ok && written.nick == derived.nick && written.time == derived.time &&
         (written.line == 0 || written.line == derived.line) &&
         collapse_whitespace(canonical_text(written)) ==
             collapse_whitespace(canonical_text(derived));
}

// Items as an edit script (longest common subsequence): what is missing
// from the derived minutes and what they have in excess.
void compare_items(const Minutes& written, const Minutes& derived, std::vector<std::string>& out) {
  const auto& a = written.items;
  const auto& b = derived.items;
  std::vector<bool> before_topic(b.size());
  bool seen_topic = false;
  for (std::size_t j = 0; j < b.size(); ++j) {
    seen_topic = seen_topic || b[j].type == "TOPIC";
    before_topic[j] = written.text_format && !seen_topic;
  }
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = same_item(a[i], b[j], before_topic[j]) ? lcs[i + 1][j + 1] + 1
                                                         : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && same_item(a[i], b[j], before_topic[j])) {
      ++i, ++j;
    } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push_back("item not in MeetBot's minutes: " + describe(b[j++]));
    } else {
      out.push_back("item missing: " + describe(a[i++]));
    }
  }
}

template <typename Map>
void compare_maps(const Map& written, const Map& derived, const std::string& what,
                  std::vector<std::string>& out) {
  for (const auto& [key, value] : written) {
    auto it = derived.find(key);
    if (it == derived.end()) {
      out.push_back(what + " " + key + ": in MeetBot's minutes only");
    } else if (it->second != value) {
      std::ostringstream s;
      s << what << " " << key << ": MeetBot has ";
      if constexpr (std::is_same_v<typename Map::mapped_type, int>) {
        s << value << ", eavesearch " << it->second;
      } else {
        s << value.size() << " (" << (value.empty() ? "" : value.front()) << "...), eavesearch "
          << it->second.size();
      }
      out.push_back(s.str());
    }
  }
  for (const auto& [key, value] : derived) {
    if (!written.count(key)) out.push_back(what + " " + key + ": in eavesearch's minutes only");
  }
}

}  // namespace

Minutes minutes_of(const Meeting& meeting) {
  Minutes m;
  for (MinutesItem item : meeting.items) {
    item.time = ((item.time % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay;
    item.text = collapse_whitespace(item.text);
    m.items.push_back(std::move(item));
  }
  std::vector<std::string> nicks;
  for (const Attendee& a : meeting.people) nicks.push_back(a.nick);
  std::sort(nicks.begin(), nicks.end(),
            [](const std::string& x, const std::string& y) { return lower(x) < lower(y); });
  for (const std::string& nick : nicks) {
    std::vector<std::string> actions;
    for (const MinutesItem& item : m.items) {
      if (item.type == "ACTION" &&
          std::find(item.owners.begin(), item.owners.end(), nick) != item.owners.end()) {
        actions.push_back(item.text);
      }
    }
    if (!actions.empty()) m.actions_by_person.push_back({nick, actions});
  }
  m.unassigned.emplace();
  for (const MinutesItem& item : m.items) {
    if (item.type == "ACTION" && item.owners.empty()) m.unassigned->push_back(item.text);
  }
  m.people = meeting.people;
  return m;
}

std::vector<std::string> compare_minutes(const Minutes& written, const Minutes& derived) {
  std::vector<std::string> out;
  compare_items(written, derived, out);
  using Lists = std::map<std::string, std::vector<std::string>>;
  compare_maps(Lists(written.actions_by_person.begin(), written.actions_by_person.end()),
               Lists(derived.actions_by_person.begin(), derived.actions_by_person.end()),
               "action items of", out);
  // Writers differ: Fedora's .txt always lists UNASSIGNED, OpenStack's only
  // with 2 or more, HTML2 never. Compared where the file has the entry.
  if (written.unassigned && derived.unassigned && *written.unassigned != *derived.unassigned) {
    out.push_back("unassigned action items: MeetBot has " +
                  std::to_string(written.unassigned->size()) + ", eavesearch " +
                  std::to_string(derived.unassigned->size()));
  }
  std::map<std::string, int> written_people, derived_people;
  for (const Attendee& a : written.people) written_people[a.nick] = a.lines;
  for (const Attendee& a : derived.people) derived_people[a.nick] = a.lines;
  compare_maps(written_people, derived_people, "lines said by", out);
  return out;
}

int CheckReport::differences() const {
  int n = 0;
  for (const MeetingCheck& c : checks) n += static_cast<int>(c.differences.size());
  return n;
}

Result<CheckReport> check_archives(const std::vector<std::string>& archives) {
  auto walk = walk_archives(archives);
  if (!walk) return walk.error();
  CheckReport report;
  report.problems = std::move(walk->warnings);
  std::map<std::string, const ArchiveFile*> by_path;
  for (const ArchiveFile& f : walk->files) by_path[f.rel_path] = &f;
  for (const ArchiveFile& f : walk->files) {
    bool txt_log = f.rel_path.ends_with(".log.txt");
    bool html_log = f.rel_path.ends_with(".log.html");
    if (!txt_log && !(html_log && !by_path.count(log_stem(f.rel_path) + ".log.txt"))) continue;
    std::string stem = log_stem(f.rel_path);
    std::vector<const ArchiveFile*> minutes;
    for (const char* ext : {".txt", ".html"}) {
      if (auto it = by_path.find(stem + ext); it != by_path.end()) minutes.push_back(it->second);
    }
    if (minutes.empty()) continue;
    auto content = read_archive_file(f.abs_path);
    if (!content) {
      report.problems.push_back(f.abs_path + ": cannot read: " + content.error().message);
      continue;
    }
    auto log = txt_log ? parse_meetbot_log(f.rel_path, *content)
                       : parse_meetbot_html(f.rel_path, *content);
    if (!log) {
      report.problems.push_back(f.abs_path + ": " + log.error().message);
      continue;
    }
    ++report.meetings;
    Minutes derived = minutes_of(log->meeting);
    for (const ArchiveFile* file : minutes) {
      auto text = read_archive_file(file->abs_path);
      if (!text) {
        report.problems.push_back(file->abs_path + ": cannot read: " + text.error().message);
        continue;
      }
      auto written =
          file->rel_path.ends_with(".txt") ? read_text_minutes(*text) : read_html_minutes(*text);
      if (!written) {
        report.problems.push_back(file->abs_path + ": " + written.error().message);
        continue;
      }
      ++report.minutes_files;
      report.checks.push_back({f.rel_path, file->rel_path, compare_minutes(*written, derived)});
    }
  }
  return report;
}

}  // namespace eavesearch
