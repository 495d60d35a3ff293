// The `eavesearch` command as a user runs it: outputs and the exit codes of
// DESIGN.md 1a.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

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
  EXPECT_EQ(text.code, 0);
  EXPECT_NE(text.out.find("did you mean: privsep"), std::string::npos) << text.out;

  Outcome show =
      run("show --db " + db_ + " " + shell_quote("meetings/nova/2020/nova.2020-05-14-14.00"));
  EXPECT_EQ(show.code, 0) << show.out;
  EXPECT_NE(show.out.find("ACTION: gmann to remove the last rootwrap filters"), std::string::npos);
  Outcome stats = run("stats --db " + db_ + " --json");
  EXPECT_EQ(nlohmann::json::parse(stats.out)["record"], 20);
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
  EXPECT_NE(search.out.find("1 hits"), std::string::npos) << search.out;
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

TEST_F(CliTest, ExitCodes) {
  EXPECT_EQ(run("").code, 2);                    // no command
  EXPECT_EQ(run("search --db " + db_).code, 2);  // no query
  EXPECT_EQ(run("search --db " + db_ + " x --limit 500").code, 2);
  EXPECT_EQ(run("index /no/such/archive --db " + db_).code, 2);
  EXPECT_EQ(run("search --db " + db_ + " x").code, 4);  // no database yet
  EXPECT_EQ(run("index " + archive_ + " --db " + db_).code, 0);
  EXPECT_EQ(run("show --db " + db_ + " " + shell_quote("nope#1")).code, 4);
  EXPECT_EQ(
      run("index " + shell_quote(dir_.str() + "/db") + " --db " + shell_quote(dir_.str() + "/db2"))
          .code,
      1);  // a folder of non-log files: skipped ones make 1
  EXPECT_EQ(run("--help").code, 0);
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
