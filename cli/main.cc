// The `eavesearch` command (DESIGN.md 1a).
#include <CLI/CLI.hpp>
#include <iostream>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) try {
  CLI::App app{"eavesearch: search OpenStack's IRC meeting archives"};
  app.require_subcommand(1);
  std::vector<eavesearch::Command> commands = {
      eavesearch::add_index_command(app), eavesearch::add_search_command(app),
      eavesearch::add_serve_command(app), eavesearch::add_stats_command(app),
      eavesearch::add_check_command(app), eavesearch::add_show_command(app),
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? eavesearch::kExitOk : eavesearch::kExitUsage;
  }
  for (const auto& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return eavesearch::kExitUsage;
} catch (const std::exception& e) {
  std::cerr << "eavesearch: internal error: " << e.what() << "\n";
  return eavesearch::kExitFailure;
}
