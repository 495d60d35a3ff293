// The query language: parse_query and its printable form, the Xapian query
// made of it (over a database with no shards: wildcards expand to nothing),
// the words a snippet marks; and the same text read as a filter= parameter.
#include <xapian.h>

#include "eavesearch/query.h"
#include "fuzz/fuzz_input.h"
#include "query/xapian_query.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eavesearch;
  constexpr std::int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z
  std::string_view text = fuzz::as_text(data, size);
  ParsedQuery parsed = parse_query(text, kNow);
  QueryNode root = root_of(parsed);
  to_string(root);
  has_text(root);
  to_xapian(root, Xapian::Database()).get_description();
  highlight_terms(root);
  if (auto filter = parse_filter(text)) {
    fuzz::expect(filter_strings(*filter).size() == filter->values.size(),
                 "a filter reads back as one string a value");
    if (auto node = filter_node(*filter, kNow)) to_string(*node);
  }
  return 0;
}
