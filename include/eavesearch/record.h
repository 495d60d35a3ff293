// The record model of DESIGN.md 2: one utterance of a log, and one meeting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eavesearch {

// A vote's question and result as MeetBot's minutes state them (FORMATS.md
// 1.3): 'Voted on "Q?" Results are, A: 2, B: 1'.
struct VoteResult {
  std::string question;              // with its "?", as #startvote gave it: "Ship it?"
  std::vector<std::string> options;  // the valid options (MeetBot's default: Yes, No)
  // The options voted for with their votes (a revote can leave one at 0), in
  // first-vote order (MeetBot's own order is arbitrary); options nobody voted
  // for are left out, as in the minutes.
  std::vector<std::pair<std::string, int>> results;

  friend bool operator==(const VoteResult&, const VoteResult&) = default;
};

// The vote as the minutes state it: 'Voted on "Ship it?" Results are, Yes: 2, No: 1'.
std::string vote_minutes_text(const VoteResult& vote);

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
  // The minutes item produced; "" for none. "consensus" for a line the room
  // agreed with, found in the conversation (indexer/agreement.h): no
  // minutes item, and never in `check`'s comparison.
  std::string item;
  std::vector<std::string> owners;  // persons an action item is assigned to
  // An action item's fate in the ledger (indexer/action_ledger.h): "open",
  // "carried" or "done", and the record ids of its evidence; "" otherwise.
  // A consensus line's evidence: the record ids of the lines agreeing with it.
  std::string status;
  std::vector<std::string> evidence;
  // A consensus line's supporters: the persons who agreed, in order; empty
  // where speakers are unknown (a flattened log: `evidence` counts them).
  std::vector<std::string> supporters;
  std::string topic;  // the #topic in force; "" before the first
  std::string text;   // the message as written (commands included)
  std::string path;   // archive-relative path of the file read
  int line = 0;       // 1-based line in `path` (utterance number if no lines)
  // The line's anchor in its page when it is not "l-<line>": irclog2html's
  // "t2020-05-14T15:07:53" (then "-2", "-3" for repeated seconds).
  std::string anchor;
  // The #endvote line that ended a vote (item "vote"): its question and result.
  std::optional<VoteResult> vote;

  friend bool operator==(const Record&, const Record&) = default;
};

// One item of a meeting's minutes, as MeetBot recorded it.
struct MinutesItem {
  std::string type;  // TOPIC, INFO, IDEA, AGREED, ACCEPTED, REJECTED, ACTION, LINK, HELP, VOTE
  std::string text;  // the text the minutes show (the line after the command; for a VOTE,
                     // 'Voted on "Q?" Results are, A: 2, B: 1')
  std::string nick;  // who said it
  std::int64_t time = 0;
  int line = 0;                     // its log line: the minutes link to <stem>.log.html#l-<line>
  std::vector<std::string> owners;  // ACTION: the attendee nicks it names, sorted
  std::optional<VoteResult> vote;   // VOTE: what `text` says, in parts (none in read minutes)
  std::string
      status;  // ACTION: its record's status in the ledger; "" otherwise, and in read minutes

  friend bool operator==(const MinutesItem&, const MinutesItem&) = default;
};

// Someone MeetBot counted as present, with the lines they said (0 for nicks
// only named by #chair or #nick).
struct Attendee {
  std::string nick;
  int lines = 0;

  friend bool operator==(const Attendee&, const Attendee&) = default;
};

// One meeting: a document of its own, never returned as a line hit.
struct Meeting {
  std::string id;       // archive-relative stem, e.g. "meetings/tc/2020/tc.2020-05-14-15.07"
  std::string name;     // MeetBot meeting name
  std::string channel;  // "" when unknown
  std::string path;     // archive-relative path of the file read
  std::string title;    // the meeting topic (#startmeeting's or #meetingtopic's text); "" when none
  std::int64_t start = 0;
  std::int64_t end = 0;             // time of the last line
  bool ended = false;               // an #endmeeting was accepted
  std::vector<std::string> chairs;  // the chairs at the end, sorted
  std::vector<MinutesItem> items;   // the minutes, in order
  std::vector<Attendee> people;     // by lines said, most first; ties by nick
  int lines = 0;

  friend bool operator==(const Meeting&, const Meeting&) = default;
};

// The TOPIC items' texts, in order.
std::vector<std::string> meeting_topics(const Meeting& meeting);

}  // namespace eavesearch
