#include "vocabulary.h"

#include <set>

namespace eavesearch::gen {

Vocabulary::Vocabulary()
    : topics_(build_topics()),
      phrases_(build_phrases()),
      team_terms_(build_team_terms()),
      team_repos_(build_team_repos()) {
  std::set<std::string> seen;
  for (const auto& [team, repos] : team_repos_) {
    if (team == "tc" || team == "uc" || team == "community") continue;
    for (const std::string& repo : repos) {
      if (seen.insert(repo).second) all_repos_.push_back(repo);
    }
  }
  for (const char* extra : {"python-openstackclient", "openstacksdk", "requirements", "devstack",
                            "designate", "barbican", "octavia", "heat"}) {
    if (seen.insert(extra).second) all_repos_.push_back(extra);
  }
}

const Vocabulary& Vocabulary::get() {
  static const Vocabulary kVocabulary;
  return kVocabulary;
}

const std::vector<std::string>& Vocabulary::team_terms(const std::string& team) const {
  static const std::vector<std::string> kNone;
  for (const auto& [key, terms] : team_terms_) {
    if (key == team) return terms;
  }
  return kNone;
}

const std::vector<std::string>& Vocabulary::team_repos(const std::string& team) const {
  static const std::vector<std::string> kNone;
  for (const auto& [key, repos] : team_repos_) {
    if (key == team) return repos;
  }
  return kNone;
}

}  // namespace eavesearch::gen
