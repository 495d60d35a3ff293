#include "eavesearch/query.h"
#include "eavesearch/time_util.h"

namespace eavesearch {
namespace {

std::string quote(const std::string& s) {
  bool plain = !s.empty() && s.find_first_of(" ()\"") == std::string::npos;
  if (plain) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

std::string end_point(std::int64_t t) {
  if (t == QueryNode::kOpenStart || t == QueryNode::kOpenEnd) return "*";
  return format_iso(t);
}

}  // namespace

std::string to_string(const QueryNode& n) {
  using Type = QueryNode::Type;
  switch (n.type) {
    case Type::kMatchAll:
      return "(all)";
    case Type::kWord:
      return "(word " + quote(n.value) + ")";
    case Type::kPhrase:
      return "(phrase " + quote(n.value) + ")";
    case Type::kWildcard:
      return "(wildcard " + quote(n.value) + ")";
    case Type::kField:
      return "(field " + n.field + " " + quote(n.value) + ")";
    case Type::kDateRange:
      return "(date " + end_point(n.from) + " " + end_point(n.to) + ")";
    case Type::kAnd:
    case Type::kOr:
    case Type::kNot: {
      std::string out = n.type == Type::kAnd ? "(and" : n.type == Type::kOr ? "(or" : "(not";
      for (const QueryNode& c : n.children) out += " " + to_string(c);
      return out + ")";
    }
  }
  return "(?)";
}

bool has_text(const QueryNode& n) {
  using Type = QueryNode::Type;
  switch (n.type) {
    case Type::kWord:
    case Type::kPhrase:
    case Type::kWildcard:
      return true;
    case Type::kField:
      return n.field == "topic";
    case Type::kNot:
      return false;
    case Type::kAnd:
    case Type::kOr:
      for (const QueryNode& c : n.children) {
        if (has_text(c)) return true;
      }
      return false;
    default:
      return false;
  }
}

}  // namespace eavesearch
