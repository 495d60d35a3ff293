#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "eavesearch/searcher.h"
#include "eavesearch/time_util.h"
#include "server/json_output.h"

namespace eavesearch {
namespace {

// 1234567 -> "1,234,567".
std::string grouped(long n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

// "812 KB", "45.1 MB", "1.2 GB".
std::string size_words(std::uint64_t bytes) {
  const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes);
  int u = 0;
  while (v >= 1000 && u < 4) {
    v /= 1000;
    ++u;
  }
  char out[32];
  std::snprintf(out, sizeof out, u == 0 || v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
  return out;
}

// "2020-05-14 15:07 UTC".
std::string minute_words(std::int64_t t) {
  std::string iso = format_iso(t);  // 2020-05-14T15:07:53Z
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

// "3 hours ago", "2 days ago".
std::string age_words(std::int64_t seconds) {
  auto plural = [](std::int64_t n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s") + " ago";
  };
  if (seconds < 120) return "just now";
  if (seconds < 2 * 3600) return plural(seconds / 60, "minute");
  if (seconds < 2 * kSecondsPerDay) return plural(seconds / 3600, "hour");
  return plural(seconds / kSecondsPerDay, "day");
}

// "2020", "2019-2020": the years of a shard's lines.
std::string years_of(const ShardStats& s) {
  if (!s.first) return "no lines";
  std::string from = format_iso(*s.first).substr(0, 4), to = format_iso(*s.last).substr(0, 4);
  return from == to ? "lines of " + from : "lines of " + from + "-" + to;
}

void print_words(const DatabaseStats& st, const std::string& db_dir) {
  std::cout << db_dir << ": " << grouped(st.records) << (st.records == 1 ? " line" : " lines")
            << " in " << grouped(st.meetings) << (st.meetings == 1 ? " meeting" : " meetings")
            << " and channel logs\n";
  if (!st.by_kind.empty()) {
    std::cout << "  by kind:";
    const char* sep = " ";
    for (const auto& [kind, n] : st.by_kind) {
      std::cout << sep << kind << " " << grouped(n);
      sep = ", ";
    }
    std::cout << "\n";
  }
  std::cout << "  logs up to " << (st.logs_until ? minute_words(*st.logs_until) : "(none)") << "\n";
  if (st.last_commit > 0) {
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    std::cout << "  last changed by a run " << minute_words(st.last_commit) << " ("
              << age_words(now - st.last_commit) << ")\n";
  }
  std::cout << "  " << size_words(st.bytes) << " on disk in " << st.shards.size()
            << (st.shards.size() == 1 ? " shard" : " shards");
  if (st.databases > static_cast<int>(st.shards.size())) {
    std::cout << " (and " << st.databases - static_cast<int>(st.shards.size()) << " remote)";
  }
  std::cout << ":\n";
  for (const ShardStats& s : st.shards) {
    std::cout << "    " << s.name << ": " << years_of(s) << ", " << grouped(s.documents)
              << (s.documents == 1 ? " document, " : " documents, ") << size_words(s.bytes) << "\n";
  }
}

nlohmann::json stats_json(const DatabaseStats& st) {
  nlohmann::json kinds = nlohmann::json::object();
  for (const auto& [kind, n] : st.by_kind) kinds[kind] = n;
  nlohmann::json shards = nlohmann::json::array();
  for (const ShardStats& s : st.shards) {
    shards.push_back({{"name", s.name},
                      {"documents", s.documents},
                      {"first", s.first ? nlohmann::json(format_iso(*s.first)) : nlohmann::json()},
                      {"last", s.last ? nlohmann::json(format_iso(*s.last)) : nlohmann::json()},
                      {"bytes", s.bytes}});
  }
  return {
      {"records", st.records},
      {"meetings", st.meetings},
      {"documents", st.documents},
      {"by_kind", kinds},
      {"logs_until", st.logs_until ? nlohmann::json(format_iso(*st.logs_until)) : nlohmann::json()},
      {"last_commit",
       st.last_commit > 0 ? nlohmann::json(format_iso(st.last_commit)) : nlohmann::json()},
      {"databases", st.databases},
      {"shards", shards},
      {"bytes", st.bytes}};
}

}  // namespace

Command add_stats_command(CLI::App& app) {
  struct Args {
    std::string db_dir;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd =
      app.add_subcommand("stats", "what a database holds: lines by kind, shards, sizes");
  cmd->add_option("--db", args->db_dir, "database directory")->required();
  cmd->add_flag("--json", args->json, "print JSON");
  return {cmd, [args] {
            auto stats = database_stats(args->db_dir);
            if (!stats) return report_error(stats.error());
            if (args->json) {
              std::cout << dump_json(stats_json(*stats), 2) << "\n";
            } else {
              print_words(*stats, args->db_dir);
            }
            return kExitOk;
          }};
}

}  // namespace eavesearch
