#include "query/snippet.h"

#include <gtest/gtest.h>

namespace eavesearch {
namespace {

TEST(SnippetTest, MarksStemmedMatchesAndEscapesEverythingElse) {
  EXPECT_EQ(make_snippet("Privsep <b>migrations</b> & goals", {"privsep", "migrat"}),
            "<mark>Privsep</mark> &lt;b&gt;<mark>migrations</mark>&lt;/b&gt; &amp; goals");
  EXPECT_EQ(make_snippet("<script>window.pwned=1</script><img src=x onerror=alert(1)>", {"script"}),
            "&lt;<mark>script</mark>&gt;window.pwned=1&lt;/<mark>script</mark>&gt;&lt;img src=x "
            "onerror=alert(1)&gt;");
  EXPECT_EQ(make_snippet("privileged privsep", {"priv*"}),
            "<mark>privileged</mark> <mark>privsep</mark>");
  EXPECT_EQ(make_snippet("nothing here", {"privsep"}), "nothing here");
}

TEST(SnippetTest, LongTextIsCutAroundTheFirstMatch) {
  std::string text = std::string(500, 'a') + " é privsep " + std::string(500, 'b');
  std::string s = make_snippet(text, {"privsep"});
  EXPECT_NE(s.find("<mark>privsep</mark>"), std::string::npos);
  EXPECT_TRUE(s.starts_with("…"));
  EXPECT_TRUE(s.ends_with("…"));
  EXPECT_LT(s.size(), kSnippetBytes + 40);
}

TEST(SnippetTest, AVoteShowsWhatItIsFoundBy) {
  Record vote;
  vote.text = "#endvote";
  vote.vote = VoteResult{"Hold the PTG online?", {"Yes", "No"}, {{"Yes", 2}}};
  EXPECT_EQ(make_snippet(snippet_text(vote), {"ptg"}),
            "#endvote Voted on &quot;Hold the <mark>PTG</mark> online?&quot; Results are, Yes: 2");
  Record line;
  line.text = "#endvote";
  EXPECT_EQ(snippet_text(line), "#endvote");
}

}  // namespace
}  // namespace eavesearch
