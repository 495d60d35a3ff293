#include "indexer/meetbot_commands.h"

#include <algorithm>
#include <array>

namespace eavesearch {
namespace {

// MeetBot's commands and aliases (`#commands`), FORMATS.md 1.4.
constexpr std::array<Command, 30> kCommands = {{
    {"startmeeting", "startmeeting", false, ""},
    {"endmeeting", "endmeeting", true, ""},
    {"topic", "topic", true, "TOPIC"},
    {"info", "info", false, "INFO"},
    {"idea", "idea", false, "IDEA"},
    {"action", "action", false, "ACTION"},
    {"agreed", "agreed", true, "AGREED"},
    {"agree", "agreed", true, "AGREED"},
    {"accepted", "accepted", true, "ACCEPTED"},
    {"accept", "accepted", true, "ACCEPTED"},
    {"rejected", "rejected", true, "REJECTED"},
    {"reject", "rejected", true, "REJECTED"},
    {"help", "help", false, "HELP"},
    {"halp", "help", false, "HELP"},
    {"link", "link", false, "LINK"},
    {"startvote", "startvote", true, ""},
    {"vote", "vote", false, ""},
    {"showvote", "showvote", false, ""},
    {"endvote", "endvote", true, "VOTE"},
    {"undo", "undo", true, ""},
    {"chair", "chair", true, ""},
    {"unchair", "unchair", true, ""},
    {"nick", "nick", false, ""},
    {"meetingname", "meetingname", false, ""},
    {"meetingtopic", "meetingtopic", true, ""},
    {"save", "save", true, ""},
    {"lurk", "lurk", true, ""},
    {"unlurk", "unlurk", true, ""},
    {"restrictlogs", "restrictlogs", true, ""},
    {"commands", "commands", false, ""},
}};

constexpr std::array<std::string_view, 6> kUrlProtocols = {
    "http:", "https:", "irc:", "ftp:", "mailto:", "ssh:"};
constexpr std::array<std::string_view, 4> kKnownBots = {"openstack", "opendevmeet", "zodbot",
                                                        "meetbot"};

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view strip(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// The non-empty runs of `s` between separators.
template <typename IsSeparator>
std::vector<std::string> split_fields(std::string_view s, IsSeparator is_separator) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (!is_separator(c)) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

const Command* find_command(std::string_view text, std::string_view& rest) {
  if (text.size() < 2 || text[0] != '#') return nullptr;
  std::size_t end = 1;
  while (end < text.size() && is_word_byte(text[end])) ++end;
  if (end == 1) return nullptr;
  std::string word;
  for (char c : text.substr(1, end - 1)) word.push_back(lower(c));
  for (const Command& c : kCommands) {
    if (c.word != word) continue;
    rest = text.substr(end);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    return &c;
  }
  return nullptr;
}

bool is_url_line(std::string_view text) {
  std::string_view before = text.substr(0, text.find("//"));
  return before.size() < text.size() &&
         std::find(kUrlProtocols.begin(), kUrlProtocols.end(), before) != kUrlProtocols.end();
}

bool is_bot_message(std::string_view text) {
  static constexpr std::array<std::string_view, 14> kPrefixes = {
      "Meeting started ",
      "Useful Commands: ",
      "The meeting name has been set to ",
      "Current chairs: ",
      "Warning: Nick not in channel: ",
      "Removing item from minutes: ",
      "Begin voting on: ",
      "Vote using '#vote OPTION'",
      "Voted on \"",
      "Meeting ended ",
      "Minutes:",
      "Minutes (text):",
      "Log:",
      "Available commands: "};
  return std::any_of(kPrefixes.begin(), kPrefixes.end(),
                     [&](std::string_view p) { return text.substr(0, p.size()) == p; });
}

bool is_known_bot(std::string_view nick) {
  return std::find(kKnownBots.begin(), kKnownBots.end(), nick) != kKnownBots.end();
}

NickMatcher::NickMatcher(const std::vector<std::string>& nicks) : nicks_at_(1) {
  for (std::size_t i = 0; i < nicks.size(); ++i) {
    if (nicks[i].empty()) continue;
    std::uint32_t node = 0;
    for (char c : nicks[i]) {
      std::uint32_t next = child(node, c);
      if (next == 0) {
        next = static_cast<std::uint32_t>(nicks_at_.size());
        edges_[std::uint64_t{node} << 8 | static_cast<unsigned char>(lower(c))] = next;
        nicks_at_.emplace_back();
      }
      node = next;
    }
    nicks_at_[node].push_back(i);
  }
}

std::uint32_t NickMatcher::child(std::uint32_t node, char c) const {
  auto it = edges_.find(std::uint64_t{node} << 8 | static_cast<unsigned char>(lower(c)));
  return it == edges_.end() ? 0 : it->second;
}

std::vector<std::size_t> NickMatcher::find_in(std::string_view text) const {
  // \b at each end: the byte outside differs from the nick's own end byte
  // in being a word character (a nick's bytes match the text's, case aside).
  std::vector<std::uint32_t> matched;
  for (std::size_t start = 0; start < text.size(); ++start) {
    bool word_before = start > 0 && is_word_byte(text[start - 1]);
    if (word_before == is_word_byte(text[start])) continue;
    std::uint32_t node = 0;
    for (std::size_t end = start; end < text.size(); ++end) {
      if ((node = child(node, text[end])) == 0) break;
      bool word_after = end + 1 < text.size() && is_word_byte(text[end + 1]);
      if (!nicks_at_[node].empty() && word_after != is_word_byte(text[end])) {
        matched.push_back(node);
      }
    }
  }
  std::sort(matched.begin(), matched.end());
  matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
  std::vector<std::size_t> out;
  for (std::uint32_t node : matched) {
    out.insert(out.end(), nicks_at_[node].begin(), nicks_at_[node].end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> split_nick_list(std::string_view s) {
  return split_fields(strip(s), [](char c) { return c == ',' || c == ' '; });
}

std::vector<std::string> split_whitespace(std::string_view s) { return split_fields(s, is_space); }

std::vector<std::string> split_vote_options(std::string_view s) {
  std::vector<std::string> out(1);
  bool in_separator = false;
  for (char c : s) {
    bool keep = is_word_byte(c) || c == '+' || c == '-';
    if (keep) {
      if (in_separator) out.emplace_back();
      out.back().push_back(c);
    }
    in_separator = !keep;
  }
  if (in_separator) out.emplace_back();
  return out;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; });
}

}  // namespace eavesearch
