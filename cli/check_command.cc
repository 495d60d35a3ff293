#include <iostream>

#include "cli/commands.h"
#include "eavesearch/check.h"
#include "server/json_output.h"

namespace eavesearch {

Command add_check_command(CLI::App& app) {
  struct Args {
    std::vector<std::string> archives;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "check", "compare the minutes derived from each meeting log with MeetBot's own minutes");
  cmd->add_option("archive", args->archives, "archive roots")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_flag("--json", args->json, "print JSON");
  return {cmd, [args] {
            auto report = check_archives(args->archives);
            if (!report) return report_error(report.error());
            int differences = report->differences();
            if (args->json) {
              nlohmann::json checks = nlohmann::json::array();
              for (const MeetingCheck& c : report->checks) {
                checks.push_back(
                    {{"log", c.log}, {"minutes", c.minutes}, {"differences", c.differences}});
              }
              std::cout << dump_json({{"meetings", report->meetings},
                                      {"minutes_files", report->minutes_files},
                                      {"differences", differences},
                                      {"problems", report->problems},
                                      {"checks", checks}})
                        << "\n";
            } else {
              for (const MeetingCheck& c : report->checks) {
                std::cout << c.minutes << ": "
                          << (c.differences.empty()
                                  ? "same minutes"
                                  : std::to_string(c.differences.size()) + " differences")
                          << "\n";
                for (const std::string& d : c.differences) std::cout << "  " << d << "\n";
              }
              for (const std::string& p : report->problems) std::cerr << "problem: " << p << "\n";
              std::cout << report->meetings << " meetings, " << report->minutes_files
                        << " minutes files compared, " << differences << " differences\n";
            }
            return differences > 0 || !report->problems.empty() ? kExitFindings : kExitOk;
          }};
}

}  // namespace eavesearch
