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
  enum class Kind { kWord, kPhrase, kField, kOpen, kClose, kAnd, kOr, kNot, kMinus, kEnd };
  Kind kind;
  std::string text;   // word, phrase body, or field value
  std::string field;  // for kField: the name before ':'
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  Result<std::vector<Lexeme>> run() {
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
        auto body = quoted();
        if (!body) return body.error();
        out.push_back({Lexeme::Kind::kPhrase, *body, ""});
      } else if (c == '-' && pos_ + 1 < s_.size() && !is_space(s_[pos_ + 1]) &&
                 (out.empty() || out.back().kind != Lexeme::Kind::kMinus)) {
        out.push_back({Lexeme::Kind::kMinus, "-", ""});
        ++pos_;
      } else {
        auto token = word_or_field();
        if (!token) return token.error();
        out.push_back(std::move(*token));
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
constexpr std::string_view kDecisionItems[] = {"agreed", "accepted", "rejected", "action", "vote"};

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
        ++pos_;
        auto inner = or_expr();
        if (!inner) return inner;
        if (peek().kind != Lexeme::Kind::kClose) return fail("missing ')'");
        ++pos_;
        return inner;
      }
      case Lexeme::Kind::kPhrase:
        ++pos_;
        return leaf(Type::kPhrase, "", tok.text);
      case Lexeme::Kind::kField:
        ++pos_;
        return field(tok);
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

  Result<QueryNode> field(const Lexeme& tok) {
    std::string name = lower(tok.field);
    if (name == "date" || name == "on" || name == "after" || name == "before") {
      auto range = parse_date_filter(name, tok.text, now_);
      if (!range) return range.error();
      QueryNode n;
      n.type = Type::kDateRange;
      n.field = "time";
      n.from = range->first;
      n.to = range->second;
      return n;
    }
    std::optional<Field> f = field_by_query_name(name);
    if (!f) return leaf(Type::kWord, "", tok.field + ":" + tok.text);  // unknown: plain words
    if (tok.text.empty()) return fail(name + ": needs a value");
    std::string field_name(f->name);
    if (f->name == fields::kTopic.name) return leaf(Type::kField, field_name, tok.text);
    if (f->name == fields::kPerson.name || f->name == fields::kOwner.name) {
      return leaf(Type::kField, field_name, normalise_person(tok.text));
    }
    if (f->name == fields::kMeeting.name) {
      return leaf(Type::kField, field_name, normalise_meeting_name(tok.text));
    }
    if (f->name == fields::kChannel.name) {
      return leaf(Type::kField, field_name, normalise_channel(tok.text));
    }
    std::string value = lower(tok.text);
    if (f->name == fields::kItem.name && value == "decision") {
      std::vector<QueryNode> items;
      for (std::string_view item : kDecisionItems) {
        items.push_back(leaf(Type::kField, field_name, std::string(item)));
      }
      return combine(Type::kOr, std::move(items));
    }
    return leaf(Type::kField, field_name, value);
  }

  std::vector<Lexeme> t_;
  std::size_t pos_ = 0;
  std::int64_t now_;
};

}  // namespace

Result<QueryNode> parse_query(std::string_view text, std::int64_t now) {
  auto tokens = Lexer(text).run();
  if (!tokens) return tokens.error();
  return Parser(std::move(*tokens), now).run();
}

ParsedQuery parse_query_leniently(std::string_view text, std::int64_t now) {
  ParsedQuery out;
  auto strict = parse_query(text, now);
  if (strict) {
    out.root = std::move(*strict);
    return out;
  }
  out.lenient = true;
  out.problem = strict.error().message;
  std::vector<QueryNode> words;
  for_each_token(text, [&](const Token& t) {
    words.push_back(leaf(Type::kWord, "", std::string(text.substr(t.offset, t.length))));
  });
  if (!words.empty()) out.root = combine(Type::kAnd, std::move(words));
  return out;
}

}  // namespace eavesearch
