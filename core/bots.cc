#include "eavesearch/bots.h"

#include <algorithm>
#include <cerrno>
#include <fstream>

#include "eavesearch/person.h"

namespace eavesearch {

bool is_event_kind(std::string_view kind) {
  static constexpr std::array<std::string_view, 6> kEvents = {"join", "part", "quit",
                                                              "nick", "mode", "kick"};
  return std::find(kEvents.begin(), kEvents.end(), kind) != kEvents.end();
}

Result<std::vector<std::string>> read_bot_list(const std::string& path) {
  std::ifstream in(path);
  if (!in) return error_from_errno(errno, "cannot read the bot list " + path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    std::string_view nick(line);
    nick = nick.substr(0, nick.find('#'));
    auto first = nick.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) continue;
    nick = nick.substr(first, nick.find_last_not_of(" \t\r") + 1 - first);
    std::string person = normalise_person(nick);
    if (!person.empty()) out.push_back(std::move(person));
  }
  if (out.empty()) return Error{ErrorCode::kUsage, "the bot list " + path + " names no bot"};
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> default_bots() {
  std::vector<std::string> out(kDefaultBots.begin(), kDefaultBots.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace eavesearch
