// Questions asked of an index of the whole real corpus, answered as MeetBot's
// own minutes answer them.
#include <gtest/gtest.h>

#include <set>
#include <string_view>

#include "core/relevance.h"
#include "eavesearch/indexer.h"
#include "eavesearch/searcher.h"
#include "eavesearch/text.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

class RealCorpusSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto corpus = testing::corpus_dir();
    if (!corpus) return;
    dir_ = new testing::TempDir();
    auto report = index_archives(
        {{(*corpus / "real").string(), (*corpus / "flattened").string()}, dir_->str() + "/db"},
        [](const std::string&) {});
    ok_ = report.ok();
  }
  static void TearDownTestSuite() { delete dir_; }

  std::vector<Hit> hits(const std::string& q) {
    auto searcher = Searcher::open(dir_->str() + "/db");
    EXPECT_TRUE(searcher.ok());
    auto resp = searcher->search(testing::request(q, 100, SortOrder::kOldest));
    EXPECT_TRUE(resp.ok());
    return resp.ok() ? resp->hits : std::vector<Hit>{};
  }
  std::vector<std::string> texts(const std::string& q) {
    std::vector<std::string> out;
    for (const Hit& h : hits(q)) out.push_back(h.record.text);
    return out;
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline bool ok_ = false;
};

TEST_F(RealCorpusSearchTest, MagazineActionsAreTheMinutesActionItems) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_TRUE(ok_);
  // The eight ACTION items of magazine.2020-06-10-12.02.txt, in order; the
  // undone "#action gregbartholomew to edit #175" is not one of them.
  EXPECT_EQ(
      texts("is:action meeting:magazine"),
      (std::vector<std::string>{
          "#action sysoplab to edit #184 and #188",
          "#action bcotton to add \"push your new image to the git repo\" to the image docs :-)",
          "#action gregbartholomew to edit #181",
          "#action bcotton to edit #175",
          "#action bcotton to create magazine sub-topic in Project Conversations (or whatever "
          "that topic in discussion.fp.o is called)",
          "#action asamalik to finalize the success criteria",
          "#action asamalik to email the list to let everyone know we're pushing back the "
          "discourse trial by a week",
          "#action bcotton to make a first pass of stats, etc for the infographic and then "
          "share to the mailing list for review",
      }));
  std::set<std::string> owners;
  for (const Hit& h : hits("owner:asamalik")) owners.insert(h.record.text);
  EXPECT_EQ(owners.size(), 2u);
}

TEST_F(RealCorpusSearchTest, BareUrlLinesAreLinks) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_TRUE(ok_);
  std::vector<Hit> links = hits("is:link from:sysoplab");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(
      links[0].record.text,
      "https://teams.fedoraproject.org/project/asamalik-fedora-magazine/us/188?kanban-status=196");
  EXPECT_EQ(links[0].record.kind, "say");
  EXPECT_EQ(hits("is:link meeting:magazine").size(), 8u);  // grep -c "LINK:" in the .txt minutes
}

TEST_F(RealCorpusSearchTest, AgreedIsTheTwoAgreedItemsOnly) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_TRUE(ok_);
  std::vector<Hit> agreed = hits("is:agreed meeting:magazine");
  ASSERT_EQ(agreed.size(), 2u);
  EXPECT_EQ(agreed[0].record.line, 155);
  EXPECT_EQ(agreed[1].record.line, 227);
  // "#proposed #agreed ..." is no command MeetBot knows.
  std::vector<Hit> proposed = hits("\"proposed agreed publishing schedule\"");
  ASSERT_EQ(proposed.size(), 1u);
  EXPECT_EQ(proposed[0].record.kind, "say");
  EXPECT_EQ(proposed[0].record.item, "");
}

TEST_F(RealCorpusSearchTest, FromFollowsNickChangesInChannelLogs) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_TRUE(ok_);
  std::set<std::string> speakers;
  for (const Hit& h : hits("from:rafael")) speakers.insert(*h.record.speaker);
  EXPECT_TRUE(speakers.count("Guest9774")) << "rafael is now known as Guest9774";
}

TEST_F(RealCorpusSearchTest, TheFlattenedTcMeetingAnswers) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_TRUE(ok_);
  std::vector<Hit> privsep = hits("privsep meeting:tc");
  EXPECT_GE(privsep.size(), 10u);
  for (const Hit& h : privsep) EXPECT_FALSE(h.record.speaker.has_value());
}

// Relevance is BM25 (k1 = 1, b = 0.5, average length 12, normalised lengths
// under 0.5 counted as 0.5) over a line's words and its topic's, though the
// index holds lengths only inside the terms' counts (core/relevance.h): for
// one word, the hits come in the order of tf / (K + tf) = x / (1 + x), x =
// tf / K, up to the rounding of x * kWdfScale to a whole wdf: x is off by
// at most e = 0.5 / kWdfScale, so BM25 by at most e / (1 + x - e)^2.
TEST_F(RealCorpusSearchTest, RelevanceIsBm25OverTheLinesWords) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ASSERT_TRUE(ok_);
  for (std::string word : {"review", "ubuntu", "meeting"}) {
    std::string term;
    for_each_token(word, [&](const Token& t) { term = t.term; });
    auto searcher = Searcher::open(dir_->str() + "/db");
    ASSERT_TRUE(searcher.ok());
    auto resp = searcher->search(testing::request(word, 100, SortOrder::kRelevance));
    ASSERT_TRUE(resp.ok());
    ASSERT_EQ(static_cast<long>(resp->hits.size()), resp->total) << word;
    std::vector<double> bm25, rounding;
    std::set<double> distinct;
    for (const Hit& h : resp->hits) {
      double tf = 0, length = 0;
      for (std::string_view text :
           {std::string_view(h.record.text), std::string_view(h.record.topic)}) {
        for_each_token(text, [&](const Token& t) {
          ++length;
          if (text.data() == h.record.text.data() && t.term == term) ++tf;
        });
      }
      double x = tf / (1 * (0.5 * std::max(length / 12, 0.5) + 0.5));
      bm25.push_back(x / (1 + x));
      double low = 1 + std::max(0.0, x - 0.5 / kWdfScale);  // where the slope is steepest
      rounding.push_back(0.5 / kWdfScale / (low * low));
      distinct.insert(bm25.back());
    }
    EXPECT_GE(distinct.size(), 5u) << word << ": lines of one length only test nothing";
    for (std::size_t k = 1; k < bm25.size(); ++k) {
      EXPECT_GE(bm25[k - 1], bm25[k] - rounding[k - 1] - rounding[k])
          << word << ": " << resp->hits[k - 1].record.text << " before "
          << resp->hits[k].record.text;
    }
  }
}

}  // namespace
}  // namespace eavesearch
