// Private to fuzz/: what the fuzz targets share. How an input names an
// archive file, and the checks of the contracts every reader keeps; a broken
// contract aborts, and libFuzzer keeps the input as a crash.
#pragma once

#include <unicode/utf8.h>

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

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// An input of a file reader: its first line is the file's archive-relative
// path (a name is as untrusted as the content, and gives the date, channel
// and meeting), the rest its content. fuzz/run.sh makes seeds of this form.
struct ArchiveFile {
  std::string_view rel_path;
  std::string_view content;
};

inline ArchiveFile archive_file(std::string_view input) {
  std::size_t nl = input.find('\n');
  if (nl == std::string_view::npos) return {input, {}};
  return {input.substr(0, nl), input.substr(nl + 1)};
}

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
// include/eavesearch/parser.h), and its id names its line.
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

// The records of a meeting log as above, and its minutes' items within the
// same bound.
inline void expect_clean_log(const ParsedLog& log, std::size_t input_bytes) {
  expect_clean_records(log.records, input_bytes);
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
