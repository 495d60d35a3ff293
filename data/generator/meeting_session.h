// Private to the generator: the state of one meeting being written.
#ifndef EAVESEARCH_DATA_GENERATOR_MEETING_SESSION_H_
#define EAVESEARCH_DATA_GENERATOR_MEETING_SESSION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "meeting_writer.h"
#include "rng.h"
#include "text_expander.h"
#include "vocabulary.h"

namespace eavesearch::gen {

class Session {
 public:
  Session(const MeetingSpec& spec, MeetingLog* log);
  void run();

 private:
  struct Person {
    std::string base;   // usual nick
    std::string shown;  // nick in this meeting (maybe a variant)
    uint32_t weight = 1;
  };
  struct Item {
    std::string text;  // str(item) as MeetBot prints it after #undo
    std::string type;  // class name in the pre-2016 repr, e.g. "Action"
  };

  // --- meeting_writer.cc: people, lines, bot, MeetBot commands.
  void choose_people();
  size_t pick_speaker(size_t exclude_a = SIZE_MAX, size_t exclude_b = SIZE_MAX);
  size_t pick_non_chair();
  bool is_chair(const std::string& nick) const;
  void emit(const std::string& nick, std::string_view text, bool action = false);
  void say(size_t who, std::string_view text);
  void bot(std::string_view text);
  void human_gap();
  void quick_gap();
  void start_meeting();
  void end_meeting();
  void add_chairs(const std::vector<std::string>& nicks);
  void print_chairs();
  void add_item(std::string text, std::string type);
  void set_channel_topic(const std::string& topic);
  void undo(size_t chair);
  void maybe_rename();
  std::string say_template(size_t who, Phrase phrase, std::string_view to = {});

  // --- meeting_agenda.cc: topics and discussion.
  void run_agenda();
  std::vector<const TopicDef*> choose_topics();
  void topic(const TopicDef& def, int64_t budget);
  void roll_call(int64_t until);
  void past_actions(int64_t until);
  void review_actions(int64_t until);
  size_t index_of(const std::string& base) const;  // SIZE_MAX when not here
  bool reviewing() const;
  void discuss(const TopicDef& def, int64_t until);
  void chatter_event(const TopicDef& def);
  void wrap_up_topic(const TopicDef& def);
  void action(size_t who);
  void vote();
  size_t chair_index();

  const MeetingSpec& spec_;
  MeetingLog* log_;
  const Vocabulary& vocab_;
  Rng rng_;
  ExpansionContext ctx_;
  TextExpander ex_;
  std::string bot_;
  std::vector<Person> people_;  // [0] runs the meeting
  std::vector<std::string> chairs_;
  std::vector<Item> items_;
  int64_t t_ = 0;      // seconds after 00:00 of the start day
  int64_t end_t_ = 0;  // planned end
  int pace_ = 15;      // mean seconds between lines
  size_t last_speaker_ = 0;
  std::string meeting_topic_;  // MeetBot's _meetingTopic
  std::string current_topic_;  // the last chair #topic
  bool renamed_ = false;
  bool html_pending_ = false;
  bool vote_pending_ = false;
};

}  // namespace eavesearch::gen

#endif  // EAVESEARCH_DATA_GENERATOR_MEETING_SESSION_H_
