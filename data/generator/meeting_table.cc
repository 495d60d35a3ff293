#include "meeting_table.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "civil_date.h"
#include "rng.h"

namespace eavesearch::gen {

extern const char kSeriesTable[];  // meeting_table_data.cc

namespace {

// Splits on `sep`, trimming spaces around each part; drops empty parts.
std::vector<std::string> split_trim(const std::string& text, const std::string& sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(sep, start);
    if (end == std::string::npos) end = text.size();
    std::string part = text.substr(start, end - start);
    const size_t b = part.find_first_not_of(' ');
    const size_t e = part.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
    start = end + sep.size();
  }
  return out;
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

[[noreturn]] void bad_table(const std::string& line) {
  throw std::logic_error("meeting table: cannot parse \"" + line + "\"");
}

Frequency parse_frequency(const std::string& word, const std::string& line) {
  if (word == "weekly") return Frequency::kWeekly;
  if (word == "biweekly-even") return Frequency::kBiweeklyEven;
  if (word == "biweekly-odd") return Frequency::kBiweeklyOdd;
  if (word == "quadweekly") return Frequency::kQuadweekly;
  if (word == "quadweekly-alternate") return Frequency::kQuadweeklyAlternate;
  if (word == "first") return Frequency::kFirstOfMonth;
  if (word == "adhoc") return Frequency::kAdhoc;
  bad_table(line);
}

ScheduleSlot parse_slot(const std::string& text, const std::string& line) {
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::istringstream in(text);
  std::string day, hhmm, freq, range;
  in >> day >> hhmm >> freq >> range;
  ScheduleSlot slot;
  slot.weekday = -1;
  for (int i = 0; i < 7; ++i) {
    if (day == kDays[i]) slot.weekday = i;
  }
  if (slot.weekday < 0 || hhmm.size() != 4) bad_table(line);
  slot.hhmm = std::stoi(hhmm);
  slot.frequency = parse_frequency(freq, line);
  if (!range.empty()) {
    const size_t dash = range.find('-');
    if (dash == std::string::npos) bad_table(line);
    if (dash > 0) slot.from = std::stoi(range.substr(0, dash));
    if (dash + 1 < range.size()) slot.to = std::stoi(range.substr(dash + 1));
  }
  return slot;
}

void parse_field(const std::string& field, const std::string& line, MeetingSeries* s) {
  auto rest = [&field](size_t n) { return field.size() > n ? field.substr(n) : std::string(); };
  if (starts_with(field, "#")) {
    s->channel = field.substr(1);
  } else if (field == "-") {
    s->agenda_url.clear();
  } else if (starts_with(field, "wiki:")) {
    s->agenda_url = "https://wiki.openstack.org/wiki/" + field.substr(5);
  } else if (starts_with(field, "pad:")) {
    s->agenda_url = "https://etherpad.openstack.org/p/" + field.substr(4);
  } else if (starts_with(field, "https://")) {
    s->agenda_url = field;
  } else if (starts_with(field, "chairs ")) {
    s->chairs = rest(7);
  } else if (starts_with(field, "team ")) {
    s->team = rest(5);
  } else if (starts_with(field, "life ")) {
    const std::string range = rest(5);
    const size_t dash = range.find('-');
    if (dash == std::string::npos) bad_table(line);
    s->first = std::stoi(range.substr(0, dash));
    s->last = std::stoi(range.substr(dash + 1));
  } else if (starts_with(field, "weight ")) {
    s->weight = std::stoi(rest(7));
  } else if (starts_with(field, "slots ")) {
    for (const std::string& slot : split_trim(rest(6), ";"))
      s->slots.push_back(parse_slot(slot, line));
  } else if (starts_with(field, "eras ")) {
    for (const std::string& era : split_trim(rest(5), ",")) {
      const size_t space = era.find(' ');
      if (space == std::string::npos) bad_table(line);
      s->chair_eras.push_back(ChairEra{std::stoi(era.substr(0, space)), era.substr(space + 1)});
    }
  } else {
    bad_table(line);
  }
}

std::vector<MeetingSeries> build_table() {
  std::vector<MeetingSeries> table;
  std::istringstream in(kSeriesTable);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || starts_with(line, "# ")) continue;
    if (line[0] != ' ') {
      const std::vector<std::string> head = split_trim(line, " | ");
      if (head.size() != 2) bad_table(line);
      table.emplace_back();
      table.back().meeting_id = head[0];
      table.back().project = head[1];
      continue;
    }
    if (table.empty()) bad_table(line);
    for (const std::string& field : split_trim(line, " | "))
      parse_field(field, line, &table.back());
  }
  return table;
}

}  // namespace

