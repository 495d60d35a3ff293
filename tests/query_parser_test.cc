#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "eavesearch/query.h"
#include "eavesearch/time_util.h"
#include "query/xapian_query.h"

namespace eavesearch {
namespace {

// 2026-11-26T12:00:00Z: relative dates in these tests count from here.
const std::int64_t kNow = to_epoch({2026, 11, 26, 12, 0, 0});

// The query as read, or "error: " and the problem when it was read leniently.
std::string parsed(std::string_view q) {
  ParsedQuery p = parse_query(q, kNow);
  return p.lenient ? "error: " + p.problem : to_string(root_of(p));
}

QueryNode node(std::string_view q) { return root_of(parse_query(q, kNow)); }

TEST(QueryParserTest, GoldenAsts) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "(all)"},
      {"privsep", "(word privsep)"},
      {"privsep rootwrap", "(and (word privsep) (word rootwrap))"},
      {"privsep AND rootwrap", "(and (word privsep) (word rootwrap))"},
      {"a OR b c", "(or (word a) (and (word b) (word c)))"},
      {"(a OR b) c", "(and (or (word a) (word b)) (word c))"},
      {"a -b", "(and (word a) (not (word b)))"},
      {"a NOT b", "(and (word a) (not (word b)))"},
      {"-b", "(not (word b))"},
      {"\"ubuntu 20.04\"", "(phrase \"ubuntu 20.04\")"},
      {"priv*", "(wildcard priv)"},
      {"Priv*", "(wildcard priv)"},
      {"from:MNaser_", "(field person mnaser)"},
      {"speaker:spotz[m]", "(field person spotz)"},
      {"owner:gmann", "(field owner gmann)"},
      {"meeting:TC", "(field meeting tc)"},
      {"meeting:\"Solum Team Meeting\"", "(field meeting solum_team_meeting)"},
      {"in:openstack-tc", "(field channel #openstack-tc)"},
      {"channel:#OpenStack-Meeting", "(field channel #openstack-meeting)"},
      {"kind:ME", "(field kind me)"},
      {"is:agreed", "(field item agreed)"},
      {"is:decision",
       "(or (field item agreed) (field item accepted) (field item rejected) (field item action) "
       "(field item vote) (field item consensus))"},
      {"topic:\"python 3\"", "(field topic \"python 3\")"},
      {"date:2020", "(date 2020-01-01T00:00:00Z 2021-01-01T00:00:00Z)"},
      {"date:2020-05..2020-06", "(date 2020-05-01T00:00:00Z 2020-07-01T00:00:00Z)"},
      {"date:2020-05-14", "(date 2020-05-14T00:00:00Z 2020-05-15T00:00:00Z)"},
      {"date:2020-05-14..", "(date 2020-05-14T00:00:00Z *)"},
      {"date:..2020-05-14", "(date * 2020-05-15T00:00:00Z)"},
      {"date:2w..", "(date 2026-11-12T00:00:00Z *)"},
      {"date:3d", "(date 2026-11-23T00:00:00Z *)"},
      {"on:2020-05-14", "(date 2020-05-14T00:00:00Z 2020-05-15T00:00:00Z)"},
      {"after:2020-05-01", "(date 2020-05-02T00:00:00Z *)"},
      {"before:2020-05-01", "(date * 2020-05-01T00:00:00Z)"},
      {"after:yesterday", "(date 2026-11-26T00:00:00Z *)"},
      {"DATE:2020", "(date 2020-01-01T00:00:00Z 2021-01-01T00:00:00Z)"},
      {"foo:bar", "(word foo:bar)"},
      {"http://x.org/a", "(word http://x.org/a)"},
      {"privsep from:ralonsoh after:2020-01-01",
       "(and (word privsep) (field person ralonsoh) (date 2020-01-02T00:00:00Z *))"},
      {"and or not", "(and (word and) (word or) (word not))"},
  };
  for (const auto& [q, ast] : cases) EXPECT_EQ(parsed(q), ast) << q;
}

TEST(QueryParserTest, MalformedInputIsAnErrorNamingTheProblem) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"(a OR b", "error: missing ')'"},
      {"a)", "error: unexpected ')'"},
      {"\"open phrase", "error: unterminated quote"},
      {"a AND", "error: AND needs something after it"},
      {"AND a", "error: AND needs something before it"},
      {"OR a", "error: OR needs words on both sides"},
      {"a OR", "error: OR needs words on both sides"},
      {"from:", "error: from: needs a value; that filter was left out"},
      {"date:2020-13",
       "error: date:2020-13 is not a date (use YYYY, YYYY-MM, YYYY-MM-DD, A..B, "
       "today, yesterday, or 3d, 2w, 6m, 1y); that filter was left out"},
      {"date:2021..2020",
       "error: date:2021..2020 is not a date (use YYYY, YYYY-MM, YYYY-MM-DD, "
       "A..B, today, yesterday, or 3d, 2w, 6m, 1y); that filter was left out"},
      {"topic:", "error: topic: needs a value"},
      {"privsep is:agred",
       "error: is:agred is not a minutes item or an action status (is: topic, agreed, accepted, "
       "rejected, action, info, idea, link, help, vote, consensus, decision; open, carried, "
       "done); that filter was left out"},
      {std::string(17, '(') + "a" + std::string(17, ')'), "error: more than 16 nested parentheses"},
      {"()", "error: empty expression"},
  };
  for (const auto& [q, message] : cases) EXPECT_EQ(parsed(q), message) << q;
}

