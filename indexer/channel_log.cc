// Channel logs (Supybot / Limnoria ChannelLogger), FORMATS.md 2.2.
//
// Each line is cleaned first (clean_line: UTF-8, else cp1252, as irclog2html
// decodes), then read by hand: no std::regex on file content. Decisions:
// - "<nick> text" say (the "-= THIS MESSAGE NOT LOGGED =-" of [nolog] too),
//   "* nick text" me, "-nick- text" notice; a "!user@host" after a nick is
//   dropped from the speaker.
// - "*** " lines: the Limnoria " <nick!user@host>" after the nick is dropped,
//   and the text is the rest of the line as a sentence, e.g. "quinox has quit
//   IRC (Quit: WeeChat 2.4)", "mgedmin is now known as mg_away", "ChanServ
//   sets mode: +o colinclark", "bob was kicked by alice (spam)"; except
//   topicchange, whose text is the new topic alone. The speaker is who acted:
//   the old nick of a nick change, the kicker of a kick.
// - A "*** " line of no known form (Limnoria's "invited x to #chan", a server
//   message) is kind "other" with no speaker, so that its words stay
//   searchable without being credited to anyone.
// - A line whose message is one byte that is not UTF-8 (#pov.2005-01-08) is
//   an ordinary say line with that byte decoded as cp1252.
// - Anchors count every line that starts with a timestamp, readable or not,
//   as irclog2html >= 2.15.1 does: "t<ISO>", then "t<ISO>-2", "-3", ...
// - A one-file log ("#chan.log") is read as its days' files would be, one
//   after the other: each line at its own date, nick changes forgotten when
//   a later day begins (ChannelRecordBuilder), so that its records are
//   theirs but for their ids.
#include <algorithm>
#include <unordered_map>

#include "eavesearch/person.h"
#include "eavesearch/text.h"
#include "eavesearch/time_util.h"
#include "indexer/channel_line.h"
#include "indexer/raw_line.h"

