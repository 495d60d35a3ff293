#include "cli/child_process.h"

#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"

namespace eavesearch {
namespace {

// The one piece of state the signal handler may touch.
std::atomic<pid_t> g_child = 0;

void pass_on(int signal) {
  if (pid_t child = g_child; child > 0) ::kill(child, signal);
}

constexpr int kPassedOn[] = {SIGTERM, SIGINT, SIGHUP};

}  // namespace

int run_in_child(const std::function<int()>& job, const std::function<std::string(int)>& explain) {
  std::cout.flush();
  std::cerr.flush();
  pid_t child = ::fork();
  if (child < 0) return job();  // no child to be had: run it here
  if (child == 0) std::exit(job());
  g_child = child;
  struct sigaction action {};
  action.sa_handler = pass_on;
  for (int signal : kPassedOn) ::sigaction(signal, &action, nullptr);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  g_child = 0;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  int signal = WTERMSIG(status);
  for (int passed : kPassedOn) {
    if (signal == passed) {
      std::signal(signal, SIG_DFL);
      ::raise(signal);
    }
  }
  std::cerr << "eavesearch: " << explain(signal) << "\n";
  return kExitFailure;
}

bool is_disk_full(const std::string& path) {
  struct statvfs fs {};
  std::filesystem::path at = std::filesystem::absolute(path);
  while (::statvfs(at.c_str(), &fs) != 0) {  // the nearest folder there is
    if (at == at.parent_path()) return false;
    at = at.parent_path();
  }
  constexpr unsigned long long kMegabyte = 1 << 20;
  return static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < kMegabyte;
}

}  // namespace eavesearch