TEST(QueryParserTest, LenientRetryReadsWithoutParenthesesElsePlainWords) {
  ParsedQuery p = parse_query("(privsep AND \"rootwrap", kNow);
  EXPECT_TRUE(p.lenient);
  EXPECT_EQ(p.problem, "unterminated quote; missing ')'");
  EXPECT_EQ(to_string(root_of(p)), "(and (word privsep) (word rootwrap))");
  ParsedQuery unbalanced = parse_query("privsep) OR (rootwrap", kNow);
  EXPECT_EQ(unbalanced.problem, "unexpected ')'");
  EXPECT_EQ(to_string(root_of(unbalanced)), "(or (word privsep) (word rootwrap))");
  ParsedQuery words = parse_query("a OR OR b", kNow);
  EXPECT_EQ(words.problem, "OR needs words on both sides");
  EXPECT_EQ(to_string(root_of(words)), "(and (word a) (word OR) (word OR) (word b))");
  ParsedQuery ok = parse_query("privsep", kNow);
  EXPECT_FALSE(ok.lenient);
  ParsedQuery nothing = parse_query("((", kNow);
  EXPECT_TRUE(nothing.lenient);
  EXPECT_EQ(to_string(root_of(nothing)), "(all)");
}

// Field filters restrict the whole query wherever they stand, as in
// Xapian's QueryParser, GitHub and Gmail (DESIGN.md 4).
TEST(QueryParserTest, FiltersRestrictTheWholeQuery) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"release OR upgrade meeting:nova",
       "(and (or (word release) (word upgrade)) (field meeting nova))"},
      {"meeting:nova release OR upgrade",
       "(and (or (word release) (word upgrade)) (field meeting nova))"},
      {"release OR meeting:nova", "(and (word release) (field meeting nova))"},
      {"(a meeting:nova) OR b", "(and (or (word a) (word b)) (field meeting nova))"},
      {"a OR (meeting:nova) OR b", "(and (or (word a) (word b)) (field meeting nova))"},
      {"a AND from:x", "(and (word a) (field person x))"},
      // The same field twice is either value; different fields both hold.
      {"meeting:nova meeting:tc", "(or (field meeting nova) (field meeting tc))"},
      {"privsep meeting:nova from:x meeting:tc",
       "(and (word privsep) (or (field meeting nova) (field meeting tc)) (field person x))"},
      {"is:agreed is:action", "(or (field item agreed) (field item action))"},
      {"date:2019 on:2020-05-14",
       "(or (date 2019-01-01T00:00:00Z 2020-01-01T00:00:00Z) "
       "(date 2020-05-14T00:00:00Z 2020-05-15T00:00:00Z))"},
      {"after:2020-01-01 before:2020-03-01",
       "(and (date 2020-01-02T00:00:00Z *) (date * 2020-03-01T00:00:00Z))"},
      // Excluded: with a minus, NOT, or inside a negated group.
      {"-meeting:nova", "(not (field meeting nova))"},
      {"privsep NOT meeting:nova", "(and (word privsep) (not (field meeting nova)))"},
      {"privsep -(meeting:nova OR meeting:tc)",
       "(and (word privsep) (not (field meeting nova)) (not (field meeting tc)))"},
      {"privsep -(rootwrap meeting:nova)",
       "(and (word privsep) (not (word rootwrap)) (not (field meeting nova)))"},
      {"meeting:tc -meeting:nova", "(and (field meeting tc) (not (field meeting nova)))"},
      // topic: ranks: it stays in the text, where it stood.
      {"goals OR topic:privsep meeting:tc",
       "(and (or (word goals) (field topic privsep)) (field meeting tc))"},
  };
  for (const auto& [q, ast] : cases) EXPECT_EQ(parsed(q), ast) << q;
}

