// irclog2html's .log.html of a channel log (style xhtmltable), FORMATS.md 2.3.
//
// irclog2html writes one <tr> per non-empty line of the .log, in order: a
// nick row (<th class="nick">nick</th><td class="text">text</td>) or a
// colspan row holding the whole line after the timestamp ("*** ...",
// "* nick ...", "-nick- ..."). Each row is turned back into that line body and
// read by the .log grammar (channel_line.h), so both forms give the same
// kinds, speakers, persons and texts; row N is line N (empty lines of the .log
// make no row, so they shift the numbers). A row without an id had no
// timestamp: counted as malformed. The time comes from the id
// ("t2020-05-14T15:07:53", "-2" for repeats), which is also the anchor.
// irclog2html drops control characters (TAB too) and writes two spaces as
// "&nbsp;&nbsp;", so &nbsp; is read back as a plain space.
#include <optional>
#include <string>
#include <utility>

#include "eavesearch/text.h"
#include "indexer/channel_line.h"
#include "indexer/html_text.h"
#include "indexer/raw_line.h"

namespace eavesearch {
namespace {

bool is_tag_end(char c) { return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n'; }

// The next start tag `<name ...>` at or after `from`, as [begin, end) with
// `end` just past its '>'; npos begin when there is none.
std::pair<std::size_t, std::size_t> find_start_tag(std::string_view s, std::string_view name,
                                                   std::size_t from) {
  for (std::size_t at = s.find('<', from); at != std::string_view::npos; at = s.find('<', at + 1)) {
    if (s.substr(at + 1, name.size()) != name) continue;
    if (at + 1 + name.size() >= s.size() || !is_tag_end(s[at + 1 + name.size()])) continue;
    std::size_t end = s.find('>', at);
    return {at, end == std::string_view::npos ? s.size() : end + 1};
  }
  return {std::string_view::npos, std::string_view::npos};
}

// The value of attribute `name` in start tag `tag` (quoted with " or ').
std::optional<std::string_view> attribute(std::string_view tag, std::string_view name) {
  for (std::size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    std::size_t eq = at + name.size();
    bool starts_word = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t');
    if (!starts_word || eq + 1 >= tag.size() || tag[eq] != '=') continue;
    char quote = tag[eq + 1];
    if (quote != '"' && quote != '\'') continue;
    std::size_t close = tag.find(quote, eq + 2);
    if (close == std::string_view::npos) return std::nullopt;
    return tag.substr(eq + 2, close - eq - 2);
  }
  return std::nullopt;
}

// The content of the first element `name` at or after `from` inside `row`,
// and in `end` where it ends; nullopt when there is none.
std::optional<std::string_view> element(std::string_view row, std::string_view name,
                                        std::size_t from, std::size_t& end) {
  auto [begin, open_end] = find_start_tag(row, name, from);
  if (begin == std::string_view::npos) return std::nullopt;
  std::string close = "</" + std::string(name) + ">";
  std::size_t close_at = row.find(close, open_end);
  if (close_at == std::string_view::npos) close_at = row.size();
  end = std::min(row.size(), close_at + close.size());
  return row.substr(open_end, close_at - open_end);
}

// The line body a row shows: "<nick> text" for a nick row, else the cell's
// text; "" when the row has no cell.
std::string row_body(std::string_view row) {
  std::size_t end = 0;
  if (auto th = element(row, "th", 0, end)) {
    std::string body = "<";
    body.append(html_to_text(*th)).append("> ");
    if (auto td = element(row, "td", end, end)) body += html_to_text(*td);
    return body;
  }
  auto td = element(row, "td", 0, end);
  return td ? html_to_text(*td) : std::string();
}

}  // namespace

Result<ParsedChannelLog> parse_channel_html(std::string_view rel_path, std::string_view content) {
  std::optional<ChannelLogName> name = channel_log_name(rel_path);
  if (!name) {
    return Error{ErrorCode::kUsage,
                 "not a channel log name (#channel.YYYY-MM-DD.log.html or #channel.log.html): " +
                     std::string(rel_path)};
  }
  ParsedChannelLog parsed;
  parsed.channel = std::move(name->channel);
  parsed.one_file = name->one_file;
  ChannelRecordBuilder builder(rel_path, parsed);
  int number = 0;
  for (std::size_t from = 0;;) {
    auto [begin, open_end] = find_start_tag(content, "tr", from);
    if (begin == std::string_view::npos) break;
    // A row ends at its </tr>, else where the next one starts (searched
    // within the row only, so that unclosed rows stay linear).
    std::size_t next_tr = find_start_tag(content, "tr", open_end).first;
    if (next_tr == std::string_view::npos) next_tr = content.size();
    std::string_view row = content.substr(open_end, next_tr - open_end);
    row = row.substr(0, row.find("</tr>"));
    std::string_view tag = content.substr(begin, open_end - begin);
    from = next_tr;
    ++number;
    bool cut = false;
    std::string body = clean_line(row_body(row), &cut);
    if (cut) add_cut_line(parsed, number);
    std::optional<std::string_view> id = attribute(tag, "id");
    if (!id) {
      if (body.find_first_not_of(" \t") != std::string::npos) {
        add_malformed_line(parsed, number, "no timestamp");
      }
      continue;
    }
    std::optional<std::int64_t> time;
    if (id->size() > kIsoTimestampLength && (*id)[0] == 't') {
      time = parse_iso_timestamp(id->substr(1, kIsoTimestampLength));
    }
    if (!time || !builder.add(number, *time, body, std::string(*id))) {
      add_malformed_line(parsed, number, "not a channel log line");
    }
  }
  return parsed;
}

}  // namespace eavesearch
