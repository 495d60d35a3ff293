// Test helpers: everything a database holds for its documents, by id, so two
// databases can be compared ("the incremental index equals a clean build"),
// and the live generation of a database directory.
#pragma once

#include <xapian.h>

#include <fstream>
#include <map>
#include <string>

#include "eavesearch/schema.h"

namespace eavesearch::testing {

struct DocumentDump {
  std::string data;
  std::map<unsigned, std::string> values;
  std::map<std::string, unsigned> terms;  // term -> wdf
  friend bool operator==(const DocumentDump&, const DocumentDump&) = default;
};

// Every document by its id (its Q term; a line, which has none, by its
// sort key: time, log and line) -> the document. Docids are not compared:
// they differ. Read from the postings and value streams, not the
// documents' termlists, which a shard may not have (DESIGN.md 9).
inline std::map<std::string, DocumentDump> dump_index(const std::string& db_dir) {
  constexpr Xapian::valueno kSlots = 32;  // past every slot schema.h uses
  Xapian::Database db(db_dir);
  std::map<Xapian::docid, DocumentDump> by_docid;
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p)
    by_docid[*p].data = db.get_document(*p).get_data();
  for (Xapian::valueno slot = 0; slot < kSlots; ++slot) {
    for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v)
      by_docid[v.get_docid()].values[slot] = *v;
  }
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p)
      by_docid[*p].terms[*t] = p.get_wdf();
  }
  std::map<std::string, DocumentDump> out;
  for (auto& [docid, d] : by_docid) {
    std::string id;
    for (const auto& [term, wdf] : d.terms) {
      if (term.starts_with("Q")) id = term.substr(1);
    }
    if (id.empty()) {
      static constexpr char kHex[] = "0123456789abcdef";
      id = "line:";
      for (unsigned char c : d.values[fields::kSortKey.slot])
        id.append({kHex[c >> 4], kHex[c & 0xf]});
    }
    out[id] = std::move(d);
  }
  return out;
}

// The first difference between two dumps, readable; "" when they are equal.
inline std::string first_difference(const std::map<std::string, DocumentDump>& got,
                                    const std::map<std::string, DocumentDump>& want) {
  for (const auto& [id, doc] : want) {
    auto it = got.find(id);
    if (it == got.end()) return "missing " + id;
    if (it->second.data != doc.data) return "other data for " + id;
    if (it->second.values != doc.values) return "other values for " + id;
    if (it->second.terms != doc.terms) return "other terms for " + id;
  }
  for (const auto& [id, doc] : got) {
    if (!want.count(id)) return "extra " + id;
  }
  return "";
}

// The generation DIR/XAPIANDB names ("gen-2", of "auto gen-2/2020" lines
// too); "" without a stub.
inline std::string live_generation(const std::string& db_dir) {
  std::ifstream in(db_dir + "/XAPIANDB");
  std::string backend, generation;
  in >> backend >> generation;
  return generation.substr(0, generation.find('/'));
}

}  // namespace eavesearch::testing