TEST(QueryParserTest, AFilterWithABadValueIsLeftOutAndTheRestKept) {
  ParsedQuery p = parse_query("release date:2020-13 meeting:nova", kNow);
  EXPECT_TRUE(p.lenient);
  EXPECT_EQ(to_string(root_of(p)), "(and (word release) (field meeting nova))");
  EXPECT_EQ(p.problem,
            "date:2020-13 is not a date (use YYYY, YYYY-MM, YYYY-MM-DD, A..B, today, yesterday, "
            "or 3d, 2w, 6m, 1y); that filter was left out");
  // An unbalanced parenthesis: the words as plain words, the filter kept.
  ParsedQuery q = parse_query("privsep) meeting:tc", kNow);
  EXPECT_TRUE(q.lenient);
  EXPECT_EQ(q.problem, "unexpected ')'");
  EXPECT_EQ(to_string(root_of(q)), "(and (word privsep) (field meeting tc))");
}

TEST(QueryParserTest, ProgramFiltersAreNodesOfTheirOwn) {
  auto f = parse_filter("-in:openstack-tc");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(*f, (Filter{"in", {"openstack-tc"}, true}));
  EXPECT_EQ(filter_strings(*f), std::vector<std::string>{"-in:openstack-tc"});
  auto node = filter_node({"meeting", {"Nova", "tc"}}, kNow);
  ASSERT_TRUE(node.ok());
  EXPECT_EQ(to_string(*node), "(or (field meeting nova) (field meeting tc))");
  auto decision = filter_node({"is", {"decision"}, true}, kNow);
  ASSERT_TRUE(decision.ok());
  EXPECT_EQ(to_string(*decision),
            "(not (or (field item agreed) (field item accepted) (field item rejected) "
            "(field item action) (field item vote) (field item consensus)))");
  EXPECT_FALSE(parse_filter("privsep").ok());
  EXPECT_FALSE(filter_node({"topic", {"x"}}, kNow).ok()) << "topic: ranks, it does not filter";
  EXPECT_FALSE(filter_node({"colour", {"x"}}, kNow).ok());
  EXPECT_FALSE(filter_node({"date", {"2020-13"}}, kNow).ok());
}

TEST(QueryParserTest, HasText) {
  EXPECT_TRUE(has_text(node("privsep from:x")));
  EXPECT_FALSE(has_text(node("from:x is:agreed")));
  EXPECT_FALSE(has_text(node("-privsep")));
}

// Wildcards expand over the terms of the database (the most frequent first).
Xapian::Database wildcard_terms() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& terms : std::vector<std::vector<std::string>>{
           {"privat", "privsep", "configur"}, {"privat", "configurationdb", "Aprivat"}}) {
    Xapian::Document doc;
    for (const std::string& t : terms) doc.add_term(t);
    db.add_document(doc);
  }
  return db;
}

// Every line shown (HiddenLinesAreLeftOutUnlessAskedFor): shown lines'
// terms and hidden lines' twins both.
const Shown kAllLines{true, true};

TEST(XapianQueryTest, GoldenDescriptions) {
  const Xapian::Database db = wildcard_terms();
  const std::vector<std::pair<std::string, std::string>> cases = {
      // Words and fields other than topic: are on line records only: no
      // type filter, which would cost a step through every record.
      {"privsep", "Query(privsep)"},
      {"Migrations goals", "Query((migrat AND goal))"},
      {"\"ubuntu 20.04\"", "Query((ubuntu PHRASE 2 20.04))"},
      {"sean-k-mooney", "Query((sean PHRASE 3 k PHRASE 3 mooney))"},
      // words, then filters
      {"from:mnaser privsep", "Query((privsep AND 0 * Amnaser))"},
      {"is:agreed", "Query(0 * XIagreed)"},
      {"a -b", "Query((a AND_NOT b))"},
      {"priv*", "Query((privat SYNONYM privsep))"},
      {"zzz*", "Query()"},
      {"privsep & -", "Query(privsep)"},
      {"& OR privsep", "Query(privsep)"},
      {"configuration*", "Query((configur SYNONYM configurationdb))"},
      {"topic:goals privsep", "Query((XTgoal AND privsep))"},
      // Meetings carry topics and times, and everything is matched by a
      // negation alone: these are filtered to records; and, needing no
      // term of shown lines, away from hidden lines.
      {"-b", "Query((((<alldocuments> AND_NOT b) FILTER XYrecord) AND_NOT XH))"},
      {"topic:goals", "Query((XTgoal FILTER XYrecord))"},
      {"topic:goals OR privsep", "Query(((XTgoal OR privsep) FILTER XYrecord))"},
      {"-&", "Query(((<alldocuments> FILTER XYrecord) AND_NOT XH))"},
  };
  for (const auto& [q, description] : cases) {
    EXPECT_EQ(to_xapian(node(q), db).get_description(), description) << q;
  }
}

