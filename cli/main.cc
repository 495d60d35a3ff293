// The `eavesearch` command (DESIGN.md 1a).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

// "index, search, serve, stats, check, show".
std::string command_names(const std::vector<eavesearch::Command>& commands) {
  std::string out;
  for (const auto& c : commands) out += (out.empty() ? "" : ", ") + c.app->get_name();
  return out;
}

// `search ARGS` with the words of the query after a "--", so that a word
// starting with "-" (`-meeting:nova`, `-privsep`) is a word of the query
// and not an option; "--" and what follows it stay as typed. A "--word"
// that is no option of search stays an option (CLI11 names it unknown).
std::vector<std::string> search_words_last(const CLI::App& search,
                                           const std::vector<std::string>& args) {
  std::vector<std::string> options = {args[0]}, words;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {
      words.insert(words.end(), args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    }
    const CLI::Option* option =
        a.starts_with("-") ? search.get_option_no_throw(a.substr(0, a.find('='))) : nullptr;
    if (!option && !a.starts_with("--")) {
      words.push_back(a);
      continue;
    }
    options.push_back(a);
    bool takes_value = option && option->get_expected_min() > 0 && a.find('=') == std::string::npos;
    if (takes_value && i + 1 < args.size()) options.push_back(args[++i]);
  }
  if (!words.empty()) options.push_back("--");
  options.insert(options.end(), words.begin(), words.end());
  return options;
}

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"eavesearch: search OpenStack's IRC meeting archives"};
  app.set_version_flag("--version", "eavesearch " EAVESEARCH_VERSION);
  app.require_subcommand(1);
  std::vector<eavesearch::Command> commands = {
      eavesearch::add_index_command(app), eavesearch::add_search_command(app),
      eavesearch::add_serve_command(app), eavesearch::add_stats_command(app),
      eavesearch::add_check_command(app), eavesearch::add_show_command(app),
  };
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && !args[0].starts_with("-")) {
    bool known = false;
    for (const auto& c : commands) known = known || c.app->get_name() == args[0];
    if (!known) {
      std::cerr << "eavesearch: unknown command '" << args[0]
                << "' (commands: " << command_names(commands)
                << "; eavesearch --help tells more)\n";
      return eavesearch::kExitUsage;
    }
  }
  if (!args.empty() && args[0] == "search")
    args = search_words_last(*app.get_subcommand("search"), args);
  try {
    std::reverse(args.begin(), args.end());  // CLI11 reads a vector from its back
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::RequiredError& e) {
    std::cerr << "eavesearch: "
              << (argc == 1 ? "a command is required (" + command_names(commands) + ")" : e.what())
              << "\n";
    return eavesearch::kExitUsage;
  } catch (const CLI::ParseError& e) {
    std::cerr << "eavesearch: " << e.what() << "\n";
    return eavesearch::kExitUsage;
  }
  for (const auto& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return eavesearch::kExitUsage;
} catch (const std::exception& e) {
  std::cerr << "eavesearch: internal error: " << e.what() << "\n";
  return eavesearch::kExitFailure;
}
