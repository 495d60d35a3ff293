#include "core/sort_key.h"

#include <gtest/gtest.h>

namespace eavesearch {
namespace {

TEST(SortKeyTest, OrdersByTimeThenStemThenLineNumber) {
  EXPECT_LT(sort_key(5, "a#9"), sort_key(5, "a#10"));
  EXPECT_LT(sort_key(5, "a#999"), sort_key(5, "b#1"));
  EXPECT_LT(sort_key(5, "z#1"), sort_key(6, "a#1"));
  EXPECT_LT(sort_key(99999, "a#1"), sort_key(100000, "a#1"));
  EXPECT_EQ(sort_key(1589468873, "m/tc#12"), "001589468873m/tc#000000012");
  EXPECT_EQ(sort_key(7, "meetings/tc/2020/tc.2020-05-14-15.07"),
            "000000000007meetings/tc/2020/tc.2020-05-14-15.07");
}

}  // namespace
}  // namespace eavesearch
