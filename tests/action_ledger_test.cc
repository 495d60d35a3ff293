// The action ledger (indexer/action_ledger.h): its rules on small series,
// and its precision and recall on the generator's labelled set
// (eavesearch-generate --plant-ledger).
#include "indexer/action_ledger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

#include "eavesearch/parser.h"
#include "tests/corpus.h"
#include "tests/shell.h"

namespace eavesearch {
namespace {

using testing::read_file;
using testing::shell;
using testing::shell_quote;
using testing::TempDir;

// A meeting of the series "m" from "HH:MM:SS <nick> text" lines.
std::vector<Record> meeting(int day, const std::string& lines) {
  char stem[64];
  std::snprintf(stem, sizeof stem, "meetings/m/2020/m.2020-01-%02d-10.00.log.txt", day);
  std::string log = "10:00:00 <chair> #startmeeting m\n" + lines + "10:59:00 <chair> #endmeeting\n";
  auto parsed = parse_meetbot_log(stem, log);
  EXPECT_TRUE(parsed.ok());
  return parsed.ok() ? parsed->records : std::vector<Record>{};
}

ActionFate fate_of(const std::vector<std::vector<Record>>& series, const std::string& id) {
  std::vector<const std::vector<Record>*> meetings;
  for (const auto& m : series) meetings.push_back(&m);
  for (ActionFate& f : action_ledger(meetings)) {
    if (f.id == id) return f;
  }
  ADD_FAILURE() << "no action " << id;
  return {};
}

TEST(ActionLedgerTest, AnItemAssignedAgainIsCarriedWithEachLaterOccurrence) {
  std::vector<std::vector<Record>> series = {
      meeting(1, "10:01:00 <chair> #action alice to propose a patch for privsep\n"),
      meeting(8,
              "10:01:00 <chair> alice to propose a patch for privsep\n"
              "10:01:10 <alice> not done yet, carry it over please\n"
              "10:01:20 <chair> #action alice to propose a patch for privsep (carried over)\n"),
      meeting(15, "10:01:00 <chair> #action alice to continue to propose a patch for privsep\n"),
  };
  ActionFate first = fate_of(series, "meetings/m/2020/m.2020-01-01-10.00#2");
  EXPECT_EQ(first.status, ActionStatus::kCarried);
  EXPECT_EQ(first.evidence, (std::vector<std::string>{"meetings/m/2020/m.2020-01-08-10.00#4",
                                                      "meetings/m/2020/m.2020-01-15-10.00#2"}));
  EXPECT_EQ(fate_of(series, "meetings/m/2020/m.2020-01-15-10.00#2").status, ActionStatus::kOpen);
}

TEST(ActionLedgerTest, AnOwnersReportAfterTheItemIsReadOutIsDone) {
  std::vector<std::vector<Record>> series = {
      meeting(1,
              "10:01:00 <chair> #action alice to send an email to openstack-discuss about "
              "runways\n"
              "10:02:00 <chair> #action bob to fix the docs for placement\n"
              "10:03:00 <chair> #action carol to review https://review.opendev.org/712345\n"),
      meeting(8,
              "10:01:00 <chair> alice to send an email to openstack-discuss about runways\n"
              "10:01:10 <alice> that's done, the email went out monday\n"
              "10:02:00 <chair> bob to fix the docs for placement\n"
              "10:02:10 <bob> not done yet\n"
              "10:03:00 <carol> merged 712345 yesterday\n"),
  };
  ActionFate alice = fate_of(series, "meetings/m/2020/m.2020-01-01-10.00#2");
  EXPECT_EQ(alice.status, ActionStatus::kDone);
  EXPECT_EQ(alice.evidence, std::vector<std::string>{"meetings/m/2020/m.2020-01-08-10.00#3"});
  EXPECT_EQ(fate_of(series, "meetings/m/2020/m.2020-01-01-10.00#3").status, ActionStatus::kOpen)
      << "\"not done yet\" is not done";
  ActionFate carol = fate_of(series, "meetings/m/2020/m.2020-01-01-10.00#4");
  EXPECT_EQ(carol.status, ActionStatus::kDone) << "the change number names it";
  EXPECT_EQ(carol.evidence, std::vector<std::string>{"meetings/m/2020/m.2020-01-08-10.00#6"});
}

TEST(ActionLedgerTest, OnlyTheNextMeetingsAndOnlyItsOwnersCount) {
  std::vector<std::vector<Record>> series = {
      meeting(1, "10:01:00 <chair> #action alice to write up the nova proposal\n"),
      meeting(8, "10:01:00 <bob> i finished the nova proposal write up for mine\n"),
      meeting(9, ""),
      meeting(10, ""),
      meeting(11, ""),
      meeting(15, "10:01:00 <alice> the nova proposal write up is done\n"),
  };
  EXPECT_EQ(fate_of(series, "meetings/m/2020/m.2020-01-01-10.00#2").status, ActionStatus::kOpen)
      << "bob is not an owner; alice spoke four meetings later";
}

// The labelled set: a generated archive whose later meetings review their
// series' items, each item's true status written beside it.
struct Labelled {
  std::map<std::string, std::pair<std::string, std::string>> truth;  // id -> status, evidence
  std::map<std::string, ActionFate> found;
  // Each series' meetings in start order (file names sort by time).
  std::map<std::string, std::map<std::string, std::vector<Record>>> by_series;
};

Labelled labelled_set(const std::string& dir, int meetings) {
  std::string truth_file = dir + "/truth.tsv";
  auto made = shell(std::string(EAVESEARCH_GENERATE) + " --out " + shell_quote(dir + "/archive") +
                    " --seed 17 --meetings " + std::to_string(meetings) +
                    " --no-channel-logs --plant-ledger " + shell_quote(truth_file));
  EXPECT_EQ(made.code, 0) << made.out;
  Labelled out;
  std::istringstream truth(read_file(truth_file));
  for (std::string line; std::getline(truth, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string id, status, evidence;
    std::getline(fields, id, '\t');
    std::getline(fields, status, '\t');
    std::getline(fields, evidence, '\t');
    out.truth[id] = {status, evidence};
  }
  auto& by_series = out.by_series;
  std::filesystem::path root = dir + "/archive";
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::string rel = std::filesystem::relative(e.path(), root).string();
    auto parsed = parse_meetbot_log(rel, read_file(e.path()));
    EXPECT_TRUE(parsed.ok()) << rel;
    if (!parsed.ok()) continue;
    by_series[parsed->meeting.name][rel] = std::move(parsed->records);
  }
  for (auto& [name, logs] : by_series) {
    std::vector<const std::vector<Record>*> series;
    for (auto& [rel, records] : logs) series.push_back(&records);
    for (ActionFate& f : action_ledger(series)) out.found[f.id] = std::move(f);
  }
  return out;
}

// Precision and recall of carried and done, an item counted right only
// with the right evidence (the first later occurrence; the owner's line).
TEST(ActionLedgerTest, PrecisionAndRecallOnTheGeneratorsLabelledSet) {
  TempDir dir;
  Labelled set = labelled_set(dir.str(), 600);
  ASSERT_GT(set.truth.size(), 500u);
  for (const auto& [id, label] : set.truth) EXPECT_TRUE(set.found.count(id)) << id;
  EXPECT_EQ(set.found.size(), set.truth.size()) << "every action item of the archive is labelled";
  std::map<std::string, int> labelled, predicted, right;
  std::ostringstream wrong;  // the first few, to read when a rule is changed
  int shown = 0;
  for (const auto& [id, fate] : set.found) {
    auto label = set.truth.find(id);
    if (label == set.truth.end()) continue;
    std::string status(action_status_name(fate.status));
    ++labelled[label->second.first];
    ++predicted[status];
    bool evidence = fate.evidence.empty() ? label->second.second.empty()
                                          : fate.evidence.front() == label->second.second;
    if (status == label->second.first && evidence) {
      ++right[status];
    } else if (shown++ < 12) {
      wrong << id << ": labelled " << label->second.first << " " << label->second.second
            << "; found " << status << " " << (fate.evidence.empty() ? "" : fate.evidence.front())
            << "\n";
    }
  }
  std::ostringstream table;
  for (const char* status : {"done", "carried", "open"}) {
    double precision = predicted[status] ? 1.0 * right[status] / predicted[status] : 0;
    double recall = labelled[status] ? 1.0 * right[status] / labelled[status] : 0;
    table << status << ": labelled " << labelled[status] << ", found " << predicted[status]
          << ", right " << right[status] << ", precision " << precision << ", recall " << recall
          << "\n";
    RecordProperty(std::string(status) + "_precision", std::to_string(precision));
    RecordProperty(std::string(status) + "_recall", std::to_string(recall));
  }
  table << wrong.str();
  std::printf("%s", table.str().c_str());
  auto ratio = [&](const char* status, std::map<std::string, int>& of) {
    return of[status] ? 1.0 * right[status] / of[status] : 0.0;
  };
  // Measured at seed 17, 600 meetings: done 0.996 / 0.996, carried 0.982 /
  // 0.990, open 0.992 / 0.986 (precision / recall). The misses are the
  // generator's coincidences: the same task assigned anew to someone else, a
  // review five meetings later.
  EXPECT_GE(ratio("done", predicted), 0.99) << table.str();
  EXPECT_GE(ratio("done", labelled), 0.99) << table.str();
  EXPECT_GE(ratio("carried", predicted), 0.975) << table.str();
  EXPECT_GE(ratio("carried", labelled), 0.985) << table.str();
  EXPECT_GE(ratio("open", predicted), 0.985) << table.str();
  EXPECT_GE(ratio("open", labelled), 0.98) << table.str();
}

// The index decides each meeting's items from it and the kLedgerLookAhead
// meetings after it (series_ledger.cc): the same fates as over the whole
// series, a carried item's evidence up to the window's end.
TEST(ActionLedgerTest, AMeetingDecidedFromTheMeetingsAfterItIsDecidedAsInTheWholeSeries) {
  TempDir dir;
  Labelled set = labelled_set(dir.str(), 200);
  std::size_t decided = 0;
  for (const auto& [name, logs] : set.by_series) {
    std::vector<const std::vector<Record>*> series;
    for (const auto& [rel, records] : logs) series.push_back(&records);
    for (std::size_t m = 0; m < series.size(); ++m) {
      std::size_t end = std::min(series.size(), m + 1 + kLedgerLookAhead);
      std::vector<const std::vector<Record>*> window(series.begin() + m, series.begin() + end);
      for (const ActionFate& f : action_ledger(window, 1)) {
        EXPECT_TRUE(f.id.starts_with(series[m]->front().id.substr(0, f.id.rfind('#'))))
            << f.id << " is not an item of the meeting decided";
        auto whole = set.found.find(f.id);
        ASSERT_NE(whole, set.found.end()) << f.id;
        EXPECT_EQ(f.status, whole->second.status) << f.id;
        // A carried item's chain of later occurrences ends with the window.
        const std::vector<std::string>& all = whole->second.evidence;
        EXPECT_EQ(f.evidence.empty(), all.empty()) << f.id;
        EXPECT_TRUE(f.evidence.size() <= all.size() &&
                    std::equal(f.evidence.begin(), f.evidence.end(), all.begin()))
            << f.id;
        ++decided;
      }
    }
  }
  EXPECT_EQ(decided, set.found.size()) << "every item decided once";
}

}  // namespace
}  // namespace eavesearch