// Bots' lines and channel events (bots.h) are left out unless shown or asked
// for by the query: a positive kind:, or from: a person who has only those.
TEST(XapianQueryTest, HiddenLinesAreLeftOutUnlessAskedFor) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* term : {"Agmann", "XWAgmann", "XWAopenstack"}) {
    Xapian::Document doc;
    doc.add_term(term);
    db.add_document(doc);
  }
  auto described = [&](const std::string& q, Shown shown = {}) {
    HiddenQueries hidden;
    std::string d =
        to_xapian(node(q), db, std::nullopt, kMaxWildcardExpansion, nullptr, shown, &hidden)
            .get_description();
    if (hidden.lines) d += " counted:" + hidden.lines->get_description();
    return d;
  };
  // Left out, they cost a query of words nothing: it reads shown lines'
  // terms only; their count reads the twins.
  EXPECT_EQ(described("privsep"), "Query(privsep) counted:Query(XWprivsep)");
  EXPECT_EQ(described("privsep", {true, false}),
            "Query(((privsep OR XWprivsep) AND_NOT XHevent)) counted:Query(((privsep OR XWprivsep) "
            "FILTER XHevent))");
  EXPECT_EQ(described("privsep", {true, true}), "Query((privsep OR XWprivsep))");
  EXPECT_EQ(described("kind:bot meeting"),
            "Query((((meet OR XWmeet) AND 0 * XKbot) AND_NOT XHevent)) counted:Query((((meet OR "
            "XWmeet) AND 0 * XKbot) FILTER XHevent))");
  // A kind of shown lines needs no restriction either; a filter all lines have does.
  EXPECT_EQ(described("kind:say"), "Query(0 * XKsay) counted:Query((0 * XKsay FILTER XH))");
  EXPECT_EQ(described("meeting:tc"),
            "Query((0 * XMtc AND_NOT XH)) counted:Query((0 * XMtc FILTER XH))");
  EXPECT_EQ(described("kind:join"),
            "Query((0 * XKjoin AND_NOT XHbot)) counted:Query((0 * XKjoin FILTER XHbot))");
  // Excluding bots asks for nothing.
  EXPECT_EQ(described("meeting -kind:bot"),
            "Query((meet AND_NOT XKbot)) counted:Query((XWmeet AND_NOT XKbot))");
  // A person who said something: their lines; one with hidden lines only: those.
  EXPECT_EQ(described("from:gmann"), "Query(0 * Agmann) counted:Query(0 * XWAgmann)");
  EXPECT_EQ(described("from:openstack"), "Query(0 * (Aopenstack OR XWAopenstack))");
  EXPECT_EQ(described("-from:openstack meeting"),
            "Query((meet AND_NOT Aopenstack)) counted:Query((XWmeet AND_NOT XWAopenstack))");
}

TEST(XapianQueryTest, DateRangesIncludeBothEnds) {
  std::string d = to_xapian(node("date:2020-05-14"), Xapian::Database()).get_description();
  EXPECT_NE(d.find("VALUE_RANGE 0"), std::string::npos) << d;
}

TEST(XapianQueryTest, InAShardADateRangeCoveringOrMissingItsTimesReadsNoValue) {
  QueryNode agreed = node("is:agreed date:2016..2020");
  Xapian::Database none;
  auto in = [&](double first, double last) {
    return to_xapian(agreed, none, TimeSpan{first, last}).get_description();
  };
  const double y2017 = 1483228800, y2018 = 1514764800, y2021 = 1609459200, y2022 = 1640995200;
  EXPECT_EQ(in(y2017, y2018), "Query(0 * XIagreed)") << "2017 lies within: no value read";
  EXPECT_EQ(in(y2021, y2022), "Query()") << "2021 lies beyond: nothing";
  EXPECT_NE(in(y2017, y2022).find("VALUE_RANGE 0"), std::string::npos) << "partly within";
  EXPECT_NE(to_xapian(agreed, none).get_description().find("VALUE_RANGE 0"), std::string::npos);
  EXPECT_TRUE(depends_on_shard(agreed));
  EXPECT_FALSE(depends_on_shard(node("priv* date:2016")))
      << "a wildcard is expanded once, over the whole";
  // Alone, a covering range still keeps to records.
  EXPECT_EQ(to_xapian(node("date:2016..2020"), none, TimeSpan{y2017, y2018}, kMaxWildcardExpansion,
                      nullptr, kAllLines)
                .get_description(),
            "Query((<alldocuments> FILTER XYrecord))");
}

TEST(XapianQueryTest, HighlightTermsAreThePositiveWords) {
  EXPECT_EQ(highlight_terms(node("Migrations \"ubuntu 20.04\" priv* -nova from:x")),
            (std::set<std::string>{"20.04", "migrat", "priv*", "ubuntu"}));
}

}  // namespace
}  // namespace eavesearch
