#include "eavesearch/person.h"

#include <array>

#include "eavesearch/text.h"

namespace eavesearch {
namespace {

bool strip_suffix(std::string& s, std::string_view suffix) {
  if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
    s.resize(s.size() - suffix.size());
    return true;
  }
  return false;
}

constexpr std::array<std::string_view, 9> kAwaySuffixes = {
    "-afk", "_afk", "-away", "_away", "_phone", "_phon", "-mobile", "_mobile", "_web"};

}  // namespace

std::string normalise_person(std::string_view nick) {
  std::string lowered = ascii_lower(nick);
  std::string s = lowered;
  if (auto bar = s.find('|'); bar != std::string::npos) s.resize(bar);
  strip_suffix(s, "[m]");
  for (bool changed = true; changed;) {
    changed = false;
    while (!s.empty() && (s.back() == '_' || s.back() == '`' || s.back() == '^')) {
      s.pop_back();
      changed = true;
    }
    for (std::string_view suffix : kAwaySuffixes) changed = strip_suffix(s, suffix) || changed;
  }
  return s.empty() ? lowered : s;
}

std::string normalise_meeting_name(std::string_view name) {
  std::string out;
  bool in_space = false;
  std::size_t begin = name.find_first_not_of(" \t\r\n\v\f");
  std::size_t end = name.find_last_not_of(" \t\r\n\v\f");
  if (begin == std::string_view::npos) return out;
  for (char c : name.substr(begin, end - begin + 1)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
      if (!in_space) out.push_back('_');
      in_space = true;
      continue;
    }
    in_space = false;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    out.push_back(keep ? c : '_');
  }
  return out;
}

std::string normalise_channel(std::string_view channel) {
  if (channel.empty()) return {};
  std::string out = ascii_lower(channel);
  if (out.front() != '#') out.insert(out.begin(), '#');
  return out;
}

}  // namespace eavesearch
