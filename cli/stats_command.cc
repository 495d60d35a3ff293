#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "eavesearch/searcher.h"
#include "server/json_output.h"

namespace eavesearch {

Command add_stats_command(CLI::App& app) {
  struct Args {
    std::string db_dir;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("stats", "count documents by type");
  cmd->add_option("--db", args->db_dir, "database directory")->required();
  cmd->add_flag("--json", args->json, "print JSON");
  return {cmd, [args] {
            auto stats = database_stats(args->db_dir);
            if (!stats) return report_error(stats.error());
            if (args->json) {
              nlohmann::json j = nlohmann::json::object();
              for (const auto& [name, count] : *stats) j[name] = count;
              std::cout << dump_json(j) << "\n";
            } else {
              for (const auto& [name, count] : *stats) std::cout << name << ": " << count << "\n";
            }
            return kExitOk;
          }};
}

}  // namespace eavesearch
