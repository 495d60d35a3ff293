#include <algorithm>
#include <cctype>
#include <optional>

#include "eavesearch/person.h"
#include "eavesearch/query.h"
#include "eavesearch/schema.h"
#include "eavesearch/text.h"
#include "query/date_value.h"

namespace eavesearch {
namespace {

using Type = QueryNode::Type;

struct Lexeme {
  // kHole: where a filter was taken out (query text only, never parsed).
  enum class Kind { kWord, kPhrase, kField, kOpen, kClose, kAnd, kOr, kNot, kMinus, kEnd, kHole };
  Kind kind;
  std::string text;   // word, phrase body, or field value
  std::string field;  // for kField: the name before ':'
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  // Never fails: an unterminated quote is dropped (its words read as
  // words) and noted in `problem`.
  std::vector<Lexeme> run(std::string& problem) {
    std::vector<Lexeme> out;
    while (true) {
      while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
      if (pos_ >= s_.size()) break;
      char c = s_[pos_];
      if (c == '(') {
        out.push_back({Lexeme::Kind::kOpen, "(", ""});
        ++pos_;
      } else if (c == ')') {
        out.push_back({Lexeme::Kind::kClose, ")", ""});
        ++pos_;
      } else if (c == '"') {
        if (auto body = quoted()) {
          out.push_back({Lexeme::Kind::kPhrase, *body, ""});
        } else {
          problem = body.error().message;
          ++pos_;
        }
      } else if (c == '-' && pos_ + 1 < s_.size() && !is_space(s_[pos_ + 1]) &&
                 (out.empty() || out.back().kind != Lexeme::Kind::kMinus)) {
        out.push_back({Lexeme::Kind::kMinus, "-", ""});
        ++pos_;
      } else if (auto token = word_or_field()) {
        out.push_back(std::move(*token));
      } else {
        problem = token.error().message;
        out.push_back({Lexeme::Kind::kWord, std::string(s_.substr(pos_)), ""});
        pos_ = s_.size();
      }
    }
    out.push_back({Lexeme::Kind::kEnd, "", ""});
    return out;
  }

 private:
  Result<std::string> quoted() {
    std::size_t close = s_.find('"', pos_ + 1);
    if (close == std::string_view::npos) {
      return Error{ErrorCode::kUsage, "unterminated quote"};
    }
    std::string body(s_.substr(pos_ + 1, close - pos_ - 1));
    pos_ = close + 1;
    return body;
  }

