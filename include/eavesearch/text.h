// Text normalisation shared by the indexer, the query parser and snippets, so
// that all three see the same words. Thread-safe; no state.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace eavesearch {

// A word of a text: where it is (bytes into the text given) and its indexed
// form (NFKC, case-folded, then stemmed in English).
struct Token {
  std::size_t offset;
  std::size_t length;
  std::string term;
};

// Calls `emit` for every word of `text` (UTF-8; invalid bytes are treated as
// separators). Words are runs of letters, marks and digits; an apostrophe
// between letters and a `.` or `,` between digits stay inside the word
// ("don't", "20.04"); `_` joins too ("nova_compute"). Words longer than
// kMaxWordBytes bytes, as written or once folded, are skipped.
void for_each_token(std::string_view text, const std::function<void(const Token&)>& emit);

inline constexpr std::size_t kMaxWordBytes = 64;

// The indexed form of one word as typed by a user (fold + stem). Empty if the
// word has no letters or digits.
std::string index_term(std::string_view word);

// NFKC case-folded form of `text` (ICU nfkc_cf); ASCII is only lowercased.
std::string fold(std::string_view text);

// `s` with A-Z lowercased, every other byte as it is (nicks, commands).
std::string ascii_lower(std::string_view s);

// The most text a line of a log gives. IRC lines are 512 bytes: a longer
// one is a paste or a broken file, and is cut to this.
inline constexpr std::size_t kMaxLineBytes = 4096;

// `line` made valid UTF-8: each line that is not valid UTF-8 is decoded as
// cp1252 instead (as irclog2html does); mIRC formatting codes and C0 controls
// are removed, except TAB, and CR and LF, which become spaces. At most
// kMaxLineBytes long: a longer line is cut on a character boundary (only
// its first kMaxLineBytes bytes are read), and `cut`, when given, says so.
std::string clean_line(std::string_view line, bool* cut = nullptr);

// `text` with each byte that is not part of valid UTF-8 written "%XX" (hex,
// capitals), as a URL writes it: a file name in Latin-1 becomes UTF-8 text
// that names the same file on a web server. Valid UTF-8 is returned as is.
std::string percent_encode_invalid_utf8(std::string_view text);

// The longest start of UTF-8 `text` of at most `max` bytes that ends on a
// character boundary.
std::string_view utf8_prefix(std::string_view text, std::size_t max);

// HTML-escapes & < > " '.
std::string html_escape(std::string_view text);

}  // namespace eavesearch
