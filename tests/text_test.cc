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

// index_term keeps the terms of words it has seen, per thread, up to a
// bound: the same answers before it is full, past its bound, and for a word
// written differently ("Migrations", "MIGRATIONS"), which is a word of its own.
TEST(IndexTermTest, GivesTheSameTermsOnceSeenAndPastItsBound) {
  EXPECT_EQ(index_term("Migrations"), "migrat");
  EXPECT_EQ(index_term("Migrations"), "migrat");
  EXPECT_EQ(index_term("MIGRATIONS"), "migrat");
  EXPECT_EQ(index_term("--"), "");
  EXPECT_EQ(index_term("--"), "");
  for (int k = 0; k < 40000; ++k) {
    std::string word = "running" + std::to_string(k);
    ASSERT_EQ(index_term(word), word) << "a word with digits is not stemmed";
  }
  EXPECT_EQ(index_term("Migrations"), "migrat");
  EXPECT_EQ(index_term("runnings"), "run");
  std::string overlong(200, 'a');
  EXPECT_EQ(index_term(overlong), overlong);
  EXPECT_EQ(index_term(overlong), overlong);
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

// A line longer than kMaxLineBytes is cut to it on a character boundary,
// however its bytes grow or shrink once decoded.
TEST(CleanLineTest, CutsLongLinesOnACharacterBoundary) {
  auto times = [](std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t k = 0; k < n; ++k) out += s;
    return out;
  };
  struct Case {
    const char* what;
    std::string line;
    std::string clean;
    bool cut;
  };
  const Case cases[] = {
      {"at the limit", times("a", kMaxLineBytes), times("a", kMaxLineBytes), false},
      {"ASCII past it", times("a", kMaxLineBytes + 1), times("a", kMaxLineBytes), true},
      {"a three-byte character across it", "a" + times("\u20ac", 2000), "a" + times("\u20ac", 1365),
       true},
      {"cp1252 that grows past it", times("\x93", 2000), times("\u201c", 1365), true},
      {"colour codes that shrink it",
       times("\x03"
             "4x",
             1500),
       times("x", 1365), true},
  };
  for (const Case& c : cases) {
    bool cut = !c.cut;
    EXPECT_EQ(clean_line(c.line, &cut), c.clean) << c.what;
    EXPECT_EQ(cut, c.cut) << c.what;
  }
}

TEST(HtmlEscapeTest, EscapesMarkup) {
  EXPECT_EQ(html_escape("<img src=x onerror='a'> & \"q\""),
            "&lt;img src=x onerror=&#39;a&#39;&gt; &amp; &quot;q&quot;");
}

}  // namespace
}  // namespace eavesearch
