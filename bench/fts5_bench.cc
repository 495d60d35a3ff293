// Peer benchmark: the same records in SQLite FTS5, for comparison with
// eavesearch. `load` bulk-loads records.tsv into an FTS5 table and optimizes
// it; `query` runs the query classes of query_latency.cc as FTS5 queries.
// Both print JSON lines on stdout:
//   load:  {"engine":"fts5","load_seconds":..,"optimize_seconds":..,"rows":..,"db_bytes":..,
//           "pragmas":".."}
//   query: {"engine":"fts5","class":"..","hits":..,"p50_ms":..,"p99_ms":..}, one per class
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct DbClose {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalize {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbClose>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalize>;

void check(sqlite3* db, int rc, std::string_view what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

Db open_db(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) {
    throw std::runtime_error(path + ": " + (raw ? sqlite3_errmsg(raw) : "cannot open"));
  }
  return db;
}

void exec(sqlite3* db, const char* sql) {
  check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql);
}

Stmt prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  check(db, sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr), sql);
  return Stmt(raw);
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// ---- load -----------------------------------------------------------------

constexpr int kColumns = 9;  // id time person speaker meeting channel kind item text
constexpr const char* kPragmas = "journal_mode=OFF synchronous=OFF";

// Splits `line` at tabs into exactly kColumns fields; false if the count differs.
bool split_tsv(std::string_view line, std::vector<std::string_view>& out) {
  out.clear();
  for (std::size_t start = 0;;) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
    if (out.size() > kColumns) return false;
  }
  return out.size() == kColumns;
}

