// eavesearch-generate: writes a deterministic, realistic OpenStack MeetBot
// archive (meetings/<name>/<YYYY>/<name>.<date>-<HH>.<MM>.log.txt) and the
// channel logs around its meetings (irclogs/#<chan>/#<chan>.<date>.log).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>

#include "archive.h"
#include "civil_date.h"

namespace {

constexpr int kUsageError = 2;

int run(int argc, char** argv) {
  namespace gen = eavesearch::gen;
  CLI::App app{"Generates a deterministic OpenStack MeetBot meeting archive."};
  std::string out;
  uint64_t seed = 1;
  int64_t meetings = 0;
  int64_t lines = 0;
  std::string from = "2012-09-01";
  std::string to = "2025-06-30";
  bool force = false;
  bool no_channel_logs = false;
  app.add_option("--out", out, "Archive root directory (created if missing)")->required();
  app.add_option("--seed", seed, "Seed; the same arguments always give the same archive")
      ->capture_default_str();
  auto* meetings_opt = app.add_option("--meetings", meetings, "Number of meetings (default 300)")
                           ->check(CLI::Range(int64_t{1}, int64_t{1} << 40));
  auto* lines_opt =
      app.add_option("--lines", lines, "Generate meetings until about this many log lines")
          ->check(CLI::Range(int64_t{1}, int64_t{1} << 40));
  meetings_opt->excludes(lines_opt);
  app.add_option("--from", from, "First day, YYYY-MM-DD")->capture_default_str();
  app.add_option("--to", to, "Last day, YYYY-MM-DD")->capture_default_str();
  app.add_flag("--force", force, "Write into DIR even if it is not empty");
  std::string ledger_truth;
  app.add_option("--plant-ledger", ledger_truth,
                 "Have meetings review their series' action items (done, carried over, open) and "
                 "write each item's true status to FILE: the action ledger's labelled set")
      ->type_name("FILE");
  app.add_flag("--no-channel-logs", no_channel_logs,
               "Write only meetings/, no irclogs/ (the meetings are the same either way)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kUsageError;
  }

  const std::optional<int64_t> from_day = gen::parse_iso_date(from);
  const std::optional<int64_t> to_day = gen::parse_iso_date(to);
  if (!from_day || !to_day) {
    std::fprintf(stderr, "eavesearch-generate: --from/--to must be dates like 2012-09-01\n");
    return kUsageError;
  }
  if (*from_day > *to_day) {
    std::fprintf(stderr, "eavesearch-generate: --from %s is after --to %s\n", from.c_str(),
                 to.c_str());
    return kUsageError;
  }
  std::error_code ec;
  const std::filesystem::path dir(out);
  if (std::filesystem::exists(dir, ec)) {
    if (!std::filesystem::is_directory(dir, ec)) {
      std::fprintf(stderr, "eavesearch-generate: %s exists and is not a directory\n", out.c_str());
      return kUsageError;
    }
    if (!std::filesystem::is_empty(dir, ec) && !force) {
      std::fprintf(stderr,
                   "eavesearch-generate: %s exists and is not empty; refusing to write into it "
                   "(use --force to write anyway)\n",
                   out.c_str());
      return kUsageError;
    }
  }

  gen::ArchiveOptions options;
  options.out_dir = out;
  options.seed = seed;
  options.meetings = meetings;
  options.lines = lines;
  if (meetings == 0 && lines == 0) options.meetings = 300;
  options.from_day = *from_day;
  options.to_day = *to_day;
  options.channel_logs = !no_channel_logs;
  options.ledger_truth = ledger_truth;
  const gen::ArchiveStats stats = gen::generate_archive(options);
  std::printf(
      "eavesearch-generate: %lld meetings, %lld lines, %lld bytes; channel logs: %lld files, "
      "%lld lines, %lld bytes (%lld quiet days, %lld meetings moved, %lld left out); in %s "
      "(seed %llu, %s..%s)\n",
      static_cast<long long>(stats.meetings), static_cast<long long>(stats.lines),
      static_cast<long long>(stats.bytes), static_cast<long long>(stats.channel_files),
      static_cast<long long>(stats.channel_lines), static_cast<long long>(stats.channel_bytes),
      static_cast<long long>(stats.quiet_days), static_cast<long long>(stats.moved),
      static_cast<long long>(stats.left_out), out.c_str(), static_cast<unsigned long long>(seed),
      from.c_str(), to.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eavesearch-generate: %s\n", e.what());
    return 1;
  }
}
