// The one value a record's facets are counted from: its person, meeting,
// channel, kind and month ("2020-05"), joined by '\x1f' (a control
// character, which log text never keeps). The year facet is the month's
// first four characters. Counting every facet takes one value read per
// match, not one per facet. For indexer/ and query/.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace eavesearch {

// The facets a packed value holds, in order; "year" comes from "month".
inline constexpr std::array<std::string_view, 5> kPackedFacets = {"person", "meeting", "channel",
                                                                  "kind", "month"};
inline constexpr char kFacetSeparator = '\x1f';

inline std::string pack_facets(const std::array<std::string_view, 5>& values) {
  std::string out;
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (k > 0) out += kFacetSeparator;
    out.append(values[k]);
  }
  return out;
}

// Calls f(k, value) for each non-empty value of a packed value, k indexing
// kPackedFacets.
template <typename F>
void for_each_facet(std::string_view packed, F&& f) {
  for (std::size_t k = 0; k < kPackedFacets.size(); ++k) {
    std::size_t end = packed.find(kFacetSeparator);
    std::string_view value = packed.substr(0, end);
    if (!value.empty()) f(k, value);
    if (end == std::string_view::npos) return;
    packed.remove_prefix(end + 1);
  }
}

}  // namespace eavesearch