int load(const std::string& tsv_path, const std::string& db_path) {
  std::ifstream in(tsv_path);
  if (!in) throw std::runtime_error(tsv_path + ": cannot open");
  std::filesystem::remove(db_path);  // always a fresh database

  auto started = Clock::now();
  Db db = open_db(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  exec(db.get(), "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
  exec(db.get(),
       "CREATE VIRTUAL TABLE records USING fts5(id UNINDEXED, time UNINDEXED, person, speaker, "
       "meeting, channel, kind, item, text, tokenize='porter unicode61')");
  exec(db.get(), "BEGIN");
  Stmt insert = prepare(db.get(), "INSERT INTO records VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)");
  std::string line;
  std::vector<std::string_view> f;
  long rows = 0;
  for (long lineno = 1; std::getline(in, line); ++lineno) {
    if (!split_tsv(line, f)) {
      throw std::runtime_error(tsv_path + ":" + std::to_string(lineno) + ": expected " +
                               std::to_string(kColumns) + " tab-separated fields");
    }
    std::int64_t time = 0;
    auto [end, ec] = std::from_chars(f[1].data(), f[1].data() + f[1].size(), time);
    if (ec != std::errc() || end != f[1].data() + f[1].size()) {
      throw std::runtime_error(tsv_path + ":" + std::to_string(lineno) + ": bad time");
    }
    sqlite3_stmt* s = insert.get();
    for (int i = 0; i < kColumns; ++i) {
      if (i == 1) {  // time: an integer, so BETWEEN compares numbers
        sqlite3_bind_int64(s, 2, time);
      } else {
        sqlite3_bind_text(s, i + 1, f[i].data(), static_cast<int>(f[i].size()), SQLITE_STATIC);
      }
    }
    check(db.get(), sqlite3_step(s), "insert");
    sqlite3_reset(s);
    ++rows;
  }
  insert.reset();
  exec(db.get(), "COMMIT");
  double load_seconds = seconds_since(started);

  started = Clock::now();
  exec(db.get(), "INSERT INTO records(records) VALUES('optimize')");
  double optimize_seconds = seconds_since(started);
  db.reset();

  std::printf(
      "{\"engine\":\"fts5\",\"load_seconds\":%.3f,\"optimize_seconds\":%.3f,\"rows\":%ld,"
      "\"db_bytes\":%ju,\"pragmas\":\"%s\"}\n",
      load_seconds, optimize_seconds, rows,
      static_cast<std::uintmax_t>(std::filesystem::file_size(db_path)), kPragmas);
  return 0;
}

// ---- query ----------------------------------------------------------------

struct QueryClass {
  const char* name;   // plain ASCII, joined with query_latency.cc's class names
  const char* match;  // FTS5 MATCH expression, bound as ?1
  bool date_range = false;
  bool facets = false;
};

std::int64_t epoch(std::chrono::sys_seconds t) { return t.time_since_epoch().count(); }

// is:agreed date:2016..2020 covers 2016-01-01T00:00:00Z .. 2020-12-31T23:59:59Z.
const std::int64_t kFrom = epoch(std::chrono::sys_days{std::chrono::year{2016} / 1 / 1});
const std::int64_t kTo = epoch(std::chrono::sys_days{std::chrono::year{2021} / 1 / 1}) - 1;

const char* const kFacetExprs[] = {
    "person",
    "meeting",
    "channel",
    "strftime('%Y', time, 'unixepoch')",
    "strftime('%Y%m', time, 'unixepoch')",  // eavesearch's month facet is YYYYMM
    "kind",
};

// Prepares `sql`, binds the MATCH string (and the date range), steps through all rows.
// Returns the first column of the first row as an integer (used for count(*)).
std::int64_t run(sqlite3* db, const std::string& sql, const QueryClass& c) {
  Stmt s = prepare(db, sql);
  sqlite3_bind_text(s.get(), 1, c.match, -1, SQLITE_STATIC);
  if (c.date_range) {
    sqlite3_bind_int64(s.get(), 2, kFrom);
    sqlite3_bind_int64(s.get(), 3, kTo);
  }
  std::int64_t first = 0;
  int rc;
  for (bool at_first = true; (rc = sqlite3_step(s.get())) == SQLITE_ROW; at_first = false) {
    if (at_first) first = sqlite3_column_int64(s.get(), 0);
    for (int i = 0, n = sqlite3_column_count(s.get()); i < n; ++i) {
      sqlite3_column_text(s.get(), i);  // materialise every column, as a result page would
    }
  }
  check(db, rc, sql);
  return first;
}

// Nearest-rank percentile: the smallest value with at least p of the samples at or below it.
double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

int query(const std::string& db_path, int rounds) {
  const std::vector<QueryClass> classes = {
      {"rare word", "text:rootwrap"},
      {"common word", "text:review"},
      {"two words (AND)", "text:privsep AND text:migration"},
      {"phrase", "text:\"ubuntu 20 04\""},  // unicode61 splits 20.04 into 20, 04
      {"from: + word", "person:gmann AND text:release"},
      {"is:agreed + date range", "item:agreed", true},
      {"facets (6 fields)", "text:upgrade", false, true},
      {"wildcard", "text:priv*"},
  };
  Db db = open_db(db_path, SQLITE_OPEN_READONLY);
  for (const QueryClass& c : classes) {
    std::string where = "records MATCH ?1";
    if (c.date_range) where += " AND time BETWEEN ?2 AND ?3";
    std::vector<std::string> sqls = {
        "SELECT id, time, speaker, meeting, channel, text FROM records WHERE " + where +
        " ORDER BY rank LIMIT 20"};
    if (c.facets) {
      for (const char* expr : kFacetExprs) {
        sqls.push_back(std::string("SELECT ") + expr + ", count(*) FROM records WHERE " + where +
                       " GROUP BY 1 ORDER BY 2 DESC LIMIT 20");
      }
    }
    std::int64_t hits = run(db.get(), "SELECT count(*) FROM records WHERE " + where, c);
    std::vector<double> ms;
    for (int r = 0; r < rounds; ++r) {
      auto started = Clock::now();
      for (const std::string& sql : sqls) run(db.get(), sql, c);
      ms.push_back(seconds_since(started) * 1000.0);
    }
    std::printf(
        "{\"engine\":\"fts5\",\"class\":\"%s\",\"hits\":%jd,\"p50_ms\":%.3f,\"p99_ms\":%.3f}\n",
        c.name, static_cast<std::intmax_t>(hits), percentile(ms, 0.50), percentile(ms, 0.99));
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"SQLite FTS5 peer benchmark for eavesearch"};
  app.require_subcommand(1);
  std::string tsv, db;
  int rounds = 200;
  CLI::App* load_cmd = app.add_subcommand("load", "bulk-load records.tsv into an FTS5 table");
  load_cmd->add_option("--tsv", tsv, "records.tsv")->required();
  load_cmd->add_option("--db", db, "SQLite file to create (replaced if it exists)")->required();
  CLI::App* query_cmd = app.add_subcommand("query", "time the query classes");
  query_cmd->add_option("--db", db, "SQLite file made by `load`")->required();
  query_cmd->add_option("--rounds", rounds, "runs of each query class")
      ->check(CLI::Range(1, 100000));
  CLI11_PARSE(app, argc, argv);
  return load_cmd->parsed() ? load(tsv, db) : query(db, rounds);
} catch (const std::exception& e) {
  std::cerr << "eavesearch-bench-fts5: " << e.what() << "\n";
  return 4;
}