const std::vector<MeetingSeries>& base_series() {
  static const std::vector<MeetingSeries> kTable = build_table();
  return kTable;
}

std::vector<MeetingSeries> derived_series(int tier) {
  static constexpr const char* kSuffixes[] = {
      "bug_triage", "subteam", "office_hours", "ci",         "upgrades",
      "api",        "docs",    "performance",  "review_day", "onboarding"};
  constexpr int kSuffixCount = sizeof(kSuffixes) / sizeof(kSuffixes[0]);
  std::vector<MeetingSeries> out;
  if (tier < 1) return out;
  std::string suffix = kSuffixes[(tier - 1) % kSuffixCount];
  if (tier > kSuffixCount) suffix += std::to_string((tier - 1) / kSuffixCount + 1);
  for (const MeetingSeries& base : base_series()) {
    if (base.weight < 4) continue;
    MeetingSeries s = base;
    s.meeting_id = base.meeting_id + "_" + suffix;
    s.project = base.project + " (" + suffix + ")";
    s.agenda_url.clear();
    s.weight = std::max(2, base.weight / 2);
    s.chair_eras.clear();
    const uint64_t h = combine(hash_string(s.meeting_id), static_cast<uint64_t>(tier));
    s.slots.clear();
    ScheduleSlot slot;
    slot.weekday = static_cast<int>(h % 5);
    slot.hhmm = (7 + static_cast<int>((h >> 8) % 13)) * 100 + ((h >> 16) % 2 == 0 ? 0 : 30);
    slot.frequency = (h >> 20) % 3 == 0 ? Frequency::kBiweeklyOdd : Frequency::kWeekly;
    s.slots.push_back(slot);
    out.push_back(std::move(s));
  }
  return out;
}

std::string meetbot_name(const std::string& raw) {
  std::istringstream words(raw);
  std::string word;
  std::string joined;
  while (words >> word) {
    if (!joined.empty()) joined += '_';
    joined += word;
  }
  for (char& c : joined) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!keep) c = '_';
  }
  return joined;
}

namespace {

bool slot_meets(const ScheduleSlot& slot, const std::string& id, int64_t day) {
  if (weekday(day) != slot.weekday) return false;
  const int week = iso_week(day);
  switch (slot.frequency) {
    case Frequency::kWeekly:
      return true;
    case Frequency::kBiweeklyEven:
      return week % 2 == 0;
    case Frequency::kBiweeklyOdd:
      return week % 2 == 1;
    case Frequency::kQuadweekly:
      return week % 4 == 0;
    case Frequency::kQuadweeklyAlternate:
      return week % 4 == 2;
    case Frequency::kFirstOfMonth:
      return civil_from_days(day).day <= 7;
    case Frequency::kAdhoc:
      return combine(hash_string(id), static_cast<uint64_t>(day)) % 3 == 0;
  }
  return false;
}

}  // namespace

std::vector<int> meeting_times_on(const MeetingSeries& series, int64_t day) {
  std::vector<int> times;
  if (day < days_from_yyyymmdd(series.first) || day > days_from_yyyymmdd(series.last)) {
    return times;
  }
  const CivilDate date = civil_from_days(day);
  if ((date.month == 12 && date.day >= 22) || (date.month == 1 && date.day <= 3)) return times;
  // About one meeting in twelve is cancelled ("no meeting this week").
  if (combine(hash_string(series.meeting_id), static_cast<uint64_t>(day) ^ 0x5eedULL) % 12 == 0) {
    return times;
  }
  for (const ScheduleSlot& slot : series.slots) {
    if (slot.from != 0 && day < days_from_yyyymmdd(slot.from)) continue;
    if (slot.to != 0 && day > days_from_yyyymmdd(slot.to)) continue;
    if (!slot_meets(slot, series.meeting_id, day)) continue;
    times.push_back((slot.hhmm / 100) * 3600 + (slot.hhmm % 100) * 60);
  }
  std::sort(times.begin(), times.end());
  return times;
}

std::vector<std::string> chairs_on(const MeetingSeries& series, int64_t day) {
  std::string nicks = series.chairs;
  for (const ChairEra& era : series.chair_eras) {
    if (day < days_from_yyyymmdd(era.until)) {
      nicks = era.nicks;
      break;
    }
  }
  std::vector<std::string> out;
  std::istringstream in(nicks);
  std::string nick;
  while (in >> nick) out.push_back(nick);
  return out;
}

}  // namespace eavesearch::gen