  Result<Lexeme> word_or_field() {
    std::size_t start = pos_;
    while (pos_ < s_.size() && !is_space(s_[pos_]) && s_[pos_] != '(' && s_[pos_] != ')' &&
           s_[pos_] != ':' && s_[pos_] != '"') {
      ++pos_;
    }
    std::string word(s_.substr(start, pos_ - start));
    if (pos_ < s_.size() && s_[pos_] == ':' && !word.empty()) {
      ++pos_;
      std::string value;
      if (pos_ < s_.size() && s_[pos_] == '"') {
        auto body = quoted();
        if (!body) return body.error();
        value = *body;
      } else {
        std::size_t vstart = pos_;
        while (pos_ < s_.size() && !is_space(s_[pos_]) && s_[pos_] != '(' && s_[pos_] != ')') {
          ++pos_;
        }
        value = std::string(s_.substr(vstart, pos_ - vstart));
      }
      return Lexeme{Lexeme::Kind::kField, value, word};
    }
    if (pos_ < s_.size() && s_[pos_] == ':') {  // a lone ':' is punctuation
      ++pos_;
      return Lexeme{Lexeme::Kind::kWord, ":", ""};
    }
    if (pos_ < s_.size() && s_[pos_] == '"') return Lexeme{Lexeme::Kind::kWord, word, ""};
    if (word == "AND") return Lexeme{Lexeme::Kind::kAnd, word, ""};
    if (word == "OR") return Lexeme{Lexeme::Kind::kOr, word, ""};
    if (word == "NOT") return Lexeme{Lexeme::Kind::kNot, word, ""};
    return Lexeme{Lexeme::Kind::kWord, word, ""};
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

QueryNode leaf(Type type, std::string field, std::string value) {
  QueryNode n;
  n.type = type;
  n.field = std::move(field);
  n.value = std::move(value);
  return n;
}

QueryNode combine(Type type, std::vector<QueryNode> children) {
  if (children.size() == 1) return std::move(children.front());
  QueryNode n;
  n.type = type;
  n.children = std::move(children);
  return n;
}

// The decision items of `is:decision` (DESIGN.md 4).
constexpr std::string_view kDecisionItems[] = {"agreed", "accepted", "rejected",
                                               "action", "vote",     "consensus"};
// Every item a record may carry (DESIGN.md 2): MeetBot's minutes items, and
// a consensus found in the conversation (indexer/agreement.h). The values of is:.
constexpr std::string_view kItems[] = {"topic",  "agreed", "accepted", "rejected",
                                       "action", "info",   "idea",     "link",
                                       "help",   "vote",   "consensus"};

bool is_date_field(std::string_view name) {
  return name == "date" || name == "on" || name == "after" || name == "before";
}

// Whether `name:` filters (rather than ranks: topic:, or an unknown name,
// which is read as words).
bool is_filter_field(std::string_view field_name) {
  std::string name = lower(field_name);
  if (is_date_field(name)) return true;
  std::optional<Field> f = field_by_query_name(name);
  return f && f->name != fields::kTopic.name;
}

// The node of `name:value`, its value normalised. kUsage for a bad value.
Result<QueryNode> field_node(std::string_view field_name, const std::string& value,
                             std::int64_t now) {
  std::string name = lower(field_name);
  auto fail = [](std::string message) { return Error{ErrorCode::kUsage, std::move(message)}; };
  if (is_date_field(name)) {
    auto range = parse_date_filter(name, value, now);
    if (!range) return range.error();
    QueryNode n;
    n.type = Type::kDateRange;
    n.field = "time";
    n.from = range->first;
    n.to = range->second;
    return n;
  }
  std::optional<Field> f = field_by_query_name(name);
  if (!f) return fail("unknown field " + std::string(field_name) + ":");
  if (value.empty()) return fail(name + ": needs a value");
  std::string field(f->name);
  if (f->name == fields::kTopic.name) return leaf(Type::kField, field, value);
  if (f->name == fields::kPerson.name || f->name == fields::kOwner.name) {
    return leaf(Type::kField, field, normalise_person(value));
  }
  if (f->name == fields::kMeeting.name) {
    return leaf(Type::kField, field, normalise_meeting_name(value));
  }
  if (f->name == fields::kChannel.name) return leaf(Type::kField, field, normalise_channel(value));
  std::string v = lower(value);
  if (f->name == fields::kItem.name && is_action_status(v)) {
    return leaf(Type::kField, std::string(fields::kStatus.name), v);
  }
  if (f->name == fields::kItem.name && v == "decision") {
    std::vector<QueryNode> items;
    for (std::string_view item : kDecisionItems) {
      items.push_back(leaf(Type::kField, field, std::string(item)));
    }
    return combine(Type::kOr, std::move(items));
  }
  if (f->name == fields::kItem.name &&
      std::find(std::begin(kItems), std::end(kItems), v) == std::end(kItems)) {
    // A value matching nothing would read as "none": say it is unknown.
    return fail("is:" + v +
                " is not a minutes item or an action status (is: topic, agreed, accepted, "
                "rejected, action, info, idea, link, help, vote, consensus, decision; open, "
                "carried, done)");
  }
  return leaf(Type::kField, field, v);
}

// The group a filter joins: the same field twice is either value, so values
// of one group are OR'ed. after: and before: are bounds, each a group of
// its own; date: and on: name spans, one group.
std::string group_of(std::string_view field_name) {
  std::string name = lower(field_name);
  if (name == "on") return "date";
  if (is_date_field(name)) return name;
  return std::string(field_by_query_name(name)->name);
}

// Nested parentheses beyond this are refused (read as plain words): each
// level is a stack frame of the parser and a node of the match.
constexpr int kMaxDepth = 16;

class Parser {
 public:
  Parser(std::vector<Lexeme> tokens, std::int64_t now) : t_(std::move(tokens)), now_(now) {}

  Result<QueryNode> run() {
    if (peek().kind == Lexeme::Kind::kEnd) return QueryNode{};
    auto node = or_expr();
    if (!node) return node;
    if (peek().kind != Lexeme::Kind::kEnd) return fail("unexpected '" + peek().text + "'");
    return node;
  }

 private:
  const Lexeme& peek() const { return t_[pos_]; }
  Error fail(std::string message) const { return Error{ErrorCode::kUsage, std::move(message)}; }

  Result<QueryNode> or_expr() {
    std::vector<QueryNode> parts;
    while (true) {
      auto part = and_expr();
      if (!part) return part;
      parts.push_back(std::move(*part));
      if (peek().kind != Lexeme::Kind::kOr) break;
      ++pos_;
      auto k = peek().kind;
      if (k == Lexeme::Kind::kEnd || k == Lexeme::Kind::kClose || k == Lexeme::Kind::kOr) {
        return fail("OR needs words on both sides");
      }
    }
    return combine(Type::kOr, std::move(parts));
  }

  Result<QueryNode> and_expr() {
    std::vector<QueryNode> parts;
    while (true) {
      auto k = peek().kind;
      if (k == Lexeme::Kind::kAnd) {
        if (parts.empty()) return fail("AND needs something before it");
        ++pos_;
        k = peek().kind;
        if (k == Lexeme::Kind::kEnd || k == Lexeme::Kind::kClose || k == Lexeme::Kind::kOr) {
          return fail("AND needs something after it");
        }
      }
      if (k == Lexeme::Kind::kEnd || k == Lexeme::Kind::kClose || k == Lexeme::Kind::kOr) break;
      auto part = unary();
      if (!part) return part;
      parts.push_back(std::move(*part));
    }
    if (parts.empty())
      return fail(peek().kind == Lexeme::Kind::kOr ? "OR needs words on both sides"
                                                   : "empty expression");
    return combine(Type::kAnd, std::move(parts));
  }

  Result<QueryNode> unary() {
    auto k = peek().kind;
    if (k == Lexeme::Kind::kNot || k == Lexeme::Kind::kMinus) {
      ++pos_;
      auto inner = k == Lexeme::Kind::kNot ? unary() : primary();
      if (!inner) return inner;
      QueryNode n;
      n.type = Type::kNot;
      n.children.push_back(std::move(*inner));
      return n;
    }
    return primary();
  }

  Result<QueryNode> primary() {
    Lexeme tok = peek();
    switch (tok.kind) {
      case Lexeme::Kind::kOpen: {
        if (++depth_ > kMaxDepth) return fail("more than 16 nested parentheses");
        ++pos_;
        auto inner = or_expr();
        if (!inner) return inner;
        if (peek().kind != Lexeme::Kind::kClose) return fail("missing ')'");
        ++pos_;
        --depth_;
        return inner;
      }
      case Lexeme::Kind::kPhrase:
        ++pos_;
        return leaf(Type::kPhrase, "", tok.text);
      case Lexeme::Kind::kField:  // topic:, or an unknown name (plain words)
        ++pos_;
        if (!field_by_query_name(lower(tok.field))) {
          return leaf(Type::kWord, "", tok.field + ":" + tok.text);
        }
        if (tok.text.empty()) return fail(lower(tok.field) + ": needs a value");
        return field_node(tok.field, tok.text, now_);
      case Lexeme::Kind::kWord:
        ++pos_;
        if (tok.text.size() > 1 && tok.text.back() == '*') {
          return leaf(Type::kWildcard, "", fold(tok.text.substr(0, tok.text.size() - 1)));
        }
        return leaf(Type::kWord, "", tok.text);
      default:
        return fail("unexpected '" + tok.text + "'");
    }
  }

  std::vector<Lexeme> t_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::int64_t now_;
};

bool is_negation(const Lexeme& l) {
  return l.kind == Lexeme::Kind::kNot || l.kind == Lexeme::Kind::kMinus;
}
bool is_binary(const Lexeme& l) {
  return l.kind == Lexeme::Kind::kAnd || l.kind == Lexeme::Kind::kOr;
}

Lexeme hole() { return {Lexeme::Kind::kHole, "", ""}; }
bool is_hole(const Lexeme& l) { return l.kind == Lexeme::Kind::kHole; }

// The field filters of `tokens`, taken out of them (with the negations
// before them); each one found, in order, with whether it excludes.
struct FoundFilter {
  Lexeme token;
  bool exclude;
};
std::vector<FoundFilter> take_filters(std::vector<Lexeme>& tokens) {
  std::vector<FoundFilter> found;
  std::vector<Lexeme> out;
  std::vector<bool> negated_groups{false};
  auto negations_before = [&]() {
    int n = 0;
    while (!out.empty() && is_negation(out.back())) {
      out.pop_back();
      ++n;
    }
    return n;
  };
  for (Lexeme& t : tokens) {
    if (t.kind == Lexeme::Kind::kField && is_filter_field(t.field)) {
      bool exclude = (negations_before() % 2 == 1) != negated_groups.back();
      found.push_back({std::move(t), exclude});
      out.push_back(hole());
      continue;
    }
    if (t.kind == Lexeme::Kind::kOpen) {
      std::size_t n = 0;
      for (auto it = out.rbegin(); it != out.rend() && is_negation(*it); ++it) ++n;
      negated_groups.push_back((n % 2 == 1) != negated_groups.back());
    } else if (t.kind == Lexeme::Kind::kClose && negated_groups.size() > 1) {
      negated_groups.pop_back();
    }
    out.push_back(std::move(t));
  }
  tokens = std::move(out);
  return found;
}

// Takes the holes out of `tokens`, with what only joined them to the rest:
// a group of holes alone (and its negation), an operator left dangling.
void close_holes(std::vector<Lexeme>& t) {
  auto erase = [&](std::size_t from, std::size_t to) {
    t.erase(t.begin() + static_cast<std::ptrdiff_t>(from),
            t.begin() + static_cast<std::ptrdiff_t>(to));
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < t.size() && !changed; ++i) {
      if (!is_hole(t[i])) continue;
      const bool before = i > 0, after = i + 1 < t.size();
      if (after && is_hole(t[i + 1])) {  // two holes are one
        erase(i + 1, i + 2);
      } else if (before && after && t[i - 1].kind == Lexeme::Kind::kOpen &&
                 t[i + 1].kind == Lexeme::Kind::kClose) {  // "(H)": filters only
        std::size_t from = i - 1;
        while (from > 0 && is_negation(t[from - 1])) --from;
        erase(from, i + 2);
        t.insert(t.begin() + static_cast<std::ptrdiff_t>(from), hole());
      } else if (before && is_binary(t[i - 1]) &&
                 (!after || t[i + 1].kind == Lexeme::Kind::kClose ||
                  t[i + 1].kind == Lexeme::Kind::kEnd || is_binary(t[i + 1]))) {
        erase(i - 1, i);  // "a OR H)"
      } else if (after && is_binary(t[i + 1]) &&
                 (!before || t[i - 1].kind == Lexeme::Kind::kOpen)) {
        erase(i + 1, i + 2);  // "(H OR a"
      } else {
        continue;
      }
      changed = true;
    }
  }
  std::erase_if(t, is_hole);
}

// The words of what the grammar refused, as plain words.
QueryNode plain_words(const std::vector<Lexeme>& tokens) {
  std::vector<QueryNode> words;
  for (const Lexeme& l : tokens) {
    std::string text = l.kind == Lexeme::Kind::kField ? l.field + ":" + l.text : l.text;
    for_each_token(text, [&](const Token& t) {
      words.push_back(leaf(Type::kWord, "", text.substr(t.offset, t.length)));
    });
  }
  return words.empty() ? QueryNode{} : combine(Type::kAnd, std::move(words));
}

// The found filters as nodes: one per group (either value), then one per
// exclusion; a bad value is left out, with the reason in `out`.
void add_filters(const std::vector<FoundFilter>& found, std::int64_t now, ParsedQuery& out) {
  std::vector<std::pair<std::string, std::vector<QueryNode>>> groups;
  std::vector<QueryNode> excluded;
  for (const FoundFilter& f : found) {
    auto node = field_node(f.token.field, f.token.text, now);
    if (!node) {
      add_problem(out, node.error().message + "; that filter was left out");
      continue;
    }
    if (f.exclude) {
      QueryNode n;
      n.type = Type::kNot;
      n.children.push_back(std::move(*node));
      excluded.push_back(std::move(n));
      continue;
    }
    // is:open is:action: a status and an item, both.
    std::string group = node->type == Type::kField && node->field == fields::kStatus.name
                            ? std::string(fields::kStatus.name)
                            : group_of(f.token.field);
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == group; });
    if (it == groups.end()) it = groups.insert(groups.end(), {group, {}});
    it->second.push_back(std::move(*node));
  }
  for (auto& [group, values] : groups) out.filters.push_back(combine(Type::kOr, std::move(values)));
  for (QueryNode& n : excluded) out.filters.push_back(std::move(n));
}

// "a OR (b OR c)" printed flat: (or a b c).
QueryNode flattened(QueryNode n) {
  if (n.type != Type::kAnd && n.type != Type::kOr) return n;
  std::vector<QueryNode> children;
  for (QueryNode& c : n.children) {
    QueryNode f = flattened(std::move(c));
    if (f.type == n.type) {
      for (QueryNode& g : f.children) children.push_back(std::move(g));
    } else {
      children.push_back(std::move(f));
    }
  }
  return combine(n.type, std::move(children));
}

}  // namespace

