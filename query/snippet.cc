#include "query/snippet.h"

#include <vector>

#include "eavesearch/text.h"

namespace eavesearch {
namespace {

bool matches(const std::string& term, const std::set<std::string>& terms) {
  if (terms.count(term)) return true;
  for (const std::string& t : terms) {
    if (!t.empty() && t.back() == '*' && term.compare(0, t.size() - 1, t, 0, t.size() - 1) == 0) {
      return true;
    }
  }
  return false;
}

// Moves `at` back to the start of a UTF-8 sequence.
std::size_t char_start(std::string_view s, std::size_t at) {
  while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

}  // namespace

std::string make_snippet(std::string_view text, const std::set<std::string>& terms) {
  struct Span {
    std::size_t begin, end;
  };
  std::vector<Span> marks;
  for_each_token(text, [&](const Token& t) {
    if (matches(t.term, terms)) marks.push_back({t.offset, t.offset + t.length});
  });
  std::size_t begin = 0;
  std::size_t end = text.size();
  if (text.size() > kSnippetBytes) {
    std::size_t first = marks.empty() ? 0 : marks.front().begin;
    begin = first > kSnippetBytes / 3 ? char_start(text, first - kSnippetBytes / 3) : 0;
    end = char_start(text, std::min(text.size(), begin + kSnippetBytes));
    if (end < text.size()) end = char_start(text, end);
  }
  std::string out = begin > 0 ? "…" : "";
  std::size_t at = begin;
  for (const Span& m : marks) {
    if (m.begin < begin || m.end > end) continue;
    out += html_escape(text.substr(at, m.begin - at));
    out += "<mark>" + html_escape(text.substr(m.begin, m.end - m.begin)) + "</mark>";
    at = m.end;
  }
  out += html_escape(text.substr(at, end - at));
  if (end < text.size()) out += "…";
  return out;
}

std::string snippet_text(const Record& record) {
  if (!record.vote) return record.text;
  return record.text + " " + vote_minutes_text(*record.vote);
}

}  // namespace eavesearch
