#include "query/nearer_queries.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <optional>
#include <set>
#include <string_view>

#include "eavesearch/schema.h"
#include "eavesearch/text.h"

namespace eavesearch {
namespace {

// The words that read as a date, in English as people type them.
constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 13> kCounts = {"a",    "one",    "two",   "three", "four",
                                                      "five", "six",    "seven", "eight", "nine",
                                                      "ten",  "eleven", "twelve"};
constexpr std::string_view kLastWords[] = {"last", "past"};
constexpr int kMaxCloseValues = 2;  // close from:/meeting: values offered for one nobody has
constexpr std::size_t kMaxTokens = 32;

bool is_digits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `q` split at spaces, a quoted phrase kept whole.
std::vector<std::string> split_tokens(const std::string& q) {
  std::vector<std::string> out;
  std::string current;
  bool quoted = false;
  for (char c : q) {
    if (c == '"') quoted = !quoted;
    if (!quoted && std::isspace(static_cast<unsigned char>(c))) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string joined(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& t : tokens) out += (out.empty() ? "" : " ") + t;
  return out;
}

std::string listed(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// A word to rank by, as typed: not a field, a phrase, an operator, a negation or a group.
bool is_plain_word(const std::string& token) {
  if (token == "OR" || token == "AND" || token == "NOT") return false;
  return token.find_first_of(":\"()") == std::string::npos && token[0] != '-';
}

bool has_date_filter(const std::vector<std::string>& tokens) {
  for (const std::string& t : tokens) {
    std::string l = lower(t);
    if (l[0] == '-') l.erase(0, 1);
    for (std::string_view f : {"date:", "on:", "after:", "before:"})
      if (l.starts_with(f)) return true;
  }
  return false;
}

std::optional<int> month_of(const std::string& word) {
  std::string w = lower(word);
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (w == kMonths[m] || (w.size() >= 3 && kMonths[m].starts_with(w)))  // "sep", "sept"
      return static_cast<int>(m) + 1;
  }
  return std::nullopt;
}

std::optional<int> year_of(const std::string& word) {
  if (word.size() != 4 || !is_digits(word)) return std::nullopt;
  int y = std::stoi(word);
  return y >= 1990 && y <= 2100 ? std::optional<int>(y) : std::nullopt;
}

std::optional<int> count_of(const std::string& word) {
  std::string w = lower(word);
  for (std::size_t n = 0; n < kCounts.size(); ++n)
    if (w == kCounts[n]) return n == 0 ? 1 : static_cast<int>(n);
  if (w.size() <= 3 && is_digits(w)) return std::stoi(w);
  return std::nullopt;
}

// "day(s)" -> 'd', "week(s)" -> 'w', ...
std::optional<char> unit_of(const std::string& word) {
  std::string w = lower(word);
  if (w.size() > 1 && w.back() == 's') w.pop_back();
  if (w == "day") return 'd';
  if (w == "week") return 'w';
  if (w == "month") return 'm';
  if (w == "year") return 'y';
  return std::nullopt;
}

struct DateReading {
  std::vector<std::string> tokens;  // the words read as a date replaced by the filter
  std::string read;                 // `"may 2020" as date:2020-05`
};

// The first words of `tokens` that read as a date, unambiguously: a month and
// a year; "last|past [N] day(s)|week(s)|month(s)|year(s)"; "yesterday"; "today".
std::optional<DateReading> read_date(const std::vector<std::string>& tokens) {
  auto reading = [&](std::size_t from, std::size_t n, const std::string& filter) {
    DateReading r;
    std::string words;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (i == from) r.tokens.push_back(filter);
      if (i >= from && i < from + n) {
        words += (words.empty() ? "" : " ") + tokens[i];
      } else {
        r.tokens.push_back(tokens[i]);
      }
    }
    r.read = "\"" + words + "\" as " + filter;
    return r;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!is_plain_word(tokens[i])) continue;
    std::string w = lower(tokens[i]);
    if (w == "yesterday" || w == "today") return reading(i, 1, "date:" + w);
    auto month = month_of(tokens[i]);
    if (month && i + 1 < tokens.size()) {
      if (auto year = year_of(tokens[i + 1])) {
        char value[16];
        std::snprintf(value, sizeof value, "%04d-%02d", *year, *month);
        return reading(i, 2, "date:" + std::string(value));
      }
    }
    if (std::find(std::begin(kLastWords), std::end(kLastWords), w) == std::end(kLastWords))
      continue;
    std::size_t at = i + 1;
    int count = 1;
    if (at < tokens.size()) {
      if (auto n = count_of(tokens[at]); n && *n > 0) {
        count = *n;
        ++at;
      }
    }
    if (at < tokens.size()) {
      if (auto unit = unit_of(tokens[at]))
        return reading(i, at - i + 1, "date:" + std::to_string(count) + *unit);
    }
  }
  return std::nullopt;
}

// The shown or hidden lines of `db` have `term` (hidden_twin: schema.h).
bool exists(const Xapian::Database& db, const std::string& term) {
  return db.get_termfreq(term) > 0 || db.get_termfreq(hidden_twin(term)) > 0;
}

// Plain words of `tokens` with a word no line has, as typed.
std::vector<std::string> missing_words(const Xapian::Database& db,
                                       const std::vector<std::string>& tokens) {
  std::vector<std::string> out;
  for (const std::string& t : tokens) {
    if (!is_plain_word(t)) continue;
    bool missing = false;
    for_each_token(t, [&](const Token& w) {
      std::string term = index_term(std::string_view(t).substr(w.offset, w.length));
      if (!term.empty() && !exists(db, term)) missing = true;
    });
    if (missing) out.push_back(t);
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The values of `prefix`'s field within a small edit of `value`, the
// closest and most used first.
std::vector<std::string> close_values(const Xapian::Database& db, std::string_view prefix,
                                      const std::string& value) {
  std::size_t most = value.size() <= 4 ? 1 : 2;
  struct Close {
    std::size_t distance;
    Xapian::doccount uses;
    std::string value;
  };
  std::vector<Close> found;
  for (auto it = db.allterms_begin(std::string(prefix)); it != db.allterms_end(std::string(prefix));
       ++it) {
    std::string other = (*it).substr(prefix.size());
    if (other.empty() || (std::isupper(static_cast<unsigned char>(other[0])))) continue;
    std::size_t gap =
        other.size() > value.size() ? other.size() - value.size() : value.size() - other.size();
    if (gap > most) continue;
    std::size_t d = edit_distance(value, other);
    if (d > 0 && d <= most) found.push_back({d, it.get_termfreq(), other});
  }
  std::sort(found.begin(), found.end(), [](const Close& a, const Close& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.uses > b.uses;
  });
  std::vector<std::string> out;
  for (const Close& c : found) {
    if (out.size() == kMaxCloseValues) break;
    out.push_back(c.value);
  }
  return out;
}

// from:gman -> from:gmann, from:gmaan, ... when no line is gman's.
std::vector<NearerQuery> close_field_values(const Xapian::Database& db,
                                            const std::vector<std::string>& tokens,
                                            std::int64_t now) {
  std::vector<NearerQuery> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t colon = tokens[i].find(':');
    if (colon == std::string::npos || tokens[i][0] == '-' || tokens[i][0] == '"') continue;
    std::string name = lower(tokens[i].substr(0, colon));
    auto field = field_by_query_name(name);
    if (!field || (field->name != fields::kPerson.name && field->name != fields::kOwner.name &&
                   field->name != fields::kMeeting.name && field->name != fields::kChannel.name)) {
      continue;
    }
    auto node = filter_node(Filter{name, {tokens[i].substr(colon + 1)}}, now);
    if (!node || node->type != QueryNode::Type::kField) continue;
    std::string term = std::string(field->prefix) + node->value;
    if (exists(db, term)) continue;
    for (const std::string& close : close_values(db, field->prefix, node->value)) {
      std::vector<std::string> changed = tokens;
      changed[i] = name + ":" + close;
      out.push_back({joined(changed), tokens[i] + " matches nothing; " + close + " is close"});
    }
  }
  return out;
}

}  // namespace

std::vector<NearerQuery> nearer_queries(const Xapian::Database& db, const std::string& q,
                                        std::int64_t now) {
  std::vector<std::string> tokens = split_tokens(q);
  if (tokens.empty() || tokens.size() > kMaxTokens) return {};
  std::vector<NearerQuery> out;
  auto add = [&](std::vector<std::string> t, std::string why) {
    std::string near = joined(t);
    if (near.empty() || near == q) return;
    for (const NearerQuery& n : out)
      if (n.q == near) return;
    out.push_back({std::move(near), std::move(why)});
  };
  // Leaves out the plain words no line has, and says which.
  auto without_missing = [&](std::vector<std::string> t, std::string& why) {
    std::vector<std::string> missing = missing_words(db, t);
    if (missing.empty()) return t;
    std::erase_if(t, [&](const std::string& w) {
      return std::find(missing.begin(), missing.end(), w) != missing.end();
    });
    why += (why.empty() ? "" : "; ") + std::string("left out ") + listed(missing) +
           (missing.size() == 1 ? ": no line has it" : ": no line has them");
    return t;
  };
  std::optional<DateReading> date = has_date_filter(tokens) ? std::nullopt : read_date(tokens);
  if (date) {
    std::string why = "read " + date->read;
    std::vector<std::string> both = without_missing(date->tokens, why);
    add(both, why);
    add(date->tokens, "read " + date->read);
  }
  std::string why;
  std::vector<std::string> fewer = without_missing(tokens, why);
  if (!why.empty()) add(fewer, why);
  for (NearerQuery& n : close_field_values(db, tokens, now)) add(split_tokens(n.q), n.why);
  return out;
}

}  // namespace eavesearch
