// The query language: parse_query and its printable form, the Xapian query
// made of it (over a database with no shards: wildcards expand to nothing),
// the same text read as a filter= parameter; and, when the input has a
// second line, the snippet of that line of a log for the query. A snippet
// is the one HTML the page inserts: its only tags must be <mark>s.
#include <xapian.h>

#include "eavesearch/query.h"
#include "eavesearch/text.h"
#include "fuzz/contracts.h"
#include "fuzz/fuzz_input.h"
#include "query/snippet.h"
#include "query/xapian_query.h"

namespace {

using namespace eavesearch;

// Takes every `tag` out of `html`; how many there were.
std::size_t take_out(std::string& html, std::string_view tag) {
  std::size_t n = 0;
  for (std::size_t at; (at = html.find(tag)) != std::string::npos; ++n) html.erase(at, tag.size());
  return n;
}

void expect_only_marks(std::string snippet) {
  fuzz::expect(fuzz::is_clean_text(snippet), "a snippet of clean text is clean UTF-8");
  std::size_t opened = take_out(snippet, "<mark>");
  fuzz::expect(opened == take_out(snippet, "</mark>"), "a snippet's <mark>s are closed");
  fuzz::expect(snippet.find_first_of("<>\"'") == std::string::npos,
               "a snippet's only tags are <mark>s, and no quote is left unescaped");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z
  std::string_view input = fuzz::as_text(data, size);
  std::size_t nl = input.find('\n');
  std::string_view text = input.substr(0, nl);
  ParsedQuery parsed = parse_query(text, kNow);
  QueryNode root = root_of(parsed);
  to_string(root);
  has_text(root);
  to_xapian(root, Xapian::Database()).get_description();
  if (nl != std::string_view::npos) {
    expect_only_marks(make_snippet(clean_line(input.substr(nl + 1)), highlight_terms(root)));
  }
  if (auto filter = parse_filter(text)) {
    fuzz::expect(filter_strings(*filter).size() == filter->values.size(),
                 "a filter reads back as one string a value");
    if (auto node = filter_node(*filter, kNow)) to_string(*node);
  }
  return 0;
}
