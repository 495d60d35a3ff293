#include "query/date_value.h"

#include <gtest/gtest.h>

#include "eavesearch/query.h"
#include "eavesearch/time_util.h"

namespace eavesearch {
namespace {

const std::int64_t kNow = to_epoch({2024, 3, 31, 8, 30, 0});

std::string range(std::string_view field, std::string_view value) {
  auto r = parse_date_filter(field, value, kNow);
  if (!r) return "error";
  auto end = [](std::int64_t t) {
    return t == QueryNode::kOpenStart || t == QueryNode::kOpenEnd ? std::string("*")
                                                                  : format_iso(t);
  };
  return end(r->first) + " " + end(r->second);
}

TEST(DateValueTest, Table) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"date", "2020-02", "2020-02-01T00:00:00Z 2020-03-01T00:00:00Z"},
      {"date", "2020-12", "2020-12-01T00:00:00Z 2021-01-01T00:00:00Z"},
      {"date", "2020-02-29", "2020-02-29T00:00:00Z 2020-03-01T00:00:00Z"},
      {"date", "2019-02-29", "error"},
      {"date", "today", "2024-03-31T00:00:00Z 2024-04-01T00:00:00Z"},
      {"date", "Yesterday", "2024-03-30T00:00:00Z 2024-03-31T00:00:00Z"},
      {"date", "1m..", "2024-02-28T00:00:00Z *"},
      {"date", "1y..", "2023-03-28T00:00:00Z *"},
      {"date", "2020..2021", "2020-01-01T00:00:00Z 2022-01-01T00:00:00Z"},
      {"date", "..", "error"},
      {"date", "1969", "error"},
      {"date", "soon", "error"},
      {"date", "5x", "error"},
      {"date", "365d", "2023-04-01T00:00:00Z *"},  // 2024 is a leap year
      {"date", "104w..2w", "2022-04-03T00:00:00Z 2024-03-18T00:00:00Z"},
      {"after", "3d", "2024-03-29T00:00:00Z *"},
      {"before", "1w", "* 2024-03-24T00:00:00Z"},
      {"on", "1d", "2024-03-30T00:00:00Z 2024-03-31T00:00:00Z"},
      {"on", "2020-05", "2020-05-01T00:00:00Z 2020-06-01T00:00:00Z"},
      {"after", "2020", "2021-01-01T00:00:00Z *"},
      {"before", "2020-05", "* 2020-05-01T00:00:00Z"},
      {"after", "2020..2021", "error"},
      // Months and years back past year 0 stay in the past (they named a day
      // in year 2,000,000 or in month -9, matching nothing).
      {"date", "24290m", "0000-01-28T00:00:00Z *"},
      {"date", "24291m", "-001-12-28T00:00:00Z *"},
      {"date", "999999m", "-81310-12-28T00:00:00Z *"},
      {"date", "999999y", "-997975-03-28T00:00:00Z *"},
      {"before", "30000m", "* -476-03-28T00:00:00Z"},
  };
  for (const auto& [field, value, expected] : cases) {
    EXPECT_EQ(range(field, value), expected) << field << ":" << value;
  }
}

}  // namespace
}  // namespace eavesearch
