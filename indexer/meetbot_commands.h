// Private to indexer/: MeetBot 0.1.4's command table and the small text
// rules it applies (FORMATS.md 1.4, 1a), as OpenStack's fork has them.
#pragma once

#include <string>
#include <string_view>
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

// Python 2's re.search(r'\b' + re.escape(nick) + r'\b', text, re.I) on a
// unicode string: ASCII word characters and ASCII case folding.
bool matches_whole_word(std::string_view text, std::string_view nick);

// re.split('[, ]+', s.strip()) without empty strings (#chair, #nick).
std::vector<std::string> split_nick_list(std::string_view s);

// s.split() (#unchair).
std::vector<std::string> split_whitespace(std::string_view s);

// The options of "#startvote Q? A, B": re.split(r'[^\w+-]+', rest), empty
// strings kept (a trailing "." makes an empty option).
std::vector<std::string> split_vote_options(std::string_view s);

bool is_ascii(std::string_view s);

}  // namespace eavesearch
