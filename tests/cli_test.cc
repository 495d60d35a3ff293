// The `eavesearch` command as a user runs it: outputs and the exit codes of
// DESIGN.md 1a.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/corpus.h"
#include "tests/index_dump.h"
#include "tests/shell.h"

namespace eavesearch {
namespace {

using testing::Outcome;
using testing::shell;
using testing::shell_quote;

Outcome run(const std::string& args) { return shell(std::string(EAVESEARCH_BIN) + " " + args); }

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = shell_quote(dir_.str() + "/db");
    archive_ = shell_quote(std::string(EAVESEARCH_TEST_DATA) + "/two_meetings");
  }
  testing::TempDir dir_;
  std::string db_, archive_;
};

TEST_F(CliTest, IndexSearchShowAndStats) {
  Outcome index = run("index " + archive_ + " --db " + db_ + " --json");
  ASSERT_EQ(index.code, 0) << index.out;
  auto summary = nlohmann::json::parse(index.out);
  EXPECT_EQ(summary["records_added"], 20);
  EXPECT_EQ(summary["committed"], true);
  EXPECT_EQ(summary.size(), 11u);  // the keys of DESIGN.md 6, and lines_cut
  Outcome again = run("index " + archive_ + " --db " + db_ + " --json");
  EXPECT_EQ(nlohmann::json::parse(again.out)["committed"], false);

  Outcome search = run("search --db " + db_ + " --json privsep from:gmann");
  ASSERT_EQ(search.code, 0) << search.out;
  EXPECT_EQ(nlohmann::json::parse(search.out)["total"]["value"], 1);
  Outcome text = run("search --db " + db_ + " privsepp");
  EXPECT_EQ(text.code, 5);  // nothing found
  EXPECT_NE(text.out.find("did you mean: privsep"), std::string::npos) << text.out;

  Outcome show =
      run("show --db " + db_ + " " + shell_quote("meetings/nova/2020/nova.2020-05-14-14.00"));
  EXPECT_EQ(show.code, 0) << show.out;
  EXPECT_NE(show.out.find("ACTION: gmann to remove the last rootwrap filters"), std::string::npos);
  Outcome stats = run("stats --db " + db_ + " --json");
  EXPECT_EQ(nlohmann::json::parse(stats.out)["records"], 20);
}

// A vote's line reads "#endvote": search and show print its question and result.
TEST_F(CliTest, AVoteIsShownWithItsResult) {
  testing::write_file(dir_.path() / "archive/meetings/tc/2021/tc.2021-06-10-15.00.log.txt",
                      "15:00:00 <mnaser> #startmeeting tc\n"
                      "15:00:01 <mnaser> #startvote Hold the PTG online? Yes, No\n"
                      "15:00:02 <mnaser> #vote Yes\n"
                      "15:00:03 <gmann> #vote no\n"
                      "15:00:04 <mnaser> #endvote\n");
  ASSERT_EQ(run("index " + shell_quote(dir_.str() + "/archive") + " --db " + db_).code, 0);
  const std::string result = "Voted on \"Hold the PTG online?\" Results are, Yes: 1, No: 1";
  Outcome search = run("search --db " + db_ + " is:vote ptg");
  ASSERT_EQ(search.code, 0) << search.out;
  EXPECT_EQ(search.out.substr(0, 6), "1 hit\n") << search.out;
  EXPECT_NE(
      search.out.find("#endvote Voted on \"Hold the [PTG] online?\" Results are, Yes: 1, No: 1"),
      std::string::npos)
      << search.out;
  Outcome show = run("show --db " + db_ + " " +
                     shell_quote("meetings/tc/2021/tc.2021-06-10-15.00#5") + " --context 0");
  EXPECT_NE(show.out.find(result), std::string::npos) << show.out;
  Outcome minutes =
      run("show --db " + db_ + " " + shell_quote("meetings/tc/2021/tc.2021-06-10-15.00"));
  EXPECT_NE(minutes.out.find("VOTE: " + result), std::string::npos) << minutes.out;
}

