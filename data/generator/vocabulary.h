// What people say in the generated meetings: agenda topics with their
// keywords, and sentence templates with {slot} markers that TextExpander
// fills in (see text_expander.h for the slot names).
#ifndef EAVESEARCH_DATA_GENERATOR_VOCABULARY_H_
#define EAVESEARCH_DATA_GENERATOR_VOCABULARY_H_

#include <cstdint>
#include <string>
#include <vector>

namespace eavesearch::gen {

enum class TopicKind {
  kRollCall,
  kPastActions,
  kGeneric,
  kBugs,
  kGate,
  kRelease,
  kOpen,
};

struct TopicDef {
  TopicKind kind = TopicKind::kGeneric;
  int from = 0;                    // YYYYMMDD; 0 = always
  int to = 0;                      // YYYYMMDD inclusive; 0 = always
  std::vector<std::string> teams;  // empty = any team
  int weight = 1;
  std::vector<std::string> titles;  // #topic texts, may contain {slots}
  std::vector<std::string> terms;   // what the discussion is about
};

enum class Phrase {
  kStatement,     // a remark about {term}
  kQuestion,      // "{to}: ..." asked of someone
  kOpenQuestion,  // asked of everybody
  kAnswer,        // reply of the person asked
  kReaction,      // "+1", "ack", ...
  kGreeting,      // roll call answers
  kChairHello,    // the chair opening the meeting
  kChairMove,     // the chair moving the agenda along
  kChairClose,    // the chair wrapping up
  kFarewell,      // attendees at the end
  kMe,            // /me actions, without the nick
  kInfo,          // text after #info
  kLink,          // text after #link
  kIdea,          // text after #idea
  kHelp,          // text after #help
  kAgreed,        // text after #agreed
  kTask,          // what follows "#action <owner> to "
  kVoteQuestion,  // #startvote question, without '?'
  kBugLine,
  kGateLine,
  kReleaseLine,
  kOpenLine,    // open discussion remarks
  kPastAction,  // answers about last week's action items
  // --plant-ledger: an owner's answer when an action item is reviewed.
  kActionDone,     // it is done
  kActionCarried,  // not done: carry it over
  kActionOpen,     // not done, and nothing more said
  kUnicode,        // lines with non-ASCII text
  kHtml,           // lines with HTML-like text the search engine must escape
  kBareUrl,        // a line starting with a URL (MeetBot links it)
  kCount,
};

class Vocabulary {
 public:
  // The shared, immutable vocabulary (built on first use, thread-safe).
  static const Vocabulary& get();

  const std::vector<TopicDef>& topics() const { return topics_; }
  const std::vector<std::string>& phrases(Phrase p) const { return phrases_[static_cast<int>(p)]; }
  // Project-specific keywords of a team (empty for teams without any).
  const std::vector<std::string>& team_terms(const std::string& team) const;
  // Repositories a team works on; the first is its main one.
  const std::vector<std::string>& team_repos(const std::string& team) const;
  // Well-known repositories, for "{other_project}".
  const std::vector<std::string>& all_repos() const { return all_repos_; }

 private:
  Vocabulary();

  std::vector<TopicDef> topics_;
  std::vector<std::vector<std::string>> phrases_;
  std::vector<std::pair<std::string, std::vector<std::string>>> team_terms_;
  std::vector<std::pair<std::string, std::vector<std::string>>> team_repos_;
  std::vector<std::string> all_repos_;
};

// Builders implemented in separate files to keep each one readable.
std::vector<TopicDef> build_topics();
std::vector<std::vector<std::string>> build_phrases();
std::vector<std::pair<std::string, std::vector<std::string>>> build_team_terms();
std::vector<std::pair<std::string, std::vector<std::string>>> build_team_repos();

// Splits "a|b|c" into {"a", "b", "c"}.
std::vector<std::string> split_bar(const std::string& text);

}  // namespace eavesearch::gen

#endif  // EAVESEARCH_DATA_GENERATOR_VOCABULARY_H_
