#include "eavesearch/permalink.h"

#include "eavesearch/archive_names.h"

namespace eavesearch {
namespace {

bool digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// The year of a "<name>.<YYYY-MM-DD>-<HH>.<MM>" stem; "" if it is not one.
std::string meeting_stem_year(std::string_view stem) {
  if (stem.size() < 18) return {};
  std::string_view tail = stem.substr(stem.size() - 17);  // ".YYYY-MM-DD-HH.MM"
  if (tail[0] != '.' || tail[5] != '-' || tail[8] != '-' || tail[11] != '-' || tail[14] != '.' ||
      !digits(tail.substr(1, 4)) || !digits(tail.substr(6, 2)) || !digits(tail.substr(9, 2)) ||
      !digits(tail.substr(12, 2)) || !digits(tail.substr(15, 2))) {
    return {};
  }
  return std::string(tail.substr(1, 4));
}

// The folder of a mirror's "meetings/<folder>/<YYYY>/<stem>" id, "" when
// the id is not one of that shape with the stem's year.
std::string mirror_folder(std::string_view id_stem, std::string_view year) {
  constexpr std::string_view kMeetings = "meetings/";
  if (!id_stem.starts_with(kMeetings)) return {};
  std::string_view rest = id_stem.substr(kMeetings.size());
  auto slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0) return {};
  std::string_view tail = rest.substr(slash + 1);
  if (tail.size() <= year.size() || !tail.starts_with(year) || tail[year.size()] != '/' ||
      tail.find('/', year.size() + 1) != std::string_view::npos) {
    return {};
  }
  return std::string(rest.substr(0, slash));
}

std::string url_escape_hash(std::string_view s) {
  std::string out;
  for (char c : s) out += c == '#' ? std::string("%23") : std::string(1, c);
  return out;
}

}  // namespace

std::string permalink(const Record& r, std::string_view base) {
  std::string out(base);
  while (!out.empty() && out.back() == '/') out.pop_back();
  auto hash = r.id.rfind('#');
  std::string id_stem = r.id.substr(0, hash);
  std::string stem = id_stem;
  if (auto slash = stem.rfind('/'); slash != std::string::npos) stem.erase(0, slash + 1);
  if (!r.anchor.empty()) {  // a channel log line: irclog2html's page of its day's file
    // A one-file log ("#chan.log") has no such page: OpenStack's logs are
    // kept a day per file, and nothing says where another's pages are.
    auto name = channel_log_name(id_stem + ".log");
    if (r.channel.empty() || !name || name->one_file) return {};
    return out + "/irclogs/" + url_escape_hash(r.channel) + "/" + url_escape_hash(stem) +
           ".log.html#" + r.anchor;
  }
  std::string year = meeting_stem_year(stem);
  if (r.meeting.empty() || year.empty()) return {};
  std::string folder = mirror_folder(id_stem, year);
  return out + "/meetings/" + url_escape_hash(folder.empty() ? r.meeting : folder) + "/" + year +
         "/" + stem + ".log.html#l-" + (hash == std::string::npos ? "1" : r.id.substr(hash + 1));
}

}  // namespace eavesearch
