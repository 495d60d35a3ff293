// Private to fuzz/: the contracts the readers keep, checked on what they
// return. A broken contract aborts, and libFuzzer keeps the input as a crash.
#pragma once

#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/check.h"
#include "eavesearch/parser.h"
#include "eavesearch/record.h"

namespace eavesearch::fuzz {

// Aborts with `what` when `holds` is false.
inline void expect(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "broken contract: %s\n", what);
  std::abort();
}

// What clean_line() promises (include/eavesearch/text.h): valid UTF-8 and no
// C0 control but TAB.
inline bool is_clean_text(std::string_view s) {
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(s.size());) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, static_cast<std::int32_t>(s.size()),
            c);
    if (c < 0 || (c < 0x20 && c != '\t') || c == 0x7f) return false;
  }
  return true;
}

// A reader's output grows with its input, not faster: the texts it reads
// (a record's text and speaker, an item's text and nick) add up to at most
// kTextGrowth times the bytes read (cp1252 becomes up to 3 bytes of UTF-8; a
// speaker repeats a nick of the line). Fields a record repeats by design
// (id, topic, owners) are not counted. Catches quadratic readers that a
// per-input timeout misses at fuzzing sizes.
inline constexpr std::size_t kTextGrowth = 8;
inline void expect_linear(std::size_t text_bytes, std::size_t input_bytes) {
  expect(text_bytes <= kTextGrowth * input_bytes + 256, "a reader's output grows linearly");
}

// Every record's text and speaker are clean (the readers' contract in
// include/eavesearch/parser.h), its id ends with its line, and their texts
// grow linearly.
inline void expect_clean_records(const std::vector<Record>& records, std::size_t input_bytes) {
  std::size_t text_bytes = 0;
  for (const Record& r : records) {
    text_bytes += r.text.size() + r.speaker.value_or("").size();
    expect(is_clean_text(r.text), "a record's text is clean UTF-8");
    expect(!r.speaker || is_clean_text(*r.speaker), "a record's speaker is clean UTF-8");
    expect(r.line > 0, "a record's line is 1-based");
    expect(r.id.ends_with("#" + std::to_string(r.line)), "a record's id ends with its line");
  }
  expect_linear(text_bytes, input_bytes);
}

// MeetBot's rule for an action's owners, one nick at a time as MeetBot
// applies it (re.search(r'\b' + re.escape(nick) + r'\b', text, re.I)): the
// oracle of indexer's NickMatcher, which finds all nicks at once.
inline bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
inline bool matches_whole_word(std::string_view text, std::string_view nick) {
  if (nick.empty()) return false;
  for (std::size_t at = 0; at + nick.size() <= text.size(); ++at) {
    bool equal = true;
    for (std::size_t k = 0; k < nick.size() && equal; ++k) {
      equal = ascii_lower(text[at + k]) == ascii_lower(nick[k]);
    }
    bool before = at > 0 && is_word_byte(text[at - 1]);
    bool after = at + nick.size() < text.size() && is_word_byte(text[at + nick.size()]);
    if (equal && before != is_word_byte(nick.front()) && after != is_word_byte(nick.back())) {
      return true;
    }
  }
  return false;
}

// Each action item's owners are the attendees (the people present, in nick
// order) that MeetBot's rule finds in its text.
inline void expect_owners_as_meetbot(const Meeting& meeting) {
  std::vector<std::string> attendees;
  for (const Attendee& a : meeting.people) attendees.push_back(a.nick);
  std::sort(attendees.begin(), attendees.end());
  for (const MinutesItem& item : meeting.items) {
    if (item.type != "ACTION") continue;
    std::vector<std::string> owners;
    for (const std::string& nick : attendees) {
      if (matches_whole_word(item.text, nick)) owners.push_back(nick);
    }
    expect(item.owners == owners, "an action's owners are the attendees MeetBot's rule finds");
  }
}

// The records of a meeting log as above, its minutes' items within the same
// bound, and its action items' owners as MeetBot finds them.
inline void expect_clean_log(const ParsedLog& log, std::size_t input_bytes) {
  expect_clean_records(log.records, input_bytes);
  expect_owners_as_meetbot(log.meeting);
  std::size_t text_bytes = 0;
  for (const MinutesItem& item : log.meeting.items)
    text_bytes += item.text.size() + item.nick.size();
  expect_linear(text_bytes, input_bytes);
}

// Minutes read from a file: every text they hold within the bound above.
inline void expect_linear_minutes(const Minutes& m, std::size_t input_bytes) {
  std::size_t text_bytes = 0;
  for (const MinutesItem& item : m.items) text_bytes += item.text.size() + item.nick.size();
  for (const auto& [nick, actions] : m.actions_by_person) {
    text_bytes += nick.size();
    for (const std::string& a : actions) text_bytes += a.size();
  }
  for (const std::string& a : m.unassigned.value_or(std::vector<std::string>{})) {
    text_bytes += a.size();
  }
  for (const Attendee& a : m.people) text_bytes += a.nick.size();
  expect_linear(text_bytes, input_bytes);
}

}  // namespace eavesearch::fuzz