namespace eavesearch {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// `pattern` at the start of `s`: '9' a digit, any other character itself.
bool shaped(std::string_view s, std::string_view pattern) {
  if (s.size() < pattern.size()) return false;
  for (std::size_t k = 0; k < pattern.size(); ++k) {
    char c = s[k];
    if (pattern[k] == '9' ? (c < '0' || c > '9') : c != pattern[k]) return false;
  }
  return true;
}

constexpr std::string_view kTimestampShape = "9999-99-99T99:99:99";

int number_at(std::string_view s, std::size_t at, std::size_t digits) {
  int v = 0;
  for (std::size_t k = at; k < at + digits; ++k) v = v * 10 + (s[k] - '0');
  return v;
}

bool has_blank(std::string_view s) { return s.find_first_of(" \t") != std::string_view::npos; }

// "nick!user@host" -> "nick".
std::string_view nick_only(std::string_view token) { return token.substr(0, token.find('!')); }

struct Event {
  std::string_view kind;
  std::string_view nick;      // who acted; "" for none
  std::string_view new_nick;  // of a nick change
  std::string text;
};

// What follows "*** ".
Event parse_server_line(std::string_view rest) {
  std::size_t space = rest.find(' ');
  std::string_view first = nick_only(rest.substr(0, space));
  std::string_view tail = space == std::string_view::npos ? "" : rest.substr(space + 1);
  if (starts_with(tail, "<")) {  // Limnoria's hostmask
    std::size_t close = tail.find("> ");
    if (close != std::string_view::npos && !has_blank(tail.substr(0, close))) {
      tail.remove_prefix(close + 2);
    }
  }
  Event e{"other", {}, {}, std::string(first)};
  if (!tail.empty()) e.text.append(" ").append(tail);
  while (!e.text.empty() && (e.text.back() == ' ' || e.text.back() == '\t')) e.text.pop_back();

  auto after = [&](std::string_view phrase) { return tail.substr(phrase.size()); };
  if (starts_with(tail, "is now known as ")) {
    std::string_view to = after("is now known as ");
    if (!to.empty() && !has_blank(to)) e = {"nick", first, to, std::move(e.text)};
  } else if (starts_with(tail, "changes topic to \"")) {
    std::string_view topic = after("changes topic to \"");
    if (ends_with(topic, "\"")) topic.remove_suffix(1);
    e = {"topicchange", first, {}, std::string(topic)};
  } else if (starts_with(tail, "sets mode: ")) {
    e.kind = "mode";
    e.nick = first;
  } else if (starts_with(tail, "was kicked by ")) {
    std::string_view by = after("was kicked by ");
    by = nick_only(by.substr(0, by.find(' ')));
    if (!by.empty()) {
      e.kind = "kick";
      e.nick = by;
    }
  } else if (starts_with(tail, "has joined ")) {
    e.kind = "join";
    e.nick = first;
  } else if (starts_with(tail, "has left ")) {
    e.kind = "part";
    e.nick = first;
  } else if (tail == "has quit IRC" || starts_with(tail, "has quit IRC (")) {
    e.kind = "quit";
    e.nick = first;
  }
  return e;
}

// The body of a line (what follows the timestamp); nullopt when it matches
// no line grammar.
std::optional<Event> parse_body(std::string_view body) {
  if (starts_with(body, "*** ")) {
    std::string_view rest = body.substr(4);
    if (rest.empty() || rest[0] == ' ') return std::nullopt;
    return parse_server_line(rest);
  }
  if (starts_with(body, "<")) {
    std::size_t close = body.find('>');
    if (close == std::string_view::npos || close == 1) return std::nullopt;
    std::string_view nick = body.substr(1, close - 1);
    std::string_view text = body.substr(close + 1);
    if (has_blank(nick) || nick.find('<') != std::string_view::npos) return std::nullopt;
    if (!text.empty()) {
      if (text[0] != ' ' && text[0] != '\t') return std::nullopt;
      text.remove_prefix(1);
    }
    return Event{"say", nick_only(nick), {}, std::string(text)};
  }
  if (starts_with(body, "* ")) {
    std::string_view rest = body.substr(2);
    std::size_t space = rest.find(' ');
    std::string_view nick = rest.substr(0, space);
    if (nick.empty()) return std::nullopt;
    std::string_view text = space == std::string_view::npos ? "" : rest.substr(space + 1);
    return Event{"me", nick_only(nick), {}, std::string(text)};
  }
  if (starts_with(body, "-")) {
    std::size_t close = body.find("- ", 1);
    if (close == std::string_view::npos && body.size() > 2 && body.back() == '-') {
      close = body.size() - 1;
    }
    if (close == std::string_view::npos || close == 1) return std::nullopt;
    std::string_view nick = body.substr(1, close - 1);
    if (has_blank(nick)) return std::nullopt;
    std::string_view text = body.substr(std::min(body.size(), close + 2));
    return Event{"notice", nick_only(nick), {}, std::string(text)};
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> parse_iso_timestamp(std::string_view s) {
  if (s.size() != kIsoTimestampLength || !shaped(s, kTimestampShape)) return std::nullopt;
  auto day = parse_iso_day(s.substr(0, 10));
  int hour = number_at(s, 11, 2), minute = number_at(s, 14, 2), second = number_at(s, 17, 2);
  if (!day || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  return *day + hour * 3600 + minute * 60 + second;
}

void add_malformed_line(ParsedChannelLog& out, int line, std::string_view why) {
  ++out.malformed_lines;
  out.warnings.push_back("line " + std::to_string(line) + ": " + std::string(why));
}

ChannelRecordBuilder::ChannelRecordBuilder(std::string_view rel_path, ParsedChannelLog& out)
    : path_(rel_path), stem_(log_id(rel_path)), out_(out) {}

std::string ChannelRecordBuilder::person_of(std::string_view nick) const {
  auto it = person_by_nick_.find(ascii_lower(nick));
  return it != person_by_nick_.end() ? it->second : normalise_person(nick);
}

bool ChannelRecordBuilder::add(int line, std::int64_t time, std::string_view body,
                               std::string anchor) {
  std::optional<Event> event = parse_body(body);
  if (!event) return false;
  if (out_.one_file) {
    std::int64_t day = day_of(time);
    if (latest_day_ && day > *latest_day_) person_by_nick_.clear();
    latest_day_ = std::max(day, latest_day_.value_or(day));
  }
  Record r;
  r.id = stem_ + "#" + std::to_string(line);
  r.channel = out_.channel;
  r.time = time;
  if (!event->nick.empty()) {
    r.speaker = std::string(event->nick);
    r.person = person_of(event->nick);
  }
  r.kind = std::string(event->kind);
  r.text = std::move(event->text);
  r.path = path_;
  r.line = line;
  r.anchor = std::move(anchor);
  // Resolved now, so chains (a -> b -> c) need no walk and cannot loop. Taking
  // back one's own nick ("R4F4EL51 -> R4F4EL", "uumas[m]1 -> uumas") is the
  // one rename where the new nick names the person.
  if (r.kind == "nick") {
    std::string own = normalise_person(event->new_nick);
    bool reclaim = r.person.size() > own.size() && r.person.compare(0, own.size(), own) == 0;
    person_by_nick_[ascii_lower(event->new_nick)] = reclaim ? own : r.person;
  }
  out_.records.push_back(std::move(r));
  return true;
}

Result<ParsedChannelLog> parse_channel_log(std::string_view rel_path, std::string_view content) {
  std::optional<ChannelLogName> name = channel_log_name(rel_path);
  if (!name) {
    return Error{ErrorCode::kUsage,
                 "not a channel log name (#channel.YYYY-MM-DD.log or #channel.log): " +
                     std::string(rel_path)};
  }
  ParsedChannelLog parsed;
  parsed.channel = std::move(name->channel);
  parsed.one_file = name->one_file;
  ChannelRecordBuilder builder(rel_path, parsed);
  std::unordered_map<std::string, int> seen;  // timestamp -> lines with it so far
  int number = 0;
  for (std::size_t pos = 0; pos < content.size();) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view raw = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (raw.find_first_not_of(" \t") == std::string_view::npos) continue;
    bool cut = false;
    std::string cleaned = clean_line(raw, &cut);
    if (cut) add_cut_line(parsed, number);
    std::string_view line = cleaned;
    if (!shaped(line, kTimestampShape) || line.size() <= kIsoTimestampLength ||
        line[kIsoTimestampLength] != ' ') {
      add_malformed_line(parsed, number, "not a channel log line");
      continue;
    }
    std::string stamp(line.substr(0, kIsoTimestampLength));
    int repeat = ++seen[stamp];
    std::string anchor = "t" + stamp;
    if (repeat > 1) anchor.append("-").append(std::to_string(repeat));
    std::string_view body = line.substr(kIsoTimestampLength);
    body.remove_prefix(std::min(body.size(), body.find_first_not_of(' ')));
    std::optional<std::int64_t> time = parse_iso_timestamp(stamp);
    if (!time || !builder.add(number, *time, body, std::move(anchor))) {
      add_malformed_line(parsed, number, "not a channel log line");
    }
  }
  return parsed;
}

}  // namespace eavesearch
