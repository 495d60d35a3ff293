// MeetBot's minutes files read back (FORMATS.md 1.6, 1.7): the Text writer's
// .txt and the HTML2 writer's .html, OpenStack's and Fedora's variants.
#include <algorithm>
#include <array>
#include <cctype>

#include "eavesearch/check.h"
#include "indexer/html_text.h"

namespace eavesearch {
namespace {

constexpr std::array<std::string_view, 8> kTypedPrefixes = {
    "ACTION", "AGREED", "ACCEPTED", "REJECTED", "IDEA", "HELP", "LINK", "VOTE"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "HH:MM:SS" -> seconds of the day; -1 if it is not one.
int seconds_of_day(std::string_view s) {
  if (s.size() != 8 || s[2] != ':' || s[5] != ':') return -1;
  int v[3];
  for (int k = 0; k < 3; ++k) {
    char a = s[k * 3], b = s[k * 3 + 1];
    if (!std::isdigit(static_cast<unsigned char>(a)) ||
        !std::isdigit(static_cast<unsigned char>(b))) {
      return -1;
    }
    v[k] = (a - '0') * 10 + (b - '0');
  }
  return v[0] * 3600 + v[1] * 60 + v[2];
}

// "TYPE: text" -> TYPE, and `text` without the prefix; "" if untyped.
std::string take_type_prefix(std::string& text) {
  for (std::string_view type : kTypedPrefixes) {
    if (text.size() > type.size() && text.compare(0, type.size(), type) == 0 &&
        text[type.size()] == ':') {
      text.erase(0, type.size() + 1);
      text = collapse_whitespace(text);
      return std::string(type);
    }
  }
  return {};
}

// ---- Text writer -------------------------------------------------------

struct Entry {
  std::size_t indent;
  std::string text;
};

// "* text" entries of a section; wrapped lines (indented deeper than their
// bullet) joined with spaces. A blank or shallower line ends an entry.
std::vector<Entry> entries(const std::vector<std::string_view>& lines) {
  std::vector<Entry> out;
  bool open = false;
  for (std::string_view line : lines) {
    std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos) {
      open = false;
    } else if (line.substr(indent, 2) == "* " || line.substr(indent) == "*") {
      out.push_back({indent, std::string(line.substr(std::min(line.size(), indent + 2)))});
      open = true;
    } else if (open && indent > out.back().indent) {
      out.back().text += " " + std::string(line.substr(indent));
    } else {
      open = false;
    }
  }
  for (Entry& e : out) e.text = collapse_whitespace(e.text);
  return out;
}

// "text  (nick, HH:MM:SS)" -> the item, text without its tail.
bool item_tail(const std::string& entry, MinutesItem& item) {
  if (entry.empty() || entry.back() != ')') return false;
  std::size_t open = entry.rfind('(');
  if (open == std::string::npos) return false;
  std::string inner = entry.substr(open + 1, entry.size() - open - 2);
  std::size_t comma = inner.rfind(", ");
  if (comma == std::string::npos) return false;
  int t = seconds_of_day(inner.substr(comma + 2));
  if (t < 0) return false;
  item.nick = inner.substr(0, comma);
  item.time = t;
  item.text = collapse_whitespace(entry.substr(0, open));
  return true;
}

std::pair<std::string, int> nick_count(const std::string& entry) {
  std::size_t open = entry.rfind(" (");
  if (open == std::string::npos || entry.back() != ')') return {entry, -1};
  try {
    return {entry.substr(0, open), std::stoi(entry.substr(open + 2))};
  } catch (const std::exception&) {
    return {entry, -1};
  }
}

// ---- HTML2 writer --------------------------------------------------------

// The text between `<h3>heading</h3>` and the next <h3> (or the end).
std::string html_section(std::string_view html, std::string_view heading) {
  std::string needle = "<h3>" + std::string(heading) + "</h3>";
  std::string lowered = lower(html);
  std::size_t at = lowered.find(lower(needle));
  if (at == std::string::npos) return {};
  at += needle.size();
  std::size_t end = lowered.find("<h3>", at);
  return std::string(html.substr(at, end == std::string::npos ? std::string::npos : end - at));
}

// The texts of the <li> elements directly in `html` (no nesting). As in
// HTML, an <li> ends at its </li> or at the next <li>: items never overlap,
// so a file of unclosed <li>s is read in one pass, not once per item.
std::vector<std::string> list_items(std::string_view html) {
  std::vector<std::string> out;
  for (std::size_t at = html.find("<li>"); at != std::string_view::npos;) {
    at += 4;
    std::size_t end = std::min(html.find("</li>", at), html.find("<li>", at));
    out.push_back(collapse_whitespace(html_to_text(html.substr(at, end - at))));
    at = html.find("<li>", end);
  }
  return out;
}

}  // namespace

Result<Minutes> read_text_minutes(std::string_view content) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at <= content.size();) {
    std::size_t nl = content.find('\n', at);
    std::string_view line = content.substr(at, nl == std::string_view::npos ? nl : nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  // Sections: a heading underlined with dashes.
  std::vector<std::pair<std::string, std::vector<std::string_view>>> sections;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    bool rule = k + 1 < lines.size() && lines[k + 1].size() >= 3 &&
                lines[k + 1].find_first_not_of('-') == std::string_view::npos;
    if (rule && !lines[k].empty()) {
      sections.push_back({lower(lines[k]), {}});
      ++k;
    } else if (!sections.empty()) {
      sections.back().second.push_back(lines[k]);
    }
  }
  Minutes m;
  m.text_format = true;
  bool summary = false;
  for (const auto& [heading, body] : sections) {
    if (heading == "meeting summary") {
      summary = true;
      for (const Entry& e : entries(body)) {
        MinutesItem item;
        if (!item_tail(e.text, item)) continue;
        item.type = take_type_prefix(item.text);
        if (item.type.empty()) item.type = e.indent == 0 ? "TOPIC" : "INFO";
        m.items.push_back(std::move(item));
      }
    } else if (heading == "action items, by person") {
      std::vector<std::string>* current = nullptr;
      for (const Entry& e : entries(body)) {
        if (e.indent == 0 && e.text == "**UNASSIGNED**") {
          current = &m.unassigned.emplace();
        } else if (e.indent == 0) {
          current = &m.actions_by_person.emplace_back(e.text, std::vector<std::string>{}).second;
        } else if (current != nullptr && e.text != "(none)") {
          current->push_back(e.text);
        }
      }
    } else if (heading == "people present (lines said)") {
      for (const Entry& e : entries(body)) {
        auto [nick, count] = nick_count(e.text);
        if (count >= 0) m.people.push_back({nick, count});
      }
    }
  }
  if (!summary) return Error{ErrorCode::kUsage, "not MeetBot text minutes: no \"Meeting summary\""};
  return m;
}

