// MeetBot's .log.html (HTMLlog2), FORMATS.md 1.5. Parsed by hand, in one pass
// per line: std::regex recurses per character and overflows on long lines.
//
// Each line of a <pre> with an `l-N` anchor is rebuilt into its .log.txt form
// ("HH:MM:SS <nick> text" / "HH:MM:SS * nick text") and read by
// parse_meetbot_line, so both forms give the same RawLines by construction.
// HcoopMeetbot's dialect (0-based `id-N` anchors, nested spans, no space in the
// nick span) is read too, as line N+1, the line its .log.txt would have.
#include <string>
#include <vector>

#include "eavesearch/parser.h"
#include "eavesearch/person.h"
#include "indexer/html_text.h"
#include "indexer/raw_line.h"

namespace eavesearch {
namespace {

constexpr int kMaxLineNumber = 100'000'000;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (lower(a[k]) != lower(b[k])) return false;
  }
  return true;
}

// Case-insensitive search for an ASCII `needle` (not empty).
std::size_t ifind(std::string_view s, std::string_view needle, std::size_t from) {
  for (std::size_t at = from; at + needle.size() <= s.size(); ++at) {
    if (lower(s[at]) == lower(needle[0]) && iequals(s.substr(at, needle.size()), needle)) {
      return at;
    }
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// The value of attribute `name` in a tag's attribute text; "" when absent.
std::string_view attribute(std::string_view attrs, std::string_view name) {
  std::size_t at = 0;
  while (at < attrs.size()) {
    while (at < attrs.size() && (is_space(attrs[at]) || attrs[at] == '/')) ++at;
    std::size_t start = at;
    while (at < attrs.size() && !is_space(attrs[at]) && attrs[at] != '=') ++at;
    std::string_view key = attrs.substr(start, at - start);
    while (at < attrs.size() && is_space(attrs[at])) ++at;
    std::string_view value;
    if (at < attrs.size() && attrs[at] == '=') {
      ++at;
      while (at < attrs.size() && is_space(attrs[at])) ++at;
      if (at < attrs.size() && (attrs[at] == '"' || attrs[at] == '\'')) {
        std::size_t close = attrs.find(attrs[at], at + 1);
        if (close == std::string_view::npos) close = attrs.size();
        value = attrs.substr(at + 1, close - at - 1);
        at = close + 1;
      } else {
        start = at;
        while (at < attrs.size() && !is_space(attrs[at])) ++at;
        value = attrs.substr(start, at - start);
      }
    }
    if (!key.empty() && iequals(key, name)) return value;
    if (key.empty() && at == start) ++at;  // a stray '=': step over it
  }
  return {};
}

bool has_class(std::string_view classes, std::string_view wanted) {
  std::size_t at = 0;
  while (at < classes.size()) {
    while (at < classes.size() && is_space(classes[at])) ++at;
    std::size_t start = at;
    while (at < classes.size() && !is_space(classes[at])) ++at;
    if (classes.substr(start, at - start) == wanted) return true;
  }
  return false;
}

// "l-N" -> N; HcoopMeetbot's 0-based "id-N" -> N+1; else -1.
int anchor_line(std::string_view name) {
  int base = 0;
  if (name.starts_with("l-")) {
    name.remove_prefix(2);
  } else if (name.starts_with("id-")) {
    name.remove_prefix(3);
    base = 1;
  } else {
    return -1;
  }
  if (name.empty() || name.size() > 9) return -1;
  int n = 0;
  for (char c : name) {
    if (!is_digit(c)) return -1;
    n = n * 10 + (c - '0');
  }
  n += base;
  return n >= 1 && n <= kMaxLineNumber ? n : -1;
}

enum Role { kText, kTime, kNick, kActionNick, kRoles };

// One line of the <pre>, its text sorted by the span it sits in.
struct HtmlLine {
  int number = -1;  // from the first l-N / id-N anchor; -1 without one
  std::string part[kRoles];
};

HtmlLine read_line(std::string_view line) {
  HtmlLine out;
  std::vector<Role> spans;  // the roles of the open <span>s
  int depth[kRoles] = {};
  auto role = [&] {
    for (Role r : {kTime, kNick, kActionNick}) {
      if (depth[r] > 0) return r;
    }
    return kText;
  };
  std::size_t at = 0;
  while (at < line.size()) {
    std::size_t lt = line.find('<', at);
    while (lt != std::string_view::npos && lt + 1 < line.size() && !is_alpha(line[lt + 1]) &&
           line[lt + 1] != '/' && line[lt + 1] != '!') {
      lt = line.find('<', lt + 1);  // a bare '<' is text
    }
    if (lt == std::string_view::npos) lt = line.size();
    out.part[role()] += decode_entities(line.substr(at, lt - at));
    std::size_t gt = line.find('>', lt);
    if (gt == std::string_view::npos) break;  // a tag cut off: the rest is lost
    std::string_view tag = line.substr(lt + 1, gt - lt - 1);
    at = gt + 1;
    bool closing = !tag.empty() && tag[0] == '/';
    if (closing) tag.remove_prefix(1);
    std::size_t name_end = 0;
    while (name_end < tag.size() && !is_space(tag[name_end]) && tag[name_end] != '/') ++name_end;
    std::string_view name = tag.substr(0, name_end);
    std::string_view attrs = tag.substr(name_end);
    if (iequals(name, "span")) {
      if (closing) {
        if (!spans.empty()) {
          --depth[spans.back()];
          spans.pop_back();
        }
        continue;
      }
      std::string_view cls = attribute(attrs, "class");
      Role r = has_class(cls, "tm")    ? kTime
               : has_class(cls, "nk")  ? kNick
               : has_class(cls, "nka") ? kActionNick
                                       : kText;
      spans.push_back(r);
      ++depth[r];
    } else if (iequals(name, "a") && !closing && out.number < 0) {
      std::string_view id = attribute(attrs, "name");
      if (id.empty()) id = attribute(attrs, "id");
      out.number = anchor_line(id);
    }
  }
  return out;
}

// The .log.txt form of `h`, or a reason it has none.
bool rebuild(const HtmlLine& h, std::string& line, std::string& why) {
  std::string_view nick = trim(h.part[kNick]);
  std::string_view action_nick = trim(h.part[kActionNick]);
  line = trim(h.part[kTime]);
  if (!nick.empty()) {
    if (nick.size() < 3 || nick.front() != '<' || nick.back() != '>') {
      why = "nick span is not <nick>";
      return false;
    }
    nick = nick.substr(1, nick.size() - 2);
    line.append(" <").append(nick).append("> ");
  } else if (!action_nick.empty()) {
    nick = trim(action_nick.starts_with('*') ? action_nick.substr(1) : action_nick);
    line.append(" * ").append(nick).append(" ");
  } else {
    why = "no nick span";
    return false;
  }
  if (nick.empty() || nick.find_first_of(" \t<>") != std::string_view::npos) {
    why = "bad nick";
    return false;
  }
  line.append(trim(h.part[kText]));
  return true;
}

// The content of every <pre> of `html`; empty when there is none.
std::vector<std::pair<std::size_t, std::string_view>> pre_blocks(std::string_view html) {
  std::vector<std::pair<std::size_t, std::string_view>> blocks;
  std::size_t at = 0;
  while ((at = ifind(html, "<pre", at)) != std::string_view::npos) {
    std::size_t after = at + 4;
    if (after < html.size() && html[after] != '>' && !is_space(html[after])) {
      at = after;
      continue;
    }
    std::size_t gt = html.find('>', after);
    if (gt == std::string_view::npos) break;
    std::size_t end = ifind(html, "</pre", gt + 1);
    if (end == std::string_view::npos) end = html.size();
    blocks.emplace_back(gt + 1, html.substr(gt + 1, end - gt - 1));
    at = end;
  }
  return blocks;
}

}  // namespace

Result<ParsedLog> parse_meetbot_html(std::string_view rel_path, std::string_view content) {
  auto blocks = pre_blocks(content);
  if (blocks.empty()) {
    return Error{ErrorCode::kUsage, "not a MeetBot .log.html: no <pre> holding the log"};
  }
  ParsedLog parsed;
  std::vector<RawLine> lines;
  auto malformed = [&](int html_line, const std::string& why) {
    ++parsed.malformed_lines;
    parsed.warnings.push_back("line " + std::to_string(html_line) + ": " + why);
  };
  std::size_t counted = 0;  // newlines before `counted` are in html_line
  int html_line = 1;
  for (auto [offset, block] : blocks) {
    for (std::size_t k = counted; k < offset; ++k) html_line += content[k] == '\n';
    counted = offset;
    std::size_t pos = 0;
    while (pos <= block.size()) {
      std::size_t nl = block.find('\n', pos);
      if (nl == std::string_view::npos) nl = block.size();
      std::string_view line = block.substr(pos, nl - pos);
      int this_line = html_line;
      if (nl < block.size()) ++html_line;
      pos = nl + 1;
      if (trim(line).empty()) continue;
      HtmlLine h = read_line(line);
      if (h.number < 0) {
        malformed(this_line, "no l-N anchor");
        continue;
      }
      std::string rebuilt, why;
      RawLine raw;
      raw.number = h.number;
      if (!rebuild(h, rebuilt, why) || !parse_meetbot_line(rebuilt, raw)) {
        malformed(this_line, why.empty() ? "not a MeetBot log line" : why);
        continue;
      }
      if (!lines.empty() && raw.number <= lines.back().number) {
        malformed(this_line, "anchor l-" + std::to_string(raw.number) + " out of order");
        continue;
      }
      lines.push_back(std::move(raw));
    }
    counted += block.size();
  }
  auto log = build_meeting_log(rel_path, std::move(lines), std::move(parsed));
  if (log) {
    log->meeting.channel = meetbot_html_channel(content);
    for (Record& r : log->records) r.channel = log->meeting.channel;
  }
  return log;
}

std::string meetbot_html_channel(std::string_view head) {
  std::size_t open = ifind(head, "<title>", 0);
  if (open == std::string_view::npos) return "";
  open += 7;
  std::size_t close = ifind(head, "</title>", open);
  if (close == std::string_view::npos) return "";
  std::string_view title = trim(head.substr(open, close - open));
  if (!title.starts_with('#') || !title.ends_with(" log")) return "";
  std::string_view channel = trim(title.substr(0, title.size() - 4));
  if (channel.size() < 2 || channel.find_first_of(" \t<>&") != std::string_view::npos) return "";
  return normalise_channel(channel);
}

}  // namespace eavesearch