// Agreement nobody recorded with #agreed: search prints the line as
// [consensus] with who agreed.
TEST_F(CliTest, AConsensusIsShownWithItsSupporters) {
  testing::write_file(dir_.path() / "archive/meetings/tc/2021/tc.2021-06-10-15.00.log.txt",
                      "15:00:00 <mnaser> #startmeeting tc\n"
                      "15:00:01 <mnaser> #topic the ptg\n"
                      "15:01:00 <mnaser> how about we hold the ptg online again\n"
                      "15:01:20 <gmann> +1\n"
                      "15:01:30 <fungi> sounds good\n"
                      "15:02:00 <mnaser> #endmeeting\n");
  ASSERT_EQ(run("index " + shell_quote(dir_.str() + "/archive") + " --db " + db_).code, 0);
  Outcome search = run("search --db " + db_ + " is:consensus");
  ASSERT_EQ(search.code, 0) << search.out;
  EXPECT_EQ(search.out.substr(0, 6), "1 hit\n") << search.out;
  EXPECT_NE(search.out.find("<mnaser>  [consensus: +1 gmann, fungi]  topic: the ptg"),
            std::string::npos)
      << search.out;
}

TEST_F(CliTest, ExitCodes) {
  EXPECT_EQ(run("").code, 2);                    // no command
  EXPECT_EQ(run("search --db " + db_).code, 2);  // no query
  EXPECT_EQ(run("search --db " + db_ + " x --limit 500").code, 2);
  EXPECT_EQ(run("index /no/such/archive --db " + db_).code, 2);
  EXPECT_EQ(run("search --db " + db_ + " x").code, 4);  // no database yet
  EXPECT_EQ(run("index " + archive_ + " --db " + db_).code, 0);
  EXPECT_EQ(run("show --db " + db_ + " " + shell_quote("nope#1")).code, 5);  // not found
  EXPECT_EQ(run("search --db " + db_ + " zqxjvw").code, 5);                  // no hit
  EXPECT_EQ(run("search --db " + db_ + " privsep").code, 0);
  EXPECT_EQ(
      run("index " + shell_quote(dir_.str() + "/db") + " --db " + shell_quote(dir_.str() + "/db2"))
          .code,
      1);  // a folder of non-log files: skipped ones make 1
  EXPECT_EQ(run("--help").code, 0);
}

// What people type, answered in plain words (issue 18, item 3).
TEST_F(CliTest, FitsHabits) {
  Outcome version = run("--version");
  EXPECT_EQ(version.code, 0);
  EXPECT_EQ(version.out, "eavesearch " EAVESEARCH_VERSION "\n");
  Outcome unknown = run("serach privsep");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.out.find("unknown command 'serach'"), std::string::npos) << unknown.out;
  EXPECT_NE(unknown.out.find("index, search, serve, stats, check, show"), std::string::npos);
  Outcome page = run("search --db " + db_ + " --page 0 privsep");
  EXPECT_EQ(page.code, 2);
  EXPECT_NE(page.out.find("'0' is not a whole number from 1 to"), std::string::npos) << page.out;
  EXPECT_EQ(page.out.find("1.79"), std::string::npos) << page.out;
  EXPECT_NE(run("search --db " + db_ + " --limit abc x").out.find("'abc' is not a whole number"),
            std::string::npos);

  ASSERT_EQ(run("index " + archive_ + " --db " + db_).code, 0);
  Outcome one = run("search --db " + db_ + " privsep from:gmann");
  EXPECT_EQ(one.out.substr(0, 6), "1 hit\n") << one.out;
  // A word starting with '-' is a word of the query, with or without "--".
  Outcome all = run("search --db " + db_ + " --format jsonl --all privsep");
  Outcome without = run("search --db " + db_ + " --format jsonl --all privsep -from:gmann");
  Outcome dashes = run("search --db " + db_ + " --format jsonl --all -- privsep -from:gmann");
  EXPECT_EQ(without.code, 0) << without.out;
  EXPECT_EQ(without.out, dashes.out);
  auto lines = [](const std::string& out) { return std::count(out.begin(), out.end(), '\n'); };
  EXPECT_EQ(lines(without.out) + 1, lines(all.out)) << all.out;
  EXPECT_EQ(run("search --db " + db_ + " -privsep").code, 0);  // every line without privsep
  Outcome typo = run("search --db " + db_ + " --limt 5 privsep");
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.out.find("--limt"), std::string::npos) << typo.out;
}

