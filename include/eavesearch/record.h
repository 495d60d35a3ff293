// The record model of DESIGN.md 2: one utterance of a log, and one meeting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eavesearch {

// One line said in a meeting or a channel.
struct Record {
  // Archive-relative path of the log stem + "#" + 1-based line (or utterance)
  // number, e.g. "meetings/tc/2020/tc.2020-05-14-15.07#12".
  std::string id;
  std::string meeting;                 // MeetBot meeting name; "" when none
  std::string channel;                 // "#openstack-tc"; "" when unknown
  std::int64_t time = 0;               // UTC, seconds since the epoch
  std::optional<std::string> speaker;  // nick as written; nullopt when unknown
  std::string person;                  // normalise_person(speaker); "" when unknown
  std::string kind;                    // say, me, bot, topic, agreed, ... (DESIGN.md 2)
  std::string item;                    // minutes item produced; "" for none
  std::vector<std::string> owners;     // persons an action item is assigned to
  std::string topic;                   // the #topic in force; "" before the first
  std::string text;                    // the message as written (commands included)
  std::string path;                    // archive-relative path of the file read
  int line = 0;                        // 1-based line in `path` (utterance number if no lines)
  // The line's anchor in its page when it is not "l-<line>": irclog2html's
  // "t2020-05-14T15:07:53" (then "-2", "-3" for repeated seconds).
  std::string anchor;

  friend bool operator==(const Record&, const Record&) = default;
};

// One meeting: a document of its own, never returned as a line hit.
struct Meeting {
  std::string id;       // archive-relative stem, e.g. "meetings/tc/2020/tc.2020-05-14-15.07"
  std::string name;     // MeetBot meeting name
  std::string channel;  // "" when unknown
  std::string path;     // archive-relative path of the file read
  std::int64_t start = 0;
  std::int64_t end = 0;  // time of the last line
  bool ended = false;    // an #endmeeting was seen
  std::vector<std::string> chairs;
  std::vector<std::string> topics;
  int lines = 0;

  friend bool operator==(const Meeting&, const Meeting&) = default;
};

}  // namespace eavesearch
