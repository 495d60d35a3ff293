// Private to cli/: one add_*_command per subcommand. Each registers its flags
// on `app` and returns the function that runs it and returns the exit status.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "eavesearch/result.h"

namespace eavesearch {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 4;
inline constexpr int kExitNotFound = 5;  // what was asked for is not there: no hit, no such id

struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command add_index_command(CLI::App& app);
Command add_search_command(CLI::App& app);
Command add_serve_command(CLI::App& app);
Command add_stats_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_show_command(CLI::App& app);

// Prints "eavesearch: <message>" on stderr; returns the error's exit status.
int report_error(const Error& error);

// A CLI11 check of a whole number from `low` to `high`, saying so plainly:
// "0 is not a number from 1 to 100".
CLI::Validator whole_number_in(long low, long high);

}  // namespace eavesearch
