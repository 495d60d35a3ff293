// Private to cli/: the flags of `eavesearch serve`, read by both programs
// that take them. `eavesearch` checks them and hands them to
// `eavesearch-serve` (cli/serve_main.cc), which serves: so that the
// commands a person or a script runs most often (search, show) do not load
// the HTTP server's libraries (cpp-httplib, OpenSSL, Brotli: about 7 ms of
// every process's start on 2 cores).
#pragma once

#include <CLI/CLI.hpp>

#include "eavesearch/server.h"

namespace eavesearch {

// Registers serve's flags on `cmd`, each filling its field of `config`.
void add_serve_options(CLI::App& cmd, ServerConfig& config);

}  // namespace eavesearch