Result<Minutes> read_html_minutes(std::string_view content) {
  std::string summary = collapse_whitespace(html_section(content, "Meeting summary"));
  if (summary.empty() && content.find("Meeting summary") == std::string_view::npos) {
    return Error{ErrorCode::kUsage, "not MeetBot HTML minutes: no \"Meeting summary\""};
  }
  Minutes m;
  static constexpr std::string_view kDetails = "<span class=\"details\">(";
  std::size_t from = 0;
  for (std::size_t at = summary.find(kDetails); at != std::string::npos;
       at = summary.find(kDetails, from)) {
    std::string_view content_html = std::string_view(summary).substr(from, at - from);
    std::size_t end = summary.find(")</span>", at);
    if (end == std::string::npos) break;
    std::string details = summary.substr(at + kDetails.size(), end - at - kDetails.size());
    from = end + 8;
    MinutesItem item;
    if (std::size_t l = details.find("#l-"); l != std::string::npos)
      item.line = std::atoi(details.c_str() + l + 3);
    std::string text = html_to_text(details);  // "nick, HH:MM:SS"
    std::size_t comma = text.rfind(", ");
    if (comma == std::string::npos) continue;
    item.nick = collapse_whitespace(text.substr(0, comma));
    item.time = seconds_of_day(collapse_whitespace(text.substr(comma + 2)));
    item.text = collapse_whitespace(html_to_text(content_html));
    if (content_html.find("class=\"TOPIC\"") != std::string_view::npos) {
      item.type = "TOPIC";
    } else if (content_html.find("class=\"itemtype\"") != std::string_view::npos) {
      item.type = take_type_prefix(item.text);
    } else if (content_html.find("<span class=\"INFO\">") != std::string_view::npos) {
      item.type = "INFO";
    } else {
      item.type = "LINK";
    }
    m.items.push_back(std::move(item));
  }
  std::string by_person = collapse_whitespace(html_section(content, "Action items, by person"));
  // Each person's part ends where their list does: parts never overlap.
  for (std::size_t at = by_person.find("<li>"); at != std::string::npos;) {
    std::size_t inner = by_person.find("<ol>", at);
    std::size_t close = by_person.find("</ol>", inner);
    if (inner == std::string::npos || close == std::string::npos) break;
    std::string nick = collapse_whitespace(html_to_text(by_person.substr(at + 4, inner - at - 4)));
    std::vector<std::string> actions =
        list_items(std::string_view(by_person).substr(inner, close - inner));
    if (nick == "UNASSIGNED") {
      m.unassigned = actions;
    } else {
      m.actions_by_person.push_back({nick, actions});
    }
    at = by_person.find("<li>", close);
  }
  for (const std::string& entry :
       list_items(html_section(content, "People present (lines said)"))) {
    auto [nick, count] = nick_count(entry);
    if (count >= 0) m.people.push_back({nick, count});
  }
  return m;
}

}  // namespace eavesearch
