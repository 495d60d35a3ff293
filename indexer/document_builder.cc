#include "indexer/document_builder.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/facet_value.h"
#include "core/relevance.h"
#include "core/sort_key.h"
#include "core/terms.h"
#include "eavesearch/bots.h"
#include "eavesearch/record_codec.h"
#include "eavesearch/schema.h"
#include "eavesearch/text.h"
#include "eavesearch/time_util.h"

namespace eavesearch {
namespace {

std::string term(const Field& field, std::string_view value) {
  return std::string(field.prefix).append(value);
}

void add_boolean(Xapian::Document& doc, const Field& field, std::string_view value) {
  if (!value.empty()) doc.add_boolean_term(boolean_term(field.prefix, value));
}

void add_value(Xapian::Document& doc, const Field& field, const std::string& value) {
  if (!value.empty()) doc.add_value(static_cast<Xapian::valueno>(field.slot), value);
}

// Terms and values lines and meetings have: type, file, time. (A line has
// no id term: its record is found through its log document, and a unique
// term per line was a sixth of the index.) Dates are filtered by the time
// value, so no D/M/Y terms (Omega's).
void add_common(Xapian::Document& doc, std::string_view type, const std::string& id,
                const std::string& path, std::int64_t time) {
  add_boolean(doc, fields::kType, type);
  doc.add_boolean_term(file_term(path));
  add_value(doc, fields::kTime, Xapian::sortable_serialise(static_cast<double>(time)));
  add_value(doc, fields::kSortKey, sort_key(time, id));
}

// A document's weighed terms, each given its wdf once all are known: the
// count normalised by the document's length (core/relevance.h).
class WeighedTerms {
 public:
  void add(std::string term) { terms_.push_back(std::move(term)); }

  void add_to(Xapian::Document& doc) {
    auto length = static_cast<Xapian::termcount>(terms_.size());
    std::sort(terms_.begin(), terms_.end());
    for (auto run = terms_.begin(); run != terms_.end();) {
      auto end = std::find_if(run, terms_.end(), [&](const std::string& t) { return t != *run; });
      doc.add_term(*run, normalised_wdf(static_cast<Xapian::termcount>(end - run), length));
      run = end;
    }
  }

 private:
  std::vector<std::string> terms_;
};

}  // namespace

Xapian::Document build_record_document(const Record& r) {
  Xapian::Document doc;
  add_common(doc, kTypeRecord, r.id, r.path, r.time);
  std::string_view hidden = r.kind == "bot"         ? kHiddenBot
                            : is_event_kind(r.kind) ? kHiddenEvent
                                                    : std::string_view();
  // A hidden line's searchable terms are their twins (schema.h).
  auto searchable = [&](std::string t) { return hidden.empty() ? t : hidden_twin(t); };
  auto add_searchable = [&](const Field& field, std::string_view value) {
    if (!value.empty()) doc.add_boolean_term(searchable(boolean_term(field.prefix, value)));
  };
  if (!hidden.empty()) {
    doc.add_boolean_term(std::string(fields::kHidden.prefix));  // any hidden line: one posting list
    add_boolean(doc, fields::kHidden, hidden);
  }
  add_searchable(fields::kPerson, r.person);
  add_searchable(fields::kItem, r.item);
  add_boolean(doc, fields::kStatus, r.status);
  for (const std::string& owner : r.owners) add_searchable(fields::kOwner, owner);
  add_boolean(doc, fields::kMeeting, r.meeting);
  add_boolean(doc, fields::kChannel, r.channel);
  add_boolean(doc, fields::kKind, r.kind);
  CivilTime civil = to_civil(r.time);
  char month[8];
  std::snprintf(month, sizeof month, "%04d-%02d", civil.year, civil.month);
  add_value(doc, fields::kFacets, pack_facets({r.person, r.meeting, r.channel, r.kind, month}));
  add_value(doc, fields::kLog, log_key(std::string_view(r.id).substr(0, r.id.rfind('#'))));
  WeighedTerms weighed;
  Xapian::termpos pos = 0;
  auto add_words = [&](std::string_view text) {
    for_each_token(text, [&](const Token& t) {
      std::string word = searchable(t.term);
      doc.add_posting(word, ++pos, 0);
      weighed.add(std::move(word));
    });
  };
  add_words(r.text);
  // A vote's line reads "#endvote": its question is what it is found by.
  if (r.vote) {
    ++pos;  // no phrase across the line and its question
    add_words(r.vote->question);
  }
  for_each_token(r.topic,
                 [&](const Token& t) { weighed.add(searchable(term(fields::kTopic, t.term))); });
  weighed.add_to(doc);
  return doc;
}

Xapian::Document build_meeting_document(const Meeting& m) {
  Xapian::Document doc;
  doc.set_data(encode_meeting(m));
  add_boolean(doc, fields::kId, m.id);
  add_common(doc, kTypeMeeting, m.id, m.path, m.start);
  add_boolean(doc, fields::kType, meeting_series_type(m.name));
  add_boolean(doc, fields::kMeetingStem, std::string_view(m.id).substr(m.id.rfind('/') + 1));
  WeighedTerms weighed;
  for (const std::string& topic : meeting_topics(m)) {
    for_each_token(topic, [&](const Token& t) { weighed.add(term(fields::kTopic, t.term)); });
  }
  weighed.add_to(doc);
  return doc;
}

Xapian::Document build_log_document(std::string_view stem, unsigned number, const std::string& path,
                                    const std::vector<const Record*>& records) {
  Xapian::Document doc;
  doc.set_data(encode_log(records));
  add_boolean(doc, fields::kId, log_document_id(stem, number));
  add_boolean(doc, fields::kType, kTypeLog);
  doc.add_boolean_term(file_term(path));
  add_boolean(doc, fields::kLogKey, log_key_hex(log_key(stem)) + "/" + std::to_string(number));
  return doc;
}

}  // namespace eavesearch
