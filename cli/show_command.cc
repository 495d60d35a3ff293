#include <iostream>

#include "cli/commands.h"
#include "eavesearch/permalink.h"
#include "eavesearch/searcher.h"
#include "eavesearch/time_util.h"
#include "server/json_output.h"

namespace eavesearch {
namespace {

struct ShowArgs {
  std::string db_dir;
  std::string what;
  bool json = false;
  int context = 3;
  std::string log_base_url{kDefaultLogBaseUrl};
};

void print_line(const Record& r, const char* mark) {
  std::cout << mark << format_iso(r.time) << "  <" << r.speaker.value_or("?") << "> " << r.text
            << "\n";
  if (r.vote) std::cout << "    " << vote_minutes_text(*r.vote) << "\n";
}

// A record id (it has a '#'): the line with its context.
int show_record(Searcher& searcher, const ShowArgs& args) {
  auto hit = searcher.record(args.what, args.context);
  if (!hit) return report_error(hit.error());
  if (args.json) {
    nlohmann::json j = record_json(hit->record, args.log_base_url);
    nlohmann::json before = nlohmann::json::array(), after = nlohmann::json::array();
    for (const Record& r : hit->before) before.push_back(record_json(r, args.log_base_url));
    for (const Record& r : hit->after) after.push_back(record_json(r, args.log_base_url));
    j["context"] = {{"before", before}, {"after", after}};
    std::cout << dump_json(j, 2) << "\n";
    return kExitOk;
  }
  for (const Record& r : hit->before) print_line(r, "  ");
  print_line(hit->record, "> ");
  for (const Record& r : hit->after) print_line(r, "  ");
  std::cout << permalink(hit->record, args.log_base_url) << "\n";
  return kExitOk;
}

// A meeting id (a log stem): its minutes, and with --json every line.
int show_meeting(Searcher& searcher, const ShowArgs& args) {
  auto meeting = searcher.meeting(args.what);
  if (!meeting) return report_error(meeting.error());
  const Meeting& m = meeting->meeting;
  if (args.json) {
    nlohmann::json j = meeting_json(m, args.log_base_url);
    nlohmann::json records = nlohmann::json::array();
    for (const Record& r : meeting->records) records.push_back(record_json(r, args.log_base_url));
    for (ListPage page{2}; records.size() < static_cast<std::size_t>(meeting->total); ++page.page) {
      auto more = searcher.meeting(args.what, page);
      if (!more) return report_error(more.error());
      if (more->records.empty()) break;
      for (const Record& r : more->records) records.push_back(record_json(r, args.log_base_url));
    }
    j["records"] = records;
    std::cout << dump_json(j, 2) << "\n";
    return kExitOk;
  }
  std::cout << m.name << (m.title.empty() ? "" : ": " + m.title) << "  " << format_iso(m.start)
            << " .. " << format_iso(m.end) << (m.channel.empty() ? "" : "  " + m.channel) << "\n";
  for (const MinutesItem& i : m.items) {
    std::cout << (i.type == "TOPIC" ? "* " : "  * " + i.type + ": ") << i.text << "  (" << i.nick
              << ")\n";
  }
  std::cout << "people present:";
  for (const Attendee& a : m.people) std::cout << " " << a.nick << " (" << a.lines << ")";
  std::cout << "\n" << meeting->total << " lines\n";
  return kExitOk;
}

}  // namespace

Command add_show_command(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand("show", "show one record (with context) or one meeting");
  cmd->add_option("--db", args->db_dir, "database directory")->required();
  cmd->add_option("id", args->what,
                  "a record id (meetings/tc/2020/tc.2020-05-14-15.00#12) or a meeting id "
                  "(meetings/tc/2020/tc.2020-05-14-15.00)")
      ->required();
  cmd->add_flag("--json", args->json, "print the API's JSON");
  cmd->add_option("--context", args->context, "lines around a record (0-10)")
      ->check(whole_number_in(0, kMaxContext));
  cmd->add_option("--log-base-url", args->log_base_url, "base of links to the original logs");
  return {cmd, [args] {
            auto searcher = Searcher::open(args->db_dir);
            if (!searcher) return report_error(searcher.error());
            return args->what.find('#') != std::string::npos ? show_record(*searcher, *args)
                                                             : show_meeting(*searcher, *args);
          }};
}

}  // namespace eavesearch
