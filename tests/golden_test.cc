// Golden tests, one per format: tests/data/golden/<case>/ holds one archive
// file and expected.txt, the records (and meetings) eavesearch reads from it,
// one per line. EAVESEARCH_UPDATE_GOLDEN=1 rewrites expected.txt; review the
// diff before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "eavesearch/parser.h"
#include "eavesearch/time_util.h"
#include "indexer/channel_meetings.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

namespace fs = std::filesystem;

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

void render(std::ostream& out, const Record& r) {
  out << r.id << " " << format_iso(r.time) << " " << r.speaker.value_or("-") << " "
      << (r.person.empty() ? "-" : r.person) << " " << r.kind;
  if (!r.meeting.empty()) out << " meeting=" << r.meeting;
  if (!r.item.empty()) out << " item=" << r.item;
  if (!r.owners.empty()) out << " owners=" << join(r.owners);
  if (!r.topic.empty()) out << " topic=\"" << r.topic << "\"";
  if (!r.anchor.empty()) out << " anchor=" << r.anchor;
  out << " | " << r.text << "\n";
}

void render(std::ostream& out, const Meeting& m) {
  out << "meeting " << m.id << " name=" << m.name << " channel=" << m.channel << " title=\""
      << m.title << "\" start=" << format_iso(m.start) << " end=" << format_iso(m.end)
      << " ended=" << m.ended << " chairs=" << join(m.chairs) << " lines=" << m.lines << "\n";
  for (const MinutesItem& i : m.items) {
    out << "  " << i.type << " " << i.nick << " line=" << i.line << " \"" << i.text << "\"";
    if (!i.owners.empty()) out << " owners=" << join(i.owners);
    out << "\n";
  }
  out << "  people:";
  for (const Attendee& a : m.people) out << " " << a.nick << "=" << a.lines;
  out << "\n";
}

std::string read_case(const fs::path& dir) {
  std::ostringstream out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "expected.txt") continue;
    std::string rel = fs::relative(entry.path(), dir).generic_string();
    std::string content = testing::read_file(entry.path());
    SourceKind kind = classify(rel, content.substr(0, kClassifyHeadBytes));
    out << rel << ": " << source_kind_name(kind) << "\n";
    Result<ParsedLog> log = Error{ErrorCode::kUsage, "not a meeting log"};
    Result<ParsedChannelLog> channel = Error{ErrorCode::kUsage, "not a channel log"};
    switch (kind) {
      case SourceKind::kMeetbotLog:
        log = parse_meetbot_log(rel, content);
        break;
      case SourceKind::kMeetbotHtml:
        log = parse_meetbot_html(rel, content);
        break;
      case SourceKind::kFlattened:
        log = parse_flattened_log(rel, content);
        break;
      case SourceKind::kPasted:
        log = parse_pasted_log(rel, content);
        break;
      case SourceKind::kChannelLog:
        channel = parse_channel_log(rel, content);
        break;
      case SourceKind::kChannelHtml:
        channel = parse_channel_html(rel, content);
        break;
      default:
        break;
    }
    if (log) {
      for (const Record& r : log->records) render(out, r);
      render(out, log->meeting);
      for (const std::string& w : log->warnings) out << "warning: " << w << "\n";
    } else if (channel) {
      auto meetings = find_channel_meetings(
          channel->records, channel->channel,
          channel->one_file ? MeetingReach::kDayAndNext : MeetingReach::kRecords);
      for (const Record& r : channel->records) render(out, r);
      for (const ChannelMeeting& cm : meetings) render(out, cm.meeting);
      for (const std::string& w : channel->warnings) out << "warning: " << w << "\n";
    } else {
      out << "error: "
          << (kind == SourceKind::kChannelLog || kind == SourceKind::kChannelHtml
                  ? channel.error().message
                  : log.error().message)
          << "\n";
    }
  }
  return out.str();
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, ReadsAsExpected) {
  fs::path dir = fs::path(EAVESEARCH_TEST_DATA) / "golden" / GetParam();
  std::string got = read_case(dir);
  const char* update = std::getenv("EAVESEARCH_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") testing::write_file(dir / "expected.txt", got);
  EXPECT_EQ(got, testing::read_file(dir / "expected.txt"));
}

INSTANTIATE_TEST_SUITE_P(Formats, GoldenTest,
                         ::testing::Values("meetbot_log", "meetbot_html", "flattened", "pasted",
                                           "channel_supybot", "channel_limnoria", "channel_html",
                                           "channel_one_file"));

}  // namespace
}  // namespace eavesearch
