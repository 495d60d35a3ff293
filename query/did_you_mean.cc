#include "query/did_you_mean.h"

#include "eavesearch/text.h"

namespace eavesearch {
namespace {

void collect_words(const QueryNode& n, std::vector<std::string>& out) {
  using Type = QueryNode::Type;
  if (n.type == Type::kWord || n.type == Type::kPhrase) {
    for_each_token(n.value,
                   [&](const Token& t) { out.emplace_back(n.value.substr(t.offset, t.length)); });
  } else if (n.type == Type::kAnd || n.type == Type::kOr) {
    for (const QueryNode& c : n.children) collect_words(c, out);
  }
}

}  // namespace

std::optional<std::string> did_you_mean(const Xapian::Database& db, const std::string& q,
                                        const QueryNode& root) {
  std::vector<std::string> words;
  collect_words(root, words);
  std::string corrected = q;
  bool changed = false;
  std::size_t from = 0;
  for (const std::string& word : words) {
    std::size_t at = corrected.find(word, from);
    if (at == std::string::npos) continue;
    from = at + word.size();
    if (db.get_termfreq(index_term(word)) > 0) continue;
    std::string suggestion = db.get_spelling_suggestion(fold(word), 2);
    if (suggestion.empty() || suggestion == fold(word)) continue;
    corrected.replace(at, word.size(), suggestion);
    from = at + suggestion.size();
    changed = true;
  }
  if (!changed) return std::nullopt;
  return corrected;
}

}  // namespace eavesearch
