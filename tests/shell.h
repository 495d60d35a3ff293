// Test helpers: command lines run as a user types them.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace eavesearch::testing {

struct Outcome {
  int code;         // the exit code; -1 when killed by a signal or not run
  std::string out;  // stdout and stderr
};

// Runs a shell command line, stderr with stdout.
inline Outcome shell(const std::string& line) {
  std::string command = "(" + line + ") 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, ""};
  std::string out;
  std::array<char, 4096> buf;
  while (std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// `s` in single quotes for the shell (with no single quote inside).
inline std::string shell_quote(const std::string& s) { return "'" + s + "'"; }

}  // namespace eavesearch::testing
