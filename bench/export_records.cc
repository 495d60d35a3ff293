// The records of an eavesearch database, flattened for the benchmark's peers
// (SQLite FTS5 and Omega's scriptindex), so that they load the very records
// eavesearch indexed: DIR/records.tsv and DIR/records.scriptindex (formats in
// bench/README.md). Its time is reported apart, not charged to the peers.
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <iostream>

#include "eavesearch/record_codec.h"
#include "eavesearch/schema.h"

namespace {

// Tabs and newlines would break the TSV; the peers see spaces.
std::string flat(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"flatten an eavesearch database's records for the benchmark's peers"};
  std::string db, out;
  app.add_option("--db", db, "database directory")->required();
  app.add_option("--out", out, "output directory")->required();
  CLI11_PARSE(app, argc, argv);
  auto started = std::chrono::steady_clock::now();
  Xapian::Database database(db);
  std::ofstream tsv(out + "/records.tsv", std::ios::binary);
  std::ofstream omega(out + "/records.scriptindex", std::ios::binary);
  // Every record is in its log's document.
  std::string type = std::string(eavesearch::fields::kType.prefix).append(eavesearch::kTypeLog);
  long rows = 0;
  for (auto p = database.postlist_begin(type); p != database.postlist_end(type); ++p) {
    auto records = eavesearch::decode_log(database.get_document(*p).get_data());
    if (!records) continue;
    for (const eavesearch::Record& r : *records) {
      std::string fields[] = {r.id,      std::to_string(r.time),
                              r.person,  r.speaker.value_or(""),
                              r.meeting, r.channel,
                              r.kind,    r.item,
                              r.text};
      static const char* kNames[] = {"id",      "time", "person", "speaker", "meeting",
                                     "channel", "kind", "item",   "text"};
      for (std::size_t k = 0; k < std::size(fields); ++k) {
        std::string v = flat(fields[k]);
        tsv << v << (k + 1 < std::size(fields) ? '\t' : '\n');
        omega << kNames[k] << '=' << v << '\n';
      }
      omega << '\n';
      ++rows;
    }
  }
  if (!tsv.flush() || !omega.flush()) {
    std::cerr << "cannot write to " << out << "\n";
    return 4;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "{\"engine\":\"export\",\"rows\":" << rows << ",\"seconds\":" << seconds << "}\n";
  return 0;
} catch (const Xapian::Error& e) {
  std::cerr << e.get_description() << "\n";
  return 4;
}
