#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

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

// The flags given to `cmd`, as they were given: --db X --port 8080 ...
std::vector<std::string> given_flags(const CLI::App& cmd) {
  std::vector<std::string> out;
  for (const CLI::Option* option : cmd.get_options()) {
    for (const std::string& value : option->results()) {
      out.push_back(option->get_name());
      out.push_back(value);
    }
  }
  return out;
}

}  // namespace

Command add_serve_command(CLI::App& app) {
  auto config = std::make_shared<ServerConfig>();
  CLI::App* cmd = app.add_subcommand("serve", "serve the JSON API and the search page");
  add_serve_options(*cmd, *config);
  return {cmd, [cmd, config] {  // config: what the flags write to, kept while they are read
            // The server is a program of its own (cli/serve_options.h); it
            // takes this process's place, so signals and the exit status
            // are its own. The flags were checked here, and are read again
            // there.
            std::string program = serve_program().string();
            std::vector<std::string> args = given_flags(*cmd);
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
