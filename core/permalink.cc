#include "eavesearch/permalink.h"

#include <regex>

namespace eavesearch {

std::string permalink(const Record& r, std::string_view base) {
  if (r.meeting.empty()) return {};
  auto hash = r.id.rfind('#');
  std::string stem = r.id.substr(0, hash);
  if (auto slash = stem.rfind('/'); slash != std::string::npos) stem.erase(0, slash + 1);
  static const std::regex kStem(R"(^.+\.(\d{4})-\d{2}-\d{2}-\d{2}\.\d{2}$)");
  std::smatch m;
  if (!std::regex_match(stem, m, kStem)) return {};
  std::string year = m[1].str();
  std::string out(base);
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out + "/meetings/" + r.meeting + "/" + year + "/" + stem + ".log.html#l-" +
         (hash == std::string::npos ? "1" : r.id.substr(hash + 1));
}

}  // namespace eavesearch
