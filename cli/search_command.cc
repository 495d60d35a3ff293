#include <iostream>

#include "cli/commands.h"
#include "eavesearch/permalink.h"
#include "eavesearch/searcher.h"
#include "eavesearch/time_util.h"
#include "server/json_output.h"

namespace eavesearch {
namespace {

struct SearchArgs {
  std::string db_dir;
  std::vector<std::string> words;
  bool json = false;
  int limit = 20;
  int page = 1;
  std::string sort;
  std::vector<std::string> filters;
  bool explain = false;
  std::vector<std::string> include;
  std::string log_base_url{kDefaultLogBaseUrl};
};

// "12 lines of bots and channel events hidden (...)", or "" when none were.
std::string hidden_note(const SearchResponse& resp) {
  if (!resp.hidden || *resp.hidden == 0) return {};
  return (resp.hidden_exact ? "" : "about ") + std::to_string(*resp.hidden) +
         (*resp.hidden == 1 ? " line" : " lines") +
         " of bots and channel events hidden (--include bots,events shows them)";
}

// The snippet for a terminal: <mark> as bold, entities decoded.
std::string terminal_snippet(const std::string& html, bool tty) {
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    auto starts = [&](std::string_view s) { return html.compare(i, s.size(), s) == 0; };
    if (starts("<mark>")) {
      out += tty ? "\033[1m" : "[";
      i += 6;
      continue;
    }
    if (starts("</mark>")) {
      out += tty ? "\033[0m" : "]";
      i += 7;
      continue;
    }
    if (starts("&amp;")) {
      out += '&';
      i += 5;
      continue;
    }
    if (starts("&lt;")) {
      out += '<';
      i += 4;
      continue;
    }
    if (starts("&gt;")) {
      out += '>';
      i += 4;
      continue;
    }
    if (starts("&quot;")) {
      out += '"';
      i += 6;
      continue;
    }
    if (starts("&#39;")) {
      out += '\'';
      i += 5;
      continue;
    }
    out += html[i++];
  }
  return out;
}

void print_text(const SearchResponse& resp, const SearchArgs& args) {
  bool tty = isatty(fileno(stdout));
  for (const auto& [step, how] : resp.plan) std::cout << step << ": " << how << "\n";
  if (!resp.plan.empty()) std::cout << "\n";
  std::cout << (resp.total_exact ? "" : "about ") << resp.total << " hits";
  if (resp.lenient) std::cout << " (not read as written: " << resp.problem << ")";
  std::cout << "\n";
  if (std::string note = hidden_note(resp); !note.empty()) std::cout << note << "\n";
  if (resp.logs_until) std::cout << "logs up to " << format_iso(*resp.logs_until) << "\n";
  if (resp.did_you_mean) std::cout << "did you mean: " << *resp.did_you_mean << "\n";
  for (const Hit& h : resp.hits) {
    const Record& r = h.record;
    std::cout << "\n"
              << format_iso(r.time) << "  " << (r.meeting.empty() ? r.channel : r.meeting) << "  <"
              << r.speaker.value_or("?") << ">";
    if (!r.item.empty()) std::cout << "  [" << r.item << "]";
    if (!r.topic.empty()) std::cout << "  topic: " << r.topic;
    // A vote's snippet carries its question and result (query/snippet.h).
    std::cout << "\n  " << terminal_snippet(h.snippet, tty) << "\n  "
              << permalink(r, args.log_base_url) << "\n";
  }
}

}  // namespace

Command add_search_command(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "search a database (query language: see README)");
  cmd->add_option("--db", args->db_dir, "database directory")->required();
  cmd->add_option("query", args->words, "the query; several words are joined by spaces")
      ->required();
  cmd->add_flag("--json", args->json, "print the API's JSON");
  cmd->add_option("--limit", args->limit, "hits per page (1-100)")
      ->check(CLI::Range(1, kMaxPerPage));
  cmd->add_option("--page", args->page, "page number, from 1")->check(CLI::PositiveNumber);
  cmd->add_option("--sort", args->sort, "relevance, newest or oldest")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
  cmd->add_option("--filter", args->filters,
                  "field:value (or -field:value) restricting the whole query; repeatable");
  cmd->add_flag("--explain", args->explain, "print the search plan before the hits");
  cmd->add_option("--include", args->include,
                  "lines left out by default to show: bots (their lines), events (joins, quits, "
                  "...)")
      ->delimiter(',')
      ->check(CLI::IsMember({"bots", "events"}));
  cmd->add_option("--log-base-url", args->log_base_url, "base of links to the original logs");
  return {cmd, [args] {
            SearchRequest req;
            for (const std::string& w : args->words) req.q += (req.q.empty() ? "" : " ") + w;
            req.per_page = args->limit;
            req.page = args->page;
            if (!args->sort.empty()) req.sort = *parse_sort_order(args->sort);
            for (const std::string& text : args->filters) {
              auto f = parse_filter(text);
              if (!f) return report_error(f.error());
              req.filters.push_back(std::move(*f));
            }
            req.explain = args->explain;
            for (const std::string& what : args->include) {
              (what == "bots" ? req.include_bots : req.include_events) = true;
            }
            auto searcher = Searcher::open(args->db_dir);
            if (!searcher) return report_error(searcher.error());
            auto resp = searcher->search(req);
            if (!resp) return report_error(resp.error());
            if (args->json) {
              std::cout << dump_json(search_response_json(*resp, args->log_base_url), 2) << "\n";
            } else {
              print_text(*resp, *args);
            }
            return kExitOk;
          }};
}

}  // namespace eavesearch
