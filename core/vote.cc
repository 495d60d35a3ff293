#include "eavesearch/record.h"

namespace eavesearch {

std::string vote_minutes_text(const VoteResult& vote) {
  std::string text = "Voted on \"" + vote.question + "\" Results are";
  for (const auto& [option, n] : vote.results) text += ", " + option + ": " + std::to_string(n);
  return text;
}

}  // namespace eavesearch