// --all streams every hit, as JSON Lines or CSV a spreadsheet reads safely.
TEST_F(CliTest, AllHitsAsJsonLinesAndCsv) {
  ASSERT_EQ(run("index " + archive_ + " --db " + db_).code, 0);
  Outcome json = run("search --db " + db_ + " --json --limit 1 -- -zqxjvw");
  long total = nlohmann::json::parse(json.out)["total"]["value"];
  ASSERT_GT(total, 1);
  Outcome jsonl = run("search --db " + db_ + " --format jsonl --all -- -zqxjvw");
  ASSERT_EQ(jsonl.code, 0) << jsonl.out;
  std::istringstream in(jsonl.out);
  std::set<std::string> ids;
  for (std::string line; std::getline(in, line);) ids.insert(nlohmann::json::parse(line)["id"]);
  EXPECT_EQ(static_cast<long>(ids.size()), total);
  Outcome csv = run("search --db " + db_ + " --format csv --all -- -zqxjvw");
  ASSERT_EQ(csv.code, 0);
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\r')),
            "id,time,meeting,channel,speaker,kind,item,owners,status,topic,text,url");
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), total + 1);
  EXPECT_EQ(run("search --db " + db_ + " --all privsep").code, 2);  // --all streams lines only
}

TEST_F(CliTest, StatsInWords) {
  ASSERT_EQ(run("index " + archive_ + " --db " + db_).code, 0);
  Outcome words = run("stats --db " + db_);
  ASSERT_EQ(words.code, 0) << words.out;
  EXPECT_NE(words.out.find(": 20 lines in 2 meetings"), std::string::npos) << words.out;
  EXPECT_NE(words.out.find("logs up to 2021-06-03 "), std::string::npos) << words.out;
  EXPECT_NE(words.out.find("2020: lines of 2020, "), std::string::npos) << words.out;
  EXPECT_EQ(words.out.find("revision"), std::string::npos) << words.out;
  EXPECT_EQ(words.out.find("shard:"), std::string::npos) << words.out;
  auto json = nlohmann::json::parse(run("stats --db " + db_ + " --json").out);
  EXPECT_EQ(json["records"], 20);
  EXPECT_EQ(json["meetings"], 2);
  long by_kind = 0;
  for (const auto& [kind, n] : json["by_kind"].items()) by_kind += n.get<long>();
  EXPECT_EQ(by_kind, 20);
  long bytes = 0;
  for (const auto& shard : json["shards"]) bytes += shard["bytes"].get<long>();
  EXPECT_EQ(json["bytes"], bytes);
}

TEST_F(CliTest, CheckReportsMeetBotDifferences) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  Outcome same = run("check " + shell_quote((corpus / "real").string()));
  EXPECT_EQ(same.code, 0) << same.out;
  EXPECT_NE(same.out.find("2 meetings, 4 minutes files compared, 0 differences"), std::string::npos)
      << same.out;
  // A copy of one meeting whose minutes lost an item.
  std::string stem = "meetings/magazine/2020/magazine.2020-06-10-12.02";
  auto copy = dir_.path() / "archive";
  testing::write_file(copy / (stem + ".log.txt"),
                      testing::read_file(corpus / "real" / (stem + ".log.txt")));
  std::string minutes = testing::read_file(corpus / "real" / (stem + ".txt"));
  std::string line = "  * 5 articles need review  (bcotton, 12:14:39)\n";
  minutes.erase(minutes.find(line), line.size());
  testing::write_file(copy / (stem + ".txt"), minutes);
  Outcome differs = run("check " + shell_quote(copy.string()));
  EXPECT_EQ(differs.code, 1) << differs.out;
  EXPECT_NE(differs.out.find("item not in MeetBot's minutes: INFO \"5 articles need review\""),
            std::string::npos)
      << differs.out;
}

TEST_F(CliTest, ASecondWriterIsLockedOut) {
  ASSERT_EQ(run("index " + archive_ + " --db " + db_).code, 0);
  // flock(1) holds DIR/lock while the second index runs under it.
  std::string lock = shell_quote(dir_.str() + "/db/lock");
  Outcome second = run("--help >/dev/null; flock " + lock + " " + EAVESEARCH_BIN + " index " +
                       archive_ + " --db " + db_);
  EXPECT_EQ(second.code, 3) << second.out;
  EXPECT_NE(second.out.find("is locked by another eavesearch index"), std::string::npos);
  // It changed nothing: a --rebuild under the lock neither (no new generation).
  Outcome rebuild = shell("flock " + lock + " " + EAVESEARCH_BIN + " index " + archive_ + " --db " +
                          db_ + " --rebuild");
  EXPECT_EQ(rebuild.code, 3) << rebuild.out;
  EXPECT_EQ(testing::live_generation(dir_.str() + "/db"), "gen-2");
  EXPECT_FALSE(std::filesystem::exists(dir_.str() + "/db/gen-3"));
}