ParsedQuery parse_query(std::string_view text, std::int64_t now) {
  ParsedQuery out;
  std::string lex_problem;
  std::vector<Lexeme> tokens = Lexer(text).run(lex_problem);
  if (!lex_problem.empty()) add_problem(out, lex_problem);
  for (const Lexeme& l : tokens) {
    bool named =
        !l.field.empty() && std::all_of(l.field.begin(), l.field.end(), [](unsigned char c) {
          return std::isalpha(c) || c == '_' || c == '-';
        });
    if (l.kind == Lexeme::Kind::kField && named && !l.text.starts_with("/") &&
        !field_by_query_name(lower(l.field)) &&
        std::find(out.unknown_fields.begin(), out.unknown_fields.end(), l.field) ==
            out.unknown_fields.end()) {
      out.unknown_fields.push_back(l.field);
    }
  }
  std::vector<FoundFilter> found = take_filters(tokens);
  close_holes(tokens);
  auto strict = Parser(tokens, now).run();
  if (strict) {
    out.text = std::move(*strict);
  } else {
    // Read again without the parentheses, else as plain words.
    add_problem(out, strict.error().message);
    std::erase_if(tokens, [](const Lexeme& l) {
      return l.kind == Lexeme::Kind::kOpen || l.kind == Lexeme::Kind::kClose;
    });
    auto flat = Parser(tokens, now).run();
    out.text = flat ? std::move(*flat) : plain_words(tokens);
  }
  add_filters(found, now, out);
  return out;
}

