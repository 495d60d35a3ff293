#include "core/sort_key.h"

#include <gtest/gtest.h>

namespace eavesearch {
namespace {

TEST(SortKeyTest, OrdersByTimeThenLogThenLineNumber) {
  EXPECT_LT(sort_key(5, "a#9"), sort_key(5, "a#10"));
  EXPECT_LT(sort_key(5, "z#1"), sort_key(6, "a#1"));
  EXPECT_LT(sort_key(99999, "a#1"), sort_key(100000, "a#1"));
  EXPECT_LT(sort_key(1589468873, "m/tc#999"), sort_key(1589468874, "m/tc#1"));
  // Two logs at the same second: a fixed order (by the logs' hashes), whole logs together.
  bool a_first = sort_key(5, "a#999") < sort_key(5, "b#1");
  EXPECT_EQ(sort_key(5, "a#1") < sort_key(5, "b#999"), a_first);
  EXPECT_NE(sort_key(5, "a#1"), sort_key(5, "b#1"));
  // A meeting document's id has no line.
  EXPECT_EQ(sort_key(7, "meetings/tc/2020/tc.2020-05-14-15.07").size(), 20u);
  EXPECT_EQ(sort_key(7, "meetings/tc/2020/tc.2020-05-14-15.07").substr(8, 8),
            log_key("meetings/tc/2020/tc.2020-05-14-15.07"));
}

TEST(SortKeyTest, GivesBackItsTimeLogAndLine) {
  for (std::int64_t time : {std::int64_t{0}, std::int64_t{1589468873}, std::int64_t{-3}}) {
    std::string key = sort_key(time, "meetings/tc/2020/tc.2020-05-14-15.07#42");
    EXPECT_EQ(sort_key_time(key), time);
    EXPECT_EQ(sort_key_log(key), log_key("meetings/tc/2020/tc.2020-05-14-15.07"));
    EXPECT_EQ(sort_key_line(key), 42u);
  }
  EXPECT_EQ(sort_key_time("short"), 0);
}

TEST(SortKeyTest, LogKeysAreEightBytesAndStable) {
  EXPECT_EQ(log_key("meetings/tc/2020/tc.2020-05-14-15.07").size(), 8u);
  EXPECT_EQ(log_key(""), std::string("\xcb\xf2\x9c\xe4\x84\x22\x23\x25", 8));  // FNV-1a's basis
  EXPECT_NE(log_key("a"), log_key("b"));
}

}  // namespace
}  // namespace eavesearch