// `index` runs its work in a child process (cli/child_process.h): SIGTERM
// stops both, and the command dies of it as it did without a child.
TEST_F(CliTest, SigtermStopsTheIndexAndItsChild) {
  std::string db = shell_quote(dir_.str() + "/sample-db");
  Outcome out =
      shell(std::string(EAVESEARCH_BIN) + " index " + shell_quote(testing::sample_dir().string()) +
            " --db " + db + " --quiet & pid=$!; for i in $(seq 300); do [ -e " + db +
            "/lock ] && break; sleep 0.1; done; sleep 0.2; " +
            "kill -TERM $pid; wait $pid; echo exit=$?; " + "flock -n " +
            shell_quote(dir_.str() + "/sample-db/lock") + " echo unlocked");
  EXPECT_NE(out.out.find("exit=143"), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("unlocked"), std::string::npos) << out.out;  // the child is gone too
}

// systemd stops the server with SIGTERM (deploy/eavesearch-serve.service):
// it ends cleanly, exit code 0, within a second or two.
TEST_F(CliTest, ServeStopsCleanlyOnSigterm) {
  ASSERT_EQ(run("index " + archive_ + " --db " + db_).code, 0);
  std::string log = shell_quote(dir_.str() + "/serve.log");
  Outcome out = shell(std::string(EAVESEARCH_BIN) + " serve --db " + db_ + " --port 0 >" + log +
                      " & pid=$!; for i in $(seq 50); do grep -q serving " + log +
                      " && break; sleep 0.1; done; kill -TERM $pid; wait $pid; echo exit=$?");
  EXPECT_NE(out.out.find("exit=0"), std::string::npos) << out.out;
  EXPECT_NE(testing::read_file(dir_.str() + "/serve.log").find("serving"), std::string::npos);
}

// The commands run most often start without the HTTP server's libraries
// (cpp-httplib, OpenSSL, Brotli: ~7 ms of every start); `serve` runs
// eavesearch-serve beside the binary, and says so when it is not there.
TEST_F(CliTest, OnlyTheServerLoadsHttpLibraries) {
  Outcome libraries = shell("ldd " + std::string(EAVESEARCH_BIN));
  ASSERT_EQ(libraries.code, 0) << libraries.out;
  EXPECT_NE(libraries.out.find("libxapian"), std::string::npos) << libraries.out;
  for (const char* http : {"httplib", "libssl", "libcrypto", "brotli"}) {
    EXPECT_EQ(libraries.out.find(http), std::string::npos) << http << " in\n" << libraries.out;
  }
  std::string alone = dir_.str() + "/alone";
  std::filesystem::create_directories(alone);
  std::filesystem::copy_file(EAVESEARCH_BIN, alone + "/eavesearch");
  Outcome missing = shell(shell_quote(alone + "/eavesearch") + " serve --db " + db_);
  EXPECT_EQ(missing.code, 4) << missing.out;
  EXPECT_NE(missing.out.find("eavesearch-serve is installed beside eavesearch"), std::string::npos)
      << missing.out;
  Outcome bad = run("serve --db " + db_ + " --port 70000");
  EXPECT_EQ(bad.code, 2) << bad.out;
  EXPECT_NE(bad.out.find("--port: '70000' is not a whole number from 0 to 65535"),
            std::string::npos)
      << bad.out;
}

// A progress bar (files, rate, ETA) on a terminal, none otherwise. script(1)
// gives the index a terminal.
TEST_F(CliTest, AProgressBarOnlyOnATerminal) {
  Outcome piped = run("index " + archive_ + " --db " + db_);
  EXPECT_EQ(piped.code, 0) << piped.out;
  EXPECT_EQ(piped.out.find("ETA"), std::string::npos) << piped.out;
  std::filesystem::remove_all(dir_.str() + "/db");
  Outcome tty = shell("script -qec \"" + std::string(EAVESEARCH_BIN) + " index " + archive_ +
                      " --db " + db_ + "\" /dev/null");
  EXPECT_EQ(tty.code, 0) << tty.out;
  EXPECT_NE(tty.out.find("files  "), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("MB/s  ETA"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("records: 20 added"), std::string::npos) << tty.out;
}

}  // namespace
}  // namespace eavesearch
