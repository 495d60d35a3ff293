// Private to server/: Atom 1.0 documents (RFC 4287) for the feeds of
// DESIGN.md 5. Pure: a feed in, XML text out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eavesearch {

struct AtomEntry {
  std::string id;            // an IRI that never changes: the line's permalink
  std::string title;         // plain text
  std::string link;          // rel="alternate"; none when empty
  std::string author;        // plain text; "unknown" when empty
  std::string category;      // a term (the line's item or kind); none when empty
  std::string content;       // plain text (type="text")
  std::int64_t updated = 0;  // seconds since the epoch, UTC
};

struct AtomFeed {
  std::string id;         // an IRI naming the feed (the same request, the same id)
  std::string title;      // plain text
  std::string self;       // rel="self": the feed's own URI reference
  std::string alternate;  // rel="alternate": the page showing the same; none when empty
  std::int64_t updated = 0;
  std::vector<AtomEntry> entries;  // in the order given (newest first)
};

inline constexpr const char* kAtom = "application/atom+xml; charset=utf-8";

// The feed as an XML document, UTF-8. Every string is escaped (& < > " '),
// invalid UTF-8 and characters XML 1.0 forbids (control codes, U+FFFE,
// U+FFFF) become U+FFFD: log text can never become markup.
std::string atom_xml(const AtomFeed& feed);

// `s` as XML character data or an attribute value, escaped as above.
std::string xml_escaped(std::string_view s);

// RFC 3339 in UTC, as Atom's dates are written: 2020-05-14T15:07:53Z.
std::string atom_date(std::int64_t epoch);

}  // namespace eavesearch
