#include "eavesearch/permalink.h"

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
  std::string stem = r.id.substr(0, hash);
  if (auto slash = stem.rfind('/'); slash != std::string::npos) stem.erase(0, slash + 1);
  if (!r.anchor.empty()) {  // a channel log line: irclog2html's page
    if (r.channel.empty()) return {};
    return out + "/irclogs/" + url_escape_hash(r.channel) + "/" + url_escape_hash(stem) +
           ".log.html#" + r.anchor;
  }
  std::string year = meeting_stem_year(stem);
  if (r.meeting.empty() || year.empty()) return {};
  return out + "/meetings/" + r.meeting + "/" + year + "/" + stem + ".log.html#l-" +
         (hash == std::string::npos ? "1" : r.id.substr(hash + 1));
}

}  // namespace eavesearch
