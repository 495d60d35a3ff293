// Fills the {slots} of vocabulary templates with era-appropriate values:
// review and bug URLs whose numbers grow with the date, the release cycle of
// the day, Python versions and distros of the time, attendee nicks.
#ifndef EAVESEARCH_DATA_GENERATOR_TEXT_EXPANDER_H_
#define EAVESEARCH_DATA_GENERATOR_TEXT_EXPANDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rng.h"
#include "vocabulary.h"

namespace eavesearch::gen {

// What the expander knows about the meeting; owned by the caller, which may
// change `terms`, `focus` and `nicks` between calls.
struct ExpansionContext {
  int64_t day = 0;                 // meeting date, days since 1970-01-01
  std::string team;                // MeetingSeries::team
  std::string project;             // main repository, e.g. "nova"
  std::string chair;               // nick of the chair running the meeting
  std::string agenda_url;          // may be empty
  std::vector<std::string> nicks;  // attendees as they appear (bot excluded)
  std::vector<std::string> terms;  // keywords of the current topic
  std::string focus;               // the keyword being discussed right now
};

// Slots: {nick} {to} {chair} {pinglist} {project} {other_project} {term}
// {term2} {review} {bug} {bug2} {bug_url} {etherpad} {spec} {ml} {log_url}
// {story} {doc} {agenda} {cycle} {next_cycle} {prev_cycle} {stable}
// {milestone} {version} {job} {py} {distro} {file} {weekday} {num} {pct}
// {name} {time}. Unknown slots are copied through unchanged.
class TextExpander {
 public:
  TextExpander(const Vocabulary& vocab, const ExpansionContext& ctx, Rng& rng)
      : vocab_(vocab), ctx_(ctx), rng_(rng) {}

  // `speaker` is never chosen for {nick}; `to` fills {to}.
  std::string expand(std::string_view tmpl, std::string_view speaker = {},
                     std::string_view to = {});

  // Release cycle names around the meeting date, lowercase ("victoria").
  std::string cycle(int offset) const;

  // A keyword for the current topic: usually the focus.
  std::string term();

 private:
  void append_slot(std::string_view name, std::string_view speaker, std::string_view to,
                   std::string* out);
  std::string other_nick(std::string_view speaker, std::string_view to);
  std::string review_url();
  int64_t bug_number();
  std::string job();

  const Vocabulary& vocab_;
  const ExpansionContext& ctx_;
  Rng& rng_;
};

// "Live migration" -> "live-migration".
std::string slug(std::string_view text);

}  // namespace eavesearch::gen

#endif  // EAVESEARCH_DATA_GENERATOR_TEXT_EXPANDER_H_
