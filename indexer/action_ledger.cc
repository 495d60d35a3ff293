#include "indexer/action_ledger.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_set>

#include "eavesearch/person.h"
#include "eavesearch/text.h"

namespace eavesearch {
namespace {

// The ledger's words, in one place. Each list is of words as written,
// lowercase; a line's words are its runs of letters, digits and "'".

// Not distinctive of an item: grammar, and what a carried-over item gains.
constexpr std::array kCommonWords = {
    "to",      "the",      "a",        "an",        "and",        "or",      "of",      "for",
    "on",      "in",       "with",     "about",     "at",         "by",      "from",    "is",
    "are",     "be",       "it",       "its",       "this",       "that",    "up",      "out",
    "please",  "will",     "should",   "can",       "we",         "i",       "you",     "he",
    "she",     "they",     "our",      "their",     "my",         "me",      "us",      "them",
    "do",      "get",      "next",     "week",      "again",      "also",    "if",      "as",
    "so",      "but",      "all",      "any",       "some",       "action",  "still",   "carried",
    "carry",   "over",     "continue", "continued", "continuing", "pending", "ongoing", "keep",
    "working", "followup",
};

// Says it happened (as written, past tense: "propose" is an item's word,
// "proposed" a report of it).
constexpr std::array kDoneWords = {
    "done",   "merged",    "proposed",  "sent",   "finished", "completed", "fixed", "landed",
    "posted", "submitted", "published", "pushed", "closed",   "resolved",  "went",
};

// ... unless it says it has not, or not yet.
constexpr std::array kNotDoneWords = {
    "not",   "no",    "yet",   "still",   "carry",  "progress", "partially", "will",
    "try",   "plan",  "hope",  "going",   "didn't", "haven't",  "isn't",     "wasn't",
    "won't", "can't", "don't", "doesn't", "hasn't", "i'll",     "we'll",
};

// A word list as a set: every line's every word is looked up.
template <std::size_t N>
std::unordered_set<std::string_view> set_of(const std::array<const char*, N>& list) {
  return {list.begin(), list.end()};
}

// Calls f(word) for each word of `text`, lowercase (one buffer, reused).
template <typename F>
void for_each_word(std::string_view text, F f) {
  std::string word;
  for (std::size_t k = 0; k <= text.size(); ++k) {
    char c = k < text.size() ? text[k] : ' ';
    bool upper = c >= 'A' && c <= 'Z';
    if (upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' ||
        static_cast<unsigned char>(c) >= 0x80) {
      word += upper ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!word.empty()) {
      f(std::string_view(word));
      word.clear();
    }
  }
}

// `text` without its URLs, which name hosts and paths every link has
// ("review", "opendev", "org", "c"): an item's words are its own.
std::string without_urls(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t url = std::min(text.find("http://", at), text.find("https://", at));
    if (url == std::string_view::npos) url = text.size();
    out.append(text.substr(at, url - at));
    at = std::min(text.find_first_of(" \t", url), text.size());
  }
  return out;
}

bool is_reference(std::string_view word) {
  return word.size() >= 5 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One line as the ledger reads it. Its terms are read only where they can
// matter (read_terms): an item, or a line saying "done" or two lines before one.
struct Line {
  const Record* record = nullptr;
  std::set<std::string> terms;       // index terms (stemmed), URLs left out
  std::set<std::string> references;  // change and bug numbers, 5 digits or more, URLs' too
  bool says_done = false;
  bool has_terms = false;
};

void read_terms(Line& line) {
  for_each_token(without_urls(line.record->text),
                 [&](const Token& t) { line.terms.insert(t.term); });
  line.has_terms = true;
}

Line read_line(const Record& r) {
  Line line;
  line.record = &r;
  static const auto done_words = set_of(kDoneWords);
  static const auto not_done_words = set_of(kNotDoneWords);
  bool done = false, not_done = r.text.find('?') != std::string::npos;
  for_each_word(r.text, [&](std::string_view w) {
    if (is_reference(w)) line.references.emplace(w);
    done = done || done_words.count(w);
    not_done = not_done || not_done_words.count(w);
  });
  line.says_done = done && !not_done;
  return line;
}

// An item: what names it, and who owns it.
struct Item {
  std::size_t meeting = 0;
  std::size_t line = 0;
  std::set<std::string> terms;  // distinctive
  std::set<std::string> references;
  std::vector<std::string> owners;  // persons
};

// "#action alice to ...": the word after the command, which is the owner
// whether or not MeetBot saw them speak (it assigns only attendees).
std::string first_named(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string command, owner;
  in >> command >> owner;
  if (command.size() < 2 || command[0] != '#') return {};
  while (!owner.empty() && (owner.back() == ':' || owner.back() == ',')) owner.pop_back();
  return normalise_person(owner);
}

Item read_item(std::size_t meeting, std::size_t index, const Line& line) {
  Item item;
  item.meeting = meeting;
  item.line = index;
  item.owners = line.record->owners;
  std::string named = first_named(line.record->text);
  if (!named.empty() &&
      std::find(item.owners.begin(), item.owners.end(), named) == item.owners.end()) {
    item.owners.push_back(named);
  }
  std::set<std::string> set_aside;
  for (const std::string& owner : item.owners) {
    for_each_token(owner, [&](const Token& t) { set_aside.insert(t.term); });
  }
  for (const char* w : kCommonWords) {
    for_each_token(w, [&](const Token& t) { set_aside.insert(t.term); });
  }
  for (const std::string& t : line.terms) {
    if (!set_aside.count(t)) item.terms.insert(t);
  }
  item.references = line.references;
  return item;
}

std::size_t shared(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::size_t n = 0;
  for (const std::string& t : a) n += b.count(t);
  return n;
}

// The line reads the item out: nearly all its words (two at least).
bool reads_out(const Item& item, const Line& line) {
  if (item.terms.size() < 2) return shared(item.references, line.references) > 0;
  return shared(item.terms, line.terms) * 5 >= item.terms.size() * 4;
}

// The line names the item: most of its words (two at least), or a
// change number it has.
bool names(const Item& item, const Line& line) {
  if (shared(item.references, line.references) > 0) return true;
  std::size_t n = shared(item.terms, line.terms);
  return n >= 2 && n * 5 >= item.terms.size() * 3;
}

bool has_digit(const std::string& term) {
  return std::any_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The same item assigned again: nearly all its words, and not many more;
// the same names with digits ("python27" is not "python34").
bool same_item(const Item& earlier, const Item& later) {
  if (earlier.terms.size() < 2) {
    return !earlier.references.empty() && earlier.references == later.references;
  }
  auto identifiers = [](const Item& item) {
    std::set<std::string> out;
    for (const std::string& t : item.terms) {
      if (has_digit(t)) out.insert(t);
    }
    return out;
  };
  if (identifiers(earlier) != identifiers(later)) return false;
  std::size_t n = shared(earlier.terms, later.terms);
  return n * 5 >= earlier.terms.size() * 4 && n * 5 >= later.terms.size() * 3;
}

bool is_owner(const Item& item, const Record& line) {
  return !line.person.empty() &&
         std::find(item.owners.begin(), item.owners.end(), line.person) != item.owners.end();
}

bool is_action(const Record& r) { return r.item == "action"; }

}  // namespace

std::string_view action_status_name(ActionStatus status) {
  switch (status) {
    case ActionStatus::kCarried:
      return "carried";
    case ActionStatus::kDone:
      return "done";
    case ActionStatus::kOpen:
      break;
  }
  return "open";
}

std::vector<ActionFate> action_ledger(const std::vector<const std::vector<Record>*>& series,
                                      std::size_t decided) {
  std::vector<std::vector<Line>> lines(series.size());
  std::vector<Item> items;
  for (std::size_t m = 0; m < series.size(); ++m) {
    std::vector<Line>& in = lines[m];
    for (const Record& r : *series[m]) in.push_back(read_line(r));
    // A line's terms serve an item (its own) or the evidence for an earlier one.
    const bool evidence = m > 0;
    for (std::size_t k = 0; k < in.size(); ++k) {
      bool done_near = false;
      for (std::size_t j = k; evidence && j < in.size() && j <= k + 2; ++j)
        done_near = done_near || in[j].says_done;
      if (done_near || is_action(*in[k].record)) read_terms(in[k]);
      if (is_action(*in[k].record)) items.push_back(read_item(m, k, in[k]));
    }
  }
  auto record_of = [&](const Item& item) -> const Record& {
    return (*series[item.meeting])[item.line];
  };
  // The next assignment of each item, if any: the index of a later item.
  std::vector<std::optional<std::size_t>> next(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = i + 1; j < items.size() && !next[i]; ++j) {
      std::size_t ahead = items[j].meeting - items[i].meeting;
      if (ahead > kLedgerLookAhead) break;
      if (ahead > 0 && same_item(items[i], items[j])) next[i] = j;
    }
  }
  // The line saying an item is done, in the next meetings, before `until`
  // (its next assignment, if any).
  auto done_evidence = [&](const Item& item, std::optional<std::size_t> until) -> const Record* {
    std::size_t last = std::min(series.size() - 1, item.meeting + kLedgerLookAhead);
    for (std::size_t m = item.meeting + 1; m <= last; ++m) {
      const std::vector<Line>& in = lines[m];
      for (std::size_t k = 0; k < in.size(); ++k) {
        if (until && items[*until].meeting == m && items[*until].line <= k) return nullptr;
        const Line& line = in[k];
        if (is_action(*line.record) || !line.has_terms) continue;
        if (reads_out(item, line)) {
          if (line.says_done && is_owner(item, *line.record)) return line.record;
          for (std::size_t reply = k + 1; reply < in.size() && reply <= k + 2; ++reply) {
            if (is_owner(item, *in[reply].record) && in[reply].says_done) {
              return in[reply].record;
            }
          }
        } else if (line.says_done && is_owner(item, *line.record) && names(item, line)) {
          return line.record;
        }
      }
    }
    return nullptr;
  };
  std::vector<ActionFate> fates;
  for (std::size_t i = 0; i < items.size() && items[i].meeting < decided; ++i) {
    ActionFate fate;
    fate.id = record_of(items[i]).id;
    if (const Record* done = done_evidence(items[i], next[i])) {
      fate.status = ActionStatus::kDone;
      fate.evidence.push_back(done->id);
    } else if (next[i]) {
      fate.status = ActionStatus::kCarried;
      for (auto j = next[i]; j; j = next[*j]) fate.evidence.push_back(record_of(items[*j]).id);
    }
    fates.push_back(std::move(fate));
  }
  return fates;
}

}  // namespace eavesearch
