#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/serve_options.h"

namespace eavesearch {
namespace {

// eavesearch-serve beside this program (the one /proc/self/exe names).
std::filesystem::path serve_program() {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return (ec ? std::filesystem::path() : self.parent_path()) / "eavesearch-serve";
}

}  // namespace

Command add_serve_command(CLI::App& app) {
  auto config = std::make_shared<ServerConfig>();
  CLI::App* cmd = app.add_subcommand("serve", "serve the JSON API and the search page");
  add_serve_options(*cmd, *config);
  return {cmd, [config] {
            // The server is a program of its own (cli/serve_options.h); it
            // takes this process's place, so signals and the exit status
            // are its own.
            std::string program = serve_program().string();
            std::vector<std::string> args = serve_arguments(*config);
            args.insert(args.begin(), program);
            std::vector<char*> argv;
            for (std::string& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(program.c_str(), argv.data());
            std::cerr << "eavesearch: cannot start " << program << " (" << std::strerror(errno)
                      << "): eavesearch-serve is installed beside eavesearch\n";
            return kExitFailure;
          }};
}

}  // namespace eavesearch
