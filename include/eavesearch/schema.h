// The index schema: every field named once (DESIGN.md 3), read by the indexer,
// the query parser and `show`. Prefixes follow Xapian Omega's conventions
// (termprefixes.html) where one exists.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace eavesearch {

inline constexpr int kNoSlot = -1;

struct Field {
  std::string_view name;    // name in JSON, facets and documentation
  std::string_view prefix;  // Xapian term prefix; "" when the field has no terms
  int slot;                 // value slot; kNoSlot when none
  // Names of the field in the query language ("from:"), without the colon.
  std::array<std::string_view, 2> query_names;
};

namespace fields {
// Terms: boolean filters unless said otherwise.
inline constexpr Field kId{"id", "Q", kNoSlot, {}};  // meetings and log documents only
inline constexpr Field kPerson{"person", "A", kNoSlot, {"from", "speaker"}};
inline constexpr Field kMeeting{"meeting", "XM", kNoSlot, {"meeting"}};
inline constexpr Field kChannel{"channel", "XC", kNoSlot, {"channel", "in"}};
inline constexpr Field kKind{"kind", "XK", kNoSlot, {"kind"}};
inline constexpr Field kItem{"item", "XI", kNoSlot, {"is"}};
inline constexpr Field kOwner{"owner", "XO", kNoSlot, {"owner"}};
inline constexpr Field kTopic{"topic", "XT", kNoSlot, {"topic"}};  // probabilistic words
// An action item's ledger status (Record::status): is:open, is:carried, is:done.
inline constexpr Field kStatus{"status", "XS", kNoSlot, {}};
inline constexpr Field kType{"type", "XY", kNoSlot, {}};
// Lines left out unless asked for (bots.h): "XH" and "XHbot" on a bot's line,
// "XH" and "XHevent" on a channel event.
inline constexpr Field kHidden{"hidden", "XH", kNoSlot, {}};
// A hidden line's searchable terms (its words, topic words, person, item
// and owners) are their twins, the term behind this prefix ("XWprivsep",
// "XWAopenstack"): the posting lists a query of words or people reads hold
// shown lines only, so that leaving hidden lines out costs those queries
// nothing, and a person's count (completion) is of what they said. Its
// kind, meeting, channel and time are as on any line.
inline constexpr Field kHiddenTwin{"hidden_twin", "XW", kNoSlot, {}};
// A meeting document's log stem, its id's last part ("tc.2020-05-14-15.07"):
// with its series, what /meetings/{meeting}/{stem} finds it by, wherever
// its log lies (a mirror's "Nova-API" folder, a flattened log).
inline constexpr Field kMeetingStem{"stem", "XZ", kNoSlot, {}};  // "record" or "meeting"
inline constexpr Field kFile{"file", "XF", kNoSlot, {}};         // hash of the path (file_term)
// A log document's log_key in hex (core/sort_key.h), "/", its number: where a
// line's record is found from the line's values.
inline constexpr Field kLogKey{"logkey", "XL", kNoSlot, {}};
// Values only.
// A record's person, meeting, channel, kind and month, packed
// (core/facet_value.h): every facet is counted from it.
inline constexpr Field kFacets{"facets", "", 2, {}};
inline constexpr Field kMonth{"month", "", kNoSlot, {}};  // "YYYY-MM", in kFacets
inline constexpr Field kYear{"year", "", kNoSlot, {}};    // the month's year
inline constexpr Field kTime{"time", "", 0, {"date"}};    // sortable_serialise(epoch seconds)
// Time, then log, then line (core/sort_key.h): ties never broken by docid,
// so that order does not depend on the shard layout.
inline constexpr Field kSortKey{"sortkey", "", 1, {}};
inline constexpr Field kLog{"log", "", 10, {}};  // log_key of the stem: one hit per log

}  // namespace fields

inline constexpr std::array kAllFields = {
    fields::kId,     fields::kPerson, fields::kMeeting,    fields::kChannel,     fields::kKind,
    fields::kItem,   fields::kOwner,  fields::kTopic,      fields::kType,        fields::kFile,
    fields::kFacets, fields::kMonth,  fields::kYear,       fields::kTime,        fields::kSortKey,
    fields::kLog,    fields::kHidden, fields::kHiddenTwin, fields::kMeetingStem, fields::kStatus,
};

// The values of kStatus, which the query language reads after is:.
inline bool is_action_status(std::string_view v) {
  return v == "open" || v == "carried" || v == "done";
}

// The twin of a hidden line's searchable `term` (kHiddenTwin).
inline std::string hidden_twin(std::string_view term) {
  return std::string(fields::kHiddenTwin.prefix).append(term);
}
// Why a line is hidden (kHidden's value): "bot", "event", or "" for none.
inline constexpr std::string_view kHiddenBot = "bot";
inline constexpr std::string_view kHiddenEvent = "event";

// The shape of documents, in each database's metadata under kSchemaKey: a
// database made by an eavesearch whose documents differ is not added to
// (index --rebuild makes it anew). Changes with any change to the terms,
// values or data documents get.
inline constexpr std::string_view kSchemaKey = "eavesearch:schema";
inline constexpr std::string_view kSchemaVersion = "12";

inline constexpr std::string_view kTypeRecord = "record";
inline constexpr std::string_view kTypeMeeting = "meeting";
// The records of a log's lines, kLinesPerLogDocument line numbers to a
// document (record_codec.h): line documents have no data of their own.
inline constexpr std::string_view kTypeLog = "log";
inline constexpr unsigned kLinesPerLogDocument = 32;
inline unsigned log_document_of_line(unsigned line) { return line / kLinesPerLogDocument; }
// The id (Q term) of a log document: "log:meetings/tc/2020/tc.2020-05-14-15.07/3".
inline std::string log_document_id(std::string_view stem, unsigned number) {
  return std::string(kTypeLog).append(":").append(stem).append("/").append(std::to_string(number));
}
// A meeting document's series is a type term, "meeting/<name>", not a
// meeting: term, so that field terms count lines only (suggest, facets).
inline std::string meeting_series_type(std::string_view name) {
  return std::string(kTypeMeeting).append("/").append(name);
}

// The field a query-language name ("from", "in", ...) refers to; nullopt if none.
// Case-insensitive.
std::optional<Field> field_by_query_name(std::string_view name);

}  // namespace eavesearch
