#include "eavesearch/text.h"

#include <gtest/gtest.h>

#include <vector>

namespace eavesearch {
namespace {

std::vector<std::string> terms(std::string_view text) {
  std::vector<std::string> out;
  for_each_token(text, [&](const Token& t) { out.push_back(t.term); });
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for_each_token(text, [&](const Token& t) { out.emplace_back(text.substr(t.offset, t.length)); });
  return out;
}

TEST(TokenizeTest, SplitsFoldsAndStems) {
  struct Case {
    std::string text;
    std::vector<std::string> terms;
  };
  const std::vector<Case> cases = {
      {"Privsep migration goals", {"privsep", "migrat", "goal"}},
      {"ubuntu 20.04, py3.8", {"ubuntu", "20.04", "py3.8"}},
      {"don't merge", {"don't", "merg"}},
      {"don\u2019t", {"don't"}},
      {"sean-k-mooney: ack", {"sean", "k", "mooney", "ack"}},
      {"nova_compute ~/.ssh", {"nova_comput", "ssh"}},
      {"Radosław ÉCOLE", {"radosław", "école"}},
      {"ｆｕｌｌ width", {"full", "width"}},
      {"#agreed   we do it", {"agre", "we", "do", "it"}},
      {"<script>alert(1)</script>", {"script", "alert", "1", "script"}},
      {"", {}},
      {"→ ... !!!", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(terms(c.text), c.terms) << c.text;
}

TEST(TokenizeTest, OffsetsPointIntoTheOriginalText) {
  EXPECT_EQ(words("  Hello, wörld 20.04."), (std::vector<std::string>{"Hello", "wörld", "20.04"}));
}

TEST(TokenizeTest, SkipsOverlongWordsAndInvalidBytes) {
  std::string long_word(kMaxWordBytes + 1, 'a');
  EXPECT_EQ(terms(long_word + " ok"), std::vector<std::string>{"ok"});
  EXPECT_EQ(terms("caf\xe9 ok"), (std::vector<std::string>{"caf", "ok"}));
}

TEST(IndexTermTest, MatchesTheTokenizer) {
  EXPECT_EQ(index_term("Migrations"), "migrat");
  EXPECT_EQ(index_term("PRIVSEP"), "privsep");
  EXPECT_EQ(index_term("--"), "");
}

TEST(CleanLineTest, DecodesCp1252WhenNotUtf8) {
  EXPECT_EQ(clean_line("caf\xe9 \x93quoted\x94"), "café \u201cquoted\u201d");
  EXPECT_EQ(clean_line("already ünïcode"), "already ünïcode");
}

TEST(CleanLineTest, RemovesFormattingAndControlsKeepsTabs) {
  EXPECT_EQ(clean_line("\x02"
                       "bold\x02 \x03"
                       "4,12red\x03 \x1funder\x0f"),
            "bold red under");
  EXPECT_EQ(clean_line("a\tb\x01\x7f"), "a\tb");
  EXPECT_EQ(clean_line("\x03"
                       "12"),
            "");
}

TEST(HtmlEscapeTest, EscapesMarkup) {
  EXPECT_EQ(html_escape("<img src=x onerror='a'> & \"q\""),
            "&lt;img src=x onerror=&#39;a&#39;&gt; &amp; &quot;q&quot;");
}

}  // namespace
}  // namespace eavesearch
