#include "indexer/bot_lines.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "eavesearch/person.h"

namespace eavesearch {
namespace {

// What a bot says, rather than does.
bool is_said(std::string_view kind) {
  static constexpr std::array<std::string_view, 4> kSaid = {"say", "me", "notice", "topicchange"};
  return std::find(kSaid.begin(), kSaid.end(), kind) != kSaid.end();
}

template <typename T, typename Person>
void drop_bots(std::vector<T>& owners, const std::set<std::string>& bots, Person person) {
  owners.erase(std::remove_if(owners.begin(), owners.end(),
                              [&](const T& o) { return bots.count(person(o)) > 0; }),
               owners.end());
}

}  // namespace

void mark_bot_lines(std::vector<Record>& records, const std::vector<Meeting*>& meetings,
                    const std::set<std::string>& bots) {
  std::set<std::string> all = bots;
  for (const Record& r : records) {
    if (r.kind == "bot" && !r.person.empty()) all.insert(r.person);
  }
  for (Record& r : records) {
    if (!r.person.empty() && all.count(r.person) && is_said(r.kind)) r.kind = "bot";
    drop_bots(r.owners, all, [](const std::string& p) { return p; });
  }
  for (Meeting* m : meetings) {
    for (MinutesItem& item : m->items) {
      drop_bots(item.owners, all, [](const std::string& nick) { return normalise_person(nick); });
    }
  }
}

}  // namespace eavesearch
