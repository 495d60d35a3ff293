// Validators and conditional GETs (RFC 9110): HTTP dates, ETags, 304 or not.
#include "server/conditional_get.h"

#include <gtest/gtest.h>

namespace eavesearch {
namespace {

TEST(HttpDateTest, WritesAndReadsImfFixdate) {
  EXPECT_EQ(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(http_date(1589468873), "Thu, 14 May 2020 15:07:53 GMT");
  EXPECT_EQ(http_date(1709251199), "Thu, 29 Feb 2024 23:59:59 GMT");
  EXPECT_EQ(http_date(1733270400), "Wed, 04 Dec 2024 00:00:00 GMT");
  for (std::int64_t t : {0L, 1589468873L, 1709251199L, 1733270400L, 4102444799L})
    EXPECT_EQ(parse_http_date(http_date(t)), t) << t;
  for (const char* bad :
       {"", "yesterday", "Thursday, 14-May-20 15:07:53 GMT", "Thu May 14 15:07:53 2020",
        "Thu, 31 Apr 2020 15:07:53 GMT", "Thu, 14 Foo 2020 15:07:53 GMT",
        "Thu, 14 May 2020 25:07:53 GMT", "Thu, 14 May 2020 15:07:53 UTC"})
    EXPECT_EQ(parse_http_date(bad), std::nullopt) << bad;
}

TEST(ValidatorsTest, TheSameArgumentsTheSameTagAndAnyChangeAnother) {
  Validators v = validators_for("ino:1.2:3;", 100, "/feeds/search.atom?q=a&", 20000);
  EXPECT_EQ(v.etag, validators_for("ino:1.2:3;", 100, "/feeds/search.atom?q=a&", 20000).etag);
  EXPECT_EQ(v.etag.size(), 18u);
  EXPECT_TRUE(v.etag.starts_with("\"") && v.etag.ends_with("\""));
  EXPECT_EQ(v.last_modified, 100);
  EXPECT_NE(v.etag, validators_for("ino:1.2:4;", 100, "/feeds/search.atom?q=a&", 20000).etag);
  EXPECT_NE(v.etag, validators_for("ino:1.2:3;", 100, "/feeds/search.atom?q=b&", 20000).etag);
  EXPECT_NE(v.etag, validators_for("ino:1.2:3;", 100, "/feeds/search.atom?q=a&", 20001).etag);
  EXPECT_NE(validators_for("ab", 0, "c", 0).etag, validators_for("a", 0, "bc", 0).etag);
}

TEST(NotModifiedTest, AnswersTheRequestsConditions) {
  Validators v{"\"abc\"", 1589468873};
  struct Case {
    const char* what;
    httplib::Headers headers;
    bool not_modified;
  } cases[] = {
      {"no condition", {}, false},
      {"its tag", {{"If-None-Match", "\"abc\""}}, true},
      {"its tag, weak", {{"If-None-Match", "W/\"abc\""}}, true},
      {"in a list", {{"If-None-Match", "\"x\" , \"abc\""}}, true},
      {"any", {{"If-None-Match", "*"}}, true},
      {"another tag", {{"If-None-Match", "\"abcd\""}}, false},
      {"unquoted", {{"If-None-Match", "abc"}}, false},
      {"since then", {{"If-Modified-Since", "Thu, 14 May 2020 15:07:53 GMT"}}, true},
      {"later", {{"If-Modified-Since", "Fri, 15 May 2020 00:00:00 GMT"}}, true},
      {"earlier", {{"If-Modified-Since", "Thu, 14 May 2020 15:07:52 GMT"}}, false},
      {"a bad date", {{"If-Modified-Since", "Thu, 14 May 2020"}}, false},
      {"the tag decides over the date",
       {{"If-None-Match", "\"x\""}, {"If-Modified-Since", "Fri, 15 May 2020 00:00:00 GMT"}},
       false},
  };
  for (const Case& c : cases) {
    httplib::Request req;
    req.headers = c.headers;
    EXPECT_EQ(not_modified(req, v), c.not_modified) << c.what;
  }
}

}  // namespace
}  // namespace eavesearch
