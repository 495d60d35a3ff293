#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "eavesearch/permalink.h"
#include "eavesearch/searcher.h"
#include "eavesearch/time_util.h"
#include "server/json_output.h"

namespace eavesearch {
namespace {

// What --all gives at most: as deep as a search may page (kMaxResultWindow).
constexpr int kMaxStreamed = kMaxResultWindow;

struct SearchArgs {
  std::string db_dir;
  std::vector<std::string> words;
  bool json = false;
  std::string format = "text";
  bool all = false;
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

std::string hits_count(long total, bool exact) {
  return (exact ? "" : "about ") + std::to_string(total) + (total == 1 ? " hit" : " hits");
}

void print_text(const SearchResponse& resp, const SearchArgs& args) {
  bool tty = isatty(fileno(stdout));
  for (const auto& [step, how] : resp.plan) std::cout << step << ": " << how << "\n";
  if (!resp.plan.empty()) std::cout << "\n";
  std::cout << hits_count(resp.total, resp.total_exact);
  if (resp.lenient) std::cout << " (not read as written: " << resp.problem << ")";
  std::cout << "\n";
  for (const std::string& name : resp.unknown_fields) {
    std::cout << name
              << ": is not a field; searched as words (fields: see README, Query language)\n";
  }
  for (const Suggestion& s : resp.suggestions) {
    std::cout << "try: " << s.q << "  (" << hits_count(s.total, s.total_exact) << "; " << s.why
              << ")\n";
  }
  if (std::string note = hidden_note(resp); !note.empty()) std::cout << note << "\n";
  if (resp.logs_until) std::cout << "logs up to " << format_iso(*resp.logs_until) << "\n";
  if (resp.did_you_mean) std::cout << "did you mean: " << *resp.did_you_mean << "\n";
  for (const Hit& h : resp.hits) {
    const Record& r = h.record;
    std::cout << "\n"
              << format_iso(r.time) << "  " << (r.meeting.empty() ? r.channel : r.meeting) << "  <"
              << r.speaker.value_or("?") << ">";
    if (!r.item.empty()) {
      std::cout << "  [" << r.item;
      // Who agreed, where the consensus was found in the conversation.
      for (std::size_t k = 0; k < r.supporters.size(); ++k) {
        std::cout << (k == 0 ? ": +1 " : ", ") << r.supporters[k];
      }
      std::cout << "]";
    }
    if (!r.topic.empty()) std::cout << "  topic: " << r.topic;
    // A vote's snippet carries its question and result (query/snippet.h).
    std::cout << "\n  " << terminal_snippet(h.snippet, tty) << "\n  "
              << permalink(r, args.log_base_url) << "\n";
  }
}

// One CSV field (RFC 4180): quoted when it holds a comma, quote or line
// break; a leading = + - @ (a spreadsheet's formula) made text with a '.
std::string csv_field(const std::string& value) {
  std::string v = value;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(0, "'");
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

constexpr const char* kCsvHeader =
    "id,time,meeting,channel,speaker,kind,item,owners,status,topic,text,url";

void print_csv(const Record& r, const std::string& log_base_url) {
  std::string owners;
  for (const std::string& o : r.owners) owners += (owners.empty() ? "" : " ") + o;
  const std::string fields[] = {
      r.id,   format_iso(r.time), r.meeting, r.channel, r.speaker.value_or(""),    r.kind, r.item,
      owners, r.status,           r.topic,   r.text,    permalink(r, log_base_url)};
  std::string line;
  for (const std::string& f : fields) line += (line.empty() ? "" : ",") + csv_field(f);
  std::cout << line << "\r\n";
}

// `hits` one a line, as JSON Lines or CSV (args.format).
void print_lines(const std::vector<Hit>& hits, const SearchArgs& args) {
  for (const Hit& h : hits) {
    if (args.format == "csv") {
      print_csv(h.record, args.log_base_url);
    } else {
      std::cout << dump_json(record_json(h.record, args.log_base_url)) << "\n";
    }
  }
}

// Every match of `req`, page by page, as JSON Lines or CSV; at most
// kMaxStreamed, and a note on stderr when there were more.
int stream_all(Searcher& searcher, SearchRequest req, const SearchArgs& args) {
  if (args.format == "csv") std::cout << kCsvHeader << "\r\n";
  req.per_page = kMaxPerPage;
  long written = 0, total = 0;
  bool exact = true;
  for (req.page = 1; req.page * req.per_page <= kMaxStreamed; ++req.page) {
    auto resp = searcher.search(req);
    if (!resp) return report_error(resp.error());
    total = resp->total;
    exact = resp->total_exact;
    print_lines(resp->hits, args);
    written += static_cast<long>(resp->hits.size());
    if (resp->hits.size() < static_cast<std::size_t>(req.per_page)) break;
  }
  if (written < total) {
    std::cerr << "eavesearch: the first " << written << " of " << (exact ? "" : "about ") << total
              << " hits (--all gives at most " << kMaxStreamed << "; narrow the query)\n";
  }
  return written == 0 ? kExitNotFound : kExitOk;
}

}  // namespace

Command add_search_command(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "search a database (query language: see README)");
  cmd->add_option("--db", args->db_dir, "database directory")->required();
  cmd->add_option("query", args->words, "the query; several words are joined by spaces")
      ->required();
  cmd->add_flag("--json", args->json, "print the API's JSON (--format json)");
  cmd->add_option("--format", args->format,
                  "text (the default), json (the API's answer), jsonl or csv (one line per hit)")
      ->check(CLI::IsMember({"text", "json", "jsonl", "csv"}));
  cmd->add_flag("--all", args->all,
                "every hit, not a page (with --format jsonl or csv; at most 10,000)");
  cmd->add_option("--limit", args->limit, "hits per page (1-100)")
      ->check(whole_number_in(1, kMaxPerPage));
  cmd->add_option("--page", args->page, "page number, from 1")->check(whole_number_in(1, 1000000));
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
            if (args->json) args->format = "json";
            if (args->all && args->format != "jsonl" && args->format != "csv") {
              std::cerr << "eavesearch: --all streams every hit: give --format jsonl or csv\n";
              return kExitUsage;
            }
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
            if (args->all) return stream_all(*searcher, req, *args);
            auto resp = searcher->search(req);
            if (!resp) return report_error(resp.error());
            if (args->format == "json") {
              std::cout << dump_json(search_response_json(*resp, args->log_base_url), 2) << "\n";
            } else if (args->format == "text") {
              print_text(*resp, *args);
            } else {
              if (args->format == "csv") std::cout << kCsvHeader << "\r\n";
              print_lines(resp->hits, *args);
            }
            return resp->total == 0 ? kExitNotFound : kExitOk;
          }};
}

}  // namespace eavesearch
