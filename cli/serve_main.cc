// The `eavesearch-serve` program: what `eavesearch serve` runs (it takes
// the same flags; cli/serve_options.h says why it is a program of its own).
#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <iostream>

#include "cli/commands.h"
#include "cli/serve_options.h"

namespace {

// The one piece of state a signal handler may touch.
std::atomic<bool> g_stop_requested = false;

void request_stop(int) { g_stop_requested = true; }

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"eavesearch-serve: the JSON API and the search page (run by eavesearch serve)"};
  eavesearch::ServerConfig config;
  eavesearch::add_serve_options(app, config);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "eavesearch: " << e.what() << "\n";
    return eavesearch::kExitUsage;
  }
  std::signal(SIGTERM, request_stop);
  std::signal(SIGINT, request_stop);
  auto status = eavesearch::run_server(config, g_stop_requested, [&](int port) {
    std::cout << "eavesearch: serving " << config.db_dir << " on http://" << config.host << ":"
              << port << "/" << std::endl;
  });
  if (!status) return eavesearch::report_error(status.error());
  return eavesearch::kExitOk;
} catch (const std::exception& e) {
  std::cerr << "eavesearch: internal error: " << e.what() << "\n";
  return eavesearch::kExitFailure;
}