QueryNode root_of(const ParsedQuery& parsed) {
  std::vector<QueryNode> parts;
  if (parsed.text.type != Type::kMatchAll || parsed.filters.empty()) parts.push_back(parsed.text);
  parts.insert(parts.end(), parsed.filters.begin(), parsed.filters.end());
  return flattened(combine(Type::kAnd, std::move(parts)));
}

void add_problem(ParsedQuery& parsed, const std::string& problem) {
  parsed.lenient = true;
  parsed.problem += (parsed.problem.empty() ? "" : "; ") + problem;
}

Result<Filter> parse_filter(std::string_view text) {
  Filter f;
  if (text.starts_with('-')) {
    f.exclude = true;
    text.remove_prefix(1);
  }
  std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return Error{ErrorCode::kUsage, "a filter is field:value, not \"" + std::string(text) + "\""};
  }
  f.field = lower(text.substr(0, colon));
  std::string_view value = text.substr(colon + 1);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  f.values.emplace_back(value);
  return f;
}

std::vector<std::string> filter_strings(const Filter& filter) {
  std::vector<std::string> out;
  for (const std::string& v : filter.values) {
    bool plain = !v.empty() && v.find_first_of(" ()\"") == std::string::npos;
    out.push_back((filter.exclude ? "-" : "") + filter.field + ":" + (plain ? v : "\"" + v + "\""));
  }
  return out;
}

Result<QueryNode> filter_node(const Filter& filter, std::int64_t now) {
  if (!is_filter_field(filter.field)) {
    return Error{ErrorCode::kUsage, "\"" + filter.field + "\" is not a field that filters"};
  }
  if (filter.values.empty()) return Error{ErrorCode::kUsage, filter.field + ": needs a value"};
  std::vector<QueryNode> values;
  for (const std::string& v : filter.values) {
    auto node = field_node(filter.field, v, now);
    if (!node) return node.error();
    values.push_back(std::move(*node));
  }
  QueryNode any = flattened(combine(Type::kOr, std::move(values)));
  if (!filter.exclude) return any;
  QueryNode n;
  n.type = Type::kNot;
  n.children.push_back(std::move(any));
  return n;
}

}  // namespace eavesearch
