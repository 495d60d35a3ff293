// Private to indexer/: MeetBot 0.1.4's command table and the small text
// rules it applies (FORMATS.md 1.4, 1a), as OpenStack's fork has them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eavesearch {

struct Command {
  std::string_view word;  // as typed, lowercased
  std::string_view kind;  // canonical command name: the record's kind
  bool chair_only;
  std::string_view item;  // minutes item type made ("INFO", ...); "" for none
};

// The command MeetBot runs for `text` (r'#([\w]+)[ \t]*(.*)' matched at the
// start, the word lowercased), with `rest` set to its argument; nullptr for
// a line that is no known command.
const Command* find_command(std::string_view text, std::string_view& rest);

// MeetBot's automatic links: the text before the first "//" is a protocol.
bool is_url_line(std::string_view text);

// The bot's own messages (FORMATS.md 1.3), for logs that lost their nicks.
bool is_bot_message(std::string_view text);

// Nick names every MeetBot deployment used for its bot.
bool is_known_bot(std::string_view nick);

// The attendees MeetBot finds in an action item: those for whom Python 2's
// re.search(r'\b' + re.escape(nick) + r'\b', text, re.I) on a unicode
// string (ASCII word characters, ASCII case folding) matches. All nicks at
// once, in a trie: a text of n bytes costs O(n * min(n, the longest nick))
// whatever the number of nicks (a log can name tens of thousands with
// #nick; trying each on each item took 5 s for a 0.3 MB log).
class NickMatcher {
 public:
  explicit NickMatcher(const std::vector<std::string>& nicks);

  // The indices in `nicks` of those found in `text`, ascending.
  std::vector<std::size_t> find_in(std::string_view text) const;

 private:
  // The node reached from `node` by byte `c` (lowercased); 0 (the root,
  // never a child) when none.
  std::uint32_t child(std::uint32_t node, char c) const;

  std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // node << 8 | byte -> node
  std::vector<std::vector<std::size_t>> nicks_at_;          // per node: the nicks its path spells
};

// re.split('[, ]+', s.strip()) without empty strings (#chair, #nick).
std::vector<std::string> split_nick_list(std::string_view s);

// s.split() (#unchair).
std::vector<std::string> split_whitespace(std::string_view s);

// The options of "#startvote Q? A, B": re.split(r'[^\w+-]+', rest), empty
// strings kept (a trailing "." makes an empty option).
std::vector<std::string> split_vote_options(std::string_view s);

bool is_ascii(std::string_view s);

}  // namespace eavesearch
